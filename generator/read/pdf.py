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
  are dropped, and a continued page's cells go into the columns of the
  opening page they stand in (a page draws only the columns it needs);
* a cell's shading (Word's fills around its text) is no ruling;
* the glyph boxes of a font that declares a descent of a whole em (every
  box under its line) are put back on their baseline, and a character is
  the cell's where its middle is, so that a figure is read once, in its row;
* a paragraph wrapped over several lines is one line again (a line that
  runs to the right margin and does not end a sentence continues on the
  next), so that a figure and its words are never split.

The document's lines are this text form; each line knows its page, which
is what the published site cites beside the line.

What cannot be read is refused with a ``DocumentError``, never a
traceback: a web page saved under a .pdf name, a file pdfminer cannot
open, a page tree it cannot walk, a page it cannot read (naming the page),
a PDF with no text layer, and whatever is past the limits of
``generator.read.limits`` (pages are counted before any is read).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import itertools
import re
from collections.abc import Iterator

from generator.core.errors import DocumentError
from generator.core.money import is_figure
from generator.read import limits
from generator.read.layout import Document, Layout
from generator.read.segment import split

# a page number, its digits set apart or not (— 1 0 —: each digit placed on its own; ─ 2 ─ in box-drawing rules)
_PAGE_NUMBER = re.compile(r"^[-—–－─·\s]*(?:第\s*)?\d(?:\s?\d){0,3}\s*(?:页)?(?:\s*/\s*\d{1,4})?[-—–－─·\s]*$")
_CONTINUED = re.compile(r"^[（(]?续(?:表)?\s*\d*[)）]?$")
_HEADER_ROWS = 6
# rulings within this many points of each other are one line: Word draws a panel's cell borders a few
# points off its neighbours', which would otherwise cut every row in two
_TABLE_SETTINGS = {"snap_tolerance": 6}
_SNAP = 6                 # points: a column of a continued table begins where its opening page's does, within this
_RULING = 2.0             # points: a filled rectangle thicker than this both ways is a cell's shading, not a ruling
_WRAP_MARGIN = 2.5        # character heights: a line ending this close to the right margin was wrapped
_HANGING = 0.6           # of the font size: a glyph box reaching further below the baseline is set off it
_DESCENT = 0.2           # of the font size: how far a glyph box reaches below the baseline in most fonts
_PARAGRAPH_ENDS = ("。", "：", ":", "；", ";", "！", "？")          # how many opening rows of a table may be repeated after a page break
# how a heading or a list item opens (一、 （一） 1. 1、 第一部分 表1): never the rest of a sentence wrapped onto a line
_OPENS = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、](?!\d)|第[一二三四五六七八九十]+部分|(?:公开|附)?\s*表\s*\d|公开\s*\d+\s*表)")


def _cell(text: str | None) -> str:
    """A cell's text on one line: a wrapped label joins (事业单位 / 经营收入), tabs become spaces."""
    return "".join((text or "").split("\n")).replace("\t", " ").strip()


def _kept_columns(rows: list[list[str]]) -> list[int]:
    """The columns that hold something in some row (Excel's spare columns hold nothing)."""
    width = max((len(r) for r in rows), default=0)
    return [i for i in range(width) if any(i < len(r) and r[i] for r in rows)]


def _panels(rows: list[list[str | None]]) -> list[tuple[list[int], list[int]]]:
    """The table's panels, each as (its label columns, its other columns), left to right.

    A label column holds words (or codes); a figure column holds figures
    only.  A panel begins at a label column that follows figure columns:
    江苏's 收支预算总表 is income | expenditure by function | by use.
    """
    width = max((len(r) for r in rows), default=0)
    kinds = []
    for i in range(width):
        texts = [r[i].strip() for r in rows if i < len(r) and r[i] and r[i].strip()]
        figures = [t for t in texts if is_figure(t) and not t.isdigit()]
        kinds.append("figure" if figures and len(figures) * 2 >= len(texts) else "label" if texts else "empty")
    panels: list[tuple[list[int], list[int]]] = []
    seen_figure = True
    for i, kind in enumerate(kinds):
        if kind == "label" and (seen_figure or not panels):
            panels.append(([], []))
            seen_figure = False
        if not panels:
            panels.append(([], []))
        (panels[-1][0] if kind == "label" and not seen_figure else panels[-1][1]).append(i)
        seen_figure = seen_figure or kind == "figure"
    return panels


