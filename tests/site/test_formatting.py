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
