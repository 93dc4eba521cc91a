"""Reading a raw disclosure file into numbered lines, refusing bad input clearly.

This is the I/O edge of the importer: everything after it works on the
``Document`` value and is pure.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from generator.core.errors import DocumentError

MAX_LINE_CHARS = 20000
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Document:
    """A source document: its name, content hash and lines (1-based numbering)."""

    name: str
    sha256: str
    lines: tuple[str, ...]

    def line(self, number: int) -> str:
        return self.lines[number - 1]


def decode(name: str, raw: bytes) -> Document:
    """Validate and decode the bytes of one disclosure text file."""
    if not raw.strip():
        raise DocumentError(name, None, "the file is empty; expected the text of a budget disclosure")
    if len(raw) > MAX_FILE_BYTES:
        raise DocumentError(name, None, f"the file is {len(raw)} bytes; expected a text disclosure under {MAX_FILE_BYTES} bytes")
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise DocumentError(name, line, "the file contains NUL bytes: it looks binary; expected UTF-8 text exported from the PDF")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DocumentError(name, line, f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; expected UTF-8 text (convert the file, e.g. from GBK)") from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = tuple(text.split("\n"))
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_LINE_CHARS:
            raise DocumentError(name, number, f"line is {len(line)} characters long; expected at most {MAX_LINE_CHARS} (is this really a disclosure?)")
    return Document(name, hashlib.sha256(raw).hexdigest(), lines)


def read_document(path: Path) -> Document:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(str(path), None, f"cannot read the file: {exc.strerror}") from None
    return decode(path.name, raw)
