"""Split a document into text lines and raw tables (tab-separated rows).

A table is a run of lines containing tabs; blank lines inside the run (page
breaks) do not end it, any other text line does.  Each raw table carries the
text lines that introduce it (title, 单位, department) and the notes that
follow it (备注 / 注).
"""

from __future__ import annotations

import itertools
import re

from generator.core.errors import DocumentError
from generator.core.money import is_figure
from generator.core.text import clean, compact
from generator.read import limits
from generator.read.layout import Document, RawTable, Row, TextLine
from generator.templates.registry import PAGE_MARK as _PAGE_MARK

_UNIT_LINE = re.compile(r"^(?:金额)?单位\s*[:：]\s*(万元|元)\s*$")
_DEPT_LINE = re.compile(r"^(?:部门|单位)(?:名称|/单位)?\s*[:：]\s*(.+)$")
# the department and the unit of money on one line: “编制部门：X 单位：元”, “部门：X 单位：万元”
_DEPT_AND_UNIT = re.compile(r"^(?:编制|预算)?(?:部门|单位)(?:名称)?\s*[:：]\s*(.+?)\s*(?:金额)?单位\s*[:：]\s*(万元|元)"
                            r"\s*[^\d:：]*$")      # (after the unit, a header cell printed beside it: 采购品目大)
_NOTE_LINE = re.compile(r"^(?:备注|注|说明)\s*[:：]")     # right under a table: its notes
_PERIOD_LINE = re.compile(r"^[（(]\s*\d{4}\s*年度?\s*[)）]$")
# the unit with more after it: the end of a department's name wrapped onto the unit's line (部门名称：江苏省人大 /
# 单位:万元常委会办公厅), or a header cell printed beside it (单位：万元结转下年资金)
_UNIT_THEN = re.compile(r"^(?:金额)?单位\s*[:：]\s*(万元|元)\s*(.+)$")
# a table's number alone, which says nothing of what the table is: 公开表一, 表二, 公开01表, 附表3
_NUMBERING = re.compile(r"^(?:公开|附)?(?:表[0-9一二三四五六七八九十]+|[0-9一二三四五六七八九十]+表)[:：]?$")
_TOTAL_LINE = re.compile(r"^(?:合计|总计)$")
_NAMES_TABLE = re.compile(r"表(?:[（(][^（()）]{1,12}[)）])?$")
# the department and unit line read without its colons, or with them set apart after it (a font that sets its
# colons lower than the words): “单位名称 重庆市气象局 单位 万元: :”; matched with the colons taken out
_DEPT_AND_UNIT_BARE = re.compile(r"^(?:编制|预算)?(?:部门|单位)名称(.+?)(?:金额)?单位(万元|元)$")
_UNIT_BARE = re.compile(r"^(?:金额)?单位(万元|元)$")
# a title printed as a row of its own inside a ruled table, or a page framed as one cell whose text is the
# whole page again, beginning with the title (收入预算总表部门：… 单位：万元 项目名称 …)
_TITLE_CELL = re.compile(r"^(?:[一二三四五六七八九十]+、)?(?:公开\d+表[:：]?)?(.{2,40}?表(?:[（(][^（()）]{1,12}[)）])?)"
                         r"(?:$|(?=(?:公开)?表[0-9一二三四五六七八九十]+|公开\d+表|部门|单位|编制))")
_TITLE_WORDS = re.compile(r"预算|决算|收支|收入|支出|经费|采购|绩效")
# a figure as a row printed outside the ruling prints it (with decimals or thousands separators), and several
# figures run together where a column's cells lost their rulings (110.00304.40 …: two decimals each)
_FIGURE = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$")
_RUN_OF_FIGURES = re.compile(r"^(?:\d{1,3}(?:,\d{3})+\.\d{2}|\d+\.\d{2}){2,}$")
_ONE_OF_RUN = re.compile(r"\d{1,3}(?:,\d{3})+\.\d{2}|\d+\.\d{2}")


