"""The search index: Pagefind's extended build (it segments Chinese), in parts.

Pagefind reads a tree of its own, not the output: each department-year
page is represented there by its unit's search page (``units.search_stub``:
its words without its figures), every other indexed page by itself.  The
pages keep their paths, so results link to the real pages.

The index is split into parts: one for the site's own pages (regions,
glossary, comparisons …) and, for the disclosures, one per few hundred
department-years on average, a department always in the same part.  Parts are indexed
in parallel, a rebuild indexes again only the parts whose pages changed,
and the search page merges them when a reader searches.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.site.build import pagefind

SITE_SHARD = "site"
UNITS_PER_SHARD = 400            # a part Pagefind indexes in a few seconds, in little memory
SMALL_SITE = 300                 # searched pages below which one Pagefind process indexes every part
# what Pagefind writes for its own search interfaces, which the site does not use (its search page calls
# pagefind.js itself): five files and about 165 KB in every part with 1.4, the component UI's two more in 1.5
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-highlight.js", "pagefind-component-ui.js", "pagefind-component-ui.css")


def shard_names(units: int) -> list[str]:
    """The site's part first, then the disclosures' parts: as many as a power of two that keeps each part
    at most ``UNITS_PER_SHARD`` on average.

    Which part a department is in depends on how many parts there are, so a change in their number
    re-indexes everything.  In powers of two it changes only when the site doubles (each part then splits
    in two), not whenever it crosses a multiple of ``UNITS_PER_SHARD``: 10,000 department-years and one
    more had re-indexed all 26 parts.
    """
    needed = max(1, -(-units // UNITS_PER_SHARD))
    return [SITE_SHARD] + [f"part-{n:02d}" for n in range(1 << (needed - 1).bit_length())]


def shard_of(folder: str, parts: int) -> str:
    """The part of a department's pages: by its region and department, so that its years stay together."""
    department = "/".join(folder.split("/")[:2])
    return f"part-{int(hashlib.sha256(department.encode()).hexdigest()[:8], 16) % parts:02d}"


def shards_in_use(names: list[str], folders: list[str]) -> list[str]:
    """Of the parts ``names``, those that index something: the site's, and each part a department-year
    falls in.  By chance a part may receive no department (a few departments among many parts); Pagefind
    makes no index of nothing, so such a part is neither indexed nor merged by the search page."""
    parts = len(names) - 1
    used = {shard_of(folder, parts) for folder in folders}
    return [name for name in names if name == SITE_SHARD or name in used]


def members(names: list[str], pages: list, prints: dict[str, str],
            disclosures: list[tuple[str, str, str]]) -> dict[str, list[tuple[str, str, str | None]]]:
    """What each part indexes: (site path, fingerprint, and for a department-year the unit key of its search
    page, else None), from the site's searched pages and the disclosures (folder, page path, unit key).
    ``names`` are all the parts (their number places a department); a disclosures' part that receives
    nothing is left out (see ``shards_in_use``)."""
    out: dict[str, list[tuple[str, str, str | None]]] = {name: [] for name in names}
    parts = len(names) - 1
    for p in pages:
        if p.searched:
            out[shard_of(p.inputs[0], parts) if p.shard else SITE_SHARD].append((p.path, prints[p.path], None))
    for folder, path, key in disclosures:
        out[shard_of(folder, parts)].append((path, key, key))
    return {name: indexed for name, indexed in out.items() if indexed or name == SITE_SHARD}


def fingerprint(common: str, members: list[tuple[str, str, str | None]]) -> str:
    """A part's fingerprint: the site's common inputs and its pages' own; a part whose fingerprint is the
    last build's is not indexed again."""
    return hashlib.sha256(json.dumps([common, sorted((path, mark) for path, mark, _ in members)]).encode()).hexdigest()


def index_shards(shards: dict[str, tuple[dict[str, Path], Path]], jobs: int) -> None:
    """Index each part (its pages: site path -> the file to read) into its folder.

    A small site's parts, fewer than ``SMALL_SITE`` pages in all, go one after the other through one
    Pagefind process (``pagefind.Indexer``): a process costs a fifth of a second of a processor to load
    its dictionary, more than such a site's parts take.  A larger site's parts are indexed ``jobs`` at a
    time, each by a command-line run of its own (see ``pagefind`` for why not a service process)."""
    todo = sorted(shards.items())
    if not todo:
        return
    if sum(len(pages) for pages, _ in shards.values()) < SMALL_SITE:
        indexer = pagefind.Indexer()
        try:
            for _, (pages, output) in todo:
                index_search(pages, output, indexer)
        finally:
            indexer.close()
        return
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        list(pool.map(lambda item: index_search(*item[1]), todo))


def index_search(pages: dict[str, Path], output: Path, indexer: pagefind.Indexer | None = None) -> None:
    """Index ``pages`` (site path -> the file to read for it) into ``output``: with ``indexer``, or a
    command-line run of Pagefind.  Pagefind reads a tree: the pages are hard-linked into one of its own."""
    with tempfile.TemporaryDirectory(prefix="budgetsite-search-") as tmp:
        tree = Path(tmp)
        for path, source in pages.items():
            target = tree / path
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, target)
            except OSError:
                shutil.copyfile(source, target)
        if indexer is not None:
            indexer.index(tree, output)
        else:
            pagefind.index_once(tree, output)
    for name in UNUSED:
        (output / name).unlink(missing_ok=True)
