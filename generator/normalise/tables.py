"""Parse recognised money tables into normalised ``Table`` values.

Pure functions over a ``RawTable``; no I/O.  Figures are exact (see
``generator.core.money``), codes are normalised (``generator.core.codes``), rows whose
cells shifted left are re-aligned with the table's own sums (``generator.normalise.grid``)
and every row keeps its source line.
"""

from __future__ import annotations

from decimal import Decimal

from generator.core import codes
from generator.core.errors import DocumentError
from generator.normalise.grid import (Grid, build_grid, is_total_label, numeric, satisfies, sum_rules,
                            valid_arrangements)
from generator.normalise.measures import measure_key, unique_keys
from generator.core.model import Cell, Table, TableColumn, TableRow
from generator.core.money import half_unit, looks_like_number, parse_amount, parse_decimal
from generator.recognise.kinds import KIND_LABELS
from generator.read.segment import RawTable, Row
from generator.core.text import compact, strip_enumeration

FUNCTION_KINDS = {"income", "expenditure", "general_budget_function", "gov_fund", "state_capital"}
ECONOMIC_KINDS = {"general_budget_economic", "basic_economic", "economic_summary"}


def _decimals(values: list[str]) -> int:
    best = 0
    for v in values:
        v = v.replace(",", "").strip()
        if looks_like_number(v) and "." in v:
            best = max(best, len(v.split(".")[1]))
    return best


def _money(doc: str, row: Row, unit: str, key: str, printed: str) -> Cell:
    try:
        amount = parse_amount(printed, unit)
    except ValueError:
        raise DocumentError(doc, row.line, f"expected a money figure in column {key!r}, found {printed!r}") from None
    return Cell(key, amount.printed, amount.yuan)


def _require_unit(raw: RawTable, doc: str, default: str | None) -> str:
    unit = raw.unit or default
    if unit is None:
        raise DocumentError(doc, raw.start, f"table {raw.title!r} states no unit (expected a line such as 单位：万元 before it)")
    return unit


# ------------------------------------------------------------------ realignment

def realign_rows(rows: list[list[str]], rules, half: Decimal,
                 short: list[bool] | None = None, total_index: int | None = None) -> tuple[list[list[str]], list[str]]:
    """Re-align rows whose cells shifted left; returns rows and a flag per row.

    A row that satisfies the sums as printed and lost no cells is kept.
    Otherwise every placement of its figures that moves them right only (a
    dropped empty cell shifts what follows to the left) is tried; among the
    placements that satisfy the sums, one that puts no figure in a column
    whose table total is blank or zero is preferred, then the smallest shift.
    """
    flags = ["" for _ in rows]
    out = [list(r) for r in rows]
    if not rules:
        return out, flags
    short = short or [False] * len(rows)
    order = list(range(len(rows)))
    if total_index is not None:
        order.remove(total_index)
        order.insert(0, total_index)
    totals = None
    for i in order:
        cells = out[i]
        ok = satisfies(numeric(cells), rules, half)
        if ok and not short[i]:
            if i == total_index:
                totals = numeric(cells)
            continue
        options = valid_arrangements(cells, rules, half)
        if not options:
            flags[i] = "unreconciled"
            continue

        def score(option: list[str]) -> tuple[int, int]:
            bad = 0
            if totals is not None:
                for j, v in enumerate(numeric(option)):
                    if v and not totals[j]:
                        bad += 1
            shift = sum(k for k, c in enumerate(option) if c) - sum(k for k, c in enumerate(cells) if c)
            return bad, shift

        options.sort(key=score)
        best = options[0]
        if best != cells:
            unique = len(options) == 1 or score(options[0]) < score(options[1])
            flags[i] = "realigned" if unique else "realigned-ambiguous"
        out[i] = best
        if i == total_index:
            totals = numeric(best)
    return out, flags


# ------------------------------------------------------------------ key cells

