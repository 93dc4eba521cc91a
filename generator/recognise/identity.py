"""Who and when a document describes: region, department and year, from its own words."""

from __future__ import annotations

import re

from generator.read.layout import RawTable, TextLine
from generator.core.slugs import CENTRAL
from generator.core.text import compact
from generator.core.vocabulary import BUDGET, DEPARTMENT_SCOPE, FINAL, UNIT_SCOPE
from generator.templates.family import ALL, HEAD, LABELS, NameForm
from generator.templates.registry import NAME_FORMS

# province › city › district, as a department's name begins (上海市普陀区…, 江苏省…, 中共上海市普陀区委…)
_REGION = re.compile(r"^(?:中共|中国共产党)?((?:.{2,7}?(?:省|自治区))?(?:.{2,4}?(?:市|州|盟))?(?:.{2,4}?(?:区|县|旗))?)")
# a central department's name (国家统计局, 国家市场监督管理总局, 中华人民共和国教育部, 中共中央宣传部, 中央…): its
# region is the central government's, never a city read into its words (国家市场…: no 国家市)
_CENTRAL = re.compile(r"^(?:中共中央|中央|国家|中华人民共和国|国务院|全国人大|全国人民代表大会|全国政协|"
                      r"中国人民政治协商会议全国委员会)")
# the central body a local office is named under (国家税务总局 | 江苏省税务局): the office's region follows it
_CENTRAL_BODY = re.compile(r"^.+?(?:总局|局|部|署|委员会|办公厅|办公室)")
# what a name adds to say which budget of the department it is: （汇总） the department's, all its units
# together, which is what a 部门预算 is (the same department as the bare name); （本级） stays, the bureau's
# own unit publishing apart from the department
_SUMMED = re.compile(r"\s*[（(]\s*汇总\s*[)）]\s*$")
_OWN_LEVEL = re.compile(r"\s*[（(]\s*本级\s*[)）]\s*$")
_YEAR = re.compile(r"(20\d{2})\s*年")
# a title that names the government (a region alone) and then the year, or the other way round:
# “上海市2026年市级单位预算”, “2026年上海市普陀区区级部门预算”
_LEVEL = r"(?:省级|市级|区级|县级|本级)?(?:部门|单位)?(?:预算|决算)"
_REGION_BEFORE_YEAR = re.compile(r"^(.{2,}?)20\d{2}年度?" + _LEVEL)
_REGION_AFTER_YEAR = re.compile(r"^20\d{2}年度?(.{2,}?)" + _LEVEL)
_FINAL = re.compile(r"决算")
_UNIT_SCOPE = re.compile(r"单位(?:预算|决算)")
_BARE_YEAR = re.compile(r"^(20\d{2})(?:年度?)?$")
# a heading of the document's parts (第二部分 2019 年度部门预算表), never a department
_PART = re.compile(r"^第[一二三四五六七八九十\d]{1,3}部分")
# a document that prints no year (a tables file whose titles carry none) takes it from the document of the
# same department it is imported with (``normalise.merge``)
UNKNOWN_YEAR = 0

_REGEX = {f.pattern: f.regex() for f in NAME_FORMS}
# the forms of a title whose year is printed on a line of its own
_YEAR_ALONE = tuple(f for f in NAME_FORMS if f.year_alone)


def find_department(texts: list[TextLine], tables: list[RawTable]) -> tuple[str | None, int]:
    """The department a document describes, and its line; None when it names none."""
    name, line = _find_department(texts, tables)
    return (department_name(name) or None if name else None), line


def department_name(name: str) -> str:
    """A department's name as printed, without what says which of its budgets this is: ``某局（汇总）`` is
    ``某局``; ``某局(本级)`` is ``某局（本级）``, a unit of its own."""
    name = _SUMMED.sub("", name.strip())
    return _OWN_LEVEL.sub("（本级）", name)


def _find_department(texts: list[TextLine], tables: list[RawTable]) -> tuple[str | None, int]:
    for t in tables:
        if t.department and t.department not in ("本级",) and len(t.department) >= 4:
            return t.department, t.start
    for t in tables:
        for r in t.rows[:2]:
            if r.cells and compact(r.cells[0]).startswith(("部门名称", "部门(单位)名称", "部门（单位）名称")):
                name = next((c for c in r.cells[1:] if c), None)
                if name:
                    return name, r.line
    for forms in _by_order(NAME_FORMS):
        found = _named(forms, texts, tables)
        if found:
            return found
    return None, 0


