"""Two-sided summaries (收支总体情况表): income on the left, expenditure on the right, on one printed line."""

from __future__ import annotations

from generator.core import codes
from generator.core import vocabulary as V
from generator.core.errors import DocumentError
from generator.core.model import Table, TableColumn, TableRow
from generator.core.money import half_printed, looks_like_number
from generator.core.text import compact
from generator.normalise.grid import Column, header_paths
from generator.normalise.measures import measure_key, unique_keys
from generator.normalise.realign import realign_rows, sum_rules
from generator.normalise.tables import TableContext, decimals_of, money_cell, new_table, require_unit, set_code
from generator.read.layout import RawTable


def _expenditure_column(raw: RawTable) -> tuple[int, int]:
    """(data column of the expenditure label, header column of it)."""
    data_col = None
    for r in raw.rows:
        for i, c in enumerate(r.cells):
            if i > 0 and compact(c).rstrip("：:") in ("本年支出合计", "支出合计", "支出总计") :
                data_col = i
                break
        if data_col is not None:
            break
    header_col = None
    for r in raw.rows[:3]:
        labels = [compact(c) for c in r.cells]
        hits = [i for i, c in enumerate(labels) if c == "项目"]
        if len(hits) >= 2:
            header_col = hits[1]
            break
    if data_col is None and header_col is not None:
        data_col = header_col
    if data_col is None:
        raise DocumentError("", raw.start, "expected an income side and an expenditure side (支出合计 not found)")
    return data_col, header_col if header_col is not None else data_col


def parse_two_sided(raw: RawTable, ctx: TableContext) -> Table:
    unit = require_unit(raw, ctx)
    table = new_table(raw, ctx, unit)
    try:
        e_data, e_head = _expenditure_column(raw)
    except DocumentError as exc:
        raise DocumentError(ctx.document, exc.line, exc.message) from None
    header_rows = []
    body = []
    for r in raw.rows:
        if not any(c.strip() for c in r.cells):
            continue                       # a blank row (Word prints spacer rows between the lines)
        if not body and not any(looks_like_number(c) for c in r.cells) and len(header_rows) < 4:
            header_rows.append(r)
        else:
            body.append(r)
    width = max(len(r.cells) for r in raw.rows)
    use = _use_panel(body, e_data, width)
    if use is not None:
        return _three_panels(raw, ctx, table, unit, body, e_data, use)
    # expenditure value columns from the header, aligned relative to the label column
    paths = header_paths(header_rows, width, e_head + 1)
    columns = [Column(e_data + 1 + k, p) for k, p in enumerate(paths)]
    while columns and not columns[-1].path and all(not r.text(columns[-1].index) for r in body):
        columns.pop()
    if not columns:
        columns = [Column(e_data + 1, ("金额",))]
    # the side's one column of figures is its amount, whatever its header says (金额, 预算数, 预算 …)
    keys = unique_keys([measure_key(c.path) if c.path and len(columns) > 1
                        and compact(c.path[0]) not in ("金额", "预算数", "决算数") else V.Column.TOTAL for c in columns])
    table.columns = [TableColumn(V.Column.INCOME, "收入 / 金额", V.ColumnRole.MONEY, side=V.Side.INCOME)]
    table.columns += [TableColumn(k, "支出 / " + (c.label or "金额"), V.ColumnRole.MONEY, side=V.Side.EXPENDITURE)
                      for k, c in zip(keys, columns)]
    rules = sum_rules(columns) if len(columns) > 1 else []
    all_values = [c for r in body for c in r.cells if looks_like_number(c)]
    table.decimals = decimals_of(all_values)
    half = half_printed(table.decimals)
    exp_printed = [[r.text(c.index) for c in columns] for r in body]
    exp_aligned, flags = realign_rows(exp_printed, rules, half)
    group = ""
    n = 0
    for r, exp_values, flag in zip(body, exp_aligned, flags):
        income_cells = [r.text(i) for i in range(e_data)]
        amount = income_cells[-1] if income_cells and looks_like_number(income_cells[-1]) else ""
        labels = [c for c in (income_cells[:-1] if amount or (income_cells and not income_cells[-1]) else income_cells) if c]
        if income_cells and income_cells[0] and len([c for c in income_cells[:-1] if c]) >= 1 and e_data >= 3:
            group = income_cells[0]
        if labels:
            label = " ".join(labels)
            if e_data >= 3 and not income_cells[0] and group:
                label = f"{group} {label}"
            n += 1
            row = TableRow(n, r.line, label, kind=V.RowKind.TOTAL if _is_sum_label(label) else V.RowKind.INCOME,
                           side=V.Side.INCOME)
            row.cells.append(money_cell(ctx.document, r, unit, V.Column.INCOME, amount))
            table.rows.append(row)
        exp_label = r.text(e_data)
        if exp_label or any(exp_values):
            n += 1
            row = TableRow(n, r.line, exp_label,
                           kind=V.RowKind.TOTAL if _is_sum_label(exp_label) else V.RowKind.EXPENDITURE,
                           side=V.Side.EXPENDITURE)
            cls = codes.function_class_by_name(exp_label, ctx.extra_dir)
            if cls and not _is_sum_label(exp_label):
                set_code(row, cls, ctx.extra_dir)
            if flag:
                row.flags.append(flag)
            for key, printed in zip(keys, exp_values):
                row.cells.append(money_cell(ctx.document, r, unit, key, printed))
            table.rows.append(row)
    return table


