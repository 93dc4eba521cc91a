"""A table no kind recognises, kept as printed: its title, its header rows and its body.

Templates differ by province and year, and a document may print a table
the importer has no kind for (a 项目支出绩效目标表 in another layout, a
table of its own).  Refusing the whole document for it would lose the
tables that were recognised; dropping it would lose its figures silently.
So it is kept as a *generic* table: every cell as printed, every figure
exact in 元 where the table states its unit, each row with its line.  It is
shown under its printed title and marked as not recognised, it is in the
open data, and ``check`` lists it as an import note; the audit does not
check it (it does not know what its rows mean).
"""

from __future__ import annotations

from generator.core.model import Cell, Table, TableColumn, TableRow
from generator.core.money import is_figure, parse_amount
from generator.core.text import compact
from generator.core.vocabulary import ColumnRole, RowKind
from generator.normalise.tables import TableContext, decimals_of, new_table
from generator.read.layout import RawTable

_TOTAL_WORDS = ("合计", "总计")


def figure_cells(raw: RawTable, skip: int | None = None) -> int:
    """How many cells of ``raw`` are figures (a column numbering the rows, ``skip``, is not)."""
    return sum(1 for r in raw.rows for i, c in enumerate(r.cells) if i != skip and is_figure(c))


def parse_generic(raw: RawTable, ctx: TableContext) -> Table:
    """``raw`` as a generic table: the rows above the first figure are its header; a column whose body is
    mostly figures is a money column when the table's unit is known (else its figures are kept as text);
    the first other column names the rows."""
    unit = raw.unit or ctx.default_unit
    width = max((len(r.cells) for r in raw.rows), default=0)
    first = next((n for n, r in enumerate(raw.rows) if any(is_figure(c) for c in r.cells)), len(raw.rows))
    head, body = raw.rows[:first], raw.rows[first:]
    roles = []
    for i in range(width):
        values = [r.text(i).strip() for r in body if r.text(i).strip()]
        figures = [v for v in values if is_figure(v)]
        roles.append(ColumnRole.MONEY if unit and figures and len(figures) * 2 >= len(values)
                     and _all_money(figures, unit) else ColumnRole.TEXT)
    # the rows' names: the first text column that names most rows (a merged 一级指标 column names few)
    filled = [sum(1 for r in body if r.text(i).strip()) for i in range(width)]
    label_at = next((i for i in range(width) if roles[i] == ColumnRole.TEXT and filled[i] * 2 >= len(body)),
                    next((i for i in range(width) if roles[i] == ColumnRole.TEXT), None))
    table = new_table(raw, ctx, unit or "")
    table.unit = unit
    table.decimals = decimals_of([r.text(i) for r in body for i in range(width) if roles[i] == ColumnRole.MONEY])
    for i in range(width):
        if i == label_at:
            continue
        label = " / ".join(dict.fromkeys(compact(r.text(i)) for r in head if compact(r.text(i)))) or f"第{i + 1}列"
        table.columns.append(TableColumn(f"c{i + 1}", label, roles[i]))
    for n, r in enumerate(body, 1):
        label = r.text(label_at).strip() if label_at is not None else ""
        row = TableRow(n, r.line, label, RowKind.TOTAL if compact(label) in _TOTAL_WORDS else RowKind.ITEM)
        for i in range(width):
            text = r.text(i).strip()
            if i == label_at or not text:
                continue
            if roles[i] == ColumnRole.MONEY and is_figure(text):
                amount = parse_amount(text, unit)
                row.cells.append(Cell(f"c{i + 1}", amount.printed, amount.yuan))
            else:
                row.text[f"c{i + 1}"] = text
        table.rows.append(row)
    return table


def _all_money(figures: list[str], unit: str) -> bool:
    """Every figure of a column reads as money in ``unit`` (no finer than 1 分): else the column is kept as
    text, as printed, rather than refused."""
    for f in figures:
        try:
            parse_amount(f, unit)
        except ValueError:
            return False
    return True
