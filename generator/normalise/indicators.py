"""Performance indicators (绩效指标): reading the indicator grids and parsing target values.

Both performance templates end in a grid of 一级指标 | 二级指标 | 三级指标 |
指标值 (| 解释 | 说明).  The PDF conversion damages it in three ways that the
seeds show: a row loses its leading empty cells and moves left (000 line
475 ``财务管理 | 财务管理制度的完备性 | 完整 | …``), a level-3 name lands in
the first column with its value two columns on (000 line 653
``群众回访满意率 | | ≥90% |``), and a bare level-2 heading stands in the
first column (``成本 | | |``).  Which column a cell belongs to is decided by
the row's shape and by the vocabulary of level-1 headings, never by
position alone.

Target values are kept exactly as printed, with a parsed form beside them:
an operator, an exact decimal string, a unit, or ``qualitative``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from generator.core.model import Indicator
from generator.read.layout import Row
from generator.core.text import clean, compact
from generator.core.vocabulary import RowFlag

# Level-1 headings used by the templates seen so far; a grid adds its own.
LEVEL1 = {
    "投入与目标管理", "产出目标", "效果目标", "影响力目标",
    "履职效能", "管理效率", "运行成本", "服务满意", "可持续性",
    "投入管理指标", "产出指标", "效益指标", "满意度指标", "成本指标",
}

_OPS = {"≥": "≥", ">=": "≥", "≧": "≥", "＞": ">", ">": ">", "≤": "≤", "<=": "≤", "≦": "≤",
        "＜": "<", "<": "<", "=": "=", "＝": "="}
_OP = r"(≥|>=|≧|＞|>|≤|<=|≦|＜|<|=|＝)"
_NUM = r"(\d+(?:,\d{3})*(?:\.\d+)?)"
_UNIT = r"([%‰％]|[^\d\s≥≤<>=&,，;；]{1,6})?"
_SINGLE = re.compile(rf"^{_OP}?\s*{_NUM}\s*{_UNIT}$")
_RANGE = re.compile(rf"^([≥>＞]|>=)\s*{_NUM}\s*{_UNIT}\s*(?:&&|且|,|，|~|～|\s)\s*([≤<＜]|<=)\s*{_NUM}\s*{_UNIT}$")
_SPAN = re.compile(rf"^{_NUM}\s*{_UNIT}\s*[-~～至]\s*{_NUM}\s*{_UNIT}$")
_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*(前|之前|以前)?$")


@dataclass(frozen=True)
class TargetValue:
    op: str          # ≥ ≤ > < = | range | qualitative
    number: str      # exact decimal string ("" when qualitative); a date as YYYY-MM-DD
    number2: str     # upper bound of a range
    unit: str        # % 个 次 万元 … or "日期" for deadlines


def _dec(text: str) -> str:
    try:
        return str(Decimal(text.replace(",", "")))
    except InvalidOperation:  # pragma: no cover - guarded by the patterns
        return ""


def parse_value(printed: str) -> TargetValue:
    """Parse a printed target value: ``≥97%``, ``=100%``, ``≥80个&&≤120个``, ``2023年12月31日前``."""
    text = clean(printed).replace("％", "%")
    if not text:
        return TargetValue("", "", "", "")
    m = _RANGE.match(text)
    if m:
        unit = (m.group(6) or m.group(3) or "").strip()
        return TargetValue("range", _dec(m.group(2)), _dec(m.group(5)), unit)
    m = _SPAN.match(text)
    if m:
        return TargetValue("range", _dec(m.group(1)), _dec(m.group(3)), (m.group(4) or m.group(2) or "").strip())
    m = _SINGLE.match(text)
    if m:
        return TargetValue(_OPS.get(m.group(1) or "=", "="), _dec(m.group(2)), "", (m.group(3) or "").strip())
    m = _DATE.match(text)
    if m:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        number = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
        return TargetValue("≤" if m.group(4) else "=", number, "", "日期")
    return TargetValue("qualitative", "", "", "")


def is_numeric_value(text: str) -> bool:
    """True for a cell that is a quantitative target (``57``, ``≥90%``, ``3个``)."""
    return parse_value(text).op not in ("", "qualitative")


@dataclass
class GridColumns:
    """Where the parts of an indicator sit in a grid, from its header row."""

    width: int
    value: int = 3
    explanation: int | None = None
    note: int | None = None


def grid_columns(header: list[str]) -> GridColumns:
    cells = [compact(c) for c in header]
    while cells and not cells[-1]:
        cells.pop()
    cols = GridColumns(width=max(len(cells), 4))
    for i, c in enumerate(cells):
        if c in ("指标值", "目标值") or (c.endswith("值") and "说明" not in c and i >= 3):
            cols.value = i
    after = [i for i in range(cols.value + 1, len(cells)) if cells[i]]
    if after:
        cols.explanation = after[0]
    if len(after) > 1:
        cols.note = after[1]
    return cols


def _level1_vocabulary(rows: list[list[str]], cols: GridColumns) -> set[str]:
    vocab = set(LEVEL1)
    for cells in rows:
        if (len(cells) >= cols.width and all(cells[i] for i in range(3)) and cells[cols.value]
                and not _explanation_like(cells[cols.value])):
            vocab.add(compact(cells[0]))
    return vocab


def _short_value(text: str) -> bool:
    return is_numeric_value(text) or 0 < len(compact(text)) <= 4


def _explanation_like(text: str) -> bool:
    """A sentence (反映…。) rather than a target value."""
    t = compact(text)
    return not is_numeric_value(t) and (t.startswith("反映") or t.endswith("。") or len(t) > 20)


def _place(cells: list[str], cols: GridColumns, level1: set[str]) -> tuple[list[str], str]:
    """Put a damaged row's cells back in their columns; return (cells, flag)."""
    cells = list(cells)
    if len(cells) < cols.width and any(cells):
        # leading empty cells were dropped: the row moved left
        cells = [""] * (cols.width - len(cells)) + cells
        return cells, RowFlag.REALIGNED
    cells += [""] * (cols.width - len(cells))
    v = cols.value
    moved = (cells[v] and _short_value(cells[v - 1]) and _explanation_like(cells[v])
             and compact(cells[0]) not in level1 and cells[v - 2])
    moved = moved or (cells[0] and cells[1] and cells[v - 1] and not cells[v] and _short_value(cells[v - 1])
                      and compact(cells[0]) not in level1)
    if moved:
        # the row moved one column left: a leading cell was dropped (001 lines 20 and 33, 003 line 572)
        return [""] + cells[:-1] if not cells[-1] else [""] + cells, RowFlag.REALIGNED
    if (cells[0] and not cells[1] and cells[v - 1] and not cells[v] and compact(cells[0]) not in level1):
        # level-3 name in the first column, its value one column early
        fixed = ["", "", cells[0], cells[v - 1]] + cells[v + 1:]
        return fixed, RowFlag.REALIGNED
    if cells[0] and not any(cells[1:]) and compact(cells[0]) not in level1:
        return ["", cells[0]] + cells[2:], RowFlag.REALIGNED
    return cells, ""


