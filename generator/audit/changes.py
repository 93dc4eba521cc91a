"""The change from last year a sentence states against its own figures.

“支出 1,951.48 万元，与上年相比增加 487.93 万元，增长 33.34%”: this year's figure A and the
change X give last year's (A − X, or A + X for a decrease), and the rate is X over last year's.
Where the sentence prints last year's figure itself (“比上年的 B 万元增加 X 万元”) the change is
also held against A − B.  And the two words of one change agree: an amount that 增加 does not
下降 by a percentage.

The check is silent where it cannot be sure: when last year's figure would be zero (a rate from
nothing: documents print 100%), when another figure printed before the change in the same
line gives the rate stated (the sentence's subject may be that one), and within the rounding
of every printed figure and one unit of the rate's last digit (documents round the rate or cut
it, some from figures rounded on the way).
"""

from __future__ import annotations

import re
from decimal import Decimal

from generator.audit.doctext import Money, money, prose, quote
from generator.core.model import Disclosure, Finding
from generator.core.vocabulary import Severity

# “增加 487.93 万元，增长 33.34%”, “减少 8,817.95 万元，减少 53.65%”
_CHANGE = re.compile(r"(增加|减少|增长|下降)\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)\s*[，,、]?\s*(?:同比)?"
                     r"(增长|下降|增加|减少|增幅|降幅)(?:为)?\s*(\d+(?:\.\d+)?)\s*[%％]")
# the change is from last year: “与上年相比”, “比 2023 年度”, “较上年”
_FROM_LAST_YEAR = re.compile(r"(?:比|较|与|同)\s*(?:上年|上一年|去年|20\d{2}\s*年)")
_UP = {"增加", "增长", "增幅"}


def _rate(change: int, base: int) -> Decimal:
    return (Decimal(change) * 100 / Decimal(base)).quantize(Decimal("0.01"))


def _rate_fits(stated: Decimal, decimals: int, current: Money, change: Money, up: bool) -> bool | None:
    """Whether a stated rate is the change over last year's figure, within the rounding of the printed
    figures and of the rate; None when last year's figure would be zero or less (no rate to compare)."""
    base = current.yuan - change.yuan if up else current.yuan + change.yuan
    slack = current.tolerance + change.tolerance
    if base - slack <= 0:
        return None
    low = Decimal(change.yuan - change.tolerance) * 100 / Decimal(base + slack)
    high = Decimal(change.yuan + change.tolerance) * 100 / Decimal(base - slack)
    # a rate printed rounded or cut after its last digit (documents do both: 10.158% printed 10.15%), or
    # worked from figures rounded on the way: one unit of its last digit either side is not held against it
    unit = Decimal(1).scaleb(-decimals)
    return low - unit <= stated <= high + unit


def stated_changes(d: Disclosure, figures: dict | None = None) -> list[Finding]:
    """Each “增加/减少 X 万元，增长/下降 Y%” against this year's figure before it (and last year's, where
    printed)."""
    out = []
    for line in prose(d):
        text = line.text
        for m in _CHANGE.finditer(text):
            amount_word, rate_word = m.group(1), m.group(4)
            said = quote(text, m.start(), m.end(), 0)
            up = amount_word in _UP
            if up != (rate_word in _UP):
                if _is_zero(m.group(2)) and _is_zero(m.group(5)):
                    continue
                out.append(Finding("change", Severity.WARNING,
                                   f"说明称“{said}”：同一变动，金额说{amount_word}，比例却说{rate_word}",
                                   line.document, line.number, expected=f"{amount_word} … {_same(amount_word)}",
                                   found=f"{amount_word} … {rate_word}"))
                continue
            cue = None
            for c in _FROM_LAST_YEAR.finditer(text, max(0, m.start() - 40), m.start()):
                cue = c
            if cue is None:
                continue
            change = money(text, m.start(), m.end())[0]
            before = money(text, 0, cue.start())
            if not before:
                continue
            current = before[-1]
            between = money(text, cue.end(), m.start())
            stated = Decimal(m.group(5))
            decimals = len(m.group(5).partition(".")[2])
            if len(between) == 1:
                out += _against_last_year(line, text, current, between[0], change, up, m)
                continue
            if between:
                continue
            fits = _rate_fits(stated, decimals, current, change, up)
            if fits is None or fits:
                continue
            # another figure of the line before the change may be the one it is of: not sure, say nothing
            if any(_rate_fits(stated, decimals, other, change, up) is not False for other in before[:-1]):
                continue
            base = current.yuan - change.yuan if up else current.yuan + change.yuan
            computed = _rate(change.yuan, base)
            whole = quote(text, current.start, m.end(), 0)
            out.append(Finding("change", Severity.WARNING,
                               f"说明称“{whole}”：上年为 {current.printed} {'−' if up else '+'} {change.printed}，"
                               f"{amount_word}的比例应为 {computed}%，而不是 {stated}%",
                               line.document, line.number, expected=f"{computed}%", found=f"{stated}%",
                               expected_as="按所列数字计算", found_as="文字说明所称"))
    return out


def _against_last_year(line, text: str, current: Money, last: Money, change: Money, up: bool,
                       m: re.Match[str]) -> list[Finding]:
    """“A 万元，比上年 B 万元增加 X 万元”: the word and the amount against A − B."""
    difference = current.yuan - last.yuan
    slack = current.tolerance + last.tolerance + change.tolerance
    signed = change.yuan if up else -change.yuan
    if abs(difference - signed) <= slack:
        return []
    whole = quote(text, current.start, m.end(), 0)
    return [Finding("change", Severity.WARNING,
                    f"说明称“{whole}”：本年 {current.printed} 与上年 {last.printed} 相差 "
                    f"{'+' if difference >= 0 else '−'}{abs(Decimal(difference)) / 10000:,.2f} 万元",
                    line.document, line.number, expected=f"{abs(Decimal(difference)) / 10000:,.2f} 万元",
                    found=f"{m.group(1)} {change.printed}", expected_as="两年数字相减", found_as="文字说明所称")]


def _is_zero(printed: str) -> bool:
    return printed.replace(",", "").strip("0.") == ""


def _same(word: str) -> str:
    return "增长" if word in _UP else "下降"  # the word the rate would say
