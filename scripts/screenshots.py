"""Screenshots of every page type at desktop and phone widths, for review.

    python scripts/screenshots.py [--out output] [--dest screenshots] [--browser /usr/bin/chromium]

Opens the built site from disk (file://) in headless Chromium, so what is
reviewed is exactly what a reader opening the files would see.
"""

from __future__ import annotations

import argparse
from pathlib import Path

PAGES = {
    "home": "index.html",
    "disclosure": "departments/zhengzhou/renminzhengfubangongting/2020-budget/index.html",
    "disclosure-002": "departments/zhengzhou/zhengwufuwubangongshi/2024-budget/index.html",
    "department": "departments/zhengzhou/renminzhengfubangongting/index.html",
    "region": "regions/zhengzhou/index.html",
    "year": "years/2020/index.html",
    "compare": "compare/overview.html",
    "glossary": "glossary/index.html",
    "term": "glossary/caizhengbokuanshouru.html",
    "open-data": "open-data/index.html",
    "source": "open-data/sources/000_0794aadfb6c0e8a0.txt.html#L272",
    "search": "search/index.html?q=市长热线",
    "about": "methodology/index.html",
    "404": "404.html",
}
WIDTHS = {"desktop": 1280, "phone": 390}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="output")
    parser.add_argument("--dest", default="screenshots")
    parser.add_argument("--browser", default="/usr/bin/chromium")
    parser.add_argument("--full", action="store_true", help="capture the full page height")
    parser.add_argument("--only", default="", help="comma-separated page names")
    parser.add_argument("--url", default="", help="take pages from this server (http://127.0.0.1:PORT/) "
                                                   "instead of from disk; search needs it")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    out, dest = Path(args.out).resolve(), Path(args.dest)
    dest.mkdir(parents=True, exist_ok=True)
    names = [n for n in PAGES if not args.only or n in args.only.split(",")]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.browser,
                                    args=["--no-sandbox", "--disable-background-networking"])
        for label, width in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": 900}, device_scale_factor=1)
            for name in names:
                target = PAGES[name]
                if args.url:
                    page.goto(args.url + target)
                else:
                    # the query or fragment stays one: a path's as_uri() would quote “#” as part of the name
                    path, sep, rest = min(target.partition("?"), target.partition("#"), key=lambda p: len(p[0]))
                    page.goto((out / path).as_uri() + sep + rest)
                page.wait_for_timeout(600)
                file = dest / f"{name}-{label}.png"
                page.screenshot(path=str(file), full_page=args.full)
                print(file)
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