def _row_identity(kind: str, keys: list[str], row: TableRow, extra_dir: str | None) -> None:
    """Fill code, level, parent, names and row kind from the key cells."""
    texts = [k for k in keys if k and not _digits_only(k)]
    if kind in ECONOMIC_KINDS:
        groups: list[tuple[list[str], str]] = []
        current: list[str] = []
        for k in keys:
            if not k:
                continue
            if _digits_only(k):
                current.append(k)
            else:
                groups.append((current, k))
                current = []
        if current:
            groups.append((current, ""))
        first = groups[0] if groups else ([], "")
        row.label = first[1] if groups else ""
        code = codes.economic_code(first[0]) if first[0] else None
        if code:
            _set_code(row, code, extra_dir)
        for digits, name in groups[1:2]:
            code2 = codes.economic_code(digits) if digits else None
            if code2:
                row.code2, row.scheme2, row.label2 = code2.code, code2.scheme, name
        if not row.code and is_total_label(row.label):
            row.kind = "total"
        elif not row.code and row.code2 is None and groups and not groups[0][0]:
            # only a 政府 code printed: 004 prints the 502 line without its 3xx code
            row.kind = "item"
        if not row.code and len(groups) == 1 and not groups[0][0] and row.label and row.code2 is None:
            pass
        return
    # function-code tables: 类/款/项 split, or merged, plus an optional unit code
    digits = [k for k in keys if _digits_only(k)]
    row.label = texts[-1] if texts else ""
    code = codes.function_code(digits[:3]) if digits else None
    if code is None and digits:
        code = codes.function_code(digits[:1])
    if code:
        _set_code(row, code, extra_dir)
        if len(digits) > (3 if len(digits[0].replace(" ", "")) == 3 else 1):
            row.unit_code = codes.unit_code(digits[-1])
    elif digits:
        row.unit_code = codes.unit_code("".join(digits))
        row.kind = "unit"
    if not row.code and is_total_label(row.label):
        row.kind = "total"
    elif not row.code and row.kind != "unit" and row.label:
        row.kind = "unit"


def _digits_only(text: str) -> bool:
    t = text.replace(" ", "")
    return t.isdigit()


def _set_code(row: TableRow, code: codes.Code, extra_dir: str | None) -> None:
    row.code, row.scheme, row.level, row.parent = code.code, code.scheme, code.level, code.parent
    row.canonical = codes.canonical_name(code, extra_dir)


# ------------------------------------------------------------------ grid tables

def parse_grid_table(raw: RawTable, kind: str, doc: str, table_id: str,
                     default_unit: str | None = None, extra_dir: str | None = None) -> Table:
    """Function-code and economic-code tables (and other one-sided grids)."""
    grid = build_grid(raw)
    unit = _require_unit(raw, doc, default_unit)
    cols = grid.columns
    keys = unique_keys([measure_key(c.path) for c in cols])
    table = _new_table(raw, kind, doc, table_id, unit)
    table.columns = [TableColumn(k, c.label, "money") for k, c in zip(keys, cols)]
    printed_rows = []
    for r in grid.body:
        printed_rows.append([r.text(c.index) for c in cols])
    all_values = [v for row in printed_rows for v in row]
    table.decimals = _decimals(all_values)
    half = Decimal(5).scaleb(-(table.decimals + 1))  # half a printed unit
    rules = sum_rules(cols)
    short = [len(r.cells) < grid.width for r in grid.body]
    total_index = next((i for i, r in enumerate(grid.body) if any(is_total_label(c) for c in r.cells[:grid.value_start])), None)
    aligned, flags = realign_rows(printed_rows, rules, half, short, total_index)
    for n, (r, values, flag) in enumerate(zip(grid.body, aligned, flags), 1):
        row = TableRow(n, r.line, "")
        _row_identity(kind, [r.text(i) for i in range(grid.value_start)], row, extra_dir)
        if flag:
            row.flags.append(flag)
        for key, printed in zip(keys, values):
            row.cells.append(_money(doc, r, unit, key, printed))
        if not row.label and not row.code and all(c.yuan is None for c in row.cells):
            continue
        table.rows.append(row)
    table.empty = not table.rows
    return table


def _new_table(raw: RawTable, kind: str, doc: str, table_id: str, unit: str | None) -> Table:
    return Table(
        id=table_id, kind=kind, title=raw.title or KIND_LABELS.get(kind, kind), document=doc,
        lines=(raw.start, raw.end), unit=unit, decimals=0,
        notes=[t for _, t in raw.notes], note_lines=[n for n, _ in raw.notes], title_line=raw.title_line,
    )


