"""Cleaning of text taken from PDF-derived documents."""

from generator.core.text import clean, strip_enumeration


def test_markup_becomes_plain_text():
    assert clean("<p>项目配套 制度措施</p>") == "项目配套制度措施"
    assert clean("$\\geq 55 \\leq 72$") == "≥55 ≤72"
    assert clean('<ol style="list-style-type: none"> 1. 每日') == "1. 每日"
    assert clean("<<郑州市人民政府关于印发>>") == "<<郑州市人民政府关于印发>>"
    assert clean("工资福利支 出") == "工资福利支出"
    assert strip_enumeration("其中：（1）公务用车运行维护费") == "公务用车运行维护费"


def test_a_sub_item_is_told_from_a_top_level_row():
    from generator.core.text import is_sub_item

    for label in ("1.一般公共预算", "1. 一般公共预算资金", "2、政府性基金", "3．其他", "（1）专项", "（一）工资", "其中：财政拨款"):
        assert is_sub_item(label), label
    for label in ("一、财政拨款", "二、事业收入", "上年结转资金", "当年收入小计", "2024年预算", "一般公共预算收入 财政拨款"):
        assert not is_sub_item(label), label


def test_text_in_angle_brackets_that_is_not_formatting_is_kept_as_printed():
    """Formatting tags of exported documents go; anything else (a ``<script>`` typed into a cell) is the
    document's own text, kept exactly and escaped wherever it is shown."""
    assert clean("<p>工资福利支出</p>") == "工资福利支出"
    assert clean("<script>alert(1)</script>办公费") == "<script>alert(1)</script>办公费"
    assert clean("<img src=x onerror=alert(1)>") == "<img src=x onerror=alert(1)>"
