"""``budgetsite build``: the data directory in, the static site out.

This module only orchestrates: read the settings and the data, build the
site model, list the pages, render those whose inputs changed (in parallel
with ``--jobs``), write the assets, open data, feeds and search index into
a staging folder, and swap it in.  A failed build leaves the previous
output untouched; two builds of the same input are byte-identical.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.core.errors import BudgetsiteError
from generator.site import render
from generator.site.config import load_config
from generator.site.model import site_model
from generator.site.output import feeds, manifest, opendata
from generator.site.output.assets import collect_assets
from generator.site.output.search import index_search
from generator.site.output.writer import Staging
from generator.site.pages import Inputs, load_content, page_map
from generator.store.read import load_all, load_sources
from generator.store.registry import load as load_registry


@dataclass
class BuildResult:
    out: Path
    pages: int
    rendered: int
    reused: int
    files: int
    bytes: int


def build(site_dir: Path, data_dir: Path, out: Path, base_url: str | None = None, jobs: int = 1) -> BuildResult:
    config = load_config(site_dir, base_url)
    disclosures = load_all(data_dir)
    if not disclosures:
        raise BudgetsiteError(f"{data_dir}: no disclosures to build (import documents first: budgetsite import FILE)")
    sources = load_sources(data_dir, [s.name for d in disclosures for s in d.sources])
    model = site_model(disclosures, load_registry(data_dir), sources, config.regions)
    assets = collect_assets(site_dir)
    inputs = Inputs(model, load_content(site_dir / "content"), config, assets.sources)
    files = opendata.collect(model, data_dir, sources)
    model.downloads = {path: len(data) for path, data in files.items()}
    pages = page_map(inputs)
    prints = manifest.fingerprints(pages, inputs, data_dir, site_dir, assets.urls)
    previous = manifest.read_manifest(out)
    env = render.environment(site_dir)
    with Staging(out) as staging:
        todo = []
        reused = 0
        for p in pages:
            old = staging.out / p.path
            if previous.get(p.path) == prints[p.path] and old.is_file():
                staging.write(p.path, old.read_bytes())
                reused += 1
            else:
                todo.append(p)
        render.start(env, inputs, assets.urls)
        try:
            for path, data in _render_all(todo, jobs):
                staging.write(path, data)
        finally:
            render.stop()
        for path, data in {**assets.files, **files}.items():
            staging.write(path, data)
        staging.write("robots.txt", feeds.robots(config))
        staging.write("feed.xml", feeds.atom(config, model))
        if config.base_url:
            staging.write("sitemap.xml", feeds.sitemap(config, [p.path for p in pages if p.listed]))
        index_search(staging.dir)
        staging.write(manifest.MANIFEST, manifest.manifest_bytes(prints))
        staging.publish()
    return BuildResult(staging.out, len(pages), len(todo), reused, len(files) + len(assets.files), staging.bytes)


def _render_all(pages: list, jobs: int):
    """Rendered pages as (path, bytes); in ``jobs`` processes forked with the inputs already set."""
    if jobs > 1 and len(pages) > 1:
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
            yield from pool.map(render.render, pages, chunksize=8)
    else:
        for p in pages:
            yield render.render(p)
