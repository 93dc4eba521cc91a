"""Cleaning of text taken from PDF-derived documents."""

from generator.core.text import clean, strip_enumeration


def test_markup_becomes_plain_text():
    assert clean("<p>项目配套 制度措施</p>") == "项目配套制度措施"
    assert clean("$\\geq 55 \\leq 72$") == "≥55 ≤72"
    assert clean('<ol style="list-style-type: none"> 1. 每日') == "1. 每日"
    assert clean("<<郑州市人民政府关于印发>>") == "<<郑州市人民政府关于印发>>"
    assert clean("工资福利支 出") == "工资福利支出"
    assert strip_enumeration("其中：（1）公务用车运行维护费") == "公务用车运行维护费"
