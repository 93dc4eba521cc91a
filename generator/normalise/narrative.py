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
from generator.read.layout import TextLine

_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
_LEVEL1 = re.compile(r"^[一二三四五六七八九十]+、\s*(.+)$")
_TERM = re.compile(r"^[一二三四五六七八九十]+、\s*([^：:]{2,30})[：:]\s*(.+)$")
_STOP = re.compile(r"^(附件|附表|第[一二三四五六七八九十]+部分|\d{4}\s*年\s*\d+\s*月\s*\d+\s*日)")

SECTION_KEYS = [
    ("fiscal", ("财政拨款收入支出", "财政拨款收支")), ("duties", ("职责", "职能")), ("structure", ("单位构成", "机构")), ("staff", ("人员构成",)),
    ("vehicles", ("车辆构成",)), ("overview", ("收支预算总体", "收入支出预算总体", "收支总体")),
    ("income", ("收入预算",)), ("expenditure", ("支出预算说明", "支出预算总体")),
    ("changes", ("增减变化",)), ("fiscal", ("财政拨款",)), ("general_budget", ("一般公共预算支出",)),
    ("basic", ("基本支出",)), ("three_public", ("三公",)), ("gov_fund", ("政府性基金",)),
    ("state_capital", ("国有资本经营",)), ("running_costs", ("运行经费", "运转经费")),
    ("economic", ("经济分类",)), ("procurement", ("政府采购",)), ("assets", ("国有资产",)),
    ("performance", ("绩效",)), ("transfers", ("转移支付",)), ("empty_tables", ("空表",)),
    ("other", ("其他重要事项",)),
]


def section_key(title: str) -> str:
    for key, words in SECTION_KEYS:
        if any(w in title for w in words):
            return key
    return "section"


def _is_heading(text: str) -> bool:
    m = _LEVEL1.match(text)
    return bool(m) and len(text) <= 40 and not re.search(r"[。；]", text) and "：是指" not in text


def glossary(lines: list[TextLine], document: str) -> list[Term]:
    """The 名词解释 terms with their definitions as printed (wrapped lines joined)."""
    terms: list[Term] = []
    inside = False
    for tl in lines:
        text = tl.text
        if "名词解释" in text and len(text) < 30:
            inside = True
            continue
        if not inside:
            continue
        if _STOP.match(text) and terms:
            break
        m = _TERM.match(text)
        if m:
            terms.append(Term(m.group(1).strip(), m.group(2).strip(), document, tl.line))
        elif terms and not _PART.match(text):
            terms[-1].definition += text      # a definition wrapped onto the next paragraph
    return terms


def without_contents(lines: list[TextLine]) -> list[TextLine]:
    """Drop the table of contents (目录): it ends where a listed heading recurs."""
    from generator.core.text import compact

    keys = [compact(tl.text).lstrip("-#") for tl in lines]
    start = next((i for i, k in enumerate(keys) if k in ("目录",)), None)
    if start is None:
        return lines
    seen: set[str] = set()
    for i in range(start + 1, len(keys)):
        part = _PART.match(keys[i])
        key = part.group(0) if part else keys[i]
        if key in seen:
            return lines[:start] + lines[i:]
        seen.add(key)
    return lines


def sections(lines: list[TextLine], document: str) -> list[Section]:
    """Level-1 narrative sections (一、… headings) with their paragraphs."""
    lines = without_contents(lines)
    out: list[Section] = []
    current: tuple[str, int, list[str]] | None = None
    for tl in lines:
        text = tl.text
        if "名词解释" in text and len(text) < 30 and (out or (current and current[2])):
            break
        if _PART.match(text):
            continue
        if _is_heading(text):
            if current and current[2]:
                out.append(_section(current, document))
            current = (_LEVEL1.match(text).group(1).rstrip("：:"), tl.line, [])
            continue
        if current is not None:
            body = text.lstrip("-").strip()
            if body:
                current[2].append(body)
    if current and current[2]:
        out.append(_section(current, document))
    return out


def _section(current: tuple[str, int, list[str]], document: str) -> Section:
    title, line, paragraphs = current
    body = "\n\n".join(html.escape(p, quote=False) for p in paragraphs)
    return Section(section_key(title), title, f"## {html.escape(title, quote=False)}\n\n{body}\n", document, line)
