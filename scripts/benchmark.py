"""Build benchmark: how the site build scales with the number of department-years.

    python scripts/benchmark.py [--sizes 1000 10000] [--jobs 1 2] [--keep DIR]

For each size N it makes a data directory of N department-years by copying
the bundled ones under new department names (files hard-linked, only
``disclosure.json`` rewritten), then measures in a child process each:

- a full build, for each ``--jobs`` value, into an empty output with an empty
  build cache (its own, not the user's);
- a rebuild with nothing changed;
- a rebuild after adding one disclosure of a department new to the site, then
  one of a department it has (its next year), and whether the output is
  byte-identical to a full build of the same data (at the smallest size);
- the peak memory of the whole process tree (the build and any workers,
  Pagefind included: the sum of their proportional set sizes, so pages a
  forked worker shares with its parent count once), sampled every 200 ms (reading
  every process's memory map costs CPU the build would otherwise have);
- at the smallest size, a rebuild as CI runs it: a fresh checkout of the data
  (every file new to the file system), the build cache and the last output
  restored from an archive (as a CI cache action does), one disclosure added;
- the output: MB and files in all, and per department-year without the
  shared assets (``assets/``);
- the floor: a bare jinja2 render of as many pages as the output has, each
  as many bytes long as one of them, in as many processes as the build's
  ``--jobs``; the build without its search stage is set beside it;
- Pagefind alone: one Pagefind run over all the pages the full build gave
  its search parts (the same pages, in one tree), set beside the build's
  search stage.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.trees import same_tree  # noqa: E402  (the suite's comparison of two outputs, byte for byte)
BUILD = [sys.executable, "-m", "generator", "build", "--site", str(ROOT), "--timings"]
# the same build, recording the pages it gives each search part (``search_pages``)
RECORDED = [sys.executable, str(ROOT / "scripts" / "recorded_build.py"), "build", "--site", str(ROOT), "--timings"]
SEARCH_STAGE = "search index"


def synthetic_data(dest: Path, count: int) -> None:
    """``count`` department-years: the bundled ones, then copies of them under new department names."""
    src = ROOT / "data"
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("disclosures"))
    originals = sorted((src / "disclosures").glob("*/*/*"))
    for n in range(count):
        folder = originals[n % len(originals)]
        copy = n // len(originals)
        region, dept, edition = folder.parts[-3:]
        target = dest / "disclosures" / region / (f"{dept}-{copy}" if copy else dept) / edition
        shutil.copytree(folder, target, copy_function=os.link)
        if copy:
            meta_path = target / "disclosure.json"
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            meta["department"] += f"（{copy}）"
            meta["department_slug"] += f"-{copy}"
            meta_path.unlink()                     # a new file, not a write through the hard link
            meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _pss(pid: int) -> int:
    """A process's proportional memory: its own pages, and its share of pages it shares (a forked worker
    shares most of its parent's), so that the sum over processes is the memory they use together."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _tree_rss(pid: int) -> int:
    """Memory of a process and all its descendants together (the sum of their PSS), in bytes."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += _pss(p)
        todo += children.get(p, [])
    return total


def run(args: list[str]) -> tuple[float, int, list[str]]:
    """Seconds, peak memory of the process tree, and what the build printed (its summary line first, then
    the seconds of each of its stages)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{out[-2000:]}")
    said = [x for x in out.splitlines() if x.startswith("built ") or x.startswith("  ")]
    return seconds, peak, said


def size(folder: Path) -> tuple[int, int, int, int]:
    """Files and bytes in all, and without the shared assets."""
    files = total = own_files = own = 0
    for p in folder.rglob("*"):
        if p.is_file():
            n = p.stat().st_size
            files, total = files + 1, total + n
            if not p.relative_to(folder).as_posix().startswith("assets/"):
                own_files, own = own_files + 1, own + n
    return files, total, own_files, own


def _floor_template():
    import jinja2

    return jinja2.Environment(autoescape=True).from_string(
        "<!doctype html><html lang=zh-CN><title>{{ t }}</title><table><caption>{{ t }}</caption>"
        "{% for r in rows %}<tr><th>{{ r.label }}</th><td>{{ r.a }}</td><td>{{ r.b }}</td><td>{{ r.c }}</td>"
        "<td>{{ r.d }}</td></tr>{% endfor %}</table>")


_FLOOR: dict = {}


def _floor_part(start: int) -> None:
    """Render every ``jobs``-th page from ``start`` (in a forked process: the template and rows are its parent's)."""
    template, data, per_row, sizes, jobs = (_FLOOR[k] for k in ("template", "data", "per_row", "sizes", "jobs"))
    for n in range(start, len(sizes), jobs):
        template.render(t=f"部门 {n}", rows=data[:max(1, round(sizes[n] / per_row))])


