"""The normalised, typed model shared by the importer, the data files and the audit."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Cell:
    """A money figure in a table: column key, printed text and exact 元 (None if blank)."""

    column: str
    printed: str
    yuan: int | None


@dataclass
class TableRow:
    row: int                       # 1-based position in the table
    line: int                      # line in the source document
    label: str                     # printed name (科目名称, 项目, …), plain text
    kind: str = "item"             # total | unit | item | income | expenditure | note
    code: str | None = None        # normalised classification code
    scheme: str | None = None      # function | economic | gov_economic
    level: int | None = None
    parent: str | None = None
    canonical: str | None = None   # reference name of the code
    code2: str | None = None       # paired 政府预算经济分类 code (economic tables)
    scheme2: str | None = None
    label2: str | None = None
    unit_code: str | None = None
    side: str | None = None        # income | expenditure (two-sided tables)
    text: dict[str, str] = field(default_factory=dict)   # non-money cells by column key
    cells: list[Cell] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def amount(self, column: str) -> int | None:
        for cell in self.cells:
            if cell.column == column:
                return cell.yuan
        return None

    def has(self, column: str) -> bool:
        return any(c.column == column for c in self.cells)


@dataclass
class TableColumn:
    key: str          # stable key within the table (canonical measure or path)
    label: str        # header path as printed, joined with " / "
    role: str         # money | text | quantity
    side: str | None = None


@dataclass
class Table:
    id: str
    kind: str
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
    flags: list[str] = field(default_factory=list)

    def column(self, key: str) -> TableColumn | None:
        return next((c for c in self.columns if c.key == key), None)


@dataclass
class Indicator:
    scope: str            # department | project
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
    amount_yuan: int | None
    fiscal: str          # 其中：财政资金 as printed
    fiscal_yuan: int | None
    note: str
    unit: str
    document: str
    line: int


@dataclass
class BudgetLine:
    """A line of the performance table's 预算情况 block (total, sources, structure)."""

    key: str             # total | source.government | source.special_account | source.other | basic | project
    label: str
    printed: str
    yuan: int | None
    unit: str
    document: str
    line: int


@dataclass
class Target:
    """An annual goal (年度总体目标 / 年度履职目标) as printed."""

    text: str
    document: str
    line: int


@dataclass
class Project:
    """A project with performance targets: one sheet (项目绩效目标表) or one summary-table entry."""

    name: str
    code: str                 # project code (a string: 20-22 digits in 004), "" if not printed
    unit_code: str
    unit_name: str
    category: str             # 资金用途 (业务类 …)
    amount_yuan: int | None   # this year's amount
    printed: str
    unit: str
    document: str
    line: int
    source: str               # sheet | summary
    fields: dict[str, str] = field(default_factory=dict)
    items: list[dict] = field(default_factory=list)      # 项目构成: name, printed, yuan
    funding: dict[str, int | None] = field(default_factory=dict)
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
    """An audit finding: what, where, and the figures that disagree."""

    check: str
    severity: str         # error | warning | info
    message: str
    document: str
    line: int
    expected: str = ""
    found: str = ""
    table: str = ""

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}


@dataclass
class Source:
    name: str
    sha256: str
    title: str
    lines: int


@dataclass
class Disclosure:
    region: str
    department: str
    year: int
    phase: str
    sources: list[Source] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    budget: list[BudgetLine] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    units: list[dict] = field(default_factory=list)      # unit rows of a project summary table
    statements: list[dict] = field(default_factory=list)  # figures stated in the narrative
    glossary: list[Term] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    facts: dict[str, dict] = field(default_factory=dict)
    merge_findings: list[Finding] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, int, str]:
        return (self.region, self.department, self.year, self.phase)
