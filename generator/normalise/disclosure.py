"""Import: documents in, one ``Disclosure`` per department-year out (pure).

Several documents can describe one department-year (000 is the full
disclosure, 001 repeats its performance table): they are merged, and a
figure that two documents print differently is reported, never overwritten.
"""

from __future__ import annotations

from generator.normalise import narrative, performance as P, statements, tables as T
from generator.read.plaintext import Document
from generator.core.errors import DocumentError
from generator.recognise.identity import find_department, find_year, region_of
from generator.core.model import Disclosure, Finding, Source, Table
from generator.core.money import half_unit
from generator.recognise.kinds import PERFORMANCE_KINDS, recognise
from generator.read.segment import split
from generator.core.text import compact

PHASE = "预算"
MONEY_KINDS = T.FUNCTION_KINDS | T.ECONOMIC_KINDS | {"summary", "fiscal_summary", "three_public", "procurement", "project_list"}


def parse_document(doc: Document, extra_dir: str | None = None) -> Disclosure:
    """Parse one document into a (possibly partial) disclosure."""
    texts, raws = split(doc)
    department, _ = find_department(texts, raws)
    year, _ = find_year(texts, raws)
    if not raws and not texts:
        raise DocumentError(doc.name, None, "no text found; expected a budget disclosure")
    if department is None:
        raise DocumentError(doc.name, 1, "cannot tell which department this is: expected a title such as "
                                         "“2020年XX市XX局部门预算”, a 部门名称 row or a 单位名称： line")
    if year is None:
        raise DocumentError(doc.name, 1, "cannot tell the budget year: expected a title with “20XX年”")
    title = next((t.text for t in texts[:5] if t.text), department)
    disclosure = Disclosure(region_of(department), department, year, PHASE,
                            sources=[Source(doc.name, doc.sha256, title, len(doc.lines))])
    default_unit = next((r.unit for r in raws if r.unit), None)
    recognised = 0
    counts: dict[str, int] = {}
    sheet = None
    for raw in raws:
        kind = recognise(raw)
        if kind is None:
            continue
        recognised += 1
        if kind in PERFORMANCE_KINDS or kind == "project_performance_continued":
            sheet = _parse_performance(disclosure, raw, kind, doc.name, default_unit, sheet)
            continue
        counts[kind] = counts.get(kind, 0) + 1
        table_id = kind if counts[kind] == 1 else f"{kind}-{counts[kind]}"
        table = _parse_table(raw, kind, doc.name, table_id, default_unit, extra_dir)
        _require_complete(table, raw, doc)
        disclosure.tables.append(table)
    if recognised == 0:
        line = raws[0].start if raws else 1
        raise DocumentError(doc.name, line, "no recognisable budget table: expected tab-separated tables such as "
                                            "部门收支总体情况表 or a 绩效目标表")
    _align_with_siblings(disclosure.tables)
    for t in disclosure.tables:
        _align_with_twins(t)
    disclosure.glossary = narrative.glossary(texts, doc.name)
    disclosure.sections = narrative.sections(texts, doc.name)
    disclosure.statements = statements.extract(narrative.without_contents(texts), doc.name)
    return disclosure


def _parse_performance(d: Disclosure, raw, kind: str, doc: str, default_unit: str | None, sheet):
    """Add one performance table to the disclosure; return the open project sheet, if any."""
    if kind == "department_performance":
        dp = P.parse_department(raw, doc)
        d.targets += dp.targets
        d.tasks += dp.tasks
        d.budget += dp.budget
        d.indicators += dp.indicators
        return None
    if kind == "project_performance":
        project, found = P.parse_project_sheet(raw, doc, default_unit)
        d.projects.append(project)
        d.indicators += found
        return project
    if kind == "project_performance_continued":
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


def _require_complete(table: Table, raw, doc: Document) -> None:
    """Refuse a table that was cut off: no 合计 row, or the file ends inside a row."""
    if not table.empty and table.kind not in ("project_list",) and not any(r.kind == "total" for r in table.rows):
        raise DocumentError(doc.name, raw.end, f"table “{table.title}” ends without its 合计/总计 row: expected a total "
                                               f"row; the table may be cut off")
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
    total = next((r for r in table.rows if r.kind == "total"), None)
    coded = [r for r in table.rows if r.code and r.kind != "total"]
    if total is None or not coded or not table.columns:
        return False
    key = table.columns[0].key
    codes = {r.code for r in coded}
    leaves = [r for r in coded if not any(c != r.code and c.startswith(r.code) for c in codes)]
    found = sum(r.amount(key) or 0 for r in leaves)
    slack = half_unit(table.unit or "元", table.decimals) * (len(leaves) + 1)
    return found + slack < (total.amount(key) or 0)


