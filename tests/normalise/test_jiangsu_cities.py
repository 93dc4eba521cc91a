"""江苏's cities (苏州, 无锡): 20XX 年度…部门预算公开 / …单位预算公开, 13 公开表 in 万元 under short titles.

A synthetic document of the family's money tables, then one real disclosure as published
(无锡市商务局 2026 年部门预算).
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
NAME = "js-wx-shangwuju-2026-budget.pdf"

# The 单位 version heads each table “单位：<name> … 单位：万元”: the unit and the money unit on one line
SYNTHETIC = """某市某局（本级）2026年度单位预算公开
公开01表
收支总表
单位：某市某局（本级） 单位：万元
收入\t\t支出\t
项目\t预算数\t项目\t预算数
一、一般公共预算拨款收入\t1,136.23\t一、一般公共服务支出\t1,136.23
本年收入合计\t1,136.23\t本年支出合计\t1,136.23
上年结转结余\t\t年终结转结余\t
收入总计\t1,136.23\t支出总计\t1,136.23
公开02表
收入总表
单位：某市某局（本级） 单位：万元
单位代码\t单位名称\t合计\t本年收入\t\t上年结转结余\t
\t\t\t小计\t一般公共预算\t小计\t一般公共预算
合计\t\t1,136.23\t1,136.23\t1,136.23\t\t
328002\t某市某局（本级）\t1,136.23\t1,136.23\t1,136.23\t\t
公开03表
支出总表
单位：某市某局（本级） 单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出\t事业单位经营支出
合计\t\t1,136.23\t1,036.23\t100.00\t
201\t一般公共服务支出\t1,136.23\t1,036.23\t100.00\t
20101\t人大事务\t1,136.23\t1,036.23\t100.00\t
2010101\t行政运行\t1,036.23\t1,036.23\t\t
2010199\t其他人大事务支出\t100.00\t\t100.00\t
公开09表
一般公共预算“三公”经费、会议费、培训费支出表
单位：某市某局（本级） 单位：万元
“三公”经费合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t会议费\t培训费
\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t
6.40\t0.00\t2.80\t0.00\t2.80\t3.60\t2.80\t10.00
公开10表
政府性基金预算支出表
单位：某市某局（本级） 单位：万元
科目编码\t科目名称\t本年政府性基金预算支出\t\t
\t\t合计\t基本支出\t项目支出
\t合计\t\t\t
"""


@pytest.fixture(scope="module")
def synthetic():
    return parse_document(read_source("synthetic.txt", SYNTHETIC.encode()))


def test_a_unit_budget_of_the_family(synthetic):
    assert (synthetic.department, synthetic.year, synthetic.scope) == ("某市某局（本级）", 2026, "单位")
    assert [t.kind for t in synthetic.tables] == ["summary", "income", "expenditure", "three_public", "gov_fund"]


def test_income_and_spending_tables_by_their_columns(synthetic):
    income = table(synthetic, "income")
    assert [c.key for c in income.columns] == ["total", "current", "current.general_budget", "carryover",
                                               "carryover.general_budget"]
    assert row(income, kind="total").amount("current.general_budget") == 11_362_300
    spending = table(synthetic, "expenditure")
    assert row(spending, code="2010199").amount("project") == 1_000_000
    # the 合计 row printed first is the table's total: 基本支出 and 项目支出 are taken from it
    f = headline(synthetic)
    assert f["total.income"].yuan == 11_362_300
    assert (f["basic"].yuan, f["project"].yuan) == (10_362_300, 1_000_000)
    assert f["three_public"].yuan == 64_000 and f["training"].yuan == 100_000     # 培训费 beside “三公”


def test_an_empty_fund_table_keeps_its_measures(synthetic):
    fund = table(synthetic, "gov_fund")
    assert [c.key for c in fund.columns] == ["total", "basic", "project"]


# 无锡市商务局 2026: a running header (页眉, the document's title atop every page) stands over the continuation
# of its 财政拨款收支总表, which the reader joins to the table above all the same
@pytest.fixture(scope="module")
def shangwu():
    return parsed(NAME)


def test_identity_of_a_city_department(shangwu):
    assert (shangwu.department, shangwu.year, shangwu.phase, shangwu.scope) == ("无锡市商务局", 2026, "预算", "部门")
    assert shangwu.edition == "2026-budget"


def test_the_thirteen_tables(shangwu):
    assert [t.kind for t in shangwu.tables] == [
        "summary", "income", "expenditure", "fiscal_summary", "fiscal_function", "basic_economic",
        "general_budget_function", "basic_economic", "three_public", "gov_fund", "state_capital",
        "running_costs_economic", "procurement"]


def test_key_figures_as_printed(shangwu):
    f = headline(shangwu)
    assert f["total.income"].yuan == f["total.expenditure"].yuan == 174_666_500       # 收支总表 17,466.65 万元
    assert (f["basic"].yuan, f["project"].yuan) == (46_704_000, 127_962_500)           # 支出总表 合计 row
    assert f["three_public"].yuan == 64_000                                            # 6.40 万元
    assert (f["meetings"].yuan, f["training"].yuan) == (28_000, 100_000)


def test_the_procurement_table_is_read_whole_and_adds_up(shangwu):
    proc = table(shangwu, "procurement")
    (coverage,) = [t for c in shangwu.coverage for t in c.tables if t.kind == "procurement"]
    assert coverage.landed == coverage.printed == 30 and coverage.unplaced == []
    assert [f for f in audit(shangwu) if f.table == proc.id] == []
    # 货物 › 无锡市商务局（本级） › 复印纸, each source of funds kept beside the 总计
    assert [(r.kind, r.level, r.label) for r in proc.rows[:4]] == [
        ("total", None, "合计"), ("group", 1, "货物"), ("group", 2, "无锡市商务局（本级）"), ("item", None, "复印纸")]
    total = row(proc, kind="total")
    assert (total.amount("general_budget"), total.amount("amount")) == (269_400, 269_400)
    # 商品和服务支出(定额非 / 三保) printed on two lines is one row's label
    assert row(proc, line=364).text["project"] == "商品和服务支出(定额非三保)"
