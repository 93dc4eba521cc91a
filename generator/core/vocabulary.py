"""The vocabulary of disclosures: table kinds, phases, headline measures and the “三公” parts.

Every stage speaks of these by the names defined here and nowhere else.  Each
closed set (table kinds, row kinds, sides, column keys and roles, row flags,
severities, phases, scopes …) is a ``StrEnum``: a member equals its text and
prints as it, so the data files and the pages hold the same text as before,
and the model's fields are typed with them.  ``tests/core/test_vocabulary_types.py``
fails when a module writes one of their values as a bare string.

Adding a table kind is a member of ``Kind`` and one entry in ``KINDS`` (what
it is called, how it is parsed, which audit checks apply) plus the rule of a
template family that tells it apart (``generator.templates``), plus its
parser if it needs a new one.  Adding a phase is a member of ``Phase`` and its
slug in ``PHASES``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


# --- table kinds --------------------------------------------------------------------------------

class Kind(StrEnum):
    """Table kinds, by meaning.  The value is what the data files store."""

    SUMMARY = "summary"
    INCOME = "income"
    EXPENDITURE = "expenditure"
    FISCAL_SUMMARY = "fiscal_summary"
    GENERAL_BUDGET_FUNCTION = "general_budget_function"
    GENERAL_BUDGET_ECONOMIC = "general_budget_economic"
    BASIC_ECONOMIC = "basic_economic"
    ECONOMIC_SUMMARY = "economic_summary"
    THREE_PUBLIC = "three_public"
    GOV_FUND = "gov_fund"
    STATE_CAPITAL = "state_capital"
    PROCUREMENT = "procurement"
    PROJECT_LIST = "project_list"
    DEPARTMENT_PERFORMANCE = "department_performance"
    PROJECT_PERFORMANCE = "project_performance"
    PROJECT_PERFORMANCE_CONTINUED = "project_performance_continued"
    PROJECT_PERFORMANCE_SUMMARY = "project_performance_summary"
    FISCAL_FUNCTION = "fiscal_function"
    RUNNING_COSTS_ECONOMIC = "running_costs_economic"
    GENERIC = "generic"              # a table no kind recognises, kept as printed (``normalise.generic``)


class Family(StrEnum):
    """What a table kind holds: money (audited), performance targets, or a table no kind recognises (kept as
    printed, not audited)."""

    MONEY = "money"
    PERFORMANCE = "performance"
    GENERIC = "generic"


class Scheme(StrEnum):
    """The classification a row's code belongs to (``TableRow.scheme``), and that of a grid's rows."""

    FUNCTION = "function"            # 支出功能分类
    ECONOMIC = "economic"            # 部门预算支出经济分类 (3xx)
    GOV_ECONOMIC = "gov_economic"    # 政府预算支出经济分类 (5xx)
    THREE_PUBLIC = "three_public"    # the parts of “三公” (``THREE_PUBLIC_PARTS``)


# Parsers (the normalise stage maps each name to its function)
GRID = "grid"                      # one-sided table of coded rows
TWO_SIDED = "two_sided"            # income on the left, expenditure on the right
THREE_PUBLIC_PARSER = "three_public"
PROCUREMENT_PARSER = "procurement"
PROJECT_LIST_PARSER = "project_list"
DEPARTMENT_SHEET = "department_performance"
PROJECT_SHEET = "project_sheet"
PROJECT_SHEET_CONTINUED = "project_sheet_continued"
PROJECT_SUMMARY = "project_summary"
GENERIC_PARSER = "generic"

# Audit checks that apply per table (see generator.audit.tables)
SUMS = "sums"                      # the total row against its rows, each coded parent against its children
THREE_PUBLIC_SUM = "three_public"  # “三公” = its parts
BALANCE = "balance"                # income total = expenditure total
CARRY_OVER = "carry_over"          # 总计 = 本年收入（支出）合计 + 结转和结余 lines, on each side
STATES_TOTAL = "states_total"      # states the department's total, compared across tables
STATES_FISCAL_TOTAL = "states_fiscal_total"    # states the total of 财政拨款 alone, compared across tables


@dataclass(frozen=True)
class TableKind:
    id: Kind
    label: str                       # the name shown to readers
    family: Family
    parser: str
    codes: Scheme | None = None      # the classification of a grid's rows
    checks: frozenset[str] = frozenset()
    needs_total: bool = True         # a money table without its 合计 row has been cut off


def _money(kind: Kind, label: str, parser: str, codes: Scheme | None = None, checks: tuple[str, ...] = (),
           needs_total: bool = True) -> TableKind:
    return TableKind(kind, label, Family.MONEY, parser, codes, frozenset(checks), needs_total)


def _performance(kind: Kind, label: str, parser: str) -> TableKind:
    return TableKind(kind, label, Family.PERFORMANCE, parser, needs_total=False)


KINDS: dict[Kind, TableKind] = {k.id: k for k in (
    _money(Kind.SUMMARY, "部门收支总体情况表", TWO_SIDED, checks=(BALANCE, CARRY_OVER, STATES_TOTAL)),
    _money(Kind.INCOME, "部门收入总体情况表", GRID, Scheme.FUNCTION, (SUMS, STATES_TOTAL)),
    _money(Kind.EXPENDITURE, "部门支出总体情况表", GRID, Scheme.FUNCTION, (SUMS, STATES_TOTAL)),
    # 财政拨款 tables state the appropriations alone: the department's total only when it has no other income
    _money(Kind.FISCAL_SUMMARY, "财政拨款收支总体情况表", TWO_SIDED, checks=(BALANCE, CARRY_OVER, STATES_FISCAL_TOTAL)),
    _money(Kind.GENERAL_BUDGET_FUNCTION, "一般公共预算支出情况表（按功能分类）", GRID, Scheme.FUNCTION, (SUMS,)),
    _money(Kind.GENERAL_BUDGET_ECONOMIC, "一般公共预算支出情况表（按经济分类）", GRID, Scheme.ECONOMIC, (SUMS,)),
    _money(Kind.BASIC_ECONOMIC, "一般公共预算基本支出情况表", GRID, Scheme.ECONOMIC, (SUMS,)),
    _money(Kind.ECONOMIC_SUMMARY, "支出经济分类汇总表", GRID, Scheme.ECONOMIC, (SUMS,)),
    _money(Kind.THREE_PUBLIC, "一般公共预算“三公”经费支出情况表", THREE_PUBLIC_PARSER, checks=(THREE_PUBLIC_SUM,)),
    _money(Kind.FISCAL_FUNCTION, "财政拨款支出表（按功能分类）", GRID, Scheme.FUNCTION, (SUMS, STATES_FISCAL_TOTAL)),
    _money(Kind.RUNNING_COSTS_ECONOMIC, "机关运行经费支出表（按经济分类）", GRID, Scheme.ECONOMIC, (SUMS,)),
    _money(Kind.GOV_FUND, "政府性基金预算支出情况表", GRID, Scheme.FUNCTION, (SUMS,)),
    _money(Kind.STATE_CAPITAL, "国有资本经营预算支出情况表", GRID, Scheme.FUNCTION, (SUMS,)),
    _money(Kind.PROCUREMENT, "政府采购预算表", PROCUREMENT_PARSER, checks=(SUMS,)),
    _money(Kind.PROJECT_LIST, "项目支出表", PROJECT_LIST_PARSER, checks=(SUMS,), needs_total=False),
    _performance(Kind.DEPARTMENT_PERFORMANCE, "部门整体绩效目标表", DEPARTMENT_SHEET),
    _performance(Kind.PROJECT_PERFORMANCE, "项目绩效目标表", PROJECT_SHEET),
    _performance(Kind.PROJECT_PERFORMANCE_CONTINUED, "项目绩效目标表（续）", PROJECT_SHEET_CONTINUED),
    _performance(Kind.PROJECT_PERFORMANCE_SUMMARY, "项目绩效目标汇总表", PROJECT_SUMMARY),
    TableKind(Kind.GENERIC, "未能识别的表格", Family.GENERIC, GENERIC_PARSER, needs_total=False),
)}

# The tables that make a document a disclosure the importer can take: without one of them, tables it does
# not recognise are not enough to import it
CORE_KINDS = frozenset({Kind.SUMMARY, Kind.EXPENDITURE, Kind.INCOME, Kind.FISCAL_SUMMARY,
                        Kind.GENERAL_BUDGET_FUNCTION})


# --- rows: what a row of a table is, and which side of a two-sided table it is on -------------------

class RowKind(StrEnum):
    """What a row of a table is.  The value is what the data stores."""

    TOTAL = "total"
    UNIT = "unit"
    ITEM = "item"
    INCOME = "income"
    EXPENDITURE = "expenditure"
    DETAIL = "detail"
    GROUP = "group"


# Each row kind with what it means to a reader (the code list the open data documents and checks).  Every
# table restates the department's totals, so ``total`` rows of different tables are the same money: never
# add them up.
ROW_KINDS: dict[RowKind, str] = {
    RowKind.TOTAL: "合计：本表的合计或总计行（各表重复同一总数，不可跨表相加）",
    RowKind.UNIT: "单位：所属单位的一行",
    RowKind.ITEM: "科目：按科目或名称列出的一行（类、款、项各成一行，上级已含下级；小计也是）",
    RowKind.INCOME: "收入：收支表收入一侧的一行",
    RowKind.EXPENDITURE: "支出：收支表支出一侧的一行",
    RowKind.DETAIL: "明细：小计下的明细行（已计入其上的小计）",
    RowKind.GROUP: "分组：其下各行相加而得的分组标题行",
}


class Side(StrEnum):
    """The side of a two-sided table a row or column is on, or the panel of a table printed as two tables
    one under the other."""

    INCOME = "income"
    EXPENDITURE = "expenditure"
    USE = "use"
    PANEL_1 = "panel-1"
    PANEL_2 = "panel-2"


SIDES: dict[Side, str] = {
    Side.INCOME: "收入：收支表的收入一侧",
    Side.EXPENDITURE: "支出：收支表的支出一侧（按功能分类）",
    Side.USE: "用途：三栏收支总表的第三栏（支出按用途）",
    Side.PANEL_1: "上栏：上下两栏之表的第一栏",
    Side.PANEL_2: "下栏：上下两栏之表的第二栏",
}
PANELS = (Side.PANEL_1, Side.PANEL_2)


class Column(StrEnum):
    """The keys of the columns that stages look up by name (``TableRow.amount``); other columns are keyed by
    the measure their header names (``normalise.measures.measure_key``) or by the header as printed."""

    TOTAL = "total"                  # the 合计 column of a grid; a two-sided table's expenditure amount
    INCOME = "income"                # a two-sided table's income amount
    USE = "use"                      # a three-panel table's third amount (expenditure by 支出用途)
    AMOUNT = "amount"                # the one amount of a list or a “三公” table (决算数 where 预算数 is beside it)
    BUDGET = "budget"                # a 决算's “三公” 预算数, printed beside its 决算数
    QUANTITY = "quantity"            # a procurement list's 采购数量 (text)
    VALUE = "value"                  # a figure whose header names no measure (栏次 1 | 2 | 3)
    # a 决算 table by function keeps its headers as printed: the budget at the start of the year, as
    # adjusted, and the actual
    INITIAL_BUDGET = "年初预算数"
    ADJUSTED_BUDGET = "调整预算数"
    ACTUAL = "决算数"


class ColumnRole(StrEnum):
    """What a column holds."""

    MONEY = "money"
    TEXT = "text"
    QUANTITY = "quantity"


class RowFlag(StrEnum):
    """What the importer did to a row, or found wrong with it: the channel from the importer to the audit's
    import notes (``audit.tables.import_notes``) and the table's ``*`` on the page.  Some flags carry what
    they are about after a colon (``with_detail(REALIGNED_BY, table_id)``)."""

    REALIGNED = "realigned"                      # cells re-placed by the sums within the row
    REALIGNED_AMBIGUOUS = "realigned-ambiguous"  # … where more than one placement adds up
    REALIGNED_BY = "realigned-by"                # … as the same row of a sibling table: realigned-by:<table id>
    REALIGNED_LIKE_ROW = "realigned-like-row"    # … as a row with the same figures: realigned-like-row:<row>
    UNRECONCILED = "unreconciled"                # no placement adds up: the document's own inconsistency
    CODE_COMPLETED = "code-completed"            # a code printed without the leading 0 of its 款
    CODE_REPEATED = "code-repeated"              # a code printed again for a line under it
    SEPARATOR_MALFORMED = "separator-malformed"  # thousands separators misprinted: separator-malformed:<printed>
    LEVEL1_INFERRED = "level1-inferred"          # an indicator's 一级指标 taken from the rows above
    NAME_JOINED = "name-joined"                  # a project name continued on the next line: name-joined:<line>


def with_detail(name: RowFlag, detail: object) -> str:
    """A flag with what it is about: ``realigned-by:expenditure``."""
    return f"{name}:{detail}"


def flag_name(text: str) -> str:
    """The flag of a row's flag as stored, without what it is about."""
    return text.partition(":")[0]


