"""A 决算 against the 预算 of the same department-year: the budget it restates must be the budget published."""

from generator.audit.phases import budget_against_final, cross_phase, pairs
from generator.core.model import Cell, Disclosure, Table, TableColumn, TableRow
from generator.core.vocabulary import Kind


def three_public(rows, columns=("amount",)):
    t = Table(id="three_public", kind=Kind.THREE_PUBLIC, title="“三公”经费表", document="doc.pdf", lines=(1, 9),
              unit="万元", decimals=2, columns=[TableColumn(k, k, "money") for k in columns])
    for n, (code, kind, values) in enumerate(rows, 1):
        t.rows.append(TableRow(n, 10 + n, code, kind=kind, code=code,
                               cells=[Cell(k, str(v), v) for k, v in zip(columns, values)]))
    return t


def disclosure(phase, table, year=2024):
    return Disclosure("某市", "某局", year, phase, tables=[table])


BUDGET = disclosure("预算", three_public([("total", "total", [100_000]), ("abroad", "item", [20_000])]))


def final(total_budget):
    return disclosure("决算", three_public([("total", "total", [total_budget, 90_000]),
                                             ("abroad", "item", [20_000, 10_000])], columns=("budget", "amount")))


def test_a_final_that_restates_the_budget_agrees():
    assert budget_against_final(BUDGET, final(100_000)) == []


def test_a_final_whose_budget_differs_is_a_finding_on_the_final():
    f = final(120_000)
    (finding,) = budget_against_final(BUDGET, f)
    assert (finding.check, finding.line, finding.expected, finding.found) == (
        "budget-vs-final", 11, "100,000 元", "120,000 元")
    assert cross_phase([BUDGET, f]) == {id(f): [finding]}


def test_only_the_same_department_year_is_paired():
    other_year = disclosure("决算", final(120_000).tables[0], year=2023)
    assert pairs([BUDGET, other_year]) == [] and cross_phase([BUDGET, other_year]) == {}
