"""江苏's cities (苏州, 无锡): 13 公开表 whose titles name neither 部门 nor 单位 (收入总表, 支出总表), told
apart by their columns; each table headed 部门：<name> or, in a 单位预算, 单位：<name> beside the money unit;
（本级） where a bureau's own unit publishes apart from the department."""

from __future__ import annotations

from generator.core.vocabulary import Kind
from generator.templates.family import Clue, Family, TableRule as R

# Words of a title that name one fund: such a table is never the department's whole income or spending
ONE_FUND = ("一般公共预算", "政府性基金", "国有资本", "财政拨款", "财政专户")

FAMILY = Family(
    name="江苏 · 市县部门预算公开表",
    seen="苏州市, 无锡市 2025, 2026",
    samples=("js-wx-shangwuju-2026-budget.pdf",),
    tables=(
        # 收入总表 | 合计 | 本年收入 › 一般公共预算 …, unless the title names one fund
        R(310, Kind.INCOME, Clue(title=("收入",), header=("合计", "一般公共预算"), not_title=ONE_FUND)),
        # 支出总表 | 合计 | 基本支出 | 项目支出 …: all of the department's spending, never a table of one fund
        R(370, Kind.EXPENDITURE, Clue(title=("支出",), header=("合计", "基本支出", "项目支出"), not_title=ONE_FUND)),
    ),
)
