"""Benchmarks: how long import, check and build take, and how big the output is.

    python scripts/benchmark.py [--copies 50] [--jobs 2]

Measures the sample data as it is, then a larger site made by copying the
sample department-years under new names (``--copies`` × 4 department-years),
to show how the build scales.  Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.api import build_site as build  # noqa: E402


def timed(label: str, func):
    start = time.perf_counter()
    result = func()
    print(f"{label:48} {time.perf_counter() - start:8.2f} s")
    return result


def size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def scaled_data(src: Path, dest: Path, copies: int) -> None:
    shutil.copytree(src, dest)
    originals = sorted((src / "disclosures").glob("*/*/*"))
    for n in range(1, copies + 1):
        for folder in originals:
            region, dept, year = folder.parts[-3:]
            target = dest / "disclosures" / region / f"{dept}-{n}" / year
            shutil.copytree(folder, target)
            meta = json.loads((target / "disclosure.json").read_text(encoding="utf-8"))
            meta["department"] += f"（{n}）"
            meta["department_slug"] += f"-{n}"
            (target / "disclosure.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n",
                                                    encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sources = sorted((ROOT / "data" / "sources").glob("*.txt"))
        timed(f"import {len(sources)} sample documents", lambda: subprocess.run(
            [sys.executable, "-m", "generator", "import", *map(str, sources), "--data", str(tmp / "data")],
            check=True, capture_output=True))
        timed("check (validate + audit)", lambda: subprocess.run(
            [sys.executable, "-m", "generator", "check", "--data", str(tmp / "data")], check=True, capture_output=True))
        r = timed("build sample site (full)", lambda: build(ROOT, ROOT / "data", tmp / "out"))
        files, total = size(tmp / "out")
        print(f"{'':48} {r.pages} pages, {files} files, {total / 1e6:.1f} MB")
        r = timed("rebuild sample site, nothing changed", lambda: build(ROOT, ROOT / "data", tmp / "out"))
        print(f"{'':48} {r.rendered} rendered, {r.reused} reused")
        big = tmp / "big"
        scaled_data(ROOT / "data", big, args.copies)
        n = len(list((big / "disclosures").glob("*/*/*")))
        r = timed(f"build {n} department-years (full, 1 process)", lambda: build(ROOT, big, tmp / "out-big"))
        files, total = size(tmp / "out-big")
        print(f"{'':48} {r.pages} pages, {files} files, {total / 1e6:.1f} MB")
        shutil.rmtree(tmp / "out-big")
        timed(f"build {n} department-years (full, {args.jobs} processes)",
              lambda: build(ROOT, big, tmp / "out-big", jobs=args.jobs))
        r = timed(f"rebuild {n} department-years, nothing changed",
                  lambda: build(ROOT, big, tmp / "out-big", jobs=args.jobs))
        print(f"{'':48} {r.rendered} rendered, {r.reused} reused")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
