"""Split a document into text lines and raw tables (tab-separated rows).

A table is a run of lines containing tabs; blank lines inside the run (page
breaks) do not end it, any other text line does.  Each raw table carries the
text lines that introduce it (title, 单位, department) and the notes that
follow it (备注 / 注).
"""

from __future__ import annotations

import re

from generator.core.errors import DocumentError
from generator.core.text import clean, compact
from generator.read import limits
from generator.read.layout import Document, RawTable, Row, TextLine

_UNIT_LINE = re.compile(r"^(?:金额)?单位\s*[:：]\s*(万元|元)\s*$")
_DEPT_LINE = re.compile(r"^(?:部门|单位)(?:名称|/单位)?\s*[:：]\s*(.+)$")
# the department and the unit of money on one line: “编制部门：X 单位：元”, “部门：X 单位：万元”
_DEPT_AND_UNIT = re.compile(r"^(?:编制|预算)?(?:部门|单位)(?:名称)?\s*[:：]\s*(.+?)\s*(?:金额)?单位\s*[:：]\s*(万元|元)\s*$")
_NOTE_LINE = re.compile(r"^(?:备注|注|说明)\s*[:：]")     # right under a table: its notes
_PAGE_MARK = re.compile(r"^预算\s*\d+\s*表$")
_PERIOD_LINE = re.compile(r"^[（(]\s*\d{4}\s*年度?\s*[)）]$")


def split(doc: Document) -> tuple[list[TextLine], list[RawTable]]:
    """Return the document's text lines (outside tables) and its raw tables."""
    texts: list[TextLine] = []
    tables: list[RawTable] = []
    lines = doc.lines
    i = 0
    pending: list[tuple[int, str]] = []   # text lines since the previous table
    while i < len(lines):
        line = lines[i]
        if "\t" in line:
            rows: list[Row] = []
            start = i + 1
            while i < len(lines):
                if "\t" in lines[i]:
                    if len(rows) == limits.MAX_TABLE_ROWS:
                        raise _absurd(doc, i, f"the table that starts on line {start} has more than "
                                              f"{limits.MAX_TABLE_ROWS:,} rows; expected a disclosure's table")
                    cells = lines[i].split("\t")
                    if len(cells) > limits.MAX_TABLE_COLUMNS:
                        raise _absurd(doc, i, f"the line has {len(cells):,} cells; expected a table of at most "
                                              f"{limits.MAX_TABLE_COLUMNS:,} columns")
                    rows.append(Row(i + 1, [clean(c) for c in cells]))
                    i += 1
                    continue
                if not lines[i].strip():
                    j = i
                    while j < len(lines) and not lines[j].strip():
                        j += 1
                    if j < len(lines) and "\t" in lines[j]:
                        i = j
                        continue
                break
            table = RawTable(start, rows[-1].line, rows)
            _attach_intro(table, pending)
            _unit_inside(table)
            tables.append(table)
            pending = []
            continue
        stripped = line.strip()
        if stripped:
            text = clean(stripped.lstrip("#").strip())
            if tables and _NOTE_LINE.match(text) and not pending:
                tables[-1].notes.append((i + 1, text))
            elif tables and tables[-1].notes and not pending and tables[-1].notes[-1][0] >= i - 1 \
                    and text.endswith(("：", ":")) and len(text) < 80:
                # the template's instruction between two notes (“……并在本表下方作下述说明：”)
                tables[-1].notes.append((i + 1, text))
            elif tables and tables[-1].notes and not pending and tables[-1].notes[-1][0] >= i - 1:
                # a note wrapped onto the next paragraph
                texts.append(TextLine(i + 1, text))
                pending.append((i + 1, text))
            else:
                texts.append(TextLine(i + 1, text))
                pending.append((i + 1, text))
        i += 1
    return texts, tables


def _absurd(doc: Document, i: int, what: str) -> DocumentError:
    """The refusal of a table too large for a disclosure, at the line (0-based ``i``) and its page."""
    page = doc.pages[i] if i < len(doc.pages) else None
    return DocumentError(doc.name, i + 1, f"{what} (is this really a disclosure?)", page=page)


def _unit_inside(table: RawTable) -> None:
    """The department and unit printed as a row inside the ruled table (江苏: “部门： | X | … | 单位：万元”).

    The row holds no figure; it is taken as the table's department and
    unit (unless the lines before the table gave them) and is not a row of
    the table.
    """
    for k, row in enumerate(table.rows[:3]):
        cells = [c for c in row.cells if c.strip()]
        if not cells:
            continue
        joined = " ".join(cells).replace("部门： ", "部门：").replace("部门: ", "部门:")
        m = _DEPT_AND_UNIT.match(joined)
        unit = m.group(2) if m else next((u.group(1) for c in cells
                                          for u in [_UNIT_LINE.match(compact(c).replace(":", "："))] if u), None)
        if unit is None:
            continue
        if table.unit is None:
            table.unit = unit
        if m and table.department is None:
            table.department = m.group(1).strip()
        table.rows = table.rows[k + 1:]
        return


def _attach_intro(table: RawTable, pending: list[tuple[int, str]]) -> None:
    """Pick the title, unit and department out of the lines before a table."""
    table.intro = list(pending[-6:])
    for number, text in reversed(pending[-6:]):
        m = _DEPT_AND_UNIT.match(text)
        if m and table.unit is None and table.department is None:
            table.department, table.unit = m.group(1).strip(), m.group(2)
            continue
        m = _UNIT_LINE.match(compact(text).replace(":", "：")) or _UNIT_LINE.match(text)
        if m and table.unit is None:
            table.unit = m.group(1)
            continue
        m = _DEPT_LINE.match(text)
        if m and table.department is None:
            value = m.group(1).strip()
            if value not in ("元", "万元"):
                table.department = value
            continue
        if _PAGE_MARK.match(compact(text)) or _PERIOD_LINE.match(text) or not text:
            continue
        if not table.title:
            table.title, table.title_line = text, number
            break