def find_year(texts: list[TextLine], tables: list[RawTable]) -> tuple[int, int]:
    """The budget year and its line; ``UNKNOWN_YEAR`` when the document prints none."""
    for tl in texts[:10]:
        m = _YEAR.search(tl.text)
        if m:
            return int(m.group(1)), tl.line
    for i, tl in enumerate(texts[:10]):
        found = _split_year(texts, i) if any(f.regex().match(compact(tl.text)) for f in _YEAR_ALONE) else None
        if found:
            return found
    for t in tables:
        for number, text in t.intro:
            m = _YEAR.search(text)
            if m:
                return int(m.group(1)), number
    return UNKNOWN_YEAR, 0


def _by_order(forms: tuple[NameForm, ...]) -> list[list[NameForm]]:
    """The forms grouped by their order, lowest first (``NAME_FORMS`` is sorted)."""
    groups: list[list[NameForm]] = []
    for f in forms:
        if groups and groups[-1][0].order == f.order:
            groups[-1].append(f)
        else:
            groups.append([f])
    return groups


def _lines(where: str, texts: list[TextLine], tables: list[RawTable]) -> list[tuple[int, int, str]]:
    """The lines a form is looked for in, as (index among ``texts`` or -1, line number, text)."""
    if where == HEAD:
        return [(i, tl.line, tl.text) for i, tl in enumerate(texts[:10])]
    if where == LABELS:
        labels = [(t.title_line or t.start, -1, t.title) for t in tables] + [(tl.line, i, tl.text)
                                                                              for i, tl in enumerate(texts)]
        return [(i, number, text) for number, i, text in sorted(labels)]
    assert where == ALL, where
    return [(i, tl.line, tl.text) for i, tl in enumerate(texts)]


def _named(forms: list[NameForm], texts: list[TextLine], tables: list[RawTable]) -> tuple[str, int] | None:
    """The department named by the first line that one of ``forms`` (of one order) holds for, and its line."""
    for i, number, text in _lines(forms[0].lines, texts, tables):
        line = compact(text)
        for form in forms:
            regex = _REGEX[form.pattern]
            m = regex.search(line) if form.search else regex.match(line)
            if not m:
                continue
            name = m.group("name")
            if _PART.match(name) or (form.year_alone and not (i >= 0 and _split_year(texts, i))) \
                    or (form.regional and not region_of(name)):
                continue
            return name, number
    return None


def _split_year(texts: list[TextLine], i: int) -> tuple[int, int] | None:
    """The year printed alone on the line after (or before) the title ``texts[i]``, and that line."""
    for j in (i + 1, i - 1):
        if 0 <= j < len(texts):
            m = _BARE_YEAR.match(compact(texts[j].text))
            if m:
                return int(m.group(1)), texts[j].line
    return None


def region_of(department: str) -> str:
    """The region a department's name begins with, down to the district (上海市普陀区); ``中央`` for a central
    department, or the region of its local office named after it (国家税务总局江苏省税务局: 江苏省); "" if none."""
    if _CENTRAL.match(department):
        body = _CENTRAL_BODY.match(department)
        rest = department[body.end():] if body else ""
        return (_REGION.match(rest).group(1) if rest else "") or CENTRAL
    return _REGION.match(department).group(1)


def find_region(department: str, texts: list[TextLine]) -> str:
    """The region of a document: the one its department's name begins with, else the one its title or
    cover names as the government whose budget it is (“上海市2026年市级单位预算” for 上海水产老干部活动室:
    上海市); "" if neither names one."""
    region = region_of(department)
    if region:
        return region
    for tl in texts[:10]:
        m = _REGION_BEFORE_YEAR.match(compact(tl.text)) or _REGION_AFTER_YEAR.match(compact(tl.text))
        if m and region_of(m.group(1)) == m.group(1):
            return m.group(1)
    return ""


def find_phase(texts: list[TextLine]) -> tuple[str, int]:
    """预算 or 决算, from the title lines (部门决算, 决算报告, 决算公开 …), with the line that says so."""
    for tl in texts[:10]:
        if _FINAL.search(compact(tl.text)):
            return FINAL, tl.line
    return BUDGET, 0


def find_scope(texts: list[TextLine]) -> tuple[str, int]:
    """单位 for a unit's own 单位预算 (the title says 单位预算 or 单位决算), else 部门, with the line."""
    for tl in texts[:10]:
        if _UNIT_SCOPE.search(compact(tl.text)):
            return UNIT_SCOPE, tl.line
    return DEPARTMENT_SCOPE, 0