class Severity(StrEnum):
    """How much a finding matters to a reader."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


def short(meaning: str) -> str:
    """A code's name as a table shows it: the words before the colon of its meaning (合计, 收入)."""
    return meaning.partition("：")[0]


# --- phases -------------------------------------------------------------------------------------

class Phase(StrEnum):
    """What a disclosure reports, as documents say it: the year's plan (预算) or its outcome (决算)."""

    BUDGET = "预算"
    FINAL = "决算"


BUDGET = Phase.BUDGET
FINAL = Phase.FINAL
PHASES: dict[Phase, str] = {BUDGET: "budget", FINAL: "final"}     # phase -> its segment of folder names and URLs


def phase_slug(phase: Phase) -> str:
    """The URL and folder segment of a phase; an unknown phase is a programming error, never a guess."""
    return PHASES[phase]


# --- scopes: what a disclosure covers ---------------------------------------------------------------

class Scope(StrEnum):
    """A 部门预算 covers a department with all the units under it; a 单位预算 covers one unit alone.  A
    department may publish both for one year, so the scope is part of a disclosure's identity."""

    DEPARTMENT = "部门"
    UNIT = "单位"


DEPARTMENT_SCOPE = Scope.DEPARTMENT
UNIT_SCOPE = Scope.UNIT
SCOPES: dict[Scope, str] = {DEPARTMENT_SCOPE: "", UNIT_SCOPE: "unit-"}     # scope -> prefix of the phase slug