def _join_spanned(rows: list[list[str | None]], above: list[list[bool]]) -> list[list[str | None]]:
    """Rows cut by the ruling of another panel, put back together.

    Word draws each panel of a table with its own rows: where a label
    wraps over two lines in one panel (1.一般公共预 / 算), pdfplumber's grid
    cuts the other panels' rows there, and gives the wrapped label cell as
    one cell over several grid rows.  Within a panel, a body row whose
    label cells are all covered by a cell from above (``above``) continues
    the row above; each panel's row is then written on the grid row where
    it begins.  Header rows are left as they are, and a continuation that
    would put two figures into one cell is never joined.
    """
    first_figure = next((n for n, r in enumerate(rows) if any(is_figure(c) for c in r)), None)
    if first_figure is None or not any(a for r in above[first_figure:] for a in r):
        return rows
    width = max((len(r) for r in rows), default=0)
    grid = [list(r) + [""] * (width - len(r)) for r in rows]
    cover = [list(a) + [False] * (width - len(a)) for a in above]
    out: list[list[str | None]] = [list(r) for r in grid]
    joined: set[int] = set()
    for labels, others in _panels(grid[first_figure:]):
        if not labels:
            continue
        start = first_figure
        for n in range(first_figure, len(grid)):
            r = grid[n]
            continues = n > first_figure and all(cover[n][i] for i in labels) and not any(
                is_figure(r[i]) and is_figure(out[start][i]) for i in others)
            if not continues:
                start = n
                continue
            for i in labels + others:
                if r[i]:
                    out[start][i] = (out[start][i] or "") + r[i]
                out[n][i] = None
            joined.add(n)
    return [r for n, r in enumerate(out) if n not in joined or any(c for c in r)]


