"""Re-aligning rows whose empty cells were dropped, using the table's own sums.

A PDF conversion drops empty cells, so the figures after them shift left
(``合计 | 基本支出 | 项目支出`` printed as ``120 | 120`` when 基本支出 is
empty).  The header says which columns add up (``合计 = 基本 + 项目``); a
shifted row is put back where its figures satisfy those sums, or where a
sibling table or a twin row printed the same figures.  Every row moved is
flagged, so that the publisher sees what was decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.core.model import Table, TableRow
from generator.core.money import figure_decimals, half_printed, parse_decimal, rounding
from generator.core.text import compact
from generator.core.vocabulary import Kind, RowFlag, RowKind, with_detail, flag_name
from generator.normalise.grid import Column


# --- the sums that relate the columns ----------------------------------------------------------

@dataclass(frozen=True)
class SumRule:
    """``values[total] == sum(values[parts])``; with ``at_most``, ``parts[0] <= total``.

    The second form is the ``其中`` (of which) relation: a part printed under a
    subtotal can never exceed it.
    """

    total: int
    parts: tuple[int, ...]
    at_most: bool = False


def is_of_which(label: str) -> bool:
    return label.startswith("其中")


def _enumerates(columns: list[Column], members: list[int], subtotal: int) -> bool:
    """Whether a group's one 其中 column, right after its 小计, opens the list of all its parts (其中：基本支出 |
    项目支出) rather than naming a part of it alone (基本支出 | 项目支出 | 其中：三公经费)."""
    rest = [m for m in members if m != subtotal]
    return len(rest) >= 2 and rest[0] == subtotal + 1 and is_of_which(columns[rest[0]].leaf) \
        and not any(is_of_which(columns[m].leaf) for m in rest[1:])


def sum_rules(columns: list[Column]) -> list[SumRule]:
    """Derive the sums that relate value columns from their header paths."""
    rules: list[SumRule] = []
    n = len(columns)
    subtotal_names = {"小计", "合计"}
    # groups: the first path element shared by consecutive columns
    groups: dict[str, list[int]] = {}
    order: list[str] = []
    for i, col in enumerate(columns):
        key = col.path[0] if col.path else f"#{i}"
        if len(col.path) == 1:
            key = f"{key}#{i}"
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(i)
    top_terms: list[int] = []
    for key in order:
        members = groups[key]
        if len(members) == 1 and len(columns[members[0]].path) <= 1:
            top_terms.append(members[0])
            continue
        subtotal = next((m for m in members if columns[m].path[1:2] and columns[m].path[1] in subtotal_names), None)
        leaves = [m for m in members if m != subtotal and not is_of_which(columns[m].leaf)]
        if subtotal is not None and _enumerates(columns, members, subtotal):
            # “小计 | 其中：基本支出 | 项目支出”: the 其中 opens the list of the 小计's parts
            leaves = [m for m in members if m != subtotal]
        if subtotal is not None:
            if leaves:
                rules.append(SumRule(subtotal, tuple(leaves)))
            for m in members:
                if is_of_which(columns[m].leaf):
                    rules.append(SumRule(subtotal, (m,), at_most=True))
            top_terms.append(subtotal)
        else:
            top_terms.extend(leaves)
    if n and columns[0].path and len(columns[0].path) == 1 and columns[0].path[0] in {"合计", "总计"}:
        parts = tuple(t for t in top_terms if t != 0 and not is_of_which(columns[t].leaf))
        if parts:
            rules.append(SumRule(0, parts))
    return rules


def satisfies(values: list[Decimal | None], rules: list[SumRule], half_unit: Decimal) -> bool:
    """Whether a row's figures (in the printed unit) satisfy the sums, each figure within half a unit of its
    own last printed digit: ``half_unit`` is the table's, and a figure printed coarser than its table
    (``22,118,861`` among figures with 分) is allowed half of its own."""
    def half(v: Decimal | None) -> Decimal:
        own = figure_decimals(v)
        return half_unit if own is None else max(half_unit, half_printed(own))

    for rule in rules:
        total = values[rule.total]
        parts = [values[p] for p in rule.parts]
        if rule.at_most:
            if (parts[0] or 0) > (total or 0) + half_unit:
                return False
            continue
        if total is None and all(p is None for p in parts):
            continue
        t = total or Decimal(0)
        s = sum((p or Decimal(0) for p in parts), Decimal(0))
        if abs(t - s) > rounding([half(total), *(half(p) for p in parts)]):
            return False
    return True


def candidate_placements(printed: list[str], limit: int = 20000) -> list[list[int]]:
    """Order-preserving placements of the filled cells, each moving right only."""
    filled = [i for i, c in enumerate(printed) if c]
    n = len(printed)
    result: list[list[int]] = []

    def place(k: int, lowest: int, chosen: list[int]) -> None:
        if len(result) >= limit:
            return
        if k == len(filled):
            result.append(list(chosen))
            return
        for pos in range(max(lowest, filled[k]), n - (len(filled) - k - 1)):
            chosen.append(pos)
            place(k + 1, pos + 1, chosen)
            chosen.pop()

    place(0, 0, [])
    return result


def arrange(printed: list[str], placement: list[int]) -> list[str]:
    out = ["" for _ in printed]
    filled = [c for c in printed if c]
    for value, pos in zip(filled, placement):
        out[pos] = value
    return out


def numeric(cells: list[str]) -> list[Decimal | None]:
    out: list[Decimal | None] = []
    for c in cells:
        try:
            out.append(parse_decimal(c))
        except ValueError:
            out.append(None)
    return out


def valid_arrangements(printed: list[str], rules: list[SumRule], half_unit: Decimal) -> list[list[str]]:
    """Every right-shifted arrangement of a row that satisfies the sum rules."""
    found = []
    figures = numeric([c for c in printed if c])       # each cell read once, not once per placement
    for placement in candidate_placements(printed):
        values: list[Decimal | None] = [None] * len(printed)
        for value, pos in zip(figures, placement):
            values[pos] = value
        if satisfies(values, rules, half_unit):
            found.append(arrange(printed, placement))
    return found


# --- re-alignment by the sums ---------------------------------------------------------------

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
            flags[i] = RowFlag.UNRECONCILED
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
            flags[i] = RowFlag.REALIGNED if unique else RowFlag.REALIGNED_AMBIGUOUS
        out[i] = best
        if i == total_index:
            totals = numeric(best)
    return out, flags


# --- re-alignment by a sibling table or a twin row -------------------------------------------

def row_key(row: TableRow) -> tuple:
    if row.kind == RowKind.TOTAL:
        return (RowKind.TOTAL,)
    if row.code:
        return ("code", row.code, row.code2)
    if row.unit_code:
        return (RowKind.UNIT, row.unit_code)
    return ("label", compact(row.label))


def align_with_siblings(tables: list[Table]) -> None:
    """Use a sibling table with the same columns to place shifted figures.

    部门支出总体情况表 and 一般公共预算支出情况表 often print the same rows with
    the same columns.  When a row holds the same figures as its sibling row
    but in other columns, and one table printed every cell (zeros included)
    while the other dropped empty ones, the fully printed layout is taken and
    the row is flagged ``realigned``.
    """
    by_columns: dict[tuple, list[Table]] = {}
    for t in tables:
        if t.kind in (Kind.EXPENDITURE, Kind.GENERAL_BUDGET_FUNCTION):
            by_columns.setdefault(tuple(c.key for c in t.columns), []).append(t)
    for group in by_columns.values():
        if len(group) < 2:
            continue
        for target in group:
            for ref in group:
                if ref is target:
                    continue
                ref_rows = {row_key(r): r for r in ref.rows}
                for row in target.rows:
                    other = ref_rows.get(row_key(row))
                    if other is None:
                        continue
                    mine = sorted(c.yuan for c in row.cells if c.yuan)
                    theirs = sorted(c.yuan for c in other.cells if c.yuan)
                    if mine != theirs or not mine:
                        continue
                    if sum(1 for c in other.cells if c.yuan is not None) < sum(1 for c in row.cells if c.yuan is not None):
                        continue
                    if [(c.column, c.yuan or 0) for c in row.cells] == [(c.column, c.yuan or 0) for c in other.cells]:
                        continue
                    _adopt_layout(row, other, with_detail(RowFlag.REALIGNED_BY, ref.id))


_BY_SUMS = (RowFlag.REALIGNED, RowFlag.REALIGNED_AMBIGUOUS)
_REALIGNED = (*_BY_SUMS, RowFlag.REALIGNED_BY, RowFlag.REALIGNED_LIKE_ROW)


def align_with_twins(table: Table) -> None:
    """A re-aligned row holding exactly the figures of a settled row takes that row's layout.

    A department with one unit prints the unit row with the same figures as
    the 合计 row (002 lines 218-219); the 合计 row was placed by the sibling
    table, so the unit row follows it rather than a guess among equal sums.
    """
    settled = [r for r in table.rows if not any(f in _BY_SUMS for f in r.flags)]
    for row in table.rows:
        if not any(f in _BY_SUMS for f in row.flags):
            continue
        mine = sorted(c.yuan for c in row.cells if c.yuan)
        twin = next((o for o in settled if o is not row and mine and sorted(c.yuan for c in o.cells if c.yuan) == mine
                     and any(flag_name(f) == RowFlag.REALIGNED_BY for f in o.flags)), None)
        if twin is None:
            continue
        _adopt_layout(row, twin, with_detail(RowFlag.REALIGNED_LIKE_ROW, twin.row))


def _adopt_layout(row: TableRow, model: TableRow, flag: str) -> None:
    """Move a row's figures into the columns where ``model`` (a row with the same figures) has them."""
    pool = [(c.yuan, c.printed) for c in row.cells if c.yuan]
    for cell in row.cells:
        wanted = model.amount(cell.column)
        match = next((p for p in pool if wanted and p[0] == wanted), None)
        if match:
            pool.remove(match)
            cell.yuan, cell.printed = match
        else:
            cell.yuan, cell.printed = None, ""
    row.flags = [f for f in row.flags if flag_name(f) not in _REALIGNED] + [flag]
