"""Spending level by level (类 → 款 → 项): amounts and shares from one table, parents summed only where the
table does not print them, and a printed figure kept where its rows below disagree with it."""

from pathlib import Path

import pytest

from generator.core import vocabulary as V
from generator.core.model import Cell, Disclosure, Table, TableColumn, TableRow
from generator.site.model.drilldown import drilldowns, tree

ROOT = Path(__file__).resolve().parents[2]


def _table(rows, kind=V.Kind.EXPENDITURE, unit="元", decimals=0, column="total", scheme=V.Scheme.FUNCTION):
    """A table of (code, label, 元) rows; code None for a 合计 row, "" for a row printed without a code."""
    out = []
    for i, (code, label, yuan) in enumerate(rows, start=1):
        cells = [Cell(column, str(yuan), yuan)]
        if code is None:
            out.append(TableRow(row=i, line=i, label=label, kind=V.RowKind.TOTAL, cells=cells))
            continue
        level = {3: 1, 5: 2, 7: 3}.get(len(code))
        out.append(TableRow(row=i, line=i, label=label, code=code or None, scheme=scheme if code else None,
                            level=level, parent=code[:-2] if level and level > 1 else None, cells=cells))
    return Table(id="t", kind=kind, title="支出表", document="d.pdf", lines=(1, 9), unit=unit, decimals=decimals,
                 columns=[TableColumn(column, "合计", V.ColumnRole.MONEY)], rows=out)


def test_a_table_of_items_alone_gives_classes_and_kuan_summed_from_their_codes():
    t = _table([(None, "合计", 1000), ("2010301", "行政运行", 600), ("2010302", "一般行政管理事务", 150),
                ("2080501", "行政单位离退休", 250)])
    d = tree(t, V.Scheme.FUNCTION)
    assert [(c.code, c.yuan, c.of_total, c.printed) for c in d.classes] == [("201", 750, "75.0%", False),
                                                                             ("208", 250, "25.0%", False)]
    kuan = d.classes[0].children
    assert [(k.code, k.yuan, k.of_parent, k.of_total) for k in kuan] == [("20103", 750, "100.0%", "75.0%")]
    assert [(x.code, x.yuan, x.of_parent, x.of_total, x.printed) for x in kuan[0].children] == [
        ("2010301", 600, "80.0%", "60.0%", True), ("2010302", 150, "20.0%", "15.0%", True)]
    # the summed parents are named from the reference list, and the tree says its sums are computed
    assert d.classes[0].name == "一般公共服务支出" and kuan[0].name == "政府办公厅（室）及相关机构事务"
    assert d.computed and d.all_computed
    assert d.total == 1000 and d.printed_total is None


def test_a_printed_parent_stands_where_its_rows_below_disagree_and_the_sum_is_kept_beside_it():
    t = _table([(None, "合计", 1000), ("201", "一般公共服务支出", 1000), ("20103", "政府办公厅", 900),
                ("2010301", "行政运行", 500), ("2010302", "一般行政管理事务", 400)])
    d = tree(t, V.Scheme.FUNCTION)
    cls = d.classes[0]
    assert cls.yuan == 1000 and cls.printed and cls.children_sum == 900       # nothing invented
    assert cls.children[0].of_parent == "90.0%" and cls.children[0].children_sum is None
    assert not d.computed


def test_rounding_within_the_printed_precision_is_no_disagreement():
    # printed in 万元 with two decimals: each figure may be 50 元 off, the sum of two 150 元 from the class
    t = _table([("201", "一般公共服务支出", 1000100), ("20103", "政府办公厅", 500000), ("20104", "发展与改革事务", 500000)],
               unit="万元", decimals=2)
    assert tree(t, V.Scheme.FUNCTION).classes[0].children_sum is None
    t.rows[0].cells[0] = Cell("total", "100.02", 1000200)
    assert tree(t, V.Scheme.FUNCTION).classes[0].children_sum == 1000000


