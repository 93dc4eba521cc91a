"""上海市普陀区人民政府万里街道办事处 2024 年部门预算, imported from the PDF as published (元)."""

import pytest

from generator.audit import audit, import_notes
from generator.audit.figures import headline
from tests.documents import parsed

NAME = "sh-putuo-wanlijiedao-2024-budget.pdf"


@pytest.fixture(scope="module")
def wanli():
    return parsed(NAME)


def table(d, kind):
    return next(t for t in d.tables if t.kind == kind)


def row(t, **match):
    return next(r for r in t.rows if all(getattr(r, k) == v for k, v in match.items()))


def test_identity_from_the_document_itself(wanli):
    assert (wanli.region, wanli.department, wanli.year, wanli.phase) == (
        "上海市普陀区", "上海市普陀区人民政府万里街道办事处", 2024, "预算")


def test_headline_figures(wanli):
    f = headline(wanli)
    assert f["total.income"].yuan == f["total.expenditure"].yuan == 156_211_123
    assert (f["basic"].yuan, f["project"].yuan) == (99_706_020, 56_505_103)
    assert f["three_public"].yuan == 479_100                          # 47.91 万元
    parts = {k: f[f"three_public.{k}"].yuan for k in ("abroad", "reception", "vehicles", "vehicle_purchase",
                                                       "vehicle_operation")}
    assert parts == {"abroad": 0, "reception": 13_500, "vehicles": 465_600, "vehicle_purchase": 250_000,
                     "vehicle_operation": 215_600}
    assert f["running_costs"].yuan == 4_431_800                       # 机关运行经费, beside “三公”, not part of it


def test_every_table_kind(wanli):
    assert [t.kind for t in wanli.tables] == ["summary", "income", "expenditure", "fiscal_summary",
                                              "general_budget_function", "gov_fund", "state_capital",
                                              "basic_economic", "three_public"]
    # a function-code row printed 类 | 款 | 项 over three columns, its page continued from the one before
    r = row(table(wanli, "income"), code="2080506")
    assert (r.label, r.amount("total"), r.level, r.parent) == ("机关事业单位职业年金缴费支出", 2_302_815, 3, "20805")
    # an economic-code row; the document prints 301 | 2 for 30102
    basic = table(wanli, "basic_economic")
    assert row(basic, code="30113").amount("total") == 3_503_499
    allowance = row(basic, code="30102")
    assert allowance.amount("personnel") == 16_623_810 and allowance.flags == ["code-completed"]
    assert table(wanli, "gov_fund").empty and table(wanli, "gov_fund").notes


def test_narrative_glossary_and_the_audit(wanli):
    assert [t.term for t in wanli.glossary][:2] == ["财政拨款收入", "事业收入"]
    # the last term ends where the 编制说明 that follows the glossary begins: it does not take it in
    last = wanli.glossary[-1]
    assert last.term == "机关运行经费" and len(wanli.glossary) == 8
    assert last.definition.endswith("日常公用经费支出。") and "编制说明" not in last.definition
    assert wanli.sections[0].key == "duties"
    stated = {s.measure: s.yuan for s in wanli.statements if s.yuan is not None}
    assert stated["total.expenditure"] == 156_211_100                 # 15621.11 万元, within rounding
    # the document's own figures agree but for one item of the narrative (page 9): “住房公积金（项）”350.35万元 (the
    # table's 3,503,499 元), then 2024年预算安排352.67万元; the only notes are the two codes the importer completed
    (f,) = audit(wanli)
    assert (f.check, f.line, f.found, f.expected) == ("narrative", 98, "352.67 万元", "3,503,499 元")
    assert {(f.check, f.line) for f in import_notes(wanli)} == {("code-completed", 416), ("code-completed", 417)}
