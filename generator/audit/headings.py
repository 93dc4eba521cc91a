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

from generator.audit.contents import ENTRY_START
from generator.audit.doctext import Line, is_title, lines, quote, within
from generator.core.model import Disclosure, Finding
from generator.core.vocabulary import Severity
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
_PART = re.compile(r"^第[一二三四五六七八九十]{1,2}部分")
_NOT_A_NAME = re.compile(r"\d|表|预算|决算|年度|合计|总计|万元")


def placeholders(d: Disclosure, figures: dict | None = None) -> list[Finding]:
    """Each line that still carries a template placeholder (the first on the line)."""
    out = []
    for s in d.sources:
        for line in lines(s):
            m = _PLACEHOLDER.search(line.text)
            if m:
                words = quote(line.text.replace("\t", " "), m.start(), m.end())
                out.append(Finding("placeholder", Severity.WARNING,
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


# a line that says who publishes, where a title runs on into it: “2026年部门整体绩效目标表单位名称:重庆市商务委员会”
_LABEL_AFTER = re.compile(r"(?:编制单位|编制部门|部门名称|单位名称|预算主管部门|预算单位)[:：].*$")
# a title broken after its year, the rest on the next line: “2025 年度” / “XX部门预算表”, “第三部分 江苏省高级人民法院
# 2017 年度” / “部门预算情况说明”
_YEAR_ALONE = re.compile(r"20\d{2}年度?$")
_YEAR = re.compile(r"(20\d{2})\s*年")
_YEAR_WORD = re.compile(r"20\d{2}年度?")
# a table's title: it ends in 表, perhaps with a qualifier in brackets (“（一级项目）”, “（2026年度）”)
_TABLE_TITLE = re.compile(r"表(?:[（(][^（）()]{1,12}[)）])?$")
# a title that speaks of another year on purpose when it is a table's: a 预算 printing its past 决算 or self-review
_OTHER_YEAR_TABLE = re.compile(r"决算|自评|执行|上年|比较|对比|调整|预计")


def _titles(d: Disclosure) -> list[tuple[Line, str]]:
    """Each title of the documents, as compared: its line and its words (no spaces).  A line holding two entries
    of the table of contents is taken as two titles; a title that runs on into a running head (编制单位：…) is
    taken without it; a year printed alone on its line is taken with the title on the next line."""
    out: list[tuple[Line, str]] = []
    for s in d.sources:
        rows = [line for line in lines(s)]
        for i, line in enumerate(rows):
            if "\t" in line.text:
                continue
            raw = _LABEL_AFTER.sub("", line.text) or line.text
            if _YEAR_ALONE.search(compact(raw)):
                after = next((r for r in rows[i + 1:i + 3] if compact(r.text)), None)
                if after is not None and "\t" not in after.text and is_title(after.text):
                    raw += after.text
            if not is_title(raw):
                continue
            for part in ENTRY_START.split(raw):
                if compact(part):
                    out.append((line, compact(part)))
    return out


def _year_named(text: str, phase: str) -> int | None:
    """The year a title gives the disclosure it belongs to: the year before the phase word of a title of the
    phase (a 决算's 决算 …), or the year of a table's title; None when it names none or another on purpose."""
    if _OTHER_YEAR_ON_PURPOSE.search(text):
        return None
    for m in _TITLE_YEAR.finditer(text):
        # the title of this phase: a 决算's own 决算, a 预算's 预算 (a 预算 naming a 决算 speaks of the past)
        if m.group(2) == phase or (phase == V.FINAL and "决算" in text[m.end():]):
            return int(m.group(1))
    years = {int(y) for y in _YEAR.findall(text)}
    if len(years) == 1 and _TABLE_TITLE.search(text) and not _OTHER_YEAR_TABLE.search(text):
        return years.pop()
    return None


def _twins(titles: list[tuple[Line, str]], year: int) -> dict[str, int]:
    """The titles printed twice, the same words with another year (the table of contents and the heading it
    lists): each such title's words, the years left out, → how many times it gives ``year``."""
    out: dict[str, int] = {}
    for _, text in titles:
        years = _YEAR.findall(text)
        if years:
            key = _YEAR_WORD.sub("#", text)
            out[key] = out.get(key, 0) + years.count(str(year))
    return out


def heading_years(d: Disclosure, figures: dict | None = None) -> list[Finding]:
    """Each title naming another year than the disclosure's: a title of its phase (“2023 年度部门决算表” in the
    2024 决算), a table's title (“2025年部门收支总体情况表” in the 2026 预算), or a title the document prints
    again with its own year (the table of contents' “三、2026 年度部门主要工作任务及目标”, the body's 2025).
    When the cover's year is the one no title gives (every title of the phase says 2026, the cover 2027), the
    cover is named instead."""
    if not d.year:
        return []
    cover = _cover(d)
    titles = _titles(d)
    named = [(line, text, _year_named(text, d.phase)) for line, text in titles]
    given = [y for line, _, y in named if y is not None and line != cover]
    if cover is not None and len(given) >= 3 and d.year not in given:
        usual = max(set(given), key=given.count)
        if given.count(usual) * 3 >= len(given) * 2:
            return [Finding("heading-year", Severity.WARNING,
                            f"封面“{compact(cover.text)}”写的是 {d.year} 年，而文件中 {given.count(usual)} 个标题都写 "
                            f"{usual} 年", cover.document, cover.number, expected=f"{usual} 年", found=f"{d.year} 年")]
    twins = _twins(titles, d.year)
    out = []
    for line, text, year in named:
        if year is None and not _OTHER_YEAR_ON_PURPOSE.search(text):
            printed = {int(y) for y in _YEAR.findall(text)}
            if len(printed) == 1 and twins.get(_YEAR_WORD.sub("#", text), 0):
                year = printed.pop()
        if year is None or year == d.year:
            continue
        out.append(Finding("heading-year", Severity.WARNING,
                           f"标题“{text}”写的是 {year} 年，而本文件是 {d.year} 年的{d.phase}" + _cover_words(cover),
                           line.document, line.number, expected=f"{d.year} 年", found=f"{year} 年"))
    # one finding per line
    unique: dict[tuple[str, int], Finding] = {}
    for f in out:
        unique.setdefault((f.document, f.line), f)
    return list(unique.values())


# what a heading puts after the name of the body it is about: “（单位）主要职能”, “机构设置”, “部门预算公开”,
# “2026 年度部门预算”, “财政拨款收支预算总表”, “2026 年支出预算合计”
_AFTER_NAME = re.compile(r"^(?:[（(](?:单位|部门)[)）])?(?:20\d{2}年度?)?(?:主要职能|主要职责|机构设置|概况|基本情况"
                         r"|(?:部门|单位)(?:预算|决算)|[^，。：:]*(?:预算|决算))")
# a body's name in a title begins with the place it governs (上海市…, 江苏省…, 苏州市…, 中共上海市普陀区委…)
_PLACE = re.compile(r"^(?:中共|中国共产党)?[^，。：:（(]{1,8}?[省市区县州旗]")
# what a heading puts before it: its part, its number, the year
_BEFORE_NAME = re.compile(r"^(?:第[一二三四五六七八九十]{1,2}部分)?(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])?"
                          r"(?:20\d{2}年度?)?")


# the marks a text export puts before a heading (Markdown's ###, a list's * or >): no part of its words
_MARKUP = re.compile(r"^[#>*]+")


def _title_name(key: str, alone: bool) -> str | None:
    """The body a title is about: the shortest run of its words after its number and year that ends as a body's
    name does and is followed by what a heading says of a body; the whole title when ``alone`` (a cover's or a
    part's line that is a name and nothing else)."""
    head = _BEFORE_NAME.match(key)
    rest = key[head.end():] if head else key
    if not _PLACE.match(rest):
        return None
    for i in range(4, len(rest) + 1):
        name = rest[:i]
        if not _ORGAN.search(name):
            continue
        after = rest[i:]
        if (after and _AFTER_NAME.match(after)) or (not after and alone):
            return name
    return None


def _name(text: str, alone: bool = False) -> str | None:
    """The name of a body a heading or a running head gives, if the line has one."""
    key = _MARKUP.sub("", compact(text))
    m = _LABEL.match(key)
    if m:
        name = m.group(1).strip()
    elif _LABEL_AFTER.search(key) and is_title(key[:_LABEL_AFTER.search(key).start()]) and \
            _LABEL.match(_LABEL_AFTER.search(key).group(0)):      # a title running on into its running head
        name = _LABEL.match(_LABEL_AFTER.search(key).group(0)).group(1).strip()
    elif is_title(text):
        name = _title_name(key, alone or bool(_PART.match(key)))
    else:
        return None
    if name is None or not (4 <= len(name) <= 40) or _NOT_A_NAME.search(name) or not _ORGAN.search(name) \
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
            name = _name(line.text, line.number <= 10) if "\t" not in line.text else None
            if name is None:
                mentioned.append(compact(line.text))
            else:
                named.append((line, name))
    out = []
    for line, name in named:
        if within(name, department) or within(department, name):
            continue
        # a heading that prints the department's own name is about it (or its units, 所属预算单位), however
        # its words were cut into a name
        if department in compact(line.text):
            continue
        if any(name in text for text in mentioned):
            continue
        out.append(Finding("heading-department", Severity.WARNING,
                           f"“{compact(line.text)}”写的单位是“{name}”，而本文件是{d.department}的{d.phase}"
                           + _cover_words(cover),
                           line.document, line.number, expected=d.department, found=name))
    return out
