"""Who and when a document describes: region, department and year, from its own words."""

from __future__ import annotations

import re

from generator.read.layout import RawTable, TextLine
from generator.core.text import compact
from generator.core.vocabulary import BUDGET, DEPARTMENT_SCOPE, UNIT_SCOPE

_TITLE = re.compile(r"(20\d{2})年度?(.{3,}?)部门(?:预算|整体)")
# the department before the year: “江苏省政协办公厅 2018 年度部门预算公开”
_TITLE_AFTER = re.compile(r"^(.{4,}?)(20\d{2})年度?(?:部门|单位)(?:预算|决算)")
# province › city › district, as a department's name begins (上海市普陀区…, 江苏省…, 中共上海市普陀区委…)
_REGION = re.compile(r"^(?:中共|中国共产党)?((?:.{2,7}?(?:省|自治区))?(?:.{2,4}?(?:市|州|盟))?(?:.{2,4}?(?:区|县|旗))?)")
_YEAR = re.compile(r"(20\d{2})\s*年")
_FINAL = re.compile(r"决算")
_UNIT_SCOPE = re.compile(r"单位(?:预算|决算)")
# the cover's own words for who publishes: “预算主管部门：X”, “预算单位：X”
_COVER = re.compile(r"^(?:预算主管部门|预算单位|编制部门|编制单位)[:：](.{4,})$")


def find_department(texts: list[TextLine], tables: list[RawTable]) -> tuple[str | None, int]:
    for t in tables:
        if t.department and t.department not in ("本级",) and len(t.department) >= 4:
            return t.department, t.start
    for t in tables:
        for r in t.rows[:2]:
            if r.cells and compact(r.cells[0]).startswith(("部门名称", "部门(单位)名称", "部门（单位）名称")):
                name = next((c for c in r.cells[1:] if c), None)
                if name:
                    return name, r.line
    for tl in texts[:10]:
        m = _TITLE.search(compact(tl.text))
        if m:
            return m.group(2), tl.line
    for tl in texts[:10]:
        m = _TITLE_AFTER.match(compact(tl.text))
        if m:
            return m.group(1), tl.line
    for tl in texts[:10]:
        m = _COVER.match(compact(tl.text))
        if m:
            return m.group(1), tl.line
    return None, 0


def find_year(texts: list[TextLine], tables: list[RawTable]) -> tuple[int | None, int]:
    for tl in texts[:10]:
        m = _YEAR.search(tl.text)
        if m:
            return int(m.group(1)), tl.line
    for t in tables:
        for number, text in t.intro:
            m = _YEAR.search(text)
            if m:
                return int(m.group(1)), number
    return None, 0


def region_of(department: str) -> str:
    """The region a department's name begins with, down to the district (上海市普陀区); "" if none."""
    return _REGION.match(department).group(1)


def find_phase(texts: list[TextLine]) -> tuple[str, int]:
    """预算 or 决算, from the title lines (部门决算, 决算报告, 决算公开 …), with the line that says so."""
    for tl in texts[:10]:
        if _FINAL.search(compact(tl.text)):
            return "决算", tl.line
    return BUDGET, 0


def find_scope(texts: list[TextLine]) -> tuple[str, int]:
    """单位 for a unit's own 单位预算 (the title says 单位预算 or 单位决算), else 部门, with the line."""
    for tl in texts[:10]:
        if _UNIT_SCOPE.search(compact(tl.text)):
            return UNIT_SCOPE, tl.line
    return DEPARTMENT_SCOPE, 0
