"""The PDF reader on the real published samples: tables keep their empty cells, continue over pages,
lose repeated headers, and every line knows its page."""

import pytest

from generator.core.errors import DocumentError
from generator.normalise.disclosure import parse_document
from generator.read import read_source
from tests.documents import SAMPLES, layout


@pytest.fixture(scope="module")
def wanli():
    return layout("sh-putuo-wanlijiedao-2024-budget.pdf")


def table(lay, title_word):
    return next(t for t in lay.tables if title_word in t.title)


def test_a_table_continued_over_five_pages_is_one_table(wanli):
    income = table(wanli, "部门收入预算总表")
    pages = {wanli.document.pages[r.line - 1] for r in income.rows}
    assert pages == {11, 12, 13, 14, 15}
    assert income.unit == "元" and income.department == "上海市普陀区人民政府万里街道办事处"
    # empty 款 and 项 cells are kept, so every row has the same columns
    assert {len(r.cells) for r in income.rows} == {9}
    assert income.rows[3].cells[:5] == ["201", "", "", "一般公共服务支出", "2,932,700"]
    # the header is printed once, and the 合计 row alone on page 15 lines up with the columns above
    assert sum(1 for r in income.rows if r.cells[0] == "功能分类科目编码") == 1
    assert income.rows[-1].cells == ["合计", "", "", "", "156,211,123", "156,211,123", "0", "0", "0"]


def test_the_text_around_tables_is_read_in_order(wanli):
    first = [t.text for t in wanli.texts[:2]]
    assert first == ["上海市普陀区2024年区级部门预算", "预算主管部门：上海市普陀区人民政府万里街道办事处"]
    assert wanli.document.pages[0] == 1 and wanli.document.pages[-1] == 33


def test_a_title_printed_inside_the_table_becomes_its_title():
    lay = layout("js-zhengxie-2018-budget-tables.pdf")
    basic = table(lay, "财政拨款基本支出预算表")
    assert (basic.unit, basic.department) == ("万元", "江苏省政协办公厅")
    assert basic.rows[0].cells == ["科目编码", "科目名称", "金额"]


def test_final_accounts_are_filed_as_final_accounts_never_as_a_budget():
    d = parse_document(layout("sh-putuo-shehuigongzuobu-2024-final.pdf"))
    assert (d.phase, d.edition, d.name) == ("决算", "2024-final", "2024 年部门决算")


def test_a_blank_template_is_refused():
    with pytest.raises(DocumentError, match="blank template") as err:
        parse_document(layout("final-accounts-template.pdf"))
    assert "(page 5)" in str(err.value)


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.pdf")))
def test_every_sample_imports_or_is_refused_with_its_page(name):
    try:
        d = parse_document(layout(name))
    except DocumentError as exc:
        assert str(exc).startswith(f"{name}:") and exc.message
        assert exc.page is None or f"(page {exc.page})" in str(exc)
    else:
        assert d.phase == ("决算" if "final" in name else "预算")


def test_a_file_that_is_not_a_pdf_is_refused():
    with pytest.raises(DocumentError, match="not a readable PDF"):
        read_source("x.pdf", b"%PDF-1.4 this is not really a PDF")


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*budget*.pdf")))
def test_every_published_budget_imports(name):
    d = parse_document(layout(name))
    assert d.phase == "预算" and (d.tables or d.sections)
    for c in d.coverage:
        assert c.landed == c.printed


def test_split_figures_are_joined_only_where_the_page_has_them_whole():
    from generator.read.pdf import _join_split_figures

    rows = [["十八、住房保障支出", "3,660.3", "8", ""], ["合计", "12.5", "8", ""]]
    joined = _join_split_figures(rows, {"3,660.38"})
    assert joined[0] == ["十八、住房保障支出", "3,660.38", "", ""]
    assert joined[1] == ["合计", "12.5", "8", ""]              # two figures side by side stay two


def test_a_label_wrapped_over_a_page_break_is_joined_and_a_figure_never():
    from generator.read.pdf import _wrapped_over

    assert _wrapped_over("\t\t十七、国土海洋气象等支\t\t", ["", "", "出", "", ""])
    assert not _wrapped_over("\t\t十七、国土海洋气象等支\t\t", ["", "", "", "12.00", ""])
    assert not _wrapped_over("\t\t\t\t", ["", "", "出", "", ""])


def test_panels_are_found_from_label_and_figure_columns():
    from generator.read.pdf import _panels

    rows = [["一、财政拨款", "21,940.96", "一、一般公共服务支出", "", "一、基本支出", "13,994.31"],
            ["1.一般公共预算", "21,940.96", "二、外交支出", "1.00", "二、项目支出", "5,573.00"]]
    assert _panels(rows) == [([0], [1]), ([2], [3]), ([4], [5])]
