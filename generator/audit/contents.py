"""The tables the table of contents lists against the tables the documents print.

A disclosure's 目录 names each of the standard tables of its phase (“四、财政拨款收入支出决算总表”);
a table deleted from the body while the contents still list it is an inconsistency of the
document itself.  The title is looked for in every source of the disclosure (narrative and
tables are often two files), in any printing of it (with or without the year, the department or
the quotes of “三公”).  The check says nothing when it cannot be sure the table is missing:
when the disclosure holds as many tables as the contents list, or the body prints a table
title that no entry of the contents matches (the table may be there under another wording:
“政府性基金支出预算表” for “政府性基金财政拨款支出预算表”), or when the contents themselves are
mostly not found (another layout of titles than the one read here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.audit.doctext import Line, is_title, lines, title_key, within
from generator.core.model import Disclosure, Finding, Source
from generator.core.vocabulary import Severity
from generator.core.text import compact

_CONTENTS = {"目录"}
# where an entry begins inside a line that holds several: “…决算表一、收入支出决算总表”, “…预算表9. 2026年…”
ENTRY_START = re.compile(r"(?=第[一二三四五六七八九十]{1,2}部分)|(?<![一二三四五六七八九十])(?=[一二三四五六七八九十]{1,3}、)"
                          r"|(?<![\d.．])(?=\d{1,2}\s*[.．、]\s*\D)")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）])")
_PART = re.compile(r"^第[一二三四五六七八九十]{1,2}部分")
# dot leaders and a page number after an entry: “收入预算总表……………3”
_LEADER = re.compile(r"[…·.．\-—_]{2,}\s*\d*$|\s+\d{1,3}$")
_YEAR = re.compile(r"^20\d{2}年度?")


@dataclass(frozen=True)
class Entry:
    line: Line
    text: str           # the entry as printed, numbering included
    title: str          # its title as compared: no numbering, year or department


def _title(entry: str, department: str) -> str:
    t = _NUMBERING.sub("", _PART.sub("", title_key(entry)))
    t = _YEAR.sub("", t.replace(department, "", 1))
    return _YEAR.sub("", t)


def contents(source: Source, department: str) -> tuple[list[Entry], int]:
    """The entries of a source's table of contents, and the first line after it ([] and 0 without one).

    The contents run from the line 目录 while each line reads as an entry (a title, no table cells); a blank
    line followed by a line without numbering, or a line repeating the first entry (the body's first
    heading), ends them."""
    text = source.text
    start = next((i for i, t in enumerate(text[:60], 1) if compact(t) in _CONTENTS), 0)
    if not start:
        return [], 0
    entries: list[Entry] = []
    first = None
    i = start + 1
    while i <= len(text):
        raw = text[i - 1]
        key = compact(_LEADER.sub("", raw))
        if not key:
            following = next((compact(t) for t in text[i:i + 3] if compact(t)), "")
            if entries and not (_NUMBERING.match(following) or _PART.match(following)):
                break
            i += 1
            continue
        if "\t" in raw or not is_title(raw, 120) or key == first:
            break
        first = first or key
        for part in ENTRY_START.split(raw):
            part = compact(_LEADER.sub("", part))
            if part:
                entries.append(Entry(Line(source.name, i, raw), part, _title(part, department)))
        i += 1
    return entries, i


# the heading of the tables as a whole, not a table: “五、单位预算表”, “第二部分 2024 年度部门决算表”
_ALL_TABLES = re.compile(r"^(?:部门|单位)?(?:预算|决算)(?:公开)?表$")


# a table's title ends in 表, perhaps with a qualifier in brackets: “财政拨款支出表（功能科目）”
_TABLE_END = re.compile(r"表(?:[（(][^（）()]{1,12}[)）])?$")


def _is_table(entry: Entry) -> bool:
    return (bool(_TABLE_END.search(entry.title)) and not _PART.match(entry.text) and len(entry.title) >= 4
            and not _ALL_TABLES.match(_TABLE_END.sub("表", entry.title)))


def _printed(entry: Entry, longer: list[str], keys: list[str]) -> bool:
    """Whether a line of the body prints the entry's title, not as part of the title of another entry that holds
    it (收支总表 is printed in 财政拨款收支总表, which the contents list as a table of its own)."""
    return any(entry.title in k and not any(t in k for t in longer) for k in keys)


# a table's number before its title: “公开 10 表：”, “单位预算01表”, “表一”
_TABLE_NUMBER = re.compile(r"^.{0,12}?表\s*[一二三四五六七八九十\d]*\s*[:：]")


# a table's number on a line of its own, no title: “公开01表”, “单位预算02表”, “附表3”, “表一”
_NUMBER_ONLY = re.compile(r"^.{0,4}?(?:\d{1,3}|[一二三四五六七八九十]{1,3})表$|^(?:附|公开)?表[\d一二三四五六七八九十]{1,3}$")


def _bare(title: str) -> str:
    """A table's title as compared by meaning: no number, year, qualifier in brackets, 表 or 情况."""
    t = _TABLE_NUMBER.sub("", _NUMBERING.sub("", title))
    t = re.sub(r"20\d{2}年度?|[（(][^（）()]*[)）]|表|情况|预算|决算|部门|单位|总体", "", t)
    return t


