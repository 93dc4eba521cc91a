"""The one typed model of a disclosure: made by the importer, written and read by the store,
taken by the audit and the site.

Money is an exact amount of 元 (``Yuan``: an ``int`` when whole, a ``Decimal`` with
two places when the document prints 分; ``None`` for a blank cell), never a float;
every item knows the document and line it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.core.money import Yuan, half_unit
from generator.core.vocabulary import (ColumnRole, IndicatorScope, Kind, Phase, ProjectSource, RowKind,
                                       Scheme, Scope, Severity, Side, edition)


@dataclass
class Cell:
    """A money figure in a table: column key, printed text and exact 元 (None if blank)."""

    column: str
    printed: str
    yuan: Yuan | None


@dataclass
class TableRow:
    row: int                       # 1-based position in the table
    line: int                      # line in the source document
    label: str                     # printed name (科目名称, 项目, …), plain text
    kind: RowKind = RowKind.ITEM
    code: str | None = None        # normalised classification code
    scheme: Scheme | None = None
    level: int | None = None
    parent: str | None = None
    canonical: str | None = None   # reference name of the code
    code2: str | None = None       # paired 政府预算经济分类 code (economic tables)
    scheme2: Scheme | None = None
    label2: str | None = None
    unit_code: str | None = None
    side: Side | None = None       # two-sided tables, and the panels of a table printed as two
    text: dict[str, str] = field(default_factory=dict)   # non-money cells by column key
    cells: list[Cell] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)      # RowFlag, some with a detail (``vocabulary.flag``)

    def cell(self, column: str) -> Cell | None:
        for c in self.cells:          # a loop, not next() over a generator: the audit and the site ask often
            if c.column == column:
                return c
        return None

    def cells_by_column(self) -> dict[str, Cell]:
        """Each column's cell, as ``cell`` finds it (the first), for reading many columns of the row."""
        out: dict[str, Cell] = {}
        for c in self.cells:
            out.setdefault(c.column, c)
        return out

    def amount(self, column: str) -> Yuan | None:
        """The figure in 元; None for a blank cell or a column the row does not print."""
        cell = self.cell(column)
        return cell.yuan if cell else None


@dataclass
class TableColumn:
    key: str          # stable key within the table (canonical measure or path)
    label: str        # header path as printed, joined with " / "
    role: ColumnRole
    side: Side | None = None


@dataclass
class Table:
    id: str
    kind: Kind
    title: str
    document: str
    lines: tuple[int, int]
    unit: str | None
    decimals: int
    columns: list[TableColumn] = field(default_factory=list)
    rows: list[TableRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    note_lines: list[int] = field(default_factory=list)
    empty: bool = False
    title_line: int = 0

    def total_row(self, side: Side | None = None) -> TableRow | None:
        """The first 合计 row (of one side, for two-sided tables)."""
        return next((r for r in self.rows if r.kind == RowKind.TOTAL and (side is None or r.side == side)), None)

    @property
    def money_columns(self) -> list[TableColumn]:
        return [c for c in self.columns if c.role == ColumnRole.MONEY]


@dataclass
class Indicator:
    scope: IndicatorScope
    project: str          # project name ("" for department-wide)
    level1: str
    level2: str
    level3: str
    value: str            # as printed (plain text)
    op: str               # ≥ ≤ = > < range | qualitative | ""
    number: str           # exact decimal string, "" when qualitative
    number2: str          # upper bound of a range
    unit: str
    explanation: str
    note: str
    document: str
    line: int
    project_code: str = ""
    flags: list[str] = field(default_factory=list)


@dataclass
class Task:
    """A main task (年度主要任务) of the department performance table."""

    name: str
    content: str
    amount: str          # 合计 as printed ("" when the template has no money column)
    amount_yuan: Yuan | None
    fiscal: str          # 其中：财政资金 as printed
    fiscal_yuan: Yuan | None
    note: str
    unit: str
    document: str
    line: int


@dataclass(kw_only=True)
class PrintedFigure:
    """A money figure of a performance table as printed, in 元, and where it stands."""

    printed: str
    yuan: Yuan | None
    unit: str
    document: str
    line: int


@dataclass
class BudgetLine(PrintedFigure):
    """A line of the performance table's 预算情况 block (total, sources, structure)."""

    key: str             # total | source.government | source.special_account | source.other | basic | project
    label: str


@dataclass
class Target:
    """An annual goal (年度总体目标 / 年度履职目标) as printed."""

    text: str
    document: str
    line: int


@dataclass
class ProjectItem:
    """A line of a project sheet's 项目构成 block."""

    name: str
    printed: str
    line: int
    yuan: Yuan | None = None


@dataclass
class UnitRow(PrintedFigure):
    """A unit row of a project summary table (单位编码 114, 114001 …) with its printed total."""

    code: str
    name: str


@dataclass
class Statement:
    """A figure or count stated in the narrative (``支出预算 8641.20 万元``, ``在职人员 60 人``)."""

    measure: str          # a headline measure, its ``.change``, or a count (staff.active, vehicles …)
    printed: str
    unit: str             # 万元 | 元 for money; 人 | 辆 for counts
    decimals: int
    yuan: Yuan | None      # money in 元 (signed for a change); None for a count
    quote: str            # the words around the figure
    document: str
    line: int
    count: int | None = None
    # what the figure is about when the sentence belongs to a numbered item of its own (a 决算 names each
    # function item whose budget and actual it states: “1、一般公共服务支出（类）…行政运行（项）”); "" otherwise
    subject: str = ""

    @property
    def tolerance(self) -> int:
        """Half a unit of the last printed digit, in 元 (money statements)."""
        return half_unit(self.unit, self.decimals)


@dataclass
class Project:
    """A project with performance targets: one sheet (项目绩效目标表) or one summary-table entry."""

    name: str
    code: str                 # project code (a string: 20-22 digits in 004), "" if not printed
    unit_code: str
    unit_name: str
    category: str             # 资金用途 (业务类 …)
    amount_yuan: Yuan | None   # this year's amount
    printed: str
    unit: str
    document: str
    line: int
    source: ProjectSource
    fields: dict[str, str] = field(default_factory=dict)
    items: list[ProjectItem] = field(default_factory=list)      # 项目构成
    funding: dict[str, Yuan | None] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)


