"""The store: what is written reads back as the same typed disclosure, and the import is all or nothing."""

import copy

import pytest

from generator.core.errors import DataError
from generator.store.layout import DISCLOSURES, disclosure_dirs
from generator.store.read import load_all, load_disclosure
from generator.store.registry import Registry
from generator.store.write import write_data


def test_every_sample_disclosure_reads_back_equal(disclosures, tmp_path):
    written = copy.deepcopy(list(disclosures.values()))
    registry = Registry()
    for d in written:
        registry.ensure(d.region, d.department)
    write_data(tmp_path / "data", {}, written, registry)
    read = {d.department: d for d in load_all(tmp_path / "data")}
    assert set(read) == set(disclosures)
    for d in written:
        back = read[d.department]
        for name in ("tables", "indicators", "tasks", "targets", "budget", "projects", "units", "statements",
                     "glossary", "sections", "merge_findings", "sources"):
            assert getattr(back, name) == getattr(d, name), (d.department, name)
        assert back == d


def test_unreadable_data_is_refused_with_its_folder(tmp_path):
    import shutil

    from tests.conftest import ROOT

    shutil.copytree(ROOT / "data", tmp_path / "data")
    folder = disclosure_dirs(tmp_path / "data")[0]
    (folder / "money.csv").write_text("table,row\nsummary,1\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_disclosure(folder)
    assert str(folder) in str(err.value) and "budgetsite check" in str(err.value)


def test_two_disclosures_in_one_folder_are_refused_and_nothing_changes(disclosures, tmp_path):
    one = copy.deepcopy(next(iter(disclosures.values())))
    registry = Registry()
    registry.ensure(one.region, one.department)
    with pytest.raises(DataError, match="same folder"):
        write_data(tmp_path / "data", {}, [one, copy.deepcopy(one)], registry)
    assert not (tmp_path / "data" / DISCLOSURES).exists()
