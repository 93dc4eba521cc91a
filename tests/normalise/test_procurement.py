"""A procurement table nested by category (江苏's cities: 货物 › a unit › the goods bought), on a synthetic table."""

import pytest

from generator.audit.tables import sums
from generator.core.vocabulary import Kind
from generator.normalise.lists import parse_procurement
from generator.normalise.tables import TableContext
from generator.read.layout import RawTable, Row
from tests.conftest import row

CITIES = ["采购品目大类", "专项名称", "经济科目", "采购品目名称", "采购组织形式", "资金来源", "", "", "", "总计"]
OTHER_WORDS = ["采购类别", "专项名称", "经济分类", "采购物品名称", "采购方式", "资金来源", "", "", "", "合计"]
FUNDS = ["", "", "", "", "", "一般公共预算资金", "政府性基金", "其他资金", "上年结转和结余资金", ""]
BODY = [
    ["合计", "", "", "", "", "30.00", "5.00", "", "1.00", "36.00"],
    ["货物", "", "", "", "", "2.00", "", "", "", "2.00"],
    ["某局（本级）", "", "", "", "", "2.00", "", "", "", "2.00"],
    ["", "商品和服务支出(公用经费定额)", "办公费", "复印纸", "集中采购", "2.00", "", "", "", "2.00"],
    ["服务", "", "", "", "", "28.00", "5.00", "", "1.00", "34.00"],
    ["某局（本级）", "", "", "", "", "10.00", "", "", "1.00", "11.00"],
    ["", "商品和服务支出(定额非", "公务用车运行", "车辆维修和保养服务", "集中采购", "10.00", "", "", "1.00", "11.00"],
    ["", "三保)", "维护费", "", "", "", "", "", "", ""],      # the two labels above, wrapped
    ["某中心", "", "", "", "", "18.00", "5.00", "", "", "23.00"],
    ["", "物业管理费", "物业管理费", "物业管理服务", "分散采购", "18.00", "5.00", "", "", "23.00"],
]


def parse(header):
    rows = [Row(10 + n, cells) for n, cells in enumerate([header, FUNDS] + BODY)]
    raw = RawTable(10, 10 + len(rows), rows, title="政府采购支出表", unit="万元")
    return parse_procurement(raw, TableContext(Kind.PROCUREMENT, "doc.txt", "procurement"))


@pytest.fixture(scope="module", params=[CITIES, OTHER_WORDS], ids=["cities", "other-words"])
def procurement(request):
    return parse(request.param)


def test_the_header_is_known_by_its_meaning_and_every_column_of_figures_is_kept(procurement):
    assert [c.key for c in procurement.columns] == [
        "project", "economic", "method", "general_budget", "gov_fund", "其他资金", "carryover", "amount"]
    total = row(procurement, kind="total")
    assert (total.amount("general_budget"), total.amount("gov_fund"), total.amount("其他资金"),
            total.amount("carryover"), total.amount("amount")) == (300_000, 50_000, None, 10_000, 360_000)


def test_categories_and_units_are_groups_with_their_levels(procurement):
    assert [(r.kind, r.level, r.label) for r in procurement.rows] == [
        ("total", None, "合计"),
        ("group", 1, "货物"), ("group", 2, "某局（本级）"), ("item", None, "复印纸"),
        ("group", 1, "服务"), ("group", 2, "某局（本级）"), ("item", None, "车辆维修和保养服务"),
        ("group", 2, "某中心"), ("item", None, "物业管理服务")]


def test_a_wrapped_label_joins_the_row_above(procurement):
    repair = row(procurement, label="车辆维修和保养服务")
    assert repair.line == 18
    assert repair.text == {"project": "商品和服务支出(定额非三保)", "economic": "公务用车运行维护费", "method": "集中采购"}
    assert (repair.amount("carryover"), repair.amount("amount")) == (10_000, 110_000)
    assert not any(r.line == 19 for r in procurement.rows)


def test_the_groups_and_the_total_add_up(procurement):
    assert sums(procurement) == []
