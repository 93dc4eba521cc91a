"""The glossary (名词解释): the index of terms and one page per term with each definition's documents."""

from __future__ import annotations

from collections import Counter

from generator.core.slugs import region_display
from generator.site.shared import urls
from generator.site.pages import EVERYTHING, Inputs, Page, crumbs

# a wording used by more documents than this lists the latest of them and counts the rest by region: a
# province's standard definitions are printed by thousands of department-years
USES_LISTED = 100


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
    common = max(t.variants, key=lambda use: len(use.uses))
    return {"title": t.term, "term": t, "variants": [_variant(use) for use in t.variants],
            "plain": plain_sentence(common.definition), "plain_uses": len(common.uses),
            "glossary_data": urls.tidy_data("glossary"),
            "description": f"{t.term}：{first[:80]}", "section": "glossary",
            "crumbs": crumbs(inputs.config, (inputs.config.label("glossary"), urls.glossary()), (t.term, ""))}


def plain_sentence(definition: str) -> str:
    """The first sentence of a definition, as the one sentence a term's page opens with: up to its first
    full stop or semicolon, or the whole when it has none or the sentence would be a fragment."""
    text = definition.strip()
    for i, ch in enumerate(text):
        if ch in "。；;" and i >= 8:
            return text[:i] + "。"
    return text if text.endswith(("。", "）", ")")) else text + "。"


def _variant(use) -> dict:
    """A wording with the documents that print it: all of them, or the latest ``USES_LISTED`` and a count by
    region of all (the full list is in the glossary's open data)."""
    listed = use.uses if len(use.uses) <= USES_LISTED else use.uses[::-1][:USES_LISTED]
    counts = Counter((v.region, v.region_slug) for v, _, _ in use.uses) if len(use.uses) > USES_LISTED else {}
    return {"definition": use.definition, "uses": listed, "total": len(use.uses),
            "regions": [(region_display(name), urls.region(slug), n) for (name, slug), n in sorted(counts.items())]}
