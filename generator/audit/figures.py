"""Headline figures of a disclosure, each taken from the table that states it.

One place decides where “total expenditure” or “三公” comes from, so the
audit, the department-year page, the comparison indexes and the published
``headline`` table agree.  Every table restates the department's totals, so
an analyst who adds up the 合计 rows of all tables counts the same money many
times: the ``headline`` table gives each measure once, with the table and
line it is taken from.

Where two tables state the same measure and the one first taken prints it
coarser than its own table (``22,118,861`` among figures with 分), the finer
statement that agrees with it within its rounding is the measure
(``22,118,861.34``): the coarse one is that figure rounded.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.core import vocabulary as V
from generator.core.model import Disclosure, Table, TableRow
from generator.core.money import Yuan, figure_decimals, figure_half, parse_decimal
from generator.core.vocabulary import Kind
from generator.store import tidy
from generator.store.tidy import Field


@dataclass(frozen=True)
class Figure:
    measure: str
    yuan: int
    table: str         # table id
    unit: str
    decimals: int      # of its table
    document: str
    line: int
    printed: str = ""

    @property
    def tolerance(self) -> Yuan:
        """Half a unit of the last digit the figure prints, in 元."""
        return figure_half(self.printed, self.unit, self.decimals)

    @property
    def coarse(self) -> bool:
        """Printed with fewer decimals than its table (``22,118,861`` among figures with 分)."""
        return self.own_decimals < self.decimals

    @property
    def own_decimals(self) -> int:
        try:
            own = figure_decimals(parse_decimal(self.printed))
        except ValueError:
            own = None
        return self.decimals if own is None else own


def table_title(d: Disclosure, table_id: str) -> str:
    """The title a reader knows a figure's table by (its id only if the table is gone)."""
    return next((t.title for t in d.tables if t.id == table_id), table_id)


def _figure(measure: str, table: Table, row: TableRow | None, column: str) -> Figure | None:
    cell = row.cell(column) if row is not None else None
    if cell is None or cell.yuan is None:
        return None
    return Figure(measure, cell.yuan, table.id, table.unit or "元", table.decimals or 0, table.document,
                  row.line, cell.printed)


def _finest(statements: list[Figure]) -> Figure:
    """The first statement of a measure, or, when it is printed coarser than its table, the first other
    statement printed finer that agrees with it within its rounding."""
    first = statements[0]
    if first.coarse:
        for other in statements[1:]:
            if other.own_decimals > first.own_decimals and abs(other.yuan - first.yuan) <= first.tolerance:
                return other
    return first


def _last_total(table: Table, side: str) -> TableRow | None:
    return next((r for r in reversed(table.rows) if r.kind == "total" and r.side == side), None)


def headline(d: Disclosure) -> dict[str, Figure]:
    """Each headline measure the disclosure's tables state, from the first table that states it (see
    ``_finest``)."""
    said: dict[str, list[Figure]] = {}

    def put(fig: Figure | None) -> None:
        if fig is not None:
            said.setdefault(fig.measure, []).append(fig)

    summary = d.table(Kind.SUMMARY)
    expenditure = d.table(Kind.EXPENDITURE)
    if summary:
        # each side's 总计 is its last total row: 本年收入合计 comes first, then 上年结转结余, then 收入总计
        put(_figure(V.TOTAL_INCOME, summary, _last_total(summary, "income"), "income"))
        put(_figure(V.TOTAL_EXPENDITURE, summary, _last_total(summary, "expenditure"), "total"))
    for kind in (Kind.EXPENDITURE, Kind.GENERAL_BUDGET_FUNCTION):
        t = d.table(kind)
        if t:
            total = t.total_row()
            put(_figure(V.TOTAL_EXPENDITURE, t, total, "total"))
            put(_figure(V.BASIC, t, total, "basic"))
            put(_figure(V.PROJECT, t, total, "project"))
    general = d.table(Kind.GENERAL_BUDGET_FUNCTION)
    if general:
        # the figures of the 一般公共预算 alone, for a narrative that states them of it
        for measure in (V.BASIC, V.PROJECT):
            put(_figure(f"{V.GENERAL_BUDGET}.{measure}", general, general.total_row(), measure))
    if expenditure is None and summary:
        for r in summary.rows:
            if r.side in ("expenditure", "use") and r.kind != "total":
                column = "use" if r.side == "use" else "total"
                if r.label.endswith("基本支出"):
                    put(_figure(V.BASIC, summary, r, column))
                elif r.label.endswith("项目支出"):
                    put(_figure(V.PROJECT, summary, r, column))
    tp = d.table(Kind.THREE_PUBLIC)
    if tp:
        for r in tp.rows:
            if r.code not in (V.TABLE_TOTAL, None):          # a row of another name (行政经费) is no measure
                put(_figure(V.three_public_measure(r.code), tp, r, "amount"))
    proc = d.table(Kind.PROCUREMENT)
    if proc:
        put(_figure(V.PROCUREMENT, proc, proc.total_row(), "amount"))
    economic = d.table(Kind.BASIC_ECONOMIC)
    if economic and economic.money_columns and V.BASIC in said:
        # the 合计 of the 基本支出 by economic class: the 基本支出 of 财政拨款 or of the 一般公共预算, a part of the
        # whole; a restatement of the whole only where it agrees with it within its rounding (``_finest``)
        put(_figure(V.BASIC, economic, economic.total_row(), economic.money_columns[0].key))
    return {measure: _finest(statements) for measure, statements in said.items()}


def measure_label(measure: str) -> str:
    """The reader's name of a measure: 基本支出, 一般公共预算基本支出."""
    concept, _, base = measure.partition(".")
    if concept == V.GENERAL_BUDGET and base:
        return V.GENERAL_BUDGET_LABEL + V.MEASURES.get(base, base)
    return V.MEASURES.get(measure, measure)


# every measure ``headline`` may give, with its reader's name: the code list of the published table
HEADLINE_MEASURES = {m: measure_label(m) for m in
                     [*V.MEASURES, *(f"{V.GENERAL_BUDGET}.{b}" for b in (V.BASIC, V.PROJECT))]}

# the published table of headline figures: one row per department-year and measure
HEADLINE = [*tidy.IDENTITY_FIELDS,
            Field("measure", "指标", "主要数字的种类（每个部门年度每种至多一行）", codes=HEADLINE_MEASURES),
            Field("measure_name", "指标名称", "主要数字的名称"),
            tidy.YUAN,
            Field("table_id", "表编号", "这个数字所取自的表（见 money 的 table_id）"),
            tidy.UNIT, tidy.DOCUMENT, tidy.LINE]
HEADLINE_KEY = [*tidy.IDENTITY, "measure"]


def headline_rows(d: Disclosure) -> list[list]:
    """The disclosure's headline figures as rows of the published ``headline`` table, in the order of the
    measures' code list."""
    figures = headline(d)
    return [tidy.identity(d) + [m, HEADLINE_MEASURES[m], f.yuan, f.table, f.unit, f.document, f.line]
            for m in HEADLINE_MEASURES if (f := figures.get(m)) is not None]


def staff(d: Disclosure) -> dict[str, int]:
    """Staff and vehicle counts stated in the narrative (first statement of each)."""
    out: dict[str, int] = {}
    for s in d.statements:
        if s.count is not None and s.measure not in out:
            out[s.measure] = s.count
    return out
