"""What a document's own redundancy can show: the relations its printed figures satisfy.

An error in a figure can be found from the document alone only where the
document prints the figure's value a second way: the figure takes part in
a sum (a column's rows and its 合计, a coded parent and its children, a
row's 合计 and its columns, the “三公” parts and their total, a sentence's
total and the parts it lists), or it is printed again (the same row of
another table, another table's total, a table's figure in the narrative).  Each such
``Relation`` is found in the document as published and kept only where it
holds there, within the rounding of every figure in it; a figure that is in
no relation could be changed without the document contradicting itself.

This is how ``audit.recall`` decides which of its planted errors the audit
could possibly find (the figure is in a relation that the change breaks by
more than its rounding) and where a finding naming it may stand (the lines
of the figures it is related to).  It reads the importer's typed tables (row
kinds, codes, columns) but none of the audit's checks: a relation the audit
does not check is still one the document carries, and a miss there counts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

from generator.core import vocabulary as V
from generator.core.model import Disclosure, Table, TableRow
from generator.core.money import half_unit
from generator.core.text import compact, is_sub_item, strip_enumeration
from generator.core.vocabulary import Kind, RowKind
from generator.read.layout import Layout

# a money figure of the narrative: its number and unit (a figure glued to a preceding digit or point is not one,
# nor the last digits of a number printed letter-spaced: 9 4 7万元)
NARRATIVE_FIGURE = re.compile(r"(?<![\d.,])(?<!\d\s)(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)")
FACTORS = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
_MAX_PARTS = 4            # a row's 合计 is sought as the sum of at most this many of its other columns


@dataclass(frozen=True)
class Figure:
    """A printed money figure of the document: where it stands, its value and half its last printed unit."""

    document: str
    line: int
    key: str                 # unique in the document: ``table:row:column`` or ``text:offset``
    printed: str
    yuan: Decimal
    half: Decimal
    amount: bool = True      # a narrative figure a table could print (not a change, a threshold, …: ``_amount``)


@dataclass
class Relation:
    """``Σ sign × figure = 0`` within ``slack`` (the rounding of its figures), as the document prints it."""

    what: str                                     # column sum | row sum | repeated | sentence sum
    terms: list[tuple[Figure, int]]
    residual: Decimal = Decimal(0)

    @property
    def slack(self) -> Decimal:
        return sum((f.half for f, _ in self.terms), Decimal(0))

    def breaks(self, figure: Figure, delta: Decimal) -> bool:
        """Whether changing ``figure`` by ``delta`` 元 leaves this relation off by more than its rounding."""
        sign = next(s for f, s in self.terms if f.key == figure.key and f.document == figure.document)
        return abs(self.residual + sign * delta) > self.slack

    def lines(self) -> set[tuple[str, int]]:
        return {(f.document, f.line) for f, _ in self.terms}


def _holds(terms: list[tuple[Figure, int]]) -> Relation | None:
    rel = Relation("", terms, sum((f.yuan * s for f, s in terms), Decimal(0)))
    return rel if abs(rel.residual) <= rel.slack else None


@dataclass
class Redundancy:
    """Every relation among a disclosure's printed figures, and each figure's relations."""

    figures: dict[tuple[str, str], Figure] = field(default_factory=dict)           # (document, key)
    by_line: dict[tuple[str, int], list[Figure]] = field(default_factory=dict)      # in printed order
    relations: dict[tuple[str, str], list[Relation]] = field(default_factory=dict)
    totals: set[tuple[str, str]] = field(default_factory=set)                       # figures of total rows
    _seen: set[frozenset] = field(default_factory=set, repr=False)

    def add(self, what: str, terms: list[tuple[Figure, int]]) -> None:
        """Keep the relation ``terms`` when the document's figures satisfy it (once, however often it is found)."""
        members = frozenset((f.document, f.key, s) for f, s in terms)
        if len({(f.document, f.key) for f, _ in terms}) < 2 or members in self._seen:
            return
        rel = _holds(terms)
        if rel is None:
            return
        self._seen.add(members)
        rel.what = what
        for f, _ in terms:
            self.relations.setdefault((f.document, f.key), []).append(rel)

    def breaking(self, figure: Figure, delta: Decimal) -> list[Relation]:
        """The relations a change of ``figure`` by ``delta`` 元 breaks: the document then contradicts itself."""
        return [r for r in self.relations.get((figure.document, figure.key), []) if r.breaks(figure, delta)]

    def cell(self, document: str, line: int, printed: str, occurrence: int) -> Figure | None:
        """The table figure printed ``printed`` on ``line`` (its ``occurrence``-th such figure on the line)."""
        want = compact(printed)
        found = [f for f in self.by_line.get((document, line), []) if not f.key.startswith("text:")
                 and compact(f.printed) == want]
        return found[occurrence] if occurrence < len(found) else None

    def text_figure(self, document: str, line: int, offset: int) -> Figure | None:
        return self.figures.get((document, f"text:{line}:{offset}"))


