"""The tables the table of contents lists against the tables the documents print.

A disclosure's 目录 names each of the standard tables of its phase (“四、财政拨款收入支出决算总表”);
a table deleted from the body while the contents still list it is an inconsistency of the
document itself.  The title is looked for in every source of the disclosure (narrative and
tables are often two files), in any printing of it (with or without the year, the department or
the quotes of “三公”), on a line that prints a title: a sentence that cites the table
(“应与《收支预算总表》一致。”) or another source's table of contents does not print it.

An entry the body does not print word for word may be there under another wording
(“政府采购支出预算表” printed “政府采购预算表”, “政府性基金财政拨款支出预算表” printed
“财政拨款政府性基金支出预算表”): each such entry is pinned to the one table of the body that
it fits best and that fits it best, no other table and no other entry fitting as well.  The
check says nothing when it cannot be sure the table is missing: when a table of the body that
no entry took could be it (its title alike, or the importer recognised it as a kind the entry's
title could name), when a table's title was not read, or when the contents themselves are mostly
not found (another layout of titles than the one read here).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.audit.doctext import Line, is_title, lines, title_key, within
from generator.core.model import Disclosure, Finding, Source
from generator.core.vocabulary import Severity
from generator.core.text import compact
from generator.core.vocabulary import KINDS, Kind
from generator.recognise.kinds import kinds_by_title

_CONTENTS = "目录"
# where an entry begins inside a line that holds several: “…决算表一、收入支出决算总表”, “…预算表9. 2026年…”
ENTRY_START = re.compile(r"(?=第[一二三四五六七八九十]{1,2}部分)|(?<![一二三四五六七八九十])(?=[一二三四五六七八九十]{1,3}、)"
                          r"|(?<![\d.．])(?=\d{1,2}\s*[.．、]\s*\D)")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）])")
_PART = re.compile(r"^第[一二三四五六七八九十]{1,2}部分")
# dot leaders and a page number after an entry: “收入预算总表……………3”
_LEADER = re.compile(r"[…·.．\-—_]{2,}\s*\d*$|\s+\d{1,3}$")
# dot leaders and a page number between two entries of one line: “第一部分 部门概况……… 1一、部门主要职责……… 2”
_INNER_LEADER = re.compile(r"[…·.．]{3,}\s*\d{0,3}")
# an entry written as a sentence: “一、主要职能。”
_END_MARK = re.compile(r"[。；;]+$")
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


def _start(text: list[str]) -> int:
    """The line 目录 among a source's first lines, or a title that ends with it (“…部门预算公开目 录”) when an
    entry follows; 0 without one."""
    for i, t in enumerate(text[:60], 1):
        key = compact(t)
        if key == _CONTENTS:
            return i
        if key.endswith(_CONTENTS) and is_title(t):
            following = next((compact(x) for x in text[i:i + 3] if compact(x)), "")
            if _PART.match(following) or _NUMBERING.match(following):
                return i
    return 0


def _continues(entry: Entry, part: str, department: str) -> bool:
    """Whether ``part`` (a line without numbering) is the rest of ``entry``, a table's title broken in two
    (“十一、…会议费、培训费支” then “出预算表”)."""
    return (bool(_NUMBERING.match(entry.text)) and not _NUMBERING.match(part) and not _PART.match(part)
            and len(part) <= 12 and not _TABLE_END.search(entry.title)
            and bool(_TABLE_END.search(_title(entry.text + part, department))))


def contents(source: Source, department: str) -> tuple[list[Entry], int]:
    """The entries of a source's table of contents, and the first line after it ([] and 0 without one).

    The contents run from the line 目录 while each line reads as an entry (a title, no table cells; a full
    stop after it is no part of it); a blank line followed by a line without numbering (unless it is the
    rest of a title broken over the blank), or a line repeating the first entry (the body's first heading),
    ends them."""
    text = source.text
    start = _start(text)
    if not start:
        return [], 0
    entries: list[Entry] = []
    first = None
    i = start + 1
    while i <= len(text):
        raw = text[i - 1]
        line = _END_MARK.sub("", _LEADER.sub("", raw).rstrip())
        key = compact(_LEADER.sub("", line))
        if not key:
            following = next((compact(t) for t in text[i:i + 3] if compact(t)), "")
            if entries and not (_NUMBERING.match(following) or _PART.match(following)
                                or _continues(entries[-1], ENTRY_START.split(following)[0], department)):
                break
            i += 1
            continue
        pieces = [p for p in _INNER_LEADER.split(line) if p.strip()]
        if "\t" in raw or not all(is_title(p, 120) for p in pieces) or key == first:
            break
        first = first or key
        for n, part in enumerate(part for p in pieces for part in ENTRY_START.split(p)):
            part = compact(_END_MARK.sub("", _LEADER.sub("", part)))
            if not part:
                continue
            if n == 0 and entries and _continues(entries[-1], part, department):
                last = entries[-1]
                entries[-1] = Entry(last.line, last.text + part, _title(last.text + part, department))
            else:
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


# a span a sentence quotes a title in: “与《收支预算总表》收入数一致”
_CITED = re.compile(r"《[^《》]*》")


def _printing(line: Line) -> str | None:
    """The words of a line that could print a table's title: not a sentence (one that ends, with 。) nor the
    heading of the narrative's words on a table (“一、收支预算总表情况说明”), the titles it cites in 《》 set
    aside."""
    if "。" in line.text or line.key.endswith("说明"):
        return None
    return _CITED.sub("", line.key)


def _printed(entry: Entry, longer: list[str], keys: list[str]) -> bool:
    """Whether a line of the body prints the entry's title, not as part of the title of another entry that holds
    it (收支总表 is printed in 财政拨款收支总表, which the contents list as a table of its own)."""
    return any(entry.title in k and not any(t in k for t in longer) for k in keys)


# a table's number before its title: “公开 10 表：”, “单位预算01表”, “表一”
_TABLE_NUMBER = re.compile(r"^.{0,12}?表\s*[一二三四五六七八九十\d]*\s*[:：]")
# a table's number run into its title: “表4财政拨款…”, “单位预算01表2026年…”, “单位预算表102026年…”, “公开表一…”
_NUMBER_PREFIX = re.compile(r"^(?:(?:附|公开)?表[一二三四五六七八九十]{1,3}|[^表\d]{0,6}?\d{1,3}表"
                            r"|[^表\d]{0,6}?表\d{1,3}?(?=20\d{2}年|\D))")
# what a title runs on into: “…收入预算总表编制单位：上海市数据局”, “…部门：江苏省政协办公厅 单位：万元”
_RUNNING_HEAD = re.compile(r"(?:编制单位|编制部门|预算单位|部门|单位)[:：].*$")


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
    if not is_title(text) or _PART.match(text) or not text.endswith("表") or _NUMBER_ONLY.match(text):
        return None
    return title_key(text)


def _compared(title: str, department: str) -> str:
    """A title of the body as an entry's title is compared: its number, year and department set aside, and what
    it runs on into (编制单位：…)."""
    t = _RUNNING_HEAD.sub("", _TABLE_NUMBER.sub("", title_key(title)))
    t = _NUMBER_PREFIX.sub("", t) if not _NUMBERING.match(t) else t
    return _title(t, department) or title_key(title)


# how closely an entry fits a title of the body, the closest first: the same title; the same words; the same
# characters in another order; the entry within a longer title; the words of the one in the other, some left out
_FITS: tuple[Callable[[str, str], bool], ...] = (
    lambda a, b: a == b,
    lambda a, b: _bare(a) == _bare(b),
    lambda a, b: sorted(_bare(a)) == sorted(_bare(b)),
    lambda a, b: a in b,
    lambda a, b: within(_bare(a), _bare(b)) or within(_bare(b), _bare(a)),
)


def _pin(entries: list[Entry], titles: set[str]) -> tuple[list[Entry], set[str]]:
    """The entries not pinned to a title of the body, and the titles no entry is pinned to: an entry is pinned to
    a title when, at the closest fit either has left, each is the other's only one (two tables of the body
    printed under one title, or two entries fitting one title as closely, pin nothing)."""
    left, free = list(entries), set(titles)
    changed = True
    while changed:
        changed = False
        for fits in _FITS:
            pairs = [(e, t) for e in left for t in free if fits(e.title, t)]
            for e, t in pairs:
                if sum(1 for x, _ in pairs if x is e) == 1 and sum(1 for _, y in pairs if y == t) == 1:
                    left.remove(e)
                    free.discard(t)
                    changed = True
            if changed:
                break
    return left, free


def missing_tables(d: Disclosure, figures: dict | None = None) -> list[Finding]:
    """Each table the contents list that no source of the disclosure prints."""
    department = compact(d.department)
    # a table the importer neither recognised nor read a title of may be any missing one
    unread = KINDS[Kind.GENERIC].label                  # the title the importer gives such a table
    if any(not t.title.strip() or (t.kind == Kind.GENERIC and t.title.startswith(unread)) for t in d.tables):
        return []
    parsed = {s.name: contents(s, department) for s in d.sources}
    if not any(sum(1 for e in entries if _is_table(e)) >= 3 for entries, _ in parsed.values()):
        return []                                   # no contents that list tables: nothing to look for
    starts = {s.name: _start(s.text) for s in d.sources}
    # the body: every line but those of a table of contents (another source's contents name, not print)
    body = [line for s in d.sources for line in lines(s)
            if not (parsed[s.name][1] and starts[s.name] <= line.number < parsed[s.name][1])]
    printing = [(line, _printing(line)) for line in body]
    out = []
    for source in d.sources:
        entries, end = parsed[source.name]
        tables = [e for e in entries if _is_table(e)]
        if len(tables) < 3:
            continue
        # the tables of the body, by title; each entry pinned to its own, word for word or in other words
        # (“政府采购支出预算表” printed “政府采购预算表”); an entry left over is printed if a line prints it that
        # is not the title of a table another entry took (财政拨款支出预算表 is printed within
        # 政府性基金预算财政拨款支出预算表, the table of 政府性基金财政拨款支出预算表)
        by_title: dict[str, list[str]] = {}
        for key in [k for k in (_table_title(line) for line in body) if k] + [t.title for t in d.tables]:
            by_title.setdefault(_compared(key, department), [])
        for t in d.tables:
            by_title[_compared(t.title, department)].append(t.kind)
        # not a table: the heading of them all (部门预算表), the last character of a title broken in two (表)
        titles = {t for t in by_title if len(t) >= 4 and _bare(t) and not _ALL_TABLES.match(_TABLE_END.sub("表", t))}
        missing, free = _pin(tables, titles)
        taken = titles - free
        keys = [k for line, k in printing if k and _compared(line.key, department) not in taken] + \
            [title_key(t.title) for t in d.tables if _compared(t.title, department) not in taken]
        entry_titles = {e.title for e in tables}
        missing = [e for e in missing if not _printed(e, [t for t in entry_titles if e.title in t and t != e.title],
                                                      keys)]
        if not missing or len(missing) * 2 > len(tables):
            continue
        present = len(tables) - len(missing)
        # a table no entry took may be a missing one under a title not read as its entry's, or one the importer
        # recognised as a kind the entry's title could name
        kinds = {k for t in free for k in by_title[t]}
        missing = [e for e in missing if not any(_alike(e.title, t) for t in free)
                   and not kinds_by_title(e.title) & kinds]
        for e in missing:
            out.append(Finding("contents", Severity.WARNING,
                               f"目录列有“{e.text}”，但文件中没有这张表（目录中的其他 {present} "
                               f"张表都在）", e.line.document, e.line.number,
                               expected=f"表“{e.title}”", found="无此表"))
    return out
