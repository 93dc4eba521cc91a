"""Checks within a table and between the tables of one disclosure.

Sums are allowed the rounding of the printed precision: half a unit of the
last printed digit for every figure in the sum, the total included (002
prints class 201 as 2,432.7 while its rows add to 2,432.8; that is
rounding, not an error).  Each figure is judged by its own last digit: one
printed to the 元 in a table with 分 is allowed half a 元.  Which checks apply to which table kind is said in
the vocabulary (``TableKind.checks``).
"""

from __future__ import annotations

from generator.core import vocabulary as V
from generator.core.model import Disclosure, Finding, Table, TableRow
from generator.core.money import Yuan, figure_half, format_yuan, parse_decimal, rounding
from generator.core.vocabulary import KINDS, PANELS, Column, Kind, RowFlag, RowKind, Severity, Side, flag_name


def _fmt(yuan: Yuan) -> str:
    return f"{format_yuan(yuan)} 元"


def _half(t: Table, row: TableRow | None, column: str) -> Yuan:
    """Half a unit of the last digit the row prints in ``column`` (the table's for a blank or a missing row)."""
    cell = row.cell(column) if row is not None else None
    return figure_half(cell.printed if cell else "", t.unit or "元", t.decimals or 0)


def _tolerance(t: Table, column: str, rows: list[TableRow | None]) -> Yuan:
    """How far the figures of ``rows`` in ``column`` may be off their sum by rounding alone (asked only of a
    sum that is off at all: most add up exactly, and this reads every figure's printed digits)."""
    return rounding([_half(t, r, column) for r in rows])


def row_flags(t: Table) -> list[Finding]:
    """Rows that do not add up whichever way their cells are placed: the document's own inconsistency."""
    return [Finding("row-sum", Severity.WARNING,
                    f"{t.title}：“{r.label}”一行不平（合计 ≠ 基本支出 + 项目支出，或小计 ≠ 其各项），"
                    "其数字无论怎样重新对齐都不平",
                    t.document, r.line, table=t.id)
            for r in t.rows if RowFlag.UNRECONCILED in r.flags]


def import_notes(t: Table, titles: dict[str, str]) -> list[Finding]:
    """What the importer itself decided about a row (re-aligned cells, a completed code).

    These are the tool's own guesses, not facts about the department's
    figures: they are shown to the publisher (``import``, ``check``) and on
    the page as the importer's notes, never among the audit's findings.
    """
    out = []
    if t.kind == Kind.GENERIC:
        figures = sum(1 for r in t.rows for c in r.cells if c.printed)
        out.append(Finding("not-recognised", Severity.INFO,
                           f"“{t.title}”不是已知种类的表格，已按原样保存"
                           + (f"（{figures} 个数字，单位{t.unit}）" if figures else "（未标明金额单位，数字按原文保存为文字）")
                           + "，未纳入数据核对", t.document, t.lines[0], table=t.id))
    for r in t.rows:
        for flag in r.flags:
            if flag == RowFlag.REALIGNED_AMBIGUOUS:
                out.append(Finding("realigned", Severity.WARNING,
                                   f"{t.title}：“{r.label}”一行的空单元格在原文中缺失，其数字有不止一种"
                                   f"对齐方式都能相加平衡，已取移动最少的一种，请对照原文",
                                   t.document, r.line, table=t.id))
            elif flag == RowFlag.CODE_COMPLETED:
                out.append(Finding("code-completed", Severity.INFO,
                                   f"{t.title}：“{r.label}”一行的编码漏印了款级的首位 0，按 {r.code} 读取",
                                   t.document, r.line, table=t.id))
            elif flag == RowFlag.CODE_REPEATED:
                out.append(Finding("code-repeated", Severity.INFO,
                                   f"{t.title}：“{r.label}”一行印的是其上 {r.code} 一行的编码，而数字与之相加相符，"
                                   f"已按该科目的下级科目读取（不重复计入）", t.document, r.line, table=t.id))
            elif flag_name(flag) in (RowFlag.REALIGNED, RowFlag.REALIGNED_BY, RowFlag.REALIGNED_LIKE_ROW):
                out.append(Finding("realigned", Severity.INFO,
                                   f"{t.title}：“{r.label}”一行的空单元格在原文中缺失，"
                                   f"其数字已{_realigned_how(flag, titles)}", t.document, r.line, table=t.id))
        malformed = [f.partition(":")[2] for f in r.flags if flag_name(f) == RowFlag.SEPARATOR_MALFORMED]
        if malformed:
            read = "，".join(f"{p} 读作 {parse_decimal(p):,}" for p in malformed)
            out.append(Finding("separator-malformed", Severity.INFO,
                               f"{t.title}：“{r.label}”一行的数字漏印了千位分隔符，已按其数字读取：{read}",
                               t.document, r.line, table=t.id))
    return out


