"""Charts of a disclosure: each a one-sentence summary, the table it draws and its points.

The table is the truth and is always on the page.  The chart is an SVG
drawn at build time (``pages.drawing``), so it shows with JavaScript off and costs the
reader no script; the chart's points in the page (``spec``: its kind, labels,
values in 万元, colours and height) are drawn by the page's script with plotly
as an interactive chart only when a reader asks for it.  The plotly layout
all charts share is in the script, once, not in every chart of every page.
Every summary sentence is written from the same numbers as the chart.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.core.codes import Code, canonical_name
from generator.audit.figures import Figure
from generator.core.model import Disclosure
from generator.core.money import half_unit, slack
from generator.core import vocabulary as V
from generator.core.vocabulary import Kind
from generator.site.model.drilldown import function_tables
from generator.site.shared.formatting import share, wan, wan_number
from generator.core.text import is_sub_item, strip_enumeration

FUNCTION_CHART = "chart-function"       # the chart of spending by function class (``function_classes``)
CARD_WIDTH = 330        # a chart card's width on a phone, so that its text is drawn at its size
PALETTE = ["#2b6a8e", "#d08c2c", "#5b8c5a", "#a0526d", "#6d6aa8", "#8a7f6b", "#3f9b9b", "#b5654a"]


@dataclass
class Chart:
    id: str
    title: str
    summary: str
    rows: list[tuple[str, int]]          # (label, 元) the chart draws, in order
    total: int
    spec: dict                           # the points the page's script draws with plotly (see ``_points``)
    source: str                          # which table the figures come from
    decimals: int = 2                    # of 万元, as the page's cards and tables show them
    kind: str = ""                       # the kind of that table (a chart of one fund is not one of all funds)

    @property
    def parts(self) -> bool:
        """Whether the rows are parts of a whole (a share each); a trend's years are not."""
        return self.spec.get("kind") != "trend"

    def table_rows(self) -> list[dict]:
        return [{"label": label, "value": wan(yuan, self.decimals),
                 "share": share(yuan, self.total) if self.parts else ""} for label, yuan in self.rows]


def _points(kind: str, rows: list[tuple[str, int]], colors: bool, height: int) -> dict:
    """What the page's script needs to draw a chart with plotly: ``bars`` (horizontal, one per row, the
    first at the top) or ``trend`` (a line over the years); values in 万元, exact (see ``wan_number``)."""
    return {"kind": kind, "labels": [label for label, _ in rows], "values": [wan_number(y) for _, y in rows],
            "colors": [PALETTE[i % len(PALETTE)] for i in range(len(rows))] if colors else PALETTE[0],
            "height": height}


def _bar(rows: list[tuple[str, int]], colors: bool = False) -> dict:
    return _points("bars", rows, colors, 80 + 36 * len(rows))


def _largest_sentence(what: str, rows: list[tuple[str, int]], total: int, n: int) -> str:
    if not rows:
        return ""
    label, yuan = max(rows, key=lambda r: r[1])
    text = f"{what}共 {wan(total, n)} 万元，其中{label}最多，为 {wan(yuan, n)} 万元，占 {share(yuan, total)}"
    if len(rows) > 1:
        text += f"；共 {len(rows)} 项"
    return text + "。"


def function_classes(d: Disclosure, figures: dict[str, Figure] | None = None, n: int = 2) -> Chart | None:
    """Spending by function class (类, the first three digits of the code); figures with ``n`` decimals of
    万元, as the page shows them."""
    for t in function_tables(d):
        classes: dict[str, int] = {}
        names: dict[str, str] = {}
        coded = [r for r in t.rows if r.code and r.scheme == V.Scheme.FUNCTION]
        if not coded:
            continue
        top = [r for r in coded if r.level == 1]
        source_rows = top or [r for r in coded if r.level == 3]
        for r in source_rows:
            cls = r.code[:3]
            classes[cls] = classes.get(cls, 0) + (r.amount(V.Column.TOTAL) or 0)
            if r.level == 1:
                names[cls] = r.canonical or r.label
        rows = [(names.get(c) or canonical_name(Code(c, V.Scheme.FUNCTION, 1, None)) or c, y)
                for c, y in sorted(classes.items()) if y]
        rows.sort(key=lambda r: -r[1])
        total = sum(y for _, y in rows)
        if not rows:
            return None
        summary = _largest_sentence("按功能分类，支出", rows, total, n) + _uncoded(t, total, n) \
            + _of_one_fund(t, total, (figures or {}).get(V.TOTAL_EXPENDITURE), n)
        return Chart(FUNCTION_CHART, "按功能分类（类）的支出", summary, rows, total, _bar(rows), t.title, n, str(t.kind))
    return None


