"""``budgetsite build``: render the site into a temporary folder, then swap it in.

A failed build (bad data, a template error) leaves the previous output
untouched.  Two builds of the same input are byte-identical: nothing
depends on the clock, the file system order or the machine.  Pages are
rendered independently (in parallel with ``--jobs``), and a page whose
inputs did not change since the last build is copied from it instead of
being rendered again (``.budgetsite-manifest.json`` records the inputs).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator.core.errors import BudgetsiteError
from generator.site import urls
from generator.site.output import feeds, opendata
from generator.site.config import SiteConfig, load_config
from generator.site.formatting import wan
from generator.site.model import COMPARISONS, SiteModel, load_site
from generator.site.pages import BUILDERS, Content, Page, load_content, page_map

THEME = Path(__file__).resolve().parent / "theme"
MANIFEST = ".budgetsite-manifest.json"


@dataclass
class BuildResult:
    out: Path
    pages: int
    rendered: int
    reused: int
    files: int
    bytes: int


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _plotly_bundle() -> Path:
    import plotly

    path = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise BudgetsiteError(f"plotly's bundle is missing from the installed package (expected {path})")
    return path


def asset_sources(site_dir: Path) -> dict[str, Path]:
    """Static files by name; a site may override any of them in its own static/ folder."""
    names = {p.name: p for p in sorted((THEME / "static").iterdir()) if p.is_file()}
    own = site_dir / "static"
    if own.is_dir():
        names.update({p.name: p for p in sorted(own.iterdir()) if p.is_file()})
    names["plotly.min.js"] = _plotly_bundle()
    return names


def hashed_name(name: str, data: bytes) -> str:
    stem, dot, ext = name.partition(".")
    return f"{stem}.{_digest(data)[:10]}.{ext}" if dot else f"{name}.{_digest(data)[:10]}"


def environment(site_dir: Path) -> jinja2.Environment:
    loaders = []
    if (site_dir / "templates").is_dir():
        loaders.append(jinja2.FileSystemLoader(str(site_dir / "templates")))
    loaders.append(jinja2.FileSystemLoader(str(THEME / "templates")))
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=jinja2.select_autoescape(["html"]),
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.globals["money"] = lambda yuan: wan(yuan, 2)
    env.globals["source_page"] = urls.source_document
    return env


def template_fingerprint(site_dir: Path) -> str:
    h = hashlib.sha256()
    for folder in (THEME / "templates", site_dir / "templates"):
        if folder.is_dir():
            for p in sorted(folder.rglob("*")):
                if p.is_file():
                    h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


# --- rendering (runs in worker processes when --jobs > 1) ----------------------------------------

_STATE: dict = {}


def _render(page: Page) -> tuple[str, bytes]:
    env, model, content, site, assets, extra = (_STATE[k] for k in ("env", "model", "content", "site", "assets", "extra"))
    ctx = BUILDERS[page.build](model, content, page, site)
    ctx.update(extra.get(page.path, {}))
    ctx.setdefault("charts", page.charts)
    ctx.setdefault("crumbs", [])
    ctx.setdefault("section", "")
    ctx.setdefault("description", site.description)
    ctx["site"] = site
    ctx["page"] = page.path
    ctx["assets"] = assets
    ctx["canonical"] = urls.absolute(site.base_url, page.path)
    ctx["rel"] = lambda to, _from=page.path: urls.relative(_from, to)
    try:
        html = env.get_template(page.template).render(ctx)
    except jinja2.TemplateSyntaxError as exc:
        raise BudgetsiteError(f"{exc.filename or exc.name}:{exc.lineno}: template error: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise BudgetsiteError(f"{page.template}: cannot render {page.path}: {exc}") from None
    return page.path, html.encode("utf-8")


# --- the build -------------------------------------------------------------------------------------

def _size(n: int) -> str:
    return f"{n / 1024:.1f} KB" if n >= 1024 else f"{n} B"


def build(site_dir: Path, data_dir: Path, out: Path, base_url: str | None = None, jobs: int = 1) -> BuildResult:
    site = load_config(site_dir, base_url)
    model = load_site(data_dir, site.regions)
    if not model.disclosures:
        raise BudgetsiteError(f"{data_dir}: no disclosures to build (import documents first: budgetsite import FILE)")
    content = load_content(site_dir / "content")
    env = environment(site_dir)
    pages = page_map(model, content)

    assets: dict[str, str] = {}
    asset_bytes: dict[str, bytes] = {}
    for name, path in asset_sources(site_dir).items():
        data = path.read_bytes()
        target = urls.asset(hashed_name(name, data))
        assets[name] = target
        asset_bytes[target] = data
    files = opendata.collect(model, data_dir)
    extra = {urls.open_data(): _open_data_context(model, files)}

    fingerprints = _fingerprints(pages, data_dir, site_dir, site, assets, content)
    previous = _read_manifest(out)
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        reused = []
        todo = []
        for p in pages:
            old = out / p.path
            if previous.get(p.path) == fingerprints[p.path] and old.is_file():
                reused.append(p)
            else:
                todo.append(p)
        _STATE.update(env=env, model=model, content=content, site=site, assets=assets, extra=extra)
        rendered: dict[str, bytes] = {}
        if jobs > 1 and len(todo) > 1:
            import multiprocessing

            ctx = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
                for path, data in pool.map(_render, todo, chunksize=8):
                    rendered[path] = data
        else:
            for p in todo:
                path, data = _render(p)
                rendered[path] = data
        written = 0
        for p in reused:
            _write(tmp / p.path, (out / p.path).read_bytes())
        for path, data in rendered.items():
            _write(tmp / path, data)
        not_found = env.get_template("404.html").render(
            site=site, inline_css=(THEME / "static" / "site.css").read_text(encoding="utf-8"),
            favicon_svg=asset_sources(site_dir)["favicon.svg"].read_text(encoding="utf-8").strip(),
            home_href=site.base_url or "index.html").encode("utf-8")
        _write(tmp / urls.not_found(), not_found)
        for path, data in {**asset_bytes, **files}.items():
            _write(tmp / path, data)
        _write(tmp / "robots.txt", feeds.robots(site))
        _write(tmp / "feed.xml", feeds.atom(site, model))
        if site.base_url:
            _write(tmp / "sitemap.xml", feeds.sitemap(site, [p.path for p in pages]))
        index_search(tmp)
        manifest = {"pages": {p.path: fingerprints[p.path] for p in pages}}
        _write(tmp / MANIFEST, (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode("utf-8"))
        for f in tmp.rglob("*"):
            if f.is_file():
                written += f.stat().st_size
        _swap(tmp, out)
    finally:
        _STATE.clear()
        if tmp.exists():
            shutil.rmtree(tmp)
    return BuildResult(out, len(pages), len(rendered), len(reused), len(files) + len(asset_bytes), written)


def index_search(site: Path) -> None:
    """Build the Pagefind index (extended build: it segments Chinese) into site/pagefind/."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        raise BudgetsiteError("the search indexer is missing: install budgetsite with its dependencies "
                              "(pagefind[extended])") from None
    result = subprocess.run([str(get_executable()), "--site", str(site), "--output-subdir", "pagefind", "--quiet"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise BudgetsiteError(f"search indexing failed: {(result.stderr or result.stdout).strip()[:500]}")


def _open_data_context(model: SiteModel, files: dict[str, bytes]) -> dict:
    def listing(prefix: str) -> list[tuple[str, str, str]]:
        return [(path[len(prefix):], path, _size(len(data))) for path, data in sorted(files.items())
                if path.startswith(prefix)]

    per = []
    for v in model.disclosures:
        prefix = urls.data_file(v.region_slug, v.department_slug, v.year, v.phase, "")
        per.append((v, [f for f in listing(prefix) if not f[0].startswith("normalised/")],
                    [f for f in listing(prefix) if f[0].startswith("normalised/")]))
    whole = listing("open-data/all/") + [(name.rsplit("/", 1)[-1], name, _size(len(files[name])))
                                         for name in (opendata.PACKAGE, opendata.ZIP)]
    return {"disclosure_files": per, "sources": [f for f in listing("open-data/sources/") if not f[0].endswith(".html")],
            "whole": whole}


def _fingerprints(pages: list[Page], data_dir: Path, site_dir: Path, site: SiteConfig, assets: dict,
                  content: Content) -> dict[str, str]:
    """What each page was rendered from: its data folders, the templates, the settings, the assets."""
    folder_hash: dict[str, str] = {}
    for folder in sorted((data_dir / "disclosures").glob("*/*/*")):
        h = hashlib.sha256()
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                h.update(p.relative_to(folder).as_posix().encode() + b"\0" + p.read_bytes())
        folder_hash[folder.relative_to(data_dir / "disclosures").as_posix()] = h.hexdigest()
    everything = _digest(json.dumps(folder_hash, sort_keys=True).encode())
    glossary = _digest(b"".join((data_dir / "disclosures" / f / "glossary.csv").read_bytes()
                                for f in sorted(folder_hash) if (data_dir / "disclosures" / f / "glossary.csv").is_file()))
    registry = data_dir / "registry.yaml"
    common = _digest(json.dumps([template_fingerprint(site_dir), repr(site), assets,
                                 _digest(registry.read_bytes()) if registry.is_file() else "",
                                 sorted((k, v[0], v[1]) for k, v in content.pages.items())],
                                sort_keys=True, ensure_ascii=False).encode())
    out = {}
    for p in pages:
        parts = [common, p.path, p.template, p.build, p.key]
        for i in p.inputs:
            parts.append(everything if i == "*" else glossary if i == "glossary" else
                         common if i == "content" else folder_hash.get(i, ""))
        out[p.path] = _digest("\0".join(parts).encode())
    return out


def _read_manifest(out: Path) -> dict[str, str]:
    try:
        return json.loads((out / MANIFEST).read_text(encoding="utf-8"))["pages"]
    except (OSError, ValueError, KeyError):
        return {}


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _swap(tmp: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = out.parent / f".{out.name}.old-{os.getpid()}"
        out.rename(old)
    tmp.rename(out)
    if old is not None:
        shutil.rmtree(old)
