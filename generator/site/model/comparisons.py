"""Comparison indexes: one row per department-year, ranked by the first figure.

Money stays exact 元 and shares are exact decimals; nothing here is a
float.  The same rows give the sortable page and its CSV.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from generator.core import vocabulary as V
from generator.site.model.views import DisclosureView

COMPARISONS = {
    "overview": "支出总量与结构",
    "three-public": "“三公”经费",
    "function-mix": "支出功能结构（按类）",
    "economic-mix": "基本支出经济结构",
    "execution": "预算执行率（决算）",
}

NOTES = {
    "overview": "人均支出 = 支出总计 ÷ 文字说明中公布的在职人数；未公布人数的部门不计算。",
    "three-public": "“三公”经费 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费。",
    "function-mix": "各类（支出功能分类的第一级）占支出总计的比例。",
    "economic-mix": "基本支出中各经济分类所占比例。",
    "execution": "执行率 = 支出决算 ÷ 全年预算，取自各部门决算文字说明中一般公共预算财政拨款支出的全年预算和决算数；"
                 "只比较决算，不与预算比较。",
}

IDENTITY = ("地区", "部门", "年度", "类别")        # 类别: 部门预算 or 单位预算 (a unit is part of its department)
_THREE_PUBLIC = ((V.THREE_PUBLIC, V.MEASURES[V.THREE_PUBLIC]),
                 *((V.three_public_measure(p.key), p.label) for p in V.three_public_parts()))

# Columns that hold money (exact 元); the others are shares, counts and names
MONEY_COLUMNS = frozenset({"支出总计", "基本支出", "项目支出", "人均支出", "全年预算", "支出决算",
                           *(label for _, label in _THREE_PUBLIC)})
COUNT_COLUMNS = frozenset({"年度", "在职人数"})


@dataclass
class Comparison:
    name: str
    title: str
    columns: list[str]                       # identity columns first, then the figures
    rows: list[tuple[DisclosureView, dict]]  # each department-year with its values by column (None: unknown)


def ratio(part: int | None, whole: int | None) -> Decimal | None:
    """``part / whole`` to four decimals, exactly; None when either is unknown or the whole is zero."""
    if part is None or not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def _rows(v: DisclosureView) -> dict[str, dict]:
    total, basic, project = v.value(V.TOTAL_EXPENDITURE), v.value(V.BASIC), v.value(V.PROJECT)
    active = v.staff.get(V.STAFF_ACTIVE)
    base = {"地区": v.region, "部门": v.department, "年度": v.year, "类别": f"{v.scope}{v.phase}"}
    out = {
        "overview": base | {
            "支出总计": total, "基本支出": basic, "项目支出": project,
            "基本支出占比": ratio(basic, total), "项目支出占比": ratio(project, total),
            "在职人数": active, "人均支出": (total // active) if total is not None and active else None},
        "three-public": base | {label: v.value(measure) for measure, label in _THREE_PUBLIC}
        | {"占支出总计": ratio(v.value(V.THREE_PUBLIC), total)},
        "function-mix": base | {"支出总计": total},
        "economic-mix": base | {"基本支出": basic},
    }
    for name, chart_id in (("function-mix", "chart-function"), ("economic-mix", "chart-economic")):
        chart = next((c for c in v.charts if c.id == chart_id), None)
        if chart:
            out[name].update({label: ratio(yuan, chart.total) for label, yuan in chart.rows})
    return out


# the narrative's statements the execution index reads (the only ones the site's pages read, beside a
# disclosure's own page)
EXECUTION_MEASURES = (V.EXECUTION_FULL, V.EXECUTION_ACTUAL)


def _execution(v: DisclosureView) -> dict | None:
    """A 决算's execution as its narrative states it first: 全年预算 and 支出决算 of one sentence (the
    一般公共预算财政拨款 of the Shanghai template), and their ratio; None for a budget or a 决算 without it."""
    if v.phase == V.BUDGET:
        return None
    by_line: dict[int, dict[str, object]] = {}
    for s in v.data.statements:
        if s.measure in EXECUTION_MEASURES and s.yuan is not None:
            by_line.setdefault(s.line, {}).setdefault(s.measure, s.yuan)
    first = next((found for _, found in sorted(by_line.items()) if len(found) == 2), None)
    if first is None:
        return None
    budget, actual = first[V.EXECUTION_FULL], first[V.EXECUTION_ACTUAL]
    return {"地区": v.region, "部门": v.department, "年度": v.year, "类别": f"{v.scope}{v.phase}",
            "执行率": ratio(actual, budget), "全年预算": budget, "支出决算": actual}


def comparisons(views: list[DisclosureView]) -> dict[str, Comparison]:
    """Every comparison index, each ranked by its first figure (largest first, unknown last).

    Budgets are ranked among budgets: a 决算 (what was spent) is never ranked against a 预算 (what was
    planned), so final accounts stay out of these indexes.
    """
    tables = {name: Comparison(name, title, [], []) for name, title in COMPARISONS.items()}
    for v in (v for v in views if v.phase == V.BUDGET):
        for name, values in _rows(v).items():
            table = tables[name]
            table.columns += [c for c in values if c not in table.columns]
            table.rows.append((v, values))
    execution = tables["execution"]
    execution.columns = [*IDENTITY, "执行率", "全年预算", "支出决算"]
    for v in views:
        values = _execution(v)
        if values is not None:
            execution.rows.append((v, values))
    for table in tables.values():
        if not table.rows:
            continue
        first = table.columns[len(IDENTITY)]
        table.rows.sort(key=lambda r: r[1]["年度"], reverse=True)
        table.rows.sort(key=lambda r: r[1]["部门"])
        table.rows.sort(key=lambda r: (r[1].get(first) is None, -(r[1].get(first) or 0)))
    return tables
