"""Parse recognised money tables into normalised ``Table`` values: the shared helpers and grid tables.

Pure functions over a ``RawTable``; no I/O.  Figures are exact (see
``generator.core.money``), codes are normalised (``generator.core.codes``),
rows whose cells shifted left are re-aligned with the table's own sums
(``generator.normalise.realign``) and every row keeps its source line.  The
other shapes have their own modules: ``two_sided``, ``three_public`` and
``lists`` (procurement, project lists).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.core import codes
from generator.core.errors import DocumentError
from generator.core.model import Cell, Table, TableRow, TableColumn
from generator.core.money import half_printed, half_unit, looks_like_number, slack, malformed_separator, parse_amount
from generator.core.text import compact
from generator.core.vocabulary import KINDS, PANELS, ColumnRole, Kind, RowFlag, RowKind, Scheme, with_detail
from generator.normalise.grid import build_grid, is_subtotal_label, is_total_label
from generator.normalise.measures import measure_key, unique_keys
from generator.normalise.realign import realign_rows, sum_rules
from generator.read.layout import RawTable, Row


@dataclass(frozen=True)
class TableContext:
    """What a table parser knows besides the table: its kind, document, id and defaults."""

    kind: Kind
    document: str
    table_id: str
    default_unit: str | None = None       # the unit stated once for all tables of the document
    extra_dir: str | None = None          # the site's own reference lists


def decimals_of(values: list[str]) -> int:
    """The printed precision of a table: the most decimals of any figure."""
    best = 0
    for v in values:
        v = v.replace(",", "").strip()
        if looks_like_number(v) and "." in v:
            best = max(best, len(v.split(".")[1]))
    return best


def money_cell(doc: str, row: Row, unit: str, key: str, printed: str) -> Cell:
    """One printed figure as an exact cell; a malformed figure is refused with its line."""
    try:
        amount = parse_amount(printed, unit)
    except ValueError as exc:
        raise DocumentError(doc, row.line, f"expected a money figure in column {key!r}, found {printed!r} "
                                           f"({exc})") from None
    return Cell(key, amount.printed, amount.yuan)


def require_unit(raw: RawTable, ctx: TableContext) -> str:
    unit = raw.unit or ctx.default_unit
    if unit is None:
        raise DocumentError(ctx.document, raw.start,
                            f"table {raw.title!r} states no unit (expected a line such as 单位：万元 before it)")
    return unit


def new_table(raw: RawTable, ctx: TableContext, unit: str) -> Table:
    return Table(
        id=ctx.table_id, kind=ctx.kind, title=raw.title or KINDS[ctx.kind].label, document=ctx.document,
        lines=(raw.start, raw.end), unit=unit, decimals=0,
        notes=[t for _, t in raw.notes], note_lines=[n for n, _ in raw.notes], title_line=raw.title_line,
    )


def digits_only(text: str) -> bool:
    return text.replace(" ", "").isdigit()


def set_code(row: TableRow, code: codes.Code, extra_dir: str | None) -> None:
    row.code, row.scheme, row.level, row.parent = code.code, code.scheme, code.level, code.parent
    row.canonical = codes.canonical_name(code, extra_dir)


# ------------------------------------------------------------------ key cells

def _row_identity(kind: Kind, keys: list[str], row: TableRow, extra_dir: str | None) -> None:
    """Fill code, level, parent, names and row kind from the key cells."""
    keys = _unbracketed(keys)
    texts = [k for k in keys if k and not digits_only(k)]
    if KINDS[kind].codes == Scheme.ECONOMIC:
        groups: list[tuple[list[str], str]] = []
        current: list[str] = []
        for k in keys:
            if not k:
                continue
            if digits_only(k):
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
            set_code(row, code, extra_dir)
            if code.completed:
                row.flags.append(RowFlag.CODE_COMPLETED)
        for digits, name in groups[1:2]:
            code2 = codes.economic_code(digits) if digits else None
            if code2:
                row.code2, row.scheme2, row.label2 = code2.code, code2.scheme, name
        if not row.code and is_total_label(row.label):
            row.kind = RowKind.TOTAL
        elif not row.code and row.code2 is None and groups and not groups[0][0]:
            # only a 政府 code printed: 004 prints the 502 line without its 3xx code
            row.kind = RowKind.ITEM
        return
    # function-code tables: 类/款/项 split, or merged, plus an optional unit code
    digits = [k for k in keys if digits_only(k)]
    row.label = texts[-1] if texts else ""
    code = codes.function_code(digits[:3]) if digits else None
    if code is None and digits:
        code = codes.function_code(digits[:1])
    if code:
        set_code(row, code, extra_dir)
        if len(digits) > (3 if len(digits[0].replace(" ", "")) == 3 else 1):
            row.unit_code = codes.unit_code(digits[-1])
    elif digits:
        row.unit_code = codes.unit_code("".join(digits))
        row.kind = RowKind.UNIT
    if not row.code and is_total_label(row.label):
        row.kind = RowKind.TOTAL
    elif not row.code and row.kind != RowKind.UNIT and row.label:
        row.kind = RowKind.UNIT




def _unbracketed(keys: list[str]) -> list[str]:
    """Key cells with a code printed in brackets before its name (“[201]一般公共服务支出”) split into the code
    and the name, as if printed in two cells."""
    out: list[str] = []
    for k in keys:
        split = codes.bracketed_code(k) if k else None
        out.extend(split if split else [k])
    return out


# ------------------------------------------------------------------ grid tables

def parse_grid_table(raw: RawTable, ctx: TableContext) -> Table:
    """Function-code and economic-code tables (and other one-sided grids)."""
    halves = _side_by_side(raw)
    if halves:
        return _stacked(raw, ctx, halves)
    grid = build_grid(raw)
    unit = require_unit(raw, ctx)
    cols = grid.columns
    keys = unique_keys([measure_key(c.path) for c in cols])
    table = new_table(raw, ctx, unit)
    table.columns = [TableColumn(k, c.label, ColumnRole.MONEY) for k, c in zip(keys, cols)]
    printed_rows = []
    for r in grid.body:
        printed_rows.append([r.text(c.index) for c in cols])
    all_values = [v for row in printed_rows for v in row]
    table.decimals = decimals_of(all_values)
    half = half_printed(table.decimals)
    rules = sum_rules(cols)
    short = [len(r.cells) < grid.width for r in grid.body]
    total_index = next((i for i, r in enumerate(grid.body) if any(is_total_label(c) for c in r.cells[:grid.value_start])), None)
    aligned, flags = realign_rows(printed_rows, rules, half, short, total_index)
    grouped = _grouped_labels(grid)
    for n, (r, values, flag) in enumerate(zip(grid.body, aligned, flags), 1):
        row = TableRow(n, r.line, "")
        if grouped:
            grouped(row, [r.text(i) for i in range(grid.value_start)])
        else:
            _row_identity(ctx.kind, [r.text(i) for i in range(grid.value_start)], row, ctx.extra_dir)
        if flag:
            row.flags.append(flag)
        for key, printed in zip(keys, values):
            row.cells.append(money_cell(ctx.document, r, unit, key, printed))
        if not row.label and not row.code and all(c.yuan is None for c in row.cells):
            continue
        table.rows.append(row)
    if not grouped:
        _subtotal_groups(table)
        _by_unit(table, grid)
        _codes_printed_twice(table)
    _one_unlabelled_row(table)
    table.empty = not table.rows
    return table


def _side_by_side(raw: RawTable) -> int | None:
    """Where a table prints two panels of the same columns side by side (决算's 基本支出表: 经济分类科目编码 |
    科目名称 | 决算数 twice), the width of one panel; else None."""
    for row in raw.rows[:3]:
        cells = [compact(c) for c in row.cells]
        while cells and not cells[-1]:
            cells.pop()
        half = len(cells) // 2
        if half >= 2 and len(cells) == 2 * half and cells[:half] == cells[half:] and all(cells[:half]):
            return half
    return None


def _stacked(raw: RawTable, ctx: TableContext, half: int) -> Table:
    """The two panels one under the other, each row marked with its panel (``panel-1``, ``panel-2``), so that
    each panel's rows add up to its own 合计 (人员经费合计, 公用经费合计)."""
    panels = []
    for k in range(2):
        rows = [Row(r.line, r.cells[k * half:(k + 1) * half]) for r in raw.rows]
        sub = replace(raw, rows=[r for n, r in enumerate(rows) if n == 0 or any(c.strip() for c in r.cells)])
        panels.append(parse_grid_table(sub, ctx))
    table = panels[0]
    for side, panel in zip(PANELS, panels):
        for r in panel.rows:
            r.side = side
    second = panels[1].rows
    for n, r in enumerate(second, len(table.rows) + 1):
        r.row = n
    table.rows += second
    table.empty = not table.rows
    return table


