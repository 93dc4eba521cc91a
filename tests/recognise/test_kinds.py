"""Every table kind is recognised from a title (and header) as printed, and unknown tables are not guessed."""

import pytest

from generator.core.vocabulary import KINDS, Kind
from generator.read.layout import RawTable, Row
from generator.recognise.kinds import recognise
from generator.templates.registry import TABLE_RULES


def raw(title, *rows):
    return RawTable(1, len(rows) + 1, [Row(n, list(r)) for n, r in enumerate(rows, 2)], title=title)


HEADER = ("科目编码", "科目名称", "合计", "基本支出", "项目支出")
CASES = [
    (Kind.SUMMARY, raw("2023年部门收支预算表", ("项目", "预算数", "项目", "预算数"))),
    (Kind.INCOME, raw("2020年部门收入总体情况表", HEADER)),
    (Kind.EXPENDITURE, raw("2023年部门支出预算表", HEADER)),
    (Kind.FISCAL_SUMMARY, raw("2024年财政拨款收支总体情况表", ("项目", "预算数", "项目", "合计"))),
    (Kind.GENERAL_BUDGET_FUNCTION, raw("2023年一般公共预算支出预算表", HEADER)),
    (Kind.GENERAL_BUDGET_ECONOMIC, raw("2020年一般公共预算支出情况表", ("部门预算支出经济分类科目", "", "合计"))),
    (Kind.BASIC_ECONOMIC, raw("2024年一般公共预算基本支出表", ("部门预算支出经济分类科目", "", "合计"))),
    (Kind.ECONOMIC_SUMMARY, raw("2020 年支出经济分类汇总表", ("经济分类科目", "", "合计"))),
    (Kind.THREE_PUBLIC, raw("2024年一般公共预算“三公”经费支出情况表", ("项目", "预算数"))),
    (Kind.GOV_FUND, raw("2020 年政府性基金预算支出情况表", HEADER)),
    (Kind.STATE_CAPITAL, raw("2020 年国有资本经营预算支出情况表", HEADER)),
    (Kind.PROCUREMENT, raw("2020 年政府采购预算表", ("科目编码", "采购项目", "采购目录", "金额"))),
    (Kind.PROJECT_LIST, raw("2024年项目支出表", ("项目类型", "项目名称", "单位", "合计"))),
    (Kind.DEPARTMENT_PERFORMANCE, raw("2024年部门整体支出绩效目标表", ("部门名称", "某局"))),
    (Kind.DEPARTMENT_PERFORMANCE, raw("2020年部门绩效目标表", ("部门（单位）名称", "某局"))),
    (Kind.PROJECT_PERFORMANCE, raw("项目支出绩效目标表", ("项目名称", "某项目"))),
    (Kind.PROJECT_PERFORMANCE, raw("2020年预算项目绩效目标表", ("项目单位", "某单位"))),
    (Kind.PROJECT_PERFORMANCE_CONTINUED, raw("项目绩效目标", ("项目总目标", "……"))),
    (Kind.PROJECT_PERFORMANCE_SUMMARY, raw("2023年项目支出绩效目标汇总表", ("单位编码", "单位名称"))),
    (Kind.PROJECT_PERFORMANCE_SUMMARY, raw("2023年项目绩效目标表", ("项目编码", "项目名称", "资金总额"))),
    # 单位预算 and 江苏's template
    (Kind.INCOME, raw("2025年预算单位收入预算总表", HEADER)),
    (Kind.EXPENDITURE, raw("2025年预算单位支出预算总表", HEADER)),
    (Kind.INCOME, raw("收入预算总表", ("项目名称", "", "金额"))),          # begins with 项目名称, yet no sheet
    (Kind.EXPENDITURE, raw("支出预算总表", ("合计", "基本支出", "项目支出"))),
    (Kind.FISCAL_FUNCTION, raw("财政拨款支出预算表", ("功能科目代码", "功能科目名称", "金额"))),
    (Kind.RUNNING_COSTS_ECONOMIC, raw("一般公共预算机关运行经费支出预算表", ("科目编码", "科目名称", "机关运行经费支出"))),
    (Kind.THREE_PUBLIC, raw("“三公”经费、会议费、培训费支出预算表", ("合计", "“三公”经费"))),
    (Kind.PROCUREMENT, raw("2018年政府采购预算表", ("采购品目大类", "专项名称", "经济科目", "采购物品名称"))),
]


