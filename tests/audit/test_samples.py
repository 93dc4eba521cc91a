"""The audit against the committed data: the real inconsistencies are found, rounding is not flagged."""

import pytest

from generator.audit import audit
from generator.audit.figures import headline
from generator.store.read import load_disclosure
from tests.conftest import ROOT

DATA = ROOT / "data" / "disclosures"
PATHS = {
    "000": DATA / "zhengzhou/renminzhengfubangongting/2020-budget",
    "002": DATA / "zhengzhou/zhengwufuwubangongshi/2024-budget",
    "003": DATA / "jiyuan/xingzhengfuwuzhongxin/2020-budget",
    "004": DATA / "luohe/renminzhengfubangongshi/2023-budget",
}


@pytest.fixture(scope="module")
def findings():
    return {k: audit(load_disclosure(p)) for k, p in PATHS.items()}


def by_check(found, check):
    return [f for f in found if f.check == check]


def test_000_tasks(findings):
    tasks = by_check(findings["000"], "task")
    assert {(f.line, f.expected, f.found) for f in tasks} == {
        (451, "3300.8 万元", "3300.9 万元"),                # task 3: 合计 vs 其中财政资金
        (449, "8,641.20 万元", "8,337.50 万元"),            # the tasks do not add up to the budget
    }
    assert all(f.document == "000_0794aadfb6c0e8a0.txt" for f in tasks)


def test_narrative_figures_reconcile_with_tables():
    d = load_disclosure(PATHS["000"])
    figures = headline(d)
    assert figures["total.expenditure"].yuan == 86412027
    stated = {(s.measure, s.yuan) for s in d.statements if s.yuan is not None}
    assert ("total.expenditure", 86412000) in stated          # 8641.20 万元
    assert ("basic", 50523500) in stated and figures["basic"].yuan == 50523527
    assert ("three_public", 980000) in stated and figures["three_public"].yuan == 980000
    assert ("procurement", 630000) in stated and figures["procurement"].yuan == 630000
    staff = {s.measure: s.count for s in d.statements if s.count is not None}
    assert staff == {"staff.authorised": 275, "staff.active": 242, "staff.retired": 94, "vehicles": 20}


def test_narrative_agrees_in_every_seed_but_003_three_public_change(findings):
    narrative = {k: by_check(f, "narrative") for k, f in findings.items()}
    assert narrative["000"] == narrative["002"] == narrative["004"] == []
    (only,) = narrative["003"]
    assert (only.line, only.expected, only.found) == (86, "-2.40 万元", "0.00 万元")


def test_a_narrative_figure_that_disagrees_is_reported(tmp_path):
    import shutil
    copy = tmp_path / "d"
    shutil.copytree(PATHS["002"], copy)
    st = copy / "statements.csv"
    st.write_text(st.read_text(encoding="utf-8").replace("2562,万元,0,25620000", "2652,万元,0,26520000", 1),
                  encoding="utf-8")
    (f,) = by_check(audit(load_disclosure(copy)), "narrative")
    assert f.line == 65 and f.found == "2652 万元" and f.expected == "25,620,000 元"


def test_rounding_is_not_flagged(findings):
    # 002: class 201 printed 2,432.7 while its rows add to 2,432.8
    assert not [f for f in findings["002"] if f.check in ("subtotal", "column-sum")]


def test_004_units_add_up(findings):
    assert by_check(findings["004"], "project-sum") == []
