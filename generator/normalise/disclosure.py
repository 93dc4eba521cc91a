"""One document in, one (possibly partial) ``Disclosure`` out: identity, tables, performance, narrative.

Pure: the document arrives as a ``Layout`` from a reader, and nothing here
touches the file system.  Each recognised table goes to the parser its kind
names in the vocabulary; documents of one department-year are merged
afterwards (``generator.normalise.merge``).
"""

from __future__ import annotations

from collections.abc import Callable

from generator.core import vocabulary as V
from generator.core.errors import DocumentError
from generator.core.model import Coverage, Disclosure, Project, Source, Table
from generator.core.money import half_unit, is_figure, slack
from generator.core.vocabulary import CORE_KINDS, KINDS, Family, Kind, RowKind
from generator.normalise import coverage, narrative, performance as P, statements
from generator.normalise.generic import figure_cells, parse_generic
from generator.normalise.grid import is_subtotal_label
from generator.normalise.lists import parse_procurement, parse_project_list
from generator.normalise.realign import align_with_siblings, align_with_twins
from generator.normalise.tables import TableContext, note_malformed_separators, parse_grid_table
from generator.normalise.three_public import parse_three_public
from generator.normalise.two_sided import parse_two_sided
from generator.read.layout import Document, Layout, RawTable
from generator.recognise.doctype import not_a_disclosure
from generator.recognise.kinds import recognise
from generator.recognise.identity import find_department, find_phase, find_region, find_scope, find_year

# The money-table parsers, by the parser name each kind gives in the vocabulary
MONEY_PARSERS: dict[str, Callable[[RawTable, TableContext], Table]] = {
    V.GRID: parse_grid_table,
    V.TWO_SIDED: parse_two_sided,
    V.THREE_PUBLIC_PARSER: parse_three_public,
    V.PROCUREMENT_PARSER: parse_procurement,
    V.PROJECT_LIST_PARSER: parse_project_list,
    V.GENERIC_PARSER: parse_generic,
}


def parse_document(layout: Layout, extra_dir: str | None = None) -> Disclosure:
    """Parse one document into a (possibly partial) disclosure; refusals name the line (and the page)."""
    try:
        return _parse(layout, extra_dir)
    except DocumentError as exc:
        pages = layout.document.pages
        if exc.page or not pages or not exc.line or exc.line > len(pages):
            raise
        raise DocumentError(exc.path, exc.line, exc.message, pages[exc.line - 1]) from None


def page_starts(pages: tuple[int, ...]) -> list[list[int]]:
    """``[[1, 1], [3, 2], …]``: the line each page starts on (1-based), from the page of each line."""
    return [[i, p] for i, p in enumerate(pages, 1) if i == 1 or pages[i - 2] != p]


