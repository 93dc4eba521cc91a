"""Each audit check on a small synthetic disclosure: one case where it must fire, one where it must not.

The figures are chosen at the edge of the rounding rule (half a unit of the
last printed digit per figure in a sum), so a check that loses its tolerance
or its comparison fails here.
"""

from generator.audit import audit, import_notes, narrative, performance, tables
from generator.audit.figures import headline
from generator.core.model import (BudgetLine, Cell, Disclosure, Finding, Project, Statement, Table, TableColumn,
                                  TableRow, Task, UnitRow)
from generator.core.vocabulary import Kind

DOC = "doc.txt"


def grid(kind, rows, unit="万元", decimals=1, columns=("total",)):
    """A table whose rows are (label, code, parent, kind, {column: yuan})."""
    t = Table(id=str(kind), kind=kind, title="表", document=DOC, lines=(1, 99), unit=unit, decimals=decimals,
              columns=[TableColumn(c, c, "money") for c in columns])
    for n, (label, code, parent, row_kind, figures) in enumerate(rows, 1):
        t.rows.append(TableRow(n, 10 + n, label, kind=row_kind, code=code, parent=parent,
                               cells=[Cell(c, "", y) for c, y in figures.items()]))
    return t


def disclosure(*tables_, **parts):
    d = Disclosure("某市", "某市某局", 2024, "预算", tables=list(tables_))
    for name, value in parts.items():
        setattr(d, name, value)
    return d


def checks(findings, check):
    return [f for f in findings if f.check == check]


# --- within a table ---------------------------------------------------------------------------------

def expenditure(total, a, b, parent_total=None):
    return grid(Kind.EXPENDITURE, [
        ("合计", None, None, "total", {"total": total}),
        ("一般公共服务", "201", None, "item", {"total": parent_total if parent_total is not None else a + b}),
        ("行政运行", "2010101", "201", "item", {"total": a}),
        ("一般行政管理事务", "2010102", "201", "item", {"total": b}),
    ])


def test_column_sum_fires_beyond_rounding_only():
    # 2 leaves, 万元 with one decimal: up to 3 × 500 元 of rounding is allowed
    assert checks(tables.sums(expenditure(31_500, 10_000, 20_000)), "column-sum") == []
    (f,) = checks(tables.sums(expenditure(31_600, 10_000, 20_000)), "column-sum")
    assert (f.line, f.expected, f.found) == (11, "31,600 元", "30,000 元")


def test_a_sub_line_printed_with_its_parents_code_is_counted_once():
    # 21999 其他支出 over its one 项, printed 21999 too: the 项 (parent = its own code) is the leaf
    t = grid(Kind.EXPENDITURE, [
        ("合计", None, None, "total", {"total": 5_020_000}),
        ("援助其他地区支出", "219", None, "item", {"total": 5_020_000}),
        ("其他支出", "21999", "219", "item", {"total": 5_020_000}),
        ("其他支出", "21999", "21999", "item", {"total": 5_020_000}),
    ])
    assert tables.sums(t) == []
    t.rows[3].cells[0].yuan = 5_000_000              # the 项 differs from its 款: said of the 款, once
    assert [(f.check, f.line) for f in tables.sums(t)] == [("column-sum", 11), ("subtotal", 13)]


def test_subtotal_fires_when_a_class_differs_from_its_items():
    assert checks(tables.sums(expenditure(30_000, 10_000, 20_000, parent_total=31_500)), "subtotal") == []
    (f,) = checks(tables.sums(expenditure(31_600, 10_000, 20_000, parent_total=31_600)), "subtotal")
    assert f.line == 12 and "201" in f.message


def procurement(goods, unit):
    """合计 › 货物 › two units › their goods, then 服务 › its goods: groups nested by rows, with their levels."""
    t = grid(Kind.PROCUREMENT, [
        ("合计", None, None, "total", {"total": 60_000}),
        ("货物", None, None, "group", {"total": goods}),
        ("某局（本级）", None, None, "group", {"total": unit}),
        ("复印纸", None, None, "item", {"total": 10_000}),
        ("某中心", None, None, "group", {"total": 20_000}),
        ("台式计算机", None, None, "item", {"total": 20_000}),
        ("服务", None, None, "group", {"total": 30_000}),
        ("物业管理服务", None, None, "item", {"total": 30_000}),
    ])
    for r, level in zip(t.rows, (None, 1, 2, None, 2, None, 1, None)):
        r.level = level
    return t


