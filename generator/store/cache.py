"""The parse cache: a document whose bytes did not change is not parsed again.

Parsing a PDF is the slow part of an import (pdfplumber reads every page's
characters and ruling lines).  Each parsed document is kept under the
cache folder, keyed by the SHA-256 of its bytes, its file name (provenance
cites it) and a fingerprint of the importer itself: the source of every
module that reads, recognises and normalises, and the reference files.  A
changed importer therefore never serves an old result; at worst the cache
is cold.

Every entry of the caches (the parse cache here, the build's in
``site.build``: its units, open data and memo) is data only, never
pickle: JSON, with the typed model through ``core.datacodec``, which
rebuilds only the dataclasses it is given.  An entry is written atomically
behind a header holding the SHA-256 of its content (``write_entry``); an
entry whose content does not match it (a damaged disk, a file put there by
hand) is a miss, made again, with a warning (``read_entry``).  A cache that
cannot be written is a warning too: the work goes on without it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import generator
from generator.core import datacodec
from generator.core.datacodec import Codec, OtherSchema
from generator.core.model import Disclosure
from generator.core.notices import warn

# the stages whose code decides what a parse gives
_STAGES = ("core", "templates", "read", "recognise", "normalise")


def default_dir() -> Path:
    """``$XDG_CACHE_HOME/budgetsite`` (``~/.cache/budgetsite``)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "budgetsite"


def _code_fingerprint() -> str:
    return code_fingerprint(_STAGES)


@cache
def code_fingerprint(stages: tuple[str, ...]) -> str:
    """A hash of the source of the packages ``stages`` of the generator (and their data files): what a cache
    of their results is keyed by, so that changed code never serves an old result."""
    root = Path(generator.__file__).parent
    h = hashlib.sha256()
    for stage in stages:
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
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)            # a full disk leaves no half-written temporary behind
        except OSError:
            pass
        raise


# an entry is this header line (with the SHA-256 of its content in hex), then its content
_MAGIC = b"budgetsite-cache sha256="
_HEADER = len(_MAGIC) + 64 + 1

_said: set[str] = set()


def _once(message: str) -> None:
    """``warn`` once in a process (a command, or a ``serve`` session), however often it comes up."""
    if message not in _said:
        _said.add(message)
        warn(message)


def write_entry(path: Path, payload: bytes) -> None:
    """``payload`` at ``path``, atomically, behind a header holding its SHA-256 (``read_entry`` checks it)."""
    write_atomically(path, _MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)


def read_entry(path: Path) -> bytes | None:
    """The content of the entry at ``path`` when its checksum matches; None otherwise.  A missing or unreadable
    entry is only a miss; one whose header or checksum is wrong is damaged: a miss, and a warning."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    payload = data[_HEADER:]
    if (data[:len(_MAGIC)] != _MAGIC or data[_HEADER - 1:_HEADER] != b"\n"
            or hashlib.sha256(payload).hexdigest().encode() != data[len(_MAGIC):_HEADER - 1]):
        damaged(path)
        return None
    return payload


def damaged(path: Path) -> None:
    """Warn that the entry at ``path`` is damaged (its caller then makes it again)."""
    _once(f"the cache entry {path} is damaged: it is made again")


def write_json_entry(path: Path, value, codec: Codec | None = None) -> None:
    """``value`` as the JSON entry at ``path``: through ``codec`` (tuples, Decimals, its dataclasses), or as
    plain JSON (dicts, lists, text, numbers)."""
    if codec is None:
        payload = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    else:
        payload = codec.dumps(value)
    write_entry(path, payload)


def read_json_entry(path: Path, codec: Codec | None = None, restore: Callable | None = None):
    """What ``write_json_entry`` wrote at ``path`` (with the same ``codec``), through ``restore``, which checks
    its shape (raising ValueError, TypeError, KeyError or IndexError when it is not what was written) and
    may rebuild it; None for a miss: missing, unreadable, damaged (with a warning, ``read_entry``) or written
    by another version of the code (``OtherSchema``)."""
    payload = read_entry(path)
    if payload is None:
        return None
    try:
        value = json.loads(payload) if codec is None else codec.loads(payload)
        return value if restore is None else restore(value)
    except OtherSchema:
        return None
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        damaged(path)
        return None


def of_kind(kind: type) -> Callable:
    """A ``restore`` that takes only an instance of ``kind``."""
    def check(value):
        if not isinstance(value, kind):
            raise TypeError(f"not a {kind.__name__}")
        return value
    return check


def cannot_write(what: str, folder: Path, exc: OSError, run: str) -> None:
    """Warn, once, that ``what`` cannot be written at ``folder``: ``run`` goes on without it."""
    _once(f"cannot write {what} at {folder} ({exc.strerror or exc}); {run} goes on without it")


def usable(folder: Path, what: str, run: str) -> bool:
    """Whether files can be made in ``folder`` (made itself when missing); when they cannot, a warning that
    ``run`` goes on without ``what``."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        cannot_write(what, folder, exc, run)
        return False
    return True


class ParseCache:
    """Parsed documents by content; ``folder`` None disables it."""

    def __init__(self, folder: Path | None, extra_dir: str | None):
        self.folder = folder
        self._importer = hashlib.sha256((_code_fingerprint() + _reference_fingerprint(extra_dir)).encode()).hexdigest()
        self.hits = 0
        self._writable = True

    def _path(self, name: str, raw: bytes) -> Path:
        key = hashlib.sha256(self._importer.encode() + b"\0" + name.encode() + b"\0" + raw).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, name: str, raw: bytes) -> Disclosure | None:
        if self.folder is None:
            return None
        found = read_json_entry(self._path(name, raw), datacodec.MODEL, of_kind(Disclosure))
        if found is None:
            return None
        self.hits += 1
        return found

    def put(self, name: str, raw: bytes, part: Disclosure) -> None:
        if self.folder is None or not self._writable:
            return
        try:
            write_json_entry(self._path(name, raw), part, datacodec.MODEL)
        except OSError as exc:
            self._writable = False          # a cache that cannot be written only costs time
            cannot_write("the parse cache", self.folder, exc, "the import")
