"""The department and year of a document published in parts (江苏: the narrative and the tables as two files)."""

from generator.read.layout import TextLine
from generator.recognise.identity import UNKNOWN_YEAR, find_department, find_year


def lines(*texts):
    return [TextLine(n, t) for n, t in enumerate(texts, 1)]


def test_a_heading_of_the_documents_parts_is_no_department():
    # the cover is an image: the narrative's own sentences name the department
    texts = lines("目 录", "第一部分 部门概况", "第二部分 2019 年度部门预算表", "一、收支预算总表",
                  "江苏省政协办公厅 2019 年度收入、支出预算总计 13,377.11万元，与上年相比……")
    assert find_department(texts, []) == ("江苏省政协办公厅", 5)
    # a sentence whose subject names no region is not taken for the department
    assert find_department(lines("第二部分 2019 年度部门预算表", "省人大办公厅 2017 年度收入、支出预算总计 13,649.07 万元。"), []) == (None, 0)


def test_a_title_without_部门():
    assert find_department(lines("2018 年度江苏省高级人民法院预算公开", "2018 年 2 月 24 日"), []) == ("江苏省高级人民法院", 1)


def test_a_document_that_prints_no_year_leaves_it_unknown():
    assert find_year(lines("收支预算总表", "公开01表", "部门：江苏省政协办公厅"), []) == (UNKNOWN_YEAR, 0)
    assert find_year(lines("江苏省政协办公厅 2019 年度部门预算"), []) == (2019, 1)
