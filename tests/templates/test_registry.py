"""The template registry: each family is well formed, shown by a bundled document, and its words at work.

The bundled disclosures keep the text form of each document they were read from
(``data/disclosures/…/text/``); reading that text again gives the same tables
and lines without parsing a PDF, so every family is tried on its documents here
in a fraction of a second.
"""

from __future__ import annotations

import json
import re
from functools import cache

import pytest

from generator.read import read_source
from generator.read.layout import Layout
from generator.recognise.identity import find_department
from generator.recognise.kinds import recognising_rule
from generator.templates.family import ALL, HEAD, LABELS
from generator.templates.registry import FAMILIES, TABLE_RULES, family
from tests.conftest import ROOT

HELD = (ROOT / "data" / "sources", ROOT / "tests" / "samples")
DISCLOSURES = ROOT / "data" / "disclosures"


@cache
def text_forms() -> dict[str, tuple[Layout, dict]]:
    """Each bundled document's text form, read again, with its disclosure's identity, by file name."""
    out = {}
    for path in sorted(DISCLOSURES.glob("*/*/*/text/*.txt")):
        identity = json.loads((path.parent.parent / "disclosure.json").read_text(encoding="utf-8"))
        out[path.name.removesuffix(".txt")] = (read_source(f"{path.stem}.txt", path.read_bytes()), identity)
    return out


def test_every_table_rule_has_an_order_of_its_own():
    orders = [r.order for r in TABLE_RULES]
    assert len(orders) == len(set(orders)), "two rules with one order: which is tried first is unsaid"
    assert orders == sorted(orders)


def test_every_family_is_named_once_and_says_where_it_was_seen():
    names = [f.name for f in FAMILIES]
    assert len(names) == len(set(names))
    for f in FAMILIES:
        assert f.seen and f.samples, f.name
        assert family(f.name) is f


@pytest.mark.parametrize("fam", FAMILIES, ids=lambda f: f.name)
def test_each_family_is_shown_by_documents_the_repository_holds(fam):
    for sample in fam.samples:
        assert any((d / sample).is_file() for d in HELD), f"{fam.name}: {sample} is in neither data/sources nor tests/samples"
    assert any(s in text_forms() for s in fam.samples), f"{fam.name}: no sample is bundled in the sample site"


@pytest.mark.parametrize("fam", [f for f in FAMILIES if f.tables], ids=lambda f: f.name)
def test_each_familys_table_rules_recognise_tables_of_its_samples(fam):
    used = {recognising_rule(t).family for s in fam.samples if s in text_forms()
            for t in text_forms()[s][0].tables if recognising_rule(t)}
    assert fam.name in used


def test_every_table_rule_recognises_a_table_of_some_bundled_document_or_of_a_test():
    """A rule no document needs is a guess: each is needed by a bundled table or named in a recognition test."""
    fired = {recognising_rule(t).order for layout, _ in text_forms().values() for t in layout.tables
             if recognising_rule(t)}
    tested = (ROOT / "tests" / "recognise" / "test_kinds.py").read_text(encoding="utf-8")
    for rule in TABLE_RULES:
        if rule.order in fired:
            continue
        words = rule.clue.title or rule.clue.first
        assert any(w in tested for w in words), f"rule {rule.order} ({rule.family}) is shown by no document or test"


@pytest.mark.parametrize("fam", [f for f in FAMILIES if f.names], ids=lambda f: f.name)
def test_each_familys_name_forms_are_well_formed(fam):
    for form in fam.names:
        assert form.lines in (HEAD, LABELS, ALL)
        assert "name" in form.regex().groupindex


def test_the_department_is_found_again_in_every_bundled_document():
    for name, (layout, identity) in text_forms().items():
        department, _ = find_department(layout.texts, layout.tables)
        if department is None:
            assert name.endswith("-narrative.pdf") or not layout.tables, name
            continue
        assert department == identity["department"], name


def test_a_page_mark_of_a_family_is_no_title():
    from generator.templates.registry import PAGE_MARK
    assert PAGE_MARK.match("预算 3 表") and not PAGE_MARK.match("预算表")
    assert all(re.compile(p) for f in FAMILIES for p in f.page_marks)
