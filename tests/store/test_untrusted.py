"""The data directory is untrusted input: links, unsafe names and misplaced folders are refused by check,
never followed or published, and never a traceback."""

import csv
import io
import json
import os
import shutil

import pytest

from generator.audit.check import check_data, format_report
from generator.cli import main
from generator.core.errors import DataError
from generator.store import registry
from generator.store import schema as S
from generator.store.layout import (DISCLOSURES, disclosure_dirs, disclosure_folders, name_problem, source_files,
                                    unprintable)
from generator.store.read import load_all, load_disclosure
from tests.conftest import ROOT

FOLDER = "zhengzhou/zhengwufuwubangongshi/2024-budget"      # one text source: 002_6135dd0a992c02e5.txt
LINK = "is a symbolic link; the data folder holds only plain files and folders"


@pytest.fixture(scope="module")
def one_disclosure(tmp_path_factory):
    """The bundled data cut down to ``FOLDER`` and its one source, with the whole registry: each test below
    breaks one thing in it, and a tenth of the data is copied and checked per test rather than all of it."""
    data = tmp_path_factory.mktemp("one") / "data"
    (data / "sources").mkdir(parents=True)
    shutil.copy2(ROOT / "data" / "registry.yaml", data / "registry.yaml")
    shutil.copy2(ROOT / "data" / "sources" / "002_6135dd0a992c02e5.txt", data / "sources")
    shutil.copytree(ROOT / "data" / DISCLOSURES / FOLDER, data / DISCLOSURES / FOLDER)
    report = check_data(data)
    assert report.valid and len(report.audited) == 1, report.problems     # unbroken, it checks clean
    return data


