"""Static assets: the theme's files (a site may replace any in its static/ folder) and plotly's
bundle, each published under a content-hashed name so that browsers may cache it for good."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from generator.core.errors import BudgetsiteError
from generator.site import THEME
from generator.site.shared import urls


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
    digest = hashlib.sha256(data).hexdigest()[:10]
    stem, dot, ext = name.partition(".")
    return f"{stem}.{digest}.{ext}" if dot else f"{name}.{digest}"


@dataclass
class Assets:
    sources: dict[str, Path]      # name -> file
    urls: dict[str, str]          # name -> published path (assets/site.0123456789.css)
    files: dict[str, bytes]       # published path -> bytes


def collect_assets(site_dir: Path) -> Assets:
    sources = asset_sources(site_dir)
    assets = Assets(sources, {}, {})
    for name, path in sources.items():
        data = path.read_bytes()
        target = urls.asset(hashed_name(name, data))
        assets.urls[name] = target
        assets.files[target] = data
    return assets
