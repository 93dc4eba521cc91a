"""The list of years and one page per year with its disclosures."""

from __future__ import annotations

from generator.site.shared import urls
from generator.site.pages import EVERYTHING, Inputs, Page, crumbs


def pages(inputs: Inputs) -> list[Page]:
    return [Page(urls.years(), "year_index.html", index, inputs=(EVERYTHING,))] + \
        [Page(urls.year(y), "year.html", year, key=str(y), inputs=(EVERYTHING,), searched=False)
         for y in inputs.model.years]   # a list of the year's disclosures, each indexed on its own page


def index(inputs: Inputs, page: Page) -> dict:
    label = inputs.config.label("years")
    return {"title": label, "years": list(inputs.model.years.items()), "section": "years",
            "crumbs": crumbs(inputs.config, (label, ""))}


def year(inputs: Inputs, page: Page) -> dict:
    y = int(page.key)
    return {"title": f"{y} 年", "year": y, "items": inputs.model.years[y], "section": "years",
            "crumbs": crumbs(inputs.config, (inputs.config.label("years"), urls.years()), (f"{y} 年", ""))}