def _covered_from_above(table) -> list[list[bool]]:
    """For each grid position of a pdfplumber table: is it inside a cell that begins on a row above?

    (pdfplumber gives such a position as ``None``, and the same for a cell
    merged from the left: only the geometry tells them apart.)
    """
    rows = table.rows
    width = max((len(r.cells) for r in rows), default=0)
    centres = []
    for c in range(width):
        xs = [(b[0] + b[2]) / 2 for r in rows for b in [r.cells[c] if c < len(r.cells) else None] if b]
        centres.append(sorted(xs)[len(xs) // 2] if xs else None)
    out = []
    for r in rows:
        top, bottom = r.bbox[1], r.bbox[3]
        y = (top + bottom) / 2
        flags = []
        for c in range(width):
            cell = r.cells[c] if c < len(r.cells) else None
            x = centres[c]
            flags.append(cell is None and x is not None and any(
                b[0] <= x <= b[2] and b[1] <= y <= b[3] and b[1] < top - 1 for b in table.cells))
        out.append(flags)
    return out


def _join_split_figures(rows: list[list[str | None]], words: set[str]) -> list[list[str | None]]:
    """A figure cut in two by a column ruling that runs through it (``3,660.3`` | ``8``), made whole again
    where the page holds the whole figure as one word (``3,660.38``)."""
    out = []
    for r in rows:
        r = list(r)
        for i in range(len(r) - 1):
            left, right = r[i], r[i + 1]
            if left and right and left[-1].isdigit() and right.isdigit() and len(right) <= 2 \
                    and is_figure(left + right) and (left + right) in words:
                r[i], r[i + 1] = left + right, ""
        out.append(r)
    return out


def _table_lines(rows: list[list[str | None]], above: list[list[bool]]) -> tuple[list[str], list[list[str]]]:
    """A ruled table as (title lines printed inside it, its rows with every cell, empty ones included)."""
    rows = _join_spanned(rows, above)
    # a column empty in every row (the page's margin drawn as a cell) stands before no title
    used = set(_kept_columns([[c or "" for c in r] for r in rows]))
    title: list[str] = []
    while rows and sum(1 for c in rows[0] if c and c.strip()) == 1 and len(rows) > 1:
        at, only = next((i, c) for i, c in enumerate(rows[0]) if c and c.strip())
        if re.search(r"\d[\d,]*\.\d", only):
            break                          # a lone figure is data, not a title
        if at > 0 and any(c is not None for i, c in enumerate(rows[0][:at]) if i in used):
            break                          # a title stands first (or in a cell merged across the row)
        if "表" not in only and not re.search(r"\d{4}\s*年", only):
            break                          # a group header over the columns (财政拨款“三公”经费), not a title
        title += [line.strip() for line in only.split("\n") if line.strip()]
        rows = rows[1:]
    return title, [[_cell(c) for c in r] for r in rows]


def _on_baseline(page) -> None:
    """Characters of a font whose boxes hang below the line they are printed on, put back on it.

    A font may declare a descent of a whole em (重庆's figures, codes, colons and 、 set in E-BZ), so that
    pdfminer places every box of it under its baseline, where no other font's box is: its figures fall
    into the table row below or out of the table at its last ruling, a code leaves the name of its row,
    and a title's year or a line's colons are read as a line of their own after it.  Such a box (more
    than ``_HANGING`` of its size below the baseline) is moved up to stand as the other fonts' boxes do.
    """
    for c in page.chars:
        m, size = c.get("matrix"), c.get("size")
        if not m or m[1] or m[2] or not size:
            continue                                 # turned text: its box is not under a baseline
        drop = m[5] - c["y0"]                        # how far the box reaches below the baseline
        if drop > _HANGING * size:
            shift = drop - _DESCENT * size
            c["y0"], c["y1"] = c["y0"] + shift, c["y1"] + shift
            c["top"], c["bottom"], c["doctop"] = c["top"] - shift, c["bottom"] - shift, c["doctop"] - shift


def _is_shading(obj) -> bool:
    """Whether a drawn object is a filled rectangle without a stroke, thicker than a ruling."""
    return obj.get("object_type") == "rect" and not obj.get("stroke") and bool(obj.get("fill")) \
        and min(obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]) > _RULING


def _drawn(page):
    """The page as a reader sees it: what stands wholly beyond its box is never shown, and is not read.

    A spreadsheet may leave a copy of a table set below the page's foot (江苏 人大 2017 carries a copy of
    its 基本支出 table under the page of another).  A line of text is dropped when none of its characters has its
    middle inside the page (a line that runs over the page's edge is kept whole, never cut into a part
    of a word); a drawn object when no part of it is inside.
    """
    x0, top, x1, bottom = page.bbox

    def inside(obj) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return x0 <= x <= x1 and top <= y <= bottom

    def touches(obj) -> bool:
        return obj["x1"] >= x0 and obj["x0"] <= x1 and obj["bottom"] >= top and obj["top"] <= bottom

    drawn = page.rects + page.lines + page.curves
    if all(inside(c) for c in page.chars) and all(touches(o) for o in drawn):
        return page
    beyond = {id(c) for line in page.extract_text_lines(return_chars=True)
              if not any(inside(c) for c in line["chars"]) for c in line["chars"]}
    return page.filter(lambda o: id(o) not in beyond if o.get("object_type") == "char" else touches(o))


def _invisible(obj) -> bool:
    """A filled rectangle without a stroke in the paper's white: it draws nothing a reader sees."""
    if obj.get("object_type") != "rect" or obj.get("stroke") or not obj.get("fill"):
        return False
    color = obj.get("non_stroking_color")
    values = tuple(color) if isinstance(color, (list, tuple)) else (color,)
    return values in ((1,), (1, 1, 1), (0, 0, 0, 0))


def _open_tops(page, tables) -> list[dict]:
    """A ruling across each table whose column rulings run on above its top ruling, at their top.

    At a page break a spreadsheet draws the border between two rows once, at the foot of the page before:
    the first row of the continued table then stands above the page's top ruling, between its column
    rulings (江苏 高院 2018: 30231 公务用车运行维护费 on top of page 15), and is read as a table row only
    with its top closed.  The table's outer column rulings must both reach up, to where the row stands.
    """
    upright = [o for o in page.rects + page.lines if o["x1"] - o["x0"] <= _RULING]
    out = []
    for t in tables:
        x0, top, x1, _ = t.bbox
        above = [o for o in upright if x0 - _SNAP <= o["x0"] and o["x1"] <= x1 + _SNAP
                 and abs(o["bottom"] - top) <= _SNAP and o["top"] < top - _SNAP]
        if any(abs(o["x0"] - x0) <= _SNAP for o in above) and any(abs(o["x1"] - x1) <= _SNAP for o in above):
            y = min(o["top"] for o in above)
            out.append({"object_type": "h_edge", "orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y,
                        "width": x1 - x0, "height": 0})
    return out


def _without_invisible_edges(page):
    """The page without the white fills that join two tables its visible rulings draw apart.

    A white fill draws nothing, so it joins no table to another: a spreadsheet's white background behind
    the title between two tables (江苏 人大 2017, page 15) would make the last row of the one a row of the
    other, whose columns then cut that row's figure out of it.  Elsewhere the white fills stay: a
    spreadsheet's cells drawn by their fills set its lines apart (a table of contents, one line a cell; a
    unit wrapped in its cell, 单位：万 | 元), and their edges are where the page's other rulings were
    found to stand.
    """
    if not any(_invisible(o) for o in page.rects):
        return page
    visible = [t.bbox for t in _ruled_tables(page.filter(lambda o: not _invisible(o)), {})]
    if len(visible) < 2:
        return page

    def within(box, outer) -> bool:
        return box[0] >= outer[0] - _SNAP and box[1] >= outer[1] - _SNAP and box[2] <= outer[2] + _SNAP \
            and box[3] <= outer[3] + _SNAP

    joined = [b for b in (t.bbox for t in _ruled_tables(page, {}))
              if sum(1 for v in visible if within(v, b)) >= 2]
    if not joined:
        return page
    return page.filter(lambda o: not (_invisible(o) and any(
        within((o["x0"], o["top"], o["x1"], o["bottom"]), b) for b in joined)))


def _find_tables(page) -> list:
    """The page's ruled tables (see ``_ruled_tables``), with a first row whose top the page left open
    (``_open_tops``) closed."""
    page = _without_invisible_edges(page)
    tables = _ruled_tables(page, {})
    tops = _open_tops(page, tables)
    return _ruled_tables(page, {"explicit_horizontal_lines": tops}) if tops else tables


def _ruled_tables(page, settings: dict) -> list:
    """The page's ruled tables, a cell's shading inside a ruling not taken for rulings.

    Word fills a shaded cell with rectangles around and under its text (a strip above, one at each
    side, the text's area), without a stroke; their edges are no rulings, and taken for rulings they
    cut the header into broken rows and close the table before a column (“三公” … | 培训费).  Where
    the page's lines and thin rectangles rule a table, a fill inside it with an edge off every ruling
    is left out; a fill whose edges all lie on rulings (a whole shaded cell or header) stays, closing a
    ruling the page left open; a table drawn only by its cells' fills (no ruling around them) is found
    from the fills, as it is drawn.
    """
    settings = {**_TABLE_SETTINGS, **settings}
    if not any(_is_shading(r) for r in page.rects):
        return page.find_tables(settings)
    rulings = page.filter(lambda o: not _is_shading(o))
    ruled = [t.bbox for t in rulings.find_tables(settings)]
    drawn = rulings.rects + rulings.lines
    # each ruling as (where it stands across, where it runs from and to)
    upright = [(o["x0"], o["x1"], o["top"], o["bottom"]) for o in drawn if o["x1"] - o["x0"] <= _RULING]
    across = [(o["top"], o["bottom"], o["x0"], o["x1"]) for o in drawn if o["bottom"] - o["top"] <= _RULING]

    def along(at: float, start: float, end: float, lines) -> bool:
        """Whether an edge (at ``at``, from ``start`` to ``end``) lies on a ruling that runs along part of
        it (more than where two rulings cross)."""
        return any(a - _RULING <= at <= b + _RULING and min(end, e) - max(start, s) > 2 * _RULING
                   for a, b, s, e in lines)

    def on_rulings(obj) -> bool:
        x0, top, x1, bottom = obj["x0"], obj["top"], obj["x1"], obj["bottom"]
        return all(along(x, top, bottom, upright) for x in (x0, x1)) \
            and all(along(y, x0, x1, across) for y in (top, bottom))

    def kept(obj) -> bool:
        return not _is_shading(obj) or on_rulings(obj) or not any(
            x0 - _SNAP <= obj["x0"] and obj["x1"] <= x1 + _SNAP and top - _SNAP <= obj["top"]
            and obj["bottom"] <= bottom + _SNAP for x0, top, x1, bottom in ruled)

    return page.filter(kept).find_tables(settings)


def _column_starts(table) -> list[float]:
    """Where each column of a pdfplumber table begins, and where the table ends (pdfplumber's columns are
    the distinct left edges of its cells)."""
    return sorted({c[0] for c in table.cells}) + [table.bbox[2]]


def _page_items(page, edges: dict | None = None) -> list[tuple[float, str, object]]:
    """(top, "text" | "table", content) of one page, in reading order.

    ``edges``, when given, receives how the page's paragraphs meet the pages around it: ``"left"``, the
    left margin of its running text (None on a page with less than two lines of it); ``"starts"``, for
    each text item by its top, where its first line begins and its height, or None where that line opens
    a heading or a list item; ``"goes_on"``, the tops of the items that may go on over the page (the last
    line runs to the right margin of a page of running text, and either ends no sentence or belongs to a
    paragraph whose first line is indented).
    """
    page = _drawn(page)
    _on_baseline(page)
    tables = _find_tables(page)
    boxes = [t.bbox for t in tables]
    words = {w["text"] for w in page.extract_words()}

    def outside(obj) -> bool:
        if any(x0 - 1 <= obj["x0"] and obj["x1"] <= x1 + 1 and top - 1 <= obj["top"] and obj["bottom"] <= bottom + 1
               for x0, top, x1, bottom in boxes):
            return False
        # a character whose middle is in a cell is the cell's, as pdfplumber gives it: a figure whose last digit
        # reaches past the table's ruling is not read a second time as a line of its own beside the table
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x < x1 and top <= y < bottom for t in tables if t.bbox[0] <= x < t.bbox[2]
                       and t.bbox[1] <= y < t.bbox[3] for x0, top, x1, bottom in t.cells)

    items: list[tuple[float, str, object]] = []
    last: dict | None = None                 # the previous text line, as pdfplumber gives it
    lines = page.filter(outside).extract_text_lines()
    right = max((line["x1"] for line in lines), default=0)
    # the lines that run to the right margin: the running text, whose left margin is the page's (a running
    # head or a page number printed further left is not); on a page with three or more of them, where a
    # line ends tells a wrap
    body = [line for line in lines if line["x1"] >= right - _WRAP_MARGIN * (line["bottom"] - line["top"])]
    left = min((line["x0"] for line in body), default=0)
    running = len(body) >= 3
    if edges is not None:
        edges.update(left=left if len(body) >= 2 else None, starts={}, goes_on=set())
    first: dict | None = None                # the first line of the paragraph the previous line is in
    for n, line in enumerate(lines):
        text = line["text"].strip()
        height = line["bottom"] - line["top"]
        folio = n in (0, len(lines) - 1) and _PAGE_NUMBER.match(text)
        full = last is not None and last["x1"] >= right - _WRAP_MARGIN * height
        # a paragraph whose first line is indented goes on in the lines set further left, whatever the line
        # before ends with (上海: “……主要用于行政单位离退休。” | “2023年当年预算执行数为……”)
        hanging = first is not None and first["x0"] - line["x0"] >= 0.9 * height and not _OPENS.match(text)
        if last is not None and items and text and full and not folio \
                and (not items[-1][2].endswith(_PARAGRAPH_ENDS) or hanging) \
                and line["top"] - last["bottom"] < 1.5 * height:
            # the line before ran to the right margin, and this one follows right under it (double spacing
            # included): one paragraph
            items[-1] = (items[-1][0], "text", items[-1][2] + text)
        else:
            items.append((line["top"], "text", text))
            first = line
            if edges is not None:
                edges["starts"][line["top"]] = None if _OPENS.match(text) else (line["x0"], height)
        last = line
        if edges is not None and text and not folio:
            indented = first["x0"] - left >= 0.9 * height
            if running and line["x1"] >= right - _WRAP_MARGIN * height \
                    and (indented or not items[-1][2].endswith(_PARAGRAPH_ENDS)):
                edges["goes_on"].add(items[-1][0])
            else:
                edges["goes_on"].discard(items[-1][0])
    for t in tables:
        items.append((t.bbox[1], "table", (_join_split_figures(t.extract(), words), _covered_from_above(t),
                                           _column_starts(t))))
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
    starts: list[float] = []                # where they begin on its opening page, and where it ends
    last_row: int | None = None             # the line of its last row
    running: str | None = None              # the first line of the page before (a running header if repeated)
    goes_on = False                         # the page before ended in a text line that may go on over the page
    left: float | None = None               # the left margin of the running text, on this page or the last one that had it
    _refuse_before_opening(raw, name)
    try:
        pdf = pdfplumber.open(io.BytesIO(raw))
    except Exception as exc:            # pdfminer raises many kinds; each means the same to the publisher
        raise DocumentError(name, None, f"the file is damaged or not a readable PDF ({_why(exc)})") from None
    with _closing(pdf):
        for number, page in enumerate(_pages(pdf, name), 1):
            try:
                edges: dict = {}
                items = _page_items(page, edges)
                if edges["left"] is not None:
                    left = edges["left"]
            except Exception as exc:
                raise DocumentError(name, None, f"page {number} of the PDF is damaged or cannot be read "
                                                f"({_why(exc)})", page=number) from None
            finally:
                with contextlib.suppress(Exception):
                    page.close()             # its objects are not needed again: memory stays one page's
            texts = [i for i, item in enumerate(items) if item[1] == "text"]
            # page numbers stand first or last on a page; 续表 marks stand before a continued table
            drop = {i for i in texts if (i in (texts[0], texts[-1]) and _PAGE_NUMBER.match(items[i][2]))
                    or _CONTINUED.match(items[i][2].replace(" ", ""))}
            # a running header (页眉: the document's title atop every page) is the page's first line, as it was
            # the page before's; dropped, so that a table continued under it stays one table
            top = next((items[i][2] for i in texts if i not in drop and items[i][2]), None)
            if top is not None and top == running:
                drop.add(next(i for i in texts if items[i][2] == top))
            running = top
            items = [item for i, item in enumerate(items) if i not in drop and item[2] != ""]
            first = True
            for at, kind, content in items:
                start = edges["starts"].get(at) if kind == "text" and first and goes_on else None
                if start is not None and left is not None and start[0] - left < 0.9 * start[1]:
                    # the paragraph at the foot of the page before, continued at the left margin of this one
                    lines[-2] += content
                elif kind == "text":
                    lines.append(content)
                    pages.append(number)
                    opening, last_row = [], None
                else:
                    title, rows = _table_lines(content[0], content[1])
                    continued = bool(first and not title and opening and rows and len(rows[0]) <= width)
                    if continued:
                        rows = _continued_rows(rows, content[2], starts, width)
                    else:
                        keep, width = _kept_columns(rows), max((len(r) for r in rows), default=0)
                        starts = content[2]
                    rows = [[r[i] if i < len(r) else "" for i in keep] for r in rows]
                    if all(len(r) <= 1 for r in rows):          # a box around text, not a table
                        title, rows, opening = title + [r[0] for r in rows if r], [], []
                    for t in title:
                        lines.append(t)
                        pages.append(number)
                    if continued:
                        while rows and rows[0] in opening:       # the header printed again after the break
                            rows = rows[1:]
                        if rows and last_row is not None and _wrapped_over(lines[last_row], rows[0]):
                            lines[last_row] = _joined(lines[last_row], rows[0])
                            rows = rows[1:]
                    elif rows:
                        opening = rows[:_HEADER_ROWS]
                    for r in rows:
                        lines.append("\t".join(r))
                        pages.append(number)
                        last_row = len(lines) - 1
                first = False
            goes_on = bool(items) and items[-1][1] == "text" and items[-1][0] in edges["goes_on"]
            lines.append("")
            pages.append(number)
    if not any(line.strip() for line in lines):
        raise DocumentError(name, None, "the PDF has no text layer (a scanned image?); it needs OCR before it "
                                        "can be imported")
    for n, line in enumerate(lines, 1):
        if len(line) > limits.MAX_LINE_CHARS:
            raise DocumentError(name, n, f"line is {len(line):,} characters long; expected at most "
                                         f"{limits.MAX_LINE_CHARS:,} (is this really a disclosure?)", page=pages[n - 1])
    return lines, pages


