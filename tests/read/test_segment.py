"""Cutting a document into tables: which line is a table's title, and where a table continued on the next page
goes on (a blank line is a page break)."""

from generator.read import read_source
from generator.read.layout import Document
from generator.read.segment import split


def tables(text):
    return read_source("a.txt", text.encode()).tables


def test_a_title_printed_in_a_row_of_its_own_begins_a_table_even_after_a_page_break():
    first, second = tables("收支预算总表\n单位：万元\n项目\t金额\n合计\t1.00\n\n收入预算总表\t\t\n项目\t金额\n合计\t1.00\n")
    assert (first.title, second.title) == ("收支预算总表", "收入预算总表")
    assert [r.cells for r in second.rows] == [["项目", "金额"], ["合计", "1.00"]]


def test_a_page_framed_as_one_cell_gives_its_title_and_unit_and_is_no_row():
    first, second = tables("收入预算总表\n单位：万元\n项目\t金额\n合计\t1.00\n\n"
                           "支出预算总表部门：某部门 单位：万元合计 基本支出 20,849.45\t\t\n"
                           "合计\t基本支出\n20,849.45\t20,849.45\n")
    assert (second.title, second.unit, second.start) == ("支出预算总表", "万元", 7)
    assert second.rows[0].cells == ["合计", "基本支出"]


def test_rows_printed_above_the_ruling_of_a_continued_table_join_it():
    text = ("财政拨款支出预算表\n单位：万元\n功能科目代码\t功能科目名称\t金额\n\t合计\t3.00\n221\t住房保障支出\t3.00\n"
            "22102\t住房改革支出\t3.00\n\n2210201 住房公积金 1.00\n2210202\t提租补贴\t2.00\n")
    (table,) = tables(text)
    assert table.title == "财政拨款支出预算表" and table.end == 9
    assert [r.cells for r in table.rows[-2:]] == [["2210201", "住房公积金", "1.00"], ["2210202", "提租补贴", "2.00"]]
    # placed like the row above of the same shape: 经济科目 and its figure, the other cells empty
    (table,) = tables("政府采购预算表\n单位：万元\n大类\t专项\t经济科目\t物品\t组织形式\t金额\n合计\t\t\t\t\t1.00\n"
                      "\t甲\t\t\t\t1.00\n\t\t邮电费\t\t\t1.00\n\t\t\t互联网信息服务\t分散采购\t1.00\n\n会议费 2.00\n"
                      "\t\t\t会议服务\t分散采购\t2.00\n")
    assert table.rows[-2].cells == ["", "", "会议费", "", "", "2.00"]


def test_figures_run_together_are_spread_over_the_rows_under_them():
    text = ("基本支出预算表\n单位：万元\n科目编码\t科目名称\t金额\n\t合计\t4,567.44\n30228\t工会经费\t0.00\n\n"
            "30229 福利费 110.00304.404,153.04\n30231\t公务用车运行维护费\n30299\t其他商品和服务支出\n下一段文字\n")
    (table,) = tables(text)
    assert [r.cells for r in table.rows[-3:]] == [
        ["30229", "福利费", "110.00"], ["30231", "公务用车运行维护费", "304.40"], ["30299", "其他商品和服务支出", "4,153.04"]]
    # as many rows without a figure as figures, or nothing is spread
    (table,) = tables(text.replace("30299\t其他商品和服务支出\n", "30299\t其他商品和服务支出\n30301\t离休费\n"))
    assert table.rows[-4].cells == ["30229", "福利费", "110.00304.404,153.04"]


def test_a_label_wrapped_over_the_page_break_is_whole():
    (table,) = tables("政府采购预算表\n单位：万元\n大类\t专项\t物品\t金额\n合计\t\t\t606.00\n"
                      "\t应用软件购建费\t信息网络及软件购\t606.00\n\n置更新\n\t\t软件开发服务\t606.00\n")
    assert table.rows[2].cells[2] == "信息网络及软件购置更新" and len(table.rows) == 4


