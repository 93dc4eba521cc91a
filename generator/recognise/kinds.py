"""Recognise what a table is by meaning: its title words and its header.

Titles vary between cities and years (``部门收支总体情况表`` / ``部门收支预算表``,
``一般公共预算支出情况表`` / ``一般公共预算支出预算表``), and the same title can
cover two tables (000 prints 一般公共预算支出情况表 once by function code and
once by economic code), so the header is consulted as well.
"""

from __future__ import annotations

from generator.read.segment import RawTable
from generator.core.text import compact

# kind -> label shown to readers
KIND_LABELS = {
    "summary": "部门收支总体情况表",
    "income": "部门收入总体情况表",
    "expenditure": "部门支出总体情况表",
    "fiscal_summary": "财政拨款收支总体情况表",
    "general_budget_function": "一般公共预算支出情况表（按功能分类）",
    "general_budget_economic": "一般公共预算支出情况表（按经济分类）",
    "basic_economic": "一般公共预算基本支出情况表",
    "economic_summary": "支出经济分类汇总表",
    "three_public": "一般公共预算“三公”经费支出情况表",
    "gov_fund": "政府性基金预算支出情况表",
    "state_capital": "国有资本经营预算支出情况表",
    "procurement": "政府采购预算表",
    "project_list": "项目支出表",
    "department_performance": "部门整体绩效目标表",
    "project_performance": "项目绩效目标表",
    "project_performance_summary": "项目绩效目标汇总表",
}

PERFORMANCE_KINDS = {"department_performance", "project_performance", "project_performance_summary"}


def _header_text(table: RawTable, rows: int = 4) -> str:
    return "".join(compact(c) for r in table.rows[:rows] for c in r.cells)


def recognise(table: RawTable) -> str | None:
    """The table kind, or None when the table is not one we know."""
    title = compact(table.title)
    first = compact(table.rows[0].cells[0]) if table.rows and table.rows[0].cells else ""
    header = _header_text(table)
    if first in ("项目名称",):
        return "project_performance"
    if first in ("项目总目标", "年度绩效目标", "一级指标") and "绩效" in title:
        return "project_performance_continued"
    if "绩效" in title:
        if "整体" in title or "部门名称" in header[:12] or first.startswith("部门"):
            return "department_performance"
        if "汇总" in title or "项目编码" in header or ("成本指标" in header and "资金总额" in header):
            return "project_performance_summary"
        return "project_performance"
    if "三公" in title:
        return "three_public"
    if "政府采购" in title:
        return "procurement"
    if "政府性基金" in title:
        return "gov_fund"
    if "国有资本经营" in title:
        return "state_capital"
    if "经济分类汇总" in title:
        return "economic_summary"
    if "基本支出" in title:
        return "basic_economic"
    if "财政拨款收支" in title:
        return "fiscal_summary"
    if "一般公共预算支出" in title:
        if "经济分类" in header[:40]:
            return "general_budget_economic"
        return "general_budget_function"
    if "收支" in title:
        return "summary"
    if "收入" in title and "部门" in title:
        return "income"
    if "项目支出" in title:
        return "project_list"
    if "支出" in title and "部门" in title:
        return "expenditure"
    return None
