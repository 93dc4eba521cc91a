"""Readers: one per input kind, chosen by the file's suffix; each returns a ``Layout``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from generator.core.errors import DocumentError
from generator.read import pdf, plaintext
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
