"""The one URL builder: where each page lives in the output, and relative links between pages.

Every link in the site is relative and names its file (``…/index.html``),
so the same output works from file://, from the root of a host and under
a sub-path such as /budget/.  A page's path is the file's path in the output;
a link names it percent-encoded where the path is not made of slugs (a source
document keeps the file name it was published with, which may hold ``#``,
``?``, ``%``, spaces or Chinese): ``source_document`` and ``source_text``
give the link, ``source_document_file`` the file.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from urllib.parse import quote

from generator.core.slugs import slug


def home() -> str:
    return "index.html"


def region(region_slug: str) -> str:
    return f"regions/{region_slug}/index.html"


def department(region_slug: str, department_slug: str) -> str:
    return f"departments/{region_slug}/{department_slug}/index.html"


def year_over_year(region_slug: str, department_slug: str, edition: str) -> str:
    """The table of a department's figures year by year on its page, of the series of ``edition`` (its
    phase and scope: ``2018-budget`` is of ``budget``, ``2025-unit-budget`` of ``unit-budget``)."""
    return f"{department(region_slug, department_slug)}#yoy-{edition.partition('-')[2]}"


def disclosure(region_slug: str, department_slug: str, edition: str) -> str:
    """A department's page for one disclosure; ``edition`` is ``Disclosure.edition`` (``2024-budget``)."""
    return f"departments/{region_slug}/{department_slug}/{edition}/index.html"


def regions() -> str:
    return "regions/index.html"


def years() -> str:
    return "years/index.html"


def year(y: int) -> str:
    return f"years/{y}/index.html"


def compare(name: str = "index") -> str:
    return f"compare/{name}.html"


def compare_region(name: str, region_slug: str) -> str:
    """One region's rows of a comparison too long for one page."""
    return f"compare/{name}/{region_slug}.html"


def compare_csv(name: str) -> str:
    return f"open-data/compare/{name}.csv"


def glossary() -> str:
    return "glossary/index.html"


@lru_cache(maxsize=16384)
def term_slug(term: str) -> str:
    """The same few hundred terms recur in every document; their reading is worked out once."""
    return slug(term)


def term_page(slug_: str) -> str:
    """A glossary term's page, by the term's slug (unique within the site)."""
    return f"glossary/{slug_}.html"


def search() -> str:
    return "search/index.html"


SEARCH_INDEX = "pagefind/"                     # the search index, in parts


def search_part(name: str) -> str:
    """The folder of one part of the search index (its ``pagefind.js`` is the part's entry)."""
    return f"{SEARCH_INDEX}{name}/"


def open_data() -> str:
    return "open-data/index.html"


OPEN_DATA = "open-data/"                       # every download
OPEN_DATA_ALL = "open-data/all/"               # the whole site's tidy files
OPEN_DATA_FILES = "open-data/files/"           # per disclosure
OPEN_DATA_SOURCES = "open-data/sources/"       # the documents as published
DATA_PACKAGE = "open-data/datapackage.json"
WORKBOOK = "workbook.xlsx"                     # a disclosure's workbook, beside its tables' CSV files


def tidy_data(name: str) -> str:
    """A whole-site tidy file, as gzip-compressed CSV."""
    return f"{OPEN_DATA_ALL}{name}.csv.gz"


def tidy_parquet(name: str, region_slug: str) -> str:
    """One region's part of the Parquet copy of a whole-site tidy file: a folder of one file per region
    (``open-data/all/money/zhengzhou.parquet``), which every Parquet reader takes as one table."""
    return f"{tidy_parquet_folder(name)}{region_slug}.parquet"


def tidy_parquet_folder(name: str) -> str:
    return f"{OPEN_DATA_ALL}{name}/"


def data_file(region_slug: str, department_slug: str, edition: str, name: str) -> str:
    return f"open-data/files/{region_slug}/{department_slug}/{edition}/{name}"


def table_csv(region_slug: str, department_slug: str, edition: str, table_id: str) -> str:
    """One imported table of a disclosure as CSV, beside its workbook."""
    return data_file(region_slug, department_slug, edition, f"tables/{table_id}.csv")


def file_name(name: str) -> str:
    """A file name as one segment of a link: every character but letters, digits and ``_.-~``
    percent-encoded (UTF-8), so that ``#``, ``?``, ``%`` or a space in the name is part of the name."""
    return quote(name, safe="")


def source_document_file(name: str) -> str:
    """Where the page of a published document is written in the output (its link: ``source_document``)."""
    return f"{OPEN_DATA_SOURCES}{name}.html"


def source_document(name: str, line: int | None = None) -> str:
    """The link to the published document as a page with an anchor per line (``#L236``)."""
    return f"{OPEN_DATA_SOURCES}{file_name(name + '.html')}" + (f"#L{line}" if line else "")


def source_text(name: str) -> str:
    """The link to the document as published, byte for byte (written at ``source_file``)."""
    return f"{OPEN_DATA_SOURCES}{file_name(name)}"


def source_file(name: str) -> str:
    """Where the document as published is written in the output (its link: ``source_text``)."""
    return f"{OPEN_DATA_SOURCES}{name}"


def page(name: str) -> str:
    """A page written in content/ (about, methodology, …)."""
    return f"{name}/index.html"


def not_found() -> str:
    return "404.html"


def feed() -> str:
    return "feed.xml"


def robots() -> str:
    return "robots.txt"


def sitemap() -> str:
    return "sitemap.xml"


def asset(name: str) -> str:
    return f"assets/{name}"


def relative(from_page: str, to_path: str) -> str:
    """The link from one output file to another, relative (``../../glossary/index.html``)."""
    to_path, _, anchor = to_path.partition("#")
    rel = _relative(to_path, posixpath.dirname(from_page) or ".")
    return rel + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=65536)
def _relative(to_path: str, from_dir: str) -> str:
    """``posixpath.relpath`` for two paths inside the site, in a fraction of its time (it makes both paths
    absolute first, asking for the working directory twice): a region's or a year's page links to
    thousands of pages.  A page links to the same few hundred targets many times over, hence the cache."""
    to = [c for c in to_path.split("/") if c not in ("", ".")]
    start = [c for c in from_dir.split("/") if c not in ("", ".")]
    if ".." in to or ".." in start or to_path.startswith("/") or from_dir.startswith("/"):
        return posixpath.relpath(to_path, from_dir)
    common = 0
    for a, b in zip(to, start):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:]) or "."


def absolute(base_url: str, path: str) -> str:
    """The canonical URL of an output file when the site's base URL is known ("" otherwise)."""
    if not base_url:
        return ""
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return base_url + quote(path, safe="/")
