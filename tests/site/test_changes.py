"""Year over year from the tables (``site.model.changes``), on small figures made by hand."""

from decimal import Decimal

from generator.core import vocabulary as V
from generator.site.model.changes import Change, YearFigures, by_year, change_text, compare, sentence, summary

GENERAL = str(V.Kind.GENERAL_BUDGET_FUNCTION)
Y2017 = YearFigures(2017, "a/2017-budget/", {V.TOTAL_EXPENDITURE: 179_966_800, V.BASIC: 123_234_800,
                                               V.THREE_PUBLIC: 0, V.PROCUREMENT: 28_898_000},
                    {"公共安全支出": 136_413_400, "社会保障和就业支出": 20_211_800, "教育支出": 50_000}, GENERAL)
Y2018 = YearFigures(2018, "a/2018-budget/", {V.TOTAL_EXPENDITURE: 219_553_500, V.BASIC: 123_234_800,
                                               V.THREE_PUBLIC: 4_843_000, V.PROJECT: 55_730_000},
                    {"公共安全支出": 164_443_600, "社会保障和就业支出": 18_362_200}, GENERAL)


def _of(changes, key):
    return next(c for c in changes if c.key == key)


def test_each_measure_and_class_against_the_year_before():
    changes = compare(Y2018, Y2017)
    total = _of(changes, V.TOTAL_EXPENDITURE)
    assert (total.current, total.previous, total.amount) == (219_553_500, 179_966_800, 39_586_700)
    assert total.percent == Decimal("22.00")          # 3,958.67 over 17,996.68 万元: 21.996 …, half up
    assert _of(changes, V.BASIC).amount == 0 and _of(changes, V.BASIC).percent == Decimal("0.00")
    security = _of(changes, "公共安全支出")
    assert security.is_class and security.amount == 28_030_200 and security.percent == Decimal("20.55")
    assert _of(changes, "社会保障和就业支出").percent == Decimal("-9.15")     # −184.96 over 2,021.18
    # the measures in the order of their code list, then the classes, this year's largest first
    assert [c.key for c in changes] == [V.TOTAL_EXPENDITURE, V.BASIC, V.PROJECT, V.THREE_PUBLIC, V.PROCUREMENT,
                                        "公共安全支出", "社会保障和就业支出", "教育支出"]


def test_nothing_is_derived_where_a_year_is_missing_or_the_base_is_zero():
    changes = compare(Y2018, Y2017)
    project, procurement, education = (_of(changes, k) for k in (V.PROJECT, V.PROCUREMENT, "教育支出"))
    assert project.previous is None and project.amount is None and project.percent is None
    assert procurement.current is None and procurement.amount is None
    assert education.current is None and education.amount is None
    three = _of(changes, V.THREE_PUBLIC)
    assert three.amount == 4_843_000 and three.percent is None         # last year 0: no rate
    assert change_text(three) == "增加 484.30 万元（上年为零）"
    assert sentence(project) == "项目支出：2018 年 5,573.00 万元，2017 年未列。"


def test_classes_of_tables_of_different_kinds_are_not_compared():
    all_funds = YearFigures(2017, "", {}, dict(Y2017.classes), str(V.Kind.EXPENDITURE))
    security = _of(compare(Y2018, all_funds), "公共安全支出")
    assert not security.comparable and security.amount is None and security.percent is None
    assert "不同口径" in sentence(security)


def test_figures_to_the_fen_stay_exact():
    a = YearFigures(2025, "", {V.TOTAL_EXPENDITURE: Decimal("91016775.35")})
    b = YearFigures(2024, "", {V.TOTAL_EXPENDITURE: Decimal("91016775.34")})
    (c,) = compare(a, b)
    assert c.amount == Decimal("0.01") and c.percent == Decimal("0.00")
    assert change_text(c, 6) == "增加 0.000001 万元（0.00%）"


def test_only_a_year_whose_previous_year_is_there_is_compared():
    y2020 = YearFigures(2020, "", {V.TOTAL_EXPENDITURE: 1})
    found = by_year([Y2017, Y2018, y2020])
    assert list(found) == [2018]


def test_sentences():
    changes = compare(Y2018, Y2017)
    total = _of(changes, V.TOTAL_EXPENDITURE)
    assert sentence(total) == "支出总计：2018 年 21,955.35 万元，较 2017 年增加 3,958.67 万元，增长 22.00%。"
    assert change_text(total) == "增加 3,958.67 万元（+22.00%）"
    down = Change("x", "某项", 2018, 900_000, 2017, 1_000_000)
    assert sentence(down) == "某项：2018 年 90.00 万元，较 2017 年减少 10.00 万元，下降 10.00%。"
    assert change_text(down) == "减少 10.00 万元（−10.00%）"
    assert sentence(Change("x", "某项", 2018, 5, 2017, 5)) == "某项：2018 年 0.00 万元，与 2017 年持平。"
    assert summary(changes) == (sentence(total) + "按功能分类，变动最大的是公共安全支出，增加 2,803.02 万元（+20.55%）。")
