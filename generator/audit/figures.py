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

import re
from dataclasses import dataclass

from generator.core import vocabulary as V
from generator.core.model import Disclosure, Table, TableRow
from generator.core.money import Yuan, figure_decimals, figure_half, parse_decimal
from generator.core.text import compact, strip_enumeration
from generator.core.vocabulary import Kind, RowKind
from generator.store import tidy
from generator.store.tidy import Field


@dataclass(frozen=True)
class Figure:
    measure: str
    yuan: Yuan
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


def _last_total(table: Table, side: V.Side) -> TableRow | None:
    return next((r for r in reversed(table.rows) if r.kind == RowKind.TOTAL and r.side == side), None)


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
        put(_figure(V.TOTAL_INCOME, summary, _last_total(summary, V.Side.INCOME), V.Column.INCOME))
        put(_figure(V.TOTAL_EXPENDITURE, summary, _last_total(summary, V.Side.EXPENDITURE), V.Column.TOTAL))
    if expenditure:
        total = expenditure.total_row()
        put(_figure(V.TOTAL_EXPENDITURE, expenditure, total, V.Column.TOTAL))
        put(_figure(V.BASIC, expenditure, total, V.BASIC))
        put(_figure(V.PROJECT, expenditure, total, V.PROJECT))
    general = d.table(Kind.GENERAL_BUDGET_FUNCTION)
    if general:
        # the figures of the 一般公共预算 alone: a concept of their own, never the department's (which the
        # 一般公共预算 table states only where the department has no other money, and it cannot tell)
        for measure in (V.BASIC, V.PROJECT):
            put(_figure(f"{V.GENERAL_BUDGET}.{measure}", general, general.total_row(), measure))
    if expenditure is None and summary:
        for r in summary.rows:
            if r.side in (V.Side.EXPENDITURE, V.Side.USE) and r.kind != RowKind.TOTAL:
                column = V.Column.USE if r.side == V.Side.USE else V.Column.TOTAL
                if r.label.endswith("基本支出"):
                    put(_figure(V.BASIC, summary, r, column))
                elif r.label.endswith("项目支出"):
                    put(_figure(V.PROJECT, summary, r, column))
    tp = d.table(Kind.THREE_PUBLIC)
    if tp:
        for r in tp.rows:
            if r.code not in (V.TABLE_TOTAL, None):          # a row of another name (行政经费) is no measure
                put(_figure(V.three_public_measure(r.code), tp, r, V.Column.AMOUNT))
    proc = d.table(Kind.PROCUREMENT)
    if proc:
        put(_figure(V.PROCUREMENT, proc, proc.total_row(), V.Column.AMOUNT))
    economic = d.table(Kind.BASIC_ECONOMIC)
    if economic and economic.money_columns and V.BASIC in said:
        # the 合计 of the 基本支出 by economic class: the 基本支出 of 财政拨款 or of the 一般公共预算, a part of the
        # whole; a restatement of the whole only where it agrees with it within its rounding (``_finest``)
        put(_figure(V.BASIC, economic, economic.total_row(), economic.money_columns[0].key))
    return {measure: _finest(statements) for measure, statements in said.items()}


def measure_label(measure: str) -> str:
    """The reader's name of a measure: 基本支出, 一般公共预算基本支出."""
    if measure in V.CONCEPTS:
        return V.CONCEPTS[measure]
    if measure.startswith(V.FISCAL_FUNCTION):
        return f"财政拨款支出“{'-'.join(measure[len(V.FISCAL_FUNCTION):].split('/'))}”"
    if measure.startswith(V.GENERAL_BUDGET_CODE):
        return f"一般公共预算支出科目 {measure[len(V.GENERAL_BUDGET_CODE):]}"
    if measure.startswith(V.EXPENDITURE_FUNCTION):
        return f"按功能分类的“{measure[len(V.EXPENDITURE_FUNCTION):]}”"
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


# --- the concepts the narrative states besides the headline figures ------------------------------------

