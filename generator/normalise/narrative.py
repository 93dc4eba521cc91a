"""Narrative sections and the 名词解释 glossary, as printed, from text lines.

Pure functions over the text lines that lie outside tables.  Text is kept
as printed (markup already reduced to plain text); section bodies are
written as Markdown with HTML-special characters escaped so that nothing in
a document can become live markup on a page.
"""

from __future__ import annotations

import html
import re

from generator.core.model import Section, Term
from generator.core.text import compact
from generator.read.layout import TextLine
# the titles of a template's parts printed without numbering (上海: “XX（部门）主要职能”, “2024年部门预算编制说明”),
# and the section keys of headings, are the template families' words
from generator.templates.registry import PART_TITLE as _PART_TITLE, SECTION_KEYS

_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
_LEVEL1 = re.compile(r"^[一二三四五六七八九十]+、\s*(.+)$")
_TERM = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])\s*([^：:]{2,30})[：:]\s*(.+)$")
_LEADERS = re.compile(r"[…．.·]{2,}\d*$")
# what a table prints above itself, never narrative: its number and title (公开01表, 表1收支总体情况表,
# 2024年部门财务收支预算总表, 收支预算总表（续）), its unit and department (编制部门：… 单位：元, 单位：万元,
# 部门名称：…, 单位名称:…), or a title and unit on one line (…预算总表编制单位：…)
_TABLE_NUMBER = r"(?:(?:公开|附)\s*)?(?:表\s*[\d一二三四五六七八九十]+|\d+\s*表)"
_TABLE_TITLE = re.compile(rf"^(?:{_TABLE_NUMBER}[：:、.．\s]*)?[^。；;，,：:]{{0,60}}表(?:\s*[（(]续[)）])?$|^{_TABLE_NUMBER}$")
_CAPTION = re.compile(r"(?:编制(?:部门|单位)|部门名称|单位名称|^预算单位|^部门|^单位)\s*[：:]|单位\s*[：:]\s*(?:千|万|亿)?元$")
# a numbered list item as Markdown reads one (“1. ”): its number is printed, Markdown's would be counted
_LIST_ITEM = re.compile(r"^(\d{1,9})\.([ \t])")
_STOP = re.compile(r"^(附件|附表|第[一二三四五六七八九十]+部分|\d{4}\s*年\s*\d+\s*月\s*\d+\s*日)")



def section_key(title: str) -> str:
    for key, words in SECTION_KEYS:
        if any(w in title for w in words):
            return key
    return "section"


def _is_heading(text: str) -> bool:
    m = _LEVEL1.match(text)
    return bool(m) and len(text) <= 40 and not re.search(r"[。；]", text) and "：是指" not in text


def glossary(lines: list[TextLine], document: str) -> list[Term]:
    """The 名词解释 terms with their definitions as printed (wrapped lines joined).

    The table of contents names the section too, so the terms are read
    after the last 名词解释 heading.  They end at a stop line, or at the next
    part's title or level-1 heading (上海 prints its 编制说明 after the
    glossary): the last term's definition must not take in what follows.
    """
    headings = [i for i, tl in enumerate(lines) if "名词解释" in tl.text and len(tl.text) < 30]
    terms: list[Term] = []
    for tl in lines[headings[-1] + 1:] if headings else []:
        text = tl.text
        if _STOP.match(text) and terms:
            break
        m = _TERM.match(text)
        if m:
            terms.append(Term(m.group(1).strip(), m.group(2).strip(), document, tl.line))
        elif terms and (_PART_TITLE.match(text) or _is_heading(text)):
            break
        elif terms and not _PART.match(text):
            terms[-1].definition += text      # a definition wrapped onto the next paragraph
    return terms


def without_contents(lines: list[TextLine]) -> list[TextLine]:
    """Drop the table of contents (目录).

    Printed with leader dots (``一、部门主要职能 ……``), it ends at the first
    line without them; printed without, it ends where a listed heading recurs
    or where running text begins.
    """
    keys = [compact(tl.text).lstrip("-#") for tl in lines]
    start = next((i for i, k in enumerate(keys) if k in ("目录",)), None)
    if start is None:
        return lines
    if start + 1 < len(keys) and _LEADERS.search(keys[start + 1]):
        end = next((i for i in range(start + 1, len(keys)) if not _LEADERS.search(keys[i])), len(keys))
        return lines[:start] + lines[end:]
    seen: set[str] = set()
    for i in range(start + 1, len(keys)):
        part = _PART.match(keys[i])
        key = part.group(0) if part else keys[i]
        if key in seen:
            return lines[:start] + lines[i:]
        if _is_paragraph(keys[i]):
            # the body has begun; its title, printed unnumbered just before (上海: “XX主要职能”), is kept
            back = i - 1 if i - 1 > start and _PART_TITLE.match(keys[i - 1]) else i
            return lines[:start] + lines[back:]
        seen.add(key)
    return lines


