"""重庆's 部门预算情况说明: 表一–表十二 in 万元, each headed 单位名称 <name> 单位 万元 (the colons set lower than
the words, so the text layer may print them apart), and a title whose year the text layer splits onto a
line of its own (重庆市气象局年部门预算情况说明 / 2026)."""

from __future__ import annotations

from generator.templates.family import HEAD, LABELS, Family, NameForm

FAMILY = Family(
    name="重庆 · 部门预算情况说明",
    seen="重庆市 municipal departments 2026",
    samples=("cq-jingxinwei-2026-budget.pdf",),
    names=(
        NameForm(40, r"(?P<name>.{4,}?\D)年度?(?:部门|单位)(?:预算|决算)", HEAD, year_alone=True),
        NameForm(50, r"单位名称[:：]?(?P<name>.{4,}?)(?:单位[:：]?(?:万元|千元|元))?[:：]*$", LABELS),
    ),
)
