"""Turn a raw tab-separated table into header paths, key cells and value cells.

The layout of these tables is only loosely kept by the PDF conversion:
headers wrap over several rows and are sometimes offset from the data,
numbering rows (``** ** 1 2 3``) sit under the header, and rows lose empty
cells so that their figures shift left.  This module finds where the data
starts, which columns hold figures, names each value column by its header
path, and derives the sums that relate the columns (``合计 = 基本 + 项目``)
so that shifted rows can be re-aligned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

from generator.core.money import looks_like_broken_number, looks_like_number, parse_decimal
from generator.read.segment import RawTable, Row
from generator.core.text import compact

TOTAL_LABELS = {"合计", "总计", "共计", "小计", "本年收入合计", "本年支出合计", "收入合计", "支出合计", "收入总计", "支出总计"}


def is_total_label(text: str) -> bool:
    t = compact(text).rstrip("：:")
    return t in TOTAL_LABELS


def is_numbering_row(cells: list[str]) -> bool:
    """``** ** ** 1 2 3 …`` rows under headers carry no data."""
    filled = [c for c in cells if c]
    if len(filled) < 3:
        return False
    stars = [c for c in filled if set(c) <= {"*"}]
    numbers = [c for c in filled if c.isdigit()]
    if len(stars) + len(numbers) != len(filled) or not stars:
        return False
    return [int(n) for n in numbers] == list(range(1, len(numbers) + 1))


def _is_code_like(text: str) -> bool:
    t = text.replace(" ", "")
    return t.isdigit() and "," not in text and "." not in text and (len(t) >= 2 and t[0] in "0123456789")


def is_data_row(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    if not filled:
        return False
    if is_total_label(filled[0]) and any(looks_like_number(c) for c in filled[1:]):
        return True
    return any(looks_like_number(c) and ("," in c or "." in c) for c in filled)


@dataclass
class Column:
    index: int
    path: tuple[str, ...]

    @property
    def label(self) -> str:
        return " / ".join(self.path)

    @property
    def leaf(self) -> str:
        return self.path[-1] if self.path else ""


@dataclass
class Grid:
    header: list[Row]
    body: list[Row]
    skipped: list[Row]
    width: int
    value_start: int
    columns: list[Column] = field(default_factory=list)   # value columns only


def split_header(table: RawTable, max_header_rows: int = 6) -> tuple[list[Row], list[Row], list[Row]]:
    """Split rows into header rows, body rows and skipped numbering rows."""
    header: list[Row] = []
    body: list[Row] = []
    skipped: list[Row] = []
    in_body = False
    for row in table.rows:
        if is_numbering_row(row.cells):
            skipped.append(row)
            continue
        if not in_body and is_data_row(row.cells):
            in_body = True
        if in_body:
            body.append(row)
        else:
            header.append(row)
    if len(header) > max_header_rows and not body:
        pass
    return header, body, skipped


def header_paths(header: list[Row], width: int, start: int) -> list[tuple[str, ...]]:
    """Name every column from ``start`` on by its header path.

    A header cell spans to the right over empty cells of its row as long as
    the row above does not start a new group there and a lower header row
    has content under it.
    """
    grid = [[compact(r.text(c)) for c in range(width)] for r in header]
    # a group label printed one column before the 小计 that opens its group
    for r in range(len(grid) - 1):
        for c in range(start, width - 1):
            if grid[r][c] and not grid[r][c + 1] and grid[r + 1][c + 1] == "小计" and grid[r + 1][c] != "小计" \
                    and c > start and grid[r][c - 1] == "":
                grid[r][c + 1], grid[r][c] = grid[r][c], ""
    spans: list[list[str]] = [["" for _ in range(width)] for _ in grid]
    for r, cells in enumerate(grid):
        current = ""
        for c in range(start, width):
            upper_starts = r > 0 and grid[r - 1][c] != "" and c > start
            if cells[c]:
                current = cells[c]
                spans[r][c] = current
            elif current and not upper_starts and any(grid[k][c] for k in range(r + 1, len(grid))):
                spans[r][c] = current
            else:
                current = "" if upper_starts or not any(grid[k][c] for k in range(r + 1, len(grid))) else current
                spans[r][c] = ""
    paths = []
    for c in range(start, width):
        path = tuple(spans[r][c] for r in range(len(grid)) if spans[r][c])
        paths.append(path)
    return paths


def value_start(body: list[Row]) -> int:
    """Index of the first figure column: after the last text cell of any row."""
    start = 0
    for row in body:
        for i, cell in enumerate(row.cells):
            if cell and not looks_like_number(cell) and not _is_code_like(cell) and not looks_like_broken_number(cell):
                start = max(start, i + 1)
    return start


def build_grid(table: RawTable) -> Grid:
    header, body, skipped = split_header(table)
    width = max((len(r.cells) for r in table.rows), default=0)
    start = value_start(body) if body else _value_start_from_header(header)
    grid = Grid(header, body, skipped, width, start)
    for offset, path in enumerate(header_paths(header, width, start)):
        grid.columns.append(Column(start + offset, path))
    while grid.columns and not grid.columns[-1].path and all(not r.text(grid.columns[-1].index) for r in body):
        grid.columns.pop()
    return grid


def _value_start_from_header(header: list[Row]) -> int:
    for row in header:
        for i, cell in enumerate(row.cells):
            if compact(cell) in {"合计", "总计"}:
                return i
    return 0


# ---------------------------------------------------------------- constraints

@dataclass(frozen=True)
class SumRule:
    """``values[total] == sum(values[parts])``; with ``at_most``, ``parts[0] <= total``.

    The second form is the ``其中`` (of which) relation: a part printed under a
    subtotal can never exceed it.
    """

    total: int
    parts: tuple[int, ...]
    at_most: bool = False


def is_of_which(label: str) -> bool:
    return label.startswith("其中")


def sum_rules(columns: list[Column]) -> list[SumRule]:
    """Derive the sums that relate value columns from their header paths."""
    rules: list[SumRule] = []
    n = len(columns)
    subtotal_names = {"小计", "合计"}
    # groups: the first path element shared by consecutive columns
    groups: dict[str, list[int]] = {}
    order: list[str] = []
    for i, col in enumerate(columns):
        key = col.path[0] if col.path else f"#{i}"
        if len(col.path) == 1:
            key = f"{key}#{i}"
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(i)
    top_terms: list[int] = []
    for key in order:
        members = groups[key]
        if len(members) == 1 and len(columns[members[0]].path) <= 1:
            top_terms.append(members[0])
            continue
        subtotal = next((m for m in members if columns[m].path[1:2] and columns[m].path[1] in subtotal_names), None)
        leaves = [m for m in members if m != subtotal and not is_of_which(columns[m].leaf)]
        if subtotal is not None:
            if leaves:
                rules.append(SumRule(subtotal, tuple(leaves)))
            for m in members:
                if is_of_which(columns[m].leaf):
                    rules.append(SumRule(subtotal, (m,), at_most=True))
            top_terms.append(subtotal)
        else:
            top_terms.extend(leaves)
    if n and columns[0].path and len(columns[0].path) == 1 and columns[0].path[0] in {"合计", "总计"}:
        parts = tuple(t for t in top_terms if t != 0 and not is_of_which(columns[t].leaf))
        if parts:
            rules.append(SumRule(0, parts))
    return rules


def _tolerance(count: int, half_unit: int) -> int:
    return half_unit * (count + 1)


def satisfies(values: list[Decimal | None], rules: list[SumRule], half_unit: Decimal) -> bool:
    for rule in rules:
        total = values[rule.total]
        parts = [values[p] for p in rule.parts]
        if rule.at_most:
            if (parts[0] or 0) > (total or 0) + half_unit:
                return False
            continue
        if total is None and all(p is None for p in parts):
            continue
        t = total or Decimal(0)
        s = sum((p or Decimal(0) for p in parts), Decimal(0))
        if abs(t - s) > half_unit * (len(parts) + 1):
            return False
    return True


def candidate_placements(printed: list[str], limit: int = 20000) -> list[list[int]]:
    """Order-preserving placements of the filled cells, each moving right only."""
    filled = [i for i, c in enumerate(printed) if c]
    n = len(printed)
    result: list[list[int]] = []

    def place(k: int, lowest: int, chosen: list[int]) -> None:
        if len(result) >= limit:
            return
        if k == len(filled):
            result.append(list(chosen))
            return
        for pos in range(max(lowest, filled[k]), n - (len(filled) - k - 1)):
            chosen.append(pos)
            place(k + 1, pos + 1, chosen)
            chosen.pop()

    place(0, 0, [])
    return result


def arrange(printed: list[str], placement: list[int]) -> list[str]:
    out = ["" for _ in printed]
    filled = [c for c in printed if c]
    for value, pos in zip(filled, placement):
        out[pos] = value
    return out


def numeric(cells: list[str]) -> list[Decimal | None]:
    out: list[Decimal | None] = []
    for c in cells:
        try:
            out.append(parse_decimal(c))
        except ValueError:
            out.append(None)
    return out


def valid_arrangements(printed: list[str], rules: list[SumRule], half_unit: Decimal) -> list[list[str]]:
    """Every right-shifted arrangement of a row that satisfies the sum rules."""
    found = []
    for placement in candidate_placements(printed):
        cells = arrange(printed, placement)
        if satisfies(numeric(cells), rules, half_unit):
            found.append(cells)
    return found
