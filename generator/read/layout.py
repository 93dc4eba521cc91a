"""What every reader produces: a document's lines, its text outside tables and its raw tables.

A reader (one per input kind) turns a published file into a ``Layout``;
the stages after it never see the file again.  Every text line and every
table row keeps its line number in the document, which is what the
published site cites.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """A source document: its name, content hash and lines (1-based numbering).

    A PDF's lines are its text form (``generator.read.pdf``), and ``pages``
    gives the page of each line; a text document has no pages.
    """

    name: str
    sha256: str
    lines: tuple[str, ...]
    pages: tuple[int, ...] = ()


@dataclass
class Row:
    line: int
    cells: list[str]

    def text(self, i: int) -> str:
        return self.cells[i] if i < len(self.cells) else ""


@dataclass
class RawTable:
    start: int
    end: int
    rows: list[Row]
    title: str = ""
    title_line: int = 0
    unit: str | None = None
    department: str | None = None
    notes: list[tuple[int, str]] = field(default_factory=list)
    intro: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class TextLine:
    line: int
    text: str


@dataclass
class Layout:
    """A document as read: its text lines (outside tables) and its raw tables, in order."""

    document: Document
    texts: list[TextLine]
    tables: list[RawTable]