def _realigned_how(flag: str, titles: dict[str, str]) -> str:
    """How a row's figures were re-aligned, from the importer's flag on the row (see ``normalise.realign``);
    ``titles``: the disclosure's table titles by id."""
    kind, _, what = flag.partition(":")
    if kind == RowFlag.REALIGNED_BY:
        return f"按同一行在{titles.get(what, what)}中的位置对齐"
    if kind == RowFlag.REALIGNED_LIKE_ROW:
        return f"按本表第 {what} 行（数字相同）的位置对齐"
    return "按行内的相加关系重新对齐"


def sums(t: Table) -> list[Finding]:
    """The total row against the leaf rows, and each coded parent against its children (per panel, where a
    table prints two side by side: a 决算's 人员经费 | 公用经费)."""
    panels = sorted({r.side for r in t.rows if r.side in PANELS})
    if panels:
        return [f for side in panels for f in _sums(t, [r for r in t.rows if r.side == side], side)]
    return _sums(t, t.rows, None)


def _sums(t: Table, rows: list[TableRow], side: Side | None) -> list[Finding]:
    out = []
    coded = [r for r in rows if r.code or r.code2 or r.kind == RowKind.ITEM]
    # a row is a leaf unless its code is the beginning of a longer code of the table (one of the proper
    # prefixes of the table's codes, gathered once: not every code tried against every row) or a line under
    # it repeats its code (a 项 printed with its 款's code, read as the 款's sub-line: its parent is its code)
    parents = {c[:i] for c in {r.code for r in coded if r.code} for i in range(1, len(c))}
    parents |= {r.code for r in coded if r.code and r.parent == r.code}
    leaves = [r for r in coded if not r.code or r.code not in parents or r.parent == r.code]
    total = t.total_row(side)
    if total is not None and leaves:
        out += _held_to(t, total, leaves, "column-sum",
                        lambda col: f"{t.title}：“{col.label}”的合计与其下 {len(leaves)} 行之和不符")
    under: dict[str, list[TableRow]] = {}
    for r in coded:
        if r.parent:
            under.setdefault(r.parent, []).append(r)
    for parent in coded:
        if not parent.code or parent.parent == parent.code:
            continue
        children = under.get(parent.code, [])
        if children:
            out += _held_to(t, parent, children, "subtotal",
                            lambda col: f"{t.title}：{parent.code} {parent.label} 的“{col.label}”与其下 "
                                        f"{len(children)} 个科目之和不符")
    return out + _group_sums(t, rows)


def _held_to(t: Table, row: TableRow, parts: list[TableRow], check: str, says) -> list[Finding]:
    """``row`` against the sum of ``parts`` in each money column, within the rounding of as many printed
    figures; a blank cell over parts that are all blank or zero says nothing.  ``says(column)`` words it."""
    out = []
    for col in t.money_columns:
        expected = row.amount(col.key)
        found = sum(r.amount(col.key) or 0 for r in parts)
        if expected is None and found == 0:
            continue
        if (off := abs((expected or 0) - found)) and off > _tolerance(t, col.key, [row, *parts]):
            out.append(Finding(check, Severity.WARNING, says(col), t.document, row.line, expected=_fmt(expected or 0),
                               found=_fmt(found), table=t.id))
    return out


def _group_sums(t: Table, rows: list[TableRow]) -> list[Finding]:
    """Each group of a table nested by rows (a procurement table's 货物 › a unit › the goods bought) against
    the items under it, down to the next group of the same or a higher level (a smaller number).  A table
    with codes says by its codes what adds up, and is checked by them."""
    if any(r.code or r.code2 for r in rows):
        return []
    out = []
    for i, group in enumerate(rows):
        if group.kind != RowKind.GROUP or group.level is None:
            continue
        items = []
        for r in rows[i + 1:]:
            if r.kind == RowKind.TOTAL or (r.kind == RowKind.GROUP and (r.level or 0) <= group.level):
                break
            if r.kind == RowKind.ITEM:
                items.append(r)
        if items:
            out += _held_to(t, group, items, "subtotal",
                            lambda col: f"{t.title}：“{group.label}”的“{col.label}”与其下 {len(items)} 项之和不符")
    return out


