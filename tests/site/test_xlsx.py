"""The XLSX writer: what it writes reads back, in openpyxl and pandas, exactly as it was given."""

import io
from decimal import Decimal

import openpyxl
import pandas as pd
import pytest

from generator.site.build import xlsx


def _book(sheets):
    return openpyxl.load_workbook(io.BytesIO(xlsx.workbook(sheets, "标题 & <题>")))


def test_text_and_figures_read_back_as_given():
    awkward = ["=1+1", "-5%", "003001", "  两端空格 ", "_x0041_", "<b>&amp;</b>", "换\n行", "'引号\""]
    rows = [[(t, xlsx.PLAIN)] for t in awkward]
    rows.append([(Decimal("1234567.89"), xlsx.CENTS), (3503499, xlsx.WHOLE), (Decimal("0.01"), xlsx.PLAIN)])
    book = _book([xlsx.Worksheet("表 & \"一\"", rows, frozen_rows=2, widths=[20, 14.5, 8])])
    ws = book["表 & \"一\""]
    assert [ws.cell(r, 1).value for r in range(1, len(awkward) + 1)] == awkward
    assert all(ws.cell(r, 1).data_type == "s" for r in range(1, len(awkward) + 1))    # text, never a formula
    last = len(awkward) + 1
    assert [ws.cell(last, c).value for c in (1, 2, 3)] == [1234567.89, 3503499, 0.01]
    assert ws.cell(last, 1).number_format == "#,##0.00" and ws.cell(last, 2).number_format == "#,##0"
    assert ws.freeze_panes == "A3"
    assert ws.column_dimensions["B"].width == 14.5
    assert book.properties.title == "标题 & <题>"


def test_a_control_character_xml_cannot_hold_is_written_as_the_formats_escape():
    """As Excel reads it back (openpyxl shows the escape itself): the file stays well-formed."""
    ws = _book([xlsx.Worksheet("s", [[("a\x0bb\x00", 0)]])])["s"]
    assert ws["A1"].value == "a_x000B_b_x0000_"


def test_blank_cells_are_left_out_and_columns_past_z_are_named():
    cells = [(None, 0)] * 27 + [("AB", xlsx.BOLD)]
    ws = _book([xlsx.Worksheet("宽", [cells, [("", 0), (1, 0)]])])["宽"]
    assert ws["AB1"].value == "AB" and ws["AB1"].font.b
    assert ws["A1"].value is None and ws["A2"].value is None and ws["B2"].value == 1
    assert [xlsx.column_name(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]


def test_several_sheets_open_in_pandas_in_order_and_the_bytes_do_not_change():
    sheets = [xlsx.Worksheet(f"第{n}表", [[("项目", xlsx.HEADER), ("金额", xlsx.HEADER)],
                                          [("合计", 0), (Decimal(n) * 100, xlsx.WHOLE)]], frozen_rows=1)
              for n in range(1, 4)]
    data = xlsx.workbook(sheets, "t")
    frames = pd.read_excel(io.BytesIO(data), sheet_name=None)
    assert list(frames) == ["第1表", "第2表", "第3表"]
    assert frames["第3表"]["金额"].tolist() == [300]
    assert xlsx.workbook(sheets, "t") == data


def test_a_value_that_is_not_a_figure_is_refused():
    with pytest.raises(TypeError):
        xlsx.workbook([xlsx.Worksheet("x", [[(object(), 0)]])], "t")