def _grouped_labels(grid):
    """Rows named in two label columns without codes (江苏's 收入预算总表: 一般公共预算资金 | 小计, then
    | 公共财政拨款(补助)资金 under it): a function that names each row, or None for other tables.

    A 小计 row is its group's sum (kind ``item``, so the groups add up to the
    总计); the rows under it are its details (kind ``detail``).
    """
    keys = [[r.text(i) for i in range(grid.value_start)] for r in grid.body]
    if grid.value_start != 2 or any(digits_only(k) for row in keys for k in row if k) \
            or not any(row[0] and row[1] for row in keys):
        return None
    # each 小计 row begins a group; its name is the first one printed in the group's rows (Word centres a
    # merged name vertically, so it may stand on the second or third row of its group)
    names: dict[int, str] = {}
    start = None
    for n, (first, second) in enumerate(keys):
        if second.strip() in ("小计", "合计"):
            start = n
        if start is not None and first.strip() and start not in names:
            names[start] = first.strip()
    group = ""
    order = iter(range(len(keys)))          # called once per body row, in order

    def name(row: TableRow, cells: list[str]) -> None:
        nonlocal group
        n = next(order)
        first, second = cells[0].strip(), cells[1].strip()
        if second in ("小计", "合计"):
            group = names.get(n, first)
        elif first and not any(s <= n for s in names):
            group = first
        if second in ("小计", "合计"):
            row.label, row.kind, row.level = f"{group}{second}", RowKind.ITEM, 1
        elif second:
            row.label, row.kind, row.parent, row.level = second, RowKind.DETAIL, group or None, 2
        else:
            row.label, row.kind = first, RowKind.TOTAL if is_total_label(first) else RowKind.ITEM

    return name


