"""The national 部门决算 template (财政部's nine tables of final accounts): 收入支出决算总表, 收入决算表,
支出决算表, 财政拨款收入支出决算总表, 一般公共预算财政拨款支出决算表, 一般公共预算财政拨款基本支出决算表
(人员经费 and 公用经费 printed as two panels side by side, each with its own 合计), “三公”经费, 政府性基金
and 国有资本经营 tables."""

from __future__ import annotations

from generator.core.vocabulary import Kind
from generator.templates.family import Clue, Family, TableRule as R

FAMILY = Family(
    name="全国通用 · 部门决算公开表",
    seen="上海市普陀区 2024 决算; the blank national template",
    samples=("sh-putuo-shehuigongzuobu-2024-final.pdf", "final-accounts-template.pdf"),
    tables=(
        R(180, Kind.FISCAL_SUMMARY, Clue(title=("财政拨款收入支出",))),          # 财政拨款收入支出决算总表
        R(190, Kind.GENERAL_BUDGET_FUNCTION, Clue(title=("一般公共预算财政拨款支出",))),   # by function
        R(260, Kind.SUMMARY, Clue(title=("收入支出决算总表",))),
        R(300, Kind.INCOME, Clue(title=("收入决算表",))),
        R(360, Kind.EXPENDITURE, Clue(title=("支出决算表",))),
    ),
    total_labels=("人员经费合计", "公用经费合计"),       # the 基本支出决算表 totals each of its two panels
)
