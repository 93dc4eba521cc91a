"""What an import took from a document: the tables it recognised, the ones it did not, every figure placed.

A figure printed in a recognised money table either lands in the data
(as a cell with its printed text) or is reported as unplaced, with its line
and page: nothing is dropped without a word.  The count compares the
figure-like cells of the printed table with the printed texts of the cells
that landed; row codes printed in their own columns (``201 | 03 | 01``) are
codes, not figures.
"""

from __future__ import annotations

from collections import Counter

from generator.core.messages import say
from generator.core.model import Coverage, CoveredTable, Table, Unplaced
from generator.core.money import is_figure
from generator.core.vocabulary import Kind
from generator.read.layout import Document, RawTable


GENERIC = str(Kind.GENERIC)


def _column_numbers(cells: list[str]) -> bool:
    """A header row that numbers the columns (栏次: 1 2 3 …), which holds no figures."""
    figures = [c.strip() for c in cells if is_figure(c.strip())]
    return len(figures) >= 2 and figures == [str(i) for i in range(1, len(figures) + 1)]


def _code_pieces(table: Table) -> dict[int, set[str]]:
    """Per printed line, the texts its rows' codes may be printed as (whole, or split 类 | 款 | 项)."""
    out: dict[int, set[str]] = {}
    for r in table.rows:
        pieces = out.setdefault(r.line, set())
        for code in (r.code, r.code2, r.unit_code):
            if not code:
                continue
            pieces.add(code)
            for part in (code[:3], code[3:5], code[5:7], code[3:], code[5:]):
                if part:
                    pieces.update({part, part.lstrip("0") or "0"})
    return out


def money_table(raw: RawTable, table: Table, doc: Document) -> CoveredTable:
    """How many of the printed figures of one money table landed, and where the others are."""
    landed = Counter(c.printed.strip() for r in table.rows for c in r.cells if c.printed.strip())
    landed.update(v.strip() for r in table.rows for v in r.text.values() if v.strip())    # counts, quantities
    codes = _code_pieces(table)
    printed = 0
    unplaced: list[Unplaced] = []
    for row in raw.rows:
        if _column_numbers(row.cells):
            continue
        for cell in row.cells:
            text = cell.strip()
            if not is_figure(text) or text.replace(" ", "") in codes.get(row.line, ()):
                continue
            printed += 1
            if landed[text] > 0:
                landed[text] -= 1
            else:
                unplaced.append(Unplaced(doc.name, row.line, page_of(doc, row.line), text, table.title))
    return CoveredTable(str(table.kind), table.title, doc.name, raw.start, page_of(doc, raw.start),
                        printed - len(unplaced), printed, unplaced)


def other_table(raw: RawTable, kind: str | None, doc: Document) -> CoveredTable:
    """A performance table (its figures are indicators, counted elsewhere) or an unrecognised block."""
    return CoveredTable(kind, raw.title, doc.name, raw.start, page_of(doc, raw.start), 0, 0, [])


def page_of(doc: Document, line: int) -> int | None:
    return doc.pages[line - 1] if doc.pages and 0 < line <= len(doc.pages) else None


def report(coverage: Coverage, lang: str = "en") -> list[str]:
    """The lines ``budgetsite import`` prints for one document: the counts, then what was not taken."""
    def where(t: CoveredTable | Unplaced) -> str:
        if t.page:
            return say("import.where.page", lang, document=t.document, line=t.line, page=t.page)
        return say("import.where", lang, document=t.document, line=t.line)

    recognised = [t for t in coverage.tables if t.kind and t.kind != GENERIC]
    generic = [t for t in coverage.tables if t.kind == GENERIC]
    lines = [say("import.document", lang, document=coverage.document, recognised=len(recognised),
                 tables=len(coverage.tables), landed=coverage.landed, printed=coverage.printed)
             + (say("import.document.generic", lang, n=len(generic)) if generic else "")]
    for t in coverage.tables:
        if t.kind == GENERIC:
            lines.append(say("import.generic", lang, where=where(t), title=t.title or "—", printed=t.printed))
        if not t.kind:
            lines.append(say("import.block", lang, where=where(t), title=t.title or "—"))
        for u in t.unplaced:
            lines.append(say("import.unplaced", lang, where=where(u), printed=u.printed, table=u.table))
    return lines
