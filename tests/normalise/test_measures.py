"""Column measure keys agree across the layouts of different cities."""

from generator.normalise.measures import measure_key


def test_measure_keys_agree_across_layouts():
    assert measure_key(("基本支出", "人员经费", "工资福利支出")) == "basic.wages"
    assert measure_key(("基本支出", "工资福利支出")) == "basic.wages"
    assert measure_key(("项目支出", "小计")) == "project"
    assert measure_key(("总计",)) == measure_key(("合计",)) == "total"


def test_a_header_over_all_figures_names_no_measure():
    # 江苏's cities: “本年财政拨款基本支出 / 合计 | 人员经费 | 公用经费”, “本年政府性基金预算支出 / 合计 | 基本支出 | 项目支出”
    assert measure_key(("本年财政拨款基本支出", "合计")) == measure_key(("本年一般公共预算基本支出", "合计")) == "total"
    assert measure_key(("本年财政拨款基本支出", "人员经费")) == "personnel"
    assert [measure_key(("本年政府性基金预算支出", leaf)) for leaf in ("合计", "基本支出", "项目支出")] == [
        "total", "basic", "project"]


def test_this_years_income_is_one_group_and_column_numbers_name_nothing():
    assert measure_key(("本年收入", "小计")) == "current"
    assert measure_key(("本年收入", "一般公共预算")) == "current.general_budget"
    assert measure_key(("上年结转结余", "一般公共预算")) == "carryover.general_budget"
    # a 栏次 row under the header (栏次 | 1 | 2 | 3)
    assert [measure_key(p) for p in (("本年支出合计", "1"), ("基本支出", "2"), ("项目支出", "3"))] == [
        "total", "basic", "project"]