def test_each_group_is_held_to_the_items_under_it_and_the_total_to_the_items_alone():
    # 货物 holds both units' goods (2 items, 1,500 元 of rounding); a unit ends at the next unit
    assert tables.sums(procurement(31_500, 11_000)) == []
    (goods,) = tables.sums(procurement(31_600, 10_000))
    assert (goods.check, goods.line, goods.expected, goods.found) == ("subtotal", 12, "31,600 元", "30,000 元")
    (unit,) = tables.sums(procurement(30_000, 11_100))
    assert (unit.line, unit.expected, unit.found) == (13, "11,100 元", "10,000 元") and "某局（本级）" in unit.message


def three_public(total, abroad, reception, vehicles, operation, purchase):
    rows = [("合计", "total", None, "total", {"amount": total}), ("出国", "abroad", None, "item", {"amount": abroad}),
            ("接待", "reception", None, "item", {"amount": reception}),
            ("公务用车", "vehicles", None, "item", {"amount": vehicles}),
            ("运行", "vehicle_operation", None, "item", {"amount": operation}),
            ("购置", "vehicle_purchase", None, "item", {"amount": purchase})]
    return grid(Kind.THREE_PUBLIC, rows, columns=("amount",))


def test_three_public_total_and_vehicles():
    assert tables.three_public(three_public(100_000, 10_000, 20_000, 70_000, 50_000, 20_000)) == []
    found = tables.three_public(three_public(110_000, 10_000, 20_000, 70_000, 60_000, 20_000))
    assert [f.message.split("：")[1] for f in found] == ["“三公”合计 ≠ 出国 + 接待 + 公务用车", "公务用车 ≠ 运行维护 + 购置"]


def summary(income, spent):
    t = grid(Kind.SUMMARY, [], columns=())
    t.columns = [TableColumn("income", "收入", "money", "income"), TableColumn("total", "支出", "money", "expenditure")]
    t.rows = [TableRow(1, 20, "收入总计", kind="total", side="income", cells=[Cell("income", "", income)]),
              TableRow(2, 20, "支出总计", kind="total", side="expenditure", cells=[Cell("total", "", spent)])]
    return t


def test_balance_of_a_two_sided_summary():
    assert tables.balance(summary(100_000, 100_900)) == []          # within 2 × 500 元
    (f,) = tables.balance(summary(100_000, 101_100))
    assert (f.expected, f.found) == ("100,000 元", "101,100 元")


def final_summary(carried_in, total_in, carried_out, total_out):
    """A 决算's summary: 本年收入合计 307.82 + 年初结转 = 总计; 本年支出合计 300.00 + 年末结转 = 总计 (万元, 2 decimals)."""
    t = summary(0, 0)
    t.decimals = 2

    def line(n, label, kind, side, yuan):
        return TableRow(n, 20 + n, label, kind=kind, side=side,
                        cells=[Cell("income" if side == "income" else "total", "", yuan)])

    t.rows = [line(1, "本年收入合计", "total", "income", 3_078_200), line(2, "本年支出合计", "total", "expenditure", 3_000_000),
              line(3, "使用非财政拨款结余", "income", "income", None), line(4, "结余分配", "expenditure", "expenditure", None),
              line(5, "年初结转和结余", "income", "income", carried_in),
              line(6, "年末结转和结余", "expenditure", "expenditure", carried_out),
              line(7, "总计", "total", "income", total_in), line(8, "总计", "total", "expenditure", total_out)]
    return t


def test_carry_over_each_side_adds_up_to_its_whole():
    # 307.82 + 12.18 = 320.00 = 300.00 + 20.00
    assert tables.carry_over(final_summary(121_800, 3_200_000, 200_000, 3_200_000)) == []
    assert tables.balance(final_summary(121_800, 3_200_000, 200_000, 3_200_000)) == []
    # a 年末结转 misprinted: the expenditure side no longer adds up (the totals still balance)
    (f,) = tables.carry_over(final_summary(121_800, 3_200_000, 210_000, 3_200_000))
    assert (f.check, f.line, f.expected, f.found) == ("carry-over", 28, "3,210,000 元", "3,200,000 元")
    assert "本年支出合计 + 结余分配 + 年末结转和结余" in f.message


