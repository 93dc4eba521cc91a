"""The parts of a “三公” table, recognised by their printed names."""

from generator.normalise.three_public import three_public_part


def test_three_public_components():
    assert three_public_part("公务用车购置及运行费") == "vehicles"
    assert three_public_part("其中：（1）公务用车运行维护费") == "vehicle_operation"
    assert three_public_part("（2）公务车购置") == "vehicle_purchase"
    assert three_public_part("1、因公出国（境）费用") == "abroad"


def _parse(*rows, title="“三公”经费预算表"):
    from generator.core.vocabulary import Kind
    from generator.normalise.tables import TableContext
    from generator.normalise.three_public import parse_three_public
    from generator.read.layout import RawTable, Row

    raw = RawTable(1, len(rows) + 1, [Row(n, list(r)) for n, r in enumerate(rows, 2)], title=title, unit="万元")
    return parse_three_public(raw, TableContext(Kind.THREE_PUBLIC, "a.txt", "three_public"))


def test_the_parts_are_read_from_the_rows_of_a_table_of_several_columns():
    t = _parse(("项目", "合计", "一般公共预算", "政府性基金预算"),
               ("行政经费", "60.00", "60.00", "0.00"),
               ("“三公”经费", "19.84", "19.84", "0.00"),
               ("其中：因公出国（境）支出", "13.20", "13.20", "0.00"),
               ("公务接待费支出", "6.64", "6.64", "0.00"))
    assert [c.key for c in t.columns] == ["amount", "general_budget", "gov_fund"]
    assert [(r.code, r.amount("amount")) for r in t.rows] == [(None, 600_000), ("total", 198_400),
                                                               ("abroad", 132_000), ("reception", 66_400)]


def test_a_row_of_another_name_is_kept_and_a_table_of_no_part_refused():
    import pytest

    from generator.core.errors import DocumentError

    t = _parse(("项目", "预算数"), ("合计", "5.00"), ("公务接待费", "5.00"), ("会务费", "2.00"))
    assert [(r.code, r.label) for r in t.rows][-1] == (None, "会务费")
    with pytest.raises(DocumentError, match="expected a “三公” component"):
        _parse(("项目", "预算数"), ("会务费", "2.00"), ("差旅费", "1.00"))
