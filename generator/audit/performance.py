"""The performance tables against themselves and against the money tables."""

from __future__ import annotations

from generator.core import vocabulary as V
from generator.core.model import Disclosure, Finding
from generator.core.vocabulary import Severity
from generator.core.money import format_yuan, half_unit, slack
from generator.audit.figures import Figure, table_title
from generator.audit.narrative import wan

# 预算情况 lines and the headline measure each restates
_BUDGET_MEASURES = {"total": V.TOTAL_EXPENDITURE, "basic": V.BASIC, "project": V.PROJECT}


def task_fiscal(d: Disclosure, figures: dict[str, Figure]) -> list[Finding]:
    """Each main task's 其中：财政资金 against its own 合计."""
    out = []
    for t in d.tasks:
        if t.amount_yuan is None or t.fiscal_yuan is None or t.fiscal_yuan == t.amount_yuan:
            continue
        if t.fiscal_yuan > t.amount_yuan:
            message = (f"整体绩效目标表：任务“{t.name} {t.content}”合计 {t.amount}，其中财政资金却为 "
                       f"{t.fiscal}；财政资金是合计的一部分，不能超过合计")
        else:
            message = f"整体绩效目标表：任务“{t.name} {t.content}”合计 {t.amount}，其中财政资金 {t.fiscal}"
        out.append(Finding("task", Severity.WARNING, message, t.document, t.line,
                           expected=f"{t.amount} {t.unit}", found=f"{t.fiscal} {t.unit}",
                           expected_as="任务合计", found_as="其中财政资金"))
    return out


def tasks_total(d: Disclosure, figures: dict[str, Figure]) -> list[Finding]:
    """The main tasks together against the department's total expenditure."""
    total = figures.get(V.TOTAL_EXPENDITURE)
    money_tasks = [t for t in d.tasks if t.amount_yuan is not None]
    if total is None or not money_tasks:
        return []
    found = sum(t.amount_yuan for t in money_tasks)
    tol = slack(half_unit(money_tasks[0].unit, 1), len(money_tasks)) + total.tolerance
    if abs(found - total.yuan) <= tol:
        return []
    first = money_tasks[0]
    return [Finding("task", Severity.WARNING,
                    f"整体绩效目标表：{len(money_tasks)} 项任务合计 {wan(found)}，预算（{table_title(d, total.table)}）"
                    f"为 {wan(total.yuan)}；有 {wan(total.yuan - found)} 未分到任何任务", first.document, first.line, expected=wan(total.yuan), found=wan(found),
                    expected_as="预算支出总计", found_as="各项任务相加", other_document=total.document,
                    other_line=total.line)]


def budget_lines(d: Disclosure, figures: dict[str, Figure]) -> list[Finding]:
    """The performance table's 预算情况 lines against the money tables."""
    out = []
    for b in d.budget:
        fig = figures.get(_BUDGET_MEASURES.get(b.key, ""))
        if fig is None or b.yuan is None:
            continue
        tol = half_unit(b.unit, 2 if "." in b.printed and len(b.printed.split(".")[1]) == 2 else 1)
        if abs(b.yuan - fig.yuan) > tol + fig.tolerance:
            out.append(Finding("task", Severity.WARNING,
                               f"整体绩效目标表：预算情况“{b.label}” {b.printed} {b.unit} 与{table_title(d, fig.table)}不符",
                               b.document, b.line, expected=f"{format_yuan(fig.yuan)} 元",
                               found=f"{b.printed} {b.unit}", expected_as="预算表所列", found_as="绩效目标表所列",
                               other_document=fig.document, other_line=fig.line))
    return out


def unit_totals(d: Disclosure, figures: dict[str, Figure]) -> list[Finding]:
    """Each unit row of a project summary table against the projects (or sub-units) under it."""
    out = []
    for u in d.units:
        if u.yuan is None:
            continue
        subs = [x for x in d.units if x.code != u.code and x.code.startswith(u.code)]
        parts = [x.yuan or 0 for x in subs] if subs else \
            [p.amount_yuan or 0 for p in d.projects if p.unit_code == u.code]
        if not parts:
            continue
        found = sum(parts)
        if abs(found - u.yuan) > slack(half_unit(u.unit, 2), len(parts)):
            out.append(Finding("project-sum", Severity.WARNING,
                               f"项目绩效目标表：单位 {u.code} {u.name} 列 {u.printed} {u.unit}，其下 "
                               f"{len(parts)} 个{'单位' if subs else '项目'}合计 {wan(found)}",
                               u.document, u.line, expected=wan(u.yuan), found=wan(found),
                               expected_as="单位行所印", found_as=f"其下{'单位' if subs else '项目'}相加"))
    return out
