"""An imported table shaped for an accessible HTML table: header rows, row headers, cells.

Column labels are header paths as printed (``基本支出 / 人员经费 / 工资福利支出``);
they become grouped header rows with colspan and rowspan, so a reader
(and a screen reader) sees the same structure as the printed table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.core.model import Table, TableColumn, TableRow
from generator.core import vocabulary as V
from generator.core.vocabulary import KINDS, Kind
from generator.site.formatting import TableDisplay, table_display


@dataclass
class HeaderCell:
    label: str
    colspan: int = 1
    rowspan: int = 1
    scope: str = "col"
    rowhead: bool = False          # heads the column of row names (kept in view when the table scrolls)


@dataclass
class BodyRow:
    anchor: str
    headers: list[str]             # row header cells (code, name)
    cells: list[dict]              # {"text", "num", "title", "sort"}
    kind: str
    line: int
    flags: list[str] = field(default_factory=list)
    level: int = 0


@dataclass
class TableView:
    id: str
    title: str
    kind: str
    unit_note: str
    header: list[list[HeaderCell]]
    rows: list[BodyRow]
    notes: list[str]
    lines: tuple[int, int]
    document: str
    empty: bool


def _header(columns: list[tuple[str, str]], lead: list[str]) -> list[list[HeaderCell]]:
    """Grouped header rows from (label, key) pairs; the label is a header path joined with " / "."""
    paths = [[p.strip() for p in label.split(" / ") if p.strip()] or [key] for label, key in columns]
    depth = max((len(p) for p in paths), default=1)
    rows: list[list[HeaderCell]] = [[] for _ in range(depth)]
    for i, label in enumerate(lead):
        rows[0].append(HeaderCell(label, rowspan=depth, rowhead=i == len(lead) - 1))
    for level in range(depth):
        i = 0
        while i < len(paths):
            path = paths[i]
            if level >= len(path):
                i += 1
                continue
            prefix = path[: level + 1]
            j = i + 1
            if level < len(path) - 1:
                while j < len(paths) and paths[j][: level + 1] == prefix and len(paths[j]) > level + 1:
                    j += 1
            span = j - i
            rowspan = depth - level if level == len(path) - 1 else 1
            rows[level].append(HeaderCell(path[level], colspan=span, rowspan=rowspan,
                                          scope="colgroup" if span > 1 else "col"))
            i = j
    return [r for r in rows if r]


def _pairs(columns: list[TableColumn]) -> list[tuple[str, str]]:
    return [(c.label, c.key) for c in columns]


_BLANK = {"text": "", "num": True, "title": "", "sort": "", "header": False}


def _money_cell(row: TableRow, key: str, shown: TableDisplay, unit: str) -> dict:
    cell = row.cell(key)
    yuan = cell.yuan if cell else None
    printed = cell.printed if cell else ""
    text = shown.text(yuan) if cell else ""
    # the printed figure on hover, where the page shows it otherwise (converted to 万元, or re-formatted)
    same = printed.replace(",", "") == text.replace(",", "")
    return {"text": text, "num": True, "title": f"原表：{printed} {unit}" if printed and not same else "",
            "sort": "" if yuan is None else str(yuan), "header": False}


def _row_headers(row: TableRow, kind: str) -> list[str]:
    code = row.code or row.unit_code or ""
    if kind == Kind.THREE_PUBLIC:
        code = ""
    if row.code2:
        code = f"{code} / {row.code2}"
    return [code, row.label]


def view(table: Table) -> TableView:
    """The table as the page shows it: in 万元 (or 元 with 分), with its printed header structure."""
    unit = table.unit or "元"
    shown = table_display(unit, table.decimals or 0)
    money_cols = table.money_columns
    other_cols = [c for c in table.columns if c.role != "money"]
    unit_note = shown.note
    if KINDS[table.kind].parser == V.TWO_SIDED:
        return _two_sided(table, shown, unit, unit_note)
    three_public = table.kind == Kind.THREE_PUBLIC
    lead = ["项目"] if three_public else ["编码", "项目"]
    header = _header(_pairs(money_cols) if three_public else _pairs(other_cols + money_cols), lead)
    rows = []
    for r in table.rows:
        cells = [{"text": r.text.get(c.key, ""), "num": c.role == "quantity", "title": "",
                  "sort": r.text.get(c.key, ""), "header": False} for c in other_cols]
        cells += [_money_cell(r, c.key, shown, unit) for c in money_cols]
        headers = _row_headers(r, table.kind)
        rows.append(BodyRow(f"{table.id}-r{r.row}", headers[1:] if three_public else headers, cells, r.kind,
                            r.line, r.flags, r.level or 0))
    return TableView(table.id, table.title, table.kind, unit_note, header, rows, table.notes, table.lines,
                     table.document, table.empty)


def _two_sided(table: Table, shown: TableDisplay, unit: str, unit_note: str) -> TableView:
    """Income and expenditure side by side, one printed line per table row, as printed (with 江苏's third
    panel, expenditure by use, after the expenditure by function)."""
    inc_cols = [c for c in table.money_columns if c.side == "income"]
    exp_cols = [c for c in table.money_columns if c.side == "expenditure"]
    use_cols = [c for c in table.money_columns if c.side == "use"]
    header = _header(
        [(f"收入 / {c.label.split(' / ', 1)[-1]}", c.key) for c in inc_cols]
        + [("支出 / 项目", "_label")]
        + [("支出 / " + c.label.split(" / ", 1)[-1], c.key) for c in exp_cols]
        + ([("支出 / 支出用途 / 项目", "_use_label")] if use_cols else [])
        + [("支出 / " + c.label.split(" / ", 1)[-1], c.key) for c in use_cols],
        ["收入项目"])
    by_line: dict[int, dict[str, TableRow]] = {}
    for r in table.rows:
        by_line.setdefault(r.line, {})[r.side or "income"] = r
    rows = []
    for line in sorted(by_line):
        pair = by_line[line]
        inc, exp, use = pair.get("income"), pair.get("expenditure"), pair.get("use")
        cells = [_money_cell(inc, c.key, shown, unit) if inc else dict(_BLANK) for c in inc_cols]
        for side, cols in ((exp, exp_cols), (use, use_cols)):
            if cols:
                cells.append({"text": side.label if side else "", "num": False, "title": "", "sort": "",
                              "header": True})
                cells += [_money_cell(side, c.key, shown, unit) if side else dict(_BLANK) for c in cols]
        present = [r for r in (inc, exp, use) if r]
        kind = "total" if any(r.kind == "total" for r in present) else "item"
        flags = [f for r in present for f in r.flags]
        rows.append(BodyRow(f"{table.id}-l{line}", [inc.label if inc else ""], cells, kind, line, flags))
    return TableView(table.id, table.title, table.kind, unit_note, header, rows, table.notes, table.lines,
                     table.document, table.empty)
