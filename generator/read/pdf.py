"""The reader of PDF disclosures: ruled tables with their empty cells, and the text around them.

pdfplumber finds each page's ruled tables and keeps their empty cells
(position-only text extraction loses them and shifts the figures).  The
page is then written out as the text form the rest of the importer reads:
text lines outside tables in reading order, each table row as one line
with its cells separated by tabs, and a blank line between pages, so that
a table continued on the next page stays one table.  On the way:

* a table's title printed inside its ruled area (Jiangsu's tables from
  Excel) becomes text lines before the table;
* header rows repeated at the top of a continued table are dropped, and so
  are 续表 marks and page numbers;
* columns that are empty in every row of a table (Excel's spare columns)
  are dropped;
* a paragraph wrapped over several lines is one line again (a line that
  runs to the right margin and does not end a sentence continues on the
  next), so that a figure and its words are never split.

The document's lines are this text form; each line knows its page, which
is what the published site cites beside the line.
"""

from __future__ import annotations

import hashlib
import io
import re

from generator.core.errors import DocumentError
from generator.read.layout import Document, Layout
from generator.read.segment import split

_PAGE_NUMBER = re.compile(r"^[-—–－·\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*/\s*\d{1,4})?[-—–－·\s]*$")
_CONTINUED = re.compile(r"^[（(]?续(?:表)?\s*\d*[)）]?$")
_HEADER_ROWS = 6
_WRAP_MARGIN = 2.5        # character heights: a line ending this close to the right margin was wrapped
_PARAGRAPH_ENDS = ("。", "：", ":", "；", ";", "！", "？")          # how many opening rows of a table may be repeated after a page break


def _cell(text: str | None) -> str:
    """A cell's text on one line: a wrapped label joins (事业单位 / 经营收入), tabs become spaces."""
    return "".join((text or "").split("\n")).replace("\t", " ").strip()


def _kept_columns(rows: list[list[str]]) -> list[int]:
    """The columns that hold something in some row (Excel's spare columns hold nothing)."""
    width = max((len(r) for r in rows), default=0)
    return [i for i in range(width) if any(i < len(r) and r[i] for r in rows)]


def _table_lines(rows: list[list[str | None]]) -> tuple[list[str], list[list[str]]]:
    """A ruled table as (title lines printed inside it, its rows with every cell, empty ones included)."""
    title: list[str] = []
    while rows and sum(1 for c in rows[0] if c and c.strip()) == 1 and len(rows) > 1:
        only = next(c for c in rows[0] if c and c.strip())
        if re.search(r"\d[\d,]*\.\d", only):
            break                          # a lone figure is data, not a title
        title += [line.strip() for line in only.split("\n") if line.strip()]
        rows = rows[1:]
    return title, [[_cell(c) for c in r] for r in rows]


def _page_items(page) -> list[tuple[float, str, object]]:
    """(top, "text" | "table", content) of one page, in reading order."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        return not any(x0 - 1 <= obj["x0"] and obj["x1"] <= x1 + 1 and top - 1 <= obj["top"] and obj["bottom"] <= bottom + 1
                       for x0, top, x1, bottom in boxes)

    items: list[tuple[float, str, object]] = []
    last: dict | None = None                 # the previous text line, as pdfplumber gives it
    lines = page.filter(outside).extract_text_lines()
    right = max((line["x1"] for line in lines), default=0)
    for line in lines:
        text = line["text"].strip()
        height = line["bottom"] - line["top"]
        if last is not None and items and text and last["x1"] >= right - _WRAP_MARGIN * height \
                and not items[-1][2].endswith(_PARAGRAPH_ENDS) \
                and line["top"] - last["bottom"] < height:
            # the line before ran to the right margin, and this one follows right under it: one paragraph
            items[-1] = (items[-1][0], "text", items[-1][2] + text)
        else:
            items.append((line["top"], "text", text))
        last = line
    for t in tables:
        items.append((t.bbox[1], "table", t.extract()))
    items.sort(key=lambda item: item[0])
    return items


def to_lines(raw: bytes, name: str) -> tuple[list[str], list[int]]:
    """The text form of a PDF and the page of each of its lines."""
    import pdfplumber

    lines: list[str] = []
    pages: list[int] = []
    opening: list[list[str]] = []           # the first rows of the table that is open at the end of a page
    keep: list[int] = []                    # its columns (a continuation on the next page keeps the same)
    width = 0                               # how many columns it has as extracted
    try:
        pdf = pdfplumber.open(io.BytesIO(raw))
    except Exception as exc:            # pdfminer raises many kinds; each means the same to the publisher
        raise DocumentError(name, None, f"not a readable PDF ({exc})") from None
    with pdf:
        for number, page in enumerate(pdf.pages, 1):
            try:
                items = _page_items(page)
            except Exception as exc:
                raise DocumentError(name, None, f"page {number} of the PDF cannot be read ({exc})") from None
            texts = [i for i, item in enumerate(items) if item[1] == "text"]
            # page numbers stand first or last on a page; 续表 marks stand before a continued table
            drop = {i for i in texts if (i in (texts[0], texts[-1]) and _PAGE_NUMBER.match(items[i][2]))
                    or _CONTINUED.match(items[i][2].replace(" ", ""))}
            items = [item for i, item in enumerate(items) if i not in drop and item[2] != ""]
            first = True
            for _, kind, content in items:
                if kind == "text":
                    lines.append(content)
                    pages.append(number)
                    opening = []
                else:
                    title, rows = _table_lines(content)
                    continued = bool(first and not title and opening and rows and len(rows[0]) <= width)
                    if continued:
                        # alone on its page, a row's merged label cell (合计 over the code columns) is one cell
                        rows = [[r[0]] + [""] * (width - len(r)) + r[1:] for r in rows]
                    else:
                        keep, width = _kept_columns(rows), max((len(r) for r in rows), default=0)
                    rows = [[r[i] if i < len(r) else "" for i in keep] for r in rows]
                    if all(len(r) <= 1 for r in rows):          # a box around text, not a table
                        title, rows, opening = title + [r[0] for r in rows if r], [], []
                    for t in title:
                        lines.append(t)
                        pages.append(number)
                    if continued:
                        while rows and rows[0] in opening:       # the header printed again after the break
                            rows = rows[1:]
                    elif rows:
                        opening = rows[:_HEADER_ROWS]
                    for r in rows:
                        lines.append("\t".join(r))
                        pages.append(number)
                first = False
            lines.append("")
            pages.append(number)
    if not any(line.strip() for line in lines):
        raise DocumentError(name, None, "the PDF has no text (a scan?); expected a PDF with a text layer")
    return lines, pages


def read(name: str, raw: bytes) -> Layout:
    """A PDF disclosure as text lines and raw tables (each line with its page)."""
    lines, pages = to_lines(raw, name)
    doc = Document(name, hashlib.sha256(raw).hexdigest(), tuple(lines), tuple(pages))
    texts, tables = split(doc)
    return Layout(doc, texts, tables)