def _parse_table(raw, kind, doc, table_id, default_unit, extra_dir) -> Table:
    if kind in T.FUNCTION_KINDS | T.ECONOMIC_KINDS:
        return T.parse_grid_table(raw, kind, doc, table_id, default_unit, extra_dir)
    if kind == "procurement":
        return T.parse_procurement(raw, doc, table_id, default_unit, extra_dir)
    if kind == "three_public":
        return T.parse_three_public(raw, doc, table_id, default_unit)
    if kind in ("summary", "fiscal_summary"):
        return T.parse_two_sided(raw, kind, doc, table_id, default_unit, extra_dir)
    if kind == "project_list":
        return T.parse_project_list(raw, doc, table_id, default_unit)
    raise DocumentError(doc, raw.start, f"unsupported table kind {kind}")  # pragma: no cover


def _row_key(row) -> tuple:
    if row.kind == "total":
        return ("total",)
    if row.code:
        return ("code", row.code, row.code2)
    if row.unit_code:
        return ("unit", row.unit_code)
    return ("label", compact(row.label))


def _align_with_siblings(tables: list[Table]) -> None:
    """Use a sibling table with the same columns to place shifted figures.

    部门支出总体情况表 and 一般公共预算支出情况表 often print the same rows with
    the same columns.  When a row holds the same figures as its sibling row
    but in other columns, and one table printed every cell (zeros included)
    while the other dropped empty ones, the fully printed layout is taken and
    the row is flagged ``realigned``.
    """
    by_columns: dict[tuple, list[Table]] = {}
    for t in tables:
        if t.kind in ("expenditure", "general_budget_function"):
            by_columns.setdefault(tuple(c.key for c in t.columns), []).append(t)
    for group in by_columns.values():
        if len(group) < 2:
            continue
        for target in group:
            for ref in group:
                if ref is target:
                    continue
                ref_rows = {_row_key(r): r for r in ref.rows}
                for row in target.rows:
                    other = ref_rows.get(_row_key(row))
                    if other is None:
                        continue
                    mine = sorted(c.yuan for c in row.cells if c.yuan)
                    theirs = sorted(c.yuan for c in other.cells if c.yuan)
                    if mine != theirs or not mine:
                        continue
                    if sum(1 for c in other.cells if c.yuan is not None) < sum(1 for c in row.cells if c.yuan is not None):
                        continue
                    if [(c.column, c.yuan or 0) for c in row.cells] == [(c.column, c.yuan or 0) for c in other.cells]:
                        continue
                    _adopt_layout(row, other, f"realigned-by:{ref.id}")


def _align_with_twins(table: Table) -> None:
    """A re-aligned row holding exactly the figures of a settled row takes that row's layout.

    A department with one unit prints the unit row with the same figures as
    the 合计 row (002 lines 218-219); the 合计 row was placed by the sibling
    table, so the unit row follows it rather than a guess among equal sums.
    """
    settled = [r for r in table.rows if not any(f in ("realigned", "realigned-ambiguous") for f in r.flags)]
    for row in table.rows:
        if not any(f in ("realigned", "realigned-ambiguous") for f in row.flags):
            continue
        mine = sorted(c.yuan for c in row.cells if c.yuan)
        twin = next((o for o in settled if o is not row and mine and sorted(c.yuan for c in o.cells if c.yuan) == mine
                     and any(f.startswith("realigned-by") for f in o.flags)), None)
        if twin is None:
            continue
        _adopt_layout(row, twin, f"realigned-like-row:{twin.row}")


def _adopt_layout(row, model, flag: str) -> None:
    """Move a row's figures into the columns where ``model`` (a row with the same figures) has them."""
    pool = [(c.yuan, c.printed) for c in row.cells if c.yuan]
    for cell in row.cells:
        wanted = model.amount(cell.column)
        match = next((p for p in pool if wanted and p[0] == wanted), None)
        if match:
            pool.remove(match)
            cell.yuan, cell.printed = match
        else:
            cell.yuan, cell.printed = None, ""
    row.flags = [f for f in row.flags if not f.startswith("realigned")] + [flag]


