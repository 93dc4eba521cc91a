"""Budget classification codes: one normaliser for function and economic codes.

Function codes (支出功能分类) are 类/款/项 = 3/2/2 digits and are printed
split over three columns (``201 | 03 | 01``) or merged (``2010301``).
Economic codes (部门 301… and 政府 501…) are 类/款 = 3/2 digits and are printed
as ``301 | 01``, ``301 | 30101`` or ``30101``.  Both are normalised to the
merged form with a level and a parent.  Unit and project codes are strings
whose length varies (``003001``, ``114``, ``001001``, 21-22 digit project
codes) and are never turned into numbers.

The reference lists in ``generator/reference`` give canonical names; a site
may extend them with ``data/reference/*.csv`` files of the same shape.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.core.vocabulary import Scheme

REFERENCE_DIR = Path(__file__).parent / "reference"

FUNCTION = Scheme.FUNCTION
ECONOMIC_DEPT = Scheme.ECONOMIC     # 部门预算支出经济分类 (3xx)
ECONOMIC_GOV = Scheme.GOV_ECONOMIC  # 政府预算支出经济分类 (5xx)


@dataclass(frozen=True)
class Code:
    code: str
    scheme: Scheme
    level: int
    parent: str | None
    completed: bool = False     # a digit the document left out was put back (301 | 2 → 30102)


def _digits(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def function_code(parts: list[str]) -> Code | None:
    """Normalise a function code from its split or merged printed parts."""
    cells = [_digits(p) for p in parts if _digits(p)]
    if not cells or not all(c.isdigit() for c in cells):
        return None
    merged = "".join(cells)
    if len(cells) > 1:
        expected = [3, 2, 2][: len(cells)]
        if [len(c) for c in cells] != expected:
            return None
    if len(merged) not in (3, 5, 7) or merged[0] != "2":
        return None
    level = {3: 1, 5: 2, 7: 3}[len(merged)]
    parent = None if level == 1 else merged[: len(merged) - 2]
    return Code(merged, FUNCTION, level, parent)


def economic_code(parts: list[str]) -> Code | None:
    """Normalise an economic code from ``301|01``, ``301|30101`` or ``30101``."""
    cells = [_digits(p) for p in parts if _digits(p)]
    if not cells or not all(c.isdigit() for c in cells):
        return None
    if len(cells) == 1:
        merged = cells[0]
    elif len(cells) == 2:
        head, tail = cells
        if len(head) != 3:
            return None
        if len(tail) == 2:
            merged = head + tail
        elif len(tail) == 1:
            # a spreadsheet dropped the leading zero of the 款 (上海 2024: “301 | 2 | 津贴补贴”)
            code = economic_code([head, "0" + tail])
            return Code(code.code, code.scheme, code.level, code.parent, completed=True) if code else None
        elif len(tail) == 5 and tail.startswith(head):
            merged = tail
        else:
            return None
    else:
        return None
    # 类 (301), 款 (30101), and a province's own level under the 款 (重庆: 3010201 规范性津补贴 under 30102)
    if len(merged) not in (3, 5, 7) or merged[0] not in "35":
        return None
    scheme = ECONOMIC_DEPT if merged[0] == "3" else ECONOMIC_GOV
    level = {3: 1, 5: 2, 7: 3}[len(merged)]
    return Code(merged, scheme, level, merged[:len(merged) - 2] if level > 1 else None)


# a code printed in brackets before its name, in the same cell: “[201]一般公共服务支出”, “【30101】基本工资”
_BRACKETED = re.compile(r"^\s*[\[【［]\s*(\d[\d ]*?)\s*[\]】］]\s*(.*)$", re.S)


def bracketed_code(text: str) -> tuple[str, str] | None:
    """The digits and the name of a cell that prints its code in brackets before the name, else None."""
    m = _BRACKETED.match(text or "")
    return (_digits(m.group(1)), m.group(2).strip()) if m else None


def unit_code(text: str) -> str | None:
    """A unit code such as ``003001`` or ``114``; OCR gaps ``0030 01`` closed."""
    t = _digits(text)
    return t if t.isdigit() and 3 <= len(t) <= 9 else None


def project_code(text: str) -> str | None:
    """A project code: a long digit string, kept exactly as printed."""
    t = _digits(text)
    return t if t.isdigit() and len(t) >= 12 else None


@lru_cache(maxsize=None)
def _load(name: str, extra_dir: str | None) -> dict[str, str]:
    names: dict[str, str] = {}
    paths = [REFERENCE_DIR / name]
    if extra_dir:
        paths.append(Path(extra_dir) / name)
    for path in paths:
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh):
                    names[row["code"].strip()] = row["name"].strip()
    return names


def canonical_name(code: Code, extra_dir: str | None = None) -> str | None:
    """The reference name of a code, or None when the lists do not know it."""
    table = "function_codes.csv" if code.scheme == FUNCTION else "economic_codes.csv"
    return _load(table, extra_dir).get(code.code)


def function_class_by_name(label: str, extra_dir: str | None = None) -> Code | None:
    """Find a function class (类) from a printed label such as ``一般公共服务``."""
    from generator.core.text import compact, strip_enumeration

    key = compact(strip_enumeration(label))
    key = key.removesuffix("支出")
    if not key:
        return None
    for code, name in _load("function_codes.csv", extra_dir).items():
        if len(code) != 3:
            continue
        ref = compact(name).removesuffix("支出")
        if key == ref or (len(key) >= 4 and (ref.startswith(key) or key.startswith(ref))):
            return Code(code, FUNCTION, 1, None)
    aliases = {"医疗卫生与计划生育": "210", "文化体育与传媒": "207", "城乡社区事务": "212",
               "农林水事务": "213", "资源勘探信息等": "215", "资源勘探工业信息等": "215",
               "文化体育旅游与传媒": "207"}
    if key in aliases:
        return Code(aliases[key], FUNCTION, 1, None)
    return None