def split(doc: Document) -> tuple[list[TextLine], list[RawTable]]:
    """Return the document's text lines (outside tables) and its raw tables."""
    texts: list[TextLine] = []
    tables: list[RawTable] = []
    lines = doc.lines
    i = 0
    pending: list[tuple[int, str]] = []   # text lines since the previous table
    while i < len(lines):
        line = lines[i]
        titled = _title_row(line) if "\t" in line else None
        if titled is not None:
            # the title of the next table, printed inside the ruled area: a text line before it
            title, unit = titled
            texts.append(TextLine(i + 1, title))
            pending.append((i + 1, title))
            if unit:
                pending.append((i + 1, f"单位：{unit}"))
            i += 1
            continue
        if "\t" in line and _dept_row(line) and i + 1 < len(lines) and lines[i + 1].strip() and "\t" not in lines[i + 1]:
            # a 部门 row ruled on its own above the table's unit line: a line of text before the table
            line = " ".join(c.strip() for c in line.split("\t") if c.strip())
        if "\t" in line:
            rows: list[Row] = []
            start = i + 1
            broken = False                   # right after a page break, before the next ruled row
            while i < len(lines):
                if "\t" in lines[i] and rows and _title_row(lines[i]) is not None:
                    break                    # a new table begins, even straight after a page break
                taken, outside, tail = _outside_rows(lines, i, rows) if broken and "\t" not in lines[i] \
                    else (0, [], "")
                if taken:
                    # rows the page prints outside its ruling, above the rest of the table continued on it
                    _end_label(rows[-1], tail)
                    rows.extend(outside)
                    i += taken
                    continue
                if "\t" in lines[i]:
                    broken = False
                    if len(rows) == limits.MAX_TABLE_ROWS:
                        raise _absurd(doc, i, f"the table that starts on line {start} has more than "
                                              f"{limits.MAX_TABLE_ROWS:,} rows; expected a disclosure's table")
                    cells = lines[i].split("\t")
                    if len(cells) > limits.MAX_TABLE_COLUMNS:
                        raise _absurd(doc, i, f"the line has {len(cells):,} cells; expected a table of at most "
                                              f"{limits.MAX_TABLE_COLUMNS:,} columns")
                    rows.append(Row(i + 1, [clean(c) for c in cells]))
                    i += 1
                    continue
                if not lines[i].strip():
                    j = i
                    while j < len(lines) and not lines[j].strip():
                        j += 1
                    if j < len(lines) and _opens_with_total(lines[j]) and any(_opens_with_total(r.cells) for r in rows):
                        break                # a second 合计 after the page break: another table, its title lost
                    if j < len(lines) and ("\t" in lines[j] or _outside_rows(lines, j, rows)[0]):
                        i, broken = j, True
                        continue
                break
            if doc.pages:
                _restore_dropped_column(rows, doc.pages)
            table = RawTable(start, rows[-1].line, rows)
            _attach_intro(table, pending, lines)
            _unit_inside(table)
            if doc.pages:
                _drop_empty_columns(table.rows)
            if tables and _printed_again(tables[-1], table, pending):
                # the same title and header again on the next page: the table above, continued
                tables[-1].rows += table.rows[1:]
                tables[-1].end = table.end
            else:
                tables.append(table)
            pending = []
            continue
        stripped = line.strip()
        if stripped:
            text = clean(stripped.lstrip("#").strip())
            if tables and _NOTE_LINE.match(text) and not pending:
                tables[-1].notes.append((i + 1, text))
            elif tables and tables[-1].notes and not pending and tables[-1].notes[-1][0] >= i - 1 \
                    and text.endswith(("：", ":")) and len(text) < 80:
                # the template's instruction between two notes (“……并在本表下方作下述说明：”)
                tables[-1].notes.append((i + 1, text))
            elif tables and tables[-1].notes and not pending and tables[-1].notes[-1][0] >= i - 1:
                # a note wrapped onto the next paragraph
                texts.append(TextLine(i + 1, text))
                pending.append((i + 1, text))
            else:
                texts.append(TextLine(i + 1, text))
                pending.append((i + 1, text))
        i += 1
    return texts, tables


