"""Procurement tables (政府采购预算表) and project lists (项目支出表): rows of named items with figures."""

from __future__ import annotations

from generator.core import codes
from generator.core.model import Table, TableColumn, TableRow
from generator.core.money import looks_like_number
from generator.core.text import compact
from generator.normalise.grid import build_grid, is_total_label
from generator.normalise.measures import measure_key, unique_keys
from generator.normalise.tables import (TableContext, decimals_of, digits_only, money_cell, new_table, require_unit,
                                        set_code)
from generator.read.layout import RawTable


def parse_procurement(raw: RawTable, ctx: TableContext) -> Table:
    grid = build_grid(raw)
    unit = require_unit(raw, ctx)
    table = new_table(raw, ctx, unit)
    header_labels = [compact(c) for r in grid.header for c in r.cells]
    if "采购品目大类" in header_labels and "采购物品名称" in header_labels:
        return _procurement_by_category(grid, table, ctx, unit)
    text_names = [h for h in header_labels if h in ("单位名称", "采购项目", "采购目录", "规格", "计量单位")]
    table.columns = [TableColumn(name, name, "text") for name in text_names]
    table.columns += [TableColumn("quantity", "采购数量", "quantity"), TableColumn("amount", "金额", "money")]
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
            row.kind, row.label = "total", "合计"
        row.text["quantity"] = cells[grid.width - 2]
        row.cells.append(money_cell(ctx.document, r, unit, "amount", cells[grid.width - 1]))
        values.append(cells[grid.width - 1])
        table.rows.append(row)
    table.decimals = decimals_of(values)
    table.empty = not table.rows
    return table


def _procurement_by_category(grid, table: Table, ctx: TableContext, unit: str) -> Table:
    """江苏: 采购品目大类 | 专项名称 | 经济科目 | 采购物品名称 | 采购组织形式 | 总计, nested by column.

    A category (货物, 服务) and a project under it are groups; the goods
    and services bought are the items that add up to the 合计.
    """
    table.columns = [TableColumn("project", "专项名称", "text"), TableColumn("economic", "经济科目", "text"),
                     TableColumn("method", "采购组织形式", "text"), TableColumn("amount", "金额", "money")]
    values = []
    last_item = ""
    for n, r in enumerate(grid.body, 1):
        cells = [r.text(i) for i in range(grid.width)]
        category, project, economic, item, method, amount = (cells + [""] * 6)[:6]
        if not (category or project or economic or item) and method:
            item = last_item               # the same goods bought a second way: the name is merged above
        last_item = item or last_item
        row = TableRow(n, r.line, item or project or economic or category)
        row.text.update({"project": project, "economic": economic, "method": method})
        if is_total_label(category) and not (project or item):
            row.kind, row.label = "total", "合计"
        elif not item:
            row.kind = "group"
        row.cells.append(money_cell(ctx.document, r, unit, "amount", amount))
        values.append(amount)
        table.rows.append(row)
    table.decimals = decimals_of(values)
    table.empty = not table.rows
    return table


def parse_project_list(raw: RawTable, ctx: TableContext) -> Table:
    grid = build_grid(raw)
    unit = require_unit(raw, ctx)
    table = new_table(raw, ctx, unit)
    keys = unique_keys([measure_key(c.path) for c in grid.columns])
    table.columns = [TableColumn("type", "类型", "text"), TableColumn("unit", "项目单位", "text")]
    table.columns += [TableColumn(k, c.label, "money") for k, c in zip(keys, grid.columns)]
    values = []
    for n, r in enumerate(grid.body, 1):
        texts = [r.text(i) for i in range(grid.value_start)]
        row = TableRow(n, r.line, texts[1] if len(texts) > 1 else "")
        row.text["type"] = texts[0] if texts else ""
        row.text["unit"] = texts[2] if len(texts) > 2 else ""
        if digits_only(row.label):
            row.unit_code, row.label, row.kind = row.label, row.text["unit"], "unit"
        elif not any(texts):
            row.kind, row.label = "total", "合计"
        for key, col in zip(keys, grid.columns):
            values.append(r.text(col.index))
            row.cells.append(money_cell(ctx.document, r, unit, key, r.text(col.index)))
        table.rows.append(row)
    table.decimals = decimals_of(values)
    return table
