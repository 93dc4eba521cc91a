"""Performance-target tables of every seed: targets, tasks, 预算情况, indicators, projects."""

import pytest

from generator.core.model import ProjectItem
from generator.normalise.indicators import parse_value
from tests.normalise.test_seeds import JY, LH, ZW, ZZ


def ind(d, **match):
    return next(i for i in d.indicators if all(getattr(i, k) == v for k, v in match.items()))


def project(d, name):
    return next(p for p in d.projects if p.name == name)


@pytest.mark.parametrize("printed, expected", [
    ("≥97%", ("≥", "97", "", "%")),
    ("=100%", ("=", "100", "", "%")),
    ("≥ 10%", ("≥", "10", "", "%")),
    ("≤0.01%", ("≤", "0.01", "", "%")),
    ("3个", ("=", "3", "", "个")),
    ("57", ("=", "57", "", "")),
    ("≤20万元", ("≤", "20", "", "万元")),
    ("≥80个&&≤120个", ("range", "80", "120", "个")),
    ("$\\geq 55 \\leq 72$", ("range", "55", "72", "")),
    ("2023年12月31日前", ("≤", "2023-12-31", "", "日期")),
    ("有效保障", ("qualitative", "", "", "")),
    ("全市 30 多个部门 60 多个业务系统", ("qualitative", "", "", "")),
])
def test_parse_value(printed, expected):
    v = parse_value(printed)
    assert (v.op, v.number, v.number2, v.unit) == expected


def test_zhengzhou_template_000(disclosures):
    zz = disclosures[ZZ]
    assert [t.text[:5] for t in zz.targets] == ["目标1: ", "目标2: ", "目标3: "]
    assert zz.targets[0].text == "目标1: 保障单位人员工资正常发放"
    assert [(t.name, t.content, t.amount_yuan, t.fiscal_yuan) for t in zz.tasks] == [
        ("任务1", "人员经费", 36004000, 36004000), ("任务2", "公用运转支出", 14363000, 14363000),
        ("任务3", "专项资金", 33008000, 33009000)]
    dept = [i for i in zz.indicators if i.scope == "department"]
    assert len(dept) == 43
    first = dept[0]
    assert (first.level1, first.level2, first.level3, first.value, first.line) == ("履职效能", "工作目标管理情况", "目标依据充分性", "充分", 454)
    # 000 line 475 lost its level-1 cell and moved left
    i = ind(zz, line=475)
    assert (i.level1, i.level2, i.level3, i.value, i.flags) == ("管理效率", "财务管理", "财务管理制度的完备性", "完整", ["realigned"])
    assert i.explanation.startswith("反映部门相关财务管理") and i.note.startswith("①资金的拨付")
    i = ind(zz, line=500)          # 硕士和博士人才数量 | | 57
    assert (i.level2, i.level3, i.op, i.number) == ("人才支撑", "硕士和博士人才数量", "=", "57")


def test_project_sheets_000(disclosures):
    zz = disclosures[ZZ]
    assert len([p for p in zz.projects if p.source == "sheet"]) == 9
    p = project(zz, "整合全市热线资源升级政府热线12345平台")
    assert (p.unit_code, p.category, p.amount_yuan, p.unit) == ("003001", "业务类", 28680000, "元")
    assert p.items == [ProjectItem("整合全市热线资源升级政府热线12345平台", "28680000.00", 624, 28680000)]
    assert all("<p>" not in v for v in p.fields.values())
    assert p.fields["项目配套制度措施"].startswith("1. 健全快速联动机制")   # key printed "<p>项目配套 制度措施</p>"
    i = ind(zz, project=p.name, level3="群众回访满意率")       # line 653, value two columns on
    assert (i.level1, i.level2, i.value) == ("效果目标", "满意度", "≥90%")
    i = ind(zz, project="郑州市人民政府网站第三方监测评估", level3="监测全市政府网站")
    assert (i.op, i.number, i.number2) == ("range", "55", "72")
    i = ind(zz, project="郑州市政务新媒体第三方检测评估项目", level3="监测全市政务新媒体")
    assert (i.value, i.op, i.number, i.number2, i.unit) == ("≥80个&&≤120个", "range", "80", "120", "个")


