"""Spending level by level: each class (类) with its 款 and each 款 with its 项, from one table's coded rows.

A reader who sees that most money goes to 一般公共服务支出 wants to know which
款 and 项 of it.  The tree is built from the rows of one table, in exact 元, so
that every figure can be found in that table on the same page.  Where the table
does not print a level (many print only the 项 codes, ``2010301``), the parent
is built from the code's prefix (3 digits 类, 5 款, 7 项) and its amount is the
sum of its children, marked as computed.  Where a printed parent and the sum of
its printed children disagree beyond rounding, the printed figure stands and the
sum is kept beside it for the page to say so: nothing is invented.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.core import vocabulary as V
from generator.core.codes import Code, canonical_name
from generator.core.model import Disclosure, Table
from generator.core.money import Yuan, half_unit, slack
from generator.core.vocabulary import Kind, Scheme
from generator.site.shared.formatting import share

LEVELS = {3: 1, 5: 2, 7: 3}                 # code length → level (类, 款, 项)
LEVEL_NAMES = {1: "类", 2: "款", 3: "项"}
# Tables of the economic classification, the widest first: all general-budget spending, then the summary of
# all funds, then basic spending alone.
ECONOMIC_KINDS = (Kind.GENERAL_BUDGET_ECONOMIC, Kind.ECONOMIC_SUMMARY, Kind.BASIC_ECONOMIC)


@dataclass
class Node:
    code: str
    name: str
    level: int
    yuan: Yuan
    printed: bool                       # False: the table has no row of this code; ``yuan`` sums the rows below
    of_parent: str = ""                 # share of the level above (``32.2%``); "" for a class
    of_total: str = ""                  # share of the tree's total
    children_sum: Yuan | None = None    # the children's sum, kept only where it disagrees with the printed figure
    children: list[Node] = field(default_factory=list)


@dataclass
class Drilldown:
    scheme: Scheme
    source: str                         # the title of the table it is built from
    total: Yuan                         # the sum of the classes: what "of total" shares divide by
    classes: list[Node]
    printed_total: Yuan | None = None   # the table's 合计, kept only where it is not the sum of the classes

    @property
    def computed(self) -> bool:
        """Some amount is a sum the table does not print."""
        return any(not n.printed for n in self.nodes())

    @property
    def all_computed(self) -> bool:
        """Every class and 款 that has rows below it is a computed sum (the table prints only the lowest level)."""
        return all(not n.printed for n in self.nodes() if n.children)

    def nodes(self) -> list[Node]:
        out: list[Node] = []
        stack = list(reversed(self.classes))
        while stack:
            n = stack.pop()
            out.append(n)
            stack.extend(reversed(n.children))
        return out


def amount_column(t: Table) -> str | None:
    """The 合计 column of a table: ``total``, or the one ``….total`` where the table groups it under a heading."""
    keys = [c.key for c in t.money_columns]
    if V.Column.TOTAL in keys:
        return V.Column.TOTAL
    return next((k for k in keys if k.endswith("." + V.Column.TOTAL)), None)


def tree(t: Table, scheme: Scheme) -> Drilldown | None:
    """The classes of one scheme in a table, each with the levels below it; None when the table has no coded
    row of the scheme with a figure in its 合计 column."""
    column = amount_column(t)
    if column is None:
        return None
    printed: dict[str, Yuan] = {}
    names: dict[str, str] = {}
    for r in t.rows:
        if r.kind != V.RowKind.ITEM or not r.code or r.scheme != scheme or len(r.code) not in LEVELS:
            continue
        names.setdefault(r.code, (r.label or "").strip() or r.canonical or "")
        yuan = r.amount(column)
        if yuan is not None:            # the same code printed twice (once per unit, basic and project) adds up
            printed[r.code] = printed.get(r.code, 0) + yuan
    if not printed:
        return None
    codes = set(printed)
    for c in list(codes):
        codes.update(c[:n] for n in (3, 5) if n < len(c))
    half = half_unit(t.unit or "元", t.decimals or 0)
    nodes: dict[str, Node] = {}
    for c in sorted(codes, key=len, reverse=True):     # children before their parents
        kids = [nodes[k] for k in codes if len(k) == len(c) + 2 and k.startswith(c) and k in nodes]
        summed = sum(k.yuan for k in kids) if kids else None
        yuan = printed.get(c, summed)
        if yuan is None or yuan == 0:
            continue                    # a row with no figure, or a zero, says nothing of where money goes
        level = LEVELS[len(c)]
        name = names.get(c) or canonical_name(Code(c, scheme, level, c[:-2] if level > 1 else None)) or c
        node = Node(c, name, level, yuan, c in printed, children=sorted(kids, key=_order))
        if c in printed and summed is not None and abs(yuan - summed) > slack(half, len(kids)):
            node.children_sum = summed
        nodes[c] = node
    classes = sorted((n for c, n in nodes.items() if len(c) == 3), key=_order)
    if not classes:
        return None
    total = sum(n.yuan for n in classes)
    for cls in classes:
        _shares(cls, total)
    return Drilldown(scheme, t.title, total, classes, _other_total(t, column, total, half, len(classes)))


def _other_total(t: Table, column: str, total: Yuan, half: int, terms: int) -> Yuan | None:
    """The table's 合计 where it differs from the sum of the classes beyond rounding (rows printed without a
    code of the scheme); None otherwise, and where the table prints more than one 合计 (one per panel or side),
    since the first of them need not be the whole."""
    rows = [r for r in t.rows if r.kind == V.RowKind.TOTAL]
    printed = rows[0].amount(column) if len(rows) == 1 and rows[0].side is None else None
    return printed if printed is not None and abs(printed - total) > slack(half, terms) else None


def _order(n: Node) -> tuple:
    return (-n.yuan, n.code)            # the largest first, as the charts do


def _shares(node: Node, total: Yuan) -> None:
    node.of_total = share(node.yuan, total)
    for k in node.children:
        k.of_parent = share(k.yuan, node.yuan)
        _shares(k, total)


def function_tables(d: Disclosure) -> list[Table]:
    """The tables spending by function is read from: the 支出总表, then the 一般公共预算 table; one that
    prints the class rows (类) first, since its figures are printed, not summed."""
    found = [t for t in (d.table(Kind.EXPENDITURE), d.table(Kind.GENERAL_BUDGET_FUNCTION)) if t is not None]
    found.sort(key=lambda t: not any(r.code and r.level == 1 for r in t.rows))
    return found


def drilldowns(d: Disclosure) -> list[Drilldown]:
    """The function tree, and the economic one where the disclosure has an economic table; each from the
    first table that gives one."""
    out = []
    for tables, scheme in ((function_tables(d), Scheme.FUNCTION),
                           ([t for k in ECONOMIC_KINDS for t in d.tables if t.kind == k], Scheme.ECONOMIC)):
        found = next((x for x in (tree(t, scheme) for t in tables) if x is not None), None)
        if found is not None:
            out.append(found)
    return out
