"""The search page (Pagefind's interface; the index is built after rendering)."""

from __future__ import annotations

from generator.site.shared import urls
from generator.site.pages import EVERYTHING, Inputs, Page, crumbs


def pages(inputs: Inputs) -> list[Page]:
    return [Page(urls.search(), "search.html", context, inputs=(EVERYTHING,), searched=False)]


def context(inputs: Inputs, page: Page) -> dict:
    """The index's parts: the first is loaded, the others merged into it when a reader searches."""
    parts = [urls.search_part(name) for name in inputs.search_parts]
    return {"title": "搜索", "indexed": False, "section": "search", "crumbs": crumbs(inputs.config, ("搜索", "")),
            "search_primary": parts[0] + "pagefind.js", "search_merged": parts[1:]}
