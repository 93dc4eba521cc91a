"""Budget execution on a 决算's page: what was planned against what was spent, and the rate.

A 决算 prints both: the “三公” table its 预算数 beside its 决算数, and
tables by function their 年初预算数 (and 调整预算数) beside the 决算数.
A 决算's narrative also states, item by item, each function item's 全年预算 and
支出决算 (the Shanghai template): those become a table of their own.  Each row
here comes from one printed row or one sentence; nothing is derived from two
documents.  The rate is 决算数 ÷ 预算数, an exact decimal, shown only where
the budget is not zero.  Each table has a bar chart drawn at build time (``pages.drawing``).
"""

from __future__ import annotations

from generator.core import vocabulary as V

from dataclasses import dataclass
from decimal import Decimal

from generator.audit.execution import level_names, stated_items
from generator.core.model import Disclosure, Table
from generator.core.money import Yuan
from generator.core.vocabulary import Kind
from generator.site.model.comparisons import ratio
from generator.site.shared.formatting import share, wan

BUDGET_COLOUR, ACTUAL_COLOUR = "#9dbfd4", "#2b6a8e"

# the column keys a 决算 table gives what was budgeted, in order of preference
_BUDGET_KEYS = (V.Column.ADJUSTED_BUDGET, V.Column.INITIAL_BUDGET, V.Column.BUDGET)
_ACTUAL_KEYS = (V.Column.ACTUAL, V.Column.AMOUNT, V.Column.TOTAL)


@dataclass
class ExecutionRow:
    label: str
    budget: Yuan
    actual: Yuan | None
    line: int
    total: bool = False
    path: str = ""           # the class and 款 above a function item, when the narrative names them

    @property
    def rate(self) -> Decimal | None:
        return ratio(self.actual, self.budget) if self.budget else None

    def cells(self, decimals: int = 2) -> dict:
        return {"label": self.label, "budget": wan(self.budget, decimals), "actual": wan(self.actual, decimals),
                "rate": share(self.actual, self.budget) if self.budget else "—", "line": self.line,
                "path": self.path}


@dataclass
class Execution:
    id: str
    title: str               # what the figures are: the table's title, or the narrative's section
    budget_label: str
    rows: list[ExecutionRow]
    document: str = ""
    line: int = 0            # where the figures are printed (the first sentence, for the narrative's)
    decimals: int = 2        # of 万元, those of the page's other figures

    @property
    def summary(self) -> str:
        total = self.rows[0]
        rate = share(total.actual, total.budget) if total.budget else ""
        what = "" if total.label in ("合计", "总计") else total.label
        n = self.decimals
        text = (f"{what}{self.budget_label} {wan(total.budget, n)} 万元，决算数 {wan(total.actual, n)} 万元"
                + (f"，执行率 {rate}" if rate else ""))
        items = [r for r in self.rows if not r.total and r.budget]
        if len(items) > 1:
            low = min(items, key=lambda r: (r.rate if r.rate is not None else 0, r.label))
            text += f"；执行率最低的是{low.label}（{share(low.actual, low.budget)}）"
        return text + "。"


def _key(table: Table, wanted: tuple[str, ...]) -> str | None:
    keys = [c.key for c in table.money_columns]
    return next((k for k in wanted if k in keys), None)


def execution(d: Disclosure, decimals: int = 2) -> list[Execution]:
    """The execution tables of a 决算: “三公” (预算数/决算数), any table by function with 年初预算数, and
    the items its narrative states; figures with ``decimals`` of 万元, like the rest of the page."""
    if d.phase != V.FINAL:
        return []
    out = []
    for t in d.tables:
        if t.kind not in (Kind.THREE_PUBLIC, Kind.GENERAL_BUDGET_FUNCTION, Kind.EXPENDITURE):
            continue
        budget, actual = _key(t, _BUDGET_KEYS), _key(t, _ACTUAL_KEYS)
        if budget is None or actual is None or budget == actual:
            continue
        rows = [ExecutionRow(r.label, r.amount(budget), r.amount(actual), r.line, r.kind == V.RowKind.TOTAL) for r in t.rows
                if r.amount(budget) is not None and (r.kind == V.RowKind.TOTAL or t.kind == Kind.THREE_PUBLIC
                                                      or (r.level or 0) <= 1)]
        rows.sort(key=lambda r: not r.total)                 # the total first, then the rows as printed
        if rows:
            label = next(c.label for c in t.money_columns if c.key == budget)
            out.append(Execution(f"execution-{t.id}", t.title, label, rows, t.document, t.title_line))
    stated = _stated(d)
    if stated is not None:
        out.append(stated)
    for e in out:
        e.decimals = decimals
    return out


def _stated(d: Disclosure) -> Execution | None:
    """The narrative's items (全年预算 and 支出决算 of each function item), under the overall sentence."""
    items = stated_items(d)
    if not items:
        return None
    rows = []
    for item in items:
        names = [name for _, name in level_names(item.subject)]
        rows.append(ExecutionRow(item.label, item.budget.yuan, item.actual.yuan, item.actual.line,
                                 path=" · ".join(names[:-1])))
    overall = _overall(d, items[0].budget.measure)
    if overall is not None:
        rows.insert(0, overall)
    label = items[0].budget_label
    return Execution("execution-narrative", "一般公共预算财政拨款支出决算具体情况（文字说明）", label, rows,
                     items[0].actual.document, rows[0].line)


def _overall(d: Disclosure, measure: str) -> ExecutionRow | None:
    """The sentence that states the whole before the items (it names no item), on the same basis."""
    by_line: dict[int, dict] = {}
    for s in d.statements:
        if not s.subject and s.measure in (measure, V.EXECUTION_ACTUAL) and s.yuan is not None:
            by_line.setdefault(s.line, {}).setdefault(s.measure, s.yuan)
    line, whole = next(((line, found) for line, found in sorted(by_line.items()) if len(found) == 2), (0, None))
    if whole is None:
        return None
    return ExecutionRow("合计", whole[measure], whole[V.EXECUTION_ACTUAL], line, total=True)
