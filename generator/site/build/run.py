"""``budgetsite build``: the data directory in, the static site out.

This module only orchestrates, in two stages:

1. **Units** (``generator.site.build.units``): each disclosure folder is loaded,
   audited, rendered and written on its own, in ``jobs`` processes; what
   the rest of the site needs comes back as a light view.  A folder whose
   content key is that of the last build is not loaded at all: its files
   stay in the previous output and its view comes from the build cache.
2. **The site**: the model of regions, departments, years, glossary and
   comparisons is made from the light views; then each site-wide output of
   ``outputs.OUTPUTS`` is written in turn from one ``state.SiteBuild``: the
   open data (the site-wide tidy files are the units' chunks end to end),
   the source documents, the pages (rendered when their fingerprint changed,
   kept from the previous output otherwise), assets, feeds and the search
   index.

What is made goes into a staging folder that moves into the output at the
end (``writer``): a failed build leaves the previous output
untouched, and an incremental build gives the same bytes as a full one.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.core.errors import BudgetsiteError
from generator.core.folders import hold
from generator.core.progress import SILENT, Progress
from generator.site.build import manifest, search, units
from generator.site.build.assets import collect_assets
from generator.site.build.outputs import OUTPUTS
from generator.site.build.state import SiteBuild
from generator.site.build.writer import Staging, guard
from generator.site.model.site import site_model
from generator.site.pages import Setting, load_content
from generator.site.pages.render import Renderer, environment
from generator.site.shared.config import load_config
from generator.store.cache import cannot_write, default_dir, read_json_entry, usable, write_json_entry
from generator.store.layout import DISCLOSURES, begun, disclosure_folders, source_files
from generator.store.schema import unsafe_paths
from generator.store.registry import load as load_registry


@dataclass
class BuildResult:
    out: Path
    pages: int
    rendered: int
    reused: int
    files: int
    bytes: int
    timings: dict[str, float]                # seconds per stage, in the order they ran (``build --timings``)
    disclosures: int = 0                     # the department-years the data holds (none: a site just begun)


class _Clock:
    """Wall time per stage of a build: ``mark(name)`` closes the stage that ran since the last mark."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.stages: dict[str, float] = {}

    def mark(self, name: str) -> None:
        now = time.perf_counter()
        self.stages[name] = self.stages.get(name, 0.0) + now - self.last
        self.last = now


def build(site_dir: Path, data_dir: Path, out: Path, base_url: str | None = None, jobs: int = 1,
          cache: Path | None = None, use_cache: bool = True, progress: Progress = SILENT) -> BuildResult:
    """Build the site of ``data_dir`` into ``out``, replacing it whole (``writer``): refused when
    ``out`` is not a folder the build may replace; one build at a time beside the same output.  ``progress``
    is told of each disclosure built and each page rendered."""
    guard(out, {"the data": data_dir, "the site's folder": site_dir, "the folder the build runs in": Path.cwd()},
          {"the data": data_dir, "the site's templates": site_dir / "templates",
           "the site's content": site_dir / "content"})
    try:
        out.resolve().parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BudgetsiteError(f"cannot make the folder of --out {out}: {exc.strerror or exc}") from None
    with hold(out.resolve().parent, "this build"):
        guard(out, {}, {})            # the folder may have changed while the build waited
        try:
            return _build(site_dir, data_dir, out, base_url, jobs, cache, use_cache, progress)
        except OSError as exc:
            # a full or read-only disk, a folder removed underneath: the staging folder is gone with the error
            where = f" ({exc.filename})" if exc.filename else ""
            raise BudgetsiteError(f"cannot write the site: {exc.strerror or exc}{where}; the previous site "
                                  f"at {out} is unchanged") from None


