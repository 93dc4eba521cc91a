"""Column measure keys agree across the layouts of different cities."""

from generator.normalise.measures import measure_key


def test_measure_keys_agree_across_layouts():
    assert measure_key(("基本支出", "人员经费", "工资福利支出")) == "basic.wages"
    assert measure_key(("基本支出", "工资福利支出")) == "basic.wages"
    assert measure_key(("项目支出", "小计")) == "project"
    assert measure_key(("总计",)) == measure_key(("合计",)) == "total"
