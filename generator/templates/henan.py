"""河南's template: the national eight money tables and the performance-target sheets, each table under
a page mark (预算1表) that names nothing."""

from __future__ import annotations

from generator.templates.family import Family

FAMILY = Family(
    name="河南 · 部门预算",
    seen="郑州市 2020, 2024; 济源市 2020; 漯河市 2023",
    samples=("000_0794aadfb6c0e8a0.txt", "002_6135dd0a992c02e5.txt", "003_36e6ff10aed0ebfb.txt",
             "004_a0ea54e8da336276.txt"),
    page_marks=(r"预算\s*\d+\s*表",),
)
