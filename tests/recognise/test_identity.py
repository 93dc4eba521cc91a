"""Identity from a document's own words: region down to the district, phase and scope."""

import pytest

from generator.read.layout import TextLine
from generator.recognise.identity import find_phase, find_scope, region_of


def lines(*texts):
    return [TextLine(n, t) for n, t in enumerate(texts, 1)]


@pytest.mark.parametrize("name, region", [
    ("上海市普陀区人民政府办公室", "上海市普陀区"),
    ("中共上海市普陀区委社会工作部", "上海市普陀区"),
    ("江苏省人民检察院", "江苏省"),
    ("郑州市人民政府办公厅", "郑州市"),
])
def test_region_down_to_the_district(name, region):
    assert region_of(name) == region


def test_scope_unit_or_department():
    assert find_scope(lines("上海市普陀区2025年区级单位预算", "预算单位：上海市普陀区人民政府办公室")) == ("单位", 1)
    # “预算单位” names who publishes; it does not make the document a 单位预算
    assert find_scope(lines("2024年部门预算", "预算单位：某某街道办事处")) == ("部门", 0)
    assert find_scope(lines("某某局2024年度单位决算")) == ("单位", 1)


def test_phase_from_the_title():
    assert find_phase(lines("中共上海市普陀区委社会工作部", "2024年度部门决算")) == ("决算", 2)
    assert find_phase(lines("2024年部门预算")) == ("预算", 0)