def _subtotal_groups(table: Table) -> None:
    """Rows that end (or begin) on a 小计: each 小计 sums its group of rows, never the whole table.

    The table's total is its 合计/总计 row, printed first or last.  A 小计 closes the rows printed
    since the previous one (the usual order, and always when the table's last row before or without
    its 合计 is a 小计); it opens the rows after it when the table's first row below its 合计 is a
    小计.  In a table without codes the 小计 rows are the items that add up to the total and the rows
    of each group are its details (kind ``detail``, ``parent`` the group's heading where one is
    printed without figures); in a coded table the codes already say what adds up, and a 小计 is kept
    as a group sum (kind ``group``) beside them.
    """
    subs = [i for i, r in enumerate(table.rows) if not r.code and r.kind != RowKind.TOTAL and is_subtotal_label(r.label)]
    body = [i for i, r in enumerate(table.rows) if r.kind != RowKind.TOTAL]
    if not subs:
        return
    coded = any(r.code or r.code2 for r in table.rows)
    opens = body[0] in subs and body[-1] not in subs
    for n, s in enumerate(subs):
        if opens:
            end = subs[n + 1] if n + 1 < len(subs) else len(table.rows)
            members = [i for i in range(s + 1, end) if table.rows[i].kind != RowKind.TOTAL]
        else:
            start = subs[n - 1] + 1 if n else 0
            members = [i for i in range(start, s) if table.rows[i].kind != RowKind.TOTAL]
        sub = table.rows[s]
        sub.kind = RowKind.GROUP if coded else RowKind.ITEM
        if coded:
            continue
        heading = table.rows[members[0]] if members else None
        name = heading.label if heading is not None and all(c.yuan is None for c in heading.cells) else ""
        sub.level = 1
        for i in members:
            row = table.rows[i]
            if row.kind in (RowKind.ITEM, RowKind.UNIT) and not row.unit_code:
                row.kind, row.level, row.parent = RowKind.DETAIL, 2, (name or None) if row is not heading else None


