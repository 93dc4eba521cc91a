"""Bar charts drawn at build time: escaped, to scale, readable without script."""

import re

from generator.site.pages.svg import WIDTH, VALUE_SPACE, bars


def _widths(svg: str) -> list[int]:
    return [int(w) for w in re.findall(r'<rect x="0" y="\d+" width="(\d+)"', svg)]


def test_bars_are_to_scale_and_a_blank_draws_nothing():
    svg = str(bars("c", "标题", "概述", ["甲", "乙", "丙"], [("决算数", "#000", [200_0000, 50_0000, None])]))
    assert _widths(svg) == [WIDTH - VALUE_SPACE, (WIDTH - VALUE_SPACE) // 4]
    assert "—" in svg and "200.00" in svg and "50.00" in svg
    assert '<title id="c-svg-t">标题</title>' in svg and '<desc id="c-svg-d">概述</desc>' in svg


def test_a_tiny_figure_is_still_seen_and_zero_is_not_drawn():
    svg = str(bars("c", "t", "s", ["大", "小", "零"], [("a", "#000", [10**9, 1, 0])]))
    assert _widths(svg) == [WIDTH - VALUE_SPACE, 1]


def test_labels_from_documents_are_escaped():
    svg = str(bars("c", "<b>", "&", ["<script>alert(1)</script>"], [("a&b", "#000", [1]), ("c", "#111", [2])]))
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "<b>" not in svg and "a&amp;b" in svg


def test_two_series_get_a_legend_and_a_bar_each():
    svg = str(bars("c", "t", "s", ["甲"], [("预算数", "#aaa", [100]), ("决算数", "#000", [90])]))
    assert svg.count("<rect") == 2 + 2 and "预算数" in svg and "决算数" in svg
    # a bar's colour is all that says its series, so its title names it too; one series needs no title
    assert re.findall(r"<rect[^>]*><title>([^<]*)</title>", svg) == ["甲 预算数：0.01 万元", "甲 决算数：0.01 万元"]
    one = str(bars("c", "t", "s", ["甲", "乙"], [("金额", "#000", [100, 50])]))
    assert one.count("<title") == 1 and one.count("<rect") == 2