def jinja_floor(out: Path, jobs: int) -> tuple[float, int, int]:
    """A bare jinja2 render of the same pages: one for each HTML page in ``out``, as many bytes long, in
    ``jobs`` processes (forked, as the build's workers are).

    Each page is one template with a table: a row label and four figures per
    row, each escaped, about as many expressions per byte as a money table.
    Returns the seconds, the pages and their bytes.
    """
    import multiprocessing

    template = _floor_template()
    sizes = [p.stat().st_size for p in out.rglob("*.html")]
    data = [{"label": f"一般公共服务支出{i}", "a": f"{i * 3.7:,.2f}", "b": f"{i * 1.1:,.2f}", "c": f"{i:,}",
             "d": f"{i % 97}.0%"} for i in range(max(sizes) // 50 + 1)]
    probe = 1000
    per_row = len(template.render(t="部门", rows=data[:probe]).encode()) / probe
    _FLOOR.update(template=template, data=data, per_row=per_row, sizes=sizes, jobs=jobs)
    start = time.perf_counter()
    if jobs == 1:
        _floor_part(0)
    else:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            pool.map(_floor_part, range(jobs))
    return time.perf_counter() - start, len(sizes), sum(sizes)


def stage_seconds(said: list[str]) -> dict[str, float]:
    """The seconds of each stage a ``--timings`` build printed (stages named alike summed)."""
    out: dict[str, float] = {}
    for text in said:
        if not text.startswith("  "):
            continue
        seconds, _, name = text.strip().partition(" s  ")
        try:
            out[name] = out.get(name, 0.0) + float(seconds)
        except ValueError:
            continue
    return out


def search_seconds(said: list[str]) -> float:
    return sum(v for k, v in stage_seconds(said).items() if k.startswith(SEARCH_STAGE))


def pagefind_alone(record: Path, out: Path, scratch: Path) -> tuple[float, int]:
    """One Pagefind run over every page the build gave its search parts (``record``: the lines
    ``site path<TAB>file`` that ``recorded_build.py`` wrote: a staging file gone since is the output's
    file of that path), in one tree.  Returns the seconds and pages."""
    from pagefind_bin_extended import get_executable

    tree, index = scratch / "tree", scratch / "index"
    pages = dict(line.split("\t", 1) for line in record.read_text(encoding="utf-8").splitlines() if line)
    for path, source in pages.items():
        target = tree / path
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(source if os.path.exists(source) else out / path, target)
    start = time.perf_counter()
    subprocess.run([str(get_executable()), "--site", str(tree), "--output-path", str(index), "--quiet"],
                   check=True, capture_output=True)
    seconds = time.perf_counter() - start
    shutil.rmtree(scratch)
    return seconds, len(pages)


def line(label: str, seconds: float, peak: int, said: list[str], stages: bool = False) -> None:
    """A measurement; with ``stages``, the seconds of each stage of the build under it."""
    summary = next((x for x in said if x.startswith("built ")), "")
    print(f"  {label:44} {seconds:8.1f} s  {peak / 2**30:5.2f} GB peak  {summary}", flush=True)
    if stages:
        for stage in said:
            if stage.startswith("  "):
                print(f"      {stage.strip()}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", type=Path, help="keep the data and output under this folder")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="budgetsite-bench-"))
    try:
        for n in args.sizes:
            print(f"{n} department-years", flush=True)
            data, out = base / f"data-{n}", base / f"out-{n}"
            for p in (data, out):
                shutil.rmtree(p, ignore_errors=True)
            start = time.perf_counter()
            synthetic_data(data, n)
            print(f"  {'make the data':44} {time.perf_counter() - start:8.1f} s", flush=True)
            cache = base / f"cache-{n}"                   # each full build starts from an empty build cache
            record = base / f"search-pages-{n}.tsv"
            full: dict[int, list[str]] = {}
            for jobs in args.jobs:
                for p in (out, cache, record):
                    shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
                last = jobs == max(args.jobs)
                command = (RECORDED if last else BUILD) + ["--data", str(data), "--out", str(out),
                                                            "--cache", str(cache), "--jobs", str(jobs)]
                os.environ["BUDGETSITE_RECORD_SEARCH"] = str(record)
                seconds, peak, said = run(command)
                del os.environ["BUDGETSITE_RECORD_SEARCH"]
                full[jobs] = said
                line(f"full build, --jobs {jobs}", seconds, peak, said, stages=last)
            files, total, own_files, own = size(out)
            print(f"  {'output':44} {total / 1e6:8.1f} MB in {files:,} files; without assets/: "
                  f"{own / n / 1024:.1f} KB and {own_files / n:.1f} files per department-year", flush=True)
            jobs = max(args.jobs)
            again = BUILD + ["--data", str(data), "--out", str(out), "--cache", str(cache), "--jobs", str(jobs)]
            seconds, peak, said = run(again)
            line(f"rebuild, nothing changed (--jobs {jobs})", seconds, peak, said)
            synthetic_data_add_one(data)
            seconds, peak, said = run(again)
            line("rebuild after adding one (a new department)", seconds, peak, said, stages=True)
            synthetic_data_add_year(data)
            seconds, peak, said = run(again)
            line("rebuild after adding one (a known department)", seconds, peak, said, stages=True)
            if n == min(args.sizes):
                fresh = base / f"fresh-{n}"
                shutil.rmtree(fresh, ignore_errors=True)
                run(BUILD + ["--data", str(data), "--out", str(fresh), "--cache", str(base / "cache-fresh"),
                             "--jobs", str(jobs)])
                print(f"  {'incremental output = full build output':44} {same_tree(out, fresh)}", flush=True)
                shutil.rmtree(fresh)
                shutil.rmtree(base / "cache-fresh")
            if n == min(args.sizes):
                seconds, peak, said = ci_rebuild(data, base / f"ci-{n}", jobs)
                line("CI: fresh checkout + cache restored, one added", seconds, peak, said, stages=True)
            for jobs in args.jobs:
                floor, pages, bytes_ = jinja_floor(out, jobs)
                stages = stage_seconds(full[jobs])
                whole = sum(stages.values())
                without = whole - search_seconds(full[jobs])
                print(f"  {f'bare jinja2 floor, {jobs} processes':44} {floor:8.1f} s  ({pages:,} pages, "
                      f"{bytes_ / 1e6:,.1f} MB, each as long as one of the output's)", flush=True)
                print(f"  {f'build without search, --jobs {jobs}':44} {without:8.1f} s  = {without / floor:.2f} × the "
                      f"floor (its stages: {whole:.1f} s in all)", flush=True)
            alone, indexed = pagefind_alone(record, out, base / f"pagefind-{n}")
            ours = search_seconds(full[max(args.jobs)])
            print(f"  {'Pagefind alone over the same search pages':44} {alone:8.1f} s  ({indexed:,} pages); the "
                  f"build's search stage {ours:.1f} s = {ours / alone:.2f} ×", flush=True)
            if not args.keep:
                for p in (data, out, cache):
                    shutil.rmtree(p)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    return 0


