"""Findings as readers see them: the document by what it is, its page and line, each figure named, one unit."""

from generator.core.model import Finding, Source
from generator.site.model.findings import EXPECTED_AS, FOUND_AS, document_names, one_unit, present


def pdf(name="a.pdf", title="某局2024年部门预算"):
    # lines 1-9 on page 1, 10-20 on page 2
    return Source(name, "0" * 64, title, 20, [[1, 1], [10, 2]])


def test_figures_in_yuan_and_in_wan_are_shown_in_wan_exactly():
    assert one_unit("86,412,027 元", "8,641.20 万元") == ("8,641.2027 万元", "8,641.20 万元")
    assert one_unit("16,488,560 元", "12,885,780 元") == ("16,488,560 元", "12,885,780 元")
    assert one_unit("22.00%", "21.95%") == ("22.00%", "21.95%")
    assert one_unit("年初预算不为零", "95.89%") == ("年初预算不为零", "95.89%")


def test_a_document_is_named_by_its_title_where_it_has_one():
    assert document_names([pdf()]) == {"a.pdf": "原文"}
    two = document_names([pdf("t.pdf", "公开01表"), pdf("n.pdf", "江苏省政协办公厅 2018 年度部门预算公开")])
    assert two == {"t.pdf": "t.pdf", "n.pdf": "《江苏省政协办公厅2018年度部门预算公开》"}
    # a performance sheet published beside the budget is named by its title too
    assert document_names([pdf("a.txt", "2020年郑州市人民政府办公厅部门预算"), pdf("b.txt", "市级部门整体绩效目标申报表")]) \
        == {"a.txt": "《2020年郑州市人民政府办公厅部门预算》", "b.txt": "《市级部门整体绩效目标申报表》"}


def test_a_finding_names_its_page_both_sides_and_what_each_figure_is():
    f = Finding("narrative", "warning", "说明所称支出总计与表中不符", "a.pdf", 12, expected="86,412,027 元",
                found="8,641.00 万元", expected_as="表中所列", found_as="说明所称", other_document="a.pdf",
                other_line=3)
    [v] = present([f], [pdf()], "departments/r/d/2024-budget/index.html")
    assert v.figures == [("说明所称", "8,641.00 万元"), ("表中所列", "8,641.2027 万元")]
    first, other = v.places
    assert (first.document, first.page, first.line) == ("原文", 2, 12) and (other.page, other.line) == (1, 3)
    assert first.pdf_url == "../../../../open-data/sources/a.pdf#page=2"
    assert first.text_url == "../../../../open-data/sources/a.pdf.html#L12"


def test_a_finding_without_two_figures_is_its_sentence_alone_and_files_are_named_as_readers_know_them():
    sources = [pdf("t.txt", "2020年郑州市人民政府办公厅部门预算"), pdf("u.txt", "市级部门整体绩效目标申报表")]
    f = Finding("merge-wording", "info", "同一指标在 t.txt 中写作“甲”，在 u.txt 中写作“乙”", "t.txt", 5,
                expected="甲", found="乙")
    [v] = present([f], sources, "x/index.html")
    assert v.figures == [] and "《2020年郑州市人民政府办公厅部门预算》" in v.message and "《市级部门整体绩效目标申报表》" in v.message
    assert v.places[0].pdf_url == ""
    # a check that does not say what its figures are: the printed one and what the audit expected
    g = Finding("cross-table", "warning", "总计不符", "t.txt", 5, expected="1.00 万元", found="2.00 万元")
    assert present([g], sources, "x/index.html")[0].figures == [(FOUND_AS, "2.00 万元"), (EXPECTED_AS, "1.00 万元")]


def test_a_table_from_a_pdf_links_to_its_page(site):
    html = (site / "departments/jiangsu/renminjianchayuan/2018-budget/index.html").read_text(encoding="utf-8")
    assert '（<a href="../../../../open-data/sources/js-jianchayuan-2018-budget.pdf#page=13">PDF 第 13 页</a>）' in html
    # a text document has no PDF to open
    text = (site / "departments/zhengzhou/renminzhengfubangongting/2020-budget/index.html").read_text(encoding="utf-8")
    assert "#page=" not in text
