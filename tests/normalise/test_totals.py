"""A table's total is its 合计/总计 row wherever it is printed, first or last; a 小计 totals one group of rows.

Synthetic documents as text with tab-separated tables, each read as a whole document.
"""

import pytest

from generator.audit import audit
from generator.core.errors import DocumentError
from generator.normalise.disclosure import parse_document
from generator.read import read_source
from tests.conftest import table

T = "\t"
HEAD = ["上海市某某局2026年部门预算", ""]
EXPENDITURE_HEADER = [T.join(["功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"]),
                      T.join(["类", "款", "项", "", "", "", ""])]


def parse(*tables: list[str]):
    lines = list(HEAD)
    for t in tables:
        lines += t + [""]
    return parse_document(read_source("t.txt", "\n".join(lines).encode("utf-8")))


def expenditure(*rows: list[str]) -> list[str]:
    return ["2026年部门支出预算表", "编制部门：上海市某某局 单位：元", *EXPENDITURE_HEADER, *(T.join(r) for r in rows)]


def income(*rows: list[str]) -> list[str]:
    return ["2026年部门收入预算表", "编制部门：上海市某某局 单位：元", T.join(["项目", "合计", "财政拨款收入", "事业收入"]),
            *(T.join(r) for r in rows)]


CODED = [["201", "", "", "一般公共服务支出", "1,000", "700", "300"],
         ["201", "03", "", "政府办公厅（室）及相关机构事务", "1,000", "700", "300"],
         ["201", "03", "01", "行政运行", "700", "700", ""],
         ["201", "03", "02", "一般行政管理事务", "300", "", "300"]]
TOTAL = ["合计", "", "", "", "1,000", "700", "300"]


@pytest.mark.parametrize("rows", [[TOTAL, *CODED], [*CODED, TOTAL]], ids=["first", "last"])
def test_the_total_row_is_read_where_it_is_printed(rows):
    d = parse(expenditure(*rows))
    t = table(d, "expenditure")
    total = t.total_row()
    assert (total.label, total.line, total.amount("basic"), total.amount("project")) == (
        "合计", t.rows[0 if rows[0] is TOTAL else -1].line, 700, 300)
    assert [r.kind for r in t.rows].count("total") == 1
    assert not [f for f in audit(d) if f.table == "expenditure"]


def test_groups_that_end_on_a_subtotal_under_a_total_printed_first():
    d = parse(income(["合计", "1,000", "700", "300"],
                     ["一、财政拨款", "", "", ""],
                     ["本级财政拨款", "400", "400", ""],
                     ["上级补助", "300", "300", ""],
                     ["小计", "700", "700", ""],
                     ["二、事业收入", "", "", ""],
                     ["事业收入", "300", "", "300"],
                     ["小计", "300", "", "300"]))
    t = table(d, "income")
    assert t.total_row().label == "合计" and t.total_row().amount("total") == 1000
    assert [(r.label, r.kind, r.parent) for r in t.rows] == [
        ("合计", "total", None),
        ("一、财政拨款", "detail", None), ("本级财政拨款", "detail", "一、财政拨款"), ("上级补助", "detail", "一、财政拨款"),
        ("小计", "item", None),
        ("二、事业收入", "detail", None), ("事业收入", "detail", "二、事业收入"),
        ("小计", "item", None)]
    assert not [f for f in audit(d) if f.table == "income"]        # the 小计 add up to the 合计, nothing twice


def test_groups_that_begin_on_a_subtotal_under_a_total_printed_last():
    d = parse(income(["小计", "700", "700", ""],
                     ["本级财政拨款", "400", "400", ""],
                     ["上级补助", "300", "300", ""],
                     ["小计", "300", "", "300"],
                     ["事业收入", "300", "", "300"],
                     ["总计", "1,000", "700", "300"]))
    t = table(d, "income")
    assert [(r.label, r.kind) for r in t.rows] == [("小计", "item"), ("本级财政拨款", "detail"), ("上级补助", "detail"),
                                                   ("小计", "item"), ("事业收入", "detail"), ("总计", "total")]
    assert t.total_row().label == "总计"           # never the first 小计
    assert not [f for f in audit(d) if f.table == "income"]


def test_a_subtotal_in_a_coded_table_is_a_group_sum_beside_the_codes():
    rows = [TOTAL, *CODED[:1], ["小计", "", "", "", "1,000", "700", "300"], *CODED[1:]]
    d = parse(expenditure(*rows))
    t = table(d, "expenditure")
    assert [r.kind for r in t.rows] == ["total", "item", "group", "item", "item", "item"]
    assert t.total_row().amount("total") == 1000
    assert not [f for f in audit(d) if f.table == "expenditure"]


def test_a_table_of_subtotals_without_its_total_is_refused():
    with pytest.raises(DocumentError, match="ends without its 合计/总计 row .*小计") as e:
        parse(income(["本级财政拨款", "400", "400", ""], ["小计", "400", "400", ""]))
    assert e.value.line == 7                          # the table's last line


def test_a_total_label_on_a_row_of_its_own_over_its_figures():
    """A 合计 in a merged cell taller than its figure (江苏's 机关运行经费表) reaches the reader as two rows."""
    d = parse(["一般公共预算机关运行经费支出预算表", "部门名称：上海市某某局 单位：万元",
               T.join(["科目编码", "科目名称", "机关运行经费支出"]),
               T.join(["合计", "", ""]),
               T.join(["", "", "2,391.92"]),
               T.join(["302", "商品和服务支出", "2,391.92"]),
               T.join(["30201", "办公费", "158.00"]),
               T.join(["30299", "其他商品和服务支出", "2,233.92"])])
    t = d.tables[0]
    assert [(r.kind, r.label, r.line) for r in t.rows][0] == ("total", "合计", 7)
    assert t.total_row().amount(t.columns[0].key) == 23_919_200
    assert len(t.rows) == 4 and not [f for f in audit(d) if f.table == t.id]
