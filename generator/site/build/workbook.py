"""A department-year's workbook: its tables, indicators and projects as sheets of one XLSX file.

For the people who open data in Excel or WPS: a CSV file loses the leading
zeros of a code (``003001``) and reads every figure as text until told, a
workbook does not.  Each sheet starts with the block that says whose table
it is (``opendata.about_table``), then its header, each money column's
header with its unit (``合计（元）``), then its rows: figures are numbers
(shown with thousands separators, and 分 where the table prints them),
codes and labels are text cells as printed.  A text cell is only ever
written as text, so a label such as ``=100%`` is shown, never run.

``xlsx`` writes the file (in memory, with fixed timestamps): the same rows
give the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.site.build import xlsx

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
    used: set[str] = set()
    out = []
    for sheet in sheets:
        rows: list[list[tuple[object, int]]] = [[(label, xlsx.BOLD), (value, xlsx.PLAIN)]
                                                for label, value in sheet.about]
        rows.append([])
        rows.append([(name, xlsx.HEADER) for name in sheet.header])
        shown = xlsx.CENTS if sheet.decimals else xlsx.WHOLE
        money = sheet.money_columns
        for row in sheet.rows:
            rows.append([(value, shown if c in money and type(value) is not str else xlsx.PLAIN)
                         for c, value in enumerate(row)])
        out.append(xlsx.Worksheet(_unique(sheet.name, used), rows, len(sheet.about) + 2, _widths(sheet)))
    return xlsx.workbook(out, title)


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