def test_merge_000_001_performance_agrees(disclosures):
    zz = disclosures[ZZ]
    conflicts = [f for f in zz.merge_findings if f.check == "merge-conflict"]
    assert conflicts == []                       # levels and values agree indicator by indicator
    wording = {(f.expected, f.found) for f in zz.merge_findings if f.check == "merge-wording"}
    assert ("体质机制运行的效率效能", "体制机制运行的效率效能") in wording


def test_henan_template_002_003_004(disclosures):
    zw, jy, lh = disclosures[ZW], disclosures[JY], disclosures[LH]
    assert {b.key: b.yuan for b in zw.budget} == {"total": 25620000, "source.government": 25620000,
                                                  "source.special_account": None, "source.other": None,
                                                  "basic": 7421000, "project": 18199000}
    assert [t.name for t in zw.tasks][0] == "市政务服务办事大厅运行服务经费及竞赛评选绩效奖励经费项目"
    assert zw.tasks[0].content.startswith("协助保障市政务大厅窗口服务")
    assert len([i for i in zw.indicators if i.scope == "department"]) == 24
    assert {b.key: b.printed for b in jy.budget}["total"] == ""      # 003 prints no total
    assert {b.key: b.yuan for b in jy.budget}["project"] == 11794000
    assert len([i for i in jy.indicators if i.scope == "department"]) == 39
    i = ind(jy, scope="department", level3="全市政务内外网运行数量")
    assert (i.value, i.op) == ("全市 30 多个部门 60 多个业务系统", "qualitative")
    assert {b.key: b.yuan for b in lh.budget}["project"] == 14580500       # row shifted: "(2) 项目支出 | | 1,458.05"
    i = ind(lh, line=251)                     # 004 prints the first rows without a level-1 heading
    assert (i.level1, i.level2, i.flags) == ("投入管理指标", "工作目标管理", ["level1-inferred"])


def test_project_sheets_003_with_continuations(disclosures):
    jy = disclosures[JY]
    sheets = [p for p in jy.projects if p.source == "sheet"]
    assert len(sheets) == 13
    p = project(jy, "电子政务专项-电子政务平台建设及运维费用 1")
    assert (p.amount_yuan, p.unit, p.unit_code) == (3315000, "万元", "074001")   # 331.50 with no unit label
    assert p.fields["项目总目标"].startswith("为我市第一、二行政区")                # from the continuation table
    found = [i for i in jy.indicators if i.project == p.name]
    assert len(found) == 21 and found[-1].line > 556
    i = ind(jy, line=572)
    assert (i.level1, i.level2, i.level3, i.value) == ("投入与目标管理", "资产管理", "系统运维规范性", "规范")


def test_summary_tables_002_004(disclosures):
    zw, lh = disclosures[ZW], disclosures[LH]
    p = project(zw, "市政务服务办事大厅运行专项经费")
    assert (p.code, p.unit_code, p.amount_yuan, p.funding["government"]) == ("410100240000000041203", "114001", 3477000, 3477000)
    found = [i for i in zw.indicators if i.project == p.name]
    assert len(found) == 10
    assert ("成本指标", "群众办事质量", "≥99%") in {(i.level1, i.level3, i.value) for i in found}
    assert ("产出指标", "人员到位情况", "330人") in {(i.level1, i.level3, i.value) for i in found}
    assert len([x for x in lh.projects if x.source == "summary"]) == 43
    joined = project(lh, "全市政务公开和信息公开专项费")               # 004 lines 409-412
    assert joined.amount_yuan == 12000 and joined.flags == ["name-joined:412"]
    assert all(i.project == joined.name for i in lh.indicators if i.project_code == joined.code)
    assert project(lh, "12345市长热线软件平台系统运行维护费").code == "4111002300000000024412"
    assert project(lh, "政务热线灾害响应应急体系建设").amount_yuan is None
    i = ind(lh, line=331)                    # a pair printed one column to the right
    assert (i.level1, i.level3, i.number, i.flags) == ("产出指标", "活动完成时间", "2023-12-31", ["realigned"])
    assert [(u.code, u.yuan) for u in lh.units][:2] == [("001", 14580500), ("001001", 3437000)]
