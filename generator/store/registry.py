"""The site's department registry (``DIR/registry.yaml``): names, slugs, aliases, predecessors.

Department names drift (a 办公室 becomes a 办公厅, a 中心 is renamed after a
reorganisation), and the URL of a department must not change when they do.
The registry maps every name a document may use to one department and one
slug.  ``budgetsite import`` adds departments it has not seen, with a pinyin
slug, so that the publisher can review and edit the file; it never changes
an entry that is already there.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.core.errors import DataError
from generator.core.slugs import department_slug, region_slug
from generator.store.layout import LINK_PROBLEM, REGISTRY, SLUG, read_plain, require_data_dir

FILE = REGISTRY
_SLUG_RULE = "lower-case letters, digits and '-' (not starting with '-', at most 200)"

HEADER = """\
# Departments of this site.  budgetsite import adds new ones; edit freely:
#   slug          the department's URL segment (keep it stable once published)
#   aliases       other names documents use for the same department
#   predecessors  departments this one continues after a reorganisation (names)
"""


@dataclass
class Department:
    name: str
    region: str
    slug: str
    aliases: list[str] = field(default_factory=list)
    predecessors: list[str] = field(default_factory=list)


@dataclass
class Registry:
    regions: dict[str, str] = field(default_factory=dict)           # region name -> slug
    departments: list[Department] = field(default_factory=list)

    def find(self, name: str) -> Department | None:
        return next((d for d in self.departments if d.name == name or name in d.aliases), None)

    def canonical(self, name: str) -> str:
        found = self.find(name)
        return found.name if found else name

    def region_slug(self, region: str) -> str:
        return self.regions.get(region) or region_slug(region)

    def department_slug(self, region: str, name: str) -> str:
        found = self.find(name)
        return found.slug if found else department_slug(region, name)

    def ensure(self, region: str, name: str) -> None:
        """Add a department (and its region) not yet registered."""
        if region and region not in self.regions:
            self.regions[region] = region_slug(region)
        if self.find(name) is None:
            self.departments.append(Department(name, region, department_slug(region, name)))

    def dump(self) -> str:
        data = {
            "regions": {name: {"slug": slug} for name, slug in sorted(self.regions.items(), key=lambda kv: kv[1])},
            "departments": [{"name": d.name, "region": d.region, "slug": d.slug, "aliases": d.aliases,
                             "predecessors": d.predecessors}
                            for d in sorted(self.departments, key=lambda d: (self.region_slug(d.region), d.slug))],
        }
        return HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def load(data_dir: Path) -> Registry:
    """The registry of ``data_dir`` (empty when it has none yet); ``DataError`` when ``data_dir`` is not a
    folder, or its registry.yaml is a symbolic link, not a file, not UTF-8 or not a valid registry."""
    require_data_dir(data_dir)
    path = data_dir / FILE
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return Registry()
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if stat.S_ISLNK(mode):
        raise DataError(f"{path} {LINK_PROBLEM}")
    if not stat.S_ISREG(mode):
        raise DataError(f"{path}: not a file (expected the registry, a YAML file)")
    try:
        raw = yaml.safe_load(read_plain(path)) or {}
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise DataError(f"{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    return parse(raw, path)


def parse(raw: object, path: Path) -> Registry:
    if not isinstance(raw, dict) or set(raw) - {"regions", "departments"}:
        raise DataError(f"{path}: expected the keys regions and departments")
    reg = Registry()
    regions = raw.get("regions") or {}
    if not isinstance(regions, dict):
        raise DataError(f"{path}: regions must be a mapping of region names to {{slug: …}}")
    by_slug: dict[str, str] = {}
    for name, value in regions.items():
        slug = value.get("slug") if isinstance(value, dict) else None
        if not isinstance(slug, str) or not SLUG.fullmatch(slug):
            raise DataError(f"{path}: region {name!r}: slug must be {_SLUG_RULE}, found {slug!r}")
        if slug in by_slug:
            raise DataError(f"{path}: region {name!r}: slug {slug!r} is already used by {by_slug[slug]}")
        by_slug[slug] = str(name)
        reg.regions[str(name)] = slug
    departments = raw.get("departments") or []
    if not isinstance(departments, list):
        raise DataError(f"{path}: departments must be a list of mappings with name, region, slug")
    seen: dict[tuple[str, str], str] = {}
    names: set[str] = set()
    for i, item in enumerate(departments):
        where = f"{path}: departments[{i}]"
        if not isinstance(item, dict):
            raise DataError(f"{where}: expected a mapping with name, region, slug")
        unknown = set(item) - {"name", "region", "slug", "aliases", "predecessors"}
        if unknown:
            raise DataError(f"{where}: unknown key {sorted(unknown)[0]!r}")
        for key in ("name", "region", "slug"):
            if not isinstance(item.get(key), str) or not item[key]:
                raise DataError(f"{where}: {key} must be a non-empty string")
        for key in ("aliases", "predecessors"):
            value = item.get(key) or []
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise DataError(f"{where}: {key} must be a list of names")
        if not SLUG.fullmatch(item["slug"]):
            raise DataError(f"{where}: slug {item['slug']!r} must be {_SLUG_RULE}")
        key = (item["region"], item["slug"])
        if key in seen:
            raise DataError(f"{where}: slug {item['slug']!r} is already used by {seen[key]}")
        seen[key] = item["name"]
        for n in [item["name"], *(item.get("aliases") or [])]:
            if n in names:
                raise DataError(f"{where}: the name {n!r} is registered twice")
            names.add(n)
        reg.departments.append(Department(item["name"], item["region"], item["slug"],
                                          list(item.get("aliases") or []), list(item.get("predecessors") or [])))
    return reg