def test_carry_over_needs_the_years_own_total():
    t = summary(100_000, 100_000)                      # only 收入总计 / 支出总计: nothing to reconcile
    assert tables.carry_over(t) == []


def test_same_total_across_tables():
    same = disclosure(summary(30_000, 30_000), expenditure(30_000, 10_000, 20_000))
    assert tables.same_total(same) == []
    differs = disclosure(summary(30_000, 30_000), expenditure(40_000, 10_000, 20_000))
    (f,) = tables.same_total(differs)
    assert (f.table, f.expected, f.found) == ("expenditure", "30,000 元", "40,000 元")


def test_row_flags_are_findings_or_the_importers_notes():
    t = expenditure(30_000, 10_000, 20_000)
    assert tables.row_flags(t) == [] and tables.import_notes(t, {}) == []
    t.rows[1].flags, t.rows[2].flags, t.rows[3].flags = ["unreconciled"], ["realigned-ambiguous"], ["realigned"]
    t.rows[0].flags = ["code-completed"]
    # only a row that adds up no way is the document's own inconsistency
    assert [(f.check, f.severity, f.line) for f in tables.row_flags(t)] == [("row-sum", "warning", 12)]
    # the importer's own decisions are its notes, never the audit's findings
    assert [(f.check, f.severity, f.line) for f in tables.import_notes(t, {})] == [
        ("code-completed", "info", 11), ("realigned", "warning", 13), ("realigned", "info", 14)]
    d = Disclosure("某市", "某局", 2024, "预算", tables=[t])
    assert "row-sum" in {f.check for f in audit(d)}
    assert not {f.check for f in audit(d)} & {"realigned", "code-completed"}
    assert [f.line for f in import_notes(d)] == [11, 13, 14]


# --- the narrative ----------------------------------------------------------------------------------

def stated(measure, printed, yuan, decimals=2, line=5):
    return Statement(measure, printed, "万元", decimals, yuan, printed, DOC, line)


def test_a_narrative_figure_within_rounding_agrees_and_one_beyond_does_not():
    d = disclosure(expenditure(86_412_027, 50_000_000, 36_412_027))
    d.statements = [stated("total.expenditure", "8641.20", 86_412_000)]
    assert narrative.narrative_figures(d, headline(d)) == []
    d.statements = [stated("total.expenditure", "8642.20", 86_422_000)]
    (f,) = narrative.narrative_figures(d, headline(d))
    assert f.found == "8642.20 万元" and f.expected == "86,412,027 元"


def test_a_figure_of_the_general_budget_is_held_only_against_the_general_budget():
    spent = grid(Kind.EXPENDITURE, [("合计", None, None, "total", {"total": 30_000_000, "basic": 10_000_000,
                                                             "project": 20_000_000})],
                 columns=("total", "basic", "project"))
    general = grid(Kind.GENERAL_BUDGET_FUNCTION, [("合计", None, None, "total", {"total": 15_000_000,
                                                                             "basic": 8_000_000, "project": 7_000_000})],
                   columns=("total", "basic", "project"))
    said = [stated("general_budget.basic", "800.00", 8_000_000), stated("general_budget.project", "700.00", 7_000_000)]
    d = disclosure(spent, general, statements=said)
    assert narrative.narrative_figures(d, headline(d)) == []
    said = [stated("general_budget.basic", "900.00", 9_000_000)]
    d = disclosure(spent, general, statements=said)
    (f,) = narrative.narrative_figures(d, headline(d))
    assert f.table == str(Kind.GENERAL_BUDGET_FUNCTION) and "一般公共预算基本支出" in f.message
    # no table states the 一般公共预算 alone: nothing to compare with, never the department's 基本支出
    d = disclosure(spent, statements=said)
    assert narrative.narrative_figures(d, headline(d)) == []


def test_the_funds_figures_are_never_the_departments_when_the_expenditure_table_is_missing():
    general = grid(Kind.GENERAL_BUDGET_FUNCTION, [("合计", None, None, "total", {"total": 15_000_000,
                                                                             "basic": 8_000_000, "project": 7_000_000})],
                   columns=("total", "basic", "project"))
    d = disclosure(general, statements=[stated("basic", "1000.00", 10_000_000), stated("project", "2000.00", 20_000_000)])
    assert "basic" not in headline(d) and narrative.narrative_figures(d, headline(d)) == []


