"""What each output was made from, so that a rebuild makes only what changed.

Fingerprints are content hashes.  A disclosure folder's hash comes from its
files' contents (``units.folder_digest``; a folder whose files' names,
sizes, times and inodes did not change keeps its hash).  ``common`` covers the templates, the
settings, the assets, the hand-written content and the generator's own
code, so a change to any of them makes everything again.  The registry is
read by the site's pages alone (``site_fingerprint``): a department new to
it remakes the pages that list departments, never another department's
unit.  A page's fingerprint covers both and the units it reads.

The manifest of the last build is kept in the output as
``.budgetsite-manifest.json``: the fingerprint of every page and the unit
key of every disclosure folder.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import generator
from generator.site import THEME
from generator.site.build.writer import MANIFEST  # noqa: F401  (named once, where the output is written)
from generator.site.pages import CONTENT, EVERYTHING, READS, Page, Setting
from generator.store.layout import REGISTRY


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _tree(h, folder: Path, suffixes: tuple[str, ...] | None = None) -> None:
    if folder.is_dir():
        for p in sorted(folder.rglob("*")):
            if p.is_file() and (suffixes is None or p.suffix in suffixes) and "__pycache__" not in p.parts:
                h.update(p.relative_to(folder).as_posix().encode() + b"\0" + p.read_bytes())


def common_fingerprint(site_dir: Path, inputs: Setting, asset_urls: dict[str, str]) -> str:
    """What every output depends on besides the disclosures and the registry: a disclosure's unit (its
    page, its files, its search page) reads nothing else, so a department new to the registry rebuilds
    no other department's unit."""
    h = hashlib.sha256()
    _tree(h, THEME / "templates")
    _tree(h, site_dir / "templates")
    _tree(h, Path(generator.__file__).parent, (".py", ".csv", ".yaml", ".json"))
    h.update(json.dumps([repr(inputs.config), asset_urls,
                         sorted((k, v[0], v[1]) for k, v in inputs.content.pages.items())],
                        sort_keys=True, ensure_ascii=False).encode())
    return h.hexdigest()


def site_fingerprint(common: str, data_dir: Path) -> str:
    """What the site as a whole depends on besides its disclosures: ``common`` and the registry.  A build
    whose site fingerprint and unit keys are those of the last has nothing to do; otherwise each page is
    judged by its own fingerprint, and a department's page holds what it reads of the registry as an
    input of its own (``pages.departments``), so a department new to the registry remakes no other's."""
    registry = data_dir / REGISTRY
    return _digest(f"{common}\0{_digest(registry.read_bytes()) if registry.is_file() else ''}".encode())


def fingerprints(pages: list[Page], common: str, keys: dict[str, str]) -> dict[str, str]:
    """Each page's fingerprint, by its path, from the unit key of each disclosure folder."""
    everything = _digest(json.dumps(keys, sort_keys=True).encode())
    named = {EVERYTHING: everything, CONTENT: common}
    out = {}
    for p in pages:
        parts = [common, p.path, p.template, f"{p.context.__module__}.{p.context.__qualname__}", p.key]
        parts += [named.get(i) or keys.get(i) or (i if i.startswith(READS) else "") for i in p.inputs]
        out[p.path] = _digest("\0".join(parts).encode())
    return out


def read_manifest(out: Path) -> dict:
    """``{"pages": {path: fingerprint}, "units": {folder: key}, "search": fingerprint, "common": fingerprint,
    "built": {"pages", "files", "bytes"}}`` of the last build."""
    try:
        found = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def manifest_bytes(pages: dict[str, str], units: dict[str, str], search: str, common: str, built: dict) -> bytes:
    return (json.dumps({"pages": pages, "units": units, "search": search, "common": common, "built": built},
                       indent=1, sort_keys=True) + "\n").encode("utf-8")
