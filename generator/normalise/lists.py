"""Procurement tables (政府采购预算表) and project lists (项目支出表): rows of named items with figures."""

from __future__ import annotations

import re
from collections import Counter

from generator.core import codes
from generator.core import vocabulary as V
from generator.core.model import Table, TableColumn, TableRow
from generator.core.money import half_unit, looks_like_number, slack
from generator.core.text import compact
from generator.core.vocabulary import ColumnRole, RowKind
from generator.normalise.grid import Column, Grid, build_grid, header_paths, is_total_label
from generator.normalise.measures import measure_key, unique_keys
from generator.normalise.tables import (TableContext, decimals_of, digits_only, money_cell, new_table, require_unit,
                                        set_code)
from generator.read.layout import RawTable, Row


def parse_procurement(raw: RawTable, ctx: TableContext) -> Table:
    grid = build_grid(raw)
    unit = require_unit(raw, ctx)
    table = new_table(raw, ctx, unit)
    header_labels = [compact(c) for r in grid.header for c in r.cells]
    roles = _by_category_roles(grid)
    if roles:
        return _procurement_by_category(grid, roles, table, ctx, unit)
    if grid.value_start <= 2 and len(grid.columns) > 2 and not any("数量" in h for h in header_labels):
        return _procurement_by_fund(grid, table, ctx, unit)
    text_names = [h for h in header_labels if h in ("单位名称", "采购项目", "采购目录", "规格", "计量单位")]
    table.columns = [TableColumn(name, name, ColumnRole.TEXT) for name in text_names]
    table.columns += [TableColumn(V.Column.QUANTITY, "采购数量", ColumnRole.QUANTITY),
                      TableColumn(V.Column.AMOUNT, "金额", ColumnRole.MONEY)]
    values = []
    for n, r in enumerate(grid.body, 1):
        cells = r.cells + [""] * (grid.width - len(r.cells))
        row = TableRow(n, r.line, "")
        digits = [c for c in cells[:3] if digits_only(c)]
        code = codes.function_code(digits) if digits else None
        if code:
            set_code(row, code, ctx.extra_dir)
        texts = cells[3: grid.width - 2]
        for name, value in zip(text_names, texts):
            row.text[name] = value
        row.label = row.text.get("采购目录") or row.text.get("采购项目") or next((c for c in cells if c and not digits_only(c) and not looks_like_number(c)), "")
        if is_total_label(row.label) or (not code and any(is_total_label(c) for c in cells)):
            row.kind, row.label = RowKind.TOTAL, "合计"
        row.text[V.Column.QUANTITY] = cells[grid.width - 2]
        row.cells.append(money_cell(ctx.document, r, unit, V.Column.AMOUNT, cells[grid.width - 1]))
        values.append(cells[grid.width - 1])
        table.rows.append(row)
    table.decimals = decimals_of(values)
    table.empty = not table.rows
    return table


def _procurement_by_fund(grid, table: Table, ctx: TableContext, unit: str) -> Table:
    """重庆: 项目编号 | 项目 | 总计 | 一般公共预算拨款收入 | 政府性基金预算拨款收入 | …: a code and a name (A 货物,
    C 服务) left of a column of figures for each source of funds.  The 总计 column is the amount; the
    others are kept beside it.
    """
    main = next((c for c in grid.columns if is_total_label(c.leaf)), grid.columns[0])
    keys = unique_keys([V.Column.AMOUNT if c is main else measure_key(c.path) for c in grid.columns])
    table.columns = [TableColumn("code", "编号", ColumnRole.TEXT)]
    table.columns += [TableColumn(k, c.label, ColumnRole.MONEY) for k, c in zip(keys, grid.columns)]
    values = []
    for n, r in enumerate(grid.body, 1):
        texts = [r.text(i) for i in range(grid.value_start)]
        row = TableRow(n, r.line, texts[-1] if texts else "")
        if len(texts) > 1:
            row.text["code"] = texts[0]
        if any(is_total_label(t) for t in texts):
            row.kind, row.label = RowKind.TOTAL, "合计"
        for key, col in zip(keys, grid.columns):
            values.append(r.text(col.index))
            row.cells.append(money_cell(ctx.document, r, unit, key, r.text(col.index)))
        table.rows.append(row)
    table.decimals = decimals_of(values)
    table.empty = not table.rows
    return table


# The columns of the by-category layout, known by what their headers say rather than their exact words
_ROLES = {"category": r"大类|类别", "project": r"专项|项目名称", "economic": r"经济(科目|分类)",
          "item": r"(物品|品目)名称", "method": r"组织形|采购方式"}
