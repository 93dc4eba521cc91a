"""Cells of published CSV files that a spreadsheet cannot run as a formula.

A spreadsheet that opens a CSV file reads a cell starting with ``=``, ``+``,
``-`` or ``@`` (and, in some, a tab or a carriage return) as a formula, and a
formula can fetch a URL or start a program.  Labels and values are printed
by documents we do not control, and real ones hold text such as ``=100%``.
Every CSV file the site publishes passes its cells through ``inert``: such a
text cell gets a leading apostrophe, which spreadsheets read as "this is
text".  Figures are never changed: an ``int`` or ``Decimal`` is written as
it is, and so is a text cell that is only a negative figure as printed
(``-1,234.50``, ``-5%``), which every spreadsheet reads as that number.

The data directory's own CSV files (``generator/store``) are read back by
the tool and keep the text exactly as printed.
"""

from __future__ import annotations

import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NEGATIVE_FIGURE = re.compile(r"-\d[\d,]*(?:\.\d+)?%?")


def inert(value: object) -> object:
    """``value`` as a CSV cell that no spreadsheet reads as a formula."""
    if isinstance(value, str) and value.startswith(TRIGGERS) and not _NEGATIVE_FIGURE.fullmatch(value):
        return "'" + value
    return value


_FIRST = frozenset(t[0] for t in TRIGGERS)


def inert_row(row: list) -> list:
    """``inert`` of each cell, asked only of a text that starts with a trigger (a published file has
    hundreds of thousands of cells, few of them text that does)."""
    return [inert(v) if isinstance(v, str) and v[:1] in _FIRST else v for v in row]
