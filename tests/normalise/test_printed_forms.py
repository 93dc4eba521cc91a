"""Money as printed in other forms: a thousands separator missing, no separators at all, a dash for nothing."""

from generator.audit import audit, import_notes
from generator.normalise.disclosure import parse_document
from generator.read import read_source
from tests.conftest import row, table

T = "\t"
DOC = "\n".join([
    "上海市2026年市级单位预算",
    "预算单位：上海市某某中心",
    "",
    "2026年预算单位支出预算总表",
    "编制单位：上海市某某中心 单位：元",
    T.join(["功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"]),
    T.join(["类", "款", "项", "", "", "", ""]),
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
