"""江苏省政协办公厅 2018 年部门预算: the narrative and the tables published as two PDFs, one disclosure."""

import pytest

from generator.audit import audit, import_notes
from generator.audit.figures import headline
from generator.core.errors import DocumentError
from generator.normalise.merge import merge
from tests.conftest import row, table
from tests.documents import parsed

TABLES, NARRATIVE = "js-zhengxie-2018-budget-tables.pdf", "js-zhengxie-2018-budget-narrative.pdf"


def parse(name):
    return parsed(name)


@pytest.fixture(scope="module")
def zhengxie():
    (d,) = merge([parse(TABLES), parse(NARRATIVE)])
    return d




def test_two_files_are_one_disclosure_of_a_province(zhengxie):
    assert (zhengxie.region, zhengxie.department, zhengxie.year, zhengxie.phase, zhengxie.scope) == (
        "江苏省", "江苏省政协办公厅", 2018, "预算", "部门")
    assert [s.name for s in zhengxie.sources] == [TABLES, NARRATIVE]
    assert len(zhengxie.tables) == 12 and zhengxie.sections[0].key == "duties"
    assert zhengxie.glossary and all(t.document == NARRATIVE for t in zhengxie.glossary)


def test_the_narrative_alone_is_refused_with_what_to_do():
    with pytest.raises(DocumentError, match="no tables, and no other document"):
        merge([parse(NARRATIVE)])


def test_headline_figures(zhengxie):
    f = headline(zhengxie)
    assert f["total.income"].yuan == f["total.expenditure"].yuan == 101_504_800          # 10,150.48 万元
    assert (f["basic"].yuan, f["project"].yuan) == (56_781_700, 33_146_800)
    assert f["three_public"].yuan == 6_751_000
    assert {k: f[f"three_public.{k}"].yuan for k in ("abroad", "reception", "vehicles", "vehicle_operation")} == {
        "abroad": 1_060_000, "reception": 4_125_000, "vehicles": 1_566_000, "vehicle_operation": 1_566_000}
    assert (f["meetings"].yuan, f["training"].yuan) == (8_841_600, 976_000)     # beside “三公”, not in it
    assert f["procurement"].yuan == 12_817_600


def test_three_panel_summary(zhengxie):
    summary = table(zhengxie, "summary")
    assert [c.key for c in summary.columns] == ["income", "total", "use"]
    assert row(summary, side="use", label="三、单位预留机动经费").amount("use") == 11_576_300
    assert row(summary, side="expenditure", code="201").amount("total") == 78_274_600
    # 支出合计 is printed once across both expenditure panels
    assert row(summary, side="expenditure", kind="total").amount("total") == 101_504_800


def test_every_table_kind(zhengxie):
    assert [t.kind for t in zhengxie.tables] == [
        "summary", "income", "expenditure", "fiscal_summary", "fiscal_function", "basic_economic",
        "general_budget_function", "basic_economic", "three_public", "gov_fund", "running_costs_economic",
        "procurement"]
    # a function-code row and an economic-code row
    assert row(table(zhengxie, "general_budget_function"), code="2010204").amount("total") == 8_141_600
    assert row(table(zhengxie, "basic_economic"), code="30231").amount("total") == 1_566_000
    income = table(zhengxie, "income")
    assert row(income, label="其他资金小计").amount("total") == 800_000
    assert row(income, label="其他收入").parent == "其他资金"
    assert table(zhengxie, "gov_fund").empty and table(zhengxie, "gov_fund").notes == ["注：本部门无该项目"]
    three = table(zhengxie, "three_public")
    assert row(three, code="table_total").amount("amount") == 16_568_600        # “三公” + 会议费 + 培训费


def test_every_figure_lands_and_the_audit_finds_nothing(zhengxie):
    (c,) = parse(TABLES).coverage
    assert (c.landed, c.printed) == (170, 170)
    stated = {s.measure: s.yuan for s in zhengxie.statements}
    assert stated["total.income"] == 101_504_800 and stated["basic"] == 56_781_700
    assert audit(zhengxie) == [] and import_notes(zhengxie) == []


# --- 江苏省人民检察院 2018: one Word file whose table panels are ruled apart ------------------------------

ONE_FILE = "js-jianchayuan-2018-budget.pdf"


@pytest.fixture(scope="module")
def jianchayuan():
    return parse(ONE_FILE)


def test_one_file_identity_and_headline(jianchayuan):
    d = jianchayuan
    assert (d.region, d.department, d.year, d.phase, d.scope) == ("江苏省", "江苏省人民检察院", 2018, "预算", "部门")
    f = headline(d)
    assert f["total.income"].yuan == f["total.expenditure"].yuan == 219_553_500           # 21,955.35 万元
    assert (f["basic"].yuan, f["project"].yuan) == (139_943_100, 55_730_000)
    assert f["three_public"].yuan == 4_843_000
    assert (f["three_public.abroad"].yuan, f["three_public.reception"].yuan) == (1_000_000, 1_165_000)
    assert (f["meetings"].yuan, f["training"].yuan, f["procurement"].yuan) == (2_004_400, 7_000_000, 30_962_400)


def test_rows_cut_by_another_panels_ruling_are_whole(jianchayuan):
    summary = table(jianchayuan, "summary")
    # the label wrapped over two lines (1.一般公共预 / 算) is one row with its figure
    assert row(summary, side="income", label="1.一般公共预算").amount("income") == 219_409_600
    # a label wrapped over the page break (十七、国土海洋气象等支 / 出) is one row
    assert any(r.label == "十七、国土海洋气象等支出" for r in summary.rows)
    # a figure cut by a column ruling (3,660.3 | 8) is whole
    assert row(summary, side="expenditure", code="221").amount("total") == 36_603_800
    assert row(summary, side="use", label="三、单位预留机动经费").amount("use") == 23_880_400


def test_one_file_tables(jianchayuan):
    assert len(jianchayuan.tables) == 12
    basic = table(jianchayuan, "basic_economic")
    assert row(basic, code="30231").amount("total") == 2_678_000          # labels kept over the page break
    assert row(basic, code="30207").label == "邮电费"
    assert row(table(jianchayuan, "fiscal_function"), code="2040405").amount("total") == 18_950_000   # printed 1895.00
    income = table(jianchayuan, "income")
    assert row(income, label="一般公共预算资金小计").amount("total") == 219_409_600    # its name centred below it
    three = table(jianchayuan, "three_public")
    assert row(three, code="reception").label == "公务接待费"                  # wrapped header: 公务接 / 待费
    (c,) = jianchayuan.coverage
    assert (len(c.tables), c.landed, c.printed) == (12, 194, 194)
    # the tables agree; three rates of the narrative do not fit the figures they are printed with (pages 23
    # and 26): 3,958.67 over last year's 17,996.68 万元 is 22.00 %, not 21.95 %; 21.8 over 3,644.2 is 0.60 %,
    # not 0.06 %; 134 over 2,029 is 6.60 %, not 0.66 %
    assert [(f.check, f.line, f.found) for f in audit(jianchayuan)] == [
        ("change", 386, "21.95%"), ("change", 416, "0.06%"), ("change", 417, "0.66%")]
    assert import_notes(jianchayuan) == []
