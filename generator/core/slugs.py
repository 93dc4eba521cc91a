"""URL slugs: stable ASCII names from Chinese text (pinyin).

A department's URL must not change between builds or machines, so slugs
come from a fixed reading of the name, never from a counter or a hash.
"""

from __future__ import annotations

import functools
import hashlib
import re


# Place names whose reading the general dictionary gets wrong (漯河 is Luòhé).
PLACE_READINGS = {"漯河": [["luò"], ["hé"]]}


@functools.lru_cache(maxsize=1)
def _pinyin():
    """pypinyin with the place readings loaded once (loading retrains its segmenter: slow)."""
    from pypinyin import lazy_pinyin, load_phrases_dict

    load_phrases_dict(PLACE_READINGS)
    return lazy_pinyin


# characters a slug may have: a folder name and a URL segment on any system, with room for the department
# and region in one path
MAX_SLUG = 64


@functools.lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """An ASCII slug from Chinese text (pinyin), stable across runs.  A very long name keeps the start of
    its reading and the start of its SHA-256 (a fixed function of the name, so still stable)."""
    lazy_pinyin = _pinyin()
    words = lazy_pinyin(re.sub(r"[（）()“”\"'、，,。·\s]", "", text))
    out = "".join(w for w in words if re.fullmatch(r"[a-z0-9]+", w)) or "x"
    if len(out) > MAX_SLUG:
        out = f"{out[:MAX_SLUG - 9]}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}"
    return out


def department_slug(region: str, department: str) -> str:
    """The department's name without its region (and a party body's 中共): 中共上海市普陀区委社会工作部 →
    ``weishehuigongzuobu`` under ``shanghai-putuo``."""
    name = re.sub(r"^(?:中共|中国共产党)", "", department)
    rest = name[len(region):] if region and name.startswith(region) else name
    return slug(rest)


# the region of a central department (国家统计局, 中华人民共和国教育部, 中共中央宣传部): no province and no city
CENTRAL = "中央"
CENTRAL_SLUG = "zhongyang"
# the region of a document that names none, as readers see it and in its URL
NO_REGION = "地区未注明"
NO_REGION_SLUG = "unknown"

_LEVELS = re.compile(r".{2,}?(?:自治区|省|市|州|盟|区|县|旗)")
_LEVEL_SUFFIX = re.compile(r"(?:自治区|省|市|州|盟|区|县|旗)$")


def region_levels(region: str) -> list[str]:
    """The levels of a region, largest first: ``上海市普陀区`` → ``["上海市", "普陀区"]``, ``江苏省`` → ``["江苏省"]``,
    ``中央`` → ``["中央"]``."""
    if region == CENTRAL:
        return [CENTRAL]
    return _LEVELS.findall(region) or [region]


def region_display(region: str) -> str:
    """A region as readers see it, level by level: ``上海市 › 普陀区``; a document that names none says so."""
    return " › ".join(region_levels(region)) if region else NO_REGION


def region_slug(region: str) -> str:
    """``郑州市`` → ``zhengzhou``; a region below a city keeps both levels: ``上海市普陀区`` → ``shanghai-putuo``;
    the central government's departments are under ``zhongyang``, a document that names no region under
    ``unknown``."""
    if not region:
        return NO_REGION_SLUG
    if region == CENTRAL:
        return CENTRAL_SLUG
    return "-".join(slug(_LEVEL_SUFFIX.sub("", level) or level) for level in region_levels(region))