def narrative_figures(layout: Layout) -> list[Figure]:
    """The money figures printed in the document's text lines (outside tables), each with its unit's rounding."""
    out = []
    name = layout.document.name
    for t in layout.texts:
        for m in NARRATIVE_FIGURE.finditer(t.text):
            number = m.group(1).replace(",", "")
            try:
                value = Decimal(number)
            except ArithmeticError:
                continue
            factor = FACTORS[m.group(2)]
            places = len(number.partition(".")[2])
            out.append(Figure(name, t.line, f"text:{t.line}:{m.start(1)}", m.group(1), value * factor,
                              factor / (Decimal(10) ** places) / 2, _amount(t.text, m.start(1), m.end())))
    return out


# what makes a narrative figure no amount of the year a table prints, whatever its value: a change from another
# year (比上年增加 19 万元), a threshold (单价 100 万元（含）以上), the money of the projects given performance
# targets (共 5 个项目 … 涉及项目预算资金 660.25 万元: some projects, not the 项目支出, unless it says all of them)
_CHANGE_BEFORE = re.compile(r"(?:增加|减少|增长|下降|上升|降低|提高|压减|节约|增|减)\s*了?\s*$")
_THRESHOLD_AFTER = re.compile(r"^\s*[（(]?含?[)）]?\s*(?:及)?以[上下]")
_TARGETS = re.compile(r"绩效目标|绩效管理")
_EVERY_PROJECT = re.compile(r"项目支出(?:均|全部)")


def _amount(text: str, start: int, end: int) -> bool:
    """Whether the figure at ``start``–``end`` of a narrative line states an amount a table could print."""
    if _CHANGE_BEFORE.search(text[:start]) or _THRESHOLD_AFTER.match(text[end:]):
        return False
    sentence = text[max(text.rfind("。", 0, start), text.rfind("；", 0, start)) + 1:start]
    return not ("涉及" in sentence and _TARGETS.search(sentence) and not _EVERY_PROJECT.search(sentence))


def analyse(d: Disclosure, layouts: Iterable[Layout]) -> Redundancy:
    """The relations of the disclosure ``d`` (its typed tables) and of the narrative of its ``layouts``."""
    layouts = list(layouts)
    red = Redundancy()
    cells: dict[int, list[tuple[TableRow, dict[str, Figure]]]] = {}
    for t in d.tables:
        half = Decimal(half_unit(t.unit or "元", t.decimals or 0))
        rows = []
        for r in t.rows:
            figs = {}
            for c in r.cells:
                if c.yuan is None or c.column in figs:
                    continue
                f = Figure(t.document, r.line, f"{t.id}:{r.row}:{c.column}", c.printed, Decimal(c.yuan), half)
                figs[c.column] = f
                red.figures[(f.document, f.key)] = f
                red.by_line.setdefault((f.document, f.line), []).append(f)
                if r.kind == RowKind.TOTAL:
                    red.totals.add((f.document, f.key))
            rows.append((r, figs))
        cells[id(t)] = rows
        _column_sums(red, t, rows)
        _row_sums(red, t, rows)
        if t.kind == Kind.THREE_PUBLIC:
            _three_public(red, t, rows)
    text = [f for layout in layouts for f in narrative_figures(layout)]
    for f in text:
        red.figures[(f.document, f.key)] = f
        red.by_line.setdefault((f.document, f.line), []).append(f)
    _changes_summed(red, d, text)
    _repeated_in_tables(red, d, cells)
    _repeated_in_text(red, [f for rows in cells.values() for _, figs in rows for f in figs.values()], text)
    _sentence_sums(red, text, {(layout.document.name, t.line): t.text for layout in layouts for t in layout.texts})
    return red


