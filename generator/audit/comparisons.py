"""A 决算's comparison words against the figures they compare: “年初预算为 A 万元，支出决算为 B 万元。
决算数大于预算数的主要原因…” holds only when B > A.

The sentence states both figures; its comparison word (大于, 小于, 等于, 持平) states their
order.  The figures compared are the budget (年初预算, 全年预算, 预算数) stated last before the
comparison and the actual (支出决算, 决算数) stated right after it, in the same item of the
narrative (a numbered item, or the paragraph).  The check is silent when it cannot pin them
down: no budget or no actual before the comparison, a bare “预算数” where the sentence states two
budgets that the word would judge differently, a template's “大于（小于）” left unfilled, or
figures that differ only within their rounding.
"""

from __future__ import annotations

from generator.core import vocabulary as V

import re
from dataclasses import dataclass

from generator.audit.doctext import Line, Money, is_title, money, prose
from generator.core.model import Disclosure, Finding
from generator.core.vocabulary import Severity

# “决算数小于全年预算数”, “决算数与年初预算数持平”, “支出决算数大于预算数”
_COMPARISON = re.compile(r"决算数?\s*(?:(大于|高于|超过|多于|小于|低于|少于|等于)\s*(年初|全年)?\s*预算数?"
                         r"|与\s*(年初|全年)?\s*预算数?\s*(?<!基本)(持平|相等|一致))")
_WORDS = {"大于": ">", "高于": ">", "超过": ">", "多于": ">", "小于": "<", "低于": "<", "少于": "<",
          "等于": "=", "持平": "=", "相等": "=", "一致": "="}
# a template's alternatives left as printed: “决算数大于（小于）预算数”
_UNFILLED = re.compile(r"[（(]\s*(?:大于|小于|等于|持平|增加|减少|增长|下降)\s*[)）]")
# the figures compared: the budget (年初预算为, 全年预算为, 预算数为) and the actual (支出决算为, 决算数为)
_BUDGET = re.compile(r"(年初|全年|调整后)?预算(?:数)?(?:为|是)?\s*$")
_ACTUAL = re.compile(r"决算(?:数)?(?:为|是)?\s*$")
_ITEM_START = re.compile(r"^\s*(?:\d{1,2}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)")


@dataclass(frozen=True)
class Labelled:
    what: str             # initial | full | budget | actual
    figure: Money


def _labelled(text: str) -> list[Labelled]:
    """The budget and actual figures of ``text``, each by the words just before it."""
    out = []
    for m in money(text):
        before = text[max(0, m.start - 12):m.start]
        b = _BUDGET.search(before)
        # not a fund named before its figure (一般公共预算 300 万元, 政府性基金预算, 国有资本经营预算)
        if b and not b.group(1) and before[:b.start()].endswith(("决算", "公共", "基金", "经营")):
            continue
        if b:
            out.append(Labelled({"年初": "initial", "全年": "full", "调整后": "full"}.get(b.group(1) or "", "budget"), m))
        elif _ACTUAL.search(before):
            out.append(Labelled("actual", m))
    return out


def _span(lines: list[Line], i: int) -> str:
    """The text of the item line ``i`` belongs to, up to and including it: the line itself, and the lines
    before it back to the start of its numbered item (at most two), none of them a heading."""
    text = lines[i].text
    j = i
    while j > 0 and i - j < 2 and not _ITEM_START.match(lines[j].text):
        previous = lines[j - 1]
        if is_title(previous.text) or previous.document != lines[i].document:
            break
        text = previous.text + text
        j -= 1
    return text


def _holds(word: str, actual: Money, budget: Money) -> bool | None:
    """Whether the comparison holds of the printed figures: True, False, or None when their rounding
    leaves it open."""
    slack = actual.tolerance + budget.tolerance
    difference = actual.yuan - budget.yuan
    if word == "=":
        return abs(difference) <= slack
    if abs(difference) <= slack:
        return None
    return (difference > 0) == (word == ">")


def comparison_words(d: Disclosure, figures: dict | None = None) -> list[Finding]:
    """Each “决算数大于/小于/等于预算数” contradicted by the budget and the actual its sentence states."""
    if d.phase != V.FINAL:
        return []
    text_lines = list(prose(d))
    out = []
    for i, line in enumerate(text_lines):
        for m in _COMPARISON.finditer(line.text):
            if _UNFILLED.search(line.text[m.start():m.end() + 8]):
                continue
            word = _WORDS[m.group(1) or m.group(4)]
            basis = m.group(2) or m.group(3)
            span = _span(text_lines, i)
            cut = len(span) - len(line.text) + m.start()
            found = _labelled(span[:cut])
            budgets = [k for k, f in enumerate(found) if f.what != "actual"]
            if not budgets:
                continue
            last = budgets[-1]
            actual = next((f for f in found[last + 1:] if f.what == "actual"), None)
            if actual is None:
                continue
            stated = {f.what: f for f in reversed(_run_of(found, last))}
            if basis:
                chosen = stated.get("initial" if basis == "年初" else "full")
                if chosen is None:
                    continue
                compared = [chosen]
            else:
                compared = list(stated.values())
            # a bare 预算数 of a sentence stating two budgets: a finding only if the word fails against both
            if {_holds(word, actual.figure, b.figure) for b in compared} != {False}:
                continue
            budget = compared[0]
            said = span[max(0, min(b.figure.start for b in compared) - 6):cut] + m.group(0)
            named = "、".join(f"{_BUDGET_NAMES[b.what]} {b.figure.printed}" for b in compared)
            out.append(Finding("comparison", Severity.WARNING,
                               f"说明称“{line.text[m.start():m.end()]}”，但所列{named}，支出决算 "
                               f"{actual.figure.printed}（“{said}”）",
                               line.document, line.number,
                               expected=_EXPECTED[_order(actual.figure, budget.figure)],
                               found=line.text[m.start():m.end()]))
    return out


_BUDGET_NAMES = {"initial": "年初预算", "full": "全年预算", "budget": "预算数"}
_EXPECTED = {">": "决算数大于预算数", "<": "决算数小于预算数", "=": "决算数与预算数持平"}


def _order(actual: Money, budget: Money) -> str:
    if abs(actual.yuan - budget.yuan) <= actual.tolerance + budget.tolerance:
        return "="
    return ">" if actual.yuan > budget.yuan else "<"


def _run_of(found: list[Labelled], last: int) -> list[Labelled]:
    """The budgets stated together, ending at ``last``: “年初预算为 A 万元，全年预算为 B 万元”."""
    run = []
    k = last
    while k >= 0 and found[k].what != "actual":
        run.append(found[k])
        k -= 1
    return run
