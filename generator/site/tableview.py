"""An imported table shaped for an accessible HTML table: header rows, row headers, cells.

Column labels are header paths as printed (``基本支出 / 人员经费 / 工资福利支出``);
they become grouped header rows with colspan and rowspan, so a reader
(and a screen reader) sees the same structure as the printed table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.store.read import LoadedTable
from generator.site.formatting import display_decimals, wan


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
    row_header_labels: list[str]


def _header(columns: list[dict], lead: list[str]) -> list[list[HeaderCell]]:
    paths = [[p.strip() for p in c["label"].split(" / ") if p.strip()] or [c["key"]] for c in columns]
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


def _money_cell(row: dict, key: str, decimals: int, unit: str) -> dict:
    yuan = row["amounts"].get(key)
    printed = row["printed"].get(key, "")
    return {"text": wan(yuan, decimals) if key in row["amounts"] else "", "num": True,
            "title": f"原表：{printed} {unit}" if printed else "", "sort": "" if yuan is None else str(yuan)}


def _row_headers(row: dict, kind: str) -> list[str]:
    code = row["code"] or row["unit_code"] or ""
    if kind == "three_public":
        code = ""
    label = row["label"]
    if row["code2"]:
        code = f"{code} / {row['code2']}"
    return [code, label]


def view(table: LoadedTable) -> TableView:
    v = _view(table)
    for row in v.rows:
        for cell in row.cells:
            cell.setdefault("header", False)
    return v


def _view(table: LoadedTable) -> TableView:
    meta = table.meta
    unit = meta["unit"] or "元"
    decimals = display_decimals(unit, int(meta["decimals"] or 0))
    money_cols = [c for c in meta["columns"] if c["role"] == "money"]
    other_cols = [c for c in meta["columns"] if c["role"] != "money"]
    unit_note = "单位：万元" + ("（原表以元为单位，此处换算为万元，保留四位小数，不损失精度）" if unit == "元" else "")
    if meta["kind"] in ("summary", "fiscal_summary"):
        return _two_sided(table, decimals, unit, unit_note)
    lead = ["编码", "项目"] if meta["kind"] != "three_public" else ["", "项目"]
    lead_labels = lead
    header = _header(other_cols + money_cols, lead_labels)
    rows = []
    for r in table.rows:
        cells = [{"text": r["text"].get(c["key"], ""), "num": c["role"] == "quantity", "title": "",
                  "sort": r["text"].get(c["key"], "")} for c in other_cols]
        cells += [_money_cell(r, c["key"], decimals, unit) for c in money_cols]
        rows.append(BodyRow(f"{meta['id']}-r{r['row']}", _row_headers(r, meta["kind"]), cells, r["kind"],
                            int(r["line"]), r["flags"], int(r["level"] or 0)))
    if meta["kind"] == "three_public":
        header = _header(money_cols, ["项目"])
        for row in rows:
            row.headers = row.headers[1:]
    return TableView(meta["id"], meta["title"], meta["kind"], unit_note, header, rows, meta["notes"],
                     tuple(meta["lines"]), meta["document"], meta["empty"],
                     ["项目"] if meta["kind"] == "three_public" else lead_labels)


def _two_sided(table: LoadedTable, decimals: int, unit: str, unit_note: str) -> TableView:
    """Income and expenditure side by side, one printed line per table row, as printed."""
    meta = table.meta
    inc_cols = [c for c in meta["columns"] if c["side"] == "income" and c["role"] == "money"]
    exp_cols = [c for c in meta["columns"] if c["side"] == "expenditure" and c["role"] == "money"]
    header = _header(
        [{"label": f"收入 / {c['label'].split(' / ', 1)[-1]}", "key": c["key"]} for c in inc_cols]
        + [{"label": "支出 / 项目", "key": "_label"}]
        + [{"label": "支出 / " + c["label"].split(" / ", 1)[-1], "key": c["key"]} for c in exp_cols],
        ["收入项目"])
    by_line: dict[int, dict[str, dict]] = {}
    for r in table.rows:
        by_line.setdefault(int(r["line"]), {})[r["side"] or "income"] = r
    rows = []
    for line in sorted(by_line):
        pair = by_line[line]
        inc, exp = pair.get("income"), pair.get("expenditure")
        cells = [_money_cell(inc, c["key"], decimals, unit) if inc else {"text": "", "num": True, "title": "", "sort": ""}
                 for c in inc_cols]
        cells.append({"text": exp["label"] if exp else "", "num": False, "title": "", "sort": "", "header": True})
        cells += [_money_cell(exp, c["key"], decimals, unit) if exp else {"text": "", "num": True, "title": "", "sort": ""}
                  for c in exp_cols]
        kind = "total" if (inc and inc["kind"] == "total") or (exp and exp["kind"] == "total") else "item"
        first = inc or exp
        flags = (inc["flags"] if inc else []) + (exp["flags"] if exp else [])
        rows.append(BodyRow(f"{meta['id']}-l{line}", [inc["label"] if inc else ""], cells, kind, line, flags))
    return TableView(meta["id"], meta["title"], meta["kind"], unit_note, header, rows, meta["notes"],
                     tuple(meta["lines"]), meta["document"], meta["empty"], ["收入项目"])
