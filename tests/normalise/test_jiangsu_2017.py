"""江苏省人大常委会办公厅 2017 年部门预算 (one PDF): a 收支预算总表 continued over pages 7–9, each page drawn
with its own columns (page 7 has a spare column the later pages lack)."""

import pytest

from generator.audit.figures import headline
from generator.normalise.disclosure import parse_document
from tests import documents

NAME = "js-renda-2017-budget.pdf"


@pytest.fixture(scope="module")
def layout():
    return documents.layout(NAME)


@pytest.fixture(scope="module")
def renda(layout):
    return parse_document(layout)


def test_identity(renda):
    assert (renda.region, renda.department, renda.year, renda.phase, renda.scope) == (
        "江苏省", "江苏省人大常委会办公厅", 2017, "预算", "部门")


def test_the_headline_figures_are_the_published_ones(renda):
    f = headline(renda)
    assert f["total.income"].yuan == f["total.expenditure"].yuan == 136_490_700          # 13,649.07 万元
    assert (f["basic"].yuan, f["project"].yuan) == (76_666_800, 58_539_600)
    assert f["three_public"].yuan == 8_336_000
    assert (f["meetings"].yuan, f["training"].yuan) == (13_052_500, 4_037_500)


def test_the_summary_keeps_its_columns_on_every_page(renda, layout):
    summary = next(t for t in renda.tables if t.kind == "summary")
    pages = dict(enumerate(layout.document.pages, 1))
    by_label = {(r.side, r.label): r for r in summary.rows}
    # page 8: the 功能科目 labels stay beside their figures, and the 小计 rows are whole on both sides
    housing = by_label[("expenditure", "十八、住房保障支出")]
    assert [c.yuan for c in housing.cells if c.printed] == [15_122_300] and pages[housing.line] == 8
    assert by_label[("expenditure", "二十、其他支出")]
    assert by_label[("income", "当年收入小计")].cells[0].yuan == 136_490_700
    assert by_label[("expenditure", "当年支出小计")].cells[0].yuan == 136_490_700
    # page 9: the totals, each on its side
    assert by_label[("income", "收入合计")].cells[0].yuan == by_label[("expenditure", "支出合计")].cells[0].yuan
    assert pages[by_label[("expenditure", "支出合计")].line] == 9
    # the label wrapped over the break from page 7 (八、社会保障和就 | 业支出) is whole
    assert by_label[("expenditure", "八、社会保障和就业支出")].cells[0].yuan == 16_085_100


def test_every_printed_figure_lands(renda):
    for c in renda.coverage:
        assert c.landed == c.printed



def test_the_basic_table_is_read_once_and_whole_over_its_pages(renda, layout):
    """Page 11 carries a copy of the 财政拨款基本支出预算表 set below its foot (never shown): not read.  The table
    itself runs over pages 13–15, and its last row (30312 提租补贴 1,018.01) stands alone on page 15 above the
    next table's title, whose white background touches both tables: read in its column all the same."""
    pages = dict(enumerate(layout.document.pages, 1))
    basic = [t for t in renda.tables if "基本支出" in t.title and t.kind == "basic_economic"]
    assert pages[basic[0].lines[0]] == 13 and 11 not in {pages[n] for t in basic for n in t.lines}
    rent = next(r for r in basic[0].rows if r.code == "30312")
    assert rent.amount("total") == 10_180_100 and pages[rent.line] == 15
    assert not [line for n, line in enumerate(layout.document.lines, 1) if pages[n] == 11 and "30101" in line]


def test_an_increase_of_basic_spending_is_no_level_of_it(renda):
    """“增加基本支出 844.15 万元” is how much 基本支出 grew; 基本支出 itself is stated as 7666.68 万元."""
    said = [(s.measure, s.yuan) for s in renda.statements if s.measure.startswith("basic")]
    assert ("basic.change", 8_441_500) in said and ("basic", 8_441_500) not in said
    assert {y for m, y in said if m == "basic"} == {76_666_800}
