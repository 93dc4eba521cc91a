"""The vocabulary is complete: every kind has a parser and known checks, every phase a unique slug."""

from generator.audit.tables import TABLE_CHECKS
from generator.core import vocabulary as V
from generator.normalise.disclosure import MONEY_PARSERS

PERFORMANCE_PARSERS = {V.DEPARTMENT_SHEET, V.PROJECT_SHEET, V.PROJECT_SHEET_CONTINUED, V.PROJECT_SUMMARY}


def test_every_kind_names_a_parser_that_exists():
    for kind in V.KINDS.values():
        parsers = PERFORMANCE_PARSERS if kind.family == V.Family.PERFORMANCE else MONEY_PARSERS
        assert kind.parser in parsers, kind.id


def test_every_check_a_kind_names_exists():
    for kind in V.KINDS.values():
        assert kind.checks <= set(TABLE_CHECKS) | {V.STATES_TOTAL, V.STATES_FISCAL_TOTAL}, kind.id


def test_phases_and_their_slugs():
    assert V.phase_slug("预算") == "budget" and V.phase_slug("决算") == "final"
    assert len(set(V.PHASES.values())) == len(V.PHASES) == len(V.Phase)


def test_three_public_parts_add_up_as_printed():
    assert [p.key for p in V.three_public_parts()] == ["abroad", "reception", "vehicles"]
    assert [p.key for p in V.three_public_parts("vehicles")] == ["vehicle_operation", "vehicle_purchase"]
    assert V.three_public_measure("total") == "three_public"
    assert V.MEASURES["three_public.vehicle_purchase"] == "其中：公务用车购置费"