# ------------------------------------------------------------------ procurement

def parse_procurement(raw: RawTable, doc: str, table_id: str, default_unit: str | None = None,
                      extra_dir: str | None = None) -> Table:
    grid = build_grid(raw)
    unit = _require_unit(raw, doc, default_unit)
    table = _new_table(raw, "procurement", doc, table_id, unit)
    header_labels = [compact(c) for r in grid.header for c in r.cells]
    text_names = [h for h in header_labels if h in ("单位名称", "采购项目", "采购目录", "规格", "计量单位")]
    table.columns = [TableColumn(name, name, "text") for name in text_names]
    table.columns += [TableColumn("quantity", "采购数量", "quantity"), TableColumn("amount", "金额", "money")]
    values = []
    for n, r in enumerate(grid.body, 1):
        cells = r.cells + [""] * (grid.width - len(r.cells))
        row = TableRow(n, r.line, "")
        digits = [c for c in cells[:3] if _digits_only(c)]
        code = codes.function_code(digits) if digits else None
        if code:
            _set_code(row, code, extra_dir)
        texts = cells[3: grid.width - 2]
        for name, value in zip(text_names, texts):
            row.text[name] = value
        row.label = row.text.get("采购目录") or row.text.get("采购项目") or next((c for c in cells if c and not _digits_only(c) and not looks_like_number(c)), "")
        if is_total_label(row.label) or (not code and any(is_total_label(c) for c in cells)):
            row.kind, row.label = "total", "合计"
        row.text["quantity"] = cells[grid.width - 2]
        row.cells.append(_money(doc, r, unit, "amount", cells[grid.width - 1]))
        values.append(cells[grid.width - 1])
        table.rows.append(row)
    table.decimals = _decimals(values)
    table.empty = not table.rows
    return table


# ------------------------------------------------------------------ 三公

THREE_PUBLIC_PARTS = [
    ("vehicle_operation", ("运行维护", "运行费")),
    ("vehicle_purchase", ("购置",)),
    ("abroad", ("出国",)),
    ("reception", ("接待",)),
    ("vehicles", ("公务用车",)),
    ("total", ("合计", "共计", "总计", "三公")),
]
THREE_PUBLIC_LABELS = {
    "total": "“三公”经费合计", "abroad": "因公出国（境）费", "reception": "公务接待费",
    "vehicles": "公务用车购置及运行费", "vehicle_operation": "公务用车运行维护费",
    "vehicle_purchase": "公务用车购置费",
}


def three_public_part(label: str) -> str | None:
    t = compact(strip_enumeration(label))
    if "购置" in t and "运行" in t:
        return "vehicles"
    for key, words in THREE_PUBLIC_PARTS:
        if any(w in t for w in words):
            if key == "vehicles" and ("运行" in t and "购置" not in t):
                return "vehicle_operation"
            return key
    return None


def parse_three_public(raw: RawTable, doc: str, table_id: str, default_unit: str | None = None) -> Table:
    unit = _require_unit(raw, doc, default_unit)
    table = _new_table(raw, "three_public", doc, table_id, unit)
    table.columns = [TableColumn("amount", "预算数", "money")]
    grid = build_grid(raw)
    entries: list[tuple[int, str, str]] = []    # line, label, printed
    if len(grid.columns) > 2:                      # one horizontal row under a two-row header
        for r in grid.body:
            for col in grid.columns:
                label = col.path[-1] if col.path[-1] not in ("小计",) else col.path[0]
                entries.append((r.line, label, r.text(col.index)))
    else:
        for r in raw.rows:
            label = r.text(0)
            if not label or compact(label) in ("项目",) or "预算数" in label:
                continue
            entries.append((r.line, label, r.text(1)))
    for n, (line, label, printed) in enumerate(entries, 1):
        part = three_public_part(label)
        if part is None:
            raise DocumentError(doc, line, f"expected a “三公” component (出国/接待/公务用车), found {label!r}")
        row = TableRow(n, line, label, kind="total" if part == "total" else "item", code=part,
                       scheme="three_public", canonical=THREE_PUBLIC_LABELS[part])
        row.cells.append(_money(doc, Row(line, []), unit, "amount", printed))
        table.rows.append(row)
    table.decimals = _decimals([e[2] for e in entries])
    table.empty = not table.rows
    return table


