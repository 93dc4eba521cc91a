"""福建's template (泉州): a cover, a dotted table of contents, 10 tables in 万元 without thousands
separators and without a department line (the name is on the cover only), the summary closed by 收入合计,
then pages of 项目绩效目标表.

A synthetic document of the family's shapes, then one real disclosure as published (泉州市人民政府办公室 2026).
"""

from pathlib import Path

import pytest

from generator.audit.figures import headline
from generator.core.vocabulary import Kind
from generator.normalise.disclosure import parse_document
from generator.read import read_source
from generator.read.layout import RawTable, Row
from generator.recognise.kinds import recognise
from tests.conftest import table
from tests.documents import parsed

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
NAME = "fj-qz-zhengfuban-2026-budget.pdf"

SYNTHETIC = """2026 年度
某某市某某局部门预算
第二部分 2026 年度部门预算表......... 6
一、收支预算总表
2026 年度收支预算总表
单位：万元
收入\t\t支出\t
项目\t预算数\t项目\t预算数
一、一般公共预算拨款收入\t6905.36\t一、公共安全支出\t8120.56
九、其他收入\t455.20\t\t
本年收入合计\t7360.56\t本年支出合计\t8120.56
上年结转结余\t760.00\t结转下年支出\t0.00
收入合计\t8120.56\t支出合计\t8120.56
三、支出预算总表
2026 年度支出预算总表
单位：万元
科目编码\t科目名称\t小计\t基本支出\t项目支出
合计\t\t8120.56\t5169.17\t2951.39
2040201\t行政运行\t5169.17\t5169.17\t0.00
2040220\t执法办案\t2951.39\t0.00\t2951.39
五、一般公共预算拨款支出预算表
2026 年度一般公共预算拨款支出预算表
单位：万元
科目编码\t科目名称\t小计\t其中：\t
\t\t\t基本支出\t项目支出
合计\t\t6905.36\t5169.17\t1736.19
2040201\t行政运行\t5169.17\t5169.17\t0.00
2040220\t执法办案\t1736.19\t0.00\t1736.19
十、一般公共预算“三公”经费支出预算表
2026 年度一般公共预算“三公”经费支出预算表
单位：万元
项目\t预算数
合计\t170.02
1、因公出国（境）费用\t0.00
2、公务接待费\t1.63
3、公务用车购置及运行费\t168.39
其中：（1）公务用车购置费\t49.59
（2）公务用车运行费\t118.80
部门整体支出绩效目标表（2026年度）
部门名称\t某某市某某局\t部门预算编码\t103
年度预算安排（万元）\t资金总额\t8120.56
"""


@pytest.fixture(scope="module")
def synthetic():
    return parse_document(read_source("synthetic.txt", SYNTHETIC.encode()))


def test_tables_without_a_department_line(synthetic):
    # no table names the department: the 部门整体支出绩效目标表's 部门名称 does (and the cover)
    assert (synthetic.department, synthetic.year, synthetic.scope) == ("某某市某某局", 2026, "部门")
    assert [t.kind for t in synthetic.tables][:4] == ["summary", "expenditure", "general_budget_function",
                                                      "three_public"]


def test_the_total_is_the_last_total_of_the_summary(synthetic):
    # 本年收入合计 7360.56 comes first; 收入合计 (after 上年结转结余) is the department's whole income
    f = headline(synthetic)
    assert f["total.income"].yuan == f["total.expenditure"].yuan == 81_205_600
    assert (f["basic"].yuan, f["project"].yuan, f["three_public"].yuan) == (51_691_700, 29_513_900, 1_700_200)


def test_the_appropriation_tables_of_one_fund_are_known_by_their_title():
    header = ("科目编码", "科目名称", "小计", "基本支出", "项目支出")
    table_of = lambda title, cells: RawTable(1, 2, [Row(2, list(cells))], title=title)   # noqa: E731
    assert recognise(table_of("2026 年度一般公共预算拨款支出预算表", header)) == Kind.GENERAL_BUDGET_FUNCTION
    assert recognise(table_of("2026 年度一般公共预算拨款支出预算表", ("经济分类科目", "预算数"))) \
        == Kind.GENERAL_BUDGET_ECONOMIC


@pytest.fixture(scope="module")
def zhengfuban():
    return parsed(NAME)


def test_identity_of_the_real_document(zhengfuban):
    assert (zhengfuban.department, zhengfuban.year, zhengfuban.phase, zhengfuban.scope) == \
        ("泉州市人民政府办公室", 2026, "预算", "部门")


def test_key_figures_as_printed(zhengfuban):
    # truth: QZ-ZFB-2026 (收入合计 15184.81 万元, 基本 5915.38, 项目 9269.43, “三公” 312.75)
    f = headline(zhengfuban)
    assert f["total.income"].yuan == f["total.expenditure"].yuan == 151_848_100
    assert (f["basic"].yuan, f["project"].yuan, f["three_public"].yuan) == (59_153_800, 92_694_300, 3_127_500)
    assert table(zhengfuban, "general_budget_function").total_row().amount(
        table(zhengfuban, "general_budget_function").columns[0].key) == 109_848_100    # 10984.81: one fund


def test_every_printed_figure_is_placed(zhengfuban):
    for c in zhengfuban.coverage:
        assert c.landed == c.printed
