"""The search page (Pagefind's interface; the index is built after rendering)."""

from __future__ import annotations

from generator.site import urls
from generator.site.pages import Inputs, Page, crumbs


def pages(inputs: Inputs) -> list[Page]:
    return [Page(urls.search(), "search.html", context, searched=False)]


def context(inputs: Inputs, page: Page) -> dict:
    return {"title": "搜索", "indexed": False, "section": "search", "crumbs": crumbs(inputs.config, ("搜索", ""))}
