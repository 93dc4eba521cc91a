"""上海's 部门预算 and 单位预算: a narrative in parts titled without numbering (主要职能, 预算编制说明); a
单位预算 is a unit's own budget (预算单位收入预算总表, 预算单位支出预算总表), its cover naming the unit
as 预算主管部门：/ 预算单位：, or a title that names only the government (上海市2026年市级单位预算) whose
region the unit's name does not carry (上海水产老干部活动室)."""

from __future__ import annotations

from generator.core.vocabulary import Kind
from generator.templates.family import HEAD, Clue, Family, NameForm, TableRule as R

FAMILY = Family(
    name="上海 · 部门预算与单位预算",
    seen="上海市普陀区 2024, 2025; 上海市市级单位 2026",
    samples=("sh-putuo-wanlijiedao-2024-budget.pdf", "sh-putuo-zhengfuban-2025-unit-budget.pdf", "sh-yingjiju-zhifazongdui-2026-unit-budget.pdf"),
    tables=(
        R(280, Kind.INCOME, Clue(title=("收入", "单位"))),
        R(340, Kind.EXPENDITURE, Clue(title=("支出", "单位"))),
    ),
    names=(
        NameForm(30, r"(?:预算主管部门|预算单位|编制部门|编制单位)[:：](?P<name>.{4,})$", HEAD),
    ),
    # the parts of the narrative, titled without numbering: “XX（部门）主要职能”, “2024年部门预算编制说明”
    part_titles=("主要职能", "机构设置", "预算编制说明", "其他相关情况说明", "项目经费情况说明"),
)
