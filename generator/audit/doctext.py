"""The documents' own words, line by line, for the checks that read them rather than their tables.

A disclosure keeps the text form of each source (``Source.text``): the lines
rows, statements and findings cite.  Headings, the table of contents, dates
and the sentences that compare figures are read from it here, so that each
such check quotes the document's words at the line a reader finds them on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from generator.core.model import Disclosure, Source
from generator.core.money import Amount, half_unit, parse_amount
from generator.core.text import compact

# a sentence ends here; a title (heading, table of contents entry, table title) has none of these
SENTENCE_MARKS = re.compile(r"[，,。；;：:！？]")
# a money figure as the narrative prints it: “307.82 万元”, “21,143,300元”
MONEY = re.compile(r"(?<![\d.])(\d[\d,]*(?:\.\d+)?)\s*(万元|元)")
_QUOTES = str.maketrans("", "", "“”\"'‘’「」")


class Line(NamedTuple):
    """One line of a source's text form (a tuple: every check walks every line of every document)."""

    document: str
    number: int          # 1-based, as findings cite it
    text: str

    @property
    def key(self) -> str:
        return title_key(self.text)


def lines(source: Source) -> Iterator[Line]:
    """Every line of a source's text form."""
    name = source.name
    return (Line(name, i, text) for i, text in enumerate(source.text, 1))


def prose(d: Disclosure) -> Iterator[Line]:
    """The lines of running text of every source: not a table row (no tab between cells), not blank."""
    for s in d.sources:
        for line in lines(s):
            if "\t" not in line.text and line.text.strip():
                yield line


def title_key(text: str) -> str:
    """A title as compared with another printing of it: no spaces, no quotes (三公 and “三公” alike)."""
    return compact(text).translate(_QUOTES)


def within(short: str, long: str) -> bool:
    """Whether ``short`` is ``long`` with characters left out (省人大办公厅 in 江苏省人大常委会办公厅): how a title or a
    name is printed shorter elsewhere in one document."""
    rest = iter(long)
    return all(ch in rest for ch in short)


def is_title(text: str, longest: int = 70) -> bool:
    """Whether a line reads as a heading or a title: short, no sentence punctuation."""
    key = compact(text)
    return 0 < len(key) <= longest and not SENTENCE_MARKS.search(key)


@dataclass(frozen=True)
class Money:
    """A money figure of a sentence: as printed, exact, and where it stands in the line."""

    amount: Amount
    start: int
    end: int

    @property
    def yuan(self) -> int:
        return self.amount.yuan or 0

    @property
    def tolerance(self) -> int:
        return half_unit(self.amount.unit, self.amount.decimals)

    @property
    def printed(self) -> str:
        return f"{self.amount.printed} {self.amount.unit}"


def money(text: str, start: int = 0, end: int | None = None) -> list[Money]:
    """The money figures of ``text[start:end]``, in order."""
    out = []
    for m in MONEY.finditer(text, start, len(text) if end is None else end):
        amount = parse_amount(m.group(1).replace(",", ""), m.group(2))
        if amount.yuan is not None:
            out.append(Money(amount, m.start(), m.end()))
    return out


def quote(text: str, start: int, end: int, around: int = 16) -> str:
    """The words of a finding: the span with a little of what surrounds it, as printed."""
    head = "…" if start - around > 0 else ""
    tail = "…" if end + around < len(text) else ""
    return head + text[max(0, start - around):end + around].strip() + tail
