"""The change from last year a sentence states against its own figures."""

from generator.audit import changes
from tests.audit.texts import written


def said(*lines):
    return changes.stated_changes(written("某部门 2026 年度部门预算", *lines, phase="预算", year=2026))


def test_a_rate_that_is_not_the_change_over_last_year_is_found():
    (f,) = said("单位预留机动经费预算数为 1685.72 万元。与上年相比增加1557.29万元，增长1312.56 %。")
    assert (f.line, f.expected, f.found) == (2, "1212.56%", "1312.56%")


def test_rates_rounded_or_cut_and_zero_last_year_say_nothing():
    assert said("支出 1,951.48 万元，与上年相比增加 487.93 万元，增长 33.34%。",          # 33.339
                "一般公共预算收入预算 24,169.74万元，与上年相比增加2228.78 万元，增长10.15 %。",   # 10.158, cut
                "收入支出总计307.82万元。与 2023 年度相比，收入支出总计增加 307.82 万元，增长100.00%。",
                "（4）城乡社区支出（类）支出 0 万元，与上年相比减少11,523 万元，减少 100%。") == []


def test_a_decrease_is_over_last_years_larger_figure():
    assert said("行政运行（项）支出 108.36 万元，与上年相比减少 7.96 万元，减少 6.84%。") == []
    (f,) = said("一般行政事务管理（项）支出 6049.97 万元，与上年相比减少 392.92 万元，减少 5.95%。")
    assert f.expected == "6.10%"


def test_an_amount_that_increases_while_its_rate_falls_is_found():
    (f,) = said("机关运行经费支出 10.23 万元，比 2025 年增加 1.23 万元，下降 13.67%。")
    assert f.found == "增加 … 下降"


def test_last_years_figure_printed_is_held_against_the_change():
    assert said("支出 120 万元，比上年的 100 万元增加 20 万元，增长 20%。") == []
    (f,) = said("支出 120 万元，比上年的 130 万元增加 20 万元，增长 20%。")
    assert f.line == 2 and "130 万元" in f.message


def test_another_figure_of_the_line_that_fits_the_rate_says_nothing():
    # the change may be of the first figure (收入), the rate fits it: not sure which the sentence means
    assert said("收入 1,100 万元，其中财政拨款 900 万元，与上年相比增加 100 万元，增长 10%。") == []
