"""Import benchmark: time per PDF page, parallel import, and the parse cache.

    python scripts/import_benchmark.py [--copies 8] [--jobs 2]

Reads every PDF in data/sources and tests/samples page by page (the reader
alone, then reader and parser), then imports ``--copies`` renamed copies of
the bundled sources with one process, with ``--jobs`` processes, and again
with a warm parse cache.  Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.core.errors import DocumentError  # noqa: E402
from generator.normalise.disclosure import parse_document  # noqa: E402
from generator.read import read_source  # noqa: E402
from generator.store.importing import import_documents  # noqa: E402


def per_page() -> None:
    pdfs = sorted({p.name: p for p in [*(ROOT / "tests/samples").glob("*.pdf"),
                                       *(ROOT / "data/sources").glob("*.pdf")]}.values())
    total_pages, total_read, total_parse = 0, 0.0, 0.0
    print(f"{'document':48} {'pages':>5} {'read s':>8} {'parse s':>8} {'ms/page':>8}  result")
    for path in pdfs:
        raw = path.read_bytes()
        start = time.perf_counter()
        layout = read_source(path.name, raw)
        read = time.perf_counter() - start
        start = time.perf_counter()
        try:
            parse_document(layout)
            result = "imported"
        except DocumentError as exc:
            result = f"refused at line {exc.line}"
        parse = time.perf_counter() - start
        pages = max(layout.document.pages or (0,))
        total_pages, total_read, total_parse = total_pages + pages, total_read + read, total_parse + parse
        print(f"{path.name:48} {pages:5d} {read:8.2f} {parse:8.2f} {1000 * (read + parse) / pages:8.0f}  {result}")
    print(f"{'all':48} {total_pages:5d} {total_read:8.2f} {total_parse:8.2f} "
          f"{1000 * (total_read + total_parse) / total_pages:8.0f}")


def many(copies: int, jobs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "sources"
        src.mkdir()
        for i in range(copies):
            for path in (ROOT / "data/sources").iterdir():
                text = path.read_bytes()
                if path.suffix == ".txt":        # a new department name, so each copy is its own disclosure
                    text = text.decode("utf-8").replace("郑州市", f"郑州{i}市").replace("济源市", f"济源{i}市") \
                        .replace("漯河市", f"漯河{i}市").encode("utf-8")
                    (src / f"c{i}_{path.name}").write_bytes(text)
                elif i == 0:
                    shutil.copy(path, src / path.name)
        files = sorted(src.iterdir())
        for label, n, cache in (("1 process, no cache", 1, None), (f"{jobs} processes, no cache", jobs, None),
                                ("cold cache", jobs, Path(tmp) / "cache"), ("warm cache", jobs, Path(tmp) / "cache")):
            data = Path(tmp) / f"data-{label.replace(' ', '-').replace(',', '')}"
            start = time.perf_counter()
            result = import_documents(data, files, jobs=n, cache_dir=cache)
            took = time.perf_counter() - start
            print(f"import {len(files)} documents ({len(result.disclosures)} disclosures), {label:22} "
                  f"{took:7.2f} s  ({result.parsed} parsed)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    per_page()
    print()
    many(args.copies, args.jobs)


if __name__ == "__main__":
    main()
