"""Search recall: how many of a set of real queries find the page they come from, in a built site.

    python scripts/search_recall.py OUT [--data data] [--pieces 8]

The queries come from the data: each department-year's glossary terms, project names and indicator
names (a reader who copies a name expects its page among the results), and pieces of two to five
Chinese characters cut at random from its narrative (a harder test: a piece may cross a word boundary).
Each query is run in Chromium through the site's own search index, its parts merged as the search
page merges them, and counts as found when the department-year's page is among all its results.

Prints the share found by kind of query and each miss.  Use it before changing the Pagefind version:
the indexer and the browser must cut Chinese into the same words, and a version that indexes faster
but finds fewer names is no gain.  Serves OUT on a loopback port while it runs; asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import random
import re
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.store.layout import DISCLOSURES, disclosure_dirs  # noqa: E402
from generator.store.read import load_disclosure  # noqa: E402

LOAD = """async () => {
    const list = document.querySelector('[data-search-results]');
    const merged = (list.getAttribute('data-pagefind-merge') || '').split(' ').filter(Boolean);
    window.pf = await import(list.getAttribute('data-pagefind-root'));
    await window.pf.options({baseUrl: '/'});
    for (const part of merged) await window.pf.mergeIndex(new URL(part, location.href).href, {baseUrl: '/'});
}"""
SEARCH = """async (q) => {
    const found = await window.pf.search(q);
    return (await Promise.all(found.results.map(r => r.data()))).map(d => d.url);
}"""


def queries(data: Path, pieces: int) -> list[tuple[str, str, str]]:
    """(kind, query, the page it should find) for every department-year of ``data``."""
    rng = random.Random(20261207)
    out = []
    for folder in disclosure_dirs(data):
        d = load_disclosure(folder)
        page = f"/departments/{folder.relative_to(data / DISCLOSURES).as_posix()}/"
        names = [g.term for g in d.glossary] + [p.name for p in d.projects] + [i.level3 for i in d.indicators if i.level3]
        out += [("name", n, page) for n in dict.fromkeys(names)]
        runs = re.findall(r"[\u4e00-\u9fff]{6,}", " ".join(s.markdown for s in d.sections))
        for _ in range(pieces if runs else 0):
            run = rng.choice(runs)
            n = rng.randint(2, 5)
            at = rng.randint(0, len(run) - n)
            out.append(("narrative piece", run[at:at + n], page))
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path, help="a built site")
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--pieces", type=int, default=8, help="narrative pieces per department-year")
    args = parser.parse_args()
    todo = queries(args.data, args.pieces)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(args.out)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    found: dict[str, list[int]] = {}
    misses = []
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--no-sandbox", "--disable-background-networking"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/search/index.html")
            page.evaluate(LOAD)
            for kind, query, expected in todo:
                urls = page.evaluate(SEARCH, query)
                hit = any(u.removesuffix("index.html") == expected for u in urls)
                found.setdefault(kind, []).append(hit)
                if not hit:
                    misses.append((kind, query, expected, len(urls)))
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    for kind, hits in found.items():
        print(f"{kind:16} {sum(hits):4} of {len(hits):4} found ({sum(hits) / len(hits):.0%})")
    for kind, query, expected, n in misses:
        print(f"  missed ({kind}) {query!r}: {expected} not among {n} results")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
