"""Merging two documents of one department-year: tables join, differences are reported, never overwritten."""

import pytest

from generator.core.errors import DocumentError
from generator.core.model import Cell, Disclosure, Indicator, Source, Table, TableColumn, TableRow, Task
from generator.core.vocabulary import Kind
from generator.normalise.merge import merge, same_department
from generator.recognise.identity import UNKNOWN_YEAR


def part(name, yuan=None, tasks=(), indicators=()):
    d = Disclosure("某市", "某市某局", 2024, "预算", sources=[Source(name, "0" * 64, "标题", 10)])
    if yuan is not None:
        t = Table("expenditure", Kind.EXPENDITURE, "支出表", name, (1, 5), "元", 0,
                  columns=[TableColumn("total", "合计", "money")])
        t.rows = [TableRow(1, 3, "合计", kind="total", cells=[Cell("total", str(yuan), yuan)])]
        d.tables.append(t)
    d.tasks, d.indicators = list(tasks), list(indicators)
    return d


def task(doc, amount):
    return Task("任务一", "内容", amount, None, amount, None, "", "万元", doc, 7)


def indicator(doc, level3, value="≥90%"):
    return Indicator("department", "", "产出", "数量", level3, value, "≥", "90", "", "%", "", "", doc, 9)


def test_documents_of_one_department_year_become_one_disclosure():
    (d,) = merge([part("a.txt", 100), part("b.txt")])
    assert [s.name for s in d.sources] == ["a.txt", "b.txt"] and len(d.tables) == 1
    assert d.merge_findings == []


def test_a_figure_printed_differently_is_reported_and_the_first_kept():
    (d,) = merge([part("a.txt", 100), part("b.txt", 120)])
    (f,) = d.merge_findings
    assert (f.check, f.expected, f.found, f.document) == ("merge-conflict", "100", "120", "a.txt")
    assert d.tables[0].rows[0].amount("total") == 100


def test_performance_tables_are_compared():
    same = merge([part("a.txt", 100, [task("a.txt", "5.0")], [indicator("a.txt", "完成率")]),
                  part("b.txt", None, [task("b.txt", "5.0")], [indicator("b.txt", "完成率")])])[0]
    assert same.merge_findings == []
    differs = merge([part("a.txt", 100, [task("a.txt", "5.0")], [indicator("a.txt", "完成率")]),
                     part("b.txt", None, [task("b.txt", "6.0")], [indicator("b.txt", "完成比率")])])[0]
    # 合计 and 其中：财政资金 of the task differ, and the indicator is worded differently
    assert [(f.check, f.severity) for f in differs.merge_findings] == [
        ("merge-conflict", "warning"), ("merge-conflict", "warning"), ("merge-wording", "info")]


def test_different_years_stay_apart():
    later = part("c.txt", 100)
    later.year = 2025
    assert [d.year for d in merge([part("a.txt", 100), later])] == [2024, 2025]


def test_a_document_that_prints_no_year_takes_it_from_its_partner():
    tables = part("tables.pdf", 100)
    tables.year = UNKNOWN_YEAR
    (d,) = merge([tables, part("narrative.pdf")])
    assert d.year == 2024 and [s.name for s in d.sources] == ["tables.pdf", "narrative.pdf"]
    alone = part("tables.pdf", 100)
    alone.year = UNKNOWN_YEAR
    with pytest.raises(DocumentError, match="cannot tell the budget year"):
        merge([alone])


def test_the_narrative_takes_the_name_the_tables_print():
    tables, narrative = part("tables.pdf", 100), part("narrative.pdf")
    tables.department, narrative.department = "中国共产党江苏省委员会办公厅", "江苏省委办公厅"
    (d,) = merge([narrative, tables])
    assert d.department == "中国共产党江苏省委员会办公厅" and len(d.sources) == 2
    # another department of the same year stays apart, and its narrative alone is refused
    other = part("other.pdf")
    other.department = "江苏省委组织部"
    with pytest.raises(DocumentError, match="no tables"):
        merge([tables, other])


def test_one_department_printed_in_full_or_short():
    assert same_department("中国共产党江苏省委员会办公厅", "中共江苏省委办公厅")
    assert same_department("中共江苏省委办公厅", "江苏省委办公厅")
    assert same_department("中国人民政治协商会议江苏省委员会办公厅", "江苏省政协办公厅")
    assert same_department("江苏省人民代表大会常务委员会办公厅", "江苏省人大常委会办公厅")
    assert not same_department("江苏省委办公厅", "江苏省政府办公厅")


def test_a_narrative_and_tables_that_disagree_on_the_year_are_refused_saying_so():
    tables, narrative = part("tables.pdf", 100), part("narrative.pdf")
    tables.year = 2025
    with pytest.raises(DocumentError, match=r"tables\.pdf, imported with it, holds the tables of 某市某局 2025.*"
                                            r"disagree on the year \(2024 and 2025\)"):
        merge([tables, narrative])
    # a narrative imported alone is refused as before: its tables are missing
    with pytest.raises(DocumentError, match="import the tables with it"):
        merge([part("narrative.pdf")])
