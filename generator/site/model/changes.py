"""Year over year: a department-year's figures against the same department's previous year, from the tables.

The narrative states a change of its own (比上年…, ``V.CHANGE``), which the audit holds against its
own figures; a reader also wants the change the two years' tables give, side by side with it.  Here
each headline figure (``audit.figures.headline``) and each function class (类, as the chart of
``charts.function_classes`` draws it) of one year is set against the year before: both figures, the
change in 元 and in per cent, and a sentence.  Only the two years' own figures are used: nothing is
derived where either is missing, and no rate is given on a base of zero.

Pure: given each year's figures (``YearFigures``), no file is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Context, Decimal

from generator.audit.figures import HEADLINE_MEASURES, Figure, headline
from generator.core import vocabulary as V
from generator.core.model import Disclosure
from generator.core.money import Yuan
from generator.site.model.charts import FUNCTION_CHART, Chart, function_classes
from generator.site.shared import urls
from generator.site.shared.formatting import wan

PERCENT_PLACES = 2          # 22.00 %, as the documents print their own rates
_EXACT = Context(prec=60)   # wide enough that the quotient of two figures rounds as the exact one would


@dataclass(frozen=True)
class YearFigures:
    """What a comparison reads of one department-year: its headline figures and its spending by function
    class, each in 元."""

    year: int
    url: str
    figures: dict[str, Yuan]                                  # by measure (``HEADLINE_MEASURES``)
    classes: dict[str, Yuan] = field(default_factory=dict)    # by the class's name, as the chart names it
    classes_table: str = ""       # the kind of table the classes are read from (all funds, or one fund alone)


def year_figures(year: int, url: str, figures: dict[str, Figure], charts: list[Chart]) -> YearFigures:
    """A department-year's figures as its view holds them (``views.DisclosureView``: figures and charts)."""
    chart = next((c for c in charts if c.id == FUNCTION_CHART), None)
    return YearFigures(year, url, {m: f.yuan for m, f in figures.items()},
                       {label: yuan for label, yuan in chart.rows} if chart else {}, chart.kind if chart else "")


def figures_of(d: Disclosure) -> YearFigures:
    """A department-year's figures straight from its disclosure, where no view of it is made (the page of
    the year after reads only these)."""
    figures = headline(d)
    chart = function_classes(d, figures)
    return year_figures(d.year, urls.disclosure(d.region_slug, d.department_slug, d.edition), figures,
                        [chart] if chart else [])


@dataclass(frozen=True)
class Change:
    """One figure of a year against the same figure of the year before."""

    key: str                      # the measure, or the function class's name
    label: str
    year: int
    current: Yuan | None
    previous_year: int
    previous: Yuan | None
    comparable: bool = True       # False: the two years' figures are read from tables of different kinds
    is_class: bool = False        # a function class, not a headline measure

    @property
    def amount(self) -> Yuan | None:
        """This year's figure less last year's; None unless both are there and of the same kind of table."""
        if not self.comparable or self.current is None or self.previous is None:
            return None
        return self.current - self.previous

    @property
    def percent(self) -> Decimal | None:
        """The change as a per cent of last year's figure, to ``PERCENT_PLACES`` (half up); None when there
        is no change to speak of or last year's figure is zero."""
        amount = self.amount
        if amount is None or not self.previous:
            return None
        ratio = _EXACT.divide(_EXACT.multiply(Decimal(amount), Decimal(100)), Decimal(self.previous))
        return ratio.quantize(Decimal(1).scaleb(-PERCENT_PLACES), rounding=ROUND_HALF_UP)


def compare(current: YearFigures, previous: YearFigures) -> list[Change]:
    """Each headline measure and each function class either year states, this year's against last year's:
    the measures in the order of their code list, then the classes, the largest of this year first."""
    out = [Change(m, label, current.year, current.figures.get(m), previous.year, previous.figures.get(m))
           for m, label in HEADLINE_MEASURES.items() if m in current.figures or m in previous.figures]
    same = current.classes_table == previous.classes_table
    names = sorted(current.classes, key=lambda n: -current.classes[n])
    names += sorted((n for n in previous.classes if n not in current.classes), key=lambda n: -previous.classes[n])
    out += [Change(n, n, current.year, current.classes.get(n), previous.year, previous.classes.get(n), same, True)
            for n in names]
    return out


def by_year(years: list[YearFigures]) -> dict[int, list[Change]]:
    """The changes of each year whose previous year is among ``years`` (one department's, of one phase and
    scope); a year after a gap is compared with nothing."""
    known = {y.year: y for y in years}
    return {y.year: compare(y, known[y.year - 1]) for y in years if y.year - 1 in known}


def change_text(c: Change, decimals: int = 2) -> str:
    """The change alone, as a cell or a card shows it: ``增加 3,958.67 万元（22.00%）``; "" when there is none."""
    amount = c.amount
    if amount is None:
        return ""
    if amount == 0:
        return "持平"
    text = f"{'增加' if amount > 0 else '减少'} {wan(abs(amount), decimals)} 万元"
    percent = c.percent
    return text + (f"（{'+' if percent > 0 else '−' if percent < 0 else ''}{abs(percent)}%）" if percent is not None
                   else "（上年为零）")


def sentence(c: Change, decimals: int = 2) -> str:
    """One change as a sentence of its own: what each year states and how it moved."""
    this, last = f"{c.year} 年", f"{c.previous_year} 年"
    if c.current is None:
        return f"{c.label}：{last} {wan(c.previous, decimals)} 万元，{this}未列。"
    if c.previous is None:
        return f"{c.label}：{this} {wan(c.current, decimals)} 万元，{last}未列。"
    if not c.comparable:
        return (f"{c.label}：{this} {wan(c.current, decimals)} 万元，{last} {wan(c.previous, decimals)} 万元；"
                f"两年取自不同口径的表格，不作比较。")
    amount = c.amount
    if amount == 0:
        return f"{c.label}：{this} {wan(c.current, decimals)} 万元，与 {last}持平。"
    word = "增加" if amount > 0 else "减少"
    percent = c.percent
    rate = f"，{'增长' if amount > 0 else '下降'} {abs(percent)}%" if percent is not None else "（上年为零，无增长率）"
    return f"{c.label}：{this} {wan(c.current, decimals)} 万元，较 {last}{word} {wan(abs(amount), decimals)} 万元{rate}。"


def summary(changes: list[Change], decimals: int = 2) -> str:
    """The year's change in a few words: 支出总计's, and the function class that moved most."""
    parts = [sentence(c, decimals) for c in changes if c.key == V.TOTAL_EXPENDITURE and not c.is_class]
    moved = [c for c in changes if c.is_class and c.amount]
    if moved:
        c = max(moved, key=lambda c: abs(c.amount))
        parts.append(f"按功能分类，变动最大的是{c.label}，{change_text(c, decimals)}。")
    return "".join(parts)
