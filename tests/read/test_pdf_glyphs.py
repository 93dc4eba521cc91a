"""The PDF reader against glyph boxes set off their line: a font that declares a descent of a whole em
(重庆's figures, codes and colons) and page numbers whose digits are placed one by one."""

from generator.read.pdf import _PAGE_NUMBER, _on_baseline


class Page:
    def __init__(self, chars):
        self.chars = chars


def char(text, baseline, drop, size=10.0, turned=False, page_height=600.0):
    """A character as pdfplumber gives it: ``drop`` is how far its box reaches below the baseline, in ems."""
    y0 = baseline - drop * size
    matrix = (0.0, 1.0, -1.0, 0.0, 0.0, baseline) if turned else (1.0, 0.0, 0.0, 1.0, 0.0, baseline)
    return {"text": text, "matrix": matrix, "size": size, "y0": y0, "y1": y0 + size,
            "top": page_height - y0 - size, "bottom": page_height - y0, "doctop": page_height - y0 - size}


def test_a_box_hanging_below_its_line_is_put_back_on_it():
    name, figure = char("合", 100.0, 0.24), char("8", 100.0, 1.03)
    assert figure["top"] - name["top"] > 7          # read as the row below the name's
    _on_baseline(Page([name, figure]))
    assert abs(figure["top"] - name["top"]) < 1 and abs(figure["bottom"] - name["bottom"]) < 1
    assert figure["y1"] - figure["y0"] == 10.0 and figure["bottom"] - figure["top"] == 10.0


def test_boxes_of_ordinary_fonts_and_turned_text_are_left_as_they_are():
    ordinary, turned = char("合", 100.0, 0.3), char("8", 100.0, 1.03, turned=True)
    before = (dict(ordinary), dict(turned))
    _on_baseline(Page([ordinary, turned]))
    assert (ordinary, turned) == before


def test_a_page_number_with_its_digits_apart_is_a_page_number():
    for text in ("— 1 0 —", "1 0", "- 473 -", "第 3 页", "12"):
        assert _PAGE_NUMBER.match(text), text
    for text in ("1 0 个", "一、", "2,045.10"):
        assert not _PAGE_NUMBER.match(text), text
