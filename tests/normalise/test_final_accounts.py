"""中共上海市普陀区委社会工作部 2024 年度部门决算: the nine standard 决算 tables, imported exactly."""

import pytest

from generator.audit import audit, import_notes
from generator.audit.figures import headline
from tests.conftest import row, table
from tests.documents import parsed

NAME = "sh-putuo-shehuigongzuobu-2024-final.pdf"


@pytest.fixture(scope="module")
def final():
    return parsed(NAME)




def test_identity_of_a_party_body_in_a_district(final):
    assert (final.region, final.department, final.year, final.phase, final.scope) == (
        "上海市普陀区", "中共上海市普陀区委社会工作部", 2024, "决算", "部门")
    assert final.edition == "2024-final"


def test_headline_figures_are_what_was_spent(final):
    f = headline(final)
    assert f["total.income"].yuan == f["total.expenditure"].yuan == 3_078_200          # 307.82 万元
    assert (f["basic"].yuan, f["project"].yuan) == (1_055_800, 2_022_400)


def test_the_nine_tables(final):
    assert [t.kind for t in final.tables] == ["summary", "income", "expenditure", "fiscal_summary",
                                              "general_budget_function", "basic_economic", "three_public",
                                              "gov_fund", "state_capital"]
    summary = table(final, "summary")
    assert row(summary, side="expenditure", code="221").amount("total") == 294_200
    assert row(table(final, "income"), code="2013901").amount("财政拨款收入") == 513_200
    assert row(table(final, "expenditure"), code="2013999").amount("project") == 2_022_400
    assert row(table(final, "fiscal_summary"), side="expenditure", code="201").amount("general_budget") == 2_648_700
    assert row(table(final, "general_budget_function"), code="2101102").amount("basic") == 4_900
    # 人员经费 | 公用经费 printed side by side: each panel adds up to its own 合计
    basic = table(final, "basic_economic")
    assert row(basic, code="30113").amount("total") == 177_000 and row(basic, code="30113").side == "panel-1"
    assert row(basic, code="30239").amount("total") == 24_300 and row(basic, code="30239").side == "panel-2"
    assert [r.amount("total") for r in basic.rows if r.kind == "total"] == [953_600, 102_300]
    for empty in ("three_public", "gov_fund", "state_capital"):
        assert table(final, empty).empty and any("本表无数据" in n or "无数据" in n for n in table(final, empty).notes)


def test_every_figure_lands_and_the_document_agrees_with_itself(final):
    (c,) = final.coverage
    assert c.landed == c.printed == 205
    assert [t.kind for t in c.tables].count(None) == 1          # the list of units (序号 | 单位名称), reported
    # the one finding is the document's own: “年初预算为 0 万元 … 完成年初预算的 95.89%” (that is 307.82 ÷ 321.02,
    # the 全年预算); checked on page 18 of the PDF
    (f,) = audit(final)
    assert (f.check, f.line, f.found) == ("narrative", 282, "95.89%") and "321.02" in f.message
    assert import_notes(final) == []
    stated = {(s.measure, s.printed) for s in final.statements}
    assert {("execution.full", "52.00"), ("execution.actual", "51.32"), ("execution.rate.full", "98.69")} <= stated
    assert final.glossary and final.sections


def test_the_narrative_items_keep_their_names_and_are_found_in_the_table(final):
    from generator.audit.execution import stated_items

    items = stated_items(final)
    assert [i.label for i in items] == ["行政运行", "事业运行", "其他社会工作事务支出", "机关事业单位基本养老保险缴费支出",
                                        "机关事业单位职业年金缴费支出", "行政单位医疗", "事业单位医疗", "住房公积金", "购房补贴"]
    # item 3's name is broken over the page break (pages 18–19) and joined: one line, 285
    assert items[2].subject == "一般公共服务支出（类）社会工作事务（款）其他社会工作事务支出（项）"
    assert [(i.budget.yuan, i.actual.yuan, i.actual.line) for i in items[:2]] == [(520_000, 513_200, 283),
                                                                                 (176_800, 113_100, 284)]
    assert all(i.row is not None and i.table.kind == "general_budget_function" for i in items)
    assert [i.row.code for i in items][-2:] == ["2210201", "2210203"]
    # the items add up to the whole the narrative states first (全年预算 321.02, 支出决算 307.82 万元)
    assert sum(i.budget.yuan for i in items) == 3_210_200 and sum(i.actual.yuan for i in items) == 3_078_200
    assert [i.rate.printed for i in items if i.rate] == ["98.69", "99.55", "97.68"]