def _is_paragraph(text: str) -> bool:
    """A line of running text, which no table of contents holds: long, or with a full stop."""
    return len(text) > 60 or "。" in text


def is_caption(text: str, repeated: bool = False) -> bool:
    """A line a table or a page prints about itself, never narrative: a table's number and title, its unit
    and department, or (``repeated``: printed three times or more) a running head such as the document's
    title atop each page.  A heading is none of them, nor is a line with a full stop (nor, repeated, one
    that ends a clause: “具体包括：”)."""
    if "。" in text or len(text) > 120 or _is_heading(text) or _PART_TITLE.match(text):
        return False
    return bool(_TABLE_TITLE.match(text) or _CAPTION.search(text)) \
        or (repeated and len(text) >= 4 and not text.endswith(("：", ":", "；", ";", "！", "？")))


def _body(lines: list[TextLine]) -> list[TextLine]:
    """The lines that may be narrative: captions and running heads left out."""
    counts: dict[str, int] = {}
    for tl in lines:
        counts[tl.text] = counts.get(tl.text, 0) + 1
    return [tl for tl in lines if not is_caption(tl.text, counts[tl.text] >= 3)]


def sections(lines: list[TextLine], document: str) -> list[Section]:
    """Level-1 narrative sections (一、… headings, or the titles of a template's parts) with their paragraphs.

    The glossary is not a section: where it stands between parts (上海), the
    sections go on at the next part title; where it ends the narrative, they end.
    The captions of tables and the running heads of pages are no part of any section.
    """
    lines = _body(without_contents(lines))
    out: list[Section] = []
    current: tuple[str, int, list[str]] | None = None
    in_glossary = False
    part = False                                 # the line before named a part alone (“第三部分”)
    for tl in lines:
        text = tl.text
        after_part, part = part, bool(_PART.fullmatch(text.replace(" ", "")))
        if "名词解释" in text and len(text) < 30 and (out or (current and current[2])):
            if current and current[2]:
                out.append(_section(current, document))
            current, in_glossary = None, True
            continue
        title = _PART_TITLE.match(text)
        if in_glossary and not title:
            continue
        if _PART.match(text):
            continue
        if after_part and not title and not _is_heading(text) and len(text) <= 40 and not re.search(r"[。；，]", text):
            continue                             # the part's title on the line after its number: no narrative
        if title or _is_heading(text):
            if current and current[2]:
                out.append(_section(current, document))
            current = (_LEVEL1.match(text).group(1).rstrip("：:") if _is_heading(text) else text, tl.line, [])
            in_glossary = False
            continue
        if current is not None:
            body = text.lstrip("-").strip()
            if body:
                current[2].append(body)
    if current and current[2]:
        out.append(_section(current, document))
    return out


def _numbered(paragraphs: list[str]) -> list[str]:
    """Paragraphs with the printed numbers of their list items kept.

    Markdown reads a run of paragraphs that open with “1. ” as one list and numbers it itself, from the
    first number on: a run printed 1, 2, 3 (or 3, 4, 5) is left a list, and any other run (1, 1, 2: a
    second list straight after the first; 1, 3) has its numbers escaped (“1\\. ”), so that each
    paragraph shows its number as printed.
    """
    out = list(paragraphs)
    i = 0
    while i < len(out):
        if not _LIST_ITEM.match(out[i]):
            i += 1
            continue
        j = i
        while j < len(out) and _LIST_ITEM.match(out[j]):
            j += 1
        numbers = [int(_LIST_ITEM.match(p).group(1)) for p in out[i:j]]
        if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
            out[i:j] = [_LIST_ITEM.sub(r"\1\\.\2", p, count=1) for p in out[i:j]]
        i = j
    return out


def _section(current: tuple[str, int, list[str]], document: str) -> Section:
    title, line, paragraphs = current
    body = "\n\n".join(_numbered([html.escape(p, quote=False) for p in paragraphs]))
    return Section(section_key(title), title, f"## {html.escape(title, quote=False)}\n\n{body}\n", document, line)
