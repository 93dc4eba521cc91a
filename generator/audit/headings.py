"""Headings and running heads against the cover: the year and the department they name, and the template's
placeholders left unfilled.

A disclosure is written from a template (“上海市 XX 局 2024 年度部门决算”) and
from last year's document; what was not replaced shows in its headings: a
placeholder still standing (``XX局``, ``XX 年``, ``XXX 万元``), a title of
another year than the cover's, a running head (编制单位：…) naming another
department.  Each is read from the document's own lines; a heading whose name
could be the department's in a shorter or a longer form, or a name the
document gives elsewhere (one of its units), is not held against the cover.
"""

from __future__ import annotations

from generator.core import vocabulary as V

import re

from generator.audit.doctext import Line, is_title, lines, prose, quote
from generator.core.model import Disclosure, Finding
from generator.core.text import compact

# a template's placeholder: two or more X (or ×) standing alone, not part of a word in Latin letters
_PLACEHOLDER = re.compile(r"(?<![A-Za-z])(?:[XＸ×]{2,}|x{2,}|ｘ{2,})(?![A-Za-z])")
# a title naming the year of a disclosure: “2024 年度部门决算”, “2026年预算单位收入预算总表”; the year is the
# one nearest before the phase word
_TITLE_YEAR = re.compile(r"(20\d{2})\s*年度?(?:(?!20\d{2})[^，,。；;：:])*?(预算|决算)")
# a title that speaks of another year on purpose: a comparison, the execution of a past budget
_OTHER_YEAR_ON_PURPOSE = re.compile(r"执行|上年|比较|对比|调整")
# a running head or a table's label line naming who publishes: “编制单位：上海市审计局 单位：元”
_LABEL = re.compile(r"^(?:编制单位|编制部门|部门名称|单位名称|预算单位|预算主管部门|部门|单位)[:：](.+?)"
                    r"(?:单位[:：]?(?:万元|千元|元))?[:：]*$")
# a title with the department before its year: “中共上海市普陀区委社会工作部 2024 年度部门决算表”
_TITLE_NAME = re.compile(r"^(?:第[一二三四五六七八九十]{1,2}部分)?(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])?"
                         r"(.+?)20\d{2}年度?(?:部门|单位)?(?:预算|决算)")
# how the name of a body that publishes a budget ends (局, 委员会, 中心, 街道办事处 …)
_ORGAN = re.compile(r"(?:局|委|部|厅|办|室|院|中心|处|所|会|站|队|馆|校|学院|大学|政府|街道|镇|乡|社|团|台|场|公司|"
                    r"集团|宫|园|库|署)(?:[（(][^（）()]{1,20}[)）])?$")
_NOT_A_NAME = re.compile(r"\d|表|预算|决算|年度|合计|总计|万元")


def placeholders(d: Disclosure, figures: dict | None = None) -> list[Finding]:
    """Each line that still carries a template placeholder (the first on the line)."""
    out = []
    for s in d.sources:
        for line in lines(s):
            m = _PLACEHOLDER.search(line.text)
            if m:
                words = quote(line.text.replace("\t", " "), m.start(), m.end())
                out.append(Finding("placeholder", "warning",
                                   f"“{words}”：模板的占位符“{m.group(0)}”没有换成本文件的内容",
                                   line.document, line.number, expected="本单位的名称、年度或数字",
                                   found=m.group(0)))
    return out


def _cover(d: Disclosure) -> Line | None:
    """The cover's line that names the disclosure's year (the first of the first ten lines that does)."""
    year = re.compile(rf"{d.year}\s*年")
    for s in d.sources:
        for line in list(lines(s))[:10]:
            if year.search(line.text):
                return line
    return None


def _cover_words(cover: Line | None) -> str:
    return f"（封面：{cover.document} 第 {cover.number} 行“{compact(cover.text)}”）" if cover else ""


def heading_years(d: Disclosure, figures: dict | None = None) -> list[Finding]:
    """Each title naming a year of the disclosure's phase other than the cover's: “2023 年度部门决算表” in the
    2024 决算."""
    if not d.year:
        return []
    cover = _cover(d)
    out = []
    for line in prose(d):
        if not is_title(line.text) or _OTHER_YEAR_ON_PURPOSE.search(line.text):
            continue
        text = compact(line.text)
        for m in _TITLE_YEAR.finditer(text):
            year, phase = int(m.group(1)), m.group(2)
            # the title of this phase: a 决算's own 决算, a 预算's 预算 (a 预算 naming a 决算 speaks of the past)
            if phase != d.phase and not (d.phase == V.FINAL and "决算" in text[m.end():]):
                continue
            if year != d.year:
                out.append(Finding("heading-year", "warning",
                                   f"标题“{text}”写的是 {year} 年，而本文件是 {d.year} 年的{d.phase}"
                                   + _cover_words(cover),
                                   line.document, line.number, expected=f"{d.year} 年", found=f"{year} 年"))
            break
    return out


def _within(short: str, long: str) -> bool:
    """Whether ``short`` is ``long`` with characters left out (省人大办公厅 in 江苏省人大常委会办公厅)."""
    rest = iter(long)
    return all(ch in rest for ch in short)


def _name(text: str) -> str | None:
    """The name of a body a heading or a running head gives, if the line has one."""
    key = compact(text)
    m = _LABEL.match(key) or (_TITLE_NAME.match(key) if is_title(text) else None)
    if not m:
        return None
    name = m.group(1).strip()
    if not (4 <= len(name) <= 40) or _NOT_A_NAME.search(name) or not _ORGAN.search(name) \
            or _PLACEHOLDER.search(name):             # a placeholder is said once, by its own check
        return None
    return name


def heading_departments(d: Disclosure, figures: dict | None = None) -> list[Finding]:
    """Each heading or running head naming a body that is not the cover's department, in any form of its
    name, nor any body the document names elsewhere (its units)."""
    department = compact(d.department)
    if not department:
        return []
    cover = _cover(d)
    named: list[tuple[Line, str]] = []
    mentioned: list[str] = []             # every other line, where a unit's name is given
    for s in d.sources:
        for line in lines(s):
            name = _name(line.text) if "\t" not in line.text else None
            if name is None:
                mentioned.append(compact(line.text))
            else:
                named.append((line, name))
    out = []
    for line, name in named:
        if _within(name, department) or _within(department, name):
            continue
        if any(name in text for text in mentioned):
            continue
        out.append(Finding("heading-department", "warning",
                           f"“{compact(line.text)}”写的单位是“{name}”，而本文件是{d.department}的{d.phase}"
                           + _cover_words(cover),
                           line.document, line.number, expected=d.department, found=name))
    return out
