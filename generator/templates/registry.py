"""The registry of template families, and the merged views the stages read.

Each view is built once, at import, from the families in ``FAMILIES``:
rules and name forms sorted by their order (an order used twice is an
error, caught by the tests), word lists in family order.  A stage asks
the registry, never a family module, so a new family is one file here and
one line below.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.templates import (chongqing, common, final_accounts, fujian, guangdong, henan, jiangsu_cities,
                                 jiangsu_province, performance, shanghai)
from generator.templates.family import ColumnKey, Family, NameForm, TableRule

FAMILIES: tuple[Family, ...] = (
    common.FAMILY,
    final_accounts.FAMILY,
    performance.FAMILY,
    henan.FAMILY,
    shanghai.FAMILY,
    jiangsu_province.FAMILY,
    jiangsu_cities.FAMILY,
    chongqing.FAMILY,
    fujian.FAMILY,
    guangdong.FAMILY,
)

# How each table kind is told apart, every family's rules in the order they are tried
TABLE_RULES: tuple[TableRule, ...] = tuple(sorted(
    (replace(r, family=f.name) for f in FAMILIES for r in f.tables), key=lambda r: r.order))

# The row that totals a whole table (or one panel of it), wherever the table prints it
TOTAL_LABELS: frozenset[str] = frozenset(w for f in FAMILIES for w in f.total_labels)

# Column headers and their measure keys: keys of a column of figures, and of a header over columns
_COLUMNS: tuple[ColumnKey, ...] = tuple(c for f in FAMILIES for c in f.columns)
LEAF_KEYS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(c.pattern), c.key) for c in _COLUMNS
                                                          if not c.group)
GROUP_KEYS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(c.pattern), c.key) for c in _COLUMNS
                                                           if c.group)

# The forms a document names its department in, in the order they are tried
NAME_FORMS: tuple[NameForm, ...] = tuple(sorted(
    (replace(n, family=f.name) for f in FAMILIES for n in f.names), key=lambda n: n.order))

# A line that is the title of a part of the narrative: it ends with one of these, in a short line
PART_TITLE: re.Pattern[str] = re.compile(
    r"^[^。；，]{0,40}(?:" + "|".join(re.escape(w) for f in FAMILIES for w in f.part_titles) + r")$")

# Narrative section keys by the words of their heading, the first that a heading holds
SECTION_KEYS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(s for f in FAMILIES for s in f.sections)

# Lines that mark a page above a table and name nothing
PAGE_MARK: re.Pattern[str] = re.compile("^(?:" + "|".join(p for f in FAMILIES for p in f.page_marks) + ")$")


def family(name: str) -> Family:
    """The family of that name (a programming error if there is none)."""
    return next(f for f in FAMILIES if f.name == name)
