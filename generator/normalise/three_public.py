"""The “三公” table: its parts recognised by their names, vertical or horizontal as printed."""

from __future__ import annotations

from generator.core.errors import DocumentError
from generator.core.model import Table, TableColumn, TableRow
from generator.core.text import compact, strip_enumeration
from generator.core.vocabulary import (MEASURES, MEETINGS, RUNNING_COSTS, TABLE_TOTAL, THREE_PUBLIC_PARTS,
                                       THREE_PUBLIC_TOTAL, THREE_PUBLIC_TOTAL_LABEL, TRAINING)
from generator.normalise.grid import build_grid
from generator.normalise.tables import TableContext, decimals_of, money_cell, new_table, require_unit
from generator.read.layout import RawTable, Row


# The words that name each part in a printed row, tried in this order (运行维护 before 公务用车)
_WORDS = [
    ("vehicle_operation", ("运行维护", "运行费")),
    ("vehicle_purchase", ("购置",)),
    ("abroad", ("出国",)),
    ("reception", ("接待",)),
    ("vehicles", ("公务用车",)),
    (THREE_PUBLIC_TOTAL, ("合计", "共计", "总计", "三公")),
]
_LABELS = {THREE_PUBLIC_TOTAL: THREE_PUBLIC_TOTAL_LABEL, **{p.key: p.label for p in THREE_PUBLIC_PARTS},
           RUNNING_COSTS: MEASURES[RUNNING_COSTS], MEETINGS: MEASURES[MEETINGS], TRAINING: MEASURES[TRAINING],
           TABLE_TOTAL: "“三公”经费、会议费、培训费合计"}


def three_public_part(label: str) -> str | None:
    """The part a printed row or column names (``abroad`` …, ``total``, or ``running_costs``), or None."""
    t = compact(strip_enumeration(label))
    if "机关运行经费" in t:
        return RUNNING_COSTS
    if t.startswith("会议费"):
        return MEETINGS
    if t.startswith("培训费"):
        return TRAINING
    if "购置" in t and "运行" in t:
        return "vehicles"
    for key, words in _WORDS:
        if any(w in t for w in words):
            if key == "vehicles" and ("运行" in t and "购置" not in t):
                return "vehicle_operation"
            return key
    return None


def _column_label(path: tuple[str, ...]) -> str:
    """The part a column of a horizontal table names: its last header cell (the group's, over a 小计), or
    the last cells joined where a Word header wraps a name over two rows (因公出国 / （境）费); a column
    with no header names nothing (and is refused as no part)."""
    if not path:
        return ""
    if path[-1] == "小计" and len(path) > 1:
        return path[-2]
    for k in range(1, len(path) + 1):
        label = "".join(path[-k:])
        if three_public_part(label) is not None:
            return label
    return path[-1]


# a 决算 prints each part twice: what was budgeted and what was spent
_PHASE_COLUMNS = {"预算数": "budget", "决算数": "amount"}


def parse_three_public(raw: RawTable, ctx: TableContext) -> Table:
    unit = require_unit(raw, ctx)
    table = new_table(raw, ctx, unit)
    table.columns = [TableColumn("amount", "预算数", "money")]
    grid = build_grid(raw)
    entries: list[tuple[int, str, str, str]] = []    # line, label, printed, column
    if len(grid.columns) > 2:                      # one horizontal row under a two-row header
        for r in grid.body:
            if not any(c.strip() for c in r.cells):
                continue                           # a spacer row under the figures
            for col in grid.columns:
                column = _PHASE_COLUMNS.get(compact(col.leaf), "amount")
                path = col.path[:-1] if compact(col.leaf) in _PHASE_COLUMNS and len(col.path) > 1 else col.path
                entries.append((r.line, _column_label(path), r.text(col.index), column))
    else:
        for r in raw.rows:
            label = r.text(0)
            if not label or compact(label) in ("项目",) or "预算数" in label:
                continue
            entries.append((r.line, label, r.text(1), "amount"))
    if any(e[3] == "budget" for e in entries):
        table.columns = [TableColumn("budget", "预算数", "money"), TableColumn("amount", "决算数", "money")]
    parts = [three_public_part(e[1]) for e in entries]
    if MEETINGS in parts or TRAINING in parts:
        # 江苏: a leading 合计 adds 会议费 and 培训费 to “三公”; “三公” itself is its own 小计
        for n, (entry, part) in enumerate(zip(entries, parts)):
            if part == THREE_PUBLIC_TOTAL and "三公" not in entry[1]:
                parts[n] = TABLE_TOTAL
    rows: dict[tuple[int, str], TableRow] = {}
    for (line, label, printed, column), part in zip(entries, parts):
        if part is None:
            raise DocumentError(ctx.document, line, f"expected a “三公” component (出国/接待/公务用车), found {label!r}")
        row = rows.get((line, part))
        if row is None:
            row = TableRow(len(rows) + 1, line, label, kind="total" if part == THREE_PUBLIC_TOTAL else "item",
                           code=part, scheme="three_public", canonical=_LABELS[part])
            rows[(line, part)] = row
            table.rows.append(row)
        row.cells.append(money_cell(ctx.document, Row(line, []), unit, column, printed))
    table.decimals = decimals_of([e[2] for e in entries])
    table.empty = not table.rows
    return table