def test_a_code_printed_twice_adds_up_zeros_are_left_out_and_rows_without_a_code_are_named_by_the_total():
    t = _table([(None, "合计", 1300), ("30101", "基本工资", 500), ("30101", "基本工资", 300), ("30201", "办公费", 200),
                ("30299", "其他商品和服务支出", 0), ("", "单位预留机动经费", 300)],
               kind=V.Kind.GENERAL_BUDGET_ECONOMIC, scheme=V.Scheme.ECONOMIC)
    d = tree(t, V.Scheme.ECONOMIC)
    assert [(c.code, c.name, c.yuan) for c in d.classes] == [("301", "工资福利支出", 800), ("302", "商品和服务支出", 200)]
    assert [k.code for k in d.classes[1].children] == ["30201"]
    assert d.total == 1000 and d.printed_total == 1300
    # a table that prints two 合计 (one per panel) says nothing of the whole by its first
    t.rows.insert(1, TableRow(row=9, line=9, label="合计", kind=V.RowKind.TOTAL, cells=[Cell("total", "800", 800)]))
    assert tree(t, V.Scheme.ECONOMIC).printed_total is None


def test_a_table_without_a_total_column_gives_no_tree_and_a_grouped_total_column_is_read():
    rows = [("301", "工资福利支出", 800), ("30101", "基本工资", 800)]
    assert tree(_table(rows, column="basic"), V.Scheme.FUNCTION) is None
    assert tree(_table(rows, column="basic.total", scheme=V.Scheme.ECONOMIC), V.Scheme.ECONOMIC).total == 800


def test_a_disclosure_gives_the_function_tree_and_the_economic_one_from_the_widest_economic_table():
    function = _table([("2010301", "行政运行", 600)])
    basic = _table([("30101", "基本工资", 500)], kind=V.Kind.BASIC_ECONOMIC, scheme=V.Scheme.ECONOMIC)
    wide = _table([("30101", "基本工资", 500), ("30201", "办公费", 100)], kind=V.Kind.GENERAL_BUDGET_ECONOMIC,
                  scheme=V.Scheme.ECONOMIC)
    d = Disclosure(region="r", department="d", year=2020, phase=V.Phase.BUDGET, tables=[function, basic, wide])
    found = drilldowns(d)
    assert [(x.scheme, x.total) for x in found] == [(V.Scheme.FUNCTION, 600), (V.Scheme.ECONOMIC, 600)]


@pytest.fixture(scope="module")
def zhengzhou_2020():
    from generator.store.read import load_all
    return next(d for d in load_all(ROOT / "data") if d.department == "郑州市人民政府办公厅" and d.year == 2020)


def test_zhengzhou_2020_spending_by_function_class_kuan_and_item(zhengzhou_2020):
    function, economic = drilldowns(zhengzhou_2020)
    assert function.source == "2020年部门支出总体情况表" and function.total == 86412027
    assert function.all_computed                       # the table prints only the 项 codes
    cls = function.classes[0]
    assert (cls.code, cls.name, cls.yuan, cls.of_total) == ("201", "一般公共服务支出", 74846004, "86.6%")
    kuan = cls.children[0]
    assert (kuan.code, kuan.yuan, kuan.of_parent, kuan.of_total) == ("20103", 74846004, "100.0%", "86.6%")
    assert [(x.code, x.yuan, x.of_parent) for x in kuan.children] == [
        ("2010301", 38957504, "52.1%"), ("2010305", 32700000, "43.7%"), ("2010302", 3188500, "4.3%")]
    # the economic tree adds the 基本工资 printed twice (two units) into one 款
    assert economic.scheme == V.Scheme.ECONOMIC and economic.total == 86412027
    wages = next(c for c in economic.classes if c.code == "301")
    assert next(k for k in wages.children if k.code == "30101").yuan == 9779475 + 1013628


def test_the_page_shows_the_classes_to_open_in_its_contents(site):
    html = (site / "departments/zhengzhou/renminzhengfubangongting/2020-budget/index.html").read_text("utf-8")
    assert '<a href="#drill-function">' in html and '<a href="#drill-economic">' in html
    section = html[html.index('<section id="drill-function"'):html.index('<section id="drill-economic"')]
    assert section.count('<details class="drill">') == 5
    assert "前 3 位（类）、前 5 位（款）把其下各行相加算出的" in section
    assert '<th scope="col" class="num">占上级</th>' in section
