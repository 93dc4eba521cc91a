"""Across phases: a department-year's 决算 against its 预算.

A 决算 prints, beside what was spent, what the budget was (the “三公” table's
预算数, and 年初预算数 where a table prints it).  Where the site holds the
预算 document of the same department, year and scope too, the two must
agree: a difference is a finding on the 决算, naming both documents.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.audit.figures import headline
from generator.core import vocabulary as V
from generator.core.model import Disclosure, Finding
from generator.core.money import format_yuan, half_unit, slack
from generator.core.vocabulary import Column, Kind, Severity


def pairs(disclosures: Iterable[Disclosure]) -> list[tuple[Disclosure, Disclosure]]:
    """(预算, 决算) of each department-year that has both."""
    budgets = {(d.region, d.department, d.year, d.scope): d for d in disclosures if d.phase == V.BUDGET}
    return [(budgets[key], d) for d in disclosures if d.phase == V.FINAL
            for key in [(d.region, d.department, d.year, d.scope)] if key in budgets]


def budget_against_final(budget: Disclosure, final: Disclosure) -> list[Finding]:
    """The budget figures a 决算 restates, against the 预算 document's own."""
    planned = headline(budget)
    out = []
    table = final.table(Kind.THREE_PUBLIC)
    if table is None or not any(c.key == Column.BUDGET for c in table.columns):
        return out
    for r in table.rows:
        stated = r.amount(Column.BUDGET)
        measure = V.three_public_measure(r.code or "")
        fig = planned.get(measure)
        if stated is None or fig is None:
            continue
        tolerance = slack(half_unit(table.unit or "元", table.decimals or 0), 0) + fig.tolerance
        if abs(stated - fig.yuan) > tolerance:
            out.append(Finding(
                "budget-vs-final", Severity.WARNING,
                f"{table.title}：决算所列{r.label}的预算数为 {format_yuan(stated)} 元，而预算文件"
                f"（{fig.document}，第 {fig.line} 行）为 {format_yuan(fig.yuan)} 元",
                table.document, r.line, expected=f"{format_yuan(fig.yuan)} 元",
                found=f"{format_yuan(stated)} 元", table=table.id, expected_as="预算文件所列",
                found_as="决算所列预算数", other_document=fig.document, other_line=fig.line))
    return out


def cross_phase(disclosures: Iterable[Disclosure]) -> dict[int, list[Finding]]:
    """Findings across phases, by ``id()`` of the 决算 they are on."""
    out: dict[int, list[Finding]] = {}
    for budget, final in pairs(list(disclosures)):
        out.setdefault(id(final), []).extend(budget_against_final(budget, final))
    return out
