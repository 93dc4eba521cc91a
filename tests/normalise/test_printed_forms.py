"""Money as printed in other forms: a thousands separator missing, no separators at all, a dash for nothing."""

from decimal import Decimal

from generator.audit import audit, import_notes
from generator.audit.figures import headline
from generator.normalise.disclosure import parse_document
from generator.read import read_source
from tests.conftest import row, table

T = "\t"
# a unit budget's 支出预算总表 in 元, down to its header: the rows of each case follow
EXPENDITURE = [
    "上海市2026年市级单位预算",
    "预算单位：上海市某某中心",
    "",
    "2026年预算单位支出预算总表",
    "编制单位：上海市某某中心 单位：元",
    T.join(["功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"]),
    T.join(["类", "款", "项", "", "", "", ""]),
]
DOC = "\n".join([
    *EXPENDITURE,
    T.join(["208", "", "", "社会保障和就业支出", "125360,898", "23051,310", "102309,588"]),
    T.join(["208", "05", "", "行政事业单位养老支出", "23051310", "23051310", "-"]),
    T.join(["208", "05", "05", "机关事业单位基本养老保险缴费支出", "23,051,310", "23,051,310", "—"]),
    T.join(["208", "99", "", "其他社会保障和就业支出", "102,309,588", "-", "102,309,588"]),
    T.join(["208", "99", "99", "其他社会保障和就业支出", "102,309,588", "-", "102,309,588"]),
    T.join(["合计", "", "", "", "125360,898", "23051,310", "102309,588"]),
])


def parsed():
    return parse_document(read_source("t.txt", DOC.encode("utf-8")))


def test_each_printed_form_is_read_exactly():
    d = parsed()
    t = table(d, "expenditure")
    assert [c.key for c in t.columns] == ["total", "basic", "project"]      # a dash is a figure's place, not a label
    first = row(t, code="208")
    assert (first.amount("total"), first.amount("basic"), first.amount("project")) == (
        125_360_898, 23_051_310, 102_309_588)
    assert row(t, code="20805").amount("total") == 23_051_310              # no separators at all
    dash = row(t, code="20805").cell("project")
    assert (dash.printed, dash.yuan) == ("-", 0)                             # a dash: 0, kept as printed
    assert row(t, code="2080505").cell("project").printed == "—"
    assert t.total_row().amount("total") == 125_360_898
    assert not audit(d)                                                      # everything adds up


def test_a_missing_separator_is_an_import_note_on_its_row():
    d = parsed()
    t = table(d, "expenditure")
    assert row(t, code="208").flags == ["separator-malformed:125360,898", "separator-malformed:23051,310",
                                        "separator-malformed:102309,588"]
    assert row(t, code="20805").flags == []                                  # printed without separators: well formed
    notes = [n for n in import_notes(d) if n.check == "separator-malformed"]
    assert [n.line for n in notes] == [8, 13]
    assert "125360,898 读作 125,360,898" in notes[0].message and notes[0].severity == "info"


# a figure printed to the 元 in a table with 分: 基本支出 1,000,000 stands for the 1,000,000.34 its rows make
COARSE = "\n".join([
    *EXPENDITURE,
    T.join(["204", "", "", "公共安全支出", "3,000,000.34", "1,000,000.34", "2,000,000.00"]),
    T.join(["204", "06", "", "司法", "3,000,000.34", "1,000,000.34", "2,000,000.00"]),
    T.join(["204", "06", "01", "行政运行", "1,000,000.34", "1,000,000.34", "0.00"]),
    T.join(["204", "06", "04", "基层司法业务", "2,000,000.00", "0.00", "2,000,000.00"]),
    T.join(["合计", "", "", "", "3,000,000.34", "1,000,000", "2,000,000.00"]),
    "",
    "2026年预算单位一般公共预算基本支出部门预算经济分类预算表",
    "编制单位：上海市某某中心 单位：元",
    T.join(["项目", "", "", "一般公共预算基本支出", "", ""]),
    T.join(["经济分类科目编码", "", "部门经济分类科目名称", "合计", "人员经费", "公用经费"]),
    T.join(["类", "款", "", "", "", ""]),
    T.join(["301", "", "工资福利支出", "800,000.00", "800,000.00", "0.00"]),
    T.join(["301", "01", "基本工资", "800,000.00", "800,000.00", "0.00"]),
    T.join(["302", "", "商品和服务支出", "200,000.34", "0.00", "200,000.34"]),
    T.join(["302", "01", "办公费", "200,000.34", "0.00", "200,000.34"]),
    T.join(["合计", "", "", "1,000,000.34", "800,000.00", "200,000.34"]),
])


def test_a_figure_printed_coarser_than_its_table_is_allowed_its_own_rounding():
    d = parse_document(read_source("t.txt", COARSE.encode("utf-8")))
    t = table(d, "expenditure")
    assert t.decimals == 2 and t.total_row().cell("basic").printed == "1,000,000"
    # 3,000,000.34 = 1,000,000 + 2,000,000.00 and the rows' 1,000,000.34 = 1,000,000, each within half a 元
    assert not [r for r in t.rows if "unreconciled" in r.flags]
    assert not audit(d)
    # …while a figure printed to the 分 is held to the 分
    off = parse_document(read_source("t.txt", COARSE.replace("\t1,000,000\t", "\t1,000,001.00\t").encode("utf-8")))
    assert {f.check for f in audit(off)} == {"row-sum", "column-sum"}


def test_the_finer_of_two_statements_of_a_measure_is_the_measure():
    """基本支出 printed 1,000,000 (to the 元, in a table with 分) and 1,000,000.34 by the economic table: the latter
    is the measure, the former its rounding."""
    figures = headline(parse_document(read_source("t.txt", COARSE.encode("utf-8"))))
    basic = figures["basic"]
    assert (basic.yuan, basic.table, basic.line) == (Decimal("1000000.34"), "basic_economic", 23)
    assert figures["total.expenditure"].yuan == Decimal("3000000.34")
    # a finer figure that is not the coarse one rounded is another measure: the coarse one stays
    other = COARSE.replace("200,000.34", "200,001.34").replace("1,000,000.34\t800,000.00", "1,000,001.34\t800,000.00")
    basic = headline(parse_document(read_source("t.txt", other.encode("utf-8"))))["basic"]
    assert (basic.yuan, basic.table) == (1_000_000, "expenditure")
