"""Findings as a reader reads them: where, in the document's own pages, and which figure is which.

An audit finding names its document by file name and its figures as the
check compared them (``expected`` / ``found``).  A reader who is not an
accountant needs the document by what it is and the page to open, a plain
statement of what each figure is (printed here, computed there), and both
figures in one unit.  This module makes that view; the check says what its
figures are (``Finding.expected_as`` / ``found_as``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from generator.core.model import Finding, Source
from generator.core.vocabulary import Severity
from generator.site.shared import urls

SEVERITY = {Severity.ERROR: "错误", Severity.WARNING: "需注意", Severity.INFO: "说明"}

# what each figure of a finding is when its check does not say (the comparison of a printed figure with what
# the audit expected of it)
EXPECTED_AS = "核对应有"
FOUND_AS = "原文所印"

_FIGURE = re.compile(r"^(-?[\d,]+(?:\.\d+)?)\s*(元|万元|%)$")


@dataclass(frozen=True)
class Place:
    """A line of a document as the reader finds it: the document, its page and line, and links to both."""

    document: str          # the document, as the reader knows it (its title, or its file name)
    page: int | None       # the page of a PDF (None for a text document)
    line: int
    text_url: str          # the line in the document's text page
    pdf_url: str           # the PDF at that page ("" for a text document)


@dataclass(frozen=True)
class FindingView:
    severity: str          # error | warning | info
    severity_label: str
    message: str           # the check's sentence, with documents named as the reader knows them
    figures: list[tuple[str, str]] = field(default_factory=list)   # (what it is, the figure), in one unit
    places: list[Place] = field(default_factory=list)


def document_names(sources: list[Source]) -> dict[str, str]:
    """How each source document is named to readers: ``原文`` when the disclosure has one, else its title
    where it reads as one (a department's 部门预算, 决算, its 绩效目标申报表 …) and its file name where it
    does not."""
    if len(sources) == 1:
        return {sources[0].name: "原文"}
    out = {}
    for s in sources:
        title = re.sub(r"\s+", "", s.title)
        out[s.name] = f"《{title}》" if len(title) >= 8 and re.search(r"预算|决算|绩效|公开|申报表", title) else s.name
    return out


def one_unit(expected: str, found: str) -> tuple[str, str]:
    """The two figures in one unit: a figure in 元 beside one in 万元 is shown in 万元 as well (exactly, with
    as many decimals as it needs); anything else as it is."""
    a, b = _FIGURE.match(expected.strip()), _FIGURE.match(found.strip())
    if not (a and b) or a.group(2) == b.group(2) or "%" in (a.group(2), b.group(2)):
        return expected, found
    return _in_wan(a), _in_wan(b)


def _in_wan(m: re.Match[str]) -> str:
    number, unit = Decimal(m.group(1).replace(",", "")), m.group(2)
    if unit == "元":
        number = number / 10000
    text = f"{number:,.6f}".rstrip("0")
    whole, _, decimals = text.partition(".")
    return f"{whole}.{decimals.ljust(2, '0')} 万元"


def _is_figure(text: str) -> bool:
    return bool(_FIGURE.match(text.strip()))


def locator(sources: list[Source], page_path: str) -> Callable[[str, int], Place]:
    """Where a line of one of ``sources`` is, as links from the page at ``page_path``."""
    names = document_names(sources)
    pages = {s.name: s.page_of_lines() for s in sources}
    pdfs = {s.name for s in sources if s.name.lower().endswith(".pdf")}

    def place(document: str, line: int) -> Place:
        of_lines = pages.get(document, [])
        page = of_lines[line - 1] if 0 < line <= len(of_lines) else None
        pdf = (urls.relative(page_path, urls.source_text(document)) + (f"#page={page}" if page else "")
               if document in pdfs else "")
        return Place(names.get(document, document), page, line,
                     urls.relative(page_path, urls.source_document(document, line)), pdf)

    return place


def present(findings: list[Finding], sources: list[Source], page_path: str) -> list[FindingView]:
    """Each finding as the department-year page at ``page_path`` shows it."""
    names = document_names(sources)
    place = locator(sources, page_path)
    out = []
    for f in findings:
        message = f.message
        for name, label in names.items():
            message = message.replace(name, label)
        figures: list[tuple[str, str]] = []
        if f.expected and f.found and _is_figure(f.expected) and _is_figure(f.found):
            expected, found = one_unit(f.expected, f.found)
            figures = [(f.found_as or FOUND_AS, found), (f.expected_as or EXPECTED_AS, expected)]
        places = [place(f.document, f.line)]
        if f.other_document and f.other_line:
            places.append(place(f.other_document, f.other_line))
        out.append(FindingView(f.severity, SEVERITY.get(f.severity, f.severity), message, figures, places))
    return out
