"""What a reader's first search costs: the requests and bytes the search page makes for one query.

    python scripts/search_weight.py OUT [--query 办公厅] [--query 公务接待费 …]

Serves OUT on a loopback port, opens its search page in Chromium (a fresh browser context each time,
so nothing is cached), types each query into the search box as a reader does and waits for the
results; then prints, for each, how many requests the page made after the query was typed (the
search index's parts: their entry files, the index chunks each part needs for the words, the
fragments of the results shown) and their bytes as sent.  The number of index parts grows with the
site (``site.build.search``); this is the figure to compare when it changes.  Asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path, help="a built site")
    parser.add_argument("--query", action="append", help="a query (again for more); a few common ones by default")
    args = parser.parse_args()
    queries = args.query or ["办公厅", "公务接待费", "一般公共服务支出", "绩效目标"]

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(args.out)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    from playwright.sync_api import sync_playwright

    parts = len([p for p in (args.out / "pagefind").iterdir() if p.is_dir()]) if (args.out / "pagefind").is_dir() else 0
    print(f"{args.out}: {parts} search index parts")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"])
            for q in queries:
                context = browser.new_context()
                page = context.new_page()
                page.goto(f"{base}/search/index.html")
                page.wait_for_load_state("networkidle")
                seen: list[int] = []
                page.on("requestfinished", lambda r: seen.append(r.sizes()["responseBodySize"]))
                page.fill("#search-q", q)
                page.press("#search-q", "Enter")
                page.wait_for_selector("[data-search-results] li", timeout=60000)
                page.wait_for_load_state("networkidle")
                results = page.locator("[data-search-results] li").count()
                print(f"  {q:12} {len(seen):4} requests  {sum(seen) / 1024:8.1f} KB  ({results} results shown)")
                context.close()
            browser.close()
    finally:
        httpd.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
