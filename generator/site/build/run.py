"""``budgetsite build``: the data directory in, the static site out.

This module only orchestrates, in two stages:

1. **Units** (``generator.site.build.units``): each disclosure folder is loaded,
   audited, rendered and written on its own, in ``jobs`` processes; what
   the rest of the site needs comes back as a light view.  A folder whose
   content key is that of the last build is not loaded at all: its files
   stay in the previous output and its view comes from the build cache.
2. **The site**: the model of regions, departments, years, glossary and
   comparisons is made from the light views; its pages are rendered when
   their fingerprint changed (kept in the previous output otherwise);
   the site-wide tidy files are the units' chunks end to end; then assets,
   feeds and the search index.

What is made goes into a staging folder that moves into the output at the
end (``output.writer``): a failed build leaves the previous output
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
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from generator.core.errors import BudgetsiteError
from generator.core.folders import hold
from generator.core.progress import SILENT, Progress
from generator.site.pages import render
from generator.site.build import units
from generator.site.shared.config import load_config
from generator.site.model.site import site_model
from generator.site.build import feeds, manifest, opendata, search
from generator.site.build.parquet import write_parquet
from generator.site.build.assets import collect_assets
from generator.site.build.writer import Staging, guard
from generator.site.pages import Inputs, load_content, page_map
from generator.store.cache import cannot_write, default_dir, read_json_entry, usable, write_json_entry
from generator.store.layout import DISCLOSURES, SOURCES, begun, disclosure_folders, source_files
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
    """Build the site of ``data_dir`` into ``out``, replacing it whole (``output.writer``): refused when
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
    inputs = Inputs(None, load_content(site_dir / "content"), config, assets.sources, data_dir)
    common = manifest.common_fingerprint(site_dir, inputs, assets.urls)      # what every output reads
    site_common = manifest.site_fingerprint(common, data_dir)                # and the registry, for the site
    previous = manifest.read_manifest(out)
    env = render.environment(site_dir)
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
        keys = {f: units.unit_key(common, digests[f], digests[pairs[f]] if pairs[f] else None) for f in folders}
        clock.mark("hash inputs")
        done = previous.get("built")
        if use_cache and previous.get("common") == site_common and previous.get("units") == keys and done:
            # nothing the output was made from has changed: it is this build's output already
            _save_memo(memo_file, memo, root)
            size = done["bytes"] + (out / manifest.MANIFEST).stat().st_size
            clock.mark("nothing changed")
            return BuildResult(out.resolve(), done["pages"], 0, done["pages"], done["files"], size, clock.stages)
        # what the build keeps in its cache about this output: its listing, its units' results, its tidy layouts
        kept = cache_dir / "outputs" / hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:24]
        with _held(), Staging(out, kept / "listing.json") as staging:
            render.start(env, inputs, assets.urls)
            units.start(data_dir, staging.dir, cache_dir)
            results: dict[str, units.UnitResult] = {}
            strings: dict[str, str] = {}
            todo = []
            old_units = previous.get("units", {})
            with _no_collection():
                known = units.load_results(kept) if old_units else {}
                known_keys = set(known)
                present = units.cached_names(cache_dir) if old_units else set()
                for f in folders:
                    found = units.get(cache_dir, keys[f], known, present) if old_units.get(f) == keys[f] else None
                    if found is not None and staging.link_from_previous(found.files):
                        results[f] = units.shared(found, strings)
                    else:
                        todo.append((f, keys[f], pairs[f]))
                known = {}                       # what the last build had and this one has not goes now
            gc.freeze()
            clock.mark("reuse unchanged disclosures")
            progress.stage("progress.units", len(todo))
            for result in _map(units.build_unit, todo, jobs):
                results[result.folder] = units.shared(result, strings)
                staging.keep(result.files)
                progress.advance()
            built_units = len(todo)
            clock.mark("build disclosures")

            published = {s.name for r in results.values() for s in r.view.data.sources} & set(source_files(data_dir))
            with _no_collection():
                model = site_model([results[f].view for f in folders], registry, published, config.regions)
            gc.freeze()
            shard_names = search.shard_names(len(folders))
            model.search_shards = search.shards_in_use(shard_names, folders)
            inputs = replace(inputs, model=model)
            downloads = {}
            unit_keys = [keys[f] for f in folders]
            for name, fields in units.TIDY.items():
                downloads[opendata.tidy_path(name)] = opendata.write_tidy(
                    staging, name, fields, unit_keys, partial(units.chunk, cache_dir, name=name),
                    kept / f"{name}.layout")
                downloads[opendata.parquet_path(name)] = write_parquet(
                    staging.dir / opendata.tidy_path(name), opendata.TABLES[name][0],
                    staging.new_path(opendata.parquet_path(name)))
            site_files = opendata.site_files(model)
            for path, data in site_files.items():
                staging.write(path, data)
                downloads[path] = len(data)
            model.downloads = downloads
            for name in sorted(published):
                staging.link_file(data_dir / SOURCES / name, f"open-data/sources/{name}")
            clock.mark("site model and open data")

            pages = page_map(inputs)
            prints = manifest.fingerprints(pages, common, keys)
            old_pages = previous.get("pages", {})
            todo_pages = [p for p in pages
                          if old_pages.get(p.path) != prints[p.path] or not staging.link_from_previous([p.path])]
            clock.mark("page fingerprints")
            render.start(env, inputs, assets.urls)
            progress.stage("progress.pages", len(todo_pages))
            try:
                # in this process: workers forked now would each copy much of the site's model (the views of
                # every department-year) as they read it; at 10,000 that was the build's peak of memory,
                # for a stage of a few seconds
                for path, data in _map(render.render, todo_pages, 1):
                    staging.write(path, data)
                    progress.advance()
            finally:
                render.stop()
            clock.mark("render site pages")
            for path, data in assets.files.items():
                staging.write(path, data)
            staging.write("robots.txt", feeds.robots(config))
            staging.write("feed.xml", feeds.atom(config, model))
            if config.base_url:
                listed = [p.path for p in pages if p.listed] + [r.view.url for r in results.values()]
                staging.write("sitemap.xml", feeds.sitemap(config, sorted(listed)))
            shards = search.members(shard_names, pages, prints,
                                    [(f, results[f].view.url, keys[f]) for f in folders])
            found = {name: search.fingerprint(common, members) for name, members in shards.items()}
            old_search = previous.get("search") if isinstance(previous.get("search"), dict) else {}
            stale = [name for name in shards if old_search.get(name) != found[name]
                     or not staging.link_tree_from_previous(f"{search.SEARCH_DIR}/{name}")]
            clock.mark("assets and feeds")
            if use_cache:
                units.keep_results(kept, [results[f] for f in folders], known_keys)
                clock.mark("keep the units' results")
            # the search indexer runs beside this process: let go of the model and the views first
            counts = (len(pages) + len(folders), len(todo_pages) + built_units,
                      len(pages) - len(todo_pages) + len(folders) - built_units)
            del model, inputs, results, pages, todo_pages
            gc.unfreeze()
            gc.collect()
            progress.stage("progress.search", len(stale))
            search.index_shards({name: ({path: units.search_path(cache_dir, key) if key else staging.current(path)
                                         for path, _, key in shards[name]},
                                        staging.fresh_tree(f"{search.SEARCH_DIR}/{name}"))
                                 for name in stale}, jobs)
            progress.advance(len(stale))
            clock.mark(f"search index ({len(stale)} of {len(shards)} parts)")
            staging.publish(lambda files, size: manifest.manifest_bytes(
                prints, keys, found, site_common, {"pages": counts[0], "files": files, "bytes": size}))
            clock.mark("publish (move in, remove what is gone)")
        if use_cache:
            _save_memo(memo_file, memo, root)
            clock.mark("keep file hashes")
    return BuildResult(staging.out, *counts, staging.files, staging.bytes, clock.stages)


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


def _map(func, items: list, jobs: int):
    """``func`` over ``items`` in order; in ``jobs`` processes forked with the state already set."""
    if jobs > 1 and len(items) > 1:
        ctx = multiprocessing.get_context("fork")
        # what the parent holds (the views of the units it reused) is shared with the workers until written
        # to; frozen, the workers' garbage collections do not write to it, so it is not copied into each
        # (``_held`` lets go of them at the end of the build)
        gc.freeze()
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
            yield from pool.map(func, items, chunksize=max(1, min(32, len(items) // (jobs * 8) or 1)))
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
