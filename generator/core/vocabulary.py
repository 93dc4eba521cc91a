"""The vocabulary of disclosures: table kinds, phases, headline measures and the “三公” parts.

Every stage speaks of these by the names defined here and nowhere else.
Adding a table kind is one entry in ``KINDS`` (what it is called, how it is
parsed, which audit checks apply) plus the rule of a template family that
tells it apart (``generator.templates``), plus its parser if it needs a new
one.  Adding a phase is
one entry in ``PHASES``.
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
    family: str                      # money | performance | generic (not recognised: kept as printed, not audited)
    parser: str
    codes: str | None = None         # function | economic: the classification of a grid's rows
    checks: frozenset[str] = frozenset()
    needs_total: bool = True         # a money table without its 合计 row has been cut off


def _money(kind: Kind, label: str, parser: str, codes: str | None = None, checks: tuple[str, ...] = (),
           needs_total: bool = True) -> TableKind:
    return TableKind(kind, label, "money", parser, codes, frozenset(checks), needs_total)


def _performance(kind: Kind, label: str, parser: str) -> TableKind:
    return TableKind(kind, label, "performance", parser, needs_total=False)


KINDS: dict[Kind, TableKind] = {k.id: k for k in (
    _money(Kind.SUMMARY, "部门收支总体情况表", TWO_SIDED, checks=(BALANCE, CARRY_OVER, STATES_TOTAL)),
    _money(Kind.INCOME, "部门收入总体情况表", GRID, "function", (SUMS, STATES_TOTAL)),
    _money(Kind.EXPENDITURE, "部门支出总体情况表", GRID, "function", (SUMS, STATES_TOTAL)),
    # 财政拨款 tables state the appropriations alone: the department's total only when it has no other income
    _money(Kind.FISCAL_SUMMARY, "财政拨款收支总体情况表", TWO_SIDED, checks=(BALANCE, CARRY_OVER, STATES_FISCAL_TOTAL)),
    _money(Kind.GENERAL_BUDGET_FUNCTION, "一般公共预算支出情况表（按功能分类）", GRID, "function", (SUMS,)),
    _money(Kind.GENERAL_BUDGET_ECONOMIC, "一般公共预算支出情况表（按经济分类）", GRID, "economic", (SUMS,)),
    _money(Kind.BASIC_ECONOMIC, "一般公共预算基本支出情况表", GRID, "economic", (SUMS,)),
    _money(Kind.ECONOMIC_SUMMARY, "支出经济分类汇总表", GRID, "economic", (SUMS,)),
    _money(Kind.THREE_PUBLIC, "一般公共预算“三公”经费支出情况表", THREE_PUBLIC_PARSER, checks=(THREE_PUBLIC_SUM,)),
    _money(Kind.FISCAL_FUNCTION, "财政拨款支出表（按功能分类）", GRID, "function", (SUMS, STATES_FISCAL_TOTAL)),
    _money(Kind.RUNNING_COSTS_ECONOMIC, "机关运行经费支出表（按经济分类）", GRID, "economic", (SUMS,)),
    _money(Kind.GOV_FUND, "政府性基金预算支出情况表", GRID, "function", (SUMS,)),
    _money(Kind.STATE_CAPITAL, "国有资本经营预算支出情况表", GRID, "function", (SUMS,)),
    _money(Kind.PROCUREMENT, "政府采购预算表", PROCUREMENT_PARSER, checks=(SUMS,)),
    _money(Kind.PROJECT_LIST, "项目支出表", PROJECT_LIST_PARSER, checks=(SUMS,), needs_total=False),
    _performance(Kind.DEPARTMENT_PERFORMANCE, "部门整体绩效目标表", DEPARTMENT_SHEET),
    _performance(Kind.PROJECT_PERFORMANCE, "项目绩效目标表", PROJECT_SHEET),
    _performance(Kind.PROJECT_PERFORMANCE_CONTINUED, "项目绩效目标表（续）", PROJECT_SHEET_CONTINUED),
    _performance(Kind.PROJECT_PERFORMANCE_SUMMARY, "项目绩效目标汇总表", PROJECT_SUMMARY),
    TableKind(Kind.GENERIC, "未能识别的表格", "generic", GENERIC_PARSER, needs_total=False),
)}

# The tables that make a document a disclosure the importer can take: without one of them, tables it does
# not recognise are not enough to import it
CORE_KINDS = frozenset({Kind.SUMMARY, Kind.EXPENDITURE, Kind.INCOME, Kind.FISCAL_SUMMARY,
                        Kind.GENERAL_BUDGET_FUNCTION})


# --- rows: what a row of a table is, and which side of a two-sided table it is on -------------------

# Row kinds as the data stores them, with what each means to a reader (the code list the open data
# documents and checks: a kind not listed here is a programming error).  Every table restates the
# department's totals, so ``total`` rows of different tables are the same money: never add them up.
ROW_KINDS: dict[str, str] = {
    "total": "合计：本表的合计或总计行（各表重复同一总数，不可跨表相加）",
    "unit": "单位：所属单位的一行",
    "item": "科目：按科目或名称列出的一行（类、款、项各成一行，上级已含下级；小计也是）",
    "income": "收入：收支表收入一侧的一行",
    "expenditure": "支出：收支表支出一侧的一行",
    "detail": "明细：小计下的明细行（已计入其上的小计）",
    "group": "分组：其下各行相加而得的分组标题行",
}

# Sides of a two-sided table, and the panels of a table printed as two tables one under the other
SIDES: dict[str, str] = {
    "income": "收入：收支表的收入一侧",
    "expenditure": "支出：收支表的支出一侧（按功能分类）",
    "use": "用途：三栏收支总表的第三栏（支出按用途）",
    "panel-1": "上栏：上下两栏之表的第一栏",
    "panel-2": "下栏：上下两栏之表的第二栏",
}


def short(meaning: str) -> str:
    """A code's name as a table shows it: the words before the colon of its meaning (合计, 收入)."""
    return meaning.partition("：")[0]


# --- phases -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Phase:
    name: str          # as documents say it: 预算, 决算
    slug: str          # in folder names and URLs: 2024-budget


BUDGET = "预算"
FINAL = "决算"
PHASES: dict[str, Phase] = {p.name: p for p in (Phase(BUDGET, "budget"), Phase(FINAL, "final"))}


def phase_slug(phase: str) -> str:
    """The URL and folder segment of a phase; an unknown phase is a programming error, never a guess."""
    return PHASES[phase].slug


# --- scopes: what a disclosure covers ---------------------------------------------------------------

# A 部门预算 covers a department with all the units under it; a 单位预算 covers one unit alone.  A
# department may publish both for one year, so the scope is part of a disclosure's identity.
DEPARTMENT_SCOPE = "部门"
UNIT_SCOPE = "单位"
SCOPES: dict[str, str] = {DEPARTMENT_SCOPE: "", UNIT_SCOPE: "unit-"}     # scope -> prefix of the phase slug


def edition(year: int, phase: str, scope: str = DEPARTMENT_SCOPE) -> str:
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