def edition(year: int, phase: Phase, scope: Scope = DEPARTMENT_SCOPE) -> str:
    """The folder and URL segment of one disclosure of a department: ``2024-budget``, ``2025-unit-budget``."""
    return f"{year}-{SCOPES[scope]}{phase_slug(phase)}"


# --- headline measures and the “三公” parts ---------------------------------------------------------

@dataclass(frozen=True)
class ThreePublicPart:
    key: str                   # the row code in “三公” tables and the suffix of its measure
    label: str                 # the canonical name
    short: str                 # the name in a sentence (出国, 接待, 公务用车)
    within: str | None         # the part it is a share of (None for the three parts of the total)


THREE_PUBLIC_PARTS: tuple[ThreePublicPart, ...] = (
    ThreePublicPart("abroad", "因公出国（境）费", "出国", None),
    ThreePublicPart("reception", "公务接待费", "接待", None),
    ThreePublicPart("vehicles", "公务用车购置及运行费", "公务用车", None),
    ThreePublicPart("vehicle_operation", "公务用车运行维护费", "运行维护", "vehicles"),
    ThreePublicPart("vehicle_purchase", "公务用车购置费", "购置", "vehicles"),
)
THREE_PUBLIC_TOTAL = "total"
THREE_PUBLIC_TOTAL_LABEL = "“三公”经费合计"
THREE_PUBLIC = "three_public"                 # the measure of the total
RUNNING_COSTS = "running_costs"               # 机关运行经费: printed beside “三公” in one table, never a part of it
MEETINGS = "meetings"                         # 会议费 and 培训费: 江苏 prints them beside “三公”, not parts of it
TRAINING = "training"
BESIDE_THREE_PUBLIC = (RUNNING_COSTS, MEETINGS, TRAINING)
TABLE_TOTAL = "table_total"                   # the 合计 of “三公” + 会议费 + 培训费 together: no measure of its own


