"""江苏省人大常委会办公厅 2019 年部门预算, the tables file: each table numbered (公开表一 …) under its title."""

from pathlib import Path

import pytest

from generator.audit import audit
from generator.audit.figures import headline
from generator.normalise.merge import merge
from tests.conftest import row, table
from tests.documents import parsed

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
TABLES = "js-renda-2019-budget-tables.pdf"


@pytest.fixture(scope="module")
def renda():
    (d,) = merge([parsed(TABLES)])
    return d


def test_identity(renda):
    assert (renda.region, renda.department, renda.year, renda.phase, renda.scope) == (
        "江苏省", "江苏省人大常委会办公厅", 2019, "预算", "部门")


def test_every_table_is_known_by_its_title_not_its_number(renda):
    assert [t.id for t in renda.tables] == [
        "summary", "income", "expenditure", "fiscal_summary", "fiscal_function", "basic_economic",
        "general_budget_function", "basic_economic-2", "three_public", "gov_fund", "running_costs_economic",
        "procurement"]
    assert table(renda, "summary").title == "收支预算总表"
    # 公开表十一 is framed with its page: its title ends the empty table above instead of joining it
    assert row(table(renda, "running_costs_economic"), kind="total").amount("机关运行经费支出") == 16_420_800
    assert table(renda, "gov_fund").empty


def test_key_figures(renda):
    f = headline(renda)
    assert f["total.income"].yuan == f["total.expenditure"].yuan == 183_303_700        # 18,330.37 万元
    assert (f["basic"].yuan, f["project"].yuan) == (93_129_000, 64_595_800)
    assert f["three_public"].yuan == 7_676_000
    (c,) = renda.coverage
    assert c.landed == c.printed and audit(renda) == []