# the columns of the 收入总表's 合计 row, and the words of the summary's income lines, that state each source
_INCOME = {
    V.INCOME_FISCAL: (("财政拨款收入", "fiscal"), r"财政拨款(?:收入)?"),
    V.INCOME_GENERAL_BUDGET: (("general_budget",), r"一般公共预算(?:财政)?(?:拨款)?(?:收入|资金)?"),
    V.INCOME_GOV_FUND: (("gov_fund",), r"政府性基金预算(?:财政)?(?:拨款)?(?:收入|资金)?"),
    V.INCOME_SPECIAL_ACCOUNT: (("special_account",), r"财政专户管理资金(?:收入)?"),
    V.INCOME_BUSINESS: (("business_income",), r"事业收入(?:资金)?"),
    V.INCOME_OPERATING: (("operating_income",), r"事业单位经营收入(?:资金)?"),
    V.INCOME_OTHER: (("other_income",), r"其他收入(?:资金)?"),
}
_PROCUREMENT_ROW = {key: re.compile(rf"^(?:政府采购)?{word}类?$") for key, word in V.PROCUREMENT_TYPES.items()}


def _name(label: str) -> str:
    return compact(strip_enumeration(label))


def _year_lines(t: Table, side: V.Side) -> list[TableRow]:
    """A two-sided table's lines of one side that state the year's money: those before the first line of a
    carry-over (上年结转, 结转下年), which restate its sources of another year."""
    out = []
    for r in t.rows:
        if r.side != side:
            continue
        if "结转" in r.label or "结余" in r.label or r.kind == RowKind.TOTAL:
            break
        out.append(r)
    return out


def concepts(d: Disclosure, figures: dict[str, Figure] | None = None) -> dict[str, Figure]:
    """The headline figures and the table figure of each other concept the narrative states (``V.CONCEPTS``),
    each from a table that states that very concept.  A concept that two tables state differently is left
    out: which of them a sentence means cannot be told, and a sentence is compared only with its own concept."""
    said: dict[str, list[Figure]] = {}

    def put(fig: Figure | None) -> None:
        if fig is not None:
            said.setdefault(fig.measure, []).append(fig)

    income = d.table(Kind.INCOME)
    summary = d.table(Kind.SUMMARY)
    for measure, (columns, words) in _INCOME.items():
        if income and income.total_row():
            column = next((c for c in columns if any(k.key == c for k in income.money_columns)), None)
            if column:
                put(_figure(measure, income, income.total_row(), column))
        if summary:
            pattern = re.compile(rf"^{words}$")
            row = next((r for r in _year_lines(summary, V.Side.INCOME) if pattern.match(_name(r.label))), None)
            put(_figure(measure, summary, row, V.Column.INCOME))
    fiscal = d.table(Kind.FISCAL_SUMMARY)
    if fiscal:
        # the year's spending: its 本年支出 line, and its 支出总计 where nothing is carried to the next year (both
        # where both are printed: should they differ, which one a sentence means cannot be told)
        years = [r for r in fiscal.rows if r.side == V.Side.EXPENDITURE and _name(r.label) in ("本年支出", "本年支出合计")]
        if not any(r.side == V.Side.EXPENDITURE and "结转" in r.label and r.cell(V.Column.TOTAL) is not None
                   and r.cell(V.Column.TOTAL).yuan for r in fiscal.rows):
            years.append(_last_total(fiscal, V.Side.EXPENDITURE))
        for year in years[:2]:
            put(_figure(V.FISCAL_EXPENDITURE, fiscal, year, V.Column.TOTAL))
            put(_figure(V.GENERAL_BUDGET_EXPENDITURE, fiscal, year, "general_budget"))
            put(_figure(V.GOV_FUND_EXPENDITURE, fiscal, year, "gov_fund"))
    for kind, measure in ((Kind.GENERAL_BUDGET_FUNCTION, V.GENERAL_BUDGET_EXPENDITURE),
                          (Kind.GOV_FUND, V.GOV_FUND_EXPENDITURE)):
        t = d.table(kind)
        if t and t.total_row():
            put(_figure(measure, t, t.total_row(), V.Column.TOTAL))
    # the appropriations' 基本支出: the 合计 of their table by function, or of their own table by economic class
    appropriated = d.table(Kind.FISCAL_FUNCTION)
    if appropriated and appropriated.total_row():
        put(_figure(V.FISCAL_BASIC, appropriated, appropriated.total_row(), "basic"))
    for t in d.tables:
        title = compact(t.title)
        if t.kind == Kind.BASIC_ECONOMIC and "财政拨款基本支出" in title and V.GENERAL_BUDGET_LABEL not in title \
                and t.total_row() and t.money_columns:
            put(_figure(V.FISCAL_BASIC, t, t.total_row(), t.money_columns[0].key))
    for t in d.tables:
        if t.kind == Kind.BASIC_ECONOMIC and t.total_row():
            put(_figure(V.GENERAL_BUDGET_PERSONNEL, t, t.total_row(), "personnel"))
            put(_figure(V.GENERAL_BUDGET_PUBLIC, t, t.total_row(), "public"))
    proc = d.table(Kind.PROCUREMENT)
    if proc:
        for key, pattern in _PROCUREMENT_ROW.items():
            for r in proc.rows:
                if not r.code and pattern.match(_name(r.label)):
                    put(_figure(f"{V.PROCUREMENT}.{key}", proc, r, V.Column.AMOUNT))
    out = dict(figures if figures is not None else headline(d))
    for measure, statements in said.items():
        first = statements[0]
        if all(abs(f.yuan - first.yuan) <= f.tolerance + first.tolerance for f in statements[1:]):
            out[measure] = _finest(statements)
    return out


