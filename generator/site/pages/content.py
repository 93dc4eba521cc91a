"""Pages written by hand in content/ (关于, 数据说明, …); 关于 and 数据说明 always exist."""

from __future__ import annotations

from generator.site.shared import urls
from generator.site.pages import CONTENT, Inputs, Page, crumbs

REQUIRED = ("about", "methodology")


def pages(inputs: Inputs) -> list[Page]:
    names = sorted((set(inputs.content.pages) - {"home"}) | set(REQUIRED))
    return [Page(urls.page(name), "page.html", context, key=name, inputs=(CONTENT,)) for name in names]


def context(inputs: Inputs, page: Page) -> dict:
    title, body = inputs.content.pages.get(page.key, (inputs.config.label(page.key), "<p>（尚未撰写）</p>"))
    return {"title": title, "body": body, "section": page.key, "crumbs": crumbs(inputs.config, (title, ""))}
