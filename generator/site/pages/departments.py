"""One page per department: all its years, and its trend once it has two."""

from __future__ import annotations

from generator.core import vocabulary as V
from generator.core.slugs import region_display
from generator.site import urls
from generator.site.charts import trend
from generator.site.pages import Inputs, Page, crumbs


def pages(inputs: Inputs) -> list[Page]:
    return [Page(dep.url, "department.html", context, key=dep.url, inputs=tuple(v.folder for v in dep.disclosures),
                 charts=len(dep.disclosures) > 1) for dep in inputs.model.departments]


def context(inputs: Inputs, page: Page) -> dict:
    dep = next(d for d in inputs.model.departments if d.url == page.key)
    points = [(v.year, v.value(V.TOTAL_EXPENDITURE)) for v in dep.disclosures
              if v.value(V.TOTAL_EXPENDITURE) is not None]
    chart = trend(points, "历年支出总计") if len(points) > 1 else None
    return {"title": dep.name, "dep": dep, "trend": chart, "charts": bool(chart), "section": "regions",
            "region_url": urls.region(dep.region_slug),
            "crumbs": crumbs(inputs.config, (region_display(dep.region), urls.region(dep.region_slug)), (dep.name, ""))}
