"""Every table kind is recognised from a title (and header) as printed, and unknown tables are not guessed."""

import pytest

from generator.core.vocabulary import KINDS, RECOGNITION, Kind
from generator.read.layout import RawTable, Row
from generator.recognise.kinds import recognise


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
    assert {k for k, _ in CASES} == set(KINDS)
    assert {k for k, _ in RECOGNITION} == set(KINDS)


@pytest.mark.parametrize("title", ["目录", "2024年人员编制情况表", ""])
def test_a_table_of_no_known_kind_is_not_guessed(title):
    assert recognise(raw(title, ("序号", "名称", "数量"))) is None