def _column_sums(red: Redundancy, t: Table, rows: list[tuple[TableRow, dict[str, Figure]]]) -> None:
    """Each coded parent = its children; each group of a table nested by rows = its items; each total row = its
    top rows, its leaves, its items, or the rows since the total above it (with that total): per side or panel,
    per column, wherever the document's figures agree."""
    sides: dict[str | None, list[tuple[TableRow, dict[str, Figure]]]] = {}
    for r, figs in rows:
        sides.setdefault(r.side, []).append((r, figs))
    for group in sides.values():
        codes = {r.code for r, _ in group if r.code}
        for r, figs in group:
            # a coded parent's children name its code; a project list's details name their unit (its label)
            children = [x for x in group if x[0].parent == r.code] if r.code else \
                [x for x in group if x[0].kind == RowKind.DETAIL and not x[0].code and x[0].parent == r.label]
            if children:
                _sum(red, figs, children)
        coded = [x for x in group if x[0].code and x[0].kind != RowKind.TOTAL]
        parents = {x[0].parent for x in coded if x[0].parent}
        roots = [x for x in coded if not x[0].parent or x[0].parent not in codes]
        leaves = [x for x in coded if x[0].code not in parents]
        # rows with a code of either scheme, or items without one: those not parents of another
        rows_below = [x for x in group if x[0].kind != RowKind.TOTAL and (x[0].code or x[0].code2 or x[0].kind == RowKind.ITEM)]
        below_leaves = [x for x in rows_below if not x[0].code or x[0].code not in parents]
        plain = [x for x in group if x[0].kind != RowKind.TOTAL and not is_sub_item(x[0].label)]
        items = [x for x in group if x[0].kind == RowKind.ITEM]
        previous: tuple[TableRow, dict[str, Figure]] | None = None
        since: list[tuple[TableRow, dict[str, Figure]]] = []
        for i, x in enumerate(group):
            if x[0].kind == RowKind.GROUP and x[0].level is not None and not coded:
                _sum(red, x[1], _under(group[i + 1:], x[0].level))
            if x[0].kind != RowKind.TOTAL:
                if not is_sub_item(x[0].label):
                    since.append(x)
                continue
            for parts in (roots, leaves, below_leaves, [] if coded else plain, [] if coded else items,
                          since + ([previous] if previous else [])):
                if parts:
                    _sum(red, x[1], parts)
            previous, since = x, []


def _under(rows: list[tuple[TableRow, dict[str, Figure]]], level: int) -> list[tuple[TableRow, dict[str, Figure]]]:
    """The items of a group of a table nested by rows (a procurement table's 货物 › a unit › the goods): down to
    the next group of the same or a higher level, or a total."""
    out = []
    for x in rows:
        if x[0].kind == RowKind.TOTAL or (x[0].kind == RowKind.GROUP and (x[0].level or 0) <= level):
            break
        if x[0].kind == RowKind.ITEM:
            out.append(x)
    return out


def _sum(red: Redundancy, whole: dict[str, Figure], parts: list[tuple[TableRow, dict[str, Figure]]]) -> None:
    if not parts:
        return
    for column, w in whole.items():
        terms = [(w, 1)] + [(p[1][column], -1) for p in parts if column in p[1]]
        if len(terms) > 1:
            red.add("column sum", terms)


def _row_sums(red: Redundancy, t: Table, rows: list[tuple[TableRow, dict[str, Figure]]]) -> None:
    """A column that is the sum of some others (合计 = 基本支出 + 项目支出) in every row that prints it: each
    row's figures are then related.  Sought per table (never from one row, where zeros would make anything
    add up), smallest sums first."""
    keys = [c.key for c in t.money_columns]
    for whole in keys:
        printed = [(r, figs) for r, figs in rows if whole in figs]
        if sum(1 for _, figs in printed if figs[whole].yuan) < 2:
            continue
        others = [k for k in keys if k != whole]
        found: list[tuple[str, ...]] = []
        for size in range(1, min(_MAX_PARTS, len(others)) + 1):
            for parts in combinations(others, size):
                if any(set(f) <= set(parts) for f in found):
                    continue                         # a smaller sum already holds: this one only adds zeros
                if all(_holds([(figs[whole], 1)] + [(figs[p], -1) for p in parts if p in figs])
                       for _, figs in printed) and any(p in figs and figs[p].yuan for _, figs in printed
                                                       for p in parts):
                    found.append(parts)
        for parts in found:
            for _, figs in printed:
                red.add("row sum", [(figs[whole], 1)] + [(figs[p], -1) for p in parts if p in figs])


def _three_public(red: Redundancy, t: Table, rows: list[tuple[TableRow, dict[str, Figure]]]) -> None:
    """“三公” = 出国 + 公务用车 + 接待; 公务用车 = 购置 + 运行维护 (by the rows' parts, in each column)."""
    by_code = {r.code: figs for r, figs in rows if r.code}
    for whole, within in ((V.THREE_PUBLIC_TOTAL, None), ("vehicles", "vehicles")):
        if whole not in by_code:
            continue
        parts = [by_code[p.key] for p in V.three_public_parts(within) if p.key in by_code]
        for column, w in by_code[whole].items():
            terms = [(w, 1)] + [(p[column], -1) for p in parts if column in p]
            if len(terms) > 1:
                red.add("column sum", terms)


