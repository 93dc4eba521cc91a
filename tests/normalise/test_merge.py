"""Merging two documents of one department-year: tables join, differences are reported, never overwritten."""

from generator.core.model import Cell, Disclosure, Indicator, Source, Table, TableColumn, TableRow, Task
from generator.core.vocabulary import Kind
from generator.normalise.merge import merge


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
