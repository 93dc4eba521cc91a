"""How figures are shown: 万元 with thousands separators, exact to the 元.

Tables printed in 万元 keep their printed precision; tables printed in whole
元 are shown in 万元 with four decimals, so no 元 is lost in the conversion
(86,412,027 元 → 8,641.2027 万元); tables printed in 元 with 分 are shown in
元 as printed (91,016,775.35), since six decimals of 万元 would be unreadable.
The amounts of a list (a department's projects, its tasks) are shown in 万元
with the fewest decimals, at least two, that keep every 元 of the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable

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


def table_display(unit: str | None, decimals: int) -> TableDisplay:
    """万元 as printed, whole 元 converted to 万元 without loss, 元 with 分 kept in 元."""
    unit = unit or "元"
    if unit == "元" and decimals > 0:
        return TableDisplay("元", decimals, "单位：元（原表以元为单位，含角分，按原表显示）")
    if unit == "元":
        return TableDisplay("万元", 4, "单位：万元（原表以元为单位，此处换算为万元，保留四位小数，不损失精度）")
    return TableDisplay("万元", max(int(decimals), 0), "单位：万元")


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