_HTML_STARTS = (b"<!doctype", b"<html")


def _refuse_before_opening(raw: bytes, name: str) -> None:
    """What is refused from the bytes alone: too large, empty, a web page saved under a .pdf name."""
    if len(raw) > limits.MAX_PDF_BYTES:
        raise DocumentError(name, None, f"the file is {limits.size_text(len(raw))}; expected a PDF disclosure "
                                        f"of at most {limits.size_text(limits.MAX_PDF_BYTES)}")
    head = raw[:4096].lstrip().removeprefix(b"\xef\xbb\xbf").lstrip()
    if not head and not raw.strip():
        raise DocumentError(name, None, "the file is empty; expected a PDF disclosure")
    if head[:16].lower().startswith(_HTML_STARTS):
        raise DocumentError(name, None, "the file is an HTML web page, not a PDF (a page saved from the browser "
                                        "under a .pdf name?); download the PDF itself")


def _pages(pdf, name: str) -> Iterator:
    """The PDF's pages, counted before any is read: more than ``MAX_PDF_PAGES`` is refused at once."""
    from pdfminer.pdfpage import PDFPage

    try:
        # the page tree walked without reading any page (pdfplumber's list makes an object of each)
        counted = sum(1 for _ in itertools.islice(PDFPage.create_pages(pdf.doc), limits.MAX_PDF_PAGES + 1))
    except Exception as exc:
        raise DocumentError(name, None, f"the PDF is damaged or not readable: its pages cannot be counted "
                                        f"({_why(exc)})") from None
    if counted > limits.MAX_PDF_PAGES:
        declared = _declared_pages(pdf)
        many = f"{declared:,}" if declared and declared > limits.MAX_PDF_PAGES \
            else f"more than {limits.MAX_PDF_PAGES:,}"
        raise DocumentError(name, None, f"the PDF has {many} pages; expected a disclosure of at most "
                                        f"{limits.MAX_PDF_PAGES:,} pages (several documents in one file?)")
    try:
        pages = list(pdf.pages)
    except Exception as exc:
        raise DocumentError(name, None, f"the PDF is damaged or not readable: its pages cannot be listed "
                                        f"({_why(exc)})") from None
    return iter(pages)


