"""The date of the assets against the disclosure's year."""

from generator.audit import dates
from tests.audit.texts import written

ASSETS = "截至 {} 年 {} 月 {} 日，本部门共有车辆 0 辆。"


def found(year, month, day, phase="决算", disclosed=2024):
    d = written("封面", ASSETS.format(year, month, day), phase=phase, year=disclosed)
    return [(f.line, f.found) for f in dates.asset_dates(d)]


def test_a_final_accounts_date_of_another_year_is_found():
    assert found(2023, 12, 31) == [(2, "2023 年")]
    assert found(2025, 12, 31) == [(2, "2025 年")]
    assert found(2024, 12, 31) == []
    assert found(2025, 6, 30) == []                  # published in the next year, as of then


def test_a_budget_states_the_assets_of_the_year_it_was_drawn_up_in():
    assert found(2025, 8, 31, phase="预算", disclosed=2026) == []
    assert found(2024, 12, 31, phase="预算", disclosed=2026) == [(2, "2024 年")]


def test_a_budget_cannot_state_its_assets_at_a_date_after_its_publication():
    assert found(2026, 8, 31, phase="预算", disclosed=2026) == [(2, "2026 年")]
    assert found(2026, 12, 31, phase="预算", disclosed=2026) == [(2, "2026 年")]
    assert found(2026, 1, 31, phase="预算", disclosed=2026) == []        # published weeks later


def test_a_date_outside_a_sentence_on_assets_is_not_read():
    d = written("封面", "截至 2023 年 12 月 31 日，项目已完成验收。")
    assert dates.asset_dates(d) == []
