"""Re-alignment of rows whose empty cells were dropped."""

from decimal import Decimal

from generator.normalise.grid import Column
from generator.normalise.realign import realign_rows, sum_rules


def test_realign_moves_shifted_cells_right():
    cols = [Column(i, p) for i, p in enumerate([("合计",), ("基本支出", "小计"), ("基本支出", "工资"),
                                                ("基本支出", "商品"), ("项目支出", "小计"), ("项目支出", "其他")])]
    rules = sum_rules(cols)
    rows, flags = realign_rows([["10", "4", "4", "6", "6", ""]], rules, Decimal("0.5"))
    assert rows[0] == ["10", "4", "4", "", "6", "6"]
    assert flags == ["realigned"]
    rows, flags = realign_rows([["10", "4", "4", "", "6", "6"]], rules, Decimal("0.5"))
    assert flags == [""]
