"""An imported table shaped for an accessible HTML table: header rows, row headers, cells.

Column labels are header paths as printed (``基本支出 / 人员经费 / 工资福利支出``);
they become grouped header rows with colspan and rowspan, so a reader
(and a screen reader) sees the same structure as the printed table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from generator.core.model import Table, TableColumn, TableRow
from generator.core import vocabulary as V
from generator.core.vocabulary import KINDS, ColumnRole, Kind, RowFlag, RowKind, Side, flag_name
from generator.site.shared.formatting import TableDisplay, table_display


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
    cells: list[tuple]             # (text, kind, title); kind: FIGURE, NUM, TEXT or SIDE (the other side's row name)
    kind: RowKind
    line: int
    flags: list[str] = field(default_factory=list)
    level: int = 0


@dataclass
class TableView:
    id: str
    title: str
    kind: Kind
    unit_note: str
    header: list[list[HeaderCell]]
    rows: list[BodyRow]
    notes: list[str]
    lines: tuple[int, int]
    document: str
    empty: bool
    from_yuan: bool = False        # whole 元 shown in 万元: the page's script shows each figure's 元 on hover


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


def escape(text: str) -> str:
    """What ``markupsafe.escape`` makes of a plain string (the same five characters, the same entities), as
    a plain string: a page escapes thousands of labels, and a ``Markup`` object for each cost more."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")
            .replace("'", "&#39;"))


NUM, TEXT, SIDE, FIGURE = 0, 1, 2, 3      # FIGURE: money formatted here from a number (digits, separators, sign)
_BLANK = ("", FIGURE, "")


def _money_cells(row: TableRow, keys: list[str], shown: TableDisplay, unit: str) -> list[tuple]:
    by_key = row.cells_by_column()
    from_yuan = _from_yuan(unit, shown)
    out = []
    for key in keys:
        cell = by_key.get(key)
        if cell is None:
            out.append(_BLANK)
            continue
        text = shown.text(cell.yuan)
        printed = cell.printed
        # the printed figure on hover, where the page shows it otherwise (converted to 万元, or re-formatted);
        # not for a zero, which reads the same in any unit, nor for whole 元 shown in 万元, which the page's
        # script reads back from the figure itself (``from_yuan``: a title on every cell was 3 KB a page)
        plain = printed.replace(",", "") if printed else ""
        same = not printed or not cell.yuan or plain == text.replace(",", "") or \
            (from_yuan and plain == str(cell.yuan))
        out.append((text, FIGURE, "" if same else f"原表：{printed} {unit}"))
    return out


def _from_yuan(unit: str, shown: TableDisplay) -> bool:
    """Whether figures printed in whole 元 are shown in 万元 (two to four decimals, every 元 kept): the 元 is
    the figure with its decimal point moved four places."""
    return unit == "元" and shown.unit == "万元"


def _row_headers(row: TableRow, kind: str) -> list[str]:
    code = row.code or row.unit_code or ""
    if kind == Kind.THREE_PUBLIC:
        code = ""
    if row.code2:
        code = f"{code} / {row.code2}"
    return [code, row.label]


def view(table: Table, page_decimals: int = 4) -> TableView:
    """The table as the page shows it: in 万元 (or 元 with 分), with its printed header structure; figures
    printed in whole 元 with the decimals of the page they are on (``formatting.figure_decimals``)."""
    unit = table.unit or "元"
    shown = table_display(unit, table.decimals or 0, page_decimals)
    money_cols = table.money_columns
    money_keys = [c.key for c in money_cols]
    other_cols = [c for c in table.columns if c.role != ColumnRole.MONEY]
    unit_note = shown.note
    if KINDS[table.kind].parser == V.TWO_SIDED:
        return _two_sided(table, shown, unit, unit_note)
    three_public = table.kind == Kind.THREE_PUBLIC
    uncoded = three_public or table.kind == Kind.GENERIC      # rows named without a code
    lead = ["项目"] if uncoded else ["编码", "项目"]
    header = _header(_pairs(money_cols) if three_public else _pairs(other_cols + money_cols), lead)
    rows = []
    for r in table.rows:
        cells = [(r.text.get(c.key, ""), NUM if c.role == ColumnRole.QUANTITY else TEXT, "") for c in other_cols]
        cells += _money_cells(r, money_keys, shown, unit)
        headers = _row_headers(r, table.kind)
        rows.append(BodyRow(f"{table.id}-r{r.row}", headers[1:] if uncoded else headers, cells, r.kind,
                            r.line, r.flags, r.level or 0))
    return TableView(table.id, table.title, table.kind, unit_note, header, rows, table.notes, table.lines,
                     table.document, table.empty, _from_yuan(unit, shown))