# ------------------------------------------------------------------ two-sided summaries

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


def parse_two_sided(raw: RawTable, kind: str, doc: str, table_id: str, default_unit: str | None = None,
                    extra_dir: str | None = None) -> Table:
    unit = _require_unit(raw, doc, default_unit)
    table = _new_table(raw, kind, doc, table_id, unit)
    try:
        e_data, e_head = _expenditure_column(raw)
    except DocumentError as exc:
        raise DocumentError(doc, exc.line, exc.message) from None
    header_rows = []
    body = []
    for r in raw.rows:
        if not body and not any(looks_like_number(c) for c in r.cells) and len(header_rows) < 4:
            header_rows.append(r)
        else:
            body.append(r)
    width = max(len(r.cells) for r in raw.rows)
    # expenditure value columns from the header, aligned relative to the label column
    from generator.normalise.grid import header_paths, Column
    paths = header_paths(header_rows, width, e_head + 1)
    columns = [Column(e_data + 1 + k, p) for k, p in enumerate(paths)]
    while columns and not columns[-1].path and all(not r.text(columns[-1].index) for r in body):
        columns.pop()
    if not columns:
        columns = [Column(e_data + 1, ("金额",))]
    keys = unique_keys([measure_key(c.path) if c.path and compact(c.path[0]) not in ("金额", "预算数") else "total" for c in columns])
    table.columns = [TableColumn("income", "收入 / 金额", "money", side="income")]
    table.columns += [TableColumn(k, "支出 / " + (c.label or "金额"), "money", side="expenditure") for k, c in zip(keys, columns)]
    rules = sum_rules(columns) if len(columns) > 1 else []
    all_values = [c for r in body for c in r.cells if looks_like_number(c)]
    table.decimals = _decimals(all_values)
    half = Decimal(5).scaleb(-(table.decimals + 1))  # half a printed unit
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
            row = TableRow(n, r.line, label, kind="total" if _is_sum_label(label) else "income", side="income")
            row.cells.append(_money(doc, r, unit, "income", amount))
            table.rows.append(row)
        exp_label = r.text(e_data)
        if exp_label or any(exp_values):
            n += 1
            row = TableRow(n, r.line, exp_label, kind="total" if _is_sum_label(exp_label) else "expenditure", side="expenditure")
            cls = codes.function_class_by_name(exp_label, extra_dir)
            if cls and not _is_sum_label(exp_label):
                _set_code(row, cls, extra_dir)
            if flag:
                row.flags.append(flag)
            for key, printed in zip(keys, exp_values):
                row.cells.append(_money(doc, r, unit, key, printed))
            table.rows.append(row)
    return table


def _is_sum_label(label: str) -> bool:
    t = compact(label).rstrip("：:")
    return t.endswith("合计") or t.endswith("总计") or t in ("本年合计",)


# ------------------------------------------------------------------ project list

def parse_project_list(raw: RawTable, doc: str, table_id: str, default_unit: str | None = None) -> Table:
    grid = build_grid(raw)
    unit = _require_unit(raw, doc, default_unit)
    table = _new_table(raw, "project_list", doc, table_id, unit)
    keys = unique_keys([measure_key(c.path) for c in grid.columns])
    table.columns = [TableColumn("type", "类型", "text"), TableColumn("unit", "项目单位", "text")]
    table.columns += [TableColumn(k, c.label, "money") for k, c in zip(keys, grid.columns)]
    values = []
    for n, r in enumerate(grid.body, 1):
        texts = [r.text(i) for i in range(grid.value_start)]
        row = TableRow(n, r.line, texts[1] if len(texts) > 1 else "")
        row.text["type"] = texts[0] if texts else ""
        row.text["unit"] = texts[2] if len(texts) > 2 else ""
        if _digits_only(row.label):
            row.unit_code, row.label, row.kind = row.label, row.text["unit"], "unit"
        elif not any(texts):
            row.kind, row.label = "total", "合计"
        for key, col in zip(keys, grid.columns):
            values.append(r.text(col.index))
            row.cells.append(_money(doc, r, unit, key, r.text(col.index)))
        table.rows.append(row)
    table.decimals = _decimals(values)
    return table
