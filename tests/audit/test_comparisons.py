"""A 决算's comparison words against the budget and the actual its sentence states."""

from generator.audit import comparisons
from tests.audit.texts import written


def said(*lines, phase="决算"):
    return comparisons.comparison_words(written("某部门 2024 年度部门决算", *lines, phase=phase))


def test_a_word_its_figures_contradict_is_found():
    (f,) = said("1、一般公共服务支出（类）社会工作事务（款）行政运行（项）。全年预算为 52.00 万元，支出决算为 "
                "51.32 万元。决算数大于全年预算数的主要原因：人员增加。")
    assert (f.line, f.expected, f.found) == (2, "决算数小于预算数", "决算数大于全年预算数")
    assert "全年预算 52.00 万元" in f.message and "51.32 万元" in f.message


def test_words_that_hold_and_figures_within_rounding_say_nothing():
    assert said("全年预算为 52.00 万元，支出决算为 51.32 万元。决算数小于全年预算数的主要原因：人员变动。",
                "全年预算为 11.72 万元，支出决算为 11.72 万元。决算数与全年预算数持平。",
                "年初预算为 3 万元，支出决算为 3.4 万元。决算数大于预算数。") == []     # 3 may be 3.49


def test_a_bare_budget_of_a_sentence_stating_two_is_judged_against_both():
    # 307.82 is below the 全年预算 and above the 年初预算: “小于预算数” is not contradicted by both
    assert said("年初预算为 0 万元，全年预算为321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%。"
                "决算数小于预算数的主要原因：人员经费支出数小于预算数。") == []
    (f,) = said("年初预算为 400 万元，全年预算为 321.02 万元，支出决算为 307.82 万元。决算数大于预算数。")
    assert "年初预算 400 万元、全年预算 321.02 万元" in f.message


def test_the_word_is_read_against_the_item_before_it_over_a_page_break():
    (f,) = said("3、一般公共服务支出（类）社会工作事务（款）其他社会工作事务支出（项）。全年预算为 202.24 万元，"
                "支出决算为 180.00 万元。", "", "决算数与全年预算数持平。")
    assert f.line == 4


def test_no_figures_a_template_and_a_budget_document_say_nothing():
    assert said("决算数小于预算数的主要原因：人员变动。") == []
    assert said("年初预算为 XXX 万元，支出决算为 5 万元。决算数大于（小于）预算数的主要原因：XXXX。") == []
    assert said("全年预算为 52.00 万元，支出决算为 51.32 万元。决算数大于预算数。", phase="预算") == []
