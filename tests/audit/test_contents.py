"""The tables the contents list against the tables the documents print."""

from generator.audit import contents
from generator.core.model import Source, Table
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


# 江苏's contents: entries of the overview written as sentences (a full stop after each), the tables' titles
# run two to a line, one broken over a blank line; the body prints the titles with the year and department
JS_DEPT = "江苏省高级人民法院"
JS_TOC = ["2018 年度江苏省高级人民法院部门预算公开", "目 录", "第一部分 部门概况", "一、主要职能。",
          "二、2018 年度部门主要工作任务及目标。", "第二部分 江苏省高级人民法院 2018 年度预算表",
          "一、2018 年度江苏省高级人民法院收支预算总表", "二、2018 年度江苏省高级人民法院收入预算总表",
          "三、支出预算总表四、财政拨款收支预算总表", "五、财政拨款支出预算表", "六、政府性基金财政拨款支出预",
          "", "算表", "七、一般公共预算“三公”经费、会议费、培训费支出预算表", "八、政府采购支出预算表",
          "第三部分 预算安排情况说明", "", "第一部分 部门概况", "一、主要职能",
          "本院依法独立行使审判权。收支预算总表见《收支预算总表》。", "一、收支预算总表情况说明"]
# each table as the body prints its title, and its kind
JS_TABLES = {"收支预算总表": ("一、2018年度江苏省高级人民法院收支预算总表", "summary"),
             "收入预算总表": ("二、2018年度江苏省高级人民法院收入预算总表", "income"),
             "支出预算总表": ("三、2018年度江苏省高级人民法院支出预算总表", "expenditure"),
             "财政拨款收支预算总表": ("四、2018年度江苏省高级人民法院财政拨款收支预算总表", "fiscal_summary"),
             "财政拨款支出预算表": ("五、2018年度江苏省高级人民法院财政拨款支出预算表", "fiscal_function"),
             # the contents' 政府性基金财政拨款支出预算表, its words in another order
             "政府性基金": ("六、2018年度江苏省高级人民法院财政拨款政府性基金支出预算表", "gov_fund"),
             "三公": ("七、2018年江苏省高级人民法院“三公”经费、会议费、培训费支出预算表", "three_public"),
             # the contents' 政府采购支出预算表, printed without 支出 (as 江苏省高级人民法院 2018 prints it)
             "政府采购": ("八、2018年江苏省高级人民法院政府采购预算表", "procurement")}


def js_printed(*left_out: str, titles: dict[str, tuple[str, str]] | None = None):
    """The contents above, then every table of ``titles`` (JS_TABLES) but those ``left_out``."""
    lines, tables = list(JS_TOC), []
    for name, (title, kind) in (titles or JS_TABLES).items():
        if name in left_out:
            continue
        lines += [title, "单位：万元", "合计\t307.82"]
        tables.append(Table(kind, kind, title, "doc.txt", (len(lines), len(lines)), "万元", 2,
                            title_line=len(lines) - 2))
    return written(*lines, tables=tables, phase="预算", year=2018, department=JS_DEPT)


def test_contents_whose_entries_end_with_a_full_stop_read_on_to_the_tables():
    entries, end = contents.contents(js_printed().sources[0], JS_DEPT)
    assert [e.title for e in entries][:3] == ["部门概况", "主要职能", "部门主要工作任务及目标"]
    assert "政府采购支出预算表" in [e.title for e in entries] and end == 18


def test_an_entry_broken_over_a_blank_line_is_one_entry():
    entries, _ = contents.contents(js_printed().sources[0], JS_DEPT)
    assert "政府性基金财政拨款支出预算表" in [e.title for e in entries]
    assert "算表" not in [e.title for e in entries]


def test_every_table_printed_in_other_words_finds_nothing():
    assert contents.missing_tables(js_printed()) == []


def test_a_table_left_out_is_found_though_others_are_printed_in_other_words():
    (f,) = contents.missing_tables(js_printed("收入预算总表"))
    assert (f.line, f.expected) == (8, "表“收入预算总表”")


def test_an_entry_printed_in_other_words_is_not_said_missing_when_another_table_is():
    (f,) = contents.missing_tables(js_printed("财政拨款支出预算表"))
    assert f.expected == "表“财政拨款支出预算表”"


def test_a_title_printed_only_within_another_entrys_table_is_missing():
    """财政拨款支出预算表 is printed within 政府性基金预算财政拨款支出预算表, the table of another entry."""
    titles = dict(JS_TABLES, 政府性基金=("六、2018年度江苏省高级人民法院政府性基金预算财政拨款支出预算表", "gov_fund"))
    (f,) = contents.missing_tables(js_printed("财政拨款支出预算表", titles=titles))
    assert f.expected == "表“财政拨款支出预算表”"


def test_a_sentence_citing_a_table_or_a_heading_on_it_does_not_print_it():
    (f,) = contents.missing_tables(js_printed("收支预算总表"))
    assert (f.line, f.expected) == (7, "表“收支预算总表”")


def test_the_contents_heading_at_the_end_of_the_cover_title():
    d = js_printed("收入预算总表")
    d.sources[0].text[0:2] = ["2018 年度江苏省高级人民法院部门预算公开目 录", ""]
    (f,) = contents.missing_tables(d)
    assert f.line == 8


def test_a_table_whose_title_the_importer_did_not_read_may_be_the_missing_one():
    d = js_printed("收入预算总表")
    d.tables.append(Table("generic", "generic", "未能识别的表格（第 90 行）", "doc.txt", (90, 92), "万元", 2))
    assert contents.missing_tables(d) == []


def test_a_variant_title_two_missing_entries_fit_as_closely_pins_neither():
    """政府采购预算表 fits 政府采购支出预算表 and 政府采购收入预算表 alike: neither is said missing."""
    d = js_printed()
    d.sources[0].text[14] = "八、政府采购支出预算表九、政府采购收入预算表"
    assert contents.missing_tables(d) == []


def test_another_sources_contents_do_not_print_a_table():
    d = js_printed("收入预算总表")
    d.sources.append(Source("tables.txt", "1" * 64, "tables.txt", 3,
                            text=["目录", "一、收支预算总表", "二、收入预算总表", "三、支出预算总表", "",
                                  "第一部分 部门概况"]))
    found = sorted((f.document, f.line) for f in contents.missing_tables(d))
    assert found == [("doc.txt", 8), ("tables.txt", 3)]           # each contents lists it, neither prints it


def test_entries_run_on_one_line_between_dot_leaders_and_page_numbers():
    """泉州 prints its contents as one long line: “第一部分 部门概况……… 1一、部门主要职责……… 2…”."""
    d = printed("收入支出决算总表", "支出决算表", "财政拨款收入支出决算总表")
    d.sources[0].text[3:11] = ["第一部分 概况.............. 1一、主要职能.............. 1二、机构设置.............. 1"
                               "第二部分 决算表.............. 2一、收入支出决算总表.............. 3二、收入决算表"
                               ".............. 4三、支出决算表.............. 5",
                               "", "四、财政拨款收入支出决算总表.............. 6第三部分 情况说明.............. 7",
                               "", "", "", "", ""]
    entries, _ = contents.contents(d.sources[0], "中共上海市普陀区委社会工作部")
    assert [e.title for e in entries if contents._is_table(e)] == [
        "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表"]
    (f,) = contents.missing_tables(d)
    assert (f.line, f.expected) == (4, "表“收入决算表”")