# the end of the name of a spending unit (珠海市商务局, 珠海市贸易服务中心), never of a class of spending (工资和福利支出)
_UNIT_NAME = re.compile(r"(局|中心|委员会|办公室|办公厅|厅|院|所|站|馆|队|处|会|校|园|社|部|室)$")


def _by_unit(table: Table, grid) -> None:
    """A table by spending unit, its label column headed so (珠海's 基本支出预算表: 支出项目类别（资金使用单位）):
    each unit's row, then its figures by class of spending (工资和福利支出 …) under it.  The unit is a group
    (kind ``group``) of the rows under it, and those rows, not the units and their rows together, add up
    to the table's total.  A table with codes, or whose first row is not a unit, is left as it is."""
    header = "".join(compact(r.text(i)) for r in grid.header for i in range(grid.value_start))
    rows = [r for r in table.rows if r.kind != RowKind.TOTAL]
    if "单位" not in header or not rows or any(r.code or r.code2 or r.unit_code for r in table.rows):
        return
    units = {id(r) for r in rows if r.label and _UNIT_NAME.search(compact(r.label))}
    if id(rows[0]) not in units or len(units) == len(rows):
        return
    groups: list[tuple[TableRow, list[TableRow]]] = []
    for r in rows:
        if id(r) in units:
            groups.append((r, []))
        else:
            groups[-1][1].append(r)
    # each unit's figures are those of its rows: else the rows are a list of units, some named otherwise
    half = half_unit(table.unit, table.decimals)
    for head, members in groups:
        for col in table.columns:
            found = sum(r.amount(col.key) or 0 for r in members)
            if not members or abs((head.amount(col.key) or 0) - found) > slack(half, len(members)):
                return
    for head, members in groups:
        head.kind, head.level, head.parent = RowKind.GROUP, 1, None
        for r in members:
            r.kind, r.level, r.parent = RowKind.ITEM, 2, head.label


def _codes_printed_twice(table: Table) -> None:
    """A line that repeats the code of the line above it, read as that line's sub-line.

    A template that prints a 项 with its 款's code (无锡 2025: 219 援助其他地区支出, then 21999 其他支出 twice,
    the second indented as a 项 and standing for 2199999) prints the same code on two lines in a row; the
    lower line is the upper one's only 项, not a second 款, and counting it as one doubles the 款.  The
    lines after the first of such a run are taken as the first's sub-lines (level one deeper, ``parent``
    the printed code, which they keep) when they add up to it in every column: then the lines say
    so themselves.  Lines that do not add up to it are left as printed.  The row says what was read
    (flag ``code-repeated``: an import note, since the printed code is not the line's own).
    """
    half = half_unit(table.unit or "元", table.decimals)
    rows = table.rows
    i = 0
    while i < len(rows):
        head = rows[i]
        end = i + 1
        while end < len(rows) and head.code and rows[end].code == head.code and rows[end].scheme == head.scheme \
                and rows[end].code2 == head.code2 and rows[end].kind == head.kind == RowKind.ITEM:
            end += 1
        under = rows[i + 1:end]
        if under and all(abs((head.amount(c.key) or 0) - sum(r.amount(c.key) or 0 for r in under))
                         <= slack(half, len(under)) for c in table.columns if c.role == ColumnRole.MONEY):
            for r in under:
                r.level, r.parent = (head.level or 0) + 1, head.code
                r.flags.append(RowFlag.CODE_REPEATED)
        i = end


def _one_unlabelled_row(table: Table) -> None:
    """A table of one row of figures under its header (江苏's 支出预算总表: 合计 | 基本支出 | 项目支出 …)
    is the table's total: its first column is the 合计 of the others."""
    if len(table.rows) == 1 and not table.rows[0].label and not table.rows[0].code and table.columns \
            and is_total_label(table.columns[0].label.split(" / ")[-1]):
        table.rows[0].label, table.rows[0].kind = "合计", RowKind.TOTAL


def note_malformed_separators(table: Table) -> None:
    """A figure printed with a thousands separator missing (``125360,898``) is read for its digits, and its
    row says so (flag ``separator-malformed:<as printed>``): an import note, for the reader to verify."""
    for r in table.rows:
        for c in r.cells:
            if malformed_separator(c.printed):
                r.flags.append(with_detail(RowFlag.SEPARATOR_MALFORMED, c.printed))
