"""Money: exact parsing of printed figures, formatting, the rounding rule."""

from decimal import Decimal

import pytest

from generator.core.money import format_wan, half_printed, half_unit, looks_like_broken_number, parse_amount, slack


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
        parse_amount("1.5", "元")        # not a whole number of 元
    assert format_wan(86412027) == "8,641.20"


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
