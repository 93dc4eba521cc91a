"""A department-year's workbook: its tables, indicators and projects as sheets of one XLSX file.

For the people who open data in Excel or WPS: a CSV file loses the leading
zeros of a code (``003001``) and reads every figure as text until told, a
workbook does not.  Each sheet starts with the block that says whose table
it is (``opendata.about_table``), then its header, each money column's
header with its unit (``合计（元）``), then its rows: figures are numbers
(shown with thousands separators, and 分 where the table prints them),
codes and labels are text cells as printed.  A text cell is only ever
written as text, so a label such as ``=100%`` is shown, never run.

XlsxWriter writes the file (in memory, with fixed timestamps): the same
rows give the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

# no date of its own: the same data gives the same bytes (XlsxWriter's in-memory files carry this date too)
FIXED_DATE = datetime(1980, 1, 1)
WIDEST = 40                          # characters of the widest column
SAMPLE_ROWS = 30                     # rows looked at to size a column


@dataclass
class Sheet:
    """One table for reading: what it is (label, value lines), its header and its rows.  A row's values
    are ``int`` and ``Decimal`` for figures, ``str`` for text, None for a blank cell."""

    name: str                                        # at most 31 characters, none of []:*?/\
    about: list[tuple[str, str]]
    header: list[str]
    rows: list[list]
    money_columns: frozenset[int] = field(default_factory=frozenset)     # figures in 元
    decimals: int = 0                                # decimals shown in the money columns


def workbook_bytes(sheets: list[Sheet], title: str) -> bytes:
    """The sheets as one XLSX workbook."""
    import xlsxwriter

    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                     "strings_to_urls": False})
    book.set_properties({"title": title, "created": FIXED_DATE})
    bold = book.add_format({"bold": True})
    head = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bottom": 1})
    money = {0: book.add_format({"num_format": "#,##0"}), 2: book.add_format({"num_format": "#,##0.00"})}
    used: set[str] = set()
    for sheet in sheets:
        ws = book.add_worksheet(_unique(sheet.name, used))
        for r, (label, value) in enumerate(sheet.about):
            ws.write_string(r, 0, label, bold)
            ws.write_string(r, 1, value)
        top = len(sheet.about) + 1
        for c, name in enumerate(sheet.header):
            ws.write_string(top, c, name, head)
        shown = money[2 if sheet.decimals else 0]
        for r, row in enumerate(sheet.rows, top + 1):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                if type(value) is str:
                    ws.write_string(r, c, value)
                elif c in sheet.money_columns:
                    ws.write_number(r, c, float(value), shown)
                else:
                    ws.write_number(r, c, float(value) if isinstance(value, Decimal) else value)
        ws.freeze_panes(top + 1, 0)
        for c, width in enumerate(_widths(sheet)):
            ws.set_column(c, c, width)
    book.close()
    return buf.getvalue()


def _unique(name: str, used: set[str]) -> str:
    """``name``, or with a number when a sheet of the workbook has it already (Excel compares names without
    case)."""
    candidate, n = name, 1
    while candidate.lower() in used:
        n += 1
        suffix = f"（{n}）"
        candidate = name[:31 - len(suffix)] + suffix
    used.add(candidate.lower())
    return candidate


def _width(text: str) -> float:
    """About how many character widths a text takes: a Chinese character two (three bytes in UTF-8, so
    half of bytes and characters together)."""
    return (len(text.encode("utf-8")) + len(text)) / 2


def _widths(sheet: Sheet) -> list[float]:
    """Each column's width: its figures', or its header's and first rows' text, within bounds."""
    out = []
    for c, name in enumerate(sheet.header):
        if c in sheet.money_columns:
            out.append(14)
            continue
        seen = [_width(v) for row in sheet.rows[:SAMPLE_ROWS] if type(v := row[c]) is str]
        out.append(min(WIDEST, max(6, min(_width(name), 16), *seen) + 1))
    return out
