"""Budget execution on a 决算's page: what was planned against what was spent, and the rate.

A 决算 prints both: the “三公” table its 预算数 beside its 决算数, and
tables by function their 年初预算数 (and 调整预算数) beside the 决算数.
Each row here comes from one printed row; nothing is derived from two
documents.  The rate is 决算数 ÷ 预算数, an exact decimal, shown only where
the budget is not zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.core.model import Disclosure, Table
from generator.core.money import Yuan
from generator.core.vocabulary import Kind
from generator.site.comparisons import ratio
from generator.site.formatting import share, wan

# the column keys a 决算 table gives what was budgeted, in order of preference
_BUDGET_KEYS = ("调整预算数", "年初预算数", "budget")
_ACTUAL_KEYS = ("决算数", "amount", "total")


@dataclass
class ExecutionRow:
    label: str
    budget: Yuan
    actual: Yuan | None
    line: int
    total: bool = False

    @property
    def rate(self) -> Decimal | None:
        return ratio(self.actual, self.budget) if self.budget else None

    def cells(self) -> dict:
        return {"label": self.label, "budget": wan(self.budget), "actual": wan(self.actual),
                "rate": share(self.actual, self.budget) if self.budget else "—", "line": self.line}


@dataclass
class Execution:
    table: Table
    budget_label: str
    rows: list[ExecutionRow]

    @property
    def summary(self) -> str:
        total = self.rows[0]
        rate = share(total.actual, total.budget) if total.budget else ""
        return (f"{total.label}预算 {wan(total.budget)} 万元，实际支出 {wan(total.actual)} 万元"
                + (f"，执行率 {rate}。" if rate else "。"))


def _key(table: Table, wanted: tuple[str, ...]) -> str | None:
    keys = [c.key for c in table.money_columns]
    return next((k for k in wanted if k in keys), None)


def execution(d: Disclosure) -> list[Execution]:
    """The execution tables of a 决算: “三公” (预算数/决算数) and any table by function with 年初预算数."""
    if d.phase != "决算":
        return []
    out = []
    for t in d.tables:
        if t.kind not in (Kind.THREE_PUBLIC, Kind.GENERAL_BUDGET_FUNCTION, Kind.EXPENDITURE):
            continue
        budget, actual = _key(t, _BUDGET_KEYS), _key(t, _ACTUAL_KEYS)
        if budget is None or actual is None or budget == actual:
            continue
        rows = [ExecutionRow(r.label, r.amount(budget), r.amount(actual), r.line, r.kind == "total") for r in t.rows
                if r.amount(budget) is not None and (r.kind == "total" or t.kind == Kind.THREE_PUBLIC
                                                      or (r.level or 0) <= 1)]
        rows.sort(key=lambda r: not r.total)                 # the total first, then the rows as printed
        if rows:
            label = next(c.label for c in t.money_columns if c.key == budget)
            out.append(Execution(t, label, rows))
    return out
