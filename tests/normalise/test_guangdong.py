"""广东's template (珠海): 12 tables in 万元 under titles such as 表2收入总体情况表, the 收支总体情况表 over
two pages, and the “三公” figures inside the 行政经费 table (表8).

A synthetic document of the family's shapes, then one real disclosure as published (珠海市商务局 2026).
"""

from pathlib import Path

import pytest

from generator.audit import audit
from generator.audit.figures import headline
from generator.normalise.disclosure import parse_document
from generator.read import read_source
from tests.conftest import row, table
from tests.documents import parsed

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
NAME = "gd-zh-shangwuju-2026-budget.pdf"

SYNTHETIC = """2026年
某市某局部门预算
表1收支总体情况表
单位名称：某市某局 单位：万元
收入\t\t支出\t
项目\t预算\t项目\t预算
一、预算拨款\t90.00\t一、一般公共服务支出\t120.00
本年收入合计\t90.00\t本年支出合计\t120.00
上年结转结余\t30.00\t结转结余下年\t0.00
收入总计\t120.00\t支出总计\t120.00
表3本年支出总体情况表
单位名称：某市某局 单位：万元
功能分类科目\t\t合计\t基本支出\t项目支出
科目编码\t科目名称\t\t\t
\t合计\t120.00\t70.00\t50.00
201\t一般公共服务支出\t120.00\t70.00\t50.00
20113\t商贸事务\t120.00\t70.00\t50.00
2011301\t行政运行\t70.00\t70.00\t0.00
2011308\t招商引资\t50.00\t0.00\t50.00
表8财政拨款安排的行政经费及“三公”经费预算表
单位名称：某市某局 单位：万元
项目\t合计\t一般公共预算\t政府性基金预算
行政经费\t60.00\t60.00\t0.00
“三公”经费\t19.84\t19.84\t0.00
其中：（一）因公出国（境）支出\t13.20\t13.20\t0.00
（二）公务用车购置及运行维护支出\t0.00\t0.00\t0.00
1.公务用车购置费\t0.00\t0.00\t0.00
2.公务用车运行维护费\t0.00\t0.00\t0.00
（三）公务接待费支出\t6.64\t6.64\t0.00
表12部门预算项目支出及其他支出预算表
单位名称：某市某局 单位：万元
支出项目类别（资金使用单位）\t总计\t财政拨款\t其他资金\t绩效目标
合计\t50.00\t49.00\t1.00\t
某市某局\t40.00\t39.00\t1.00\t
口岸维修经费\t30.00\t30.00\t0.00\t口岸设施完好率达到95%
党建经费\t10.00\t9.00\t1.00\t
某市某中心\t10.00\t10.00\t0.00\t
业务专项经费\t10.00\t10.00\t0.00\t
"""


@pytest.fixture(scope="module")
def synthetic():
    return parse_document(read_source("synthetic.txt", SYNTHETIC.encode()))


def test_the_three_public_parts_are_read_from_a_table_of_other_rows_and_columns(synthetic):
    three = table(synthetic, "three_public")
    # the part's figure is the 合计 column's; the funds' columns are kept beside it
    assert [c.key for c in three.columns] == ["amount", "general_budget", "gov_fund"]
    assert row(three, code="total").amount("amount") == 198_400
    assert row(three, code="abroad").amount("general_budget") == 132_000
    assert row(three, code="vehicle_purchase").amount("amount") == 0
    # 行政经费 is kept as printed, a row of its own: never a part of “三公”, never a headline figure
    other = row(three, label="行政经费")
    assert other.code is None and other.amount("amount") == 600_000
    f = headline(synthetic)
    assert f["three_public"].yuan == 198_400 and f["three_public.reception"].yuan == 66_400
    assert not any(k.endswith("None") for k in f)


def test_the_total_is_the_grand_total_after_the_carry_over(synthetic):
    f = headline(synthetic)
    # 本年收入合计 90.00 is printed first; the 收入总计 adds 上年结转结余 30.00
    assert f["total.income"].yuan == f["total.expenditure"].yuan == 1_200_000
    # the expenditure side's one column of figures is its amount, whatever its header says (预算)
    assert [c.key for c in table(synthetic, "summary").columns] == ["income", "total"]


def test_a_project_list_names_units_and_projects_in_one_column(synthetic):
    projects = table(synthetic, "project_list")
    assert [c.key for c in projects.columns if c.role == "money"] == ["total", "appropriation", "其他资金"]
    assert row(projects, label="口岸维修经费").text["绩效目标"] == "口岸设施完好率达到95%"
    # each unit is found by its sum over the projects under it
    unit = row(projects, label="某市某局")
    assert unit.kind == "item" and unit.level == 1
    assert row(projects, label="业务专项经费").parent == "某市某中心"
    assert row(projects, label="合计").kind == "total"
    assert [f for f in audit(synthetic) if f.check in ("column-sum", "three-public", "balance")] == []


@pytest.fixture(scope="module")
def shangwu():
    return parsed(NAME)


def test_identity_of_the_real_document(shangwu):
    assert (shangwu.department, shangwu.year, shangwu.phase, shangwu.scope) == ("珠海市商务局", 2026, "预算", "部门")


def test_key_figures_as_printed(shangwu):
    # truth: ZH-SW-2026 (46,403.97 + 19,904.01 = 66,307.98 万元; 三公 19.84 万元 in 表8)
    f = headline(shangwu)
    assert f["total.income"].yuan == f["total.expenditure"].yuan == 663_079_800
    assert (f["basic"].yuan, f["project"].yuan) == (75_194_400, 587_885_400)
    assert (f["three_public"].yuan, f["three_public.abroad"].yuan, f["three_public.reception"].yuan) == \
        (198_400, 132_000, 66_400)


def test_every_printed_figure_is_placed(shangwu):
    for c in shangwu.coverage:
        assert c.landed == c.printed
