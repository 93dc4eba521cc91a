"""Import: documents in, one ``Disclosure`` per department-year out (pure).

Several documents can describe one department-year (000 is the full
disclosure, 001 repeats its performance table): they are merged, and a
figure that two documents print differently is reported, never overwritten.
"""

from __future__ import annotations

from generator import narrative, tables as T
from generator.document import Document
from generator.errors import DocumentError
from generator.identity import find_department, find_year, region_of
from generator.model import Disclosure, Finding, Source, Table
from generator.recognise import PERFORMANCE_KINDS, recognise
from generator.segment import split
from generator.text import compact

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
    for raw in raws:
        kind = recognise(raw)
        if kind is None:
            continue
        recognised += 1
        if kind in PERFORMANCE_KINDS or kind == "project_performance_continued":
            continue            # performance tables: parsed by generator.performance (not yet)
        counts[kind] = counts.get(kind, 0) + 1
        table_id = kind if counts[kind] == 1 else f"{kind}-{counts[kind]}"
        disclosure.tables.append(_parse_table(raw, kind, doc.name, table_id, default_unit, extra_dir))
    if recognised == 0:
        line = raws[0].start if raws else 1
        raise DocumentError(doc.name, line, "no recognisable budget table: expected tab-separated tables such as "
                                            "部门收支总体情况表 or a 绩效目标表")
    _align_with_siblings(disclosure.tables)
    disclosure.glossary = narrative.glossary(texts, doc.name)
    disclosure.sections = narrative.sections(texts, doc.name)
    return disclosure


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
                    pool = [(c.yuan, c.printed) for c in row.cells if c.yuan]
                    for cell in row.cells:
                        wanted = other.amount(cell.column)
                        match = next((p for p in pool if wanted and p[0] == wanted), None)
                        if match:
                            pool.remove(match)
                            cell.yuan, cell.printed = match
                        else:
                            cell.yuan, cell.printed = None, ""
                    row.flags = [f for f in row.flags if not f.startswith("realigned")] + [f"realigned-by:{ref.id}"]


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
