"""Canonical keys for the measures (value columns) of budget tables.

Column headers differ by city and year (``商品服务支出`` / ``商品和服务支出``,
``总计`` / ``合计``, ``运转类经费（专项业`` truncated); each template family
lists its headers and their keys (``generator.templates``).  The same measure gets the
same key everywhere so that tables and departments can be compared; the
printed header is kept beside it as the column label.
"""

from __future__ import annotations

import re

from generator.core.text import compact
from generator.core.vocabulary import Column
from generator.templates.registry import GROUP_KEYS as _GROUP_KEYS, LEAF_KEYS as _LEAF_KEYS

# A header over all of a table's figures (“支出预算 / 合计 | 基本支出 | 项目支出”, “本年政府性基金预算支出 / 合计 …”)
# names the table, not a measure
_WRAPPER = re.compile(r"^(?:支出预算|收入预算|预算数|(?:本年)?(?:一般公共预算|财政拨款|政府性基金预算|国有资本经营预算)"
                      r"(?:基本)?支出(?:预算)?)$")


_OF_WHICH = re.compile(r"^其中[:：]?")


def _match(table: tuple[tuple[re.Pattern[str], str], ...], label: str) -> str | None:
    for pattern, key in table:
        if pattern.search(label):
            return key
    return None


def measure_key(path: tuple[str, ...]) -> str:
    """A stable key for a header path, e.g. ('基本支出','小计') -> 'basic'.

    Each level is mapped on its own; a trailing 小计/合计 names its group, and
    the 人员经费/公用经费 grouping inside 基本支出 is dropped so that
    ``basic.wages`` means the same in every city's layout.
    """
    # a header row that numbers the columns (栏次 | 1 | 2 | 3) names no measure
    labels = [compact(p) for p in path if compact(p) and not compact(p).isdigit()]
    if not labels:
        return Column.VALUE
    if len(labels) > 1 and _WRAPPER.match(labels[0]):
        labels = labels[1:]
        if len(labels) == 1:
            if labels[0] in ("小计", "合计"):         # 一般公共预算支出 / 小计: the table's total
                return Column.TOTAL
            label = _OF_WHICH.sub("", labels[0])     # 一般公共预算支出 / 其中：基本支出: the measure 基本支出
            return _match(_LEAF_KEYS, labels[0]) or _match(_GROUP_KEYS, label) or labels[0]
    if len(labels) == 1:
        if labels[0] in ("金额", "预算数", "决算数"):     # the only figure of a row (江苏: 功能科目名称 | 金额)
            return Column.TOTAL
        return _match(_LEAF_KEYS, labels[0]) or _match(_GROUP_KEYS, labels[0]) or labels[0]
    while len(labels) > 1 and labels[-1] in ("小计", "合计"):
        labels = labels[:-1]
    if len(labels) == 1:
        group = _match(_GROUP_KEYS, labels[0])
        if group == "":
            return Column.TOTAL
        return group or _match(_LEAF_KEYS, labels[0]) or labels[0]
    parts: list[str] = []
    for depth, label in enumerate(labels):
        last = depth == len(labels) - 1
        if not last and label in ("人员经费", "公用经费") and parts == ["basic"]:
            continue
        key = _match(_GROUP_KEYS, label) if not last else _match(_LEAF_KEYS, label)
        if key is None:
            key = (_match(_LEAF_KEYS, label) if not last else None) or label
        if key and (not parts or parts[-1] != key):
            parts.append(key)
    return ".".join(parts) or Column.TOTAL


def unique_keys(keys: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for k in keys:
        if k in seen:
            seen[k] += 1
            out.append(f"{k}.{seen[k]}")
        else:
            seen[k] = 1
            out.append(k)
    return out
