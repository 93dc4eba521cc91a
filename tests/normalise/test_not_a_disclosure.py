"""A document that is not a budget disclosure is refused saying so, before any question of department or year."""

import pytest

from generator.core.errors import DocumentError
from generator.normalise.disclosure import parse_document
from generator.read import read_source

NOTICE = """珠教体〔2022〕9 号珠海市教育局关于印发《珠海市初中学业水平考试体育与健康考试实施意见》的通知
各区教育局，各直属学校：
现将《珠海市初中学业水平考试体育与健康考试实施意见》印发你们，请认真组织实施。
珠海市教育局
2022 年 4 月 25 日
"""

SUMMARY = """2026年部门收支总体情况表
单位：万元
收入\t\t支出\t
项目\t预算数\t项目\t预算数
一般公共预算拨款收入\t100.00\t一般公共服务支出\t100.00
收入总计\t100.00\t支出总计\t100.00

注：本表反映部门全部收支。
"""


def parse(name, text):
    return parse_document(read_source(name, text.encode("utf-8")))


def test_a_notice_is_refused_as_not_a_disclosure():
    # named like a budget: the name never decides
    with pytest.raises(DocumentError) as err:
        parse("2026年珠海市教育局部门预算.txt", NOTICE)
    e = err.value
    assert e.line == 1
    assert e.message.startswith("this is not a budget disclosure (部门预算/决算): it reads as a notice "
                                "(通知, 珠教体〔2022〕9号): “珠海市教育局关于印发")
    assert e.message.endswith("nothing was imported")
    assert "cannot tell" not in e.message


def test_a_statistics_table_is_refused_as_not_a_disclosure():
    text = "2026年1—2月某市国民经济主要指标\n指标\t增长（%）\n地方一般公共预算收入\t-9.3\n一般公共预算支出\t6.8\n"
    with pytest.raises(DocumentError, match=r"not a budget disclosure .*statistics table \(统计数据\)"):
        parse("x.txt", text)


def test_a_disclosure_goes_on_to_its_own_checks():
    d = parse("notice.txt", "2026年某市某局部门预算\n" + SUMMARY)
    assert (d.department, d.year) == ("某市某局", 2026)
    # a budget's title with no table is refused for the missing tables, not as something else
    with pytest.raises(DocumentError) as err:
        parse("x.txt", "2020年郑州市某局部门预算\n\n只有文字，没有表格。\n")
    assert "not a budget disclosure" not in err.value.message
