"""The list of regions and one page per region with its departments."""

from __future__ import annotations

from generator.core.slugs import region_display
from generator.site.shared import urls
from generator.site.pages import EVERYTHING, Inputs, Page, crumbs


def pages(inputs: Inputs) -> list[Page]:
    return [Page(urls.regions(), "region_index.html", index, inputs=(EVERYTHING,))] + \
        [Page(r.url, "region.html", region, key=r.slug, inputs=(EVERYTHING,)) for r in inputs.model.regions]


def index(inputs: Inputs, page: Page) -> dict:
    label = inputs.config.label("regions")
    model = inputs.model
    return {"title": label, "regions": model.regions, "section": "regions",
            "departments": sum(len(r.departments) for r in model.regions), "years": sorted(model.years, reverse=True),
            "crumbs": crumbs(inputs.config, (label, ""))}


def region(inputs: Inputs, page: Page) -> dict:
    r = inputs.model.by_key[("region", page.key)]
    return {"title": region_display(r.name), "region": r, "section": "regions",
            "crumbs": crumbs(inputs.config, (inputs.config.label("regions"), urls.regions()),
                             (region_display(r.name), ""))}
