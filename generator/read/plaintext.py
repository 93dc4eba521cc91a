"""The reader of text disclosures: UTF-8 text whose tables are tab-separated lines.

Bad input is refused here with the file and line (empty, binary, not
UTF-8, absurdly long lines); everything after this works on the
``Layout`` value and is pure.
"""

from __future__ import annotations

import hashlib

from generator.core.errors import DocumentError
from generator.read import limits
from generator.read.layout import Document, Layout
from generator.read.segment import split


def decode(name: str, raw: bytes) -> Document:
    """Validate and decode the bytes of one disclosure text file."""
    if len(raw) > limits.MAX_TEXT_BYTES:
        raise DocumentError(name, None, f"the file is {limits.size_text(len(raw))}; expected a text disclosure "
                                        f"of at most {limits.size_text(limits.MAX_TEXT_BYTES)}")
    if not raw.strip():
        raise DocumentError(name, None, "the file is empty; expected the text of a budget disclosure")
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
        if len(line) > limits.MAX_LINE_CHARS:
            raise DocumentError(name, number, f"line is {len(line):,} characters long; expected at most "
                                              f"{limits.MAX_LINE_CHARS:,} (is this really a disclosure?)")
    return Document(name, hashlib.sha256(raw).hexdigest(), lines)


def read(name: str, raw: bytes) -> Layout:
    """A text disclosure (tables as tab-separated lines) as text lines and raw tables."""
    doc = decode(name, raw)
    texts, tables = split(doc)
    return Layout(doc, texts, tables)