def _use_panel(body: list, e_data: int, width: int) -> int | None:
    """The label column of a third panel (江苏: expenditure by 支出用途 beside expenditure by function), if any.

    A column right of the expenditure figures whose cells are labels
    (一、基本支出, 二、项目支出 …), followed by exactly one column of figures.
    """
    for j in range(e_data + 2, width - 1):
        cells = [r.text(j) for r in body if r.text(j)]
        labels = [c for c in cells if not looks_like_number(c)]
        if len(labels) >= 2 and len(labels) == len(cells) and all(not r.text(k) or looks_like_number(r.text(k))
                                                                   for r in body for k in range(j + 1, width)):
            return j if j + 2 == width else None
    return None


def _three_panels(raw: RawTable, ctx: TableContext, table: Table, unit: str, body: list, e_data: int,
                  use: int) -> Table:
    """Income | expenditure by function | expenditure by use (支出用途), each a label and one figure.

    The 支出合计 of both expenditure panels is printed once, in one merged
    cell that pdfplumber gives to the last column: it is the expenditure
    total row's figure.
    """
    table.columns = [TableColumn(V.Column.INCOME, "收入 / 金额", V.ColumnRole.MONEY, side=V.Side.INCOME),
                     TableColumn(V.Column.TOTAL, "支出 / 功能分类 / 金额", V.ColumnRole.MONEY, side=V.Side.EXPENDITURE),
                     TableColumn(V.Column.USE, "支出 / 支出用途 / 金额", V.ColumnRole.MONEY, side=V.Side.USE)]
    table.decimals = decimals_of([c for r in body for c in r.cells if looks_like_number(c)])
    n = 0
    for r in body:
        label, amount = " ".join(c for c in (r.text(i) for i in range(e_data - 1)) if c), r.text(e_data - 1)
        exp_label, exp_amount = r.text(e_data), r.text(e_data + 1)
        use_label, use_amount = r.text(use), r.text(use + 1)
        if not use_label and use_amount and not exp_amount and exp_label:
            exp_amount, use_amount = use_amount, ""         # one merged cell across both panels
        for side, text, key, printed in ((V.Side.INCOME, label, V.Column.INCOME, amount),
                                         (V.Side.EXPENDITURE, exp_label, V.Column.TOTAL, exp_amount),
                                         (V.Side.USE, use_label, V.Column.USE, use_amount)):
            if not text and not printed:
                continue
            n += 1
            kind = (V.RowKind.TOTAL if _is_sum_label(text) else V.RowKind.INCOME if side == V.Side.INCOME
                    else V.RowKind.EXPENDITURE)
            row = TableRow(n, r.line, text, kind=kind, side=side)
            if side == V.Side.EXPENDITURE and kind != V.RowKind.TOTAL:
                cls = codes.function_class_by_name(text, ctx.extra_dir)
                if cls:
                    set_code(row, cls, ctx.extra_dir)
            row.cells.append(money_cell(ctx.document, r, unit, key, printed))
            table.rows.append(row)
    return table


def _is_sum_label(label: str) -> bool:
    t = compact(label).rstrip("：:")
    return t.endswith("合计") or t.endswith("总计") or t in ("本年合计",)
