"""Shares that add up and totals that say why they differ: a reader never has to guess where the rest went."""

import re

from generator.site.model.charts import rest_of_spending
from generator.site.model.views import view
from generator.site.pages.disclosures import _cards
from generator.store.read import load_disclosure
from tests.conftest import ROOT

JIANCHAYUAN = ROOT / "data/disclosures/jiangsu/renminjianchayuan/2018-budget"


def test_spending_that_is_neither_basic_nor_project_is_shown_with_the_columns_that_print_it():
    v = view(load_disclosure(JIANCHAYUAN))
    assert rest_of_spending(v.data, v.figures) == (23880400, [("单位预留机动经费", 23880400)])
    cards = {c["label"]: c for c in _cards(v)}
    shares = [float(re.search(r"占支出总计 ([\d.]+)%", cards[k]["note"]).group(1)) for k in ("基本支出", "项目支出", "其他支出")]
    assert abs(sum(shares) - 100) < 0.2 and "单位预留机动经费 2,388.04" in cards["其他支出"]["note"]
    chart = next(c for c in v.charts if c.id == "chart-basic-project")
    assert [label for label, _ in chart.rows] == ["基本支出", "项目支出", "其他（单位预留机动经费）"]
    assert chart.total == v.value("total.expenditure")


def test_a_chart_of_one_fund_says_why_its_total_is_not_the_cards():
    v = view(load_disclosure(JIANCHAYUAN))
    chart = next(c for c in v.charts if c.id == "chart-function")
    assert "只含一般公共预算拨款的支出，比支出总计 21,955.35 万元少 14.39 万元" in chart.summary


def test_where_basic_and_project_make_the_total_no_other_card_is_shown():
    v = view(load_disclosure(ROOT / "data/disclosures/zhengzhou/renminzhengfubangongting/2020-budget"))
    assert rest_of_spending(v.data, v.figures) is None
    assert "其他支出" not in {c["label"] for c in _cards(v)}