@pytest.fixture
def data(one_disclosure, tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(one_disclosure, copy)
    return copy


def _edit_json(folder, **changes):
    file = folder / "disclosure.json"
    meta = json.loads(file.read_text(encoding="utf-8"))
    meta.update(changes)
    file.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _problems(data):
    report = check_data(data)
    assert not report.valid and not report.audited
    return report.problems


def test_the_bundled_data_has_nothing_unsafe():
    assert S.unsafe_paths(ROOT / "data") == []
    assert len(source_files(ROOT / "data")) == len(os.listdir(ROOT / "data" / "sources"))
    for folder in disclosure_dirs(ROOT / "data"):
        meta = json.loads((folder / "disclosure.json").read_text(encoding="utf-8"))
        assert S.identity_problems(meta, folder) == []


def test_a_linked_source_is_named_by_check_and_never_published(data, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0\n", encoding="utf-8")
    link = data / "sources" / "x.txt"
    link.symlink_to(secret)
    assert f"{link} {LINK}" in _problems(data)
    assert "x.txt" not in source_files(data)
    assert "002_6135dd0a992c02e5.txt" in source_files(data)


def test_a_linked_source_the_disclosure_names_is_not_a_source(data, tmp_path):
    source = data / "sources" / "002_6135dd0a992c02e5.txt"
    outside = tmp_path / "outside.txt"
    source.rename(outside)
    source.symlink_to(outside)
    problems = _problems(data)
    assert f"{source} {LINK}" in problems
    assert any("source '002_6135dd0a992c02e5.txt' is not in sources/" in p for p in problems)
    assert "002_6135dd0a992c02e5.txt" not in source_files(data)


def test_a_link_loop_in_sources_is_a_problem_not_a_traceback(data, capsys):
    loop = data / "sources" / "loop.pdf"
    loop.symlink_to(loop)
    (data / "sources" / "a.pdf").symlink_to(data / "sources" / "b.pdf")
    (data / "sources" / "b.pdf").symlink_to(data / "sources" / "a.pdf")
    problems = _problems(data)
    assert {f"{data / 'sources' / n} {LINK}" for n in ("loop.pdf", "a.pdf", "b.pdf")} <= set(problems)
    assert not {"loop.pdf", "a.pdf", "b.pdf"} & set(source_files(data))
    assert main(["check", "--data", str(data)]) == 1
    out = capsys.readouterr()
    assert "loop.pdf " + LINK in out.out and "Traceback" not in out.err


def test_a_linked_disclosure_folder_is_neither_listed_nor_read(data, tmp_path):
    outside = tmp_path / "elsewhere" / "2024-budget"
    shutil.copytree(data / DISCLOSURES / FOLDER, outside)
    _edit_json(outside, department_slug="linked")
    (data / DISCLOSURES / "zhengzhou" / "linked").mkdir()
    link = data / DISCLOSURES / "zhengzhou" / "linked" / "2024-budget"
    link.symlink_to(outside, target_is_directory=True)
    region = data / DISCLOSURES / "elsewhere"
    region.symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert "zhengzhou/linked/2024-budget" not in disclosure_folders(data)
    assert not [f for f in disclosure_folders(data) if f.startswith("elsewhere/")]
    problems = _problems(data)
    assert f"{link} {LINK}" in problems and f"{region} {LINK}" in problems


def test_links_inside_a_disclosure_folder_are_named_and_not_read(data, tmp_path):
    folder = data / DISCLOSURES / FOLDER
    text = folder / "text" / "002_6135dd0a992c02e5.txt.txt"
    outside = tmp_path / "text.txt"
    text.rename(outside)
    text.symlink_to(outside)
    narrative = sorted((folder / "narrative").iterdir())[0]
    narrative.rename(tmp_path / "section.md")
    narrative.symlink_to(tmp_path / "section.md")
    problems = _problems(data)
    assert f"{text} {LINK}" in problems and f"{narrative} {LINK}" in problems
    with pytest.raises(DataError, match="symbolic link"):
        load_disclosure(folder)


def test_a_linked_text_folder_is_not_read(data, tmp_path):
    folder = data / DISCLOSURES / FOLDER
    (folder / "text").rename(tmp_path / "text")
    (folder / "text").symlink_to(tmp_path / "text", target_is_directory=True)
    assert f"{folder / 'text'} {LINK}" in _problems(data)
    with pytest.raises(DataError, match="symbolic link"):
        load_disclosure(folder)


def test_a_linked_registry_is_refused(data, tmp_path):
    (data / "registry.yaml").rename(tmp_path / "registry.yaml")
    (data / "registry.yaml").symlink_to(tmp_path / "registry.yaml")
    problems = _problems(data)
    assert problems.count(f"{data / 'registry.yaml'} {LINK}") == 1
    with pytest.raises(DataError, match="symbolic link"):
        registry.load(data)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_not_a_plain_file(data):
    fifo = data / DISCLOSURES / FOLDER / "text" / "pipe.txt"
    os.mkfifo(fifo)
    assert any(p.startswith(f"{fifo}: not a regular file") for p in _problems(data))


@pytest.mark.parametrize("slug", ["../../../../escaped", "..", "zheng/zhou", "a\\b", "-rf", "Zhengzhou",
                                  "zheng\nzhou", "zheng\x00zhou", "x" * 201, ""])
def test_an_unsafe_department_slug_is_refused_by_check_and_by_the_reader(data, slug):
    folder = data / DISCLOSURES / FOLDER
    _edit_json(folder, department_slug=slug)
    problems = _problems(data)
    assert f"{folder / 'disclosure.json'}: department_slug must be a slug (lower-case ASCII letters, digits and " \
           f"'-', not starting with '-', at most 200), found {slug!r}" in problems
    with pytest.raises(DataError, match="department_slug must be a slug"):
        load_disclosure(folder)


@pytest.mark.parametrize("slug", ["zheng\tzhou", "zheng/zhou"])
def test_an_unsafe_region_slug_is_refused(data, slug):
    folder = data / DISCLOSURES / FOLDER
    _edit_json(folder, region_slug=slug)
    assert any("region_slug must be a slug" in p and repr(slug) in p for p in _problems(data))


@pytest.mark.parametrize("slug", ["jiyuan\n", "ji/yuan", "../jiyuan", "-jiyuan"])
def test_an_unsafe_registry_slug_is_refused(data, slug):
    reg = data / "registry.yaml"
    reg.write_text(reg.read_text(encoding="utf-8").replace("slug: jiyuan", f"slug: {json.dumps(slug)}"),
                   encoding="utf-8")
    with pytest.raises(DataError, match="slug must be"):
        registry.load(data)
    assert any("registry.yaml" in p and "slug must be" in p for p in _problems(data))


def test_two_regions_with_one_slug_are_refused(data):
    reg = data / "registry.yaml"
    reg.write_text(reg.read_text(encoding="utf-8").replace("slug: jiyuan", "slug: luohe"), encoding="utf-8")
    with pytest.raises(DataError, match="already used by"):
        registry.load(data)


@pytest.mark.parametrize("year, expected", [("2024-budget", None), (2025, "2025-budget"), (True, None),
                                            (24, None), ("2024/../x", None)])
def test_a_renamed_or_misdated_disclosure_folder_is_refused(data, year, expected):
    folder = data / DISCLOSURES / FOLDER
    if year != "2024-budget":
        _edit_json(folder, year=year)
    else:
        renamed = folder.parent.parent / "renamed"
        folder.parent.rename(renamed)
        folder = renamed / "2024-budget"
    problems = _problems(data)
    if expected or year == "2024-budget":
        want = f"{DISCLOSURES}/zhengzhou/zhengwufuwubangongshi/{expected or '2024-budget'}"
        assert any(p.startswith(f"{folder}: the folder must be {want}, as its disclosure.json says")
                   for p in problems), problems
    else:
        assert f"{folder / 'disclosure.json'}: field 'year' must be a year of four digits, found {year!r}" \
            in problems
    with pytest.raises(DataError):
        load_disclosure(folder)


def test_a_folder_not_named_as_a_slug_or_an_edition_is_refused(data):
    src = data / DISCLOSURES / FOLDER
    bad = data / DISCLOSURES / "zhengzhou" / "Zheng Wu" / "2024-budget"
    shutil.copytree(src, bad)
    odd = data / DISCLOSURES / "zhengzhou" / "zhengwufuwubangongshi" / "2024"
    odd.mkdir()
    problems = _problems(data)
    assert f"{bad.parent}: a department folder must be named as a slug (lower-case ASCII letters, digits and '-', " \
           f"not starting with '-', at most 200), found 'Zheng Wu'" in problems
    assert any(p.startswith(f"{odd}: a disclosure folder must be named as an edition") for p in problems)


@pytest.mark.parametrize("document", ["../../../etc/passwd", "..", "a/b.txt", "a\\b.txt", ".hidden.txt",
                                      "a\x1bb.txt", "a\u202eb.txt", "x" * 252 + ".txt"])
def test_a_document_name_that_is_not_a_plain_file_name_is_refused_in_rows(data, document):
    folder = data / DISCLOSURES / FOLDER
    rows = folder / "rows.csv"
    records = list(csv.reader(io.StringIO(rows.read_text(encoding="utf-8"))))
    records[1][S.ROWS.fields.index("document")] = document
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(records)
    rows.write_text(out.getvalue(), encoding="utf-8")
    problems = _problems(data)
    assert any(p.startswith(f"{rows}:2: document must be") and repr(document) in p for p in problems), problems


@pytest.mark.parametrize("name", ["../../../../tmp/evil.txt", "x/y.txt", ".x.txt", "a\nb.txt"])
def test_a_source_name_that_is_not_a_plain_file_name_is_refused(data, name):
    folder = data / DISCLOSURES / FOLDER
    meta = json.loads((folder / "disclosure.json").read_text(encoding="utf-8"))
    meta["sources"][0]["name"] = name
    _edit_json(folder, sources=meta["sources"])
    problems = _problems(data)
    assert any("source name must be" in p and repr(name) in p for p in problems), problems
    with pytest.raises(DataError, match="source name must be"):
        load_disclosure(folder)


@pytest.mark.parametrize("table", ["../../../x", "summary/x", "Summary", "summary-2x"])
def test_a_table_id_a_file_name_is_made_of_is_checked(data, table):
    folder = data / DISCLOSURES / FOLDER
    meta = json.loads((folder / "disclosure.json").read_text(encoding="utf-8"))
    meta["tables"][0]["id"] = table
    _edit_json(folder, tables=meta["tables"])
    assert any("table id must be" in p and repr(table) in p for p in _problems(data))
    with pytest.raises(DataError, match="table id must be"):
        load_disclosure(folder)


def test_a_narrative_section_the_site_could_not_read_is_refused(data):
    folder = data / DISCLOSURES / FOLDER
    section = sorted((folder / "narrative").iterdir())[0]
    section.write_text("## 没有来源行\n", encoding="utf-8")
    assert f"{section}:1: expected the source line “<!-- source: FILE line N -->”" in _problems(data)


def test_malformed_data_files_are_problems_not_tracebacks(data):
    folder = data / DISCLOSURES / FOLDER
    (folder / "money.csv").write_bytes(b"\xff\xfe not utf-8")
    (folder / "performance.json").write_text('{"targets": [1], "budget": [], "projects": [], "units": []}',
                                             encoding="utf-8")
    meta = json.loads((folder / "disclosure.json").read_text(encoding="utf-8"))
    _edit_json(folder, sources=["002_6135dd0a992c02e5.txt"], merge_findings=[{"document": "../x"}])
    problems = _problems(data)
    assert any(p.startswith(f"{folder / 'money.csv'}: cannot read") for p in problems)
    assert f"{folder / 'performance.json'}: targets[0] must be an object" in problems
    assert f"{folder / 'disclosure.json'}: sources[0] must be an object" in problems
    assert any("merge_findings[0].document must be a plain file name" in p for p in problems)
    with pytest.raises(DataError):
        load_disclosure(folder)
    _edit_json(folder, sources=meta["sources"], merge_findings=[])
    with pytest.raises(DataError, match="cannot read the disclosure"):
        load_disclosure(folder)                                  # money.csv is not UTF-8
    (folder / "disclosure.json").write_text("[1, 2]", encoding="utf-8")
    assert f"{folder / 'disclosure.json'}: must be a JSON object with the keys format, region, department, year, " \
           f"phase, scope, region_slug, department_slug, sources, tables, merge_findings" in _problems(data)
    with pytest.raises(DataError, match="not a JSON object"):
        load_disclosure(folder)


@pytest.mark.parametrize("kind", ["file", "missing"])
def test_data_naming_a_file_or_nothing_is_a_clean_error(tmp_path, capsys, kind):
    path = tmp_path / "data"
    if kind == "file":
        path.write_text("not a folder\n", encoding="utf-8")
    said = "not a folder" if kind == "file" else "no such folder"
    assert check_data(path).problems == [S.unsafe_paths(path)[0]]
    assert said in check_data(path).problems[0]
    assert "invalid: " in format_report(check_data(path), path)
    with pytest.raises(DataError, match=said):
        load_all(path)
    if kind == "file":
        for read in (disclosure_folders, source_files, registry.load):
            with pytest.raises(DataError, match="not a folder"):
                read(path)
    else:
        assert disclosure_folders(path) == [] and source_files(path) == [] and registry.load(path).departments == []
    assert main(["check", "--data", str(path)]) == 1
    out = capsys.readouterr()
    assert said in out.out and "Traceback" not in out.err


def test_plain_names():
    assert name_problem("002_6135dd0a992c02e5.txt") is None
    assert name_problem("上海市普陀区 2024 年部门预算 (1).pdf") is None
    assert name_problem("a" * 255) is None
    for bad in ("", None, ".", "..", "../a", "a/b", "a\\b", ".a", "a\tb", "a\u2028b", "a\ud800b", "é" * 128):
        assert name_problem(bad) is not None, bad
    assert unprintable("a\u200bb") and not unprintable("部门　预算")