def _absurd(doc: Document, i: int, what: str) -> DocumentError:
    """The refusal of a table too large for a disclosure, at the line (0-based ``i``) and its page."""
    page = doc.pages[i] if i < len(doc.pages) else None
    return DocumentError(doc.name, i + 1, f"{what} (is this really a disclosure?)", page=page)


def _title_row(line: str) -> tuple[str, str | None] | None:
    """(title, unit) of a ruled row that is the title of a table rather than one of its rows; else None.

    A title printed in a row of its own inside the ruling (收入预算总表 | | |), or a page drawn inside
    one frame whose single cell holds the page's text again from its title on (收入预算总表部门：…
    单位：万元 项目名称 金额 …): the frame repeats the cells under it, so only its title and unit are
    kept.  Either begins a table, even right after a page break inside another: a table never holds
    another's title.  The title names a budget table (a word of money and ``表``), and holds no figure.
    """
    filled = [c for c in line.split("\t") if c.strip()]
    if len(filled) != 1:
        return None
    text = compact(filled[0])
    m = _TITLE_CELL.match(text)
    if m is None or _NOTE_LINE.match(text) or not _TITLE_WORDS.search(m.group(1)) \
            or re.search(r"\d[\d,]*\.\d", m.group(1)):
        return None
    unit = re.search(r"单位[:：](万元|元)", text[m.end():])
    return clean(m.group(1)), unit.group(1) if unit else None


def _dept_row(line: str) -> bool:
    """A ruled row that only names the department (部门： | 江苏省人大常委会办公厅)."""
    joined = " ".join(c.strip() for c in line.split("\t") if c.strip())
    return bool(_DEPT_LINE.match(joined) or _DEPT_AND_UNIT.match(joined)) and not any(
        is_figure(c.strip()) for c in line.split("\t"))


def _opens_with_total(row: str | list[str]) -> bool:
    """A row whose first cell printed is the table's 合计 (or 总计)."""
    cells = row.split("\t") if isinstance(row, str) else row
    first = next((c for c in cells if c.strip()), "")
    return bool(_TOTAL_LINE.match(compact(first))) and "\t" in "\t".join(cells)


def _printed_again(previous: RawTable, table: RawTable, pending: list[tuple[int, str]]) -> bool:
    """A table printed on a new page under the title and header of the table right above it."""
    def first(t: RawTable) -> list[str]:
        return [compact(c) for c in t.rows[0].cells] if t.rows else []
    return bool(table.title) and compact(table.title) == compact(previous.title) and len(pending) <= 4 \
        and first(table) == first(previous) and any(first(table)) and len(table.rows) > 1


def _outside_rows(lines: tuple[str, ...], i: int, rows: list[Row]) -> tuple[int, list[Row], str]:
    """Rows of a table continued on a new page that the page prints outside the table's ruling.

    A continued table's first rows may stand above the ruling of the new page: they reach the text
    form as text lines (``2210201 住房公积金 1,029.15``) between the page break and the ruled rows.
    They are rows of the table above, never the title of a table of their own.  Their code, words and
    figures go into the columns of the nearest row above that prints the same sequence of code, label
    and figures.  Figures run together (``110.00304.40…``, two decimals each) are this row's figure and
    those of the ruled rows right under it that print none, when there are exactly as many.  A few
    characters alone (``置更新``) end the label of the row above, wrapped over the page break.

    Returns (lines taken, rows made, the end of the label above); nothing is taken unless ruled rows
    of the same table follow.
    """
    if not rows:
        return 0, [], ""
    n, made, tail = i, [], ""
    first = clean(lines[i])
    if re.fullmatch(r"[\u4e00-\u9fff（）()]{1,4}", first) and _label_at(rows[-1]) is not None:
        tail, n = first, i + 1
    while n < len(lines) and lines[n].strip() and "\t" not in lines[n]:
        cells = _row_cells(clean(lines[n]), rows + made)
        if cells is None:
            break
        made.append(Row(n + 1, cells))
        n += 1
    if not (made or tail) or n >= len(lines) or "\t" not in lines[n] or _title_row(lines[n]) is not None:
        return 0, [], ""
    if made:
        spread = _spread_run(made[-1], lines, n)
        made += spread
        n += len(spread)
    return n - i, made, tail


