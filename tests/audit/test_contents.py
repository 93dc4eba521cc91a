"""The tables the contents list against the tables the documents print."""

from generator.audit import contents
from generator.core.model import Table
from tests.audit.texts import written

TOC = ["中共上海市普陀区委社会工作部 2024 年度部门决算", "", "目 录",
       "第一部分 中共上海市普陀区委社会工作部概况",
       "第二部分 中共上海市普陀区委社会工作部 2024 年度部门决算表一、收入支出决算总表",
       "二、收入决算表", "三、支出决算表", "",
       "四、财政拨款收入支出决算总表",
       "第三部分 中共上海市普陀区委社会工作部 2024 年度部门决算情况说明", "",
       "第一部分 中共上海市普陀区委社会工作部概况", "一、主要职能", "负责统筹指导人民信访工作。",
       "中共上海市普陀区委社会工作部 2024 年度部门决算表"]
TITLES = {"收入支出决算总表": "summary", "收入决算表": "income", "支出决算表": "expenditure",
          "财政拨款收入支出决算总表": "fiscal_summary"}


def printed(*titles):
    """The contents above, then the body printing ``titles``, each with a row, and their tables."""
    lines, tables = list(TOC), []
    for title in titles:
        lines += [title, "单位：万元", "合计\t307.82"]
        tables.append(Table(TITLES[title], TITLES[title], title, "doc.txt", (len(lines), len(lines)), "万元", 2))
    return written(*lines, tables=tables)


def test_a_listed_table_the_document_lacks_is_found_at_its_contents_line():
    (f,) = contents.missing_tables(printed("收入支出决算总表", "支出决算表", "财政拨款收入支出决算总表"))
    assert (f.line, f.found) == (6, "无此表") and "二、收入决算表" in f.message


def test_every_listed_table_printed_finds_nothing():
    assert contents.missing_tables(printed(*TITLES)) == []


def test_a_table_printed_under_another_title_is_not_missing():
    d = printed("收入支出决算总表", "支出决算表", "财政拨款收入支出决算总表")
    d.sources[0].text += ["公开 02 表：部门收入总表", "合计\t307.82"]
    assert contents.missing_tables(d) == []


def test_a_table_whose_title_was_not_read_may_be_the_missing_one():
    d = printed("收入支出决算总表", "支出决算表", "财政拨款收入支出决算总表")
    d.tables.append(Table("generic", "generic", "", "doc.txt", (1, 1), "万元", 2))
    assert contents.missing_tables(d) == []


def test_a_table_of_the_body_titled_in_other_words_may_be_the_missing_one():
    d = printed("收入支出决算总表", "支出决算表", "财政拨款收入支出决算总表")
    d.tables.append(Table("generic", "generic", "收入决算情况表", "doc.txt", (1, 1), "万元", 2))
    assert contents.missing_tables(d) == []


def test_a_table_the_contents_do_not_list_does_not_hide_a_missing_one():
    d = printed("收入支出决算总表", "支出决算表", "财政拨款收入支出决算总表")
    d.tables.append(Table("generic", "generic", "项目绩效目标表", "doc.txt", (1, 1), "万元", 2))
    (f,) = contents.missing_tables(d)
    assert "二、收入决算表" in f.message


def test_an_entry_printed_only_inside_a_longer_entry_is_missing():
    d = printed("收入决算表", "支出决算表", "财政拨款收入支出决算总表")      # 收入支出决算总表 only within
    assert [f.line for f in contents.missing_tables(d)] == [5]


def test_contents_mostly_not_found_are_another_layout_and_say_nothing():
    assert contents.missing_tables(printed("收入支出决算总表")) == []


def test_the_contents_end_where_the_body_begins():
    entries, end = contents.contents(printed().sources[0], "中共上海市普陀区委社会工作部")
    assert [e.title for e in entries if e.title.endswith("表")][:2] == ["部门决算表", "收入支出决算总表"]
    assert end == 12