def _two_sided(table: Table, shown: TableDisplay, unit: str, unit_note: str) -> TableView:
    """Income and expenditure side by side, one printed line per table row, as printed (with 江苏's third
    panel, expenditure by use, after the expenditure by function)."""
    inc_cols = [c for c in table.money_columns if c.side == Side.INCOME]
    exp_cols = [c for c in table.money_columns if c.side == Side.EXPENDITURE]
    use_cols = [c for c in table.money_columns if c.side == Side.USE]
    header = _header(
        [(f"收入 / {c.label.split(' / ', 1)[-1]}", c.key) for c in inc_cols]
        + [("支出 / 项目", "_label")]
        + [("支出 / " + c.label.split(" / ", 1)[-1], c.key) for c in exp_cols]
        + ([("支出 / 支出用途 / 项目", "_use_label")] if use_cols else [])
        + [("支出 / " + c.label.split(" / ", 1)[-1], c.key) for c in use_cols],
        ["收入项目"])
    by_line: dict[int, dict[Side, TableRow]] = {}
    for r in table.rows:
        by_line.setdefault(r.line, {})[r.side or Side.INCOME] = r
    rows = []
    for line in sorted(by_line):
        pair = by_line[line]
        inc, exp, use = pair.get(Side.INCOME), pair.get(Side.EXPENDITURE), pair.get(Side.USE)
        cells = _money_cells(inc, [c.key for c in inc_cols], shown, unit) if inc else [_BLANK] * len(inc_cols)
        for side, cols in ((exp, exp_cols), (use, use_cols)):
            if cols:
                cells.append((side.label if side else "", SIDE, ""))
                cells += _money_cells(side, [c.key for c in cols], shown, unit) if side else [_BLANK] * len(cols)
        present = [r for r in (inc, exp, use) if r]
        kind = RowKind.TOTAL if any(r.kind == RowKind.TOTAL for r in present) else RowKind.ITEM
        flags = [f for r in present for f in r.flags]
        rows.append(BodyRow(f"{table.id}-l{line}", [inc.label if inc else ""], cells, kind, line, flags))
    return TableView(table.id, table.title, table.kind, unit_note, header, rows, table.notes, table.lines,
                     table.document, table.empty, _from_yuan(unit, shown))


def width_class(columns: int) -> str:
    """The class that makes a table of ``columns`` columns say it scrolls: on a phone from five columns,
    at any width from nine (the stylesheet's ``wide`` and ``wider``)."""
    return " wider" if columns >= 9 else " wide" if columns >= 5 else ""


FLAG_NOTES = {
    RowFlag.REALIGNED: "原文此行缺少空单元格，数字已按表内相加关系重新对齐",
    RowFlag.REALIGNED_AMBIGUOUS: "原文此行缺少空单元格，数字有多种对齐方式，已取移动最少的一种，请对照原文",
    RowFlag.CODE_COMPLETED: "原文编码漏印了首位 0，已补全",
    RowFlag.UNRECONCILED: "此行数字无法与表内相加关系对上，按原文显示",
    RowFlag.SEPARATOR_MALFORMED: "原文数字的千位分隔符印错，已按其数字读取",
}