def _of_one_fund(t, chart_total: int, spending: Figure | None, n: int) -> str:
    """Why a chart drawn from a table of one fund (the 一般公共预算 alone) shows less than 支出总计."""
    if spending is None or t.kind != Kind.GENERAL_BUDGET_FUNCTION or spending.yuan == chart_total:
        return ""
    return (f"图据{t.title}，只含一般公共预算拨款的支出，比支出总计 {wan(spending.yuan, n)} 万元"
            f"{'少' if spending.yuan > chart_total else '多'} {wan(abs(spending.yuan - chart_total), n)} 万元。")


def _uncoded(t, classes_total: int, n: int) -> str:
    """Why the classes may not add up to the table's own 合计: rows it prints without a function code
    (单位预留机动经费 …), named with their figures; "" when they add up."""
    row = t.total_row()
    printed = row.amount(V.Column.TOTAL) if row is not None else None
    if printed is None or printed == classes_total:
        return ""
    gap = printed - classes_total
    rows = sum(1 for r in t.rows if r.code and r.scheme == V.Scheme.FUNCTION and r.level == 1) or 1
    if abs(gap) <= slack(half_unit(t.unit or "元", t.decimals or 0), rows):
        return f"本表合计 {wan(printed, n)} 万元，与各类之和相差 {wan(abs(gap), n)} 万元，是各数四舍五入所致。"
    loose = [(r.label, r.amount(V.Column.TOTAL)) for r in t.rows
             if r.kind == V.RowKind.ITEM and not r.code and r.amount(V.Column.TOTAL) and r.level in (0, None, 1)]
    said = f"本表合计 {wan(printed, n)} 万元，比各类之和{'多' if gap > 0 else '少'} {wan(abs(gap), n)} 万元"
    if loose and sum(y for _, y in loose) == gap:
        return said + "，是未列功能分类科目的" + "、".join(f"{label} {wan(y, n)} 万元" for label, y in loose) + "。"
    return said + "，原表未列明其科目。"


def economic_classes(d: Disclosure, n: int = 2) -> Chart | None:
    """Basic spending by economic class (工资福利 / 商品和服务 / 对个人和家庭的补助 / 资本性)."""
    t = d.table(Kind.EXPENDITURE)
    if t is not None:
        total_row = t.total_row()
        parts = [("工资福利支出", "basic.wages"), ("商品和服务支出", "basic.goods"),
                 ("对个人和家庭的补助", "basic.family"), ("资本性支出", "basic.capital"), ("公用经费", "basic.public")]
        if total_row:
            rows = [(label, total_row.amount(key) or 0) for label, key in parts]
            rows = [r for r in rows if r[1]]
            if rows:
                total = sum(y for _, y in rows)
                return Chart("chart-economic", "基本支出按经济分类", _largest_sentence("基本支出", rows, total, n),
                             rows, total, _bar(rows, colors=True), t.title, n)
    return None


def rest_of_spending(d: Disclosure, figures: dict[str, Figure]) -> tuple[int, list[tuple[str, int]]] | None:
    """What 支出总计 holds besides 基本支出 and 项目支出, when the three are stated and do not add up: the
    remainder, and the columns the 支出总表 prints for it on its total row (单位预留机动经费, 事业单位经营支出 …),
    each as printed.  Shares that leave it out would not add to 100 %."""
    total, basic, project = (figures.get(m) for m in (V.TOTAL_EXPENDITURE, V.BASIC, V.PROJECT))
    if total is None or basic is None or project is None:
        return None
    rest = total.yuan - basic.yuan - project.yuan
    if rest <= 0:
        return None
    table = d.table(Kind.EXPENDITURE)
    row = table.total_row() if table is not None else None
    columns = [(c.label.split(" / ")[-1], row.amount(c.key)) for c in (table.money_columns if row else [])
               if c.key not in (V.Column.TOTAL, V.BASIC, V.PROJECT) and "." not in c.key]
    return rest, [(label, yuan) for label, yuan in columns if yuan]