def test_the_title_is_the_line_that_names_the_table():
    # a number alone (公开表一, 表二, 公开01表) says nothing of the table: the line before it does
    (t,) = tables("收支预算总表\n公开表一\n部门：某部门单位：万元\n项目\t金额\n合计\t1.00\n")
    assert (t.title, t.department, t.unit) == ("收支预算总表", "某部门", "万元")
    # the header printed as text above the ruling, a lone 合计 and a 部门 line are not titles
    (t,) = tables("财政拨款政府性基金支出预算表\n部门：某部门 单位：万元\n功能科目代码 功能科目名称 金额\n合计\n"
                  "功能科目代码\t功能科目名称\t金额\n\t合计\t\n")
    assert t.title == "财政拨款政府性基金支出预算表"
    # a title wrapped over two lines, and a title with its unit on the same line
    (t,) = tables("一般公共预算“三公”经费、会议费、培训费支出预\n算表\n单位：万元\n合计\t小计\n1.00\t1.00\n")
    assert (t.title, t.title_line) == ("一般公共预算“三公”经费、会议费、培训费支出预算表", 1)
    (t,) = tables("十一、某院“三公”经费支出预算表单位：万元\n合计\t小计\n1.00\t1.00\n")
    assert (t.title, t.unit) == ("十一、某院“三公”经费支出预算表", "万元")


def test_the_end_of_a_department_name_wrapped_onto_the_unit_line():
    (t,) = tables("收支预算总表\n部门名称：江苏省人大\n单位:万元常委会办公厅\n项目\t金额\n合计\t1.00\n")
    assert (t.title, t.department, t.unit) == ("收支预算总表", "江苏省人大常委会办公厅", "万元")
    # a header cell printed beside the unit is not a department
    (t,) = tables("支出预算总表\n单位：万元结转下年资金\n合计\t基本支出\n1.00\t1.00\n")
    assert (t.title, t.department, t.unit) == ("支出预算总表", None, "万元")


def test_a_table_printed_again_under_its_title_and_header_is_one_table():
    (t,) = tables("2017年政府采购预算表\n单位：万元\n采购品目大类\t专项名称\t总计\n合计\t\t3.00\n一、货物A\t\t1.00\n\n"
                  "2017年政府采购预算表\n单位：万元\n采购品目大类\t专项名称\t总计\n\t会议费\t2.00\n")
    assert [r.cells[0] for r in t.rows] == ["采购品目大类", "合计", "一、货物A", ""] and t.end == 10


def test_a_second_total_after_a_page_break_begins_another_table():
    first, second = tables("政府性基金支出预算表\n单位：万元\n功能科目代码\t功能科目名称\t金额\n\t合计\t\n\n"
                           "\t合计\t5.00\n201\t一般公共服务支出\t5.00\n")
    assert first.title == "政府性基金支出预算表" and len(first.rows) == 2
    assert (second.title, second.start) == ("", 6)


def test_column_headers_printed_above_the_ruling_are_its_header_row():
    (t,) = tables("政府采购支出预算表\n部门名称：某部门 单位：万元采购品目大\n专项名称 经济科目 采购物品名称 采购组织形式 总计\n"
                  "类合计\t\t\t\t\t5.00\n一、货物A\t\t\t\t\t5.00\n")
    assert (t.title, t.department, t.unit) == ("政府采购支出预算表", "某部门", "万元")
    assert t.rows[0].cells == ["采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式", "总计"]
    assert t.rows[1].cells[0] == "合计"


def pdf_like(pages):
    """A PDF's text form: each page's lines, a blank line between pages."""
    lines, numbers = [], []
    for n, page in enumerate(pages, 1):
        for line in page + [""]:
            lines.append(line)
            numbers.append(n)
    return split(Document("a.pdf", "0" * 64, tuple(lines), tuple(numbers)))[1]


def test_a_column_empty_on_a_continued_page_is_given_back_where_the_rows_line_up():
    (t,) = pdf_like([["采购表", "单位：万元", "大类\t专项\t物品\t金额", "合计\t\t\t3.00", "一、货物\t\t\t3.00",
                      "\t甲项目\t纸张\t3.00"],
                     ["乙项目\t笔\t2.00"]])
    assert t.rows[-1].cells == ["", "乙项目", "笔", "2.00"]


def test_a_column_left_empty_once_the_department_row_is_taken_out_is_dropped():
    (t,) = pdf_like([["支出预算总表", "部门：\t某部门\t\t单位：万元", "\t合计\t基本支出", "\t20.00\t20.00"]])
    assert (t.department, t.unit) == ("某部门", "万元")
    assert [r.cells for r in t.rows] == [["合计", "基本支出"], ["20.00", "20.00"]]
