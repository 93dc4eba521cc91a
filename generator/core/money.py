"""The one money type: exact amounts parsed from printed cells.

Disclosures print money in 元 (``86,412,027``), in 元 with 分
(``91,016,775.35``) or in 万元 with one or two decimals (``2,562.0``,
``1,458.05``).  Every figure is kept as an exact number of 元 (``Yuan``: an
``int`` when it is whole, a ``Decimal`` with two places when it carries 分)
together with the text as printed, its unit and its number of decimals, so
that sums can be checked within the rounding of the printed precision and
nothing is ever a binary float.  A blank cell and a printed zero are different facts and stay
different (``yuan is None`` versus ``yuan == 0``); a dash printed for nothing (``-``, ``—``) is a
printed zero.  Figures are read with or without thousands separators, and with one missing
(``125360,898``: ``malformed_separator`` says so, for an import note); 万元 with more than two
decimals is exact as long as it comes to whole 分 (``12,345.678912`` 万元 = 123,456,789.12 元).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

UNIT_FACTORS = {"元": 1, "万元": 10000}

Yuan = int | Decimal
"""An exact amount of 元: ``int`` when whole, ``Decimal`` with two places when it carries 分."""

_FEN = Decimal("0.01")
# the stored form of an amount, matched whole (fullmatch): ASCII digits, at most two decimals (分)
YUAN_TEXT = re.compile(r"-?[0-9]+(\.[0-9]{1,2})?")

_NUMBER = re.compile(r"^[-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
# a thousands separator missing before some group of three (``125360,898`` for 125,360,898): every comma
# stands where a separator belongs, so the digits read one way only
_MISSING_SEPARATOR = re.compile(r"^[-−]?\d+(,\d{3})+(\.\d+)?$")
# printed for nothing in a money cell: a dash (``-``, ``—``, ``－``, ``--``, ``——``)
_DASHES = re.compile(r"^[-−–—―－]{1,2}$")


@dataclass(frozen=True)
class Amount:
    """A printed money figure.  ``yuan`` is None for a blank cell."""

    printed: str
    unit: str
    yuan: Yuan | None
    decimals: int


def exact_yuan(value: Decimal | int) -> Yuan:
    """``value`` 元 in its one canonical form; ValueError when it is finer than 1 分.

    Whole amounts are ``int`` (so data printed in whole 元 or 万元 stays
    integer everywhere), amounts with 分 are ``Decimal`` quantized to two
    places (``91016775.35``, ``12.50``).  Both compare and add exactly.
    """
    if isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    fen = value.quantize(_FEN)
    if fen != value:
        raise ValueError(f"{value} 元 is finer than 1 分")
    return fen


def yuan_text(value: Yuan) -> str:
    """The stored form of an amount: ``86412027`` or ``91016775.35``."""
    return str(value) if isinstance(value, int) else format(value, "f")


def parse_yuan_text(text: str) -> Yuan:
    """The stored form back to an amount; ValueError for anything else."""
    m = YUAN_TEXT.fullmatch(text)
    if m is None:
        raise ValueError(f"not a number of 元 exact to the 分: {text!r}")
    return int(text) if m.group(1) is None else exact_yuan(Decimal(text))     # most figures are whole 元


def half_unit(unit: str, decimals: int) -> int:
    """Half of one unit in the last printed digit, in 元 (0 for whole 元)."""
    step = Decimal(UNIT_FACTORS[unit]) / (Decimal(10) ** decimals)
    return int(step / 2)


def figure_decimals(number: Decimal | None) -> int | None:
    """The decimals a figure prints (``12604173`` 0, ``1744680.00`` 2), read from its exact value as parsed; None
    for a blank or a zero (a dash, ``0``), which say nothing of the precision of their column."""
    if number is None or number == 0:
        return None
    return max(0, -number.as_tuple().exponent)


def figure_half(printed: str, unit: str, decimals: int) -> Yuan:
    """Half a unit of the last digit one figure prints, in 元, in a table printed to ``decimals``.

    Rounding is judged per figure: a figure printed coarser than its table (``22,118,861`` among figures
    with 分, that is 22,118,861.34 rounded to the 元) is allowed half of its own last digit (0.5 元); any
    other figure, a blank, a dash or a zero is allowed the table's ``half_unit``.
    """
    try:
        own = figure_decimals(parse_decimal(printed))
    except ValueError:
        own = None
    if own is None or own >= decimals:
        return half_unit(unit, decimals)
    return exact_yuan(Decimal(UNIT_FACTORS[unit]).scaleb(-own) / 2)


def rounding(halves: list[Yuan]) -> Yuan:
    """How far a sum may be from its printed total by rounding alone, given the half unit of each figure in
    it, the total included (``slack`` when every figure has the same)."""
    return sum(halves, 0)


def half_printed(decimals: int) -> Decimal:
    """Half a unit of the last printed digit, in the printed unit (0.05 for one decimal)."""
    return Decimal(5).scaleb(-(decimals + 1))


def slack(half: int | Decimal, terms: int) -> int | Decimal:
    """How far a sum of ``terms`` printed figures may be from a printed total, by rounding alone.

    Each figure, the total included, may be off by half a unit of its last
    printed digit: ``terms + 1`` halves in all.  The one rounding rule of the
    importer and the audit.
    """
    return half * (terms + 1)


def looks_like_number(text: str) -> bool:
    """True for a cell that is a plain number as printed in money tables (with or without thousands
    separators, or with one missing: ``malformed_separator``)."""
    t = text.strip().replace(" ", "")
    return bool(_NUMBER.match(t) or _MISSING_SEPARATOR.match(t))


def malformed_separator(text: str) -> bool:
    """A figure printed with a thousands separator missing (``125360,898``): its digits are read as they
    stand, and the row says so (an import note), since the publisher's printing was at fault."""
    t = text.strip().replace(" ", "")
    return bool(_MISSING_SEPARATOR.match(t)) and not _NUMBER.match(t)