def flag_note(flags: list[str]) -> str:
    """What the importer did to a row, in the reader's words (the row's ``*``)."""
    notes = []
    for flag in flags:
        key = flag_name(flag)                   # realigned-by:<table>, separator-malformed:<printed>
        if key in (RowFlag.REALIGNED_BY, RowFlag.REALIGNED_LIKE_ROW):
            key = RowFlag.REALIGNED              # re-aligned, by one clue or another
        notes.append(FLAG_NOTES.get(key, "导入时对此行作了处理，请对照原文"))
    return "；".join(dict.fromkeys(notes))


def table_html(t: TableView, source: str) -> Markup:
    """The table's HTML, built here rather than in a template: a department-year page has thousands of
    cells, and a template call per cell was the largest cost of the build.

    The markup is lean because it is most of the page: a figure is a bare ``<td>`` (the stylesheet
    aligns a ``sheet``'s cells to the right, ``t`` marks a text cell), a blank printed cell is an empty
    one (the stylesheet shows a dash), and the first cell of each row is the row's line in the source.
    The table names its source text page once (``data-source``, relative to the page); the page's script
    makes each line number a link to that line, and without the script the link under the table leads
    to the table's first line. A link in every row was an eighth of a department-year page.
    """
    columns = 1 + max((len(r.headers) + len(r.cells) for r in t.rows), default=0)
    out = [f'<div class="table-scroll{width_class(columns)}" role="region" aria-labelledby="{t.id}-caption" tabindex="0">\n'
           f'<table class="money sheet{" two-sided" if t.kind in (Kind.SUMMARY, Kind.FISCAL_SUMMARY) else ""}"'
           f' id="table-{t.id}" data-source="{escape(source)}"{" data-yuan" if t.from_yuan else ""}>\n'
           f'<caption id="{t.id}-caption">{escape(t.title)}'
           f'<span class="unit">{escape(t.unit_note)}</span></caption>\n<thead>']
    for i, hrow in enumerate(t.header):
        out.append("\n<tr>")
        if i == 0:
            out.append(f'<th scope="col" rowspan="{len(t.header)}" class="src">原文行</th>')
        for h in hrow:
            attrs = ' class="rowhead"' if h.rowhead else ""
            attrs += f' colspan="{h.colspan}"' if h.colspan > 1 else ""
            attrs += f' rowspan="{h.rowspan}"' if h.rowspan > 1 else ""
            out.append(f'<th scope="{h.scope}"{attrs}>{escape(h.label)}</th>')
        out.append("</tr>")
    out.append("\n</thead>\n<tbody>")
    for r in t.rows:
        classes = ([f"row-{r.kind}"] if r.kind != RowKind.ITEM else []) + (["flagged"] if r.flags else [])
        classes += [f"level-{r.level}"] if r.level else []
        attrs = f' class="{" ".join(classes)}"' if classes else ""
        out.append(f'\n<tr id="{r.anchor}"{attrs}><td>{r.line}</td>')
        note = flag_note(r.flags) if r.flags else ""
        flag = f' <span class="flag" title="{escape(note)}">*<span class="visually-hidden">（{escape(note)}）</span></span>' if note else ""
        if len(r.headers) == 2:
            out.append(f'<td class="code">{escape(r.headers[0])}</td>')
        out.append(f'<th scope="row">{escape(r.headers[-1])}{flag}</th>')
        for text, kind, title in r.cells:
            if kind == SIDE:
                out.append(f'<th scope="row" class="side-label">{escape(text)}</th>')
                continue
            attrs = ' class="t"' if kind == TEXT else ""
            if title:
                attrs += f' title="{escape(title)}"'
            if text == "—" and kind != TEXT:
                text = ""
            # a FIGURE was made from a number here, so it has nothing to escape (a page escapes ~1,500 of them)
            out.append(f"<td{attrs}>{text if kind == FIGURE else escape(text)}</td>")
        out.append("</tr>")
    out.append("\n</tbody>\n</table>\n</div>")
    return Markup("".join(out))
