"""Figures stated in the narrative against the tables, within the rounding of both."""

from __future__ import annotations

from decimal import Decimal

from generator.core import vocabulary as V
from generator.core.model import Disclosure, Finding, Statement
from generator.core.money import Yuan, format_wan, format_yuan
from generator.core.vocabulary import Severity
from generator.audit.figures import (Figure, concepts, expenditure_function, fiscal_function, general_budget_code,
                                     measure_label, table_title)


def wan(yuan: Yuan | None) -> str:
    return "空白" if yuan is None else f"{format_wan(yuan)} 万元"


def narrative_figures(d: Disclosure, figures: dict[str, Figure]) -> list[Finding]:
    """Each figure the narrative states against the table that states it."""
    out = []
    known = concepts(d, figures)
    for s in d.statements:
        # a figure stated of one concept (一般公共预算's 基本支出) is held only against a table's figure of the same
        # concept, never against another's (the department's 基本支出): none, no comparison
        slack = 0
        if s.measure.startswith(V.FISCAL_FUNCTION):
            fig = fiscal_function(d, s.measure[len(V.FISCAL_FUNCTION):].split("/"))
            # the items of a list are rounded so that they add up to its total: one of them may be off by a
            # whole unit of its last digit (57 万元 for 575,900 元, so that the list makes the total)
            slack = s.tolerance
        elif s.measure.startswith(V.GENERAL_BUDGET_CODE):
            fig = general_budget_code(d, s.measure[len(V.GENERAL_BUDGET_CODE):])
        elif s.measure.startswith(V.EXPENDITURE_FUNCTION):
            fig = expenditure_function(d, s.measure[len(V.EXPENDITURE_FUNCTION):])
        else:
            fig = known.get(s.measure)
        if fig is None or s.yuan is None:
            continue
        if abs(s.yuan - fig.yuan) > s.tolerance + fig.tolerance + slack:
            out.append(Finding("narrative", Severity.WARNING,
                               f"说明称{measure_label(s.measure)}为 {s.printed} {s.unit}，"
                               f"而表格（{table_title(d, fig.table)}，第 {fig.line} 行）为 {format_yuan(fig.yuan)} 元",
                               s.document, s.line,
                               expected=f"{format_yuan(fig.yuan)} 元", found=f"{s.printed} {s.unit}",
                               table=fig.table, expected_as="表格所列", found_as="文字说明所称",
                               other_document=fig.document, other_line=fig.line))
    return out


def stated_rates(d: Disclosure, figures: dict[str, Figure]) -> list[Finding]:
    """A stated execution rate (完成年初预算的 95.89%) against the budget and the actual stated beside it."""
    out = []
    by_line: dict[tuple[str, int], dict[str, object]] = {}
    for s in d.statements:
        if s.measure.startswith(V.EXECUTION):
            by_line.setdefault((s.document, s.line), {})[s.measure] = s
    for (document, line), found in by_line.items():
        for basis, words in (("initial", "年初预算"), ("full", "全年预算")):
            rate, budget, actual = (found.get(V.execution_rate(basis)), found.get(V.EXECUTION + basis),
                                    found.get(V.EXECUTION_ACTUAL))
            if rate is None or budget is None or actual is None:
                continue
            stated = Decimal(rate.printed)
            if not budget.yuan:
                other = found.get(V.EXECUTION_FULL if basis == "initial" else V.EXECUTION_INITIAL)
                hint = (f"；按所列的另一预算数，{actual.printed} ÷ {other.printed} 为 "
                        f"{_rate(actual.yuan, other.yuan)}%" if other is not None and other.yuan else "")
                out.append(Finding("narrative", Severity.WARNING,
                                   f"说明称完成{words}的 {stated}%，但所列{words}为 {budget.printed} {budget.unit}："
                                   f"预算为零，无从计算完成比例{hint}", document, line,
                                   expected=f"{words}不为零", found=f"{stated}%"))
                continue
            # the rate the printed figures allow, within the rounding of each
            low = Decimal(actual.yuan - actual.tolerance) * 100 / Decimal(budget.yuan + budget.tolerance)
            high = Decimal(actual.yuan + actual.tolerance) * 100 / Decimal(budget.yuan - budget.tolerance or 1)
            half = Decimal(5).scaleb(-(rate.decimals + 1))
            if not (low - half <= stated <= high + half):
                computed = _rate(actual.yuan, budget.yuan)
                out.append(Finding("narrative", Severity.WARNING,
                                   f"说明称完成{words}的 {stated}%，但 {actual.printed} ÷ {budget.printed}（{words}）"
                                   f"为 {computed}%", document, line,
                                   expected=f"{computed}%", found=f"{stated}%",
                                   expected_as="按所列数字计算", found_as="文字说明所称"))
    return out


def _rate(actual: int, budget: int) -> Decimal:
    return (Decimal(actual) * 100 / Decimal(budget)).quantize(Decimal("0.01"))


def three_public_change(d: Disclosure, figures: dict[str, Figure]) -> list[Finding]:
    """The stated change of “三公” against the stated changes of its three parts."""
    changes = {s.measure: s for s in d.statements if s.measure.endswith(V.CHANGE)}
    total = changes.get(V.THREE_PUBLIC + V.CHANGE)
    parts = [changes.get(V.three_public_measure(p.key) + V.CHANGE) for p in V.three_public_parts()]
    if total is None or not all(parts):
        return []
    found = sum(p.yuan for p in parts)
    if abs(total.yuan - found) <= total.tolerance * 4:
        return []
    return [Finding("narrative", Severity.WARNING,
                    f"说明称“三公”经费比上年变动 {wan(total.yuan)}，但其三项的变动合计 {wan(found)}"
                    f"（{'；'.join(p.quote for p in parts)}）",
                    total.document, total.line, expected=wan(total.yuan), found=wan(found),
                    expected_as="说明所称合计变动", found_as="三项变动相加")]


# a whole the narrative states with all of its parts in one sentence: 政府采购预算 X 万元，其中：政府采购货物预算 A
# 万元、政府采购工程预算 B 万元、政府采购服务预算 C 万元 (the three types make the whole by definition)
STATED_WHOLES = {V.PROCUREMENT: tuple(f"{V.PROCUREMENT}.{key}" for key in V.PROCUREMENT_TYPES)}


def stated_parts(d: Disclosure, figures: dict[str, Figure]) -> list[Finding]:
    """A whole stated on a line against the sum of all of its parts stated on the same line, within the
    rounding of each: the narrative then contradicts itself, whatever the tables print."""
    out = []
    by_line: dict[tuple[str, int], dict[str, Statement]] = {}
    for s in d.statements:
        by_line.setdefault((s.document, s.line), {}).setdefault(s.measure, s)
    for (document, line), stated in by_line.items():
        for whole_measure, part_measures in STATED_WHOLES.items():
            whole, parts = stated.get(whole_measure), [stated.get(m) for m in part_measures]
            if whole is None or whole.yuan is None or any(p is None or p.yuan is None for p in parts):
                continue
            found = sum(p.yuan for p in parts)
            if abs(whole.yuan - found) <= whole.tolerance + sum(p.tolerance for p in parts):
                continue
            out.append(Finding("narrative", Severity.WARNING,
                               f"说明称{measure_label(whole_measure)}为 {whole.printed} {whole.unit}，但其所列各项"
                               f"（{'、'.join(f'{measure_label(p.measure)} {p.printed} {p.unit}' for p in parts)}）"
                               f"合计 {wan(found)}", document, line,
                               expected=wan(found), found=f"{whole.printed} {whole.unit}",
                               expected_as="所列各项相加", found_as="文字说明所称合计"))
    return out
