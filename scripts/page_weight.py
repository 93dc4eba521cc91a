"""Report the weight of each page type of a built site: HTML bytes, gzip bytes, and what it loads.

"first view" is what a reader's browser transfers to show the page (HTML, stylesheet and scripts,
gzip); plotly is fetched only when a reader asks for an interactive chart and is reported apart.

    python scripts/page_weight.py [--out output]

Scripts and stylesheets are read from the page's own tags; the search page
also loads Pagefind's index on demand (reported separately).  Gzip is level 9,
close to what static hosts serve.
"""

from __future__ import annotations

import argparse
import gzip
import re
from pathlib import Path

PAGES = {
    "home": "index.html",
    "region": "regions/zhengzhou/index.html",
    "department": "departments/zhengzhou/renminzhengfubangongting/index.html",
    "department-year (000)": "departments/zhengzhou/renminzhengfubangongting/2020-budget/index.html",
    "department-year (004)": "departments/luohe/renminzhengfubangongshi/2023-budget/index.html",
    "year": "years/2020/index.html",
    "comparison": "compare/overview.html",
    "glossary": "glossary/index.html",
    "term": "glossary/caizhengbokuanshouru.html",
    "open data": "open-data/index.html",
    "source document": "open-data/sources/000_0794aadfb6c0e8a0.txt.html",
    "search": "search/index.html",
    "404": "404.html",
}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def kb(n: int) -> str:
    return f"{n / 1024:,.1f}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="output")
    args = parser.parse_args()
    out = Path(args.out)
    if not (out / "index.html").is_file():
        raise SystemExit(f"{out}: no built site here (build it first: budgetsite build --out {out})")
    print(f"{'page':24} {'HTML KB':>8} {'gzip KB':>8}  {'CSS+JS gzip KB':>14}  {'first view gz':>13}  "
          f"scripts loaded")
    for name, path in PAGES.items():
        file = out / path
        html = file.read_bytes()
        text = html.decode("utf-8")
        refs = re.findall(r'<script[^>]+src="([^"]+)"', text) + re.findall(r'<link rel="stylesheet" href="([^"]+)"', text)
        assets = [(ref, (file.parent / ref).resolve().read_bytes()) for ref in refs]
        scripts = ", ".join(f"{Path(r).name.split('.')[0]} ({kb(gz(d))} KB gz)" for r, d in assets if r.endswith(".js"))
        on_demand = re.search(r'data-plotly="([^"]+)"', text)
        if on_demand:
            bundle = (file.parent / on_demand.group(1)).resolve().read_bytes()
            scripts += f"; plotly on request only ({kb(gz(bundle))} KB gz)"
        first = gz(html) + sum(gz(d) for _, d in assets)
        print(f"{name:24} {kb(len(html)):>8} {kb(gz(html)):>8}  {kb(sum(gz(d) for _, d in assets)):>14}  "
              f"{kb(first):>13}  {scripts or '—'}")
    parts = sorted(p for p in (out / "pagefind").glob("*") if p.is_dir())
    for index in parts:
        # a search loads the first part's script and wasm, and every part's metadata and the chunks it needs
        entry = sum(gz(p.read_bytes()) for p in index.glob("pagefind.js"))
        wasm = sum(p.stat().st_size for p in index.glob("wasm.*"))
        meta = sum(p.stat().st_size for p in index.glob("*.pf_meta"))
        print(f"search index part {index.name}: pagefind.js {kb(entry)} KB gz, wasm {kb(wasm)} KB, "
              f"metadata {kb(meta)} KB; {len(list((index / 'index').glob('*')))} index chunks and "
              f"{len(list((index / 'fragment').glob('*')))} fragments fetched as a query needs them")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
