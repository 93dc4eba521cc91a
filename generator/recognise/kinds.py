"""Recognise what a table is by meaning: its title words, its header and its first cell.

Titles vary between cities and years (``部门收支总体情况表`` / ``部门收支预算表``,
``一般公共预算支出情况表`` / ``一般公共预算支出预算表``), and the same title can
cover two tables (000 prints 一般公共预算支出情况表 once by function code and
once by economic code), so the header is consulted as well.  The clues
themselves belong to the template families (``generator.templates``).
"""

from __future__ import annotations

from generator.core.text import compact
from generator.core.vocabulary import Kind
from generator.read.layout import RawTable
from generator.templates.family import Clue, TableRule
from generator.templates.registry import TABLE_RULES


def _header_text(table: RawTable, rows: int = 4) -> str:
    return "".join(compact(c) for r in table.rows[:rows] for c in r.cells)


def _holds(clue: Clue, title: str, header: str, first: str) -> bool:
    window = header[:clue.window] if clue.window else header
    return (all(w in title for w in clue.title)
            and all(w in window for w in clue.header)
            and (not clue.first or first in clue.first)
            and first.startswith(clue.first_prefix)
            and not any(w in title for w in clue.not_title))


def recognise(table: RawTable) -> Kind | None:
    """The table kind, or None when the table is not one we know."""
    rule = recognising_rule(table)
    return rule.kind if rule else None


def recognising_rule(table: RawTable) -> TableRule | None:
    """The first rule, of any template family, that holds for the table: it names the kind and the family."""
    title = compact(table.title)
    first = compact(table.rows[0].cells[0]) if table.rows and table.rows[0].cells else ""
    header = _header_text(table)
    return next((rule for rule in TABLE_RULES if _holds(rule.clue, title, header, first)), None)


def kinds_by_title(title: str) -> frozenset[Kind]:
    """Every kind a table of this title could be, its header and first cell unseen: the kinds of the rules whose
    title words the title holds (a table of contents names a table by its title alone)."""
    t = compact(title)
    return frozenset(r.kind for r in TABLE_RULES if r.clue.title and all(w in t for w in r.clue.title)
                     and not any(w in t for w in r.clue.not_title))