@pytest.mark.parametrize("kind, table", CASES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(CASES)])
def test_each_kind_is_recognised(kind, table):
    assert recognise(table) == kind


def test_every_kind_has_a_case_and_a_rule():
    # a generic table is what no rule recognises: it has neither (normalise/test_generic.py holds it)
    recognisable = set(KINDS) - {Kind.GENERIC}
    assert {k for k, _ in CASES} == recognisable
    assert {r.kind for r in TABLE_RULES} == recognisable


@pytest.mark.parametrize("title", ["目录", "2024年人员编制情况表", ""])
def test_a_table_of_no_known_kind_is_not_guessed(title):
    assert recognise(raw(title, ("序号", "名称", "数量"))) is None


# 江苏's cities (苏州, 无锡): the 13 公开表 under short titles that name neither 部门 nor 单位; the department's
# income and spending tables are told by their columns
INCOME_HEADER = (("部门代码", "部门名称", "合计", "本年收入", "", "", "上年结转结余"),
                 ("", "", "", "小计", "一般公共预算", "政府性基金预算", "小计"))
FUNCTION_HEADER = (("科目编码", "科目名称", "合计", "基本支出", "", "", "项目支出"),
                   ("", "", "", "小计", "人员经费", "公用经费", ""))
ECONOMIC_HEADER = (("部门预算支出经济分类科目", "", "本年一般公共预算基本支出", "", ""),
                   ("科目编码", "科目名称", "合计", "人员经费", "公用经费"))
CITY = [
    (Kind.SUMMARY, raw("收支总表", ("收入", "", "支出", ""), ("项目", "预算数", "项目", "预算数"))),
    (Kind.INCOME, raw("收入总表", *INCOME_HEADER)),
    (Kind.EXPENDITURE, raw("支出总表", ("科目编码", "科目名称", "合计", "基本支出", "项目支出", "事业单位经营支出",
                                    "上缴上级支出", "对附属单位补助支出"))),
    (Kind.FISCAL_SUMMARY, raw("财政拨款收支总表", ("收入", "", "支出", ""), ("项目", "预算数", "项目", "预算数"))),
    (Kind.FISCAL_FUNCTION, raw("财政拨款支出表（功能科目）", *FUNCTION_HEADER)),
    (Kind.BASIC_ECONOMIC, raw("财政拨款基本支出表（经济科目）", *ECONOMIC_HEADER)),
    (Kind.GENERAL_BUDGET_FUNCTION, raw("一般公共预算支出表", *FUNCTION_HEADER)),
    (Kind.BASIC_ECONOMIC, raw("一般公共预算基本支出表", *ECONOMIC_HEADER)),
    (Kind.THREE_PUBLIC, raw("一般公共预算“三公”经费、会议费、培训费支出表", ("“三公”经费合计", "因公出国（境）费"))),
    (Kind.GOV_FUND, raw("政府性基金预算支出表", ("科目编码", "科目名称", "本年政府性基金预算支出"),
                        ("", "", "合计", "基本支出", "项目支出"))),
    (Kind.STATE_CAPITAL, raw("国有资本经营预算支出预算表", ("项目", "", "本年支出合计", "基本支出", "项目支出"))),
    (Kind.RUNNING_COSTS_ECONOMIC, raw("一般公共预算机关运行经费支出预算表", ("科目编码", "科目名称", "机关运行经费支出"))),
    (Kind.PROCUREMENT, raw("政府采购支出表", ("采购品目大类", "专项名称", "经济科目", "采购品目名称", "采购组织形式",
                                        "资金来源", "总计"))),
]


@pytest.mark.parametrize("kind, table", CITY, ids=[f"{k}-{i}" for i, (k, _) in enumerate(CITY)])
def test_the_thirteen_tables_of_jiangsu_cities(kind, table):
    assert recognise(table) == kind


def test_income_and_spending_are_told_by_their_columns_not_a_bare_word():
    # the word alone is not enough: a 收入 or 支出 table without the columns of a department's whole budget
    assert recognise(raw("收入总表", ("序号", "名称", "数量"))) is None
    assert recognise(raw("支出总表", ("科目编码", "科目名称", "金额"))) is None
    # a table of one fund with 基本支出 | 项目支出 columns is not the department's spending
    assert recognise(raw("2026 年度一般公共预算拨款支出预算表", HEADER)) != Kind.EXPENDITURE
    assert recognise(raw("财政拨款收入表", *INCOME_HEADER)) is None
