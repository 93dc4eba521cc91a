"""One page per department: all its years, and its trend once it has two."""

from __future__ import annotations

from generator.core import vocabulary as V
from generator.core.slugs import region_display
from generator.site import urls
from generator.site.charts import trend
from generator.site.formatting import share, wan
from generator.site.pages import Inputs, Page, crumbs


def pages(inputs: Inputs) -> list[Page]:
    return [Page(dep.url, "department.html", context, key=dep.url, inputs=tuple(v.folder for v in dep.disclosures),
                 charts=len(dep.disclosures) > 1) for dep in inputs.model.departments]


# what a reader compares between what was planned and what was spent
_AGAINST = ((V.TOTAL_EXPENDITURE, "支出总计"), (V.THREE_PUBLIC, "“三公”经费"))


def budget_against_actual(disclosures: list) -> list[dict]:
    """Per year with both a 预算 and a 决算 of the department (same scope): each measure planned, spent, and the
    rate.  Each figure is the one its own document states; none is derived."""
    budgets = {(v.year, v.scope): v for v in disclosures if v.phase == V.BUDGET}
    out = []
    for v in sorted((v for v in disclosures if v.phase == "决算"), key=lambda v: -v.year):
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


def context(inputs: Inputs, page: Page) -> dict:
    dep = next(d for d in inputs.model.departments if d.url == page.key)
    # the trend is of the department's own budgets: a 决算 or a unit's budget is another series
    points = [(v.year, v.value(V.TOTAL_EXPENDITURE)) for v in dep.disclosures
              if v.phase == V.BUDGET and v.scope == V.DEPARTMENT_SCOPE and v.value(V.TOTAL_EXPENDITURE) is not None]
    chart = trend(points, "历年支出总计") if len(points) > 1 else None
    return {"title": dep.name, "dep": dep, "trend": chart, "charts": bool(chart), "section": "regions",
            "against": budget_against_actual(dep.disclosures),
            "region_url": urls.region(dep.region_slug),
            "crumbs": crumbs(inputs.config, (region_display(dep.region), urls.region(dep.region_slug)), (dep.name, ""))}