def _checkout(data: Path, target: Path) -> None:
    """``data`` copied as a CI checkout makes it: every file a new one (new inode, modification time now)."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(data, target, copy_function=shutil.copyfile)


def ci_rebuild(data: Path, ci: Path, jobs: int) -> tuple[float, int, list[str]]:
    """The build of a CI run after the commit that adds one disclosure.  The run before it checked out the
    data and built, and its cache action archived the build cache and the output; this run checks out the
    data again (with one disclosure more), restores the archive and builds.  Returns ``run``'s figures."""
    shutil.rmtree(ci, ignore_errors=True)
    ci.mkdir(parents=True)
    checkout, out, cache, archive = ci / "data", ci / "output", ci / "cache", ci / "cache.tar"
    command = BUILD + ["--data", str(checkout), "--out", str(out), "--cache", str(cache), "--jobs", str(jobs)]
    _checkout(data, checkout)
    run(command)
    subprocess.run(["tar", "-cf", str(archive), "-C", str(ci), "cache", "output", ".output.prev"], check=True)
    for kept in (out, cache, ci / ".output.prev"):
        shutil.rmtree(kept)
    _checkout(data, checkout)
    synthetic_data_add_year(checkout, 2025)
    subprocess.run(["tar", "-xf", str(archive), "-C", str(ci)], check=True)
    found = run(command)
    shutil.rmtree(ci)
    return found


def synthetic_data_add_year(data: Path, year: int = 2024) -> None:
    """One more department-year of a department the site has: its next year, as a new import adds it."""
    src = data / "disclosures" / "luohe" / "renminzhengfubangongshi" / "2023-budget"
    target = src.parent / f"{year}-budget"
    shutil.copytree(src, target, copy_function=os.link)
    meta_path = target / "disclosure.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["year"] = year
    meta_path.unlink()
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def synthetic_data_add_one(data: Path) -> None:
    """One more department-year: a copy of a bundled one under a department name not used yet, entered in
    the registry as ``budgetsite import`` enters a department new to the site."""
    src = data / "disclosures" / "zhengzhou" / "renminzhengfubangongting" / "2020-budget"
    target = data / "disclosures" / "zhengzhou" / "renminzhengfubangongting-new" / "2020-budget"
    shutil.copytree(src, target, copy_function=os.link)
    meta_path = target / "disclosure.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["department"] += "（新增）"
    meta["department_slug"] += "-new"
    meta_path.unlink()
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    registry = data / "registry.yaml"
    if registry.is_file():
        with open(registry, "a", encoding="utf-8") as fh:
            fh.write(f"- name: {meta['department']}\n  region: {meta['region']}\n  slug: {meta['department_slug']}\n"
                     "  aliases: []\n  predecessors: []\n")


if __name__ == "__main__":
    raise SystemExit(main())
