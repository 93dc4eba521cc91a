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


def disclosure_dirs(data_dir: Path) -> list[Path]:
    """Every disclosure folder of the data directory, in a stable order."""
    return sorted(p.parent for p in (data_dir / DISCLOSURES).glob("*/*/*/disclosure.json"))


def source_text_file(name: str) -> str:
    """The text form of a source document inside its disclosure's folder: one line per cited line."""
    return f"{TEXT}/{name}.txt"


def narrative_file(index: int, key: str) -> str:
    return f"{NARRATIVE}/{index:02d}-{key}.md"


def reference_dir(data_dir: Path) -> str | None:
    """The site's own code lists, if it has any."""
    path = data_dir / REFERENCE
    return str(path) if path.is_dir() else None
