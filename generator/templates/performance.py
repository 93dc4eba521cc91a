"""The performance-target sheets published with a budget: 部门整体绩效目标表, 项目绩效目标表 (one per
project, continued over pages) and 项目支出绩效目标汇总表, told apart by their titles, headers and first
cells."""

from __future__ import annotations

from generator.core.vocabulary import Kind
from generator.templates.family import Clue, Family, TableRule as R

FAMILY = Family(
    name="全国通用 · 绩效目标表",
    seen="河南 (郑州市 2020, 2024; 济源市 2020; 漯河市 2023), 重庆 2026, 福建 (泉州市) 2026, 广东 (珠海市) 2026",
    samples=("000_0794aadfb6c0e8a0.txt", "001_1bd6e9010bb7a5e7.txt", "003_36e6ff10aed0ebfb.txt",
             "fj-qz-zhengfuban-2026-budget.pdf"),
    tables=(
        # a project sheet begins with 项目名称; so do 江苏's 收入预算总表 and 政府采购预算表, which their titles tell apart
        R(10, Kind.PROJECT_PERFORMANCE, Clue(first=("项目名称",), not_title=("收入", "收支", "支出预算", "采购"))),
        R(20, Kind.PROJECT_PERFORMANCE_CONTINUED, Clue(title=("绩效",), first=("项目总目标", "年度绩效目标", "一级指标"))),
        R(30, Kind.DEPARTMENT_PERFORMANCE, Clue(title=("绩效", "整体"))),
        R(40, Kind.DEPARTMENT_PERFORMANCE, Clue(title=("绩效",), header=("部门名称",), window=12)),
        R(50, Kind.DEPARTMENT_PERFORMANCE, Clue(title=("绩效",), first_prefix="部门")),
        R(60, Kind.PROJECT_PERFORMANCE_SUMMARY, Clue(title=("绩效", "汇总"))),
        R(70, Kind.PROJECT_PERFORMANCE_SUMMARY, Clue(title=("绩效",), header=("项目编码",))),
        R(80, Kind.PROJECT_PERFORMANCE_SUMMARY, Clue(title=("绩效",), header=("成本指标", "资金总额"))),
        R(90, Kind.PROJECT_PERFORMANCE, Clue(title=("绩效",))),
    ),
)
