"""Money: exact parsing of printed figures, formatting, the rounding rule."""

from decimal import Decimal

import pytest

from generator.core.money import (exact_yuan, format_wan, format_yuan, half_printed, half_unit, looks_like_broken_number,
                                  parse_amount, parse_yuan_text, slack, yuan_text)


def test_money_units_are_exact():
    assert parse_amount("86,412,027", "元").yuan == 86412027
    assert parse_amount("2,562.0", "万元").yuan == 25620000
    assert parse_amount("1,458.05", "万元").yuan == 14580500
    assert parse_amount("0.00", "万元").yuan == 0
    blank = parse_amount("", "万元")
    assert blank.yuan is None and blank.printed == ""
    assert parse_amount("2,432.7", "万元").decimals == 1
    with pytest.raises(ValueError):
        parse_amount("abc", "元")
    with pytest.raises(ValueError):
        parse_amount("1.234", "元")      # finer than 1 分
    with pytest.raises(ValueError):
        parse_amount("0.0000001", "万元")
    assert format_wan(86412027) == "8,641.20"


def test_fen_are_kept_exactly():
    """Figures printed with 分 are exact Decimals; whole amounts stay int, whatever their printing."""
    fen = parse_amount("91,016,775.35", "元")
    assert fen.yuan == Decimal("91016775.35") and isinstance(fen.yuan, Decimal) and fen.decimals == 2
    assert isinstance(parse_amount("1,200.00", "元").yuan, int)
    assert parse_amount("0.5", "元").yuan == Decimal("0.50")
    assert parse_amount("12.3456", "万元").yuan == Decimal("123456")
    assert format_yuan(fen.yuan) == "91,016,775.35"
    assert format_wan(fen.yuan, 6) == "9,101.677535"
    assert fen.yuan + parse_amount("0.65", "元").yuan == 91016776


def test_stored_form_round_trips():
    for value in (0, -3, 86412027, Decimal("91016775.35"), Decimal("-0.05")):
        assert parse_yuan_text(yuan_text(value)) == value
    assert yuan_text(Decimal("12.50")) == "12.50"
    assert parse_yuan_text("7.00") == 7 and isinstance(parse_yuan_text("7.00"), int)
    assert isinstance(parse_yuan_text("86412027"), int) and parse_yuan_text("-0") == 0
    for bad in ("1.234", "1e3", "12,000", " 5", "NaN", "5_000", "+5", "5 ", "5\n", "١٢"):
        with pytest.raises(ValueError):
            parse_yuan_text(bad)
    assert exact_yuan(Decimal("3.10")) == Decimal("3.1")


def test_rounding_rule():
    assert half_unit("万元", 1) == 500            # 0.05 万元
    assert half_unit("万元", 2) == 50
    assert half_unit("元", 0) == 0
    assert half_printed(1) == Decimal("0.05")
    assert slack(500, 3) == 2000                   # three figures and the total, each half a unit off


def test_broken_figures_are_told_apart_from_labels():
    assert looks_like_broken_number("12a,000")
    assert not looks_like_broken_number("行政运行")
    assert not looks_like_broken_number("12,000")
