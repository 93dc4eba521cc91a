"""How figures are shown: 万元 with thousands separators, exact to the 元.

Tables printed in 万元 keep their printed precision; tables printed in 元
are shown in 万元 with four decimals, so no 元 is lost in the conversion
(86,412,027 元 → 8,641.2027 万元).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from generator.core.money import format_wan


def display_decimals(unit: str | None, decimals: int) -> int:
    return 4 if (unit or "元") == "元" else max(int(decimals), 0)


def wan(yuan: int | None, decimals: int = 2) -> str:
    """``8,641.20``; an em dash for a blank cell."""
    if yuan is None:
        return "—"
    return format_wan(yuan, decimals)


def wan_number(yuan: int) -> Decimal:
    """万元 as an exact number for chart data (written into the page as a JSON number, never a float)."""
    return Decimal(yuan) / 10000


def share(part: int | None, whole: int | None, digits: int = 1) -> str:
    """``32.2%``; empty when the whole is zero or unknown."""
    if part is None or not whole:
        return ""
    q = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return f"{q}%"


def signed_wan(yuan: int, decimals: int = 1) -> str:
    word = "增加" if yuan > 0 else "减少"
    if yuan == 0:
        return "持平"
    return f"{word} {format_wan(abs(yuan), decimals)} 万元"
