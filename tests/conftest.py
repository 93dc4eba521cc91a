import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

try:
    import fcntl
except ImportError:                     # Windows: each worker makes the run's shared folders for itself
    fcntl = None

import pytest

from generator.normalise.disclosure import parse_document
from generator.normalise.merge import merge
from generator.read import read_source
from tests import documents
from tests.documents import reading_once  # noqa: F401  (a fixture for every module)

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "data" / "sources"

# The browser tests (marked ``browser``) drive Debian's Chromium; another one may be named here
CHROMIUM = os.environ.get("BUDGETSITE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
NO_CHROMIUM = f"Chromium not found at {CHROMIUM} (sudo apt-get install chromium, or BUDGETSITE_CHROMIUM=PATH)"


def _chromium_missing() -> bool:
    return not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK))


def pytest_collection_modifyitems(config, items):
    """In a parallel run (pytest-xdist), the long tests (``slow``, ``browser``) first, each group in its order:
    the workers take the next test as they are free, so the run does not end with one worker on a long test
    and the other idle.

    Without Chromium, the browser tests are skipped, and said so in one line at the end; with ``CI`` set they
    are required instead: each fails, so that CI can never pass without them."""
    if hasattr(config, "workerinput"):
        items.sort(key=lambda item: not (item.get_closest_marker("slow") or item.get_closest_marker("browser")))
    if os.environ.get("CI") or not _chromium_missing():
        return
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.skip(reason=NO_CHROMIUM))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if os.environ.get("CI") and item.get_closest_marker("browser") and _chromium_missing():
        pytest.fail(f"CI is set, so the browser tests are required: {NO_CHROMIUM}", pytrace=False)


def pytest_terminal_summary(terminalreporter, config):
    """Counted from the tests' reports, which the parallel workers (pytest-xdist) send to the process that
    writes the summary: the workers collected the tests, this process did not."""
    if not _chromium_missing():
        return
    missing = {report.nodeid for reports in terminalreporter.stats.values() for report in reports
               if "browser" in (getattr(report, "keywords", None) or {}) and getattr(report, "when", "") != "teardown"}
    if missing:
        what = "failed (CI is set: they are required)" if os.environ.get("CI") else "skipped"
        terminalreporter.write_line(f"{len(missing)} browser tests {what}: {NO_CHROMIUM}")


@pytest.fixture(autouse=True, scope="session")
def _own_temporary_folder(tmp_path_factory):
    """What the commands the tests run keep in a temporary folder (a build's scratch folder, which a build
    killed on purpose cannot remove) goes in the session's folder, not the machine's ``/tmp``."""
    old = os.environ.get("TMPDIR")
    os.environ["TMPDIR"] = str(tmp_path_factory.mktemp("tmp"))
    tempfile.tempdir = None                     # asked again of the environment
    yield
    if old is None:
        del os.environ["TMPDIR"]
    else:
        os.environ["TMPDIR"] = old
    tempfile.tempdir = None


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory):
    """The caches of the commands the tests run live in a folder of the test session, never in the user's home.
    Its parse cache starts with the documents parsed by earlier sessions (``documents.keep_parses``), so that
    each import of the bundled data does not read its PDFs again; the build's cache starts empty."""
    old = os.environ.get("XDG_CACHE_HOME")
    home = tmp_path_factory.mktemp("cache")
    os.environ["XDG_CACHE_HOME"] = str(home)
    with documents.keep_parses(home / "budgetsite"):
        yield
    if old is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = old


