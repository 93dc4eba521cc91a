"""The “三公” table printed blank while the narrative states its figures."""

from generator.audit import blank_tables
from generator.core.model import Cell, Table, TableColumn, TableRow
from tests.audit.texts import written

TABLE = ["财政拨款“三公”经费支出决算表", "单位：万元", "合计\t\t因公出国（境）费\t", "预算数\t决算数\t预算数\t决算数",
         "\t\t\t"]


def three_public(rows=()):
    t = Table("three_public", "three_public", "财政拨款“三公”经费支出决算表", "doc.txt", (4, 6), "万元", 2,
              columns=[TableColumn("amount", "决算数", "money")], rows=list(rows), title_line=2)
    return t


def disclosure(narrative, table_lines=TABLE, rows=()):
    return written("某部门 2024 年度部门决算", *table_lines, narrative, tables=[three_public(rows)])


def test_figures_stated_for_a_blank_table_are_found():
    d = disclosure("“三公”经费财政拨款支出年初预算为 3.00 万元，支出决算为 2.50 万元，完成预算的 83.33%。")
    (f,) = blank_tables.three_public_blank(d)
    assert (f.line, f.found) == (7, "空表") and "第 2 行" in f.message


def test_none_zero_and_last_years_figures_say_nothing():
    for narrative in ("某部门 2024 年度无“三公”经费财政拨款支出。",
                      "“三公”经费财政拨款支出年初预算为 0 万元，支出决算为 0 万元。",
                      "2024 年度“三公”经费财政拨款支出决算数比 2023 年度减少 5.00 万元。",
                      "2023 年度“三公”经费支出决算为 5.00 万元。",
                      "机关运行经费支出 10.23 万元。"):
        assert blank_tables.three_public_blank(disclosure(narrative)) == [], narrative


def test_a_table_with_figures_printed_is_not_blank_even_if_not_read():
    lines = TABLE[:-1] + ["3.00\t2.50\t0.00\t0.00"]
    assert blank_tables.three_public_blank(disclosure("“三公”经费支出决算为 2.50 万元。", lines)) == []
    read = [TableRow(1, 6, "合计", kind="total", code="total", cells=[Cell("amount", "2.50", 25_000)])]
    assert blank_tables.three_public_blank(disclosure("“三公”经费支出决算为 2.50 万元。", TABLE, read)) == []