def three_public_measure(part: str) -> str:
    """The measure of a row of a “三公” table: ``abroad`` -> ``three_public.abroad``; the total is
    ``three_public``, and 机关运行经费 printed in the same table is its own measure."""
    if part == TABLE_TOTAL:
        return TABLE_TOTAL
    if part in BESIDE_THREE_PUBLIC:
        return part
    return {THREE_PUBLIC_TOTAL: THREE_PUBLIC}.get(part, f"{THREE_PUBLIC}.{part}")


def three_public_parts(within: str | None = None) -> tuple[ThreePublicPart, ...]:
    """The parts that add up to the total (``within=None``) or to the part named."""
    return tuple(p for p in THREE_PUBLIC_PARTS if p.within == within)


TOTAL = "total"                               # 收支总计, both sides at once: a sentence's change of both
TOTAL_INCOME = "total.income"
TOTAL_EXPENDITURE = "total.expenditure"
BASIC = "basic"
PROJECT = "project"
PROCUREMENT = "procurement"
# a measure stated of the 一般公共预算 alone (一般公共预算财政拨款支出 …，其中：基本支出): ``general_budget.basic``
GENERAL_BUDGET = "general_budget"
GENERAL_BUDGET_LABEL = "一般公共预算"

# Headline measures: what a reader asks first, each taken from the table that states it
MEASURES: dict[str, str] = {
    TOTAL_INCOME: "收入总计",
    TOTAL_EXPENDITURE: "支出总计",
    BASIC: "基本支出",
    PROJECT: "项目支出",
    THREE_PUBLIC: "“三公”经费",
    **{three_public_measure(p.key): ("其中：" if p.within else "") + p.label for p in THREE_PUBLIC_PARTS},
    PROCUREMENT: "政府采购预算",
    RUNNING_COSTS: "机关运行经费",
    MEETINGS: "会议费",
    TRAINING: "培训费",
}