def _row_identity(r: TableRow) -> str:
    return f"{r.scheme}:{r.code}" if r.code else compact(strip_enumeration(r.label))


def _repeated_in_tables(red: Redundancy, d: Disclosure, cells: dict[int, list]) -> None:
    """The same row of two tables printing the same figure in the same column, and the total rows of two tables
    printing the same figure: each is the other's check."""
    seen: dict[tuple[str, str], list[tuple[int, Figure]]] = {}
    totals: list[tuple[int, Figure]] = []
    for t in d.tables:
        for r, figs in cells[id(t)]:
            for column, f in figs.items():
                if not f.yuan:
                    continue
                seen.setdefault((_row_identity(r), column), []).append((id(t), f))
                if r.kind == RowKind.TOTAL:
                    totals.append((id(t), f))
    for group in [*seen.values(), totals]:
        for (ta, a), (tb, b) in combinations(group, 2):
            if ta != tb and abs(a.yuan - b.yuan) <= a.half + b.half:
                red.add("repeated", [(a, 1), (b, -1)])


def _repeated_in_text(red: Redundancy, table: list[Figure], text: list[Figure]) -> None:
    """A narrative figure that a table prints again, within the rounding of both.  Two sentences stating the same
    amount are not taken for a repetition: the narrative often states equal changes of different things."""
    pool = sorted((f for f in table if f.yuan), key=lambda f: f.yuan)
    values = [f.yuan for f in pool]
    widest = max((f.half for f in pool), default=Decimal(0))
    for f in text:
        if not f.yuan or not f.amount:
            continue
        lo = bisect.bisect_left(values, f.yuan - f.half - widest)
        hi = bisect.bisect_right(values, f.yuan + f.half + widest)
        for g in pool[lo:hi]:
            red.add("repeated", [(f, 1), (g, -1)])


def _changes_summed(red: Redundancy, d: Disclosure, text: list[Figure]) -> None:
    """The change of “三公” the narrative states against the changes of its three parts (比上年增加 A 万元 …):
    the parts' signed changes add up to the total's.  The sentences are taken as the importer read them
    (``Disclosure.statements``), each placed on its figure of the line."""
    changes = {s.measure: s for s in d.statements if s.measure.endswith(V.CHANGE)}
    total = changes.get(V.THREE_PUBLIC + V.CHANGE)
    parts = [changes.get(V.three_public_measure(p.key) + V.CHANGE) for p in V.three_public_parts()]
    if total is None or not all(parts):
        return
    terms = []
    for s, side in [(total, 1)] + [(p, -1) for p in parts]:
        if not s.yuan:
            continue                                   # 持平: nothing printed to change
        number = re.search(r"(?:增加|减少|增长|下降|上升)\s*(\d[\d,]*(?:\.\d+)?)", s.printed)
        fig = next((f for f in text if f.document == s.document and f.line == s.line and number
                    and f.printed == number.group(1)), None)
        if fig is None:
            return
        terms.append((fig, side * (1 if s.yuan > 0 else -1)))
    if len(terms) >= 2:
        red.add("sentence sum", terms)


def _offset(f: Figure) -> int:
    """Where a narrative figure starts on its line."""
    return int(f.key.rsplit(":", 1)[1])


def _sentence_sums(red: Redundancy, text: list[Figure], lines: dict[tuple[str, int], str]) -> None:
    """A sentence's figure followed by the parts it lists (支出预算 X 万元，其中：基本支出 A 万元，项目支出 B 万元).
    Parts said to be the main ones (增加 X 万元，主要是 …, 主要用于 …) are not said to make the whole: that they
    add up is no relation the document states."""
    by_line: dict[tuple[str, int], list[Figure]] = {}
    for f in text:
        by_line.setdefault((f.document, f.line), []).append(f)
    for (document, line), figs in by_line.items():
        words = lines.get((document, line), "")
        for i, whole in enumerate(figs):
            if not whole.yuan or i + 1 >= len(figs) or "主要" in words[_offset(whole):_offset(figs[i + 1])]:
                continue
            for j in range(i + 3, len(figs) + 1):
                parts = figs[i + 1:j]
                if _holds([(whole, 1)] + [(p, -1) for p in parts]) is not None and sum(1 for p in parts if p.yuan) >= 2:
                    red.add("sentence sum", [(whole, 1)] + [(p, -1) for p in parts])
                    break
