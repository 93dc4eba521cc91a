"""Identity from a document's own words: region down to the district, phase and scope."""

import pytest

from generator.read.layout import TextLine
from generator.recognise.identity import find_phase, find_region, find_scope, region_of


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


@pytest.mark.parametrize("department, title, region", [
    ("上海水产老干部活动室", "上海市2026年市级单位预算", "上海市"),           # the name carries no region: the cover's
    ("上海交通职业技术学院", "上海市2026年市级单位预算", "上海市"),
    ("某某服务中心", "2026年上海市普陀区区级部门预算", "上海市普陀区"),
    ("上海市普陀区司法局", "上海市2026年市级单位预算", "上海市普陀区"),      # the name's own region comes first
    ("某某学院", "某某学院2026年部门预算", ""),                          # a title that names no region alone
    ("某某学院", "2026年度单位预算", ""),
])
def test_region_from_the_title_when_the_name_carries_none(department, title, region):
    assert find_region(department, lines(title, f"预算单位：{department}")) == region
