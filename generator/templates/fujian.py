"""福建's template: ten tables in 万元 printed without thousands separators and without a department line,
收入合计 as the summary's last line, and 一般公共预算拨款支出预算表 by function code (by economic code where
its header says so)."""

from __future__ import annotations

from generator.core.vocabulary import Kind
from generator.templates.family import Clue, Family, TableRule as R

FAMILY = Family(
    name="福建 · 部门预算",
    seen="泉州市 2026",
    samples=("fj-qz-zhengfuban-2026-budget.pdf",),
    tables=(
        R(230, Kind.GENERAL_BUDGET_ECONOMIC, Clue(title=("一般公共预算拨款支出",), header=("经济分类",), window=40)),
        R(240, Kind.GENERAL_BUDGET_FUNCTION, Clue(title=("一般公共预算拨款支出",))),
    ),
)