def _restore_dropped_column(rows: list[Row], pages: tuple[int, ...]) -> None:
    """Rows of a table continued on a new page that lost a column, given it back where it was.

    A column empty on the whole of a continued page (江苏's 采购品目大类 under a category begun on the
    page before) is dropped with the page's spare columns, and the page's rows come one cell short.
    The empty cell goes back at the one place where the rows line up best with the rows above: each
    row shaped (code, label or figure, column by column) like a row printed above.
    """
    for k in range(1, len(rows)):
        page = pages[rows[k].line - 1] if rows[k].line <= len(pages) else None
        if page is None or page == pages[rows[k - 1].line - 1]:
            continue
        width = len(rows[k - 1].cells)
        run = [r for r in itertools.takewhile(lambda r: pages[r.line - 1] == page, rows[k:])
               if len(r.cells) != width]     # (rows printed outside the ruling were placed already)
        if width < 3 or not run or any(len(r.cells) != width - 1 for r in run):
            continue
        shapes = {_shape(r.cells) for r in rows[:k]}
        scores = [sum(_shape(r.cells[:at] + [""] + r.cells[at:]) in shapes for r in run) for at in range(width)]
        best = max(scores)
        if best:
            at = scores.index(best)
            for r in run:
                r.cells.insert(at, "")


def _drop_empty_columns(rows: list[Row]) -> None:
    """Columns empty in every row, dropped as the reader drops them from each ruled table (they were not
    empty there while a frame's cell over the page was a row of the table: ``_title_row``)."""
    width = max((len(r.cells) for r in rows), default=0)
    empty = [k for k in range(width) if all(k < len(r.cells) and not r.cells[k].strip() for r in rows)]
    for r in rows:
        r.cells = [c for k, c in enumerate(r.cells) if k not in empty]


def _shape(cells: list[str]) -> tuple[tuple[int, str], ...]:
    return tuple((n, _cell_kind(c.strip())) for n, c in enumerate(cells) if c.strip())


def _cell_kind(text: str) -> str:
    if not text:
        return ""
    if text.isdigit():
        return "code"
    return "figure" if _FIGURE.match(text) or _RUN_OF_FIGURES.match(text) or is_figure(text) else "label"


def _row_cells(text: str, above: list[Row]) -> list[str] | None:
    """The cells of a row printed as a text line, placed like the nearest row above of the same shape."""
    tokens = text.split()
    if len(tokens) < 2 or len(text) > 80 or "。" in text:
        return None
    k = len(tokens)
    while k > 0 and (_FIGURE.match(tokens[k - 1]) or _RUN_OF_FIGURES.match(tokens[k - 1])):
        k -= 1
    if k == 0 or k == len(tokens):
        return None
    code = tokens[:1] if tokens[0].isdigit() and k > 1 else []
    values = code + [clean(" ".join(tokens[len(code):k]))] + tokens[k:]
    shape = [_cell_kind(v) for v in values]
    for row in reversed(above):
        at = [n for n, c in enumerate(row.cells) if c.strip()]
        if [_cell_kind(row.cells[n].strip()) for n in at] == shape:
            cells = [""] * len(row.cells)
            for n, v in zip(at, values):
                cells[n] = v
            return cells
    return None


