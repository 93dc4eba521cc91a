"""Readers: one per input kind, chosen by the file's suffix; each returns a ``Layout``.

``read_file`` takes a document's bytes from disk within the limits of ``limits``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path, PurePath

from generator.core.errors import DocumentError
from generator.read import limits, pdf, plaintext
from generator.read.layout import Layout

READERS: dict[str, Callable[[str, bytes], Layout]] = {
    ".txt": plaintext.read,
    ".pdf": pdf.read,
}


def can_read(name: str) -> bool:
    return PurePath(name).suffix.lower() in READERS


def read_source(name: str, raw: bytes) -> Layout:
    """Read one published file; a kind with no reader is refused, naming the kinds that have one."""
    reader = READERS.get(PurePath(name).suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise DocumentError(name, None, f"cannot read this kind of file; expected one of: {known}")
    return reader(name, raw)


def max_bytes(name: str) -> int:
    """The largest file of this kind that is read (by suffix; a kind with no limit of its own gets the largest)."""
    return limits.MAX_BYTES.get(PurePath(name).suffix.lower(), max(limits.MAX_BYTES.values()))


def read_file(path: Path) -> bytes:
    """The bytes of a document on disk; what is not a regular file, or is too large, is refused before reading.

    The kind of file is told from ``os.stat`` before it is opened, so a
    named pipe or a device is never opened (it could block, or never end);
    at most one byte past the limit is read, so a file that grows meanwhile
    is refused too.
    """
    shown = str(path)
    limit = max_bytes(shown)
    try:
        st = os.stat(path)
    except OSError as exc:
        raise DocumentError(shown, None, f"cannot read the file: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise DocumentError(shown, None, f"this is {_file_kind(st.st_mode)}, not a file; expected a disclosure "
                                         "file (.pdf or .txt)")
    if st.st_size > limit:
        raise DocumentError(shown, None, f"the file is {limits.size_text(st.st_size)}; expected a disclosure of at "
                                         f"most {limits.size_text(limit)}")
    try:
        # O_NONBLOCK: should the path be swapped for a pipe after the check, opening it still returns at once
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            now = os.fstat(f.fileno())
            if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
                raise DocumentError(shown, None, "the file was replaced while being read; import it again")
            raw = f.read(st.st_size + 1)         # a buffer of the size seen, not of the limit
            if len(raw) > st.st_size:           # it grew since: read on, to one byte past the limit
                raw += f.read(limit + 1 - len(raw))
    except OSError as exc:
        raise DocumentError(shown, None, f"cannot read the file: {exc.strerror or exc}") from None
    if len(raw) > limit:
        raise DocumentError(shown, None, f"the file grew past {limits.size_text(limit)} while being read; expected "
                                         f"a disclosure of at most {limits.size_text(limit)}")
    return raw


def _file_kind(mode: int) -> str:
    """What a path that is not a regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device (such as /dev/zero)"
    if stat.S_ISBLK(mode):
        return "a block device (a disk)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"
