"""The parse cache: a document whose bytes did not change is not parsed again.

Parsing a PDF is the slow part of an import (pdfplumber reads every page's
characters and ruling lines).  Each parsed document is kept under the
cache folder, keyed by the SHA-256 of its bytes, its file name (provenance
cites it) and a fingerprint of the importer itself: the source of every
module that reads, recognises and normalises, and the reference files.  A
changed importer therefore never serves an old result; at worst the cache
is cold.  Entries are written atomically, and an unreadable entry is
simply parsed again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

import generator
from generator.core.model import Disclosure

# the stages whose code decides what a parse gives
_STAGES = ("core", "read", "recognise", "normalise")


def default_dir() -> Path:
    """``$XDG_CACHE_HOME/budgetsite`` (``~/.cache/budgetsite``)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "budgetsite"


@cache
def _code_fingerprint() -> str:
    root = Path(generator.__file__).parent
    h = hashlib.sha256()
    for stage in _STAGES:
        for path in sorted((root / stage).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".csv", ".yaml", ".json", ".txt"):
                h.update(str(path.relative_to(root)).encode())
                h.update(path.read_bytes())
    return h.hexdigest()


def _reference_fingerprint(extra_dir: str | None) -> str:
    h = hashlib.sha256()
    if extra_dir and Path(extra_dir).is_dir():
        for path in sorted(Path(extra_dir).rglob("*")):
            if path.is_file():
                h.update(str(path.relative_to(extra_dir)).encode())
                h.update(path.read_bytes())
    return h.hexdigest()


def write_atomically(path: Path, data: bytes) -> None:
    """``data`` at ``path`` through a temporary sibling: a reader never sees half a cache entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def read_pickle(path: Path, kind: type = object):
    """What ``path`` holds, when it is there, readable and a ``kind``; else None.  A cache entry that cannot
    be read (missing, cut short, written by other code) is only a miss."""
    try:
        with path.open("rb") as fh:
            found = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return found if isinstance(found, kind) else None


class ParseCache:
    """Parsed documents by content; ``folder`` None disables it."""

    def __init__(self, folder: Path | None, extra_dir: str | None):
        self.folder = folder
        self._importer = hashlib.sha256((_code_fingerprint() + _reference_fingerprint(extra_dir)).encode()).hexdigest()
        self.hits = 0

    def _path(self, name: str, raw: bytes) -> Path:
        key = hashlib.sha256(self._importer.encode() + b"\0" + name.encode() + b"\0" + raw).hexdigest()
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, name: str, raw: bytes) -> Disclosure | None:
        if self.folder is None:
            return None
        found = read_pickle(self._path(name, raw), Disclosure)
        if found is None:
            return None
        self.hits += 1
        return found

    def put(self, name: str, raw: bytes, part: Disclosure) -> None:
        if self.folder is None:
            return
        try:
            write_atomically(self._path(name, raw), pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass          # a cache that cannot be written only costs time