def _build(site_dir: Path, data_dir: Path, out: Path, base_url: str | None, jobs: int,
           cache: Path | None, use_cache: bool, progress: Progress) -> BuildResult:
    clock = _Clock()
    unsafe = unsafe_paths(data_dir)
    if unsafe:
        raise BudgetsiteError(f"the data folder holds what a build must not read or publish ({len(unsafe)}): "
                              + "; ".join(unsafe[:5]) + ("; …" if len(unsafe) > 5 else "")
                              + " (budgetsite check lists them all)")
    config = load_config(site_dir, base_url)
    root = (data_dir / DISCLOSURES).resolve()
    folders = disclosure_folders(data_dir)
    if not folders and not begun(data_dir):
        raise BudgetsiteError(f"{data_dir}: no disclosures to build (import documents first: budgetsite import FILE; "
                              f"a new site starts with budgetsite init)")
    registry = load_registry(data_dir)
    assets = collect_assets(site_dir)
    setting = Setting(load_content(site_dir / "content"), config, assets.sources, data_dir)
    common = manifest.common_fingerprint(site_dir, setting, assets.urls)     # what every output reads
    site_common = manifest.site_fingerprint(common, data_dir)                # and the registry, for the site
    previous = manifest.read_manifest(out)
    renderer = Renderer(environment(site_dir), assets.urls)
    with tempfile.TemporaryDirectory(prefix="budgetsite-build-") as scratch:
        cache_dir = (cache or default_dir()) / "build" if use_cache else Path(scratch)
        if use_cache and not usable(cache_dir, "the build cache", "the build"):
            cache_dir = Path(scratch)            # the same build, without what earlier builds kept
        memo_file = cache_dir / "digests.json"
        with _no_collection():
            memo = units.Memo(_load_memo(memo_file), set())
            digests = units.folder_digests(root, folders, memo)
        known = set(folders)
        pairs = {f: units.pair_of(f, known) for f in folders}
        before = {f: units.previous_of(f, known) for f in folders}
        keys = {f: units.unit_key(common, digests[f], digests[pairs[f]] if pairs[f] else None,
                                  digests[before[f]] if before[f] else None) for f in folders}
        clock.mark("hash inputs")
        done = previous.get("built")
        if use_cache and previous.get("common") == site_common and previous.get("units") == keys and done:
            # nothing the output was made from has changed: it is this build's output already
            _save_memo(memo_file, memo, root)
            size = done["bytes"] + (out / manifest.MANIFEST).stat().st_size
            clock.mark("nothing changed")
            return BuildResult(out.resolve(), done["pages"], 0, done["pages"], done["files"], size, clock.stages,
                               len(folders))
        # what the build keeps in its cache about this output: its listing, its units' results, its tidy layouts
        kept = cache_dir / "outputs" / hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:24]
        # the mirror of the output is a kind of cache: kept only where the build cache is
        with _held(), Staging(out, kept / "listing.json", mirror=cache_dir != Path(scratch)) as staging:
            work = units.Units(data_dir, staging.dir, cache_dir, renderer, setting)
            results: dict[str, units.UnitResult] = {}
            strings: dict[str, str] = {}
            todo = []
            old_units = previous.get("units", {})
            with _no_collection():
                known = units.load_results(kept) if old_units else {}
                known_keys = set(known)
                present = units.cached_names(cache_dir) if old_units else set()
                for f in folders:
                    found = work.get(keys[f], known, present) if old_units.get(f) == keys[f] else None
                    if found is not None and staging.link_from_previous(found.files):
                        results[f] = units.shared(found, strings)
                    else:
                        todo.append((f, keys[f], pairs[f], before[f]))
                known = {}                       # what the last build had and this one has not goes now
            gc.freeze()
            clock.mark("reuse unchanged disclosures")
            progress.stage("progress.units", len(todo))
            for result in _map(work.build, todo, jobs):
                results[result.folder] = units.shared(result, strings)
                staging.keep(result.files)
                progress.advance()
            built_units = len(todo)
            clock.mark("build disclosures")
            if use_cache:
                units.keep_results(kept, [results[f] for f in folders], known_keys)
                clock.mark("keep the units' results")

            published = {s.name for r in results.values() for s in r.view.data.sources} & set(source_files(data_dir))
            with _no_collection():
                model = site_model([results[f].view for f in folders], registry, published, config.regions)
            gc.freeze()
            search_names = search.shard_names(len(folders))
            site = SiteBuild(config, setting, model, folders, keys, {f: results[f].view.url for f in folders},
                             published, common, previous, work, kept, assets, renderer, search_names,
                             search.shards_in_use(search_names, folders), jobs, progress)
            del model, results          # the site holds the model and its views now, and lets go of them (``let_go``)
            clock.mark("site model")
            for output in OUTPUTS:
                detail = output.write(site, staging)
                clock.mark(output.name + (f" ({detail})" if detail else ""))
            pages = len(site.prints)
            counts = (pages + len(folders), site.rendered + built_units, pages - site.rendered + len(folders) - built_units)
            staging.publish(lambda files, size: manifest.manifest_bytes(
                site.prints, keys, site.search, site_common, {"pages": counts[0], "files": files, "bytes": size}))
            clock.mark("publish (move in, remove what is gone)")
        if use_cache:
            _save_memo(memo_file, memo, root)
            clock.mark("keep file hashes")
    return BuildResult(staging.out, *counts, staging.files, staging.bytes, clock.stages, len(folders))