def _path_row(t: Table, names: list[str]) -> TableRow | None:
    """The coded row of ``t`` named by a path of printed names (a class, then its 款, then its 项): each name
    the label of a child of the one before; None when any is not found, or found twice."""
    parent: TableRow | None = None
    for name in names:
        found = [r for r in t.rows if r.code and r.kind != RowKind.TOTAL and _name(r.label) == name
                 and (r.parent == parent.code if parent else len(r.code) == 3)]
        if len(found) != 1:
            return None
        parent = found[0]
    return parent


def fiscal_function(d: Disclosure, names: list[str]) -> Figure | None:
    """The appropriations' spending on the function class or item named by ``names``: the class's line of the
    财政拨款收支总表, or the one fund table that states the item (several funds spending on it would make a sum
    of figures of different rounding: not taken)."""
    measure = V.FISCAL_FUNCTION + "/".join(names)
    fiscal = d.table(Kind.FISCAL_SUMMARY)
    if len(names) == 1 and fiscal:
        row = next((r for r in _year_lines(fiscal, V.Side.EXPENDITURE) if _name(r.label) == names[0]), None)
        return _figure(measure, fiscal, row, V.Column.TOTAL)
    if fiscal is None:
        return None
    found = []
    spent = _last_total(fiscal, V.Side.EXPENDITURE)
    for kind, column in ((Kind.GENERAL_BUDGET_FUNCTION, "general_budget"), (Kind.GOV_FUND, "gov_fund"),
                         (Kind.STATE_CAPITAL, "state_capital")):
        t = d.table(kind)
        if t is None:
            cell = spent.cell(column) if spent is not None else None
            if cell is not None and cell.yuan:
                return None                 # a fund spends with no table of its own: its items are unknown
            continue
        fig = _figure(measure, t, _path_row(t, names), V.Column.TOTAL)
        if fig is not None and fig.yuan:
            found.append(fig)
    return found[0] if len(found) == 1 else None


def expenditure_function(d: Disclosure, name: str) -> Figure | None:
    """The department's spending (of all its money) on the function class ``name``: its line of the summary's
    spending of the year (收支总表); None when no such line, or two, is printed."""
    summary = d.table(Kind.SUMMARY)
    if summary is None:
        return None
    rows = []
    for r in summary.rows:                      # its 合计 may come first (重庆): the lines up to a carry-over
        if r.side == V.Side.EXPENDITURE and ("结转" in r.label or "结余" in r.label):
            break
        if r.side == V.Side.EXPENDITURE and r.kind != V.RowKind.TOTAL and _name(r.label) == name:
            rows.append(r)
    return _figure(V.EXPENDITURE_FUNCTION + name, summary, rows[0], V.Column.TOTAL) if len(rows) == 1 else None


def general_budget_code(d: Disclosure, code: str) -> Figure | None:
    """The 一般公共预算's spending on the function class or item of ``code``: its coded line of the one
    一般公共预算 table by function (its 合计 column, printed 小计 by some); None when not printed once."""
    tables = [t for t in d.tables if t.kind == Kind.GENERAL_BUDGET_FUNCTION and any(r.code for r in t.rows)]
    if len(tables) != 1:
        return None
    t = tables[0]
    column = next((c.key for c in t.money_columns if c.key in (V.Column.TOTAL, "小计", "合计")), None)
    rows = [r for r in t.rows if r.code == code and r.kind != V.RowKind.TOTAL]
    if column is None or len(rows) != 1:
        return None
    return _figure(V.GENERAL_BUDGET_CODE + code, t, rows[0], column)