def _spread_run(row: Row, lines: tuple[str, ...], n: int) -> list[Row]:
    """Figures run together in ``row``, split over it and the ruled rows from line ``n`` on that print
    no figure: those rows, with their figure; none when the counts differ."""
    at = next((k for k, c in enumerate(row.cells) if _RUN_OF_FIGURES.match(c)), None)
    if at is None:
        return []
    pieces = _ONE_OF_RUN.findall(row.cells[at])
    under = lines[n:n + len(pieces) - 1]
    if "".join(pieces) != row.cells[at] or len(under) < len(pieces) - 1 \
            or any("\t" not in u or any(_FIGURE.match(c.strip()) for c in u.split("\t")) for u in under):
        return []
    after = lines[n + len(under)] if n + len(under) < len(lines) else ""
    if "\t" in after and not any(_FIGURE.match(c.strip()) for c in after.split("\t")) and _title_row(after) is None:
        return []                            # more rows without a figure than figures
    row.cells[at] = pieces[0]
    made = []
    for k, (line, figure) in enumerate(zip(under, pieces[1:])):
        cells = [clean(c) for c in line.split("\t")]
        cells += [""] * (at + 1 - len(cells))
        cells[at] = figure
        made.append(Row(n + k + 1, cells))
    return made


def _label_at(row: Row) -> int | None:
    """The column of the last label (words, not a code or a figure) of a row."""
    return next((k for k in range(len(row.cells) - 1, -1, -1) if _cell_kind(row.cells[k].strip()) == "label"), None)


def _end_label(row: Row, tail: str) -> None:
    if tail:
        k = _label_at(row)
        row.cells[k] += tail


def _unit_inside(table: RawTable) -> None:
    """The department and unit printed as a row inside the ruled table (江苏: “部门： | X | … | 单位：万元”).

    The row holds no figure; it is taken as the table's department and
    unit (unless the lines before the table gave them) and is not a row of
    the table.
    """
    for k, row in enumerate(table.rows[:3]):
        cells = [c for c in row.cells if c.strip()]
        if not cells:
            continue
        joined = " ".join(cells).replace("部门： ", "部门：").replace("部门: ", "部门:")
        m = _DEPT_AND_UNIT.match(joined)
        unit = m.group(2) if m else next((u.group(1) for c in cells
                                          for u in [_UNIT_LINE.match(compact(c).replace(":", "："))] if u), None)
        if unit is None:
            continue
        if table.unit is None:
            table.unit = unit
        if m and table.department is None:
            table.department = m.group(1).strip()
        table.rows = table.rows[k + 1:]
        return


def _attach_intro(table: RawTable, pending: list[tuple[int, str]], lines: tuple[str, ...] = ()) -> None:
    """Pick the title, unit and department out of the lines before a table.

    The title is the nearest line that names the table: not a 部门/单位 line, not the table's number
    alone (公开表一, 表二, 公开01表: the lines before it say what the table is), not its header printed
    as text (功能科目代码 功能科目名称 金额), a lone 合计, or a row of figures.  A title wrapped over two
    lines (…支出预 / 算表) is joined again.
    """
    window = pending[-6:]
    table.intro = list(window)
    _header_above(table, window, lines)
    for k in range(len(window) - 1, -1, -1):
        number, text = window[k]
        m = _DEPT_AND_UNIT.match(text) or _DEPT_AND_UNIT_BARE.match(re.sub(r"[\s:：]", "", text))
        if m and table.unit is None and table.department is None:
            table.department, table.unit = m.group(1).strip(), m.group(2)
            continue
        m = _UNIT_LINE.match(compact(text).replace(":", "：")) or _UNIT_LINE.match(text) \
            or _UNIT_BARE.match(re.sub(r"[\s:：]", "", text))
        if m and table.unit is None:
            table.unit = m.group(1)
            continue
        m = _UNIT_THEN.match(compact(text).replace(":", "："))
        if m and table.unit is None:
            table.unit = m.group(1)
            before = _DEPT_LINE.match(window[k - 1][1]) if k else None
            if before and table.department is None and not _UNIT_THEN.match(compact(window[k - 1][1])):
                table.department = compact(before.group(1)) + m.group(2)     # the name's end, wrapped
            continue
        m = _DEPT_LINE.match(text)
        if m:
            value = m.group(1).strip()
            if table.department is None and value not in ("元", "万元"):
                table.department = value
            continue
        if _PAGE_MARK.match(compact(text)) or _PERIOD_LINE.match(text) or not text \
                or _NUMBERING.match(compact(text)) or _TOTAL_LINE.match(compact(text)) \
                or _header_line(_printed(lines, number, text), table) or _cell_kind(text.split()[-1]) == "figure":
            continue
        if not table.title:
            named = next((w for w in reversed(window[:k]) if _NAMES_TABLE.search(compact(w[1]))
                          and not _NUMBERING.match(compact(w[1])) and "。" not in w[1]), None)
            if "表" not in text and named is not None:
                number, text = named             # words above the ruling that name no table (its header)
            with_unit = re.fullmatch(r"(.+?表(?:[（(][^（()）]{1,12}[)）])?)(?:金额)?单位[:：](万元|元)", compact(text))
            if with_unit:                        # the title and the unit on one line
                text, table.unit = with_unit.group(1), table.unit or with_unit.group(2)
            table.title, table.title_line = text, number
            if len(compact(text)) <= 3 and compact(text).endswith("表") and k and _wrapped_title(window[k - 1][1]):
                table.title, table.title_line = window[k - 1][1] + text, window[k - 1][0]
            break