# Figures the narrative states besides the headline ones, each a concept of its own that the audit holds
# against the table figure of the same concept (``audit.figures.concepts``), never against another's: the
# year's income of each source, the appropriations' spending (财政拨款) and that of each fund, the two parts
# of the 一般公共预算's 基本支出, and the procurement of each type.
INCOME_FISCAL = "income.fiscal"
INCOME_GENERAL_BUDGET = "income.general_budget"
INCOME_GOV_FUND = "income.gov_fund"
INCOME_SPECIAL_ACCOUNT = "income.special_account"
INCOME_BUSINESS = "income.business"
INCOME_OPERATING = "income.operating"
INCOME_OTHER = "income.other"
FISCAL_EXPENDITURE = "fiscal.expenditure"
GENERAL_BUDGET_EXPENDITURE = "general_budget.total"
GOV_FUND_EXPENDITURE = "gov_fund.total"
GENERAL_BUDGET_PERSONNEL = "general_budget.basic.personnel"
GENERAL_BUDGET_PUBLIC = "general_budget.basic.public"
FISCAL_BASIC = "fiscal.basic"
PROCUREMENT_TYPES = {"goods": "货物", "works": "工程", "services": "服务"}
# the appropriations' spending on one function class or item, named by its path of printed names:
# ``fiscal.function:一般公共服务支出/政府办公厅（室）及相关机构事务/行政运行``
FISCAL_FUNCTION = "fiscal.function:"
# the department's spending (of all its money) on one function class, as the narrative lists it by class
# (按支出功能分类，包括一般公共服务支出 5,183 万元，…): ``expenditure.function:一般公共服务支出``
EXPENDITURE_FUNCTION = "expenditure.function:"
# the 一般公共预算's spending on one function item named by its code (（三）2040202-一般行政管理事务 3233.69万元):
# ``general_budget.code:2040202``
GENERAL_BUDGET_CODE = "general_budget.code:"

CONCEPTS: dict[str, str] = {
    INCOME_FISCAL: "财政拨款收入",
    INCOME_GENERAL_BUDGET: "一般公共预算拨款收入",
    INCOME_GOV_FUND: "政府性基金预算拨款收入",
    INCOME_SPECIAL_ACCOUNT: "财政专户管理资金收入",
    INCOME_BUSINESS: "事业收入",
    INCOME_OPERATING: "事业单位经营收入",
    INCOME_OTHER: "其他收入",
    FISCAL_EXPENDITURE: "财政拨款支出",
    GENERAL_BUDGET_EXPENDITURE: "一般公共预算拨款支出",
    GOV_FUND_EXPENDITURE: "政府性基金预算拨款支出",
    GENERAL_BUDGET_PERSONNEL: "一般公共预算基本支出中的人员经费",
    GENERAL_BUDGET_PUBLIC: "一般公共预算基本支出中的公用经费",
    FISCAL_BASIC: "财政拨款基本支出",
    **{f"{PROCUREMENT}.{key}": f"政府采购{word}预算" for key, word in PROCUREMENT_TYPES.items()},
}


# A figure stated as a change from last year carries this suffix (three_public.change)
CHANGE = ".change"

# A 决算's execution sentence: the budget at the start of the year, the budget as adjusted, the actual, and
# the rate stated against either budget (``execution_rate("full")``)
EXECUTION = "execution."
EXECUTION_INITIAL = "execution.initial"
EXECUTION_FULL = "execution.full"
EXECUTION_ACTUAL = "execution.actual"


def execution_rate(basis: str) -> str:
    """The measure of a stated execution rate against the ``initial`` or the ``full`` budget."""
    return f"{EXECUTION}rate.{basis}"


# People and vehicles the narrative counts
STAFF_ACTIVE = "staff.active"


# --- performance tables ---------------------------------------------------------------------------

class IndicatorScope(StrEnum):
    """Whom a performance indicator is of: the department as a whole, or one project."""

    DEPARTMENT = "department"
    PROJECT = "project"


class ProjectSource(StrEnum):
    """Where a project's targets were read: its own sheet (项目绩效目标表) or a line of a summary table."""

    SHEET = "sheet"
    SUMMARY = "summary"
