"""Turn a raw tab-separated table into header paths, key cells and value cells.

The layout of these tables is only loosely kept by the PDF conversion:
headers wrap over several rows and are sometimes offset from the data,
numbering rows (``** ** 1 2 3``) sit under the header, and rows lose empty
cells so that their figures shift left.  This module finds where the data
starts, which columns hold figures and names each value column by its
header path; ``generator.normalise.realign`` puts shifted rows back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.core.money import is_dash, looks_like_broken_number, looks_like_number
from generator.read.layout import RawTable, Row
from generator.core.text import compact
from generator.templates.registry import TOTAL_LABELS



def is_total_label(text: str) -> bool:
    """合计, 总计 …: the table's total.  A 小计 totals one group of rows, never the table (``is_subtotal_label``)."""
    t = compact(text).rstrip("：:")
    return t in TOTAL_LABELS


def is_subtotal_label(text: str) -> bool:
    """小计 (or 财政拨款小计 …): the sum of one group of rows."""
    return compact(text).rstrip("：:").endswith("小计")


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
    if (is_total_label(filled[0]) or is_subtotal_label(filled[0])) and any(looks_like_number(c) for c in filled[1:]):
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


def split_header(table: RawTable) -> tuple[list[Row], list[Row], list[Row]]:
    """Split rows into header rows, body rows and skipped numbering rows."""
    header: list[Row] = []
    body: list[Row] = []
    skipped: list[Row] = []
    in_body = False
    for row in join_split_totals(table.rows):
        if is_numbering_row(row.cells):
            skipped.append(row)
            continue
        if not in_body and is_data_row(row.cells):
            in_body = True
        if in_body:
            body.append(row)
        else:
            header.append(row)
    return header, body, skipped


def join_split_totals(rows: list[Row]) -> list[Row]:
    """A total row whose label stands on a row of its own, beside the row of its figures, made one row.

    A 合计 printed first in a merged cell taller than its figures (江苏's 机关运行经费表: a large “合计”
    over the code and name columns, its figure lower down) reaches the reader as a row holding only
    the label and a row holding only figures, right under or over it.  The two are one row, on the
    line of the figures; the label keeps its column, left of every figure.
    """
    out = list(rows)
    k = 0
    while k < len(out) - 1:
        for label_row, figure_row in ((out[k], out[k + 1]), (out[k + 1], out[k])):
            at = _lone_total_label(label_row)
            first = _first_figure_only(figure_row)
            if at is not None and first is not None and at < first:
                cells = list(figure_row.cells) + [""] * (at + 1 - len(figure_row.cells))
                cells[at] = label_row.cells[at]
                out[k:k + 2] = [Row(figure_row.line, cells)]
                break
        k += 1
    return out


def _lone_total_label(row: Row) -> int | None:
    """The column of a row's one cell when that cell is a total label (合计) and nothing else is printed."""
    filled = [i for i, c in enumerate(row.cells) if c.strip()]
    return filled[0] if len(filled) == 1 and is_total_label(row.cells[filled[0]]) else None


def _first_figure_only(row: Row) -> int | None:
    """The first column of a row that prints figures (or dashes) and nothing else (no label, no code)."""
    filled = [i for i, c in enumerate(row.cells) if c.strip()]
    if filled and all(looks_like_number(row.cells[i]) or is_dash(row.cells[i]) for i in filled) \
            and any("," in row.cells[i] or "." in row.cells[i] for i in filled):
        return filled[0]
    return None


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
            if cell and not looks_like_number(cell) and not _is_code_like(cell) and not looks_like_broken_number(cell) \
                    and not is_dash(cell):
                start = max(start, i + 1)
    return start


def build_grid(table: RawTable) -> Grid:
    header, body, skipped = split_header(table)
    width = max((len(r.cells) for r in table.rows), default=0)
    figures = any(looks_like_number(c) and c.strip() for r in body for c in r.cells)
    start = value_start(body) if figures else max(value_start(body), _value_start_from_header(header))
    grid = Grid(header, body, skipped, width, start)
    for offset, path in enumerate(header_paths(header, width, start)):
        grid.columns.append(Column(start + offset, path))
    while grid.columns and not grid.columns[-1].path and all(not r.text(grid.columns[-1].index) for r in body):
        grid.columns.pop()
    return grid


def _value_start_from_header(header: list[Row]) -> int:
    """For a table without figures (an empty table): after the header's label columns (科目名称, 代码 …)."""
    labels = {i for row in header for i, cell in enumerate(row.cells)
              if re.search(r"(名称|代码|编码|科目)$", compact(cell))}
    for row in header:
        for i, cell in enumerate(row.cells):
            if compact(cell) in {"合计", "总计"} and i not in labels:     # a 合计 under 科目名称 names a row
                return i
    return max(labels) + 1 if labels else 0