def _header_line(text: str, table: RawTable) -> bool:
    """A table's column headers printed as a line of text above its ruling (功能科目代码 功能科目名称 金额):
    one of its first rows again, or three or more short words that name no table."""
    joined = compact(text)
    if any(joined == "".join(compact(c) for c in r.cells) for r in table.rows[:3]):
        return True
    words = text.split()
    return len(words) >= 3 and all(2 <= len(w) <= 10 and not re.search(r"[\d:：，,。、；;]", w) and not w.endswith("表")
                                   for w in words)


def _printed(lines: tuple[str, ...], number: int, text: str) -> str:
    """A text line as the document prints it, with its spaces (``text`` is the line cleaned)."""
    return lines[number - 1].strip() if 0 < number <= len(lines) else text


def _header_above(table: RawTable, window: list[tuple[int, str]], lines: tuple[str, ...]) -> None:
    """Column headers printed above the ruling, made the table's header row again.

    Where the ruling of a table's header row is lost, the header reaches the text form as a line of
    words right above the table (专项名称 经济科目 采购物品名称 采购组织形式 总计), and the table begins
    with its figures.  The words name the table's last columns, one each.  A first column's header
    wrapped over that line (采购品目大 / 类) is made whole from the fragment printed after the unit and
    the one printed in the first cell, before the 合计 under it (类合计).
    """
    if not table.rows or not window or not any(is_figure(c.strip()) for c in table.rows[0].cells):
        return
    number, text = window[-1]
    words = _printed(lines, number, text).split()
    width = len(table.rows[0].cells)
    if not _header_line(" ".join(words), table) or len(words) > width or len(words) < width - 1:
        return
    header = [""] * (width - len(words)) + words
    if len(words) == width - 1:
        first = table.rows[0].cells
        m = re.fullmatch(r"([\u4e00-\u9fff]{1,3})(合计|总计)", compact(first[0]))
        before = re.search(r"单位[:：](?:万元|元)([\u4e00-\u9fff]{1,8})$", compact(window[-2][1])) \
            if len(window) > 1 else None
        if m and before:
            header[0] = before.group(1) + m.group(1)
            first[0] = m.group(2)
    table.rows.insert(0, Row(number, header))


def _wrapped_title(text: str) -> bool:
    """The line before a fragment of a title (算表): the title's beginning, not a unit, department or number."""
    t = compact(text)
    return bool(t) and not (_DEPT_LINE.match(t) or _UNIT_LINE.match(t.replace(":", "：")) or _UNIT_THEN.match(t)
                            or _NUMBERING.match(t) or "。" in t) and not t.endswith("表")
