"""Markdown to safe HTML: the fast path for plain narrative gives exactly what Markdown gives."""

import random
from pathlib import Path

import pytest

from generator.site.pages import sanitize
from generator.site.pages.sanitize import _markdown_html, _plain_html, render_markdown

DATA = Path(__file__).resolve().parents[2] / "data" / "disclosures"


def _sections() -> list[str]:
    return [p.read_text(encoding="utf-8").partition("\n")[2] for p in sorted(DATA.glob("*/*/*/narrative/*.md"))]


@pytest.mark.parametrize("shift", [0, 1])
def test_sections_of_the_samples_render_as_markdown_renders_them(shift):
    sections = _sections()
    plain = [s for s in sections if _plain_html(s, shift) is not None]
    assert len(plain) >= len(sections) * 3 // 4          # the fast path is what most narrative takes
    mixed = [s for s in sections if s not in plain and sanitize._mixed_html(s, shift) is not None]
    assert mixed                                          # and the lists between paragraphs the other
    # whole-section Markdown only where a section prints a character Markdown may act on (a “+” in
    # “人工智能+”): a few in a hundred at most
    slow = [s for s in sections if s not in plain and s not in mixed]
    assert len(slow) * 50 <= len(sections), [s[:80] for s in slow]
    for text in sections:
        assert render_markdown(text, shift) == _markdown_html(text, shift), text[:200]


# generated texts: plain words and line ends, with now and then one or two of the things that make Markdown
# (or its clean-up of white space) do something, anywhere
_PLAIN = ["部门预算", "一般公共服务支出", "2024年", "万元", "abc", "1", "。", "（一）", " ", "\n", "\n\n", "## "]
_RISKY = [" ", "  ", "\n", "\n\n", "\n\n\n", "## ", "#", "### ", "1. ", "2)", "- ", "* ", "+ ", ":", "**", "_",
          "`", "[", "]", "(", ")", "<b>", "&amp;", "&", "\\", "|", "---", "===", "    ", "\t", "\u3000", "\xa0",
          "\r", "\x02", "!", "~", "{", ">", "\n    ", "\n1. ", "\n- ", "\n---\n", "\n===\n", "\n1.", "\n12.",
          "\n1.\n", "\n3)", "\n100.00%", "\n\n1.", "\n1.  ", "1.", "\n2.\t", "\n1.\u3000"]


def _generated(rng: random.Random) -> str:
    pieces = [rng.choice(_PLAIN) for _ in range(rng.randint(1, 30))]
    for _ in range(rng.choice([0, 0, 1, 2])):
        pieces.insert(rng.randint(0, len(pieces)), rng.choice(_RISKY))
    return "".join(pieces)


def test_generated_texts_render_as_markdown_renders_them_or_go_to_markdown():
    rng = random.Random(20261206)
    taken = 0
    for _ in range(6000):
        text = _generated(rng)
        for shift in (0, 1):
            fast = _plain_html(text, shift)
            if fast is not None:
                taken += 1
                assert fast == _markdown_html(text, shift), repr(text)
    assert taken > 1000


# blocks of the narratives' kinds: paragraphs, headings and numbered lists, with the list forms Markdown
# reads in its own way (a continued item, an item in a paragraph, an indented one, marks inside one …)
_BLOCKS = ["部门预算一般公共服务支出", "## 概况", "1. 部门预算", "2. 万元\n3. abc", "12. 2024年", "1. 甲\n续行",
           "3. 乙", "1.办公室", "  1. 缩进", "1. **粗体**", "1. ", "1.  两个空格", "- 项", "1) 甲", "甲\n1. 乙",
           "1. 甲\n\n    续段", "1. <b>甲</b>", "100.00%。", "1. 甲\n- 乙", "1. 甲\n2.乙"]


@pytest.mark.slow
def test_texts_with_numbered_lists_render_as_markdown_renders_them():
    rng = random.Random(20261207)
    taken = 0
    for _ in range(1500):      # of four wrong versions of the mixed path, 4,000 texts caught none that 1,500 miss
        glue = ["\n\n"] * 6 + ["\n", "\n\n\n"]
        text = rng.choice(_BLOCKS)
        for _ in range(rng.randint(0, 7)):
            text += rng.choice(glue) + rng.choice(_BLOCKS)
        for shift in (0, 1):
            made = render_markdown(text, shift)
            assert made == _markdown_html(text, shift), repr(text)
            taken += sanitize._plain_html(text, shift) is None and sanitize._mixed_html(text, shift) is not None
    assert taken > 150                                   # lists between plain paragraphs take the mixed path


