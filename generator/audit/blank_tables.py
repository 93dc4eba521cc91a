"""The narrative's figures against a table the document leaves blank.

A department without “三公” spending prints its “三公” table empty and says so (“本年度没有财政
拨款“三公”经费支出，故本表无数据”).  A table printed blank while the narrative states a figure
other than zero for it (“三公”经费…支出决算为 12.50 万元) contradicts itself.  Blank means blank in
the document: no figure in any cell of the lines the table is printed on, down to the next line
of running text, so a table the importer could not read is never taken for an empty one.  The
narrative's figure is one the sentence states of this year (a clause naming another year or
上年 is passed over).
"""

from __future__ import annotations

import re

from generator.audit.doctext import Money, money, prose, quote
from generator.core import vocabulary as V
from generator.core.model import Disclosure, Finding, Table
from generator.core.money import looks_like_number
from generator.core.vocabulary import Kind, Severity

# what names “三公” or one of its parts in a sentence
_THREE_PUBLIC = re.compile(r"三公|因公出国[（(]境[)）]费|公务接待费|公务用车购置及运行(?:维护)?费|公务用车购置费|公务用车运行(?:维护)?费")
# the words right before a figure that make it the amount of the year: “支出决算为”, “预算数为”, “费支出”, “费”
_OF_THE_YEAR = re.compile(r"(?:(?:支出)?(?:决算|预算)(?:数)?(?:为|是)?|费(?:用)?(?:支出)?(?:为)?|支出(?:为)?)\s*$")
_OTHER_TIME = re.compile(r"上年|去年|上一年|增加|减少|增长|下降|比|较")
_CLAUSE_MARKS = re.compile(r"[，,。；;：:]")
_SENTENCE_MARKS = re.compile(r"[。；;]")


def printed_blank(d: Disclosure, t: Table) -> bool:
    """Whether the lines a table is printed on (through any rows after them up to the next running text)
    hold no figure at all."""
    source = next((s for s in d.sources if s.name == t.document), None)
    if source is None or not source.text:
        return False
    first, last = t.lines
    end = last
    while end < len(source.text) and ("\t" in source.text[end] or not source.text[end].strip()):
        end += 1
    for text in source.text[first - 1:end]:
        if "\t" in text and any(looks_like_number(c.strip()) for c in text.split("\t") if c.strip()):
            return False
    return True


def _figures_of_the_year(text: str, year: int) -> list[Money]:
    """The figures of “三公” a line states of this year, other than zero."""
    out = []
    for f in money(text):
        if not f.yuan:
            continue
        clause = text[max((m.end() for m in _CLAUSE_MARKS.finditer(text, 0, f.start)), default=0):f.start]
        sentence = text[max((m.end() for m in _SENTENCE_MARKS.finditer(text, 0, f.start)), default=0):f.start]
        if not _THREE_PUBLIC.search(sentence) or not _OF_THE_YEAR.search(text[max(0, f.start - 8):f.start]):
            continue
        if _OTHER_TIME.search(clause) or any(int(y) != year for y in re.findall(r"(20\d{2})\s*年", clause)):
            continue
        out.append(f)
    return out


def three_public_blank(d: Disclosure, figures: dict | None = None) -> list[Finding]:
    """The “三公” table printed blank while the narrative states a “三公” figure other than zero."""
    t = d.table(Kind.THREE_PUBLIC)
    if t is None or any(c.yuan is not None for r in t.rows for c in r.cells) or not printed_blank(d, t):
        return []
    out = []
    for line in prose(d):
        for f in _figures_of_the_year(line.text, d.year):
            out.append(Finding("blank-table", Severity.WARNING,
                               f"说明称“{quote(line.text, f.start, f.end, 24)}”，但{t.title}（{t.document} 第 "
                               f"{t.title_line or t.lines[0]} 行）没有填列任何数字",
                               line.document, line.number, expected=f"{V.MEASURES[V.THREE_PUBLIC]}表中的数字",
                               found="空表", table=t.id))
            break
    return out
