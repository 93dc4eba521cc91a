"""Where things live in the data directory: the one place that knows its paths.

::

    DIR/sources/<file>                             the documents as published
    DIR/registry.yaml                              departments: names, slugs, aliases, predecessors
    DIR/reference/*.csv                            the site's additions to the code lists (optional)
    DIR/disclosures/<region>/<department>/<year>-<phase>/
        disclosure.json, rows.csv, money.csv, …    one disclosure (see generator.store.schema)
        narrative/NN-<key>.md                      its narrative sections
"""

from __future__ import annotations

import os
from pathlib import Path


SOURCES = "sources"
DISCLOSURES = "disclosures"
REFERENCE = "reference"
REGISTRY = "registry.yaml"
NARRATIVE = "narrative"
TEXT = "text"


def disclosure_folder(region_slug: str, department_slug: str, edition: str) -> str:
    """A disclosure's folder under ``DIR/disclosures`` (``zhengzhou/renminzhengfubangongting/2020-budget``)."""
    return f"{region_slug}/{department_slug}/{edition}"


def disclosure_folders(data_dir: Path) -> list[str]:
    """Every disclosure folder of the data directory, relative to ``DIR/disclosures``
    (``zhengzhou/renminzhengfubangongting/2020-budget``), in a stable order: by region, department, edition.

    A folder is one when it holds a ``disclosure.json``.  Every build starts with this list, so it is
    walked with ``os.scandir``: a glob and a ``resolve`` of each folder took three times as long.
    """
    found = [(region.name, department.name, edition.name)
             for region in _subdirs(data_dir / DISCLOSURES)
             for department in _subdirs(region.path)
             for edition in _subdirs(department.path)
             if os.path.isfile(os.path.join(edition.path, "disclosure.json"))]
    return ["/".join(parts) for parts in sorted(found)]


def _subdirs(path: Path | str) -> list[os.DirEntry]:
    try:
        with os.scandir(path) as it:
            return [e for e in it if e.is_dir()]
    except (FileNotFoundError, NotADirectoryError):
        return []


def disclosure_dirs(data_dir: Path) -> list[Path]:
    """Every disclosure folder of the data directory, in a stable order (``disclosure_folders``)."""
    root = data_dir / DISCLOSURES
    return [root / folder for folder in disclosure_folders(data_dir)]


def source_text_file(name: str) -> str:
    """The text form of a source document inside its disclosure's folder: one line per cited line."""
    return f"{TEXT}/{name}.txt"


def narrative_file(index: int, key: str) -> str:
    return f"{NARRATIVE}/{index:02d}-{key}.md"


def reference_dir(data_dir: Path) -> str | None:
    """The site's own code lists, if it has any."""
    path = data_dir / REFERENCE
    return str(path) if path.is_dir() else None