def merge(parts: list[Disclosure]) -> list[Disclosure]:
    """Group partial disclosures by department-year and merge each group."""
    groups: dict[tuple, list[Disclosure]] = {}
    for part in parts:
        groups.setdefault(part.key, []).append(part)
    merged = []
    for key in sorted(groups):
        group = sorted(groups[key], key=lambda d: (-len(d.tables), d.sources[0].name))
        base = group[0]
        for other in group[1:]:
            base.sources.extend(other.sources)
            known = {t.id for t in base.tables}
            for t in other.tables:
                if t.id in known:
                    mine = next(x for x in base.tables if x.id == t.id)
                    base.merge_findings.extend(_compare_tables(mine, t))
                else:
                    base.tables.append(t)
            base.merge_findings.extend(_merge_performance(base, other))
            base.statements.extend(other.statements)
            base.glossary.extend(other.glossary)
            base.sections.extend(s for s in other.sections if s.key not in {x.key for x in base.sections})
        merged.append(base)
    return merged


def _compare_tables(a: Table, b: Table) -> list[Finding]:
    findings = []
    rows_b = {_row_key(r): r for r in b.rows}
    for row in a.rows:
        other = rows_b.get(_row_key(row))
        if other is None:
            continue
        for cell in row.cells:
            value = other.amount(cell.column)
            if (cell.yuan or 0) != (value or 0):
                findings.append(Finding("merge-conflict", "warning",
                                        f"{a.title}：{row.label} {cell.column} differs between {a.document} and {b.document}",
                                        a.document, row.line, expected=str(cell.yuan), found=str(value), table=a.id))
    return findings


def _merge_performance(base: Disclosure, other: Disclosure) -> list[Finding]:
    """Take the other document's performance data where the base has none; compare where both have it."""
    findings: list[Finding] = []
    if not base.tasks and not base.indicators and not base.targets:
        base.targets, base.tasks, base.budget = other.targets, other.tasks, other.budget
    else:
        mine = {compact(t.name): t for t in base.tasks}
        for t in other.tasks:
            m = mine.get(compact(t.name))
            if m is None:
                continue
            for what, a, b in (("合计", m.amount, t.amount), ("财政资金", m.fiscal, t.fiscal)):
                if a != b:
                    findings.append(Finding("merge-conflict", "warning",
                                            f"整体绩效目标表：task “{t.name}” {what} differs between {m.document} "
                                            f"and {t.document}", m.document, m.line, expected=a, found=b))
    dept_mine = [i for i in base.indicators if i.scope == "department"]
    dept_other = [i for i in other.indicators if i.scope == "department"]
    if not dept_mine:
        base.indicators = dept_other + base.indicators
    elif dept_other:
        if len(dept_mine) != len(dept_other):
            findings.append(Finding("merge-conflict", "warning",
                                    f"整体绩效目标表：{dept_mine[0].document} lists {len(dept_mine)} indicators, "
                                    f"{dept_other[0].document} lists {len(dept_other)}", dept_mine[0].document,
                                    dept_mine[0].line, expected=str(len(dept_mine)), found=str(len(dept_other))))
        for a, b in zip(dept_mine, dept_other):
            if (a.level1, a.level2) != (b.level1, b.level2) or compact(a.value) != compact(b.value):
                findings.append(Finding("merge-conflict", "warning",
                                        f"整体绩效目标表：indicator “{a.level3}” differs between {a.document} "
                                        f"and {b.document}", a.document, a.line,
                                        expected=f"{a.level1}/{a.level2}/{a.value}",
                                        found=f"{b.level1}/{b.level2}/{b.value}"))
            elif compact(a.level3) != compact(b.level3):
                findings.append(Finding("merge-wording", "info",
                                        f"整体绩效目标表：the same indicator is worded “{a.level3}” in {a.document} "
                                        f"and “{b.level3}” in {b.document} ({b.document} line {b.line})",
                                        a.document, a.line, expected=a.level3, found=b.level3))
    base.indicators += [i for i in other.indicators if i.scope == "project"]
    base.projects += other.projects
    base.units += other.units
    return findings
