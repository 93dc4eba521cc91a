"""The narrative as printed: wrapped lines are one paragraph, list numbers are the printed ones, and the
captions of tables and the running heads of pages are no part of it."""

import re

import pytest

from generator.core.model import Section
from generator.normalise.narrative import is_caption, sections
from generator.read.layout import TextLine
from generator.read.pdf import to_lines
from generator.site.pages.sanitize import render_markdown
from tests.pdfs import pdf
from tests.documents import parsed


def _lines(*texts: str) -> list[TextLine]:
    return [TextLine(n, t) for n, t in enumerate(texts, 1)]


def _paragraphs(section: Section) -> list[str]:
    return section.markdown.strip().split("\n\n")[1:]


# a PDF written by hand: Courier (every character 0.6 em wide), 12 points, lines 14 points apart, so that
# where a line starts and ends is known exactly
_SIZE, _ADVANCE, _LEADING = 12, 7.2, 14


def _pdf(pages: list[list[tuple[float, str]]]) -> bytes:
    """A PDF of A4 pages, each a list of (x, text) lines from the top down."""
    streams = []
    for lines in pages:
        ops = [b"BT", b"/F1 %d Tf" % _SIZE]
        for n, (x, text) in enumerate(lines):
            escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(b"1 0 0 1 %.1f %.1f Tm (%s) Tj" % (x, 780 - n * _LEADING, escaped.encode("latin-1")))
        ops.append(b"ET")
        streams.append(b"\n".join(ops))
    return pdf(streams, "Courier")


_LEFT = 72.0
_INDENT = _LEFT + 2 * _SIZE                  # a paragraph's first line, indented by two characters


def _full(words: str, x: float = _LEFT) -> tuple[float, str]:
    """A line that runs to the right margin (x 504) and ends in the words given."""
    chars = round((504 - x) / _ADVANCE)
    return x, ("w" * chars + " " + words)[-chars:]


def _texts(pages) -> list[str]:
    lines, _ = to_lines(_pdf(pages), "wraps.pdf")
    return [line for line in lines if line]


def test_a_line_set_left_of_its_paragraphs_indented_first_line_goes_on_whatever_the_line_before_ends_with():
    texts = _texts([[_full("Budget of the bureau:", _INDENT), (_LEFT, "goes on here."),
                     (_INDENT, "A new paragraph.")]])
    assert len(texts) == 2 and texts[0].endswith(":goes on here.") and texts[1] == "A new paragraph."


def test_a_heading_or_list_item_at_the_margin_is_never_taken_for_the_rest_of_a_line():
    texts = _texts([[_full("Spent as follows:", _INDENT), (_LEFT, "2. the second item."), (_LEFT, "(3) another.")]])
    assert texts[1:] == ["2. the second item.", "(3) another."]


def test_a_paragraph_wrapped_over_a_page_break_is_one_paragraph_and_its_page_number_is_not_in_it():
    first = [_full("A paragraph runs", _INDENT), (_LEFT, "on one line."), _full("The rest of it runs", _INDENT),
             _full("to the margin and on"), (286, "- 1 -")]
    second = [(_LEFT, "over the page."), (_INDENT, "A paragraph of its own.")]
    texts = _texts([first, second])
    assert texts[0] == first[0][1] + "on one line."
    assert texts[1] == first[2][1] + first[3][1] + "over the page."
    assert "- 1 -" not in "".join(texts) and texts[2] == "A paragraph of its own."


def test_a_sentence_ended_at_the_foot_of_a_page_of_flush_paragraphs_is_not_joined_to_the_next_page():
    first = [(_LEFT, "Paragraphs here are not indented."), _full("It ends at the margin:")]
    texts = _texts([first, [(_LEFT, "A new paragraph.")]])
    assert texts[-1] == "A new paragraph."


def test_captions_and_running_heads_are_not_narrative():
    lines = _lines("一、部门主要职能", "负责全区的工作。", "某某局2026年部门预算", "（一）主要职责",
                   "2024年部门财务收支预算总表", "编制部门：上海市普陀区某某局 单位：元", "单位：万元",
                   "公开 01 表：收支预算总表", "部门名称：江苏省某某厅单位：万元", "表1收支总体情况表",
                   "二、机构设置", "某某局2026年部门预算", "下设三个处室。", "某某局2026年部门预算",
                   "第三部分", "2026 年度部门预算情况说明")
    out = sections(lines, "x.pdf")
    assert [s.title for s in out] == ["部门主要职能", "机构设置"]
    assert _paragraphs(out[0]) == ["负责全区的工作。", "（一）主要职责"]
    assert _paragraphs(out[1]) == ["下设三个处室。"]
    for text in ("具体包括：", "本部门无政府性基金预算，本表为空表。", "二、部门预算表", "2024年部门预算编制说明"):
        assert not is_caption(text, repeated=True), text


def test_list_items_keep_their_printed_numbers():
    lines = _lines("一、机构设置", "内设机构包括：", "1. 办公室。", "2. 财务处。", "下属单位：", "3. 中心甲。", "4. 中心乙。",
                   "二、其他", "1. 甲。", "1. 乙。", "2. 丙。")
    first, second = sections(lines, "x.pdf")
    html = render_markdown(first.markdown)
    assert re.findall(r"<ol(?: start=\"(\d+)\")?>", html) == ["", "3"]        # a list printed from 3 shows 3
    assert _paragraphs(second) == ["1\\. 甲。", "1\\. 乙。", "2\\. 丙。"]   # Markdown would count 1, 2, 3
    assert re.findall(r"<p>(\d+)\. ", render_markdown(second.markdown)) == ["1", "1", "2"]


@pytest.fixture(scope="module")
def wanli():
    name = "sh-putuo-wanlijiedao-2024-budget.pdf"
    return parsed(name)


def test_the_narrative_of_a_real_document_is_as_printed(wanli):
    (notes,) = [s for s in wanli.sections if s.title == "2024年部门预算编制说明"]
    paragraphs = _paragraphs(notes)
    # item 12 wraps after a full stop at the margin, item 20 after a colon: each item is one paragraph
    assert any(p.startswith("12. ") and "主要用于行政单位离退休。2023年当年预算执行数为20.30万元" in p for p in paragraphs)
    assert any(p.startswith("20. ") and p.endswith("主要原因是：其他社会保障和就业支出经费减少。") for p in paragraphs)
    assert [int(m.group(1)) for p in paragraphs if (m := re.match(r"(\d+)\. ", p))] == list(range(1, 34))
    assert not any("编制部门" in s.markdown or "预算总表" in s.markdown for s in wanli.sections)