_TEXT_LABELS = {"project": "专项名称", "economic": "经济科目", "method": "采购组织形式"}
# a category of the 政府采购品目分类 as the category column prints it: 货物, 工程, 服务 (一、货物A, 三、服务C)
_CATEGORY = re.compile(r"^(?:[一二三四五六七八九十]+[、.．])?(?:货物|工程|服务)[A-C]?$")


def _by_category_roles(grid: Grid) -> dict[str, int] | None:
    """The column of each role (category, project, economic, item, method) of a procurement table nested by
    category, or None when its header does not name a category, the goods bought and how they are bought."""
    roles: dict[str, int] = {}
    for i in range(grid.width):
        label = "".join(compact(r.text(i)) for r in grid.header)
        role = next((k for k, pattern in _ROLES.items() if k not in roles and re.search(pattern, label)), None)
        if role:
            roles[role] = i
    return roles if {"category", "item", "method"} <= roles.keys() else None


def _procurement_by_category(grid: Grid, roles: dict[str, int], table: Table, ctx: TableContext,
                             unit: str) -> Table:
    """江苏: 采购品目大类 | 专项名称 | 经济科目 | 采购物品名称 (采购品目名称) | 采购组织形式 | figures, nested by row.

    Under the 合计, a category (货物, 工程, 服务) is a group of level 1; a unit printed in the category
    column under it (the cities: 无锡市商务局（本级）) a group of level 2; a project and economic class
    printed without goods (the province) a group one level below the last group of the category column; a
    row of figures without a word (its category's name lost in the source) a category.
    The goods and services bought are the items: each group is the sum of the items under it, the 合计
    the sum of all items.  Every column of figures right of the text columns is kept: 总计 as the
    amount, the cities' sources of funds (资金来源: 一般公共预算资金, 政府性基金 …) beside it.
    """
    start = max(roles.values()) + 1
    money = _money_columns(grid, start)
    texts = [k for k in ("project", "economic", "method") if k in roles]
    table.columns = [TableColumn(k, _TEXT_LABELS[k], ColumnRole.TEXT) for k in texts]
    table.columns += [TableColumn(key, label, ColumnRole.MONEY) for key, label, _ in money]
    values = []
    last_item, last_level = "", 0
    for n, (r, cells) in enumerate(_join_wrapped(grid, start, [i for _, _, i in money]), 1):
        category, project, economic, item, method = (cells[roles[k]] if k in roles else ""
                                                     for k in ("category", "project", "economic", "item", "method"))
        if not (category or project or economic or item) and method:
            item = last_item               # the same goods bought a second way: the name is merged above
        last_item = item or last_item
        row = TableRow(n, r.line, item or project or economic or category)
        row.text.update({k: cells[roles[k]] for k in texts})
        if is_total_label(category) and not (project or item):
            row.kind, row.label = RowKind.TOTAL, "合计"
        elif not item:
            row.kind = RowKind.GROUP
            if category or not (project or economic):   # figures alone: a category whose name was not read
                last_level = 2 if category and not _CATEGORY.match(compact(category)) else 1
                row.level = last_level
            else:
                row.level = last_level + 1
        for key, _, i in money:
            row.cells.append(money_cell(ctx.document, r, unit, key, cells[i]))
            values.append(cells[i])
        table.rows.append(row)
    table.decimals = decimals_of(values)
    table.empty = not table.rows
    return table


def _money_columns(grid: Grid, start: int) -> list[tuple[str, str, int]]:
    """(key, label, index) of each column of figures from ``start`` on: the 总计 (or 合计) is ``amount``, the
    others keep their measure keys; a header over several of them (资金来源) names them together, not a
    measure."""
    paths = header_paths(grid.header, grid.width, start)
    while paths and not paths[-1] and all(not r.text(start + len(paths) - 1) for r in grid.body):
        paths.pop()
    spans = Counter(p[0] for p in paths if len(p) > 1)
    keys = [measure_key(p[1:] if len(p) > 1 and spans[p[0]] > 1 else p) for p in paths]
    keys = unique_keys([V.Column.AMOUNT if k == V.Column.TOTAL else k for k in keys])
    return [(k, "金额" if k == V.Column.AMOUNT else " / ".join(p), start + i) for i, (k, p) in enumerate(zip(keys, paths))]