def test_text_that_is_not_plain_goes_to_markdown():
    for text in ["## 标题\n\n1. 第一\n2. 第二", "1.", "甲\n1. 乙", "甲\n2)", "**粗体**", "a  \nb", "  缩进", "标题\n===", "<script>x</script>",
                 "甲&乙", "\u3000\u3000段落", "| a | b |\n|---|---|\n| 1 | 2 |", "##标题", ""]:
        assert _plain_html(text, 0) is None, text
    assert render_markdown("**粗体**") == "<p><strong>粗体</strong></p>"
    assert "alert" not in render_markdown("<script>alert(1)</script>段落")


def test_plain_text_is_made_without_markdown(monkeypatch):
    def refuse(text):
        raise AssertionError("Markdown was called")

    monkeypatch.setattr(sanitize, "_markdown", refuse)
    assert render_markdown("## 概况\n\n第一段\n接续\n## 二\n第二段", 1) == (
        "<h3>概况</h3>\n<p>第一段\n接续</p>\n<h3>二</h3>\n<p>第二段</p>")


def test_a_narrative_link_is_kept_only_to_a_web_address_and_vouched_for_by_no_one():
    rel = 'rel="nofollow noopener noreferrer"'
    for href in ("http://example.org/a?b=1#c", "https://example.org/", "HTTPS://EXAMPLE.ORG/x"):
        assert render_markdown(f"见[公开文件]({href})。") == f'<p>见<a href="{href}" {rel}>公开文件</a>。</p>'
    assert render_markdown("<https://example.org/x>") == f'<p><a href="https://example.org/x" {rel}>https://example.org/x</a></p>'
    for href in ("javascript:alert(1)", "JavaScript:alert(1)", "java&#x09;script:alert(1)", "&#106;avascript:alert(1)",
                 "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x", "mailto:a@example.org", "file:///etc/passwd",
                 "ftp://example.org/a", "//evil.example/x", "/x/index.html", "../open-data/index.html", "x.html",
                 "#top", "http:evil.example", "https:///x", "http://[x", "http://a\\@evil.example", ""):
        made = render_markdown(f"见[公开文件]({href})。")
        assert made == "<p>见公开文件。</p>", (href, made)
    # an autolink and raw HTML that are not web addresses are their text too
    assert render_markdown("<mailto:a@example.org> 与 <a href=\"javascript:x\" onclick=\"y\">点</a>") == (
        "<p>a@example.org 与 点</p>")
    assert render_markdown("<a href=\"//evil.example\">外</a><a href=\"https://example.org\">内</a>") == (
        f'<p>外<a href="https://example.org" {rel}>内</a></p>')


def test_the_sites_own_pages_may_link_to_its_pages():
    assert render_markdown("[开放数据](../open-data/index.html)", relative_links=True) == (
        '<p><a href="../open-data/index.html">开放数据</a></p>')
    assert render_markdown("[上](#top)", relative_links=True) == '<p><a href="#top">上</a></p>'
    for href in ("javascript:alert(1)", "//evil.example", "/root.html", "data:x", "mailto:a@example.org"):
        assert render_markdown(f"[链]({href})", relative_links=True) == "<p>链</p>", href
    assert 'rel="nofollow noopener noreferrer"' in render_markdown("[外](https://example.org)", relative_links=True)


def test_a_link_refused_inside_a_list_or_a_kept_one_leaves_the_markup_whole():
    made = render_markdown("1. [甲](javascript:x)乙\n2. [丙](https://example.org)丁")
    assert made == ('<ol>\n<li>甲乙</li>\n<li><a href="https://example.org" rel="nofollow noopener noreferrer">丙</a>丁'
                    '</li>\n</ol>')
    assert sanitize.clean_html('<p><a href="x">a<a href="https://e.org">b</a>c</a>d</p>') == (
        '<p>a<a href="https://e.org" rel="nofollow noopener noreferrer">b</a>cd</p>')


def test_a_numbered_list_shows_the_numbers_it_was_printed_with():
    # a list printed from 3 on (after a paragraph) starts at 3; an escaped number is text, shown as printed
    made = render_markdown("## 单位\n\n1. 办公室。\n\n下属单位：\n\n3. 中心甲。\n\n4. 中心乙。\n\n1\\. 甲。\n\n1\\. 乙。")
    assert made.count("<ol>") == 1 and made.count('<ol start="3">') == 1
    assert "<p>1. 甲。</p>\n<p>1. 乙。</p>" in made
    for start, kept in (('"7"', ' start="7"'), ('"1"', ""), ('"x"', ""), ('"-2"', ""), ('"3 onclick=x"', ""), ('"٣"', "")):
        assert sanitize.clean_html(f"<ol start={start}><li>a</li></ol>") == f"<ol{kept}><li>a</li></ol>"
