"""The items of a 决算's execution narrative, each placed in the table by function and checked against it.

A 决算 explains its 一般公共预算财政拨款支出 item by item: “1、一般公共服务支出（类）
社会工作事务（款）行政运行（项）。…全年预算为 52.00 万元，支出决算为 51.32 万元”.
The importer keeps each sentence's figures with the item's name (``Statement.subject``);
here an item is found again in the table by its names, class to 项, so that the page can
show the budget beside the actual and the audit can hold the actual against the table.
"""

from __future__ import annotations

from generator.core import vocabulary as V

import re
from dataclasses import dataclass

from generator.core.model import Disclosure, Finding, Statement, Table, TableRow
from generator.core.money import format_yuan, half_unit
from generator.core.vocabulary import Column, Kind, Scheme, Severity

# “一般公共服务支出（类）社会工作事务（款）行政运行（项）”: the name of each level
_LEVEL_NAME = re.compile(r"([^（()）]+?)\s*[（(](类|款|项)[)）]")
_LEVELS = {"类": 1, "款": 2, "项": 3}
# the tables that print the actual of each function item, the 财政拨款 one first
_TABLES = (Kind.GENERAL_BUDGET_FUNCTION, Kind.EXPENDITURE)


@dataclass
class ExecutionItem:
    subject: str                     # the item's name as printed
    budget: Statement                # 全年预算 (or 年初预算 when only that is stated)
    actual: Statement
    rate: Statement | None           # the rate the sentence states, if any
    table: Table | None = None       # where the item was found
    row: TableRow | None = None

    @property
    def budget_label(self) -> str:
        return "全年预算" if self.budget.measure == V.EXECUTION_FULL else "年初预算"

    @property
    def label(self) -> str:
        """The item's own name (its 项), the row's when it was found."""
        names = level_names(self.subject)
        return names[-1][1] if names else self.subject


def level_names(subject: str) -> list[tuple[int, str]]:
    """``[(1, 一般公共服务支出), (2, 社会工作事务), (3, 行政运行)]``; [] when the subject names no level."""
    return [(_LEVELS[m.group(2)], m.group(1).strip()) for m in _LEVEL_NAME.finditer(subject)]


def stated_items(d: Disclosure) -> list[ExecutionItem]:
    """Each numbered item whose budget and actual the narrative states, in document order."""
    by_line: dict[tuple[str, int], dict[str, Statement]] = {}
    for s in d.statements:
        if s.subject and s.measure.startswith(V.EXECUTION):
            by_line.setdefault((s.document, s.line), {}).setdefault(s.measure, s)
    out = []
    for found in by_line.values():
        actual = found.get(V.EXECUTION_ACTUAL)
        budget = found.get(V.EXECUTION_FULL) or found.get(V.EXECUTION_INITIAL)
        if actual is None or budget is None:
            continue
        rate = found.get(V.execution_rate("full") if budget.measure == V.EXECUTION_FULL else V.execution_rate("initial"))
        item = ExecutionItem(actual.subject, budget, actual, rate)
        item.table, item.row = _place(d, item.subject)
        out.append(item)
    return out


def _names(row: TableRow) -> set[str]:
    return {n for n in (row.label, row.canonical) if n}


def _place(d: Disclosure, subject: str) -> tuple[Table | None, TableRow | None]:
    """The row of the item, matched by the name of each level it gives (its parents' too)."""
    names = level_names(subject)
    if not names:
        return None, None
    for kind in _TABLES:
        t = d.table(kind)
        if t is None:
            continue
        # a sub-line that repeats its parent's code (see ``normalise.tables``) is not the row of that code
        by_code = {r.code: r for r in t.rows if r.code and r.scheme == Scheme.FUNCTION and r.parent != r.code}
        for r in by_code.values():
            if r.level != names[-1][0] or names[-1][1] not in _names(r):
                continue
            chain, ok = r, True
            for level, name in reversed(names[:-1]):
                while chain is not None and (chain.level or 0) > level:
                    chain = by_code.get(chain.parent) if chain.parent else None
                if chain is None or chain.level != level or name not in _names(chain):
                    ok = False
                    break
            if ok:
                return t, r
    return None, None


def item_figures(d: Disclosure, figures: dict | None = None) -> list[Finding]:
    """Each item's stated actual against the row that prints it; an item found in no table is said so."""
    out = []
    for item in stated_items(d):
        a = item.actual
        if item.row is None:
            if d.table(Kind.GENERAL_BUDGET_FUNCTION) or d.table(Kind.EXPENDITURE):
                out.append(Finding("narrative", Severity.INFO,
                                   f"说明中的“{item.subject}”不是按功能分类支出表中的一行：它的数字（{item.budget_label} "
                                   f"{item.budget.printed} {item.budget.unit}，支出决算 {a.printed} {a.unit}）"
                                   f"照原文列出，未经核对",
                                   a.document, a.line))
            continue
        printed = item.row.amount(Column.TOTAL)
        if printed is None:
            continue
        if abs(printed - a.yuan) > a.tolerance + half_unit(item.table.unit or "元", item.table.decimals):
            out.append(Finding("narrative", Severity.WARNING,
                               f"说明称“{item.subject}”的支出决算为 {a.printed} {a.unit}，而表格（{item.table.title}，"
                               f"第 {item.row.line} 行）为 {format_yuan(printed)} 元", a.document, a.line,
                               expected=f"{format_yuan(printed)} 元", found=f"{a.printed} {a.unit}",
                               table=item.table.id, expected_as="表格所列", found_as="文字说明所称",
                               other_document=item.table.document, other_line=item.row.line))
    return out

