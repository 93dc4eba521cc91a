"""The home page: the newest disclosures and what the site holds."""

from __future__ import annotations

from generator.site.shared import urls
from generator.site.pages import EVERYTHING, Inputs, Page


def pages(inputs: Inputs) -> list[Page]:
    return [Page(urls.home(), "home.html", context, inputs=(EVERYTHING,))]


def context(inputs: Inputs, page: Page) -> dict:
    model = inputs.model
    docs = {s.name for v in model.disclosures for s in v.data.sources}
    years = sorted(model.years)
    # not indexed: its lists repeat the names of pages that are, and would rank above them
    return {"title": inputs.config.title, "indexed": False, "newest": model.disclosures[:12],
            "intro": inputs.content.pages.get("home", ("", ""))[1],
            "totals": {"documents": len(docs), "disclosures": len(model.disclosures),
                       "departments": len(model.departments), "regions": len(model.regions),
                       "first_year": years[0] if years else "", "last_year": years[-1] if years else ""}}
