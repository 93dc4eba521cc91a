"""The PDF reader on drawn tables: a continued table keeps its columns by where they stand on each page,
and a cell's shading is never taken for a ruling."""

from generator.read.pdf import _placed_columns, to_lines
from tests.pdfs import pdf

_SIZE = 9.0
_RULE = 0.5                       # a ruling: a filled rectangle this thick
_HEIGHT = 842.0


def _pdf(pages: list[bytes]) -> bytes:
    """A PDF of the pages given as content streams, with Helvetica as its font."""
    return pdf(pages)


def _fill(x0: float, top: float, x1: float, bottom: float) -> bytes:
    """A filled rectangle without a stroke, in page coordinates from the top."""
    return b"%.2f %.2f %.2f %.2f re f\n" % (x0, _HEIGHT - bottom, x1 - x0, bottom - top)


def _text(x: float, top: float, words: str) -> bytes:
    return b"BT /F1 %.1f Tf %.2f %.2f Td (%s) Tj ET\n" % (_SIZE, x, _HEIGHT - top - _SIZE, words.encode())


def _grid(xs: list[float], ys: list[float], cells: list[list[str]], spans: dict | None = None) -> bytes:
    """A table ruled by thin rectangles at ``xs`` and ``ys``; ``spans`` gives a cell merged over the next
    columns of its row ((row, column): how many columns), drawn without the rulings inside it."""
    spans = spans or {}
    out = b""
    for y in ys:
        out += _fill(xs[0], y, xs[-1], y + _RULE)
    for r, (top, bottom) in enumerate(zip(ys, ys[1:])):
        inside = {c + k for (row, c), n in spans.items() if row == r for k in range(1, n)}
        for c, x in enumerate(xs):
            if c not in inside:
                out += _fill(x, top, x + _RULE, bottom)
        for c, words in enumerate(cells[r]):
            if words:
                out += _text(xs[c] + 3, top + 4, words)
    return out


def _lines(pages: list[bytes]) -> list[str]:
    lines, _ = to_lines(_pdf(pages), "drawn.pdf")
    return [line for line in lines if line]


# income label | amount | a spare column (filled only in the department row) | use label | amount
_OPENING_XS = [50.0, 150.0, 250.0, 270.0, 370.0, 470.0]


def test_a_continued_page_without_the_spare_column_keeps_each_cell_under_its_column():
    first = _grid(_OPENING_XS, [100, 120, 140, 160],
                  [["Dept:", "", "X", "", "Unit"], ["Income", "Amount", "", "Use", "Amount"],
                   ["A1", "10.00", "", "U1", "5.00"]])
    # the next page draws the table with the columns it needs: no ruling at 250
    second = _grid([50.0, 150.0, 270.0, 370.0, 470.0], [60, 80, 100],
                   [["A2", "20.00", "U2", "25.00"], ["Total", "30.00", "Total", "30.00"]])
    lines = _lines([first, second])
    assert lines[-2:] == ["A2\t20.00\t\tU2\t25.00", "Total\t30.00\t\tTotal\t30.00"]


def test_a_continued_page_that_does_not_fit_the_opening_columns_is_placed_as_before():
    assert _placed_columns([50.0, 150.0, 270.0, 470.0], [50.0, 150.0, 250.0, 270.0, 470.0]) == [0, 1, 3]
    assert _placed_columns([80.0, 150.0, 470.0], [50.0, 150.0, 470.0]) is None        # the table moved
    assert _placed_columns([50.0, 480.0, 520.0], [50.0, 150.0, 470.0]) is None        # a column beyond it
    # a short row alone on its page (合计 over the code columns) takes its first cell as spanning them
    first = _grid([50.0, 100.0, 150.0, 300.0, 400.0], [100, 120, 140],
                  [["Code", "Sub", "Name", "Amount"], ["201", "01", "Office", "10.00"]])
    second = _grid([80.0, 300.0, 400.0], [60, 80], [["Total", "10.00"]])
    assert _lines([first, second])[-1] == "Total\t\t\t10.00"


