"""How figures are shown: 万元 with thousands separators, exact to the 元.

Tables printed in 万元 keep their printed precision; tables printed in whole
元 are shown in 万元 with as many decimals, two to four, as keep every 元 of the
disclosure (86,412,027 元 → 8,641.2027 万元; 86,412,000 元 → 8,641.20 万元);
tables printed in 元 with 分 are shown in 元 as printed (91,016,775.35), since
six decimals of 万元 would be unreadable.  One disclosure's page shows every
figure in 万元 with one number of decimals (``figure_decimals``): a card, a
chart and the table it comes from print the same figure the same way.  The
amounts of a list (a department's projects, its tasks) are shown in 万元 with
the fewest decimals, at least two, that keep every 元 of the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable

from generator.core.model import Table
from generator.core.money import Yuan, format_wan


@dataclass(frozen=True)
class TableDisplay:
    """How one table's figures are shown: the unit, the decimals and the note under the title."""

    unit: str
    decimals: int
    note: str

    def text(self, yuan: Yuan | None) -> str:
        if yuan is None:
            return "—"
        if self.unit == "元":
            return f"{Decimal(yuan):,.{self.decimals}f}"
        return format_wan(yuan, self.decimals)


_DIGITS = "零一二三四"


def table_display(unit: str | None, decimals: int, page_decimals: int = 4) -> TableDisplay:
    """万元 as printed, whole 元 converted to 万元 without loss (with the page's decimals, ``figure_decimals``,
    which keep every 元 of the disclosure), 元 with 分 kept in 元."""
    unit = unit or "元"
    if unit == "元" and decimals > 0:
        return TableDisplay("元", decimals, "单位：元（原表以元为单位，含角分，按原表显示）")
    if unit == "元":
        n = min(max(page_decimals, 2), 4)
        return TableDisplay("万元", n, f"单位：万元（原表以元为单位，此处换算为万元，保留{_DIGITS[n]}位小数，不损失精度）")
    return TableDisplay("万元", max(int(decimals), 0), "单位：万元")


def figure_decimals(tables: Iterable[Table]) -> int:
    """The decimals of 万元 with which one disclosure's page shows its figures, in cards, charts and tables
    alike: the most its tables need — a table printed in 万元 its printed decimals, one printed in 元 the
    fewest (two to four) that keep each of its 元 — so that no figure is shown rounded beside itself shown
    exactly.  Two when the disclosure has no money table."""
    most = None
    for t in tables:
        if (t.unit or "元") == "万元":
            need = max(int(t.decimals or 0), 0)
        else:
            need = exact_decimals(r.amount(c.key) for r in t.rows for c in t.money_columns)
        most = need if most is None else max(most, need)
    return 2 if most is None else min(most, 4)


def exact_decimals(amounts: Iterable[Yuan | None], least: int = 2) -> int:
    """The fewest decimals of 万元, at least ``least``, that show each of ``amounts`` exactly.

    For a list whose figures stand in one column (a department's projects):
    1,160,000 元 is 116.00 and 24,850 元 2.485, so a list holding both is shown
    with three decimals, and a list of whole 万元 with two, not with the six
    that 元 printed with 分 would take.
    """
    most = least
    for yuan in amounts:
        if yuan is not None:
            most = max(most, -(Decimal(yuan) / 10000).normalize().as_tuple().exponent)
    return most


def wan(yuan: Yuan | None, decimals: int = 2) -> str:
    """``8,641.20``; an em dash for a blank cell."""
    if yuan is None:
        return "—"
    return format_wan(yuan, decimals)


def wan_number(yuan: Yuan) -> Decimal:
    """万元 as an exact number for chart data (written into the page as a JSON number, never a float)."""
    return Decimal(yuan) / 10000


def share(part: Yuan | None, whole: Yuan | None, digits: int = 1) -> str:
    """``32.2%``; empty when the whole is zero or unknown."""
    if part is None or not whole:
        return ""
    q = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return f"{q}%"


def signed_wan(yuan: Yuan, decimals: int = 1) -> str:
    word = "增加" if yuan > 0 else "减少"
    if yuan == 0:
        return "持平"
    return f"{word} {format_wan(abs(yuan), decimals)} 万元"
