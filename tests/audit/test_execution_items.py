"""A 决算's narrative items (全年预算 / 支出决算 of each function item) against the table that prints them."""

from dataclasses import replace

from generator.audit.execution import item_figures, level_names, stated_items
from generator.core.model import Cell, Disclosure, Statement, Table, TableColumn, TableRow
from generator.core.vocabulary import Kind

SUBJECT = "一般公共服务支出（类）社会工作事务（款）行政运行（项）"


def _table() -> Table:
    t = Table(id="general_budget_function", kind=Kind.GENERAL_BUDGET_FUNCTION, title="一般公共预算财政拨款支出决算表",
              document="f.pdf", lines=(1, 9), unit="万元", decimals=2, columns=[TableColumn("total", "合计", "money")])
    for n, (code, level, parent, label, yuan) in enumerate([
            ("201", 1, None, "一般公共服务支出", 600_000), ("20139", 2, "201", "社会工作事务", 600_000),
            ("2013901", 3, "20139", "行政运行", 513_200), ("2013950", 3, "20139", "事业运行", 86_800),
            ("20805", 2, "208", "行政事业单位养老支出", 0)], 1):
        t.rows.append(TableRow(n, 20 + n, label, kind="item", code=code, scheme="function", level=level, parent=parent,
                               cells=[Cell("total", "", yuan)]))
    return t


def _final(actual_yuan: int, subject: str = SUBJECT) -> Disclosure:
    said = [Statement("execution.full", "52.00", "万元", 2, 520_000, "", "f.pdf", 88, subject=subject),
            Statement("execution.actual", "x", "万元", 2, actual_yuan, "", "f.pdf", 88, subject=subject)]
    return Disclosure("某市", "某局", 2024, "决算", tables=[_table()], statements=said)


def test_level_names():
    assert level_names(SUBJECT) == [(1, "一般公共服务支出"), (2, "社会工作事务"), (3, "行政运行")]
    assert level_names("办公费") == []


def test_an_item_that_agrees_with_its_row_is_no_finding():
    d = _final(513_200)
    (item,) = stated_items(d)
    assert item.row.code == "2013901" and item.budget_label == "全年预算"
    assert item_figures(d) == []


def test_an_item_whose_actual_differs_from_its_row_is_a_finding():
    (f,) = item_figures(_final(523_200))
    assert (f.check, f.severity, f.line, f.expected, f.table) == ("narrative", "warning", 88, "513,200 元",
                                                                  "general_budget_function")


def test_an_item_under_another_class_is_not_taken_for_a_row_of_the_same_name():
    d = _final(513_200, "社会保障和就业支出（类）行政事业单位养老支出（款）行政运行（项）")
    (item,) = stated_items(d)
    assert item.row is None
    (f,) = item_figures(d)
    assert f.severity == "info" and "不是按功能分类支出表中的一行" in f.message


def test_a_sentence_without_the_actual_is_no_item():
    d = _final(513_200)
    d.statements = [replace(d.statements[0])]
    assert stated_items(d) == [] and item_figures(d) == []
