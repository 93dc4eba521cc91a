"""The page map: which pages exist, and the context each one is rendered with.

Each page family is one module here (``home``, ``regions``, ``disclosures`` …)
with a ``pages(inputs)`` function that lists its pages.  A ``Page`` names its
output path, its template, the function that builds its context and the
data it depends on; contexts are built only when a page is rendered, so
pages can be rendered in any order, in parallel, or skipped when their
inputs have not changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.site.shared import urls
from generator.site.shared.config import SiteConfig
from generator.site.model.site import SiteModel
from generator.site.pages.sanitize import render_markdown

# What a page's inputs may name besides a disclosure folder
EVERYTHING = "*"          # every disclosure
CONTENT = "content"       # the hand-written pages and settings
READS = "reads:"          # an input that is what the page reads itself (a digest), not the name of one


@dataclass
class Content:
    """Hand-written pages from content/ (Markdown), rendered and sanitised."""

    pages: dict[str, tuple[str, str]]       # name -> (title, html)


def load_content(content_dir: Path) -> Content:
    pages = {}
    if content_dir.is_dir():
        for file in sorted(content_dir.glob("*.md")):
            text = file.read_text(encoding="utf-8")
            title = file.stem
            lines = text.split("\n")
            if lines and lines[0].startswith("# "):
                title, text = lines[0][2:].strip(), "\n".join(lines[1:])
            pages[file.stem] = (title, render_markdown(text, relative_links=True))
    return Content(pages)


@dataclass(frozen=True)
class Setting:
    """What every page is rendered with besides the site's model: known before any disclosure is read."""

    content: Content
    config: SiteConfig
    asset_files: dict[str, Path]            # static files by name (the site's own replace the theme's)
    data_dir: Path = Path("data")           # where pages that show a document's text read it

    def inputs(self, model: SiteModel, downloads: dict[str, int] | None = None,
               search_parts: list[str] | None = None) -> Inputs:
        return Inputs(model, self.content, self.config, self.asset_files, self.data_dir, downloads or {},
                      search_parts or [])


@dataclass
class Inputs:
    """Everything a page's context is built from."""

    model: SiteModel
    content: Content
    config: SiteConfig
    asset_files: dict[str, Path]            # static files by name (the site's own replace the theme's)
    data_dir: Path = Path("data")           # where pages that show a document's text read it
    downloads: dict[str, int] = field(default_factory=dict)     # open-data file -> size in bytes, as written
    search_parts: list[str] = field(default_factory=list)       # the search index's parts


@dataclass(frozen=True)
class Page:
    path: str
    template: str
    context: Callable[[Inputs, "Page"], dict]
    key: str = ""              # what the context looks up (a disclosure URL, a term slug …)
    inputs: tuple[str, ...] = field(default_factory=tuple)   # disclosure folders it reads, or the names above
    charts: bool = False
    listed: bool = True        # in the sitemap
    searched: bool = True      # read by the search index (its words are worth finding)
    shard: bool = False        # indexed with its disclosures' part of the index (by ``inputs[0]``), not the site's


def crumbs(config: SiteConfig, *trail: tuple[str, str]) -> list[tuple[str, str]]:
    """The breadcrumb trail from the home page."""
    return [(config.label("home"), urls.home()), *trail]


def page_map(inputs: Inputs) -> list[Page]:
    from generator.site.pages import (compare, content, departments, glossary, home, notfound, opendata, regions,
                                      search, sources, years)

    # a disclosure's own page is rendered with its unit (generator.site.build.units), not from the site's model
    families = (home, regions, departments, years, compare, glossary, opendata, search, sources, content, notfound)
    return [page for family in families for page in family.pages(inputs)]
