"""Small pure functions: money, codes, text cleaning, measures, re-alignment."""

from decimal import Decimal

import pytest

from generator.core import codes
from generator.normalise.grid import Column
from generator.normalise.realign import realign_rows, sum_rules
from generator.normalise.measures import measure_key
from generator.core.money import format_wan, parse_amount
from generator.normalise.three_public import three_public_part
from generator.core.text import clean, strip_enumeration


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


def test_codes_normalised():
    assert codes.function_code(["201", "03", "01"]).code == "2010301"
    assert codes.function_code(["2010301"]).parent == "20103"
    assert codes.function_code(["201"]).level == 1
    assert codes.function_code(["", "", "0030 01"]) is None
    assert codes.unit_code("0030 01") == "003001"
    assert codes.economic_code(["301", "01"]).code == "30101"
    assert codes.economic_code(["301", "30101"]).code == "30101"
    assert codes.economic_code(["50101"]).scheme == codes.ECONOMIC_GOV
    assert codes.function_class_by_name("二十一、住房保障支出").code == "221"


def test_markup_becomes_plain_text():
    assert clean("<p>项目配套 制度措施</p>") == "项目配套制度措施"
    assert clean("$\\geq 55 \\leq 72$") == "≥55 ≤72"
    assert clean('<ol style="list-style-type: none"> 1. 每日') == "1. 每日"
    assert clean("<<郑州市人民政府关于印发>>") == "<<郑州市人民政府关于印发>>"
    assert clean("工资福利支 出") == "工资福利支出"
    assert strip_enumeration("其中：（1）公务用车运行维护费") == "公务用车运行维护费"


def test_measure_keys_agree_across_layouts():
    assert measure_key(("基本支出", "人员经费", "工资福利支出")) == "basic.wages"
    assert measure_key(("基本支出", "工资福利支出")) == "basic.wages"
    assert measure_key(("项目支出", "小计")) == "project"
    assert measure_key(("总计",)) == measure_key(("合计",)) == "total"


def test_realign_moves_shifted_cells_right():
    cols = [Column(i, p) for i, p in enumerate([("合计",), ("基本支出", "小计"), ("基本支出", "工资"),
                                                ("基本支出", "商品"), ("项目支出", "小计"), ("项目支出", "其他")])]
    rules = sum_rules(cols)
    rows, flags = realign_rows([["10", "4", "4", "6", "6", ""]], rules, Decimal("0.5"))
    assert rows[0] == ["10", "4", "4", "", "6", "6"]
    assert flags == ["realigned"]
    rows, flags = realign_rows([["10", "4", "4", "", "6", "6"]], rules, Decimal("0.5"))
    assert flags == [""]


def test_three_public_components():
    assert three_public_part("公务用车购置及运行费") == "vehicles"
    assert three_public_part("其中：（1）公务用车运行维护费") == "vehicle_operation"
    assert three_public_part("（2）公务车购置") == "vehicle_purchase"
    assert three_public_part("1、因公出国（境）费用") == "abroad"
