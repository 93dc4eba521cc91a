"""Readers: the text reader's layout, and files no reader takes are refused with their name."""

import pytest

from generator.core.errors import DocumentError
from generator.read import read_source

TEXT = "2024年某市某局部门预算\n\n2024年部门收支总体情况表\n单位：万元\n项目\t预算数\n合计\t1.0\n\n备注：无\n"


def test_a_text_document_becomes_lines_and_tables():
    layout = read_source("a.txt", TEXT.encode())
    assert layout.document.name == "a.txt" and len(layout.document.sha256) == 64
    (table,) = layout.tables
    assert (table.title, table.unit, table.start, table.end) == ("2024年部门收支总体情况表", "万元", 5, 6)
    assert table.rows[1].cells == ["合计", "1.0"] and table.notes == [(8, "备注：无")]
    assert [t.line for t in layout.texts][:1] == [1]


@pytest.mark.parametrize("name, raw, expected", [
    ("a.docx", b"PK\x03\x04", "cannot read this kind of file; expected one of: .pdf, .txt"),
    ("a.txt", b"", "the file is empty"),
    ("a.txt", "单位\n".encode("gbk"), "not valid UTF-8"),
    ("a.txt", b"ab\x00cd", "looks binary"),
])
def test_bad_files_are_refused_with_their_name(name, raw, expected):
    with pytest.raises(DocumentError) as err:
        read_source(name, raw)
    assert str(err.value).startswith(name) and expected in str(err.value)