def _shaded(x0: float, top: float, x1: float, bottom: float, text_top: float, text_bottom: float) -> bytes:
    """Word's pieces of one shaded cell: a block above its text, one at each side, the text's area, one below."""
    return _fill(x0, top, x1, text_top) + _fill(x0, text_top, x0 + 5.2, text_bottom) \
        + _fill(x1 - 5.2, text_top, x1, text_bottom) + _fill(x0 + 5.2, text_top, x1 - 5.2, text_bottom) \
        + _fill(x0, text_bottom, x1, bottom)


def test_a_cells_shading_is_no_ruling():
    xs, ys = [50.0, 150.0, 250.0, 350.0], [100.0, 160.0, 180.0]
    # the header's text stands at other heights in each cell (one line, two lines): the pieces' edges would
    # cut the header into rows that hold one word each
    page = b"1 1 1 rg\n" + _shaded(50.5, 100.5, 150, 160, 125, 140) + _shaded(150.5, 100.5, 250, 160, 118, 148) \
        + _shaded(250.5, 100.5, 350, 160, 125, 140)
    for x0, x1 in zip(xs, xs[1:]):
        page += _shaded(x0 + _RULE, 160.5, x1, 180, 161.2, 179.3)
    page += b"0 0 0 rg\n" + _grid(xs, ys, [["", "", ""], ["30.00", "20.00", "10.00"]]) + _text(53, 127, "Total") \
        + _text(153, 120, "Meet") + _text(153, 134, "ings") + _text(253, 127, "Training")
    assert _lines([page]) == ["Total\tMeetings\tTraining", "30.00\t20.00\t10.00"]


def test_a_table_drawn_by_its_cells_fills_alone_is_still_a_table():
    page = b"0.9 0.9 0.9 rg\n"
    for r, (top, bottom) in enumerate([(100.0, 120.0), (121.0, 141.0)]):
        for x0, x1 in [(50.0, 200.0), (201.0, 300.0)]:
            page += _fill(x0, top, x1, bottom)
    page += b"0 0 0 rg\n" + _text(53, 104, "Total") + _text(204, 104, "Amount") \
        + _text(53, 125, "Office") + _text(204, 125, "10.00")
    assert _lines([page]) == ["Total\tAmount", "Office\t10.00"]


def test_text_beyond_the_page_is_not_read():
    # a copy of a table set below the page's foot: never shown, so never read
    page = _grid([50.0, 150.0, 250.0], [100, 120, 140], [["Code", "Amount"], ["301", "10.00"]]) \
        + _grid([50.0, 150.0, 250.0], [900, 920, 940], [["Code", "Amount"], ["301", "99.00"]]) \
        + _text(60, 1000, "Hidden 99.00")
    assert _lines([page]) == ["Code\tAmount", "301\t10.00"]


def test_a_white_fill_between_two_tables_joins_them_not():
    # the last row of a table, then the next table's title on a white background that runs from the one
    # table's foot to the other's head, a little wider than the first: the fill draws nothing
    first = _grid([50.0, 150.0, 250.0, 400.0], [60, 80], [["30312", "Rent", "1,018.01"]])
    title = b"1 1 1 rg\n" + _fill(50.0, 80.5, 404.0, 120.0) + b"0 0 0 rg\n" + _text(120, 95, "Next table")
    second = _grid([50.0, 180.0, 300.0, 404.0], [120, 140, 160], [["Code", "Name", "Amount"], ["", "Total", ""]])
    assert _lines([first + title + second]) == ["30312\tRent\t1,018.01", "Next table", "Code\tName\tAmount",
                                                "\tTotal\t"]


def test_a_first_row_whose_top_the_page_left_open_is_a_row_of_the_table():
    # page 2 of a continued table: the border above its first row was drawn at the foot of page 1 only
    xs = [50.0, 150.0, 250.0]
    first = _grid(xs, [100, 120, 140], [["Code", "Amount"], ["30229", "111.00"]])
    open_row = b"".join(_fill(x, 60, x + _RULE, 80) for x in xs) + _text(53, 64, "30231") + _text(153, 64, "266.80")
    second = open_row + _grid(xs, [80, 100, 120], [["30239", "596.38"], ["30299", "153.34"]])
    assert _lines([first, second])[-3:] == ["30231\t266.80", "30239\t596.38", "30299\t153.34"]
