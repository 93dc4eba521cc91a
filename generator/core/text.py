"""Cleaning of cell and paragraph text taken from PDF-derived documents.

Cells arrive with HTML formatting (``<p>``, ``<h2>``, ``<ol style=…>``), LaTeX
(``$\\geq 55 \\leq 72$``), entity escapes and words broken by the PDF layout
(``工资福利支 出``).  Everything is reduced to plain text here, once, so no
later step can pass markup through to a page.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

# the tags of formatting that exported documents carry; any other text in angle brackets (``<script>`` typed
# into a cell) is the document's text, kept as printed and escaped wherever it is shown
_FORMATTING = r"(?:p|div|span|font|br|hr|li|ol|ul|dl|dt|dd|h[1-6]|b|i|u|s|em|strong|small|big|sub|sup|" \
              r"table|thead|tbody|tfoot|tr|td|th|caption|col|colgroup|center|blockquote|pre|code|a|section)"
_TAG = re.compile(rf"</?{_FORMATTING}(?:\s[^<>]*)?/?>", re.I)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|ol|ul|h[1-6]|tr|table)(?:\s[^<>]*)?/?>", re.I)
_LATEX = {
    r"\geq": "≥", r"\ge": "≥", r"\leq": "≤", r"\le": "≤", r"\%": "%",
    r"\times": "×", r"\neq": "≠", r"\sim": "~",
}
_LATEX_MATH = re.compile(r"\$([^$]{0,200})\$")
_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])[ \u00a0]+(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


def _latex_to_text(match: re.Match[str]) -> str:
    body = match.group(1)
    for command, symbol in sorted(_LATEX.items(), key=lambda kv: -len(kv[0])):
        body = body.replace(command, symbol)
    body = re.sub(r"\\[A-Za-z]+", "", body)
    body = body.replace("{", "").replace("}", "")
    return re.sub(r"\s*([≥≤≠])\s*", r" \1", body).strip()


def strip_markup(text: str) -> str:
    """Turn HTML tags, entities and inline LaTeX into plain text."""
    text = _LATEX_MATH.sub(_latex_to_text, text)
    text = _BLOCK_TAG.sub(" ", text)
    text = _TAG.sub("", text)
    return html.unescape(text)


@lru_cache(maxsize=1 << 16)
def clean(text: str) -> str:
    """Plain, single-line text: markup removed, spaces folded, CJK joined.  Kept for the latest 65,536 texts:
    the audit asks for the same lines' keys again and again (a document's titles against each heading)."""
    text = strip_markup(text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\t\n")
    text = _SPACES.sub(" ", text.replace("\n", " ")).strip()
    return _SPACE_BETWEEN_CJK.sub("", text)


@lru_cache(maxsize=1 << 16)
def compact(text: str) -> str:
    """A key for comparing labels: clean text with every space removed (kept like ``clean``)."""
    return re.sub(r"\s+", "", clean(text))


_ENUM_PREFIX = re.compile(
    r"^\s*(?:[（(]?[一二三四五六七八九十]+[)）、.．]|[（(][0-9]+[)）]|[0-9]+[、.．）)]|其中[:：]?)\s*"
)


# numbering below a list's top level (1、 1. 1． （1） （一）) and 其中: a part of the line above
_SUB_ITEM = re.compile(r"^\s*(?:[0-9]+\s*[、.．)）]|[（(](?:[0-9]+|[一二三四五六七八九十]+)[)）]|其中)")


def is_sub_item(label: str) -> bool:
    """Whether a row is a part of the row above it (``1.一般公共预算`` under ``一、财政拨款``)."""
    return bool(_SUB_ITEM.match(label))


def strip_enumeration(label: str) -> str:
    """Drop list numbering such as ``一、``, ``（二）``, ``3、`` and ``其中：``."""
    previous = None
    while previous != label:
        previous = label
        label = _ENUM_PREFIX.sub("", label, count=1)
    return label.strip()
