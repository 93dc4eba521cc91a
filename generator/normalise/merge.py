"""Merging the documents of one department-year into one disclosure.

Several documents can describe one department-year (000 is the full
disclosure, 001 repeats its performance table): they are merged, and a
figure that two documents print differently is reported, never overwritten.
"""

from __future__ import annotations

import re

from generator.core.errors import DocumentError
from generator.core.model import Disclosure, Finding, Table
from generator.core.text import compact
from generator.core.vocabulary import IndicatorScope, Severity
from generator.normalise.realign import row_key
from generator.recognise.identity import UNKNOWN_YEAR


def merge(parts: list[Disclosure]) -> list[Disclosure]:
    """Group partial disclosures by department-year and merge each group."""
    _complete_identities(parts)
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
        if not base.tables and not (base.targets or base.projects or base.indicators):
            raise DocumentError(base.sources[0].name, 1, f"this document holds the narrative of {base.department} "
                                                         f"{base.name} but no tables, and "
                                                         + (_disagreement(base, parts) or
                                                            "no other document of that department and year brings "
                                                            "them: import the tables with it (for example "
                                                            "…-tables.pdf)"))
        merged.append(base)
    return merged


def _disagreement(narrative: Disclosure, parts: list[Disclosure]) -> str:
    """Where a document imported with a narrative brings tables of the same department for another year, or of
    the same year for another department: the two disagree on who or when, and neither is taken for right."""
    for p in parts:
        if not p.tables or (p.phase, p.scope) != (narrative.phase, narrative.scope):
            continue
        same_name = same_department(p.department, narrative.department)
        if same_name and p.year != narrative.year:
            return (f"{p.sources[0].name}, imported with it, holds the tables of {p.department} {p.name}: the two "
                    f"documents disagree on the year ({narrative.year} and {p.year}); correct the one that is wrong")
        if not same_name and p.year == narrative.year and len([q for q in parts if q.tables]) == 1:
            return (f"{p.sources[0].name}, imported with it, holds the tables of {p.department} {p.name}: the two "
                    f"documents disagree on the department; correct the one that is wrong")
    return ""


def same_department(a: str, b: str) -> bool:
    """Two ways of printing one department's name: in full or short (中国共产党江苏省委员会办公厅, 中共江苏省委办公厅
    and 江苏省委办公厅; 中国人民政治协商会议…委员会 and …政协; …人民代表大会常务委员会 and …人大常委会)."""
    return _short_name(a) == _short_name(b)


def _short_name(name: str) -> str:
    s = compact(name).replace("（", "(").replace("）", ")")
    s = re.sub(r"中国共产党(.+?)委员会", r"中共\1委", s)
    s = re.sub(r"中国人民政治协商会议(.+?)委员会", r"\1政协", s)
    s = re.sub(r"(.+?)人民代表大会常务委员会", r"\1人大常委会", s)
    return s.removeprefix("中共")


def _complete_identities(parts: list[Disclosure]) -> None:
    """What one document of a department-year leaves open, taken from the other documents imported with it.

    江苏 publishes a department-year as two files, the narrative and the tables: a tables file may print
    no year (it takes the year of the document of the same department, phase and scope), and the two may
    print the department's name differently (the narrative's “江苏省委办公厅” is the tables' “中共江苏省委
    办公厅”: the narrative takes the name of the document that brings the tables).  A document whose year
    no other document gives is refused.
    """
    def alike(a: Disclosure, b: Disclosure) -> bool:
        return a is not b and (a.phase, a.scope) == (b.phase, b.scope) and same_department(a.department, b.department)

    for part in parts:
        if part.year != UNKNOWN_YEAR:
            continue
        years = sorted({p.year for p in parts if alike(p, part) and p.year != UNKNOWN_YEAR})
        if len(years) != 1:
            why = "" if not years else f" (the documents of {part.department} imported with it print " \
                  f"{', '.join(map(str, years))})"
            raise DocumentError(part.sources[0].name, 1, f"cannot tell the budget year: expected a title with "
                                                         f"“20XX年”, or a document of the same department that "
                                                         f"prints it imported with this one{why}")
        part.year = years[0]
    keys = {p.key for p in parts if p.tables}
    for part in parts:
        if part.tables or part.key in keys:
            continue
        partners = [p for p in parts if p.tables and p.year == part.year and alike(p, part)]
        if len({(p.region, p.department) for p in partners}) == 1:
            part.region, part.department = partners[0].region, partners[0].department


def _compare_tables(a: Table, b: Table) -> list[Finding]:
    findings = []
    rows_b = {row_key(r): r for r in b.rows}
    for row in a.rows:
        other = rows_b.get(row_key(row))
        if other is None:
            continue
        for cell in row.cells:
            value = other.amount(cell.column)
            if (cell.yuan or 0) != (value or 0):
                findings.append(Finding("merge-conflict", Severity.WARNING,
                                        f"{a.title}：“{row.label}”的 {cell.column} 在 {a.document} 与 {b.document} 中不同",
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
                    findings.append(Finding("merge-conflict", Severity.WARNING,
                                            f"整体绩效目标表：任务“{t.name}”的{what}在 {m.document} 与 {t.document} "
                                            f"中不同", m.document, m.line, expected=a, found=b))
    dept_mine = [i for i in base.indicators if i.scope == IndicatorScope.DEPARTMENT]
    dept_other = [i for i in other.indicators if i.scope == IndicatorScope.DEPARTMENT]
    if not dept_mine:
        base.indicators = dept_other + base.indicators
    elif dept_other:
        if len(dept_mine) != len(dept_other):
            findings.append(Finding("merge-conflict", Severity.WARNING,
                                    f"整体绩效目标表：{dept_mine[0].document} 列出 {len(dept_mine)} 项指标，"
                                    f"{dept_other[0].document} 列出 {len(dept_other)} 项", dept_mine[0].document,
                                    dept_mine[0].line, expected=str(len(dept_mine)), found=str(len(dept_other))))
        for a, b in zip(dept_mine, dept_other):
            if (a.level1, a.level2) != (b.level1, b.level2) or compact(a.value) != compact(b.value):
                findings.append(Finding("merge-conflict", Severity.WARNING,
                                        f"整体绩效目标表：指标“{a.level3}”在 {a.document} 与 {b.document} "
                                        f"中不同", a.document, a.line,
                                        expected=f"{a.level1}/{a.level2}/{a.value}",
                                        found=f"{b.level1}/{b.level2}/{b.value}"))
            elif compact(a.level3) != compact(b.level3):
                findings.append(Finding("merge-wording", Severity.INFO,
                                        f"整体绩效目标表：同一指标在 {a.document} 中写作“{a.level3}”，"
                                        f"在 {b.document} 中写作“{b.level3}”（{b.document} 第 {b.line} 行）",
                                        a.document, a.line, expected=a.level3, found=b.level3))
    base.indicators += [i for i in other.indicators if i.scope == IndicatorScope.PROJECT]
    base.projects += other.projects
    base.units += other.units
    return findings