def _alike(entry: str, title: str) -> bool:
    """Whether a table of the body titled ``title`` could be the entry ``entry`` in other words: the words of the
    one are the other's with some left out, or they share most of their characters."""
    a, b = _bare(entry), _bare(title)
    if not a or not b:
        return True
    return within(a, b) or within(b, a) or len(set(a) & set(b)) * 4 >= min(len(set(a)), len(set(b))) * 3


def _table_title(line: Line) -> str | None:
    """The title a line of the body prints, if it is a table's title (its number before a colon set aside)."""
    if "\t" in line.text:
        return None
    text = _TABLE_NUMBER.sub("", compact(line.text))
    if not is_title(text) or not text.endswith("表") or _NUMBER_ONLY.match(text):
        return None
    return title_key(text)


def missing_tables(d: Disclosure, figures: dict | None = None) -> list[Finding]:
    """Each table the contents list that no source of the disclosure prints."""
    department = compact(d.department)
    out = []
    for source in d.sources:
        entries, end = contents(source, department)
        tables = [e for e in entries if _is_table(e)]
        if len(tables) < 3:
            continue
        body = [line for s in d.sources for line in lines(s) if s is not source or line.number >= end]
        keys = [line.key for line in body]
        titles = {e.title for e in tables}
        found = {e.title: _printed(e, [t for t in titles if e.title in t and t != e.title], keys) for e in tables}
        missing = [e for e in tables if not found[e.title]]
        if not missing or len(missing) * 2 > len(tables):
            continue
        # a table of the body that no entry of the contents names may be a missing one under another title
        # (“政府性基金支出预算表” for “政府性基金财政拨款支出预算表”), or one whose title was not read: the
        # entries it could be are not said to be missing
        printed = [e.title for e in tables if found[e.title]]
        body_titles = [key for key in (_table_title(line) for line in body) if key] + \
            [title_key(t.title) for t in d.tables]
        if any(not t.title.strip() for t in d.tables):
            continue
        named = {_bare(t) for t in printed}
        unnamed = [key for key in body_titles if _bare(key) not in named]
        missing = [e for e in missing if not any(_alike(e.title, key) for key in unnamed)]
        for e in missing:
            out.append(Finding("contents", Severity.WARNING,
                               f"目录列有“{e.text}”，但文件中没有这张表（目录中的其他 {len(printed)} "
                               f"张表都在）", e.line.document, e.line.number,
                               expected=f"表“{e.title}”", found="无此表"))
    return out
