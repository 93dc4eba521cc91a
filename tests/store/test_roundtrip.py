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


@pytest.mark.slow
def test_a_pdfs_text_form_is_kept_with_the_data_and_the_build_never_reads_a_pdf(tmp_path, monkeypatch):
    import shutil

    import generator.read as read
    from generator.api import build_site
    from generator.store.schema import validate_disclosure
    from tests.conftest import ROOT

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    folder = data / DISCLOSURES / "shanghai-putuo/weishehuigongzuobu/2024-final"
    (source,) = load_disclosure(folder).sources
    # line 282 is the one the audit cites (the execution sentence), on page 18 of the PDF
    assert source.text[281].startswith("一般公共预算财政拨款支出年初预算为 0 万元")
    assert source.page_of_lines()[281] == 18 and len(source.page_of_lines()) == source.lines == len(source.text)

    def refuse(*args, **kwargs):
        raise AssertionError("the build read a source document again")

    monkeypatch.setitem(read.READERS, ".pdf", refuse)
    monkeypatch.setitem(read.READERS, ".txt", refuse)
    build_site(ROOT, data, tmp_path / "out")
    page = (tmp_path / "out/open-data/sources/sh-putuo-shehuigongzuobu-2024-final.pdf.html").read_text(encoding="utf-8")
    assert "年初预算为 0 万元" in page

    text = folder / "text" / "sh-putuo-shehuigongzuobu-2024-final.pdf.txt"
    text.write_text("\n".join(source.text[:-1]) + "\n", encoding="utf-8")
    assert any("has %d lines" % (source.lines - 1) in p for p in validate_disclosure(folder))
    text.unlink()
    assert any("missing (the text form" in p for p in validate_disclosure(folder))
