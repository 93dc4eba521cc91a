"""How figures are shown on the pages: exact to the 元, never more decimals than needed."""

from decimal import Decimal

from generator.site.shared.formatting import exact_decimals, wan


def test_a_list_of_amounts_gets_the_fewest_decimals_that_keep_every_yuan():
    assert exact_decimals([1160000, 300000, None]) == 2
    assert exact_decimals([1160000, 24850]) == 3
    assert exact_decimals([Decimal("12345.67")]) == 6          # 1.234567 万元: the 分 kept
    assert exact_decimals([], least=0) == 0 and exact_decimals([50000], least=0) == 0
    amounts = [1160000, 24850, 7, Decimal("0.01")]
    shown = [wan(a, exact_decimals(amounts)) for a in amounts]
    assert [Decimal(s.replace(",", "")) * 10000 for s in shown] == amounts


def _table(unit, decimals, amounts):
    from generator.core.model import Cell, Table, TableColumn, TableRow
    rows = [TableRow(row=i, line=i, label=f"项{i}", cells=[Cell("total", str(y), y)]) for i, y in enumerate(amounts)]
    return Table(id="t", kind="expenditure", title="表", document="d.pdf", lines=(1, 9), unit=unit,
                 decimals=decimals, columns=[TableColumn("total", "合计", "money")], rows=rows)


def test_one_page_shows_its_figures_with_the_decimals_its_tables_need():
    from generator.site.shared.formatting import figure_decimals, table_display
    # printed in 万元: the printed decimals (one or two), the most any table prints
    assert figure_decimals([_table("万元", 1, [10000]), _table("万元", 2, [10000])]) == 2
    assert figure_decimals([_table("万元", 1, [10000])]) == 1
    # printed in whole 元: the fewest decimals, two to four, that keep each 元 …
    assert figure_decimals([_table("元", 0, [86412000, 300])]) == 2
    assert figure_decimals([_table("元", 0, [86412000, 30])]) == 3
    assert figure_decimals([_table("元", 0, [86412027])]) == 4
    # … and the 元 tables of a page are shown with the page's decimals, every 元 kept
    assert figure_decimals([]) == 2
    shown = table_display("元", 0, figure_decimals([_table("元", 0, [86412030])]))
    assert shown.unit == "万元" and shown.text(86412030) == "8,641.203" and "三位小数" in shown.note
    assert table_display("元", 2, 4).unit == "元"                    # 分 printed: kept in 元
