"""Figures from the five real disclosures, table by table."""

from tests.conftest import row, table

ZZ = "郑州市人民政府办公厅"
ZW = "郑州市政务服务办公室"
JY = "济源市行政服务中心"
LH = "漯河市人民政府办公室"


def test_four_department_years_and_merge(disclosures):
    assert sorted(disclosures) == sorted([ZZ, ZW, JY, LH])
    zz = disclosures[ZZ]
    assert (zz.region, zz.year, zz.phase) == ("郑州市", 2020, "预算")
    assert [s.name for s in zz.sources] == ["000_0794aadfb6c0e8a0.txt", "001_1bd6e9010bb7a5e7.txt"]
    assert all(len(s.sha256) == 64 for s in zz.sources)
    assert (disclosures[LH].region, disclosures[LH].year) == ("漯河市", 2023)


def test_000_tables_in_yuan(disclosures):
    zz = disclosures[ZZ]
    s = table(zz, "summary")
    assert row(s, kind="total", side="income").amount("income") == 86412027
    exp = table(zz, "expenditure")
    r = row(exp, code="2010301")
    assert (r.amount("total"), r.amount("basic.wages"), r.amount("basic.goods")) == (38957504, 22848784, 16088560)
    assert r.canonical == "行政运行" and r.level == 3 and r.parent == "20103"
    unit = row(table(zz, "general_budget_function"), kind="unit")
    assert unit.unit_code == "003001"              # printed "0030 01"
    econ = table(zz, "general_budget_economic")
    r = row(econ, code="30227")
    assert r.code2 == "50205" and r.amount("project.other") == 18130000 and r.amount("project.construction") in (0, None)
    assert "unreconciled" in row(econ, code="30201").flags
    three = table(zz, "three_public")
    assert row(three, code="total").amount("amount") == 980000
    assert row(three, code="vehicle_operation").amount("amount") == 900000
    assert row(three, code="abroad").amount("amount") == 0
    assert table(zz, "gov_fund").empty and "没有政府性基金收入" in table(zz, "gov_fund").notes[0]
    proc = table(zz, "procurement")
    assert row(proc, kind="total").amount("amount") == 630000
    assert row(proc, label="投影仪").text["quantity"] == "6"


def test_002_tables_in_wan_one_decimal(disclosures):
    zw = disclosures[ZW]
    gb = table(zw, "general_budget_function")
    assert row(gb, code="201").amount("total") == 24327000
    assert row(gb, code="2089999").amount("total") == 5000
    exp = table(zw, "expenditure")
    total = row(exp, kind="total")
    assert total.amount("basic.goods") == 540000 and total.amount("basic.family") is None
    assert row(exp, code="2010301").amount("basic.goods") == 540000
    three = table(zw, "three_public")
    assert row(three, code="total").amount("amount") == 29000
    assert row(three, code="vehicles").amount("amount") == 23000
    assert row(three, code="reception").amount("amount") == 6000
    assert row(three, code="abroad").amount("amount") is None      # printed blank, not 0
    basic = table(zw, "basic_economic")
    assert row(basic, code="30112", code2="50102").amount("total") == 57000
    projects = table(zw, "project_list")
    assert row(projects, label="政务服务大厅派驻人员绩效奖励经费项目").amount("total") == 6100000


def test_003_and_004(disclosures):
    jy = disclosures[JY]
    econ = table(jy, "economic_summary")
    assert row(econ, code="30227").amount("total") == 8172000
    assert row(econ, code="302").level == 1
    assert row(table(jy, "three_public"), code="total").amount("amount") == 61000
    summary = table(jy, "summary")
    assert row(summary, label="一、基本支出").amount("total") == 5608000
    lh = disclosures[LH]
    basic = table(lh, "basic_economic")
    bonuses = [r for r in basic.rows if r.code == "30103" and r.amount("total") == 816200]
    assert len(bonuses) == 2                     # repeated money rows are kept
    fiscal = table(lh, "fiscal_summary")
    r = row(fiscal, code="210")
    assert r.amount("total") == 1224600 and r.amount("general_budget.appropriation") == 1224600
    assert r.amount("carryover") is None


def test_glossary_as_printed(disclosures):
    zz = {t.term: t for t in disclosures[ZZ].glossary}
    zw = {t.term: t for t in disclosures[ZW].glossary}
    assert len(zz) == 8 and len(zw) == 10
    assert zz["财政拨款收入"].definition == "是指市级财政当年拨付的资金。"
    assert zw["财政拨款收入"].definition.startswith("是指同级财政当年拨付的资金；包括一般公共预算拨款")
    assert zz["“三公”经费"].definition.endswith("公务接待（含外宾接待）支出。")   # wrapped line joined
    assert zz["财政拨款收入"].line == 194


def test_narrative_sections(disclosures):
    keys = [s.key for s in disclosures[ZZ].sections]
    assert keys == ["duties", "structure", "staff", "vehicles", "overview", "income", "expenditure", "changes",
                    "running_costs", "economic", "procurement", "assets", "performance", "transfers", "empty_tables"]
    staff = next(s for s in disclosures[ZZ].sections if s.key == "staff")
    assert "编制 275 人" in staff.markdown and staff.line == 84


def test_002_unit_row_follows_the_total_row(disclosures):
    # line 219 prints the unit with the 合计 row's figures, empty cells dropped; 54.0 is 商品和服务支出
    exp = table(disclosures[ZW], "expenditure")
    unit = row(exp, kind="unit")
    assert (unit.line, unit.amount("basic.goods"), unit.amount("basic.family")) == (219, 540000, None)
    assert unit.flags == ["realigned-like-row:1"]
