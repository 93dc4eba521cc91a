"""The import's coverage: every table-like block reported, every printed figure placed or named."""

from generator.core.model import Coverage
from generator.normalise import coverage
from generator.read.layout import Document, RawTable, Row
from tests.documents import layout, parsed

PDF = "sh-putuo-zhengfuban-2025-unit-budget.pdf"


def parse(name):
    return parsed(name)


def test_every_figure_of_a_real_pdf_lands():
    (c,) = parse(PDF).coverage
    assert (len(c.tables), c.landed, c.printed) == (9, 231, 231)
    assert coverage.report(c) == [f"{PDF}: 9 of 9 tables, 231 of 231 figures"]
    summary = c.tables[0]
    assert (summary.kind, summary.page, summary.line) == ("summary", 8, 82)


def test_every_seed_figure_lands_and_codes_and_column_numbers_are_not_figures():
    for name in ("000_0794aadfb6c0e8a0.txt", "003_36e6ff10aed0ebfb.txt", "004_a0ea54e8da336276.txt"):
        (c,) = parse(name).coverage
        assert c.printed > 250 and c.landed == c.printed, name


def _doc(lines):
    return Document("t.txt", "0" * 64, tuple(lines))


def test_a_figure_that_did_not_land_is_named_with_its_line():
    d = parse(PDF)
    raw_doc = layout(PDF)
    raw = next(r for r in raw_doc.tables if r.start == d.tables[1].lines[0] or r.title == d.tables[1].title)
    table = d.tables[1]
    lost = table.rows[3].cells.pop(0)                       # as if a parser had dropped one cell
    covered = coverage.money_table(raw, table, raw_doc.document)
    assert covered.printed - covered.landed == 1
    (u,) = covered.unplaced
    assert (u.printed, u.line, u.page) == (lost.printed, table.rows[3].line, 9)
    report = coverage.report(Coverage(PDF, [covered]))
    assert report[0].endswith(f"{covered.landed} of {covered.printed} figures")
    assert f"{PDF}:{u.line} (page 9) the figure {lost.printed}" in report[1]


def test_an_unrecognised_block_without_figures_is_reported():
    raw = RawTable(5, 7, [Row(6, ["说明", "内容"]), Row(7, ["备注", "无"])], title="附表说明")
    covered = coverage.other_table(raw, None, _doc(["x"] * 8))
    (line,) = coverage.report(Coverage("t.txt", [covered]))[1:]
    assert "t.txt:5" in line and "not recognised" in line and "附表说明" in line


def test_column_numbering_rows_are_headers():
    assert coverage._column_numbers(["**", "**", "1", "2", "3"])
    assert not coverage._column_numbers(["201", "1", "2"]) and not coverage._column_numbers(["1"])
