"""``site.yaml``: the site's settings, typed, with errors that name the key.

Every key is documented in docs/site-config.md; a test fails when a key is
added here without being documented there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.core.errors import BudgetsiteError

# UI labels a site may rename (key -> default)
DEFAULT_LABELS = {
    "home": "首页",
    "regions": "地区",
    "years": "年度",
    "compare": "比较",
    "glossary": "名词解释",
    "open_data": "开放数据",
    "about": "关于",
    "methodology": "数据说明",
    "department": "部门",
    "budget": "预算",
    "unit_wan": "万元",
}


@dataclass(frozen=True)
class SiteConfig:
    title: str = "部门预算公开"
    description: str = ""
    base_url: str = ""                  # e.g. https://example.org/budget/ ; empty: relative only
    language: str = "zh-CN"
    regions: tuple[str, ...] = ()       # display order of regions (others follow by name)
    labels: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_LABELS))
    footer: str = ""                    # one line of plain text shown in every page footer

    def label(self, key: str) -> str:
        return self.labels.get(key, DEFAULT_LABELS.get(key, key))


_TYPES = {"title": str, "description": str, "base_url": str, "language": str, "regions": list,
          "labels": dict, "footer": str}


class ConfigError(BudgetsiteError):
    pass


def parse_config(raw: object, source: str = "site.yaml") -> SiteConfig:
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: expected a mapping of settings (title: …, description: …)")
    for key, value in raw.items():
        if key not in _TYPES:
            known = ", ".join(sorted(_TYPES))
            raise ConfigError(f"{source}: unknown key {key!r} (known keys: {known})")
        if not isinstance(value, _TYPES[key]) or isinstance(value, bool):
            raise ConfigError(f"{source}: {key!r} must be a {_TYPES[key].__name__}, "
                              f"found {type(value).__name__} {value!r}")
    regions = raw.get("regions", [])
    if not all(isinstance(r, str) for r in regions):
        raise ConfigError(f"{source}: 'regions' must be a list of region names")
    labels = dict(DEFAULT_LABELS)
    for key, value in (raw.get("labels") or {}).items():
        if key not in DEFAULT_LABELS:
            raise ConfigError(f"{source}: unknown key 'labels.{key}' (known labels: {', '.join(sorted(DEFAULT_LABELS))})")
        if not isinstance(value, str):
            raise ConfigError(f"{source}: 'labels.{key}' must be a str, found {type(value).__name__}")
        labels[key] = value
    base = raw.get("base_url", "")
    if base and not base.startswith(("http://", "https://")):
        raise ConfigError(f"{source}: 'base_url' must start with http:// or https://, found {base!r}")
    if base and not base.endswith("/"):
        base += "/"
    return SiteConfig(title=raw.get("title", SiteConfig.title), description=raw.get("description", ""),
                      base_url=base, language=raw.get("language", "zh-CN"), regions=tuple(regions),
                      labels=labels, footer=raw.get("footer", ""))


def load_config(site_dir: Path, base_url: str | None = None) -> SiteConfig:
    path = site_dir / "site.yaml"
    raw: object = {}
    if path.is_file():
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{path}:{mark.line + 1}" if mark else str(path)
            raise ConfigError(f"{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if base_url is not None:
        raw = dict(raw or {}) if isinstance(raw, dict) or raw is None else raw
        if isinstance(raw, dict):
            raw["base_url"] = base_url
    return parse_config(raw, str(path))
