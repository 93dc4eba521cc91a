"""One page per department: all its years, and its trend once it has two."""

from __future__ import annotations

import hashlib
import json

from generator.core import vocabulary as V
from generator.core.slugs import region_display
from markupsafe import Markup

from generator.site.pages import svg
from generator.site.shared import urls
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


def context(inputs: Inputs, page: Page) -> dict:
    dep = inputs.model.by_key[("department", page.key)]
    # the trend is of the department's own budgets: a 决算 or a unit's budget is another series
    points = [(v.year, v.value(V.TOTAL_EXPENDITURE)) for v in dep.disclosures
              if v.phase == V.BUDGET and v.scope == V.DEPARTMENT_SCOPE and v.value(V.TOTAL_EXPENDITURE) is not None]
    chart = trend(points, "历年支出总计") if len(points) > 1 else None
    return {"title": dep.name, "found_first": True, "dep": dep, "trend": chart, "charts": bool(chart), "section": "regions",
            "against": budget_against_actual(dep.disclosures), "against_trend": against_trend(dep.disclosures),
            "region_url": urls.region(dep.region_slug),
            "crumbs": crumbs(inputs.config, (region_display(dep.region), urls.region(dep.region_slug)), (dep.name, ""))}
