"""The glossary (名词解释): the index of terms and one page per term with each definition's documents."""

from __future__ import annotations

from generator.site import urls
from generator.site.pages import EVERYTHING, Inputs, Page, crumbs


def pages(inputs: Inputs) -> list[Page]:
    # a term's page reads the glossaries of the disclosures that define it, and only those
    return [Page(urls.glossary(), "glossary_index.html", index, inputs=(EVERYTHING,))] + \
        [Page(t.url, "term.html", term, key=t.slug,
              inputs=tuple(sorted({v.folder for use in t.variants for v, _, _ in use.uses})))
         for t in inputs.model.glossary]


def index(inputs: Inputs, page: Page) -> dict:
    label = inputs.config.label("glossary")
    return {"title": label, "terms": sorted(inputs.model.glossary, key=lambda t: t.term), "section": "glossary",
            "crumbs": crumbs(inputs.config, (label, ""))}


def term(inputs: Inputs, page: Page) -> dict:
    t = inputs.model.by_key[("term", page.key)]
    first = t.variants[0].definition
    return {"title": t.term, "term": t, "description": f"{t.term}：{first[:80]}", "section": "glossary",
            "crumbs": crumbs(inputs.config, (inputs.config.label("glossary"), urls.glossary()), (t.term, ""))}
