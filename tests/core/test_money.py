"""Money: exact parsing of printed figures, formatting, the rounding rule."""

from decimal import Decimal

import pytest

from generator.core.money import (exact_yuan, figure_half, format_wan, format_yuan, half_printed, half_unit, is_dash, is_figure,
                                  looks_like_broken_number, looks_like_number, malformed_separator,
                                  parse_amount, parse_yuan_text, rounding, slack, yuan_text)


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


def test_a_missing_thousands_separator_reads_the_digits():
    """``125360,898``: every comma stands where a separator belongs, one is missing; the digits read one way."""
    for printed, yuan in (("125360,898", 125_360_898), ("128138,600", 128_138_600), ("1851,801", 1_851_801),
                          ("1234,567.50", Decimal("1234567.50"))):
        assert parse_amount(printed, "元").yuan == yuan and malformed_separator(printed)
        assert looks_like_number(printed) and is_figure(printed)
    assert parse_amount("12345,678.9", "万元").yuan == 123_456_789_000
    for proper in ("125,360,898", "125360898", "1,234.5", "0"):
        assert not malformed_separator(proper)
    for misplaced in ("1,23,456", "12,34", "1234,56", "1,2345", ",123", "123,"):   # a comma where none belongs
        assert not malformed_separator(misplaced)
        with pytest.raises(ValueError):
            parse_amount(misplaced, "元")


def test_wan_yuan_with_more_than_two_decimals_is_exact_to_the_fen():
    assert parse_amount("12,345.678912", "万元").yuan == Decimal("123456789.12")
    assert parse_amount("0.000001", "万元").yuan == Decimal("0.01")
    assert parse_amount("12,345.678912", "万元").decimals == 6
    with pytest.raises(ValueError, match="finer than 1 分"):
        parse_amount("12,345.6789123", "万元")                    # 0.3 分 is not a figure of money


def test_figures_without_thousands_separators():
    assert parse_amount("86412027", "元").yuan == 86_412_027
    assert parse_amount("2562.05", "万元").yuan == 25_620_500
    assert parse_amount("-1234", "元").yuan == -1234
    assert looks_like_number("86412027") and not malformed_separator("86412027")


@pytest.mark.parametrize("dash", ["-", "—", "－", "–", "--", "——", " - "])
def test_a_dash_is_a_printed_zero_and_a_blank_stays_blank(dash):
    amount = parse_amount(dash, "万元")
    assert (amount.yuan, amount.printed, amount.decimals) == (0, dash.strip(), 0) and is_dash(dash)
    assert not is_figure(dash)                                     # a dash is not counted as a printed figure
    blank = parse_amount("  ", "元")
    assert blank.yuan is None                                      # nothing printed: no figure, never a guessed 0
    for not_a_dash in ("-1", "---", "-—-", "一"):
        assert not is_dash(not_a_dash)


def test_rounding_is_judged_per_figure():
    # in a table printed to the 分, a figure printed to the 元 is its own rounding: half a 元
    assert figure_half("22,118,861", "元", 2) == Decimal("0.5")
    assert figure_half("22,118,861.34", "元", 2) == 0 == half_unit("元", 2)
    # a blank, a dash or a zero says nothing of its precision: the table's
    assert figure_half("", "万元", 2) == figure_half("-", "万元", 2) == figure_half("0", "万元", 2) == 50
    assert figure_half("1,000", "万元", 2) == 5000 and figure_half("1,000.5", "万元", 2) == 500
    assert rounding([Decimal("0.5"), 0, 0]) == Decimal("0.5") and rounding([50] * 3) == slack(50, 2)
