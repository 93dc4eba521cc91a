"""广东's template: twelve tables in 万元 numbered 表1 …, titles without 部门 (收入总体情况表, read by their
columns), “三公” printed inside the 行政经费及“三公”经费预算表 (the parts in rows, the funds in columns), and
项目支出及其他支出预算表 with units and projects in one column."""

from __future__ import annotations

from generator.templates.family import Family

FAMILY = Family(
    name="广东 · 部门预算",
    seen="珠海市 2026",
    samples=("gd-zh-shangwuju-2026-budget.pdf",),
    notes="no words of its own: its tables are told apart by the national clues and by their columns",
)