@dataclass
class Term:
    term: str
    definition: str
    document: str
    line: int


@dataclass
class Section:
    key: str
    title: str
    markdown: str
    document: str
    line: int


@dataclass
class Finding:
    """An audit finding: what, where, and the figures that disagree (``site.findings`` shows it to readers)."""

    check: str
    severity: Severity
    message: str
    document: str
    line: int
    expected: str = ""
    found: str = ""
    table: str = ""
    # what each figure is, in the reader's words (a printed 合计, the sum of the rows under it, the
    # narrative's figure …): the check knows, and a reader must not have to guess from expected/found
    expected_as: str = ""
    found_as: str = ""
    # the other side of a comparison, where it is printed elsewhere (a table's row against a sentence)
    other_document: str = ""
    other_line: int = 0


@dataclass
class Source:
    """A document a disclosure was read from, with its text form: the lines that rows and findings cite.

    A PDF's text form is what the reader made of it; it is kept with the data so that building the
    site never reads a PDF again.  ``pages`` gives, for a PDF, the line each page starts on.
    """

    name: str
    sha256: str
    title: str
    lines: int
    pages: list[list[int]] = field(default_factory=list)      # [[first line, page], …]; [] for a text document
    text: list[str] = field(default_factory=list, repr=False, compare=False)

    def page_of_lines(self) -> list[int]:
        """The page of each line (empty for a text document)."""
        out: list[int] = []
        for i, (first, page) in enumerate(self.pages):
            end = self.pages[i + 1][0] if i + 1 < len(self.pages) else self.lines + 1
            out += [page] * (end - first)
        return out


@dataclass
class Unplaced:
    """A figure printed in a recognised table that the import could not place in any cell."""

    document: str
    line: int
    page: int | None
    printed: str
    table: str


@dataclass
class CoveredTable:
    """One table-like block of a document, as the import took it (``kind`` None: not recognised)."""

    kind: Kind | None
    title: str
    document: str
    line: int
    page: int | None
    landed: int                 # figures that landed in the data
    printed: int                # figure-like cells printed in the table
    unplaced: list[Unplaced] = field(default_factory=list)


@dataclass
class Coverage:
    """What the import took from one document: every table-like block and the count of its figures.

    Reported by ``budgetsite import``; it describes the import, not the
    disclosure, so it is not written to the data files.
    """

    document: str
    tables: list[CoveredTable] = field(default_factory=list)

    @property
    def landed(self) -> int:
        return sum(t.landed for t in self.tables)

    @property
    def printed(self) -> int:
        return sum(t.printed for t in self.tables)


@dataclass
class Disclosure:
    region: str
    department: str
    year: int
    phase: Phase
    scope: Scope = Scope.DEPARTMENT     # 部门 (the department and its units) or 单位 (one unit)
    sources: list[Source] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    budget: list[BudgetLine] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    units: list[UnitRow] = field(default_factory=list)           # unit rows of a project summary table
    statements: list[Statement] = field(default_factory=list)    # figures stated in the narrative
    glossary: list[Term] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    merge_findings: list[Finding] = field(default_factory=list)
    region_slug: str = ""          # the URL segments, from the registry when the data was written
    department_slug: str = ""
    coverage: list[Coverage] = field(default_factory=list, compare=False)   # per document, at import only

    @property
    def key(self) -> tuple[str, str, int, Phase, Scope]:
        return (self.region, self.department, self.year, self.phase, self.scope)

    @property
    def edition(self) -> str:
        """This disclosure among the department's: ``2024-budget``, ``2025-unit-budget``."""
        return edition(self.year, self.phase, self.scope)

    @property
    def name(self) -> str:
        """How pages and reports name it: ``2024 年部门预算``, ``2025 年单位预算``."""
        return f"{self.year} 年{self.scope}{self.phase}"

    def table(self, kind: Kind) -> Table | None:
        """The first table of a kind."""
        return next((t for t in self.tables if t.kind == kind), None)
