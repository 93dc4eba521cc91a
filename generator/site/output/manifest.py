"""What each page was rendered from, so that a rebuild renders only the pages whose inputs changed.

Fingerprints are content hashes (never file times: CI checkouts reset
them).  A page's fingerprint covers the data folders it reads, the
templates, the settings, the assets and the hand-written content; the
manifest of the last build is kept in the output as
``.budgetsite-manifest.json``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from generator.site import THEME
from generator.site.pages import CONTENT, EVERYTHING, GLOSSARY, Inputs, Page
from generator.store.layout import DISCLOSURES, REGISTRY
from generator.store.schema import GLOSSARY as GLOSSARY_CSV

MANIFEST = ".budgetsite-manifest.json"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def template_fingerprint(site_dir: Path) -> str:
    h = hashlib.sha256()
    for folder in (THEME / "templates", site_dir / "templates"):
        if folder.is_dir():
            for p in sorted(folder.rglob("*")):
                if p.is_file():
                    h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def fingerprints(pages: list[Page], inputs: Inputs, data_dir: Path, site_dir: Path,
                 asset_urls: dict[str, str]) -> dict[str, str]:
    """Each page's fingerprint, by its path."""
    root = data_dir / DISCLOSURES
    folder_hash: dict[str, str] = {}
    for folder in sorted(root.glob("*/*/*")):
        h = hashlib.sha256()
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                h.update(p.relative_to(folder).as_posix().encode() + b"\0" + p.read_bytes())
        folder_hash[folder.relative_to(root).as_posix()] = h.hexdigest()
    everything = _digest(json.dumps(folder_hash, sort_keys=True).encode())
    glossary = _digest(b"".join((root / f / GLOSSARY_CSV.name).read_bytes()
                                for f in sorted(folder_hash) if (root / f / GLOSSARY_CSV.name).is_file()))
    registry = data_dir / REGISTRY
    common = _digest(json.dumps([template_fingerprint(site_dir), repr(inputs.config), asset_urls,
                                 _digest(registry.read_bytes()) if registry.is_file() else "",
                                 sorted((k, v[0], v[1]) for k, v in inputs.content.pages.items())],
                                sort_keys=True, ensure_ascii=False).encode())
    named = {EVERYTHING: everything, GLOSSARY: glossary, CONTENT: common}
    out = {}
    for p in pages:
        parts = [common, p.path, p.template, f"{p.context.__module__}.{p.context.__qualname__}", p.key]
        parts += [named.get(i) or folder_hash.get(i, "") for i in p.inputs]
        out[p.path] = _digest("\0".join(parts).encode())
    return out


def read_manifest(out: Path) -> dict[str, str]:
    try:
        return json.loads((out / MANIFEST).read_text(encoding="utf-8"))["pages"]
    except (OSError, ValueError, KeyError):
        return {}


def manifest_bytes(prints: dict[str, str]) -> bytes:
    return (json.dumps({"pages": prints}, indent=1, sort_keys=True) + "\n").encode("utf-8")