@pytest.fixture(autouse=True, scope="session")
def _english_messages():
    """The tests read the command line's English messages whatever the machine's locale (a Chinese locale
    chooses Chinese messages: ``core.messages.language``); tests of the Chinese ones ask for them."""
    import os

    old = {k: os.environ[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if k in os.environ}
    for key, value in old.items():
        if value.lower().startswith("zh"):
            os.environ[key] = "C.UTF-8"
    yield
    os.environ.update(old)


@pytest.fixture(scope="session")
def disclosures():
    parts = [parse_document(read_source(p.name, p.read_bytes())) for p in sorted(SOURCES.glob("*.txt"))]
    return {d.department: d for d in merge(parts)}


def table(d, table_id):
    return next(t for t in d.tables if t.id == table_id)


def row(t, **match):
    return next(r for r in t.rows if all(getattr(r, k) == v for k, v in match.items()))


def once_for_the_run(request, tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder made by ``make(folder)`` once for the whole run: the parallel workers (pytest-xdist) share it,
    the first to ask makes it while the others wait.  Read only: a test that changes it copies it."""
    if not hasattr(request.config, "workerinput") or fcntl is None:          # not a worker of a parallel run
        folder = tmp_path_factory.mktemp(name)
        make(folder)
        return folder
    run = tmp_path_factory.getbasetemp().parent            # the run's temporary folder, above each worker's
    folder, done = run / name, run / f"{name}.done"
    with open(run / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)                   # released when the file closes, or its process dies
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)      # what a worker that failed making it left
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def site(request, tmp_path_factory):
    """The sample site, built once for the run, without a build cache: what the tests of the cache may
    compare their builds with.  Read only."""
    from generator.api import build_site

    def make(folder: Path) -> None:
        build_site(ROOT, ROOT / "data", folder / "output", use_cache=False)

    return once_for_the_run(request, tmp_path_factory, "site", make) / "output"


def some_data(dest: Path, *keep: str) -> Path:
    """A copy of the bundled data at ``dest/data`` holding only the disclosures named in ``keep`` (their folders
    under ``disclosures``: ``region/department/year``) and their source documents, the registry whole: for a
    test that builds again and again, where the number of disclosures adds nothing to what it checks.  (The
    session's ``site`` is the whole bundled data built.)"""
    data = dest / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("disclosures", "sources"))
    for folder in keep:
        source = ROOT / "data" / "disclosures" / folder
        assert (source / "disclosure.json").is_file(), f"no disclosure {folder}"
        shutil.copytree(source, data / "disclosures" / folder)
        meta = json.loads((source / "disclosure.json").read_text(encoding="utf-8"))
        for document in meta["sources"]:
            (data / "sources").mkdir(exist_ok=True)
            shutil.copy2(SOURCES / document["name"], data / "sources" / document["name"])
    return data


# a few disclosures of four regions, for the tests that build again and again: 江苏省人民检察院 has two
# years, 济源 and 漯河 a region each, 郑州 two departments
FEW = ("jiangsu/renminjianchayuan/2017-budget", "jiangsu/renminjianchayuan/2018-budget",
       "jiyuan/xingzhengfuwuzhongxin/2020-budget", "luohe/renminzhengfubangongshi/2023-budget",
       "zhengzhou/renminzhengfubangongting/2020-budget", "zhengzhou/zhengwufuwubangongshi/2024-budget")


def data_with_a_second_year(dest: Path) -> Path:
    """``some_data(dest, *FEW)`` with 漯河市人民政府办公室 2023 copied as its 2024, whose total is 5,000 万元
    (4,596.71 in 2023): a department with two years, whose page draws the trend of its total."""
    data = some_data(dest, *FEW)
    src = data / "disclosures/luohe/renminzhengfubangongshi/2023-budget"
    dst = src.parent / "2024-budget"
    shutil.copytree(src, dst)
    meta = json.loads((dst / "disclosure.json").read_text(encoding="utf-8"))
    meta["year"] = 2024
    (dst / "disclosure.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    money = dst / "money.csv"
    text = money.read_text(encoding="utf-8")
    assert text.count(",45967100,") > 3                # the total, as every table states it
    money.write_text(text.replace(",45967100,", ",50000000,"), encoding="utf-8")
    return data


@pytest.fixture(scope="session")
def second_year(request, tmp_path_factory) -> tuple[Path, Path]:
    """``data_with_a_second_year`` and the site built from it, once for the run: (data, site).  Read only: a
    test that changes either copies it."""
    from generator.api import build_site

    def make(root: Path) -> None:
        build_site(ROOT, data_with_a_second_year(root), root / "output")

    root = once_for_the_run(request, tmp_path_factory, "second-year", make)
    return root / "data", root / "output"