def _declared_pages(pdf) -> int | None:
    """The page count the PDF's page tree states (for a message only: a damaged file may state anything)."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
    except Exception:
        return None
    return count if isinstance(count, int) else None


@contextlib.contextmanager
def _closing(pdf):
    """Close the PDF after reading, whatever happened: closing a damaged PDF must not hide the real error."""
    try:
        yield pdf
    finally:
        with contextlib.suppress(Exception):
            pdf.close()


def _why(exc: BaseException) -> str:
    """What pdfminer said, short: the kind of the error and the start of its message."""
    text = " ".join(str(exc).split())
    kind = type(exc).__name__
    if not text:
        return kind
    return f"{kind}: {text[:160]}…" if len(text) > 160 else f"{kind}: {text}"


def _continued_rows(rows: list[list[str]], here: list[float], opening: list[float], width: int) -> list[list[str]]:
    """The rows of a table continued on a new page, each cell in the column of the opening page it stands
    under.

    A page draws its part of a table with the columns it needs: a panel empty on it (a 功能科目 label cell
    merged over a spare column on the opening page) has fewer columns there, so that the same index is
    another column.  A column is placed by where it begins (``here``: its columns' left edges and the
    table's right edge; ``opening``: the same of the opening page).  Where the two do not fit (the table
    moved on the page, a column outside the opening's, two cells of a row in one column), a short row's
    first cell is taken as spanning the columns it lacks (合计 merged over the code columns, alone on its
    page).
    """
    placed = _placed_columns(here, opening)
    out = []
    for r in rows:
        if placed is None or len(r) != len(placed):
            break
        row = [""] * width
        for j, c in enumerate(r):
            if c and row[placed[j]]:
                break
            if c:
                row[placed[j]] = c
        else:
            out.append(row)
            continue
        break
    else:
        return out
    return [[r[0]] + [""] * (width - len(r)) + r[1:] for r in rows]


def _placed_columns(here: list[float], opening: list[float]) -> list[int] | None:
    """For each column of a continued page's table, the opening page's column it begins in; None when the
    table's left edge moved or a column begins outside the opening's table."""
    if len(here) < 2 or len(opening) < 2 or abs(here[0] - opening[0]) > _SNAP:
        return None
    placed = []
    for x in here[:-1]:
        if x >= opening[-1] - _SNAP:
            return None
        placed.append(max(k for k in range(len(opening) - 1) if k == 0 or opening[k] <= x + _SNAP))
    return placed


def _wrapped_over(previous: str, row: list[str]) -> bool:
    """A continued table's first row that is only the end of the label above it, wrapped over the page
    break (“十七、国土海洋气象等支” | “出”): one label cell, no figure, under a label."""
    filled = [i for i, c in enumerate(row) if c]
    cells = previous.split("\t")
    return len(filled) == 1 and not is_figure(row[filled[0]]) and filled[0] < len(cells) \
        and bool(cells[filled[0]]) and not is_figure(cells[filled[0]]) and len(row[filled[0]]) <= 4


def _joined(previous: str, row: list[str]) -> str:
    cells = previous.split("\t")
    i = next(i for i, c in enumerate(row) if c)
    cells[i] += row[i]
    return "\t".join(cells)


def read(name: str, raw: bytes) -> Layout:
    """A PDF disclosure as text lines and raw tables (each line with its page)."""
    lines, pages = to_lines(raw, name)
    doc = Document(name, hashlib.sha256(raw).hexdigest(), tuple(lines), tuple(pages))
    texts, tables = split(doc)
    return Layout(doc, texts, tables)