def test_each_source_of_income_against_the_same_source_in_the_tables():
    income = grid(Kind.INCOME, [("合计", None, None, "total", {"total": 21_443_300, "business_income": 300_000})],
                  unit="元", decimals=0, columns=("total", "business_income"))
    d = disclosure(income, statements=[stated("income.business", "30", 300_000, decimals=0)])
    assert narrative.narrative_figures(d, headline(d)) == []
    d.statements = [stated("income.business", "40", 400_000, decimals=0)]
    (f,) = narrative.narrative_figures(d, headline(d))
    assert "事业收入" in f.message and f.expected == "300,000 元"
    # a summary that states the source otherwise: which one the sentence means cannot be told, no finding
    summary = grid(Kind.SUMMARY, [("二、事业收入", None, None, "income", {"income": 400_500})], unit="元",
                   decimals=0, columns=("income",))
    summary.rows[0].side = "income"
    d = disclosure(income, summary, statements=[stated("income.business", "40", 400_000, decimals=0)])
    assert narrative.narrative_figures(d, headline(d)) == []


def test_a_function_class_of_the_appropriations_allows_the_unit_a_list_is_rounded_by():
    fiscal = grid(Kind.FISCAL_SUMMARY, [("一、住房保障支出", "221", None, "expenditure", {"total": 575_900}),
                                        ("支出总计", None, None, "total", {"total": 575_900})],
                  unit="元", decimals=0, columns=("total",))
    for r in fiscal.rows:
        r.side = "expenditure"
    said = [stated("fiscal.function:住房保障支出", "57", 570_000, decimals=0)]
    d = disclosure(fiscal, statements=said)
    assert narrative.narrative_figures(d, headline(d)) == []           # 57 for 57.59: rounded so the list adds up
    d.statements = [stated("fiscal.function:住房保障支出", "56", 560_000, decimals=0)]
    (f,) = narrative.narrative_figures(d, headline(d))
    assert "住房保障支出" in f.message and f.expected == "575,900 元"


def test_a_stated_whole_against_all_of_its_parts_stated_beside_it():
    # 政府采购预算6,574.00万元，其中：政府采购货物预算136.00万元、政府采购工程预算为0.00万元、政府采购服务预算6,438.00万元
    said = [stated("procurement", "6,574.00", 65_740_000), stated("procurement.goods", "136.00", 1_360_000),
            stated("procurement.works", "0.00", 0), stated("procurement.services", "6,438.00", 64_380_000)]
    d = disclosure(statements=said)
    assert narrative.stated_parts(d, headline(d)) == []
    said[3] = stated("procurement.services", "6,408.00", 64_080_000)
    (f,) = narrative.stated_parts(d := disclosure(statements=said), headline(d))
    assert f.line == 5 and f.found == "6,574.00 万元" and f.expected == "6,544.00 万元" and "政府采购服务预算" in f.message
    # a part not stated (or stated on another line): no sum to hold the whole to
    d = disclosure(statements=said[:3] + [stated("procurement.services", "6,408.00", 64_080_000, line=6)])
    assert narrative.stated_parts(d, headline(d)) == []


def test_a_three_public_change_against_its_parts():
    parts = [stated("three_public.abroad.change", "0", 0, 1), stated("three_public.reception.change", "-1.0", -10_000, 1),
             stated("three_public.vehicles.change", "-1.4", -14_000, 1)]
    d = disclosure(statements=[stated("three_public.change", "-2.4", -24_000, 1), *parts])
    assert narrative.three_public_change(d, {}) == []
    d.statements[0] = stated("three_public.change", "-2.4", -24_000, 1, line=86)
    d.statements[1:] = [stated(p.measure, "0", 0, 1) for p in parts]
    (f,) = narrative.three_public_change(d, {})
    assert (f.line, f.expected, f.found) == (86, "-2.40 万元", "0.00 万元")


# --- the performance tables -------------------------------------------------------------------------

def task(amount, fiscal, line=40):
    return Task("任务", "内容", f"{amount / 10000:.1f}", amount, f"{fiscal / 10000:.1f}", fiscal, "", "万元", DOC, line)


