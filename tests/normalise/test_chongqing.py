"""重庆's template: …2026 年部门预算情况说明, the narrative, then 表一–表十二 in 万元 under 单位名称：… lines.

Four of the family's PDFs set their figures, codes, colons and 、 in a font whose glyph boxes hang a whole
em below the line they are printed on (the reader puts them back on it: ``tests/read/test_pdf_glyphs.py``).
A synthetic document of the family's shapes, then one real disclosure as published (重庆市经济和信息化委员会
2026, one of the four).
"""

import re
from pathlib import Path

import pytest

from generator.audit import audit
from generator.audit.figures import headline
from generator.normalise.disclosure import parse_document
from generator.read import read_source
from tests.conftest import row, table
from tests.documents import parsed

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
NAME = "cq-jingxinwei-2026-budget.pdf"

# 表一 heads its department line with the colons read apart from their words, as a text layer may give them
SYNTHETIC = """某某市某某局2026年部门预算情况说明
表一
2026年部门收支总体情况表
单位名称 某某市某某局 单位 万元: :
收入\t\t支出\t
项 目\t预 算 数\t项 目\t预 算 数
合 计\t1,477.06\t合 计\t1,477.06
一、一般公共预算资金\t1,267.27\t一、社会保障和就业支出\t120.17
五、事业收入资金\t209.79\t二、自然资源海洋气象等支出\t1,356.89
表三
2026年部门支出总体情况表
单位名称:某某市某某局 单位:万元
科目编码\t科 目 名 称\t总 计\t基本支出\t项目支出
合 计\t\t1,477.06\t583.84\t893.22
208\t社会保障和就业支出\t120.17\t120.17\t
220\t自然资源海洋气象等支出\t1,356.89\t463.67\t893.22
表六
2026年一般公共预算基本支出情况表
单位名称:某某市某某局 单位:万元
经济分类科目\t\t基本支出\t\t
科目编码\t科目名称\t总 计\t人员经费\t公用经费
合 计\t\t544.54\t530.81\t13.73
301\t工资福利支出\t530.81\t530.81\t
30102\t津贴补贴\t489.07\t489.07\t
3010201\t规范性津补贴\t488.74\t488.74\t
3010202\t其他津补贴\t0.33\t0.33\t
30113\t住房公积金\t41.74\t41.74\t
302\t商品和服务支出\t13.73\t\t13.73
30201\t办公费\t13.73\t\t13.73
表八
2026年财政拨款“三公”经费支出情况表
单位名称:某某市某某局 单位:万元
2025年预算数\t\t\t\t\t\t2026年预算数\t\t\t\t\t
合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费
\t\t小计\t公务用车购置费\t公务用车运行费\t\t\t\t小计\t公务用车购置费\t公务用车运行费\t
14.85\t0.00\t14.55\t\t14.55\t0.30\t13.85\t0.00\t13.55\t\t13.55\t0.30
表九
2026年政府采购预算明细表
单位名称:某某市某某局 单位:万元
项目编号\t项 目\t总 计\t一般公共预算拨款收入\t事业收入\t其他收入
合 计\t\t947.00\t\t47.00\t900.00
A\t货物\t47.00\t\t47.00\t
C\t服务\t900.00\t\t\t900.00
"""


@pytest.fixture(scope="module")
def synthetic():
    return parse_document(read_source("synthetic.txt", SYNTHETIC.encode()))


def test_a_department_line_read_without_its_colons_is_never_a_title(synthetic):
    assert (synthetic.department, synthetic.year) == ("某某市某某局", 2026)
    summary = table(synthetic, "summary")
    assert summary.title == "2026年部门收支总体情况表" and summary.unit == "万元"
    assert [t.kind for t in synthetic.tables] == ["summary", "expenditure", "basic_economic", "three_public",
                                                  "procurement"]


def test_three_public_of_two_years_is_this_years(synthetic):
    three = table(synthetic, "three_public")
    assert [(c.key, c.label) for c in three.columns] == [("amount", "2026年预算数"), ("amount.2025", "2025年预算数")]
    total = row(three, code="total")
    assert (total.amount("amount"), total.amount("amount.2025")) == (138_500, 148_500)
    assert headline(synthetic)["three_public"].yuan == 138_500
    assert headline(synthetic)["three_public.vehicle_operation"].yuan == 135_500


def test_economic_codes_of_a_third_level(synthetic):
    basic = table(synthetic, "basic_economic")
    detail = row(basic, code="3010201")
    assert (detail.level, detail.parent, detail.amount("basic.personnel")) == (3, "30102", 4_887_400)
    assert [f for f in audit(synthetic) if f.check in ("column-sum", "subtotal")] == []


def test_a_procurement_table_by_source_of_funds(synthetic):
    procurement = table(synthetic, "procurement")
    assert [c.key for c in procurement.money_columns][:2] == ["amount", "general_budget"]
    assert row(procurement, label="服务").amount("other_income") == 9_000_000
    assert row(procurement, label="货物").text["code"] == "A"
    assert headline(synthetic)["procurement"].yuan == 9_470_000          # the 总计, not the last column


@pytest.fixture(scope="module")
def jingxin():
    return parsed(NAME)


def test_identity_of_the_real_document(jingxin):
    assert (jingxin.department, jingxin.year, jingxin.phase, jingxin.scope) == \
        ("重庆市经济和信息化委员会", 2026, "预算", "部门")


def test_key_figures_as_printed(jingxin):
    # truth: CQ-JXW-2026 (表一 合计 244,895.02 万元; 表三 基本 83,783.94, 项目 161,111.08; 表八 858.78)
    f = headline(jingxin)
    assert f["total.income"].yuan == f["total.expenditure"].yuan == 2_448_950_200
    assert (f["basic"].yuan, f["project"].yuan) == (837_839_400, 1_611_110_800)
    assert (f["three_public"].yuan, f["three_public.abroad"].yuan, f["three_public.reception"].yuan) == \
        (8_587_800, 2_075_000, 2_036_500)


def test_every_figure_is_read_once_and_placed(jingxin):
    # a figure whose glyphs reach past a ruling is the cell's, never a line of bare figures beside the table
    lines = jingxin.sources[0].text
    assert not [t for t in lines if re.fullmatch(r"[\d ,.]+", t.strip())]
    assert all(t.title.startswith("2026年") for t in jingxin.tables if t.kind != "generic")
    for c in jingxin.coverage:
        assert c.landed == c.printed
