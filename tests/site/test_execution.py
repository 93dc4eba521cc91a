"""Budget execution on a 决算's page: each row from one printed row, the rate exact."""

from decimal import Decimal

from generator.site.model.execution import execution
from generator.site.pages.drawing import execution_svg
from tests.audit.test_phases import BUDGET, final


def test_a_final_shows_budget_against_actual_with_the_rate():
    (e,) = execution(final(100_000))
    assert e.budget_label == "budget" and [r.label for r in e.rows] == ["total", "abroad"]
    total, abroad = e.rows
    assert (total.budget, total.actual, total.rate) == (100_000, 90_000, Decimal("0.9"))
    assert abroad.cells() == {"label": "abroad", "budget": "2.00", "actual": "1.00", "rate": "50.0%", "line": 12,
                              "path": ""}
    assert e.summary == "totalbudget 10.00 万元，决算数 9.00 万元，执行率 90.0%。"      # one item: no lowest named
    # the chart is drawn from the same rows: one pair of bars per row, the longest the largest figure
    chart = str(execution_svg(e))
    assert chart.startswith("<svg") and chart.count("<rect") == 2 + 4 and "10.00" in chart and "1.00" in chart


def test_a_budget_has_no_execution_and_a_zero_budget_no_rate():
    assert execution(BUDGET) == []
    (e,) = execution(final(0))
    assert e.rows[0].rate is None and e.rows[0].cells()["rate"] == "—"


def test_the_final_page_explains_carry_over_and_shows_the_items_the_narrative_states(site):
    html = (site / "departments/shanghai-putuo/weishehuigongzuobu/2024-final/index.html").read_text(encoding="utf-8")
    assert "年初结转和结余" in html and "决算表" in html and "<h1>中共上海市普陀区委社会工作部 2024 年部门决算</h1>" in html
    # its “三公” table prints no figures; its narrative states each item's 全年预算 and 支出决算
    assert 'id="execution-three_public"' not in html and 'id="execution-narrative"' in html
    block = html[html.index('id="execution-narrative"'):html.index("</figure>", html.index('id="execution-narrative"'))]
    assert "全年预算 321.02 万元，决算数 307.82 万元，执行率 95.9%；执行率最低的是事业单位医疗（21.4%）" in block
    assert block.count('<tr') == 1 + 1 + 9 and "<svg" in block and 'role="img"' in block
    assert '<th scope="row">事业运行<span class="path">一般公共服务支出 · 社会工作事务</span></th>' in block


def test_a_department_page_sets_each_years_budget_against_its_final():
    from generator.site.model.views import view
    from generator.site.pages.departments import budget_against_actual
    from tests.audit.test_phases import disclosure, three_public

    budget, final_ = view(BUDGET), view(final(100_000))
    (row,) = budget_against_actual([budget, final_])
    assert (row["year"], row["label"], row["budget"], row["actual"], row["rate"]) == (2024, "“三公”经费", "10.00", "9.00",
                                                                                      "90.0%")
    other_year = view(disclosure("决算", three_public([("total", "total", [1, 2])], ("budget", "amount")), 2023))
    assert budget_against_actual([budget, other_year]) == [] and budget_against_actual([final_]) == []


def test_a_final_table_by_function_with_its_budgets_gives_the_rate_per_class():
    from generator.core.model import Disclosure
    from generator.core.vocabulary import Kind
    from generator.normalise.tables import TableContext, parse_grid_table
    from generator.read.layout import RawTable, Row

    raw = RawTable(1, 7, [
        Row(2, ["功能分类科目编码", "科目名称", "年初预算数", "调整预算数", "决算数"]),
        Row(3, ["", "合计", "320.00", "321.02", "307.82"]),
        Row(4, ["201", "一般公共服务支出", "270.00", "270.00", "264.87"]),
        Row(5, ["2013901", "行政运行", "52.00", "52.00", "51.32"]),
        Row(6, ["221", "住房保障支出", "50.00", "51.02", "42.95"]),
    ], title="一般公共预算财政拨款支出决算表", unit="万元")
    table = parse_grid_table(raw, TableContext(Kind.GENERAL_BUDGET_FUNCTION, "f.pdf", "general_budget_function",
                                               "万元", None))
    assert [c.key for c in table.columns] == ["年初预算数", "调整预算数", "total"]
    (e,) = execution(Disclosure("某市", "某局", 2024, "决算", tables=[table]))
    assert e.budget_label == "调整预算数"                    # the adjusted budget, where printed
    assert [(r.label, r.cells()["rate"]) for r in e.rows] == [("合计", "95.9%"), ("一般公共服务支出", "98.1%"),
                                                               ("住房保障支出", "84.2%")]   # classes only


def test_a_department_with_two_years_of_both_phases_gets_a_budget_against_actual_trend():
    from generator.site.model.views import view
    from generator.site.pages.departments import against_trend
    from generator.site.model.execution import ACTUAL_COLOUR, BUDGET_COLOUR
    from tests.audit.test_phases import disclosure, three_public

    def pair(year, planned, spent):
        views = []
        for phase, total in (("预算", planned), ("决算", spent)):
            from generator.audit.figures import Figure
            v = view(disclosure(phase, three_public([("total", "total", [1])]), year))
            v.figures["total.expenditure"] = Figure("total.expenditure", total, "summary", "万元", 2, "doc.pdf", 1)
            views.append(v)
        return views

    assert against_trend(pair(2023, 100_000, 90_000)) is None              # one year: the table says it all
    chart, summary = against_trend(pair(2023, 100_000, 90_000) + pair(2024, 200_000, 210_000))
    assert summary == "2023 年预算 10.00 万元、决算 9.00 万元（90.0%）；2024 年预算 20.00 万元、决算 21.00 万元（105.0%）。"
    assert str(chart).count(f'fill="{BUDGET_COLOUR}"') == 2 + 1 and str(chart).count(f'fill="{ACTUAL_COLOUR}"') == 2 + 1
