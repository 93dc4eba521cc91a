"""The glossary (名词解释): the index of terms and one page per term with each definition's documents."""

from __future__ import annotations

from generator.site import urls
from generator.site.pages import EVERYTHING, GLOSSARY, Inputs, Page, crumbs


def pages(inputs: Inputs) -> list[Page]:
    return [Page(urls.glossary(), "glossary_index.html", index, inputs=(EVERYTHING,))] + \
        [Page(t.url, "term.html", term, key=t.slug, inputs=(GLOSSARY,)) for t in inputs.model.glossary]


def index(inputs: Inputs, page: Page) -> dict:
    label = inputs.config.label("glossary")
    return {"title": label, "terms": sorted(inputs.model.glossary, key=lambda t: t.term), "section": "glossary",
            "crumbs": crumbs(inputs.config, (label, ""))}


def term(inputs: Inputs, page: Page) -> dict:
    t = next(x for x in inputs.model.glossary if x.slug == page.key)
    first = t.variants[0].definition
    return {"title": t.term, "term": t, "description": f"{t.term}：{first[:80]}", "section": "glossary",
            "crumbs": crumbs(inputs.config, (inputs.config.label("glossary"), urls.glossary()), (t.term, ""))}