def _parse(layout: Layout, extra_dir: str | None) -> Disclosure:
    doc, texts, raws = layout.document, layout.texts, layout.tables
    department, _ = find_department(texts, raws)
    year, _ = find_year(texts, raws)
    phase, phase_line = find_phase(texts)
    scope, _ = find_scope(texts)
    if not raws and not texts:
        raise DocumentError(doc.name, None, "no text found; expected a budget disclosure")
    other = not_a_disclosure(layout)          # a notice, a 公报 issue, statistics … behind a budget-shaped link
    if other is not None:
        raise DocumentError(doc.name, other.line, other.message())
    if department is None:
        raise DocumentError(doc.name, 1, "cannot tell which department this is: expected a title such as "
                                         "“2020年XX市XX局部门预算”, a 部门名称 row or a 单位名称： line")
    # a year the document does not print (``UNKNOWN_YEAR``) is taken at merge from the document imported
    # with it (江苏's tables file takes its narrative's), or refused there
    title = next((t.text for t in texts[:5] if t.text), department)
    disclosure = Disclosure(find_region(department, texts), department, year, phase, scope,
                            sources=[Source(doc.name, doc.sha256, title, len(doc.lines), page_starts(doc.pages),
                                            list(doc.lines))])
    default_unit = next((r.unit for r in raws if r.unit), None)
    recognised = 0
    counts: dict[Kind, int] = {}
    sheet = None
    covered: list[tuple[RawTable, Table | None, Kind | None]] = []
    for raw in raws:
        kind = recognise(raw)
        if kind is None:
            if figure_cells(raw, _serial_column(raw)):
                table = _generic(raw, counts, doc.name, default_unit, extra_dir)
                disclosure.tables.append(table)
                covered.append((raw, table, Kind.GENERIC))
            else:
                covered.append((raw, None, None))
            continue
        recognised += 1
        if KINDS[kind].family == Family.PERFORMANCE:
            try:
                sheet = _parse_performance(disclosure, raw, kind, doc.name, default_unit, sheet)
            except DocumentError:
                # a performance sheet in a layout the parsers do not know: kept as printed, as any table
                # no kind recognises (``--strict`` refuses it)
                table = _generic(raw, counts, doc.name, default_unit, extra_dir)
                disclosure.tables.append(table)
                covered.append((raw, table, Kind.GENERIC))
                sheet = None
                continue
            covered.append((raw, None, kind))
            continue
        counts[kind] = counts.get(kind, 0) + 1
        table_id = str(kind) if counts[kind] == 1 else f"{kind}-{counts[kind]}"
        ctx = TableContext(kind, doc.name, table_id, default_unit, extra_dir)
        table = MONEY_PARSERS[KINDS[kind].parser](raw, ctx)
        _require_complete(table, raw, doc)
        note_malformed_separators(table)
        disclosure.tables.append(table)
        covered.append((raw, table, kind))
    generic = [t for t in disclosure.tables if t.kind == Kind.GENERIC]
    if generic and not any(t.kind in CORE_KINDS for t in disclosure.tables):
        raise DocumentError(doc.name, generic[0].lines[0],
                            f"no core budget table was recognised (such as 部门收支总表 or 部门支出总表), and "
                            f"{len(generic)} table(s) with figures are of no known kind (the first: "
                            f"“{generic[0].title or '—'}”); nothing was imported. See docs/templates.md")
    align_with_siblings(disclosure.tables)
    for t in disclosure.tables:
        align_with_twins(t)
    disclosure.glossary = narrative.glossary(texts, doc.name)
    disclosure.sections = narrative.sections(texts, doc.name)
    if disclosure.tables and not any(c.printed for t in disclosure.tables for r in t.rows for c in r.cells) \
            and not (disclosure.projects or disclosure.indicators):
        raise DocumentError(doc.name, disclosure.tables[0].lines[0], "none of the tables holds a figure: this looks "
                                                                     "like a blank template, not a disclosure")
    if recognised == 0 and not disclosure.sections:
        line = raws[0].start if raws else 1
        raise DocumentError(doc.name, line, "no recognisable budget table: expected tables such as "
                                            "部门收支总体情况表 or a 绩效目标表")
    # a document of narrative alone (江苏 publishes the narrative and the tables as two files) is kept
    # as a part; merge refuses it if no document of the same department-year brings the tables
    disclosure.statements = statements.extract(narrative.without_contents(texts), doc.name)
    # counted after the re-alignment, which may move a figure but never drops one
    disclosure.coverage = [Coverage(doc.name, [
        coverage.money_table(raw, table, doc) if table is not None else coverage.other_table(raw, kind, doc)
        for raw, table, kind in covered])]
    return disclosure


def _generic(raw: RawTable, counts: dict[Kind, int], doc: str, default_unit: str | None,
             extra_dir: str | None) -> Table:
    """A table no kind recognises, kept as printed (``normalise.generic``), with the next generic id."""
    counts[Kind.GENERIC] = counts.get(Kind.GENERIC, 0) + 1
    n = counts[Kind.GENERIC]
    table_id = str(Kind.GENERIC) if n == 1 else f"{Kind.GENERIC}-{n}"
    table = MONEY_PARSERS[KINDS[Kind.GENERIC].parser](raw, TableContext(Kind.GENERIC, doc, table_id, default_unit,
                                                                         extra_dir))
    table.title = raw.title or f"{KINDS[Kind.GENERIC].label}（第 {raw.start} 行）"
    return table


def refuse_unrecognised(d: Disclosure) -> None:
    """``import --strict``: a table no kind recognises refuses the document, as it did before tables were
    kept as printed (for publishers who want every table recognised in CI)."""
    for t in d.tables:
        if t.kind == Kind.GENERIC:
            figures = sum(1 for r in t.rows for c in r.cells if c.printed) + sum(
                1 for r in t.rows for v in r.text.values() if is_figure(v))
            source = next((s for s in d.sources if s.name == t.document), None)
            page = _page_at(source.pages, t.lines[0]) if source is not None else None
            raise DocumentError(t.document, t.lines[0], f"a table with {figures} figures is not one of the known "
                                                        f"kinds (its title: “{t.title}”); nothing was imported "
                                                        f"(--strict). See docs/templates.md for the known tables",
                                page)