def three_public(t: Table) -> list[Finding]:
    """“三公” = its three parts, and 公务用车 = 运行维护 + 购置 (in each column: a 决算 prints 预算数 and 决算数)."""
    parts = {r.code: r for r in t.rows}
    out = []
    for col in t.money_columns:

        def val(key: str) -> int:
            return (parts[key].amount(col.key) or 0) if key in parts else 0

        for whole, within, what in ((V.THREE_PUBLIC_TOTAL, None, "“三公”合计 ≠ 出国 + 接待 + 公务用车"),
                                    ("vehicles", "vehicles", "公务用车 ≠ 运行维护 + 购置")):
            if whole not in parts:
                continue
            members = V.three_public_parts(within)
            found = sum(val(p.key) for p in members)
            figures = [parts.get(k) for k in (whole, *(p.key for p in members))]
            if (off := abs(val(whole) - found)) and off > _tolerance(t, col.key, figures):
                label = f"（{col.label}）" if len(t.money_columns) > 1 else ""
                out.append(Finding("three-public", Severity.WARNING, f"{t.title}：{what}{label}", t.document,
                                   parts[whole].line, expected=_fmt(val(whole)), found=_fmt(found), table=t.id))
    return out


def balance(t: Table) -> list[Finding]:
    """A two-sided summary: the income total equals the expenditure total."""
    income = [r for r in t.rows if r.kind == RowKind.TOTAL and r.side == Side.INCOME]
    spend = [r for r in t.rows if r.kind == RowKind.TOTAL and r.side == Side.EXPENDITURE]
    out = []
    if income and spend:
        a = income[-1].amount(Column.INCOME) or 0
        b = spend[-1].amount(Column.TOTAL) or 0
        if abs(a - b) > _half(t, income[-1], Column.INCOME) + _half(t, spend[-1], Column.TOTAL):
            out.append(Finding("balance", Severity.WARNING, f"{t.title}：收入合计 ≠ 支出合计", t.document,
                               spend[-1].line, expected=_fmt(a), found=_fmt(b), table=t.id))
    return out


def carry_over(t: Table) -> list[Finding]:
    """A two-sided summary, each side: 总计 = 本年收入合计 + the lines printed between them (年初结转和结余,
    使用非财政拨款结余 on the income side; 年末结转和结余, 结余分配 on the expenditure side).

    With the balance check this is the equation of a 决算: 本年收入合计 + 年初结转 = 本年支出合计 + 年末结转.
    A side that prints no 本年…合计 (only its 总计) has nothing to reconcile here.
    """
    out = []
    for side, key in ((Side.INCOME, Column.INCOME), (Side.EXPENDITURE, Column.TOTAL)):
        rows = [r for r in t.rows if r.side == side]
        year = next((i for i, r in enumerate(rows) if r.kind == RowKind.TOTAL and "本年" in r.label), None)
        last = max((i for i, r in enumerate(rows) if r.kind == RowKind.TOTAL), default=None)
        if year is None or last is None or last <= year:
            continue
        between = [r for r in rows[year + 1:last] if r.kind != RowKind.TOTAL]
        whole = rows[last].amount(key)
        found = (rows[year].amount(key) or 0) + sum(r.amount(key) or 0 for r in between)
        if whole is None and found == 0:
            continue
        if (off := abs((whole or 0) - found)) and off > _tolerance(t, key, [rows[last], rows[year], *between]):
            names = " + ".join([rows[year].label] + [r.label for r in between])
            out.append(Finding("carry-over", Severity.WARNING, f"{t.title}：{rows[last].label} ≠ {names}", t.document,
                               rows[last].line, expected=_fmt(found), found=_fmt(whole or 0), table=t.id))
    return out


def stated_total(t: Table) -> TableRow | None:
    """The row where a table states the department's total (the expenditure side of a summary)."""
    side = Side.EXPENDITURE if KINDS[t.kind].parser == V.TWO_SIDED else None
    row = t.total_row(side)
    return row if row is not None and row.amount(Column.TOTAL) is not None else None


def same_total(d: Disclosure) -> list[Finding]:
    """Every table that states the department's total states the same total; so do those that state the
    total of 财政拨款 alone (which differs from the department's when it has other income)."""
    return [f for check in (V.STATES_TOTAL, V.STATES_FISCAL_TOTAL) for f in _same_total(d, check)]


def _same_total(d: Disclosure, check: str) -> list[Finding]:
    stated = [(t, r) for t in d.tables if t.rows and check in KINDS[t.kind].checks
              for r in [stated_total(t)] if r is not None]
    out = []
    if stated:
        ref_table, ref_row = stated[0]
        ref = ref_row.amount(Column.TOTAL)
        for t, r in stated[1:]:
            value = r.amount(Column.TOTAL)
            if abs(value - ref) > _half(t, r, Column.TOTAL) + _half(ref_table, ref_row, Column.TOTAL):
                out.append(Finding("cross-table", Severity.WARNING, f"{t.title}：总计与{ref_table.title}不符",
                                   t.document, r.line, expected=_fmt(ref), found=_fmt(value), table=t.id))
    return out


# The checks of one table, by the name a table kind gives in the vocabulary
TABLE_CHECKS = {V.SUMS: sums, V.THREE_PUBLIC_SUM: three_public, V.BALANCE: balance, V.CARRY_OVER: carry_over}
