"""Headings and running heads against the cover: placeholders, the year, the department."""

from generator.audit import headings
from tests.audit.texts import written

COVER = "中共上海市普陀区委社会工作部 2024 年度部门决算"


def test_a_placeholder_left_in_a_heading_is_named_at_its_line():
    d = written(COVER, "目 录", "第一部分 上海市 XX 局概况", "本年收入合计 XXX 万元，其中：财政拨款收入 307.82 万元")
    found = headings.placeholders(d)
    assert [(f.line, f.found) for f in found] == [(3, "XX"), (4, "XXX")]
    assert "上海市 XX 局概况" in found[0].message


def test_latin_words_and_a_single_x_are_no_placeholder():
    d = written(COVER, "采购 XXL 号被装 2 套", "附表 X 说明", "上海市 ×× 区")
    assert [f.line for f in headings.placeholders(d)] == [4]


def test_a_heading_of_another_year_is_found_and_the_cover_named():
    d = written(COVER, "目 录", "中共上海市普陀区委社会工作部 2023 年度部门决算表", "收入支出决算总表")
    (f,) = headings.heading_years(d)
    assert (f.line, f.expected, f.found) == (3, "2024 年", "2023 年")
    assert "第 1 行" in f.message


def test_other_years_in_sentences_and_comparisons_are_not_headings():
    d = written(COVER,
                "与 2023 年度相比，收入支出总计增加 307.82 万元。",          # a sentence
                "2023年预算执行情况",                                        # the past, on purpose
                "2025年度部门预算",                                          # a 预算 named in a 决算
                "2024 年度一般公共预算财政拨款支出决算表")
    assert headings.heading_years(d) == []


def test_a_budget_heading_of_the_year_before_is_found():
    d = written("上海市普陀区2026年区级部门预算", "2025年部门财务收支预算总表", phase="预算", year=2026,
                department="上海市普陀区司法局")
    (f,) = headings.heading_years(d)
    assert f.line == 2


def test_a_running_head_naming_another_department_is_found():
    d = written(COVER, "编制单位：上海市普陀区民政局 单位：万元", "编制单位：中共上海市普陀区委社会工作部 单位：万元")
    (f,) = headings.heading_departments(d)
    assert (f.line, f.found) == (2, "上海市普陀区民政局")


def test_short_forms_units_and_regions_are_the_department():
    d = written("江苏省人大常委会办公厅2018年度部门预算公开",
                "第二部分省人大办公厅2018年度部门预算表",                 # a short form of the name
                "部门名称：江苏省人大",                                     # cut by the line's end
                "上海市普陀区2026年区级部门预算",                           # the region alone
                "单位名称：江苏省人大常委会机关服务中心",                   # a unit, named in the list below
                "1\t江苏省人大常委会机关服务中心",
                "编制单位：上海市 XX 局",                                   # a placeholder: said by its own check
                phase="预算", year=2018, department="江苏省人大常委会办公厅")
    assert headings.heading_departments(d) == []


BUDGET = dict(phase="预算", year=2026, department="上海市审计局")


def test_the_second_entry_of_a_contents_line_and_a_table_title_are_read_for_their_year():
    d = written("上海市2026年市级单位预算", "8．2026年预算单位基本支出预算表9. 2025年单位“三公”经费和机关运行经费预算表",
                "2025年部门收支总体情况表", "2025年项目支出绩效自评表", **BUDGET)
    assert [(f.line, f.found) for f in headings.heading_years(d)] == [(2, "2025 年"), (3, "2025 年")]


def test_a_title_printed_again_with_another_year_is_found():
    d = written("上海市2026年市级单位预算", "三、2026 年度部门主要工作任务及目标", "正文。",
                "三、2027年部门主要工作任务及目标", "二、2025年工作总结", **BUDGET)
    assert [(f.line, f.found) for f in headings.heading_years(d)] == [(4, "2027 年")]


def test_a_title_broken_after_its_year_is_read_whole():
    d = written("上海市2026年市级单位预算", "2027 年度", "上海市审计局部门预算表", **BUDGET)
    assert [f.line for f in headings.heading_years(d)] == [2]


def test_a_cover_no_title_agrees_with_is_named_once():
    d = written("上海市2027年市级单位预算", "1.2026年预算单位财务收支预算总表", "2.2026年预算单位收入预算总表",
                "3.2026年预算单位支出预算总表", phase="预算", year=2027, department="上海市审计局")
    (f,) = headings.heading_years(d)
    assert (f.line, f.expected, f.found) == (1, "2026 年", "2027 年")


def test_a_heading_naming_another_body_before_what_it_says_of_it_is_found():
    d = written("上海市2026年市级单位预算", "预算单位：上海市审计局", "上海市财政局（单位）主要职能",
                "2026年预算单位收入预算总表编制单位：上海市民政局", "上海市审计局机构设置",
                "财政拨款政府性基金支出预算表", **BUDGET)
    assert [(f.line, f.found) for f in headings.heading_departments(d)] == [(3, "上海市财政局"), (4, "上海市民政局")]


def test_a_heading_that_prints_the_departments_own_name_is_about_it():
    from generator.audit.headings import heading_departments

    d = written("2024年郑州市政务服务办公室部门预算公开", "### 二、郑州市政务服务办公室所属预算单位构成情况",
                "一、郑州市某某局主要职能", phase="预算", department="郑州市政务服务办公室")
    found = heading_departments(d)
    assert [f.line for f in found] == [3] and found[0].found == "郑州市某某局"
