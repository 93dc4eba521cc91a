"""The department and year where the PDF's text layer split the title or displaced a label's colons."""

from generator.read.layout import RawTable, Row, TextLine
from generator.recognise.identity import find_department, find_year


def lines(*texts):
    return [TextLine(n, t) for n, t in enumerate(texts, 1)]


def test_a_title_whose_year_stands_on_a_line_of_its_own():
    # 重庆: “重庆市气象局年部门预算情况说明” with “2026” on the next line
    texts = lines("重庆市经济和信息化委员会年部门预算情况说明", "2026", "一单位基本情况", "、")
    assert find_department(texts, []) == ("重庆市经济和信息化委员会", 1)
    assert find_year(texts, []) == (2026, 2)
    # the year may stand before the title too
    assert find_year(lines("2026", "重庆市气象局年部门预算情况说明"), []) == (2026, 1)


def test_a_title_without_a_year_anywhere_is_not_taken():
    # “年部门预算” with no year beside it: not a title this rule reads
    assert find_department(lines("重庆市气象局年部门预算情况说明", "一、单位基本情况"), []) == (None, 0)


def test_the_单位名称_line_of_a_table():
    heading = RawTable(start=150, end=160, rows=[Row(151, ["科目", "金额"])],
                       title="单位名称 重庆市商务委员会 单位 万元: :", title_line=149)
    texts = lines("一单位基本情况", "、", "一主要职责")
    assert find_department(texts, [heading]) == ("重庆市商务委员会", 149)
    assert find_department(lines("单位名称：重庆市气象局"), []) == ("重庆市气象局", 1)


def test_a_heading_of_the_contents_never_names_the_department():
    texts = lines("目录", "第一部分部门概况", "第二部分 2019 年度部门预算表", "2019", "第三部分年部门预算情况说明",
                  "单位名称：第二部分")
    department, _ = find_department(texts, [])
    assert department is None or "部分" not in department
