"""The date of the assets a disclosure states (截至 YYYY 年 12 月 31 日) against its year.

A 决算 of 2024 states what the department held at the end of 2024: “截至 2024 年 12 月 31
日，…共有车辆 0 辆”; a 预算 of 2026, drawn up in 2025, what it held in 2025 (“截至2025年8月31
日”).  A date of another year in the sentence on the assets is last year's text left
standing.  Only sentences on assets are read (车辆, 资产, 设备, 房屋, 土地): a date elsewhere
may be any date.
"""

from __future__ import annotations

from generator.core import vocabulary as V

import re

from generator.audit.doctext import prose, quote
from generator.core.model import Disclosure, Finding
from generator.core.vocabulary import Severity

_AS_OF = re.compile(r"截[至止](?:到)?\s*(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})?\s*日?")
_ASSETS = re.compile(r"车辆|用车|资产|设备|房屋|土地")


# the last month a 预算 of a year is published in (approved by the people's congress early in the year, published
# within weeks): an asset date of that year after it would be a date to come
_PUBLISHED_BY = 6


def _expected(phase: str, year: int) -> tuple[int, ...]:
    """The years an asset date of a disclosure of ``phase`` and ``year`` names."""
    return (year,) if phase == V.FINAL else (year - 1, year)


def _of_another_year(phase: str, year: int, date: tuple[int, int, int | None]) -> bool:
    """Whether an asset date cannot be the disclosure's: before its year (a 预算: before the year it was
    drawn up in), after its publication (a 预算's own year past mid-year), or the end of a later year; a 决算
    published in the next year may state a date of that year, and is not held to its year-end there."""
    y, month, day = date
    if phase == V.FINAL:
        return y < year or y > year + 1 or (y == year + 1 and (month, day) == (12, 31))
    # a 预算 is published in the first months of its year: a date in its second half has not come yet
    return y < year - 1 or y > year or (y == year and month > _PUBLISHED_BY)


def asset_dates(d: Disclosure, figures: dict | None = None) -> list[Finding]:
    """Each asset date whose year is not the disclosure's (a 决算's own year; a 预算's year or the one
    before)."""
    if not d.year:
        return []
    allowed = _expected(d.phase, d.year)
    out = []
    for line in prose(d):
        if not _ASSETS.search(line.text):
            continue
        for m in _AS_OF.finditer(line.text):
            year = int(m.group(1))
            if not _of_another_year(d.phase, d.year, (year, int(m.group(2)), int(m.group(3) or 0) or None)):
                continue
            expected = "、".join(f"{y} 年" for y in allowed)
            out.append(Finding("date-year", Severity.WARNING,
                               f"资产情况的日期“{quote(line.text, m.start(), m.end())}”是 {year} 年，而本文件是 "
                               f"{d.year} 年的{d.phase}（应为 {expected}）",
                               line.document, line.number, expected=expected, found=f"{year} 年"))
    return out