def read_grid(rows: list[Row], header: Row, scope: str, project: str, document: str,
              project_code: str = "") -> list[Indicator]:
    """Indicators of one grid (rows after its header), levels carried down."""
    cols = grid_columns(header.cells)
    level1 = _level1_vocabulary([r.cells for r in rows], cols)
    out: list[Indicator] = []
    l1 = l2 = ""
    pending_l1: list[Indicator] = []      # rows printed before any level-1 heading
    for row in rows:
        if not any(c.strip() for c in row.cells):
            continue
        cells, flag = _place(row.cells, cols, level1)
        if compact(cells[0]) in ("一级指标",):
            continue                              # a repeated header after a page break
        if cells[0]:
            if compact(cells[0]) != l1 or cells[1]:
                l2 = ""                           # a restated level-1 heading continues its group
            l1 = compact(cells[0])
            for ind in pending_l1:
                ind.level1 = l1
            pending_l1 = []
        if cells[1]:
            l2 = compact(cells[1])
        level3 = clean(cells[2])
        value = clean(cells[cols.value]) if cols.value < len(cells) else ""
        if not level3 and not value:
            continue                              # an empty slot of the template
        parsed = parse_value(value)
        ind = Indicator(
            scope=scope, project=project, level1=l1, level2=l2, level3=level3, value=value,
            op=parsed.op, number=parsed.number, number2=parsed.number2, unit=parsed.unit,
            explanation=clean(cells[cols.explanation]) if cols.explanation is not None and cols.explanation < len(cells) else "",
            note=clean(cells[cols.note]) if cols.note is not None and cols.note < len(cells) else "",
            document=document, line=row.line, project_code=project_code, flags=[flag] if flag else [])
        if not l1:
            pending_l1.append(ind)
            ind.flags.append(RowFlag.LEVEL1_INFERRED)
        out.append(ind)
    return out
