"""上海市应急管理局执法总队 2026 年单位预算 (上海市2026年市级单位预算), imported from the PDF as published.

A unit whose name does not carry the region: the region is the one its cover names (上海市).  Its key
figures are the ones read by hand from the document: 收支总计 17,312,300 元, 基本支出 13,989,000 元,
项目支出 3,323,300 元, “三公”经费 43.50 万元.  Its 支出预算总表 ends on page 11 with its 合计; page 12 prints the
title of the next table (财政拨款收支预算总表) inside that table's ruled area, under an empty row: two tables,
never one without its 合计.
"""

from pathlib import Path

import pytest

from generator.audit import audit
from generator.audit.figures import headline
from tests.documents import parsed

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
NAME = "sh-yingjiju-zhifazongdui-2026-unit-budget.pdf"


@pytest.fixture(scope="module")
def unit():
    return parsed(NAME)


def test_identity_with_the_region_from_the_cover(unit):
    assert (unit.region, unit.department, unit.year, unit.phase, unit.scope) == (
        "上海市", "上海市应急管理局执法总队", 2026, "预算", "单位")
    assert unit.edition == "2026-unit-budget"


def test_key_figures_as_printed(unit):
    f = headline(unit)
    assert f["total.income"].yuan == f["total.expenditure"].yuan == 17_312_300
    assert (f["basic"].yuan, f["project"].yuan) == (13_989_000, 3_323_300)
    assert f["three_public"].yuan == 435_000                          # 43.50 万元: this table is printed in 万元


def test_nine_tables_every_figure_placed_and_nothing_to_find(unit):
    assert [t.kind for t in unit.tables] == ["summary", "income", "expenditure", "fiscal_summary",
                                             "general_budget_function", "gov_fund", "state_capital",
                                             "basic_economic", "three_public"]
    (c,) = unit.coverage
    assert c.landed == c.printed == 214
    expenditure = next(t for t in unit.tables if t.kind == "expenditure")
    assert expenditure.rows[-1].kind == "total" and expenditure.rows[-1].amount("total") == 17_312_300
    assert not audit(unit)
