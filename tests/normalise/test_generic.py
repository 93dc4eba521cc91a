"""Partial import: a table no kind recognises is kept as printed, never lost and never guessed."""

import shutil

import pytest

from generator.audit import import_notes
from generator.cli import main
from generator.core.errors import DocumentError
from generator.core.vocabulary import Kind
from generator.normalise import disclosure as D
from generator.normalise.coverage import report
from generator.normalise.disclosure import parse_document, refuse_unrecognised
from generator.read import read_source
from tests.conftest import SOURCES

NAME = "002_6135dd0a992c02e5.txt"           # 济源市行政服务中心 2024: its 项目支出表 is given a title of no known kind
TITLE = "2024年重点工作经费安排表"


def _text() -> str:
    text = (SOURCES / NAME).read_text(encoding="utf-8")
    assert text.count("2024年项目支出表") == 1
    return text.replace("2024年项目支出表", TITLE)


@pytest.fixture(scope="module")
def parsed():
    return parse_document(read_source(NAME, _text().encode("utf-8")))


def test_an_unknown_table_is_kept_as_printed_with_every_figure(parsed):
    generic = [t for t in parsed.tables if t.kind == Kind.GENERIC]
    assert [t.title for t in generic] == [TITLE]
    t = generic[0]
    assert t.id == "generic" and t.unit == "万元"
    original = parse_document(read_source(NAME, (SOURCES / NAME).read_bytes()))
    projects = next(x for x in original.tables if x.kind == Kind.PROJECT_LIST)
    printed = sorted(c.printed for r in projects.rows for c in r.cells if c.printed)
    assert sorted(c.printed for r in t.rows for c in r.cells if c.printed) == printed
    for r in t.rows:                                   # exact 元, each row with its printed line
        for c in r.cells:
            assert c.yuan == round(float(c.printed.replace(",", "")) * 10000)
        assert _text().split("\n")[r.line - 1].startswith(r.label or "")
    assert any(t.kind == Kind.SUMMARY for t in parsed.tables)         # the rest is read as before


def test_it_is_counted_reported_and_noted(parsed):
    lines = report(parsed.coverage[0])
    assert "(1 table of no known kind kept as printed)" in lines[0]
    assert any(TITLE in line and "kept as printed" in line for line in lines[1:])
    notes = [n for n in import_notes(parsed) if n.check == "not-recognised"]
    generic = next(t for t in parsed.tables if t.kind == Kind.GENERIC)
    assert len(notes) == 1 and TITLE in notes[0].message and notes[0].line == generic.lines[0]


def test_strict_refuses_it_naming_the_line(parsed):
    with pytest.raises(DocumentError, match="not one of the known kinds") as e:
        refuse_unrecognised(parsed)
    generic = next(t for t in parsed.tables if t.kind == Kind.GENERIC)
    assert e.value.line == generic.lines[0]


def test_import_keeps_it_and_strict_refuses(tmp_path, capsys):
    doc = tmp_path / NAME
    doc.write_text(_text(), encoding="utf-8")
    assert main(["import", str(doc), "--data", str(tmp_path / "strict"), "--strict", "--no-cache", "--jobs", "1"]) == 1
    assert "not one of the known kinds" in capsys.readouterr().err
    assert not (tmp_path / "strict").exists()
    assert main(["import", str(doc), "--data", str(tmp_path / "data"), "--no-cache", "--jobs", "1"]) == 0
    assert main(["check", "--data", str(tmp_path / "data")]) == 0
    out = capsys.readouterr().out
    assert "not-recognised" in out or "不是已知种类的表格" in out


def test_a_performance_sheet_in_an_unknown_layout_is_kept_as_printed(monkeypatch):
    def unknown_layout(raw, doc):
        raise DocumentError(doc, raw.start, "the performance-target table has no indicator grid")

    monkeypatch.setattr(D.P, "parse_department", unknown_layout)
    d = parse_document(read_source(NAME, (SOURCES / NAME).read_bytes()))
    generic = [t for t in d.tables if t.kind == Kind.GENERIC]
    assert [t.title for t in generic] == ["部门（单位）整体绩效目标表"]
    assert not d.targets and not d.tasks


def test_a_document_of_unknown_tables_only_is_refused():
    text = "2024年某市某局部门预算\n\n某市特色表\n单位：万元\n事项\t金额\n甲\t60.00\n乙\t40.00\n合计\t100.00\n"
    with pytest.raises(DocumentError, match="no core budget table"):
        parse_document(read_source("x.txt", text.encode("utf-8")))


@pytest.mark.slow
def test_the_page_shows_it_under_its_title_marked_not_recognised(tmp_path):
    from generator.site.build.run import build
    from tests.conftest import ROOT

    doc = tmp_path / NAME
    doc.write_text(_text(), encoding="utf-8")
    assert main(["import", str(doc), "--data", str(tmp_path / "data"), "--no-cache", "--jobs", "1"]) == 0
    out = tmp_path / "out"
    build(ROOT, tmp_path / "data", out, use_cache=False)
    page = next(p for p in out.glob("departments/*/*/2024-budget/index.html"))
    html = page.read_text(encoding="utf-8")
    assert TITLE in html and 'class="unrecognised"' in html
    csvs = list(page.parent.glob("**/generic.csv")) or list(out.glob("open-data/**/generic.csv"))
    assert csvs, "the table downloads as CSV"
    shutil.rmtree(out)