def is_dash(text: str) -> bool:
    """A money cell printed as a dash (``-``, ``—``, ``－``): nothing, that is 0, as printed."""
    return bool(_DASHES.match(text.strip().replace(" ", "")))


def is_figure(text: str | None) -> bool:
    """A cell that holds a figure: a number as printed, with at least one digit (``-`` alone is blank)."""
    return bool(text) and looks_like_number(text) and any(ch.isdigit() for ch in text)


def looks_like_broken_number(text: str) -> bool:
    """A figure with a stray letter or symbol (``12a,000``, ``1,2O0``): to be refused, not read as a label."""
    t = text.strip()
    digits = sum(ch.isdigit() for ch in t)
    rest = [ch for ch in t if not (ch.isdigit() or ch in ",. ")]
    return digits >= 2 and 0 < len(rest) <= 2 and all(ch.isascii() and ch not in "-%" for ch in rest)


def parse_decimal(text: str) -> Decimal | None:
    """Parse ``1,234.5`` (or ``1234.5``, or ``1234,567.5`` with a separator missing) into Decimal; 0 for a
    dash; None for blank; ValueError otherwise."""
    if is_dash(text):
        return Decimal(0)
    t = text.strip().replace(" ", "").replace("−", "-")
    if t == "":
        return None
    if not (_NUMBER.match(t) or _MISSING_SEPARATOR.match(t)):
        raise ValueError(f"not a number: {text!r}")
    try:
        return Decimal(t.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex
        raise ValueError(f"not a number: {text!r}") from exc


def parse_amount(text: str, unit: str) -> Amount:
    """Parse one printed money cell in the given unit (元 or 万元)."""
    if unit not in UNIT_FACTORS:
        raise ValueError(f"unknown money unit {unit!r}")
    printed = text.strip()
    number = parse_decimal(printed)
    if number is None:
        return Amount(printed, unit, None, 0)
    decimals = max(0, -number.as_tuple().exponent)
    try:
        yuan = exact_yuan(number * UNIT_FACTORS[unit])
    except ValueError:
        raise ValueError(f"{text!r} {unit} is finer than 1 分") from None
    return Amount(printed, unit, yuan, decimals)


def format_wan(yuan: Yuan, decimals: int = 2) -> str:
    """Format 元 as 万元 with thousands separators, exactly (no float)."""
    q = (Decimal(yuan) / 10000).quantize(Decimal(1).scaleb(-decimals))
    return f"{q:,.{decimals}f}"


def format_yuan(yuan: Yuan) -> str:
    """``86,412,027`` or ``91,016,775.35``: every 分 shown, none invented."""
    return f"{yuan:,}"
