"""The sample documents as the reader makes them, each PDF read once however many tests ask for it.

Reading a PDF is the slow part of the tests (pdfplumber reads every page's characters and ruling
lines); normalising what it read is not.  So every test that needs a sample as read (``layout``) or
parsed (``parsed``) asks here, and so does an import run in the test process, through ``reading_once``.
The reader's output is kept for the session in memory and, between sessions, under ``.cache/tests`` by
the project's own layout cache (``store.layout_cache``): keyed by the document's bytes, its name and the
source of the stages it depends on, in a folder named for the versions of the PDF libraries, so that a
changed reader or library never serves an old layout.  ``BUDGETSITE_TEST_CACHE=off`` keeps nothing
between sessions (each document is then read once per session).

Each caller gets its own copy: a test that edits a layout (the recall harness plants errors in one)
never changes what the next test reads.
"""

from __future__ import annotations

import copy
import os
import shutil
from contextlib import contextmanager
from dataclasses import replace
from importlib.metadata import version
from pathlib import Path

import pytest

from generator import read
from generator.core.model import Disclosure
from generator.normalise.disclosure import parse_document
from generator.read.layout import Layout
from generator.store import cache as parse_cache
from generator.store import layout_cache
from generator.store.layout_cache import LayoutCache

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "samples"
SOURCES = ROOT / "data" / "sources"
_DIRS = (SAMPLES, SOURCES)


KEPT = ROOT / ".cache" / "tests"


def _kept() -> bool:
    return os.environ.get("BUDGETSITE_TEST_CACHE", "").lower() not in ("off", "0", "no")


def _libraries() -> str:
    return "-".join(f"{name}{version(name)}" for name in ("pdfplumber", "pdfminer.six", "pypdfium2"))


# named for the reader's code too (its entries are keyed by it): a session removes the folders of other versions
_LAYOUTS = KEPT / f"layouts-{layout_cache._reader_fingerprint()[:16]}-{_libraries()}"
_CACHE = LayoutCache(_LAYOUTS if _kept() else None)
_REAL_PDF = read.READERS[".pdf"]


def path(name: str) -> Path:
    """A sample held in ``tests/samples`` or ``data/sources``."""
    found = next((d / name for d in _DIRS if (d / name).is_file()), None)
    assert found is not None, f"no sample named {name}"
    return found


def _read(name: str, raw: bytes) -> Layout:
    """What the reader makes of the PDF ``name``: kept under the file's own name, the path it was given is
    put back where the reader writes it (the document's name), so that an error cites it as the reader would."""
    real = read.READERS[".pdf"]
    read.READERS[".pdf"] = _REAL_PDF                    # the cache reads with the reader itself
    try:
        found = copy.deepcopy(_CACHE.layout(Path(name).name, raw))
    finally:
        read.READERS[".pdf"] = real
    found.document = replace(found.document, name=name)
    return found


def layout(name: str) -> Layout:
    """The sample ``name`` as the reader reads it (a text is read in no time: it is not kept)."""
    raw = path(name).read_bytes()
    return _read(name, raw) if name.lower().endswith(".pdf") else read.read_source(name, raw)


def parsed(name: str) -> Disclosure:
    """The sample ``name`` as the import parses it (without a reference folder of its own)."""
    return parse_document(layout(name))


def reads() -> int:
    """PDFs actually read by the reader in this session (not found in memory nor in ``.cache/tests``)."""
    return _CACHE.reads


@contextmanager
def pdfs_read_once():
    """Within it, an import in this process (and in the processes it forks) reads each PDF through the cache
    above: the layout the reader makes, read once.  A refusal is never kept: it is raised again each time."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(read.READERS, ".pdf", _read)
        yield


@pytest.fixture
def reading_once():
    """``pdfs_read_once`` for one test."""
    with pdfs_read_once():
        yield


@contextmanager
def keep_parses(folder: Path):
    """The import's parse cache ``folder`` (that of the commands a test runs) holds, from the start, what earlier
    sessions parsed, and what this one parses is kept for the next.  The entries are the parse cache's own
    (``store.cache``: keyed by the bytes, the name and the importer's code), kept in a folder named for the
    importer's code and the PDF libraries' versions; the folders of other versions (of layouts too) are removed."""
    if not _kept():
        yield
        return
    kept = KEPT / f"parses-{parse_cache._code_fingerprint()[:16]}-{_libraries()}"
    if kept.is_dir():
        try:                                    # what another worker is writing (``.tmp-``) is not an entry yet
            shutil.copytree(kept, folder, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".tmp-*"))
        except OSError:                         # (shutil.Error too) an entry removed meanwhile is parsed again
            pass
    yield
    for old in [*KEPT.glob("parses-*"), *KEPT.glob("layouts-*")]:
        if old not in (kept, _LAYOUTS):
            shutil.rmtree(old, ignore_errors=True)
    shards = [p for p in folder.glob("??") if p.is_dir()] if folder.is_dir() else []
    for shard in shards:                        # the parse cache's entries only: never the build's
        for entry in shard.iterdir():
            _keep(entry, kept / shard.name / entry.name)


def _keep(entry: Path, kept: Path) -> None:
    """``entry`` copied to ``kept`` whole or not at all: the parallel workers of a run (pytest-xdist) and
    other runs keep and read the same folder at once.  One already kept with the same bytes stays as it is."""
    if not entry.is_file() or entry.name.startswith("."):
        return
    try:
        data = entry.read_bytes()
        if kept.is_file() and kept.read_bytes() == data:
            return
        parse_cache.write_atomically(kept, data)
    except OSError:
        pass                                    # a folder that cannot be written only costs time
