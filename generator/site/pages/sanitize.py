"""Turning Markdown into HTML that is safe to publish.

Narrative text comes from documents we do not control and content/ pages
from people who may paste anything.  Markdown is rendered, then every tag
and attribute outside a short allow-list is dropped (its text kept,
escaped).  A link is kept only to an http(s) address (``rel="nofollow
noopener noreferrer"``: the site vouches for no address a document prints);
any other link (``javascript:``, ``data:``, ``mailto:``, ``//host``, a
relative path …) is shown as its text.  The site's own content/ pages may
also link relatively to the site's pages (``relative_links``).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown as md

ALLOWED = {"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "b", "i", "a", "br", "hr",
           "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "caption", "sup", "sub"}
VOID = {"br", "hr"}
DROP_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math"}
EXTERNAL_REL = "nofollow noopener noreferrer"
_WEB = re.compile(r"https?://[^\s\\\x00-\x1f\x7f]+", re.I)      # no white space, control character or backslash
_RELATIVE = re.compile(r"[^\s\\\x00-\x1f\x7f:/][^\s\\\x00-\x1f\x7f]*")  # no scheme, no host, no root
_REFUSED = "a!"                                        # an <a> shown as its text: its end tag is dropped too


def link_kind(href: str, relative_links: bool = False) -> str | None:
    """``"web"`` for an http(s) address with a host, ``"relative"`` for a link inside the site when
    ``relative_links`` allows one, otherwise None: the link is shown as its text."""
    try:
        if _WEB.fullmatch(href):
            parts = urlsplit(href)
            return "web" if parts.scheme.lower() in ("http", "https") and parts.hostname else None
        if relative_links and _RELATIVE.fullmatch(href) and not urlsplit(href).scheme:
            return "relative"
    except ValueError:                   # what urlsplit cannot read (``http://[x``) is no link
        pass
    return None


class _Sanitizer(HTMLParser):
    def __init__(self, relative_links: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []
        self.skip = 0
        self.relative_links = relative_links

    def handle_starttag(self, tag, attrs):
        if tag in DROP_WITH_CONTENT:
            self.skip += 1
            return
        if self.skip or tag not in ALLOWED:
            return
        kept = ""
        if tag == "a":
            href = dict(attrs).get("href") or ""
            kind = link_kind(href, self.relative_links)
            if kind is None:
                self.open.append(_REFUSED)
                return
            kept = f' href="{html.escape(href, quote=True)}"'
            if kind == "web":
                kept += f' rel="{EXTERNAL_REL}"'
        if tag == "ol":
            start = dict(attrs).get("start") or ""
            if start.isascii() and start.isdigit() and start.lstrip("0") not in ("", "1") and len(start) <= 9:
                kept = f' start="{int(start)}"'      # a list printed from 3 on is shown from 3 on, as printed
        if tag in ("th", "td"):
            align = dict(attrs).get("style") or dict(attrs).get("align") or ""
            if "right" in align:
                kept = ' class="num"'
        self.out.append(f"<{tag}{kept}>")
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag in VOID and not self.skip:
            self.out.append(f"<{tag}>")

    def handle_endtag(self, tag):
        if tag in DROP_WITH_CONTENT:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip or tag not in ALLOWED or tag in VOID:
            return
        if tag == "a":
            anchors = [i for i, t in enumerate(self.open) if t in ("a", _REFUSED)]
            if anchors and self.open[anchors[-1]] == _REFUSED:
                del self.open[anchors[-1]]
                return
        if tag not in self.open:
            return
        while self.open:
            top = self.open.pop()
            if top != _REFUSED:
                self.out.append(f"</{top}>")
            if top == tag:
                break

    def handle_data(self, data):
        if not self.skip:
            self.out.append(html.escape(data, quote=False))

    def result(self) -> str:
        while self.open:
            top = self.open.pop()
            if top != _REFUSED:
                self.out.append(f"</{top}>")
        return "".join(self.out)


def clean_html(fragment: str, relative_links: bool = False) -> str:
    parser = _Sanitizer(relative_links)
    parser.feed(fragment)
    parser.close()
    return parser.result()


_CONVERTER: list = []


def _markdown(text: str) -> str:
    """One converter per process, reset between texts: building one costs more than converting a section."""
    if not _CONVERTER:
        _CONVERTER.append(md.Markdown(extensions=["tables", "sane_lists"], output_format="html"))
    return _CONVERTER[0].reset().convert(text)


# in a line of plain text: none of Markdown's marks or HTML's special characters, no control characters,
# no white space but plain spaces; nor may it be indented, look like a list item ("1. " or "1)" and a space:
# the narrative's "1.办公室" and "100.00%" are text) or a rule, or end in a space
_NOT_PLAIN = re.compile(r"[*_`\[\]<>&\\|!#=+~{}\x00-\x1f\x7f]|[^\S ]")
_NOT_PLAIN_LINE = re.compile(r"^(?:\s|\d+[.)](?: |$)|[-:])|\s$")


def _plain_html(text: str, shift_headings: int) -> str | None:
    """What ``render_markdown`` gives for plain paragraphs under ``## `` headings, made directly; None for
    any text that is not only that.

    Python-Markdown costs a quarter of the work of building a department-year (most of it trying each of
    its inline patterns on every paragraph); almost every narrative section is such plain text.  A test
    holds this to Markdown's own output on the sample narratives and on generated texts.
    """
    level = min(6, 2 + shift_headings)
    out: list[str] = []
    para: list[str] = []

    def end_paragraph() -> None:
        if para:
            out.append("<p>" + "\n".join(para) + "</p>")
            para.clear()

    for block in text.strip("\n").split("\n\n"):
        for line in block.split("\n"):
            heading = line.startswith("## ")
            body = line[3:] if heading else line
            if not body or _NOT_PLAIN.search(body) or _NOT_PLAIN_LINE.search(body):
                return None
            if heading:
                end_paragraph()
                out.append(f"<h{level}>{body}</h{level}>")
            else:
                para.append(body)
        end_paragraph()
    return "\n".join(out)


_LIST_BLOCK = re.compile(r"\d+\. \S[^\n]*(?:\n\d+\. \S[^\n]*)*")


def _mixed_html(text: str, shift_headings: int, relative_links: bool = False) -> str | None:
    """Plain paragraphs with numbered lists between them: each run of list blocks (blocks whose every line
    is "1. …") through Markdown alone, the rest as plain text; None when the rest is not plain.

    The narratives' lists are short and their sections long, so Markdown then reads a tenth of the text.
    A list run ends at a blank line before a plain block, as in Markdown (a plain block is never indented,
    so it cannot continue a list item); the test holds this to Markdown's output as well.
    """
    blocks = text.strip("\n").split("\n\n")
    out: list[str] = []
    run: list[str] = []
    is_list = None
    for block in blocks + [None]:
        listed = block is not None and _LIST_BLOCK.fullmatch(block) is not None
        if run and (block is None or listed != is_list):
            part = "\n\n".join(run)
            html_part = _markdown_html(part, shift_headings, relative_links) if is_list \
                else _plain_html(part, shift_headings)
            if html_part is None:
                return None
            out.append(html_part)
            run = []
        if block is not None:
            run.append(block)
            is_list = listed
    return "\n".join(out)


def render_markdown(text: str, shift_headings: int = 0, relative_links: bool = False) -> str:
    """Markdown to sanitised HTML; ``shift_headings`` demotes headings (## → ### with 1).  Links are kept
    to http(s) addresses only, and with ``relative_links`` (the site's own pages) to its pages too."""
    made = _plain_html(text, shift_headings)
    if made is None:
        made = _mixed_html(text, shift_headings, relative_links)
    return made if made is not None else _markdown_html(text, shift_headings, relative_links)


def _markdown_html(text: str, shift_headings: int, relative_links: bool = False) -> str:
    out = _markdown(text)
    if shift_headings:
        def demote(m: re.Match[str]) -> str:
            level = min(6, int(m.group(2)) + shift_headings)
            return f"<{m.group(1)}h{level}>"
        out = re.sub(r"<(/?)h([1-6])>", demote, out)
    return clean_html(out, relative_links)


_TAG_OR_TEXT = re.compile(r"(<[^>]+>)")


def link_terms(fragment: str, links: dict[str, str]) -> str:
    """Link the first occurrence of each glossary term in the text (never inside a link or heading)."""
    if not links:
        return fragment
    terms = sorted(links, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(html.escape(t, quote=False)) for t in terms))
    done: set[str] = set()
    depth = {"a": 0, "h": 0}
    parts = _TAG_OR_TEXT.split(fragment)
    for i, part in enumerate(parts):
        if part.startswith("<"):
            m = re.match(r"<(/?)(a|h[1-6])\b", part)
            if m:
                key = "a" if m.group(2) == "a" else "h"
                depth[key] += -1 if m.group(1) else 1
            continue
        if depth["a"] or depth["h"] or not part:
            continue

        def repl(m: re.Match[str]) -> str:
            term = html.unescape(m.group(0))
            if term in done:
                return m.group(0)
            done.add(term)
            return f'<a class="term" href="{html.escape(links[term], quote=True)}">{m.group(0)}</a>'

        parts[i] = pattern.sub(repl, part)
    return "".join(parts)
