"""The “三公” table: its parts recognised by their names, vertical or horizontal as printed."""

from __future__ import annotations

import re

from generator.core.errors import DocumentError
from generator.core.model import Table, TableColumn, TableRow
from generator.core.text import compact, strip_enumeration
from generator.core.vocabulary import (MEASURES, MEETINGS, RUNNING_COSTS, TABLE_TOTAL, THREE_PUBLIC_PARTS,
                                       THREE_PUBLIC_TOTAL, THREE_PUBLIC_TOTAL_LABEL, TRAINING, Column, ColumnRole,
                                       RowKind, Scheme)
from generator.normalise.grid import Grid, build_grid, is_total_label
from generator.normalise.measures import measure_key, unique_keys
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
_PHASE_COLUMNS = {"预算数": Column.BUDGET, "决算数": Column.AMOUNT}
_PART_KEYS = frozenset(p.key for p in THREE_PUBLIC_PARTS)


def _names_parts(labels: list[str]) -> bool:
    """Whether the labels name two parts of “三公” or more (a 合计 alone names none)."""
    return len({three_public_part(label) for label in labels} & _PART_KEYS) >= 2


def _parts_in_rows(grid: Grid) -> list[tuple[str, str]] | None:
    """A vertical table that prints several columns of figures (广东's 行政经费及“三公”经费预算表: the parts
    in its rows, 合计 | 一般公共预算 | 政府性基金预算 … in its columns): each column as (key, label), the
    figure of the part being the 合计 column's (or the first column's), the other columns kept beside it.
    None when the parts stand in the columns (a horizontal table)."""
    if len(grid.columns) < 2 or _names_parts([_column_label(c.path) for c in grid.columns]) \
            or not _names_parts([_row_label(r, grid.value_start) for r in grid.body]):
        return None
    phases = any(compact(c.leaf) in _PHASE_COLUMNS for c in grid.columns)
    main = next((c for c in grid.columns if is_total_label(c.leaf)), grid.columns[0])
    keys = unique_keys([_PHASE_COLUMNS[compact(c.leaf)] if phases and compact(c.leaf) in _PHASE_COLUMNS
                        else Column.AMOUNT if c is main and not phases else measure_key(c.path) for c in grid.columns])
    return [(key, " / ".join(c.path) or "预算数") for key, c in zip(keys, grid.columns)]


def _years(grid: Grid) -> dict[int, int]:
    """The year each column's group names, where the parts are printed once for each of two years or more
    (重庆: 2025年预算数 | 2026年预算数, each over 合计 | 因公出国（境）费 | …); empty otherwise."""
    years = {}
    for col in grid.columns:
        m = re.match(r"(\d{4})\s*年", compact(col.path[0])) if len(col.path) > 1 else None
        if m:
            years[col.index] = int(m.group(1))
    return years if len(set(years.values())) > 1 else {}


def _row_label(row: Row, start: int) -> str:
    """The name a row of a vertical table prints left of its figures."""
    return "".join(c.strip() for c in row.cells[:start])


def parse_three_public(raw: RawTable, ctx: TableContext) -> Table:
    unit = require_unit(raw, ctx)
    table = new_table(raw, ctx, unit)
    table.columns = [TableColumn(Column.AMOUNT, "预算数", ColumnRole.MONEY)]
    grid = build_grid(raw)
    entries: list[tuple[int, str, str, str]] = []    # line, label, printed, column
    columns = _parts_in_rows(grid)
    if columns is not None:
        table.columns = [TableColumn(key, label, ColumnRole.MONEY) for key, label in columns]
        for r in grid.body:
            label = _row_label(r, grid.value_start)
            if not label and not any(c.strip() for c in r.cells):
                continue
            for (key, _), col in zip(columns, grid.columns):
                entries.append((r.line, label, r.text(col.index), key))
    elif len(grid.columns) > 2:                    # one horizontal row under a two-row header
        years = _years(grid)
        latest = max(years.values(), default=None)
        for r in grid.body:
            if not any(c.strip() for c in r.cells):
                continue                           # a spacer row under the figures
            for col in grid.columns:
                column = _PHASE_COLUMNS.get(compact(col.leaf), Column.AMOUNT)
                path = col.path[:-1] if compact(col.leaf) in _PHASE_COLUMNS and len(col.path) > 1 else col.path
                if years.get(col.index, latest) != latest:
                    column = f"{column}.{years[col.index]}"     # last year's budget, printed beside this year's
                entries.append((r.line, _column_label(path), r.text(col.index), column))
        if latest is not None:
            table.columns = [TableColumn(Column.AMOUNT, f"{latest}年预算数", ColumnRole.MONEY)] + [
                TableColumn(f"{Column.AMOUNT}.{y}", f"{y}年预算数", ColumnRole.MONEY) for y in sorted(set(years.values()) - {latest})]
    else:
        for r in raw.rows:
            label = r.text(0)
            if not label or compact(label) in ("项目",) or "预算数" in label:
                continue
            entries.append((r.line, label, r.text(1), Column.AMOUNT))
    if columns is None and any(e[3] == Column.BUDGET for e in entries):
        table.columns = [TableColumn(Column.BUDGET, "预算数", ColumnRole.MONEY),
                         TableColumn(Column.AMOUNT, "决算数", ColumnRole.MONEY)]
    parts = [three_public_part(e[1]) for e in entries]
    if MEETINGS in parts or TRAINING in parts:
        # 江苏: a leading 合计 adds 会议费 and 培训费 to “三公”; “三公” itself is its own 小计
        for n, (entry, part) in enumerate(zip(entries, parts)):
            if part == THREE_PUBLIC_TOTAL and "三公" not in entry[1]:
                parts[n] = TABLE_TOTAL
    # a row (or column) of another name is kept as printed beside the parts (行政经费), never added to them; a
    # figure under no name at all, or a table that names no part, is refused
    unnamed = next((e for e, part in zip(entries, parts) if not compact(e[1]) or (
                    part is None and not set(parts) & (_PART_KEYS | {THREE_PUBLIC_TOTAL}))), None)
    if unnamed is not None:
        raise DocumentError(ctx.document, unnamed[0],
                            f"expected a “三公” component (出国/接待/公务用车), found {unnamed[1]!r}")
    rows: dict[tuple[int, str], TableRow] = {}
    for (line, label, printed, column), part in zip(entries, parts):
        row = rows.get((line, part or label))
        if row is None:
            row = TableRow(len(rows) + 1, line, label, kind=RowKind.TOTAL if part == THREE_PUBLIC_TOTAL else RowKind.ITEM,
                           code=part, scheme=Scheme.THREE_PUBLIC, canonical=_LABELS[part] if part else None)
            rows[(line, part or label)] = row
            table.rows.append(row)
        row.cells.append(money_cell(ctx.document, Row(line, []), unit, column, printed))
    table.decimals = decimals_of([e[2] for e in entries])
    table.empty = not table.rows
    return table