def basic_vs_project(d: Disclosure, figures: dict[str, Figure], n: int = 2) -> Chart | None:
    basic, project = figures.get(V.BASIC), figures.get(V.PROJECT)
    if basic is None or project is None:
        return None
    rows = [("基本支出", basic.yuan), ("项目支出", project.yuan)]
    rest = rest_of_spending(d, figures)
    if rest is not None:
        rows.append((_rest_label(rest), rest[0]))
    total = sum(y for _, y in rows)
    summary = (f"基本支出 {wan(basic.yuan, n)} 万元（{share(basic.yuan, total)}），用于保障机构运转和人员；"
               f"项目支出 {wan(project.yuan, n)} 万元（{share(project.yuan, total)}），用于完成特定任务")
    if rest is not None:
        summary += f"；{rows[-1][0]} {wan(rest[0], n)} 万元（{share(rest[0], total)}），不属于这两类"
    return Chart("chart-basic-project", "基本支出与项目支出", summary + "。", rows, total, _bar(rows, colors=True),
                 basic.table, n)


def _rest_label(rest: tuple[int, list[tuple[str, int]]]) -> str:
    """其他支出, named by the columns that print it where they account for all of it."""
    yuan, columns = rest
    return f"其他（{'、'.join(label for label, _ in columns)}）" if columns and sum(y for _, y in columns) == yuan \
        else "其他支出"


def three_public(figures: dict[str, Figure], n: int = 2) -> Chart | None:
    total = figures.get(V.THREE_PUBLIC)
    if total is None:
        return None
    parts = [(p.label, V.three_public_measure(p.key)) for p in V.three_public_parts()]
    rows = [(label, figures[key].yuan) for label, key in parts if key in figures]
    if not rows:
        return None
    biggest = max(rows, key=lambda r: r[1])
    summary = (f"“三公”经费共 {wan(total.yuan, n)} 万元，其中{biggest[0]} {wan(biggest[1], n)} 万元，"
               f"占 {share(biggest[1], total.yuan) or '0%'}。") if total.yuan else "“三公”经费预算为零。"
    return Chart("chart-three-public", "“三公”经费构成", summary, rows, total.yuan, _bar(rows, colors=True),
                 total.table, n)


def income_sources(d: Disclosure, n: int = 2) -> Chart | None:
    t = d.table(Kind.SUMMARY)
    if t is None:
        return None
    rows = []
    for r in t.rows:
        if r.side == V.Side.INCOME and r.kind != V.RowKind.TOTAL and (r.amount(V.Column.INCOME) or 0) > 0:
            label = r.label
            if is_sub_item(label) or "小计" in label or "合计" in label:
                continue                       # a part of the line above, or a subtotal: not a separate source
            rows.append((strip_enumeration(label), r.amount(V.Column.INCOME)))
    if not rows:
        return None
    total = sum(y for _, y in rows)
    return Chart("chart-income", "收入来源", _largest_sentence("收入", rows, total, n), rows, total,
                 _bar(rows, colors=True), t.title, n)


def charts_for(d: Disclosure, figures: dict[str, Figure], decimals: int = 2) -> list[Chart]:
    """The disclosure's charts, their figures shown with ``decimals`` of 万元 like the rest of its page."""
    n = decimals
    found = [function_classes(d, figures, n), economic_classes(d, n), basic_vs_project(d, figures, n),
             three_public(figures, n), income_sources(d, n)]
    titles = {t.id: t.title for t in d.tables}
    for c in found:
        if c is not None:
            c.source = titles.get(c.source, c.source)
    return [c for c in found if c is not None]


def trend(points: list[tuple[int, int]], title: str) -> Chart:
    """Total expenditure over the years of one department."""
    rows = [(f"{y}年", yuan) for y, yuan in points]
    first, last = points[0], points[-1]
    change = last[1] - first[1]
    summary = (f"{first[0]} 年至 {last[0]} 年，支出总计由 {wan(first[1])} 万元变为 {wan(last[1])} 万元"
               f"（{'增加' if change >= 0 else '减少'} {wan(abs(change))} 万元）。")
    spec = _points("trend", [(f"{y}", v) for y, v in points], False, 300)
    return Chart("chart-trend", title, summary, rows, last[1], spec, "支出总计")