@contextmanager
def _held():
    """A build's long-lived objects (the views, the model) are frozen (``gc.freeze``) once made, so that
    collections while pages are rendered do not walk them again and again (a third of the time of a
    rebuild after one new disclosure, at 10,000); they are unfrozen when the build ends, however it ends."""
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def _no_collection():
    """No garbage collection while many long-lived objects are made (the cached views, the site's model):
    each collection would walk all of them again, which made up most of the time of loading 10,000 views."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


# the function the worker processes of ``_map`` run: they are forked with it (it holds what they work with,
# which cannot be pickled: the templates' environment), and only the items are sent to them
_FORKED: list = []


def _call(item):
    return _FORKED[0](item)


def _map(func, items: list, jobs: int):
    """``func`` over ``items`` in order; in ``jobs`` processes forked with ``func`` and what it holds."""
    if jobs > 1 and len(items) > 1:
        ctx = multiprocessing.get_context("fork")
        # what the parent holds (the views of the units it reused) is shared with the workers until written
        # to; frozen, the workers' garbage collections do not write to it, so it is not copied into each
        # (``_held`` lets go of them at the end of the build)
        gc.freeze()
        _FORKED[:] = [func]
        try:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
                yield from pool.map(_call, items, chunksize=max(1, min(32, len(items) // (jobs * 8) or 1)))
        finally:
            _FORKED.clear()
    else:
        for item in items:
            yield func(item)


def _load_memo(path: Path) -> dict:
    """The folder hashes ``_save_memo`` kept, as ``units.Memo`` holds them; empty when there are none (or they
    are damaged: ``store.cache``)."""
    return read_json_entry(path, restore=_memo) or {}


def _memo(found: dict) -> dict[str, tuple]:
    """The memo as ``_save_memo`` keeps it (each folder's stamps in one flat list: a third faster to read than
    a list of lists) back into its tuples: folder -> (((file, size, time, inode), …), hash)."""
    out = {}
    for folder, (stamps, digest) in found.items():
        if type(digest) is not str or len(stamps) % 4:
            raise ValueError("not a folder's stamps and hash")
        it = iter(stamps)
        out[folder] = (tuple(zip(it, it, it, it)), digest)
    return out


def _save_memo(path: Path, memo: units.Memo, root: Path) -> None:
    """Keep the hashes of this data directory's folders as this build saw them (other data directories'
    entries are kept too, up to a bound); nothing is written when nothing changed."""
    mine = str(root) + os.sep
    stale = [k for k in memo.hashes if k.startswith(mine) and k not in memo.seen]
    if not memo.changed and not stale:
        return
    kept = {k: v for k, v in memo.hashes.items() if k in memo.seen}
    others = [k for k in memo.hashes if not k.startswith(mine)][-50_000:]
    kept.update((k, memo.hashes[k]) for k in others)
    try:
        write_json_entry(path, {k: [[x for stamp in stamps for x in stamp], digest]
                                for k, (stamps, digest) in kept.items()})
    except OSError as exc:        # a memo that cannot be kept only costs time on the next build
        cannot_write("the build cache", path.parent, exc, "the build")
