"""Identity edges other cities print: a central department (region 中央, no city), and names that say which
of a department's budgets they are (（本级）, （汇总）)."""

import pytest

from generator.core.slugs import department_slug, region_display, region_slug
from generator.normalise.disclosure import parse_document
from generator.read import read_source
from generator.recognise.identity import region_of


def _document(name: str) -> bytes:
    return "\n".join([
        f"{name}2026年部门预算",
        "部门收支总体情况表",
        "单位：万元",
        "收入\t\t支出\t",
        "项目\t预算数\t项目\t预算数",
        "一、一般公共预算拨款收入\t100.00\t一、一般公共服务支出\t100.00",
        "本年收入合计\t100.00\t本年支出合计\t100.00",
        "收入总计\t100.00\t支出总计\t100.00",
        "部门支出总体情况表",
        "单位：万元",
        "科目编码\t科目名称\t合计\t基本支出\t项目支出",
        "\t合计\t100.00\t60.00\t40.00",
        "201\t一般公共服务支出\t100.00\t60.00\t40.00",
    ]).encode("utf-8") + b"\n"


def parse(name):
    return parse_document(read_source("x.txt", _document(name)))


@pytest.mark.parametrize("name", ["国家统计局", "国家市场监督管理总局", "中华人民共和国教育部", "中共中央宣传部",
                                  "中央和国家机关工作委员会", "全国人大常委会办公厅"])
def test_a_central_department_is_of_the_central_government_never_of_a_city(name):
    d = parse(name)
    assert (d.region, d.department, d.year, d.scope) == ("中央", name, 2026, "部门")
    assert region_slug(d.region) == "zhongyang" and region_display(d.region) == "中央"


def test_a_local_office_of_a_central_body_is_of_its_own_region():
    assert region_of("国家税务总局江苏省税务局") == "江苏省"
    assert region_of("江苏省财政厅") == "江苏省" and region_of("某某学院") == ""


def test_本级_stays_a_unit_of_its_own_and_汇总_is_the_department():
    own = parse("苏州市财政局（本级）")
    assert (own.region, own.department) == ("苏州市", "苏州市财政局（本级）")
    assert parse("苏州市财政局(本级)").department == "苏州市财政局（本级）"
    summed = parse("无锡市教育局（汇总）")
    assert (summed.region, summed.department) == ("无锡市", "无锡市教育局")
    assert department_slug(own.region, own.department) == "caizhengjubenji"


def test_a_region_that_is_not_named_has_a_slug_and_says_so():
    assert region_slug("") == "unknown" and region_display("") == "地区未注明"
    assert department_slug("中央", "中共中央宣传部") == "xuanchuanbu"
