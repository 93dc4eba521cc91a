"""上海市普陀区人民政府办公室 2025 年单位预算, imported from the PDF as published (元 with 分)."""

from decimal import Decimal

import pytest

from generator.audit import audit
from generator.audit.figures import headline
from tests.conftest import row, table
from tests.documents import parsed

NAME = "sh-putuo-zhengfuban-2025-unit-budget.pdf"


@pytest.fixture(scope="module")
def unit():
    return parsed(NAME)




def test_identity_is_a_unit_budget_of_a_district(unit):
    assert (unit.region, unit.department, unit.year, unit.phase, unit.scope) == (
        "上海市普陀区", "上海市普陀区人民政府办公室", 2025, "预算", "单位")
    assert unit.edition == "2025-unit-budget" and unit.name == "2025 年单位预算"


def test_headline_figures_are_exact_to_the_fen(unit):
    f = headline(unit)
    assert f["total.income"].yuan == f["total.expenditure"].yuan == Decimal("91016775.35")
    assert (f["basic"].yuan, f["project"].yuan) == (Decimal("24606775.35"), 66_410_000)
    assert f["three_public"].yuan == 8_675_000                        # 867.50 万元: this table is printed in 万元
    assert (f["three_public.abroad"].yuan, f["three_public.reception"].yuan) == (8_390_000, 285_000)
    vehicles = row(table(unit, "three_public"), code="vehicles")
    assert vehicles.cell("amount").printed == "" and "three_public.vehicles" not in f     # printed blank: no figure
    assert f["running_costs"].yuan == 2_132_800                       # 机关运行经费 213.28 万元


def test_every_table_kind(unit):
    assert [t.kind for t in unit.tables] == ["summary", "income", "expenditure", "fiscal_summary",
                                             "general_budget_function", "gov_fund", "state_capital",
                                             "basic_economic", "three_public"]
    # a function-code row, its cents kept
    r = row(table(unit, "expenditure"), code="2010301")
    assert (r.label, r.amount("total"), r.amount("basic"), r.amount("project")) == (
        "行政运行", Decimal("12029501.84"), Decimal("11919501.84"), 110_000)
    # an economic-code row, and the printed text beside the exact value
    basic = table(unit, "basic_economic")
    cell = row(basic, code="30108").cell("total")
    assert (cell.printed, cell.yuan) == ("1,763,159.52", Decimal("1763159.52"))
    assert table(unit, "gov_fund").empty and "空表" in table(unit, "gov_fund").notes[0]


def test_narrative_and_an_audit_without_findings(unit):
    assert [s.key for s in unit.sections][:3] == ["duties", "structure", "overview"]
    assert [t.term for t in unit.glossary][:2] == ["财政拨款收入", "事业收入"]
    stated = {s.measure: s.yuan for s in unit.statements if s.yuan is not None}
    assert stated["total.income"] == 91_016_800                       # 9,101.68 万元, within its rounding
    # every sum of the document agrees to the 分, and the narrative agrees with the tables
    assert audit(unit) == []
