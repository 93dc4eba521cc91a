"""One page per department: all its years, and its trend once it has two."""

from __future__ import annotations

import hashlib
import json

from generator.core import vocabulary as V
from generator.core.slugs import region_display
from markupsafe import Markup

from generator.site.pages import svg
from generator.site.shared import urls
from generator.audit.figures import HEADLINE_MEASURES
from generator.site.model.changes import Change, YearFigures, by_year, change_text, summary, year_figures
from generator.site.model.charts import trend
from generator.site.model.execution import ACTUAL_COLOUR, BUDGET_COLOUR
from generator.site.shared.formatting import share, wan
from generator.site.pages import READS, Inputs, Page, crumbs


def pages(inputs: Inputs) -> list[Page]:
    return [Page(dep.url, "department.html", context, key=dep.url,
                 inputs=tuple(v.folder for v in dep.disclosures) + (registry_input(dep),),
                 charts=len(dep.disclosures) > 1, shard=True) for dep in inputs.model.departments]


def registry_input(dep) -> str:
    """What the page shows of the registry (its other names, its predecessors and whether each has a page
    here), as an input of its fingerprint: the page is made again when that changes, and only then."""
    shown = [dep.aliases, [(p.name, p.url) if hasattr(p, "url") else p for p in dep.predecessors]]
    return READS + hashlib.sha256(json.dumps(shown, ensure_ascii=False).encode()).hexdigest()


# what a reader compares between what was planned and what was spent
_AGAINST = ((V.TOTAL_EXPENDITURE, "支出总计"), (V.THREE_PUBLIC, "“三公”经费"))


def budget_against_actual(disclosures: list) -> list[dict]:
    """Per year with both a 预算 and a 决算 of the department (same scope): each measure planned, spent, and the
    rate.  Each figure is the one its own document states; none is derived."""
    budgets = {(v.year, v.scope): v for v in disclosures if v.phase == V.BUDGET}
    out = []
    for v in sorted((v for v in disclosures if v.phase == V.FINAL), key=lambda v: -v.year):
        b = budgets.get((v.year, v.scope))
        if b is None:
            continue
        for measure, label in _AGAINST:
            planned, spent = b.value(measure), v.value(measure)
            if planned is None and spent is None:
                continue
            out.append({"year": v.year, "label": label, "budget": wan(planned), "actual": wan(spent),
                        "rate": share(spent, planned) if planned and spent is not None else "—",
                        "budget_url": b.url, "final_url": v.url})
    return out


def against_trend(disclosures: list) -> tuple[Markup, str] | None:
    """支出总计 planned and spent, year by year, once two years have both; the chart and its summary."""
    budgets = {(v.year, v.scope): v for v in disclosures if v.phase == V.BUDGET}
    years = []
    for v in sorted((v for v in disclosures if v.phase == V.FINAL and v.scope == V.DEPARTMENT_SCOPE),
                    key=lambda v: v.year):
        b = budgets.get((v.year, v.scope))
        if b is not None and b.value(V.TOTAL_EXPENDITURE) is not None and v.value(V.TOTAL_EXPENDITURE) is not None:
            years.append((v.year, b.value(V.TOTAL_EXPENDITURE), v.value(V.TOTAL_EXPENDITURE)))
    if len(years) < 2:
        return None
    (y0, b0, a0), (y1, b1, a1) = years[0], years[-1]
    summary = (f"{y0} 年预算 {wan(b0)} 万元、决算 {wan(a0)} 万元（{share(a0, b0) or '—'}）；"
               f"{y1} 年预算 {wan(b1)} 万元、决算 {wan(a1)} 万元（{share(a1, b1) or '—'}）。")
    chart = svg.bars("chart-against", "历年支出总计：预算与决算", summary, [f"{y} 年" for y, _, _ in years],
                     [(V.BUDGET, BUDGET_COLOUR, [b for _, b, _ in years]), (V.FINAL, ACTUAL_COLOUR, [a for _, _, a in years])])
    return chart, summary


