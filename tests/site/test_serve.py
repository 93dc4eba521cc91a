"""``budgetsite serve``: its address (127.0.0.1 by default, --port, --bind), one clear line when the port is taken,
and a failed rebuild shown on the pages as well as in the terminal.  Every server here listens on a loopback
address of a port the system gave, and is stopped by the test that started it."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def _env():
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}


@pytest.fixture
def new_site(tmp_path) -> Path:
    folder = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "generator", "init", str(folder)], capture_output=True,
                            text=True, env=_env())
    assert result.returncode == 0, result.stderr
    return folder


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(folder: Path, *args: str, bind: str = "127.0.0.1"):
    """``budgetsite serve`` in ``folder`` until the block ends; yields its URL once it serves, and its output."""
    port = _free_port()
    log = folder.parent / f"serve-{port}.log"
    with open(log, "w+", encoding="utf-8") as out:
        proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", str(port), *args],
                                cwd=folder, stdout=out, stderr=subprocess.STDOUT, text=True, env=_env())
        try:
            url = f"http://{bind}:{port}/"
            _until(lambda: url in log.read_text(encoding="utf-8") or proc.poll() is not None, 60)
            assert proc.poll() is None, log.read_text(encoding="utf-8")
            yield url, log
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _until(condition, seconds: float) -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.2)


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.read().decode("utf-8")


def test_a_port_in_use_is_one_clear_line_before_any_build(new_site):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        began = time.monotonic()
        result = subprocess.run([sys.executable, "-m", "generator", "serve", "--port", str(port)], cwd=new_site,
                                capture_output=True, text=True, env=_env(), timeout=60)
    assert result.returncode == 1
    assert result.stderr == (f"error: cannot serve at http://127.0.0.1:{port}/: the port is already in use "
                             f"(another budgetsite serve?); choose another with --port\n")
    assert result.stdout == ""                                   # not "serving at …" first
    assert not (new_site / "output").exists()                    # refused before building
    assert time.monotonic() - began < 30


def test_it_serves_on_loopback_by_default_and_the_failed_rebuild_is_on_the_page(new_site):
    settings = new_site / "site.yaml"
    with serving(new_site) as (url, log):
        page = _get(url)
        assert '<script src="/livereload.js' in page
        assert "budgetsite-preview-error" not in page
        good = _break(settings)
        _until(lambda: "budgetsite-preview-error" in _get(url), 60)
        page = _get(url + "about/")
        banner = page[page.index("<body"):][:600]
        assert "The last rebuild failed" in banner and "titel" in banner          # on every page, with its error
        assert '<link rel="stylesheet" href="/_budgetsite/preview.css">' in page
        assert "unknown key 'titel'" in log.read_text(encoding="utf-8")           # and in the terminal
        with urllib.request.urlopen(url + "_budgetsite/preview.css", timeout=10) as r:
            assert r.headers["Content-Type"].startswith("text/css") and b".budgetsite-preview-error" in r.read()
        settings.write_text(good, encoding="utf-8")
        _until(lambda: "budgetsite-preview-error" not in _get(url), 60)
        assert log.read_text(encoding="utf-8").count("rebuilt:") == 2          # the first build, and this one


def test_bind_is_the_only_address_it_listens_on(new_site):
    with serving(new_site, "--bind", "127.0.0.2", bind="127.0.0.2") as (url, _):
        assert "<title>" in _get(url)
        with pytest.raises(OSError):
            _get(url.replace("127.0.0.2", "127.0.0.1"))            # the default address is not served


def test_verbose_logs_each_request_and_the_default_does_not(new_site):
    for args, logged in ((), False), (("-v",), True):
        with serving(new_site, *args) as (url, log):
            _get(url + "about/")
            time.sleep(0.5)
            assert ("GET /about/" in log.read_text(encoding="utf-8")) is logged


def test_an_address_other_than_loopback_is_said_to_show_the_preview_to_the_network():
    from generator.site.build.serve import loopback

    assert all(loopback(a) for a in ("127.0.0.1", "127.0.0.2", "::1", "localhost"))
    assert not any(loopback(a) for a in ("0.0.0.0", "::", "192.168.1.10", "example.org"))


def _break(settings: Path) -> str:
    good = settings.read_text(encoding="utf-8")
    settings.write_text(good + "titel: 拼错的键\n", encoding="utf-8")
    return good


@pytest.mark.browser
def test_the_banner_shows_in_the_browser_under_the_pages_policy(new_site, browser):
    with serving(new_site, "--lang", "zh") as (url, _):
        _break(new_site / "site.yaml")
        _until(lambda: "budgetsite-preview-error" in _get(url), 60)
        page = browser.new_page()
        try:
            errors = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(url + "about/")
            banner = page.locator(".budgetsite-preview-error")
            assert banner.is_visible() and "最近一次重新生成失败" in banner.inner_text()
            # its stylesheet applies: the policy allows the preview's own file, as it allows the site's
            assert banner.evaluate("e => getComputedStyle(e).position") == "sticky"
            assert banner.bounding_box()["y"] == 0
            assert errors == []
        finally:
            page.close()
