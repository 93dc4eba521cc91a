"""The 404 page: self-contained (its own styles), since it is served at any missing address."""

from __future__ import annotations

from generator.site import THEME
from generator.site.shared import urls
from generator.site.pages import Inputs, Page

THEME_CSS = "site.css"


def pages(inputs: Inputs) -> list[Page]:
    return [Page(urls.not_found(), "404.html", context, listed=False, searched=False)]


def context(inputs: Inputs, page: Page) -> dict:
    return {"inline_css": (THEME / "static" / THEME_CSS).read_text(encoding="utf-8"),
            "favicon_svg": inputs.asset_files["favicon.svg"].read_text(encoding="utf-8").strip(),
            "home_href": inputs.config.base_url or urls.home()}