def _page_at(starts: list[list[int]], line: int) -> int | None:
    """The page of ``line`` from a source's page starts (``[[line, page], …]``)."""
    page = None
    for first, number in starts or ():
        if first > line:
            break
        page = number
    return page


def _serial_column(raw: RawTable) -> int | None:
    """The column that numbers the rows (序号: 1, 2, 3 …), whose numbers are not figures: a list of units
    has no money in it."""
    for i in range(max((len(r.cells) for r in raw.rows), default=0)):
        values = [r.text(i).strip() for r in raw.rows if r.text(i).strip()]
        numbers = [v for v in values if v.isdigit()]
        if values and values[0] in ("序号", "编号") and numbers == [str(n) for n in range(1, len(numbers) + 1)]:
            return i
    return None


def _parse_performance(d: Disclosure, raw: RawTable, kind: Kind, doc: str, default_unit: str | None,
                       sheet: Project | None) -> Project | None:
    """Add one performance table to the disclosure; return the open project sheet, if any."""
    parser = KINDS[kind].parser
    if parser == V.DEPARTMENT_SHEET:
        dp = P.parse_department(raw, doc)
        d.targets += dp.targets
        d.tasks += dp.tasks
        d.budget += dp.budget
        d.indicators += dp.indicators
        return None
    if parser == V.PROJECT_SHEET:
        project, found = P.parse_project_sheet(raw, doc, default_unit)
        d.projects.append(project)
        d.indicators += found
        return project
    if parser == V.PROJECT_SHEET_CONTINUED:
        if sheet is None:
            raise DocumentError(doc, raw.start, "a continued project performance table (项目总目标 …) follows no "
                                                "project sheet: expected a 项目名称 row before it")
        d.indicators += P.continue_project_sheet(sheet, raw, doc)
        return sheet
    projects, found, units = P.parse_project_summary(raw, doc)
    d.projects += projects
    d.indicators += found
    d.units += units
    return None


def _require_complete(table: Table, raw: RawTable, doc: Document) -> None:
    """Refuse a table that was cut off: no 合计 row (printed first or last; a 小计 totals a group of rows, not the
    table), or the file ends inside a row."""
    if not table.empty and KINDS[table.kind].needs_total and not any(r.kind == RowKind.TOTAL for r in table.rows):
        groups = " (its 小计 rows total groups of rows, not the table)" \
            if any(is_subtotal_label(r.label) for r in table.rows) else ""
        raise DocumentError(doc.name, raw.end, f"table “{table.title}” ends without its 合计/总计 row{groups}: expected "
                                               f"a total row, printed first or last; the table may be cut off")
    last_text = max((i for i, line in enumerate(doc.lines, 1) if line.strip()), default=0)
    if raw.end == last_text and _leaves_fall_short(table):
        raise DocumentError(doc.name, raw.end, f"the file ends inside table “{table.title}”: its rows add up to less "
                                               f"than its 合计 row; the document seems cut off")
    if raw.end == last_text and len(raw.rows) > 1:
        last, before = raw.rows[-1], raw.rows[-2]
        if len(last.cells) < len(before.cells):
            raise DocumentError(doc.name, last.line, f"the file ends inside table “{table.title}”: the last row has "
                                                     f"{len(last.cells)} cells where the rows above have "
                                                     f"{len(before.cells)}; the document seems cut off")


def _leaves_fall_short(table: Table) -> bool:
    """True when a coded table's lowest-level rows add up to less than its total (rows are missing)."""
    total = next((r for r in table.rows if r.kind == RowKind.TOTAL), None)
    coded = [r for r in table.rows if r.code and r.kind != RowKind.TOTAL]
    if total is None or not coded or not table.columns:
        return False
    key = table.columns[0].key
    codes = {r.code for r in coded}
    leaves = [r for r in coded if not any(c != r.code and c.startswith(r.code) for c in codes)]
    found = sum(r.amount(key) or 0 for r in leaves)
    return found + slack(half_unit(table.unit or "元", table.decimals), len(leaves)) < (total.amount(key) or 0)