def _join_wrapped(grid: Grid, start: int, figures: list[int]) -> list[tuple[Row, list[str]]]:
    """The body's rows with their cells, a label wrapped over two lines made one: a row that prints no
    figure and only continues cells of the row above (商品和服务支出(定额非 / 三保)) joins it."""
    out: list[tuple[Row, list[str]]] = []
    for r in grid.body:
        cells = [r.text(i) for i in range(grid.width)]
        words = [i for i in range(start) if cells[i]]
        if any(cells[i] for i in figures) or not out:
            out.append((r, cells))
        elif words and all(out[-1][1][i] for i in words):
            for i in words:
                out[-1][1][i] += cells[i]
        elif words:
            out.append((r, cells))
    return out


def parse_project_list(raw: RawTable, ctx: TableContext) -> Table:
    grid = build_grid(raw)
    unit = require_unit(raw, ctx)
    table = new_table(raw, ctx, unit)
    columns, start, after = grid.columns, grid.value_start, []
    if not columns:
        columns, start, after = _figures_before_words(grid)
    keys = unique_keys([measure_key(c.path) for c in columns])
    one_name = start == 1                      # 广东: one column names the units and, under each, its projects
    table.columns = [] if one_name else [TableColumn("type", "类型", ColumnRole.TEXT),
                                         TableColumn("unit", "项目单位", ColumnRole.TEXT)]
    table.columns += [TableColumn(k, c.label, ColumnRole.MONEY) for k, c in zip(keys, columns)]
    table.columns += [TableColumn(c.label, c.label, ColumnRole.TEXT) for c in after]
    values = []
    for n, r in enumerate(grid.body, 1):
        texts = [r.text(i) for i in range(start)]
        if one_name:
            row = TableRow(n, r.line, texts[0])
            if is_total_label(texts[0]):
                row.kind, row.label = RowKind.TOTAL, "合计"
        else:
            row = TableRow(n, r.line, texts[1] if len(texts) > 1 else "")
            row.text["type"] = texts[0] if texts else ""
            row.text["unit"] = texts[2] if len(texts) > 2 else ""
            if digits_only(row.label):
                row.unit_code, row.label, row.kind = row.label, row.text["unit"], RowKind.UNIT
            elif not any(texts):
                row.kind, row.label = RowKind.TOTAL, "合计"
        for key, col in zip(keys, columns):
            values.append(r.text(col.index))
            row.cells.append(money_cell(ctx.document, r, unit, key, r.text(col.index)))
        for col in after:
            row.text[col.label] = r.text(col.index)
        table.rows.append(row)
    table.decimals = decimals_of(values)
    if one_name and keys:
        _groups_by_sum(table, keys[0], half_unit(unit, table.decimals))
    return table


def _figures_before_words(grid) -> tuple[list[Column], int, list[Column]]:
    """(the columns of figures, where they begin, the columns of words after them) of a list that prints words
    right of its figures (广东's 项目支出预算表: … | 其他资金 | 绩效目标), which the grid takes for names."""
    filled = [[r.text(i) for r in grid.body if r.text(i).strip()] for i in range(grid.width)]
    at = [i for i, cells in enumerate(filled) if cells and all(looks_like_number(c) for c in cells)]
    if not at:
        return [], grid.value_start, []
    start, end = at[0], at[-1] + 1
    figures = [Column(start + k, p) for k, p in enumerate(header_paths(grid.header, end, start))]
    words = [Column(end + k, p) for k, p in enumerate(header_paths(grid.header, grid.width, end)) if p]
    return figures, start, words


def _groups_by_sum(table: Table, key: str, half: int) -> None:
    """Rows that head a group of the rows under them, found by their sums: a unit over its projects, a class
    over its items (the 302 row over 30201 …), where nothing else says which is which.  Taken only where the
    groups cover every row and add up to the total: each head is an item of the total (level 1), the rows
    under it its details (level 2, ``parent`` the head's name)."""
    total = table.total_row()
    rows = [r for r in table.rows if r.kind != RowKind.TOTAL]
    if total is None or total.amount(key) is None or not rows:
        return
    groups: list[tuple[TableRow, list[TableRow]]] = []
    i = 0
    while i < len(rows):
        head, found, j = rows[i], 0, i + 1
        target = head.amount(key) or 0
        while j < len(rows) and abs(found - target) > slack(half, j - i - 1) and found < target:
            found += rows[j].amount(key) or 0
            j += 1
        if j == i + 1 or abs(found - target) > slack(half, j - i - 1):
            return
        groups.append((head, rows[i + 1:j]))
        i = j
    if abs(sum(h.amount(key) or 0 for h, _ in groups) - total.amount(key)) > slack(half, len(groups)):
        return
    for head, members in groups:
        head.level = 1
        for r in members:
            r.kind, r.level, r.parent = RowKind.DETAIL, 2, head.label