def year_over_year(disclosures: list) -> list[dict]:
    """The 逐年比较 tables: one per series of the department's disclosures (a phase and a scope: its 部门预算,
    its 单位预算, its 决算) with two years or more.  Each row a headline figure or a function class, each
    year a column of its figures in 万元, and beside each year whose previous year is here the change
    against it, computed from the two years' tables (``model.changes``)."""
    series: dict[tuple, list] = {}
    for v in sorted(disclosures, key=lambda v: v.year):
        series.setdefault((v.phase, v.scope), []).append(v)
    out = []
    for views in series.values():
        if len(views) < 2:
            continue
        years = [year_figures(v.year, v.url, v.figures, v.charts) for v in views]
        changes = by_year(years)
        first = views[0]
        out.append({"id": "yoy-" + first.edition.partition("-")[2], "name": f"{first.scope}{first.phase}",
                    "years": [{"year": y.year, "url": y.url, "compared": y.year in changes} for y in years],
                    "rows": _rows(years, changes), "summary": summary(changes[max(changes)]) if changes else "",
                    "classes_note": _classes_note({y.classes_table for y in years if y.classes})})
    return out


def _rows(years: list[YearFigures], changes: dict[int, list[Change]]) -> list[dict]:
    """The rows of one series' table: the headline measures any year states, in the order of their code
    list, then the function classes, the latest year's largest first; each with a cell per year and, after
    a year compared with its previous one, a cell of the change."""
    measures = [m for m in HEADLINE_MEASURES if any(m in y.figures for y in years)]
    classes: list[str] = []
    for y in reversed(years):
        classes += sorted((n for n in y.classes if n not in classes), key=lambda n: -y.classes[n])
    rows = []
    for is_class, keys in ((False, measures), (True, classes)):
        for key in keys:
            cells = []
            for y in years:
                cells.append({"value": wan((y.classes if is_class else y.figures).get(key))})
                if y.year in changes:
                    c = next((c for c in changes[y.year] if c.key == key and c.is_class == is_class), None)
                    cells.append({"change": _change_cell(c)})
            rows.append({"label": key if is_class else HEADLINE_MEASURES[key], "is_class": is_class, "cells": cells})
    return rows


def _classes_note(kinds: set[str]) -> str:
    """Which table the function classes are read from, where a reader would otherwise take them for all of
    the department's spending (``charts.function_classes`` prefers the 支出总表, which holds every fund)."""
    if len(kinds) > 1:
        return "各年度取自不同的表格，口径不同的两年不作比较"
    if kinds == {V.Kind.GENERAL_BUDGET_FUNCTION}:
        return "据一般公共预算支出表，只含一般公共预算拨款的支出"
    return ""


def _change_cell(c: Change | None) -> str:
    if c is not None and not c.comparable and c.current is not None and c.previous is not None:
        return "口径不同"           # the two years' classes are read from tables of different kinds
    return (change_text(c) if c is not None else "") or "—"


def context(inputs: Inputs, page: Page) -> dict:
    dep = inputs.model.by_key[("department", page.key)]
    # the trend is of the department's own budgets: a 决算 or a unit's budget is another series
    points = [(v.year, v.value(V.TOTAL_EXPENDITURE)) for v in dep.disclosures
              if v.phase == V.BUDGET and v.scope == V.DEPARTMENT_SCOPE and v.value(V.TOTAL_EXPENDITURE) is not None]
    chart = trend(points, "历年支出总计") if len(points) > 1 else None
    return {"title": dep.name, "found_first": True, "dep": dep, "trend": chart, "charts": bool(chart), "section": "regions",
            "year_over_year": year_over_year(dep.disclosures),
            "against": budget_against_actual(dep.disclosures), "against_trend": against_trend(dep.disclosures),
            "region_url": urls.region(dep.region_slug),
            "crumbs": crumbs(inputs.config, (region_display(dep.region), urls.region(dep.region_slug)), (dep.name, ""))}
