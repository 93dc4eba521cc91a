"""Profile of one department-year's unit of work: what a build spends on each disclosure.

    python scripts/profile_unit.py [--repeat 20] [--top 30] [--folder REGION/DEPT/EDITION]

Builds the units of the bundled data (or of the one ``--folder``) ``--repeat`` times each in this
process, under cProfile, into a scratch folder, exactly as a build's worker does (``units.Units.build``:
load, audit, render the page, write its open-data files, its tidy rows and its search page), and
prints the milliseconds per unit, the share of each part of the work, and the functions that take the
most time.  A unit's cost does not depend on how many others the site has: it reads its own folder
(and its other phase and previous year), never the whole data.  Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.site.build import units  # noqa: E402
from generator.site.build.assets import collect_assets  # noqa: E402
from generator.site.pages import Setting, load_content  # noqa: E402
from generator.site.pages.render import Renderer, environment  # noqa: E402
from generator.site.shared.config import load_config  # noqa: E402
from generator.store.layout import disclosure_folders  # noqa: E402

# the parts of a unit's work, by the functions that do them (cumulative time of each, per unit)
PARTS = {
    "load": "load_disclosure",
    "audit and view": "view",
    "render the page": "render",
    "open-data files": "disclosure_files",
    "tidy rows": "tidy_chunks",
    "search page": "search_stub",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="tottime", help="the profile's order: tottime or cumulative")
    parser.add_argument("--folder", help="one disclosure folder (REGION/DEPT/EDITION); all the bundled ones by default")
    args = parser.parse_args()
    data = ROOT / "data"
    folders = [args.folder] if args.folder else disclosure_folders(data)
    known = set(disclosure_folders(data))
    config = load_config(ROOT, None)
    assets = collect_assets(ROOT)
    setting = Setting(load_content(ROOT / "content"), config, assets.sources, data)
    renderer = Renderer(environment(ROOT), assets.urls)
    tasks = [(f, f"profile{n}", units.pair_of(f, known), units.previous_of(f, known)) for n, f in enumerate(folders)]
    with tempfile.TemporaryDirectory() as scratch:
        work = units.Units(data, Path(scratch) / "out", Path(scratch) / "cache", renderer, setting)
        for task in tasks:                  # once before measuring: templates compiled, modules imported
            work.build(task)
        start = time.perf_counter()
        for _ in range(args.repeat):
            for task in tasks:
                work.build(task)
        plain = time.perf_counter() - start
        profile = cProfile.Profile()
        start = time.perf_counter()
        profile.enable()
        for _ in range(args.repeat):
            for task in tasks:
                work.build(task)
        profile.disable()
        wall = time.perf_counter() - start
    count = args.repeat * len(tasks)
    print(f"{count} units ({len(tasks)} disclosures × {args.repeat}): {plain / count * 1000:.1f} ms per unit, "
          f"{wall / count * 1000:.1f} ms under the profiler; each part under the profiler:")
    stats = pstats.Stats(profile)
    cumulative = {}
    for (file, _line, name), (_cc, _nc, _tt, ct, _callers) in stats.stats.items():
        if "generator" in file:
            cumulative[name] = max(cumulative.get(name, 0.0), ct)
    whole = cumulative.get("build", wall)
    for part, name in PARTS.items():
        spent = cumulative.get(name, 0.0)
        print(f"  {part:<18} {spent / count * 1000:6.1f} ms  {spent / whole:5.0%}")
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats(args.sort).print_stats(args.top)
    print(out.getvalue())


if __name__ == "__main__":
    main()