def test_task_fiscal_cannot_exceed_its_total():
    assert performance.task_fiscal(disclosure(tasks=[task(10_000, 10_000)]), {}) == []
    (f,) = performance.task_fiscal(disclosure(tasks=[task(10_000, 11_000)]), {})
    assert "不能超过合计" in f.message


def test_tasks_against_the_budget():
    table = expenditure(30_000, 10_000, 20_000)
    ok = disclosure(table, tasks=[task(10_000, 10_000), task(20_000, 20_000, 41)])
    assert performance.tasks_total(ok, headline(ok)) == []
    short = disclosure(table, tasks=[task(10_000, 10_000), task(10_000, 10_000, 41)])
    (f,) = performance.tasks_total(short, headline(short))
    assert (f.expected, f.found) == ("3.00 万元", "2.00 万元")


def test_budget_lines_against_the_tables():
    table = expenditure(30_000, 10_000, 20_000)
    ok = disclosure(table, budget=[BudgetLine("total", "总额", printed="3.0", yuan=30_000, unit="万元", document=DOC, line=30)])
    assert performance.budget_lines(ok, headline(ok)) == []
    off = disclosure(table, budget=[BudgetLine("total", "总额", printed="4.0", yuan=40_000, unit="万元", document=DOC, line=30)])
    (f,) = performance.budget_lines(off, headline(off))
    assert f.line == 30 and f.found == "4.0 万元"


def project(code, unit_code, yuan):
    return Project(f"项目{code}", code, unit_code, "", "", yuan, "", "万元", DOC, 50, "summary")


def test_unit_rows_against_their_projects():
    unit = UnitRow("114", "某单位", printed="3.00", yuan=30_000, unit="万元", document=DOC, line=60)
    ok = disclosure(units=[unit], projects=[project("1", "114", 10_000), project("2", "114", 20_000)])
    assert performance.unit_totals(ok, {}) == []
    off = disclosure(units=[unit], projects=[project("1", "114", 10_000), project("2", "114", 10_000)])
    (f,) = performance.unit_totals(off, {})
    assert (f.line, f.expected, f.found) == (60, "3.00 万元", "2.00 万元")


# --- the whole audit --------------------------------------------------------------------------------

def test_audit_runs_the_checks_the_vocabulary_names_for_each_kind():
    # a 三公 table is not summed like a grid, and a grid is not checked like a 三公 table
    tp = three_public(100_000, 10_000, 20_000, 80_000, 60_000, 20_000)
    found = audit(disclosure(tp, expenditure(31_600, 10_000, 20_000)))
    assert {f.check for f in found} == {"three-public", "column-sum"}
    merge = Finding("merge-conflict", "warning", "differs", DOC, 3)
    assert audit(disclosure(merge_findings=[merge]))[0] is merge


# --- a 决算's stated execution rate ---------------------------------------------------------------------

def execution_statements(initial, full, actual, rate, basis="initial"):
    def money(measure, printed):
        from decimal import Decimal as D
        yuan = int(D(printed) * 10000)
        return Statement(measure, printed, "万元", 2, yuan, "", "doc.pdf", 9)
    return [money("execution.initial", initial), money("execution.full", full), money("execution.actual", actual),
            Statement(f"execution.rate.{basis}", rate, "%", 2, None, "", "doc.pdf", 9)]


def test_a_stated_rate_is_held_against_its_figures():
    d = Disclosure("某市", "某局", 2024, "决算")
    d.statements = execution_statements("300.00", "321.02", "307.82", "102.61")     # 307.82 ÷ 300 = 102.61%
    assert narrative.stated_rates(d, {}) == []
    d.statements = execution_statements("300.00", "321.02", "307.82", "95.89")
    (f,) = narrative.stated_rates(d, {})
    assert (f.expected, f.found, f.line) == ("102.61%", "95.89%", 9)


def test_a_rate_of_a_zero_budget_is_a_finding_that_names_the_other_budget():
    d = Disclosure("某市", "某局", 2024, "决算")
    d.statements = execution_statements("0", "321.02", "307.82", "95.89")            # the Shanghai 决算's own words
    (f,) = narrative.stated_rates(d, {})
    assert "预算为零" in f.message and "为 95.89%" in f.message
    d.statements = execution_statements("0", "321.02", "307.82", "95.89", basis="full")
    assert narrative.stated_rates(d, {}) == []
