"""The README's test command on a machine without Chromium: the browser tests are skipped with one line that
says why and how to get it; with ``CI`` set they fail instead, so that CI cannot pass without running them."""

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def _pytest_without_chromium(ci: bool, workers: str) -> subprocess.CompletedProcess:
    """The README's command on the browser tests of one module, with ``workers`` parallel workers (``0``: in the
    one process; the summary is then counted from the same reports without a worker in between)."""
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["BUDGETSITE_CHROMIUM"] = str(ROOT / "no-such-chromium")
    if ci:
        env["CI"] = "true"
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", workers, "-m",
                           "browser", "tests/site/test_csp.py"], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=300)


def test_without_chromium_the_browser_tests_are_skipped_in_one_line():
    result = _pytest_without_chromium(ci=False, workers="1")      # through a worker, as the README's command runs
    assert result.returncode == 0, result.stdout
    said = [line for line in result.stdout.splitlines() if "Chromium" in line]
    assert said == [f"6 browser tests skipped: Chromium not found at {ROOT / 'no-such-chromium'} "
                    f"(sudo apt-get install chromium, or BUDGETSITE_CHROMIUM=PATH)"]
    assert "6 skipped" in result.stdout and "error" not in result.stdout.lower()


def test_with_ci_set_they_are_required():
    result = _pytest_without_chromium(ci=True, workers="0")
    assert result.returncode == 1
    assert "6 errors" in result.stdout and "CI is set, so the browser tests are required" in result.stdout
    assert "6 browser tests failed (CI is set: they are required)" in result.stdout
