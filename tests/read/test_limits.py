"""Absurd and damaged files are refused with a DocumentError that says what is wrong, before they cost time.

One case for each way a document used to end in a traceback or run for
minutes: a PDF damaged where it is opened, where its pages are counted or
listed, or inside a page; a web page saved under a .pdf name; a scan with
no text; too many pages, rows, columns or characters on a line; and, on
disk, what is not a regular file or is too large.
"""

from __future__ import annotations

import io
import os
import re
import socket
import threading
import time
from pathlib import Path

import pytest

from generator.core.errors import DocumentError
from generator.read import limits, read_file, read_source

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
TEXT = "2024年某市某局部门预算\n\n2024年部门收支总体情况表\n单位：万元\n项目\t预算数\n合计\t1.0\n"


@pytest.fixture(scope="module")
def pdfium():
    return pytest.importorskip("pypdfium2")          # comes with pdfplumber; it can write PDFs


@pytest.fixture(scope="module")
def small_pdf(pdfium) -> bytes:
    """Three pages of a published PDF, written again (a plain xref table, one /MediaBox per page)."""
    src = pdfium.PdfDocument(SAMPLES / "js-zhengxie-2018-budget-tables.pdf")
    doc = pdfium.PdfDocument.new()
    doc.import_pages(src, [0, 8, 11])
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def refusal(name: str, raw: bytes) -> DocumentError:
    with pytest.raises(DocumentError) as err:
        read_source(name, raw)
    assert str(err.value).startswith(name)
    return err.value


# --- damaged PDFs ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("damage", ["cut short", "no trailer"])
def test_a_pdf_damaged_where_it_is_opened_is_refused(small_pdf, damage):
    raw = small_pdf[:1000] if damage == "cut short" else small_pdf.replace(b"trailer", b"trailor")
    err = refusal("a.pdf", raw)
    assert "damaged or not a readable PDF" in err.message and err.page is None


def test_a_pdf_whose_pages_cannot_be_counted_is_refused(small_pdf):
    # pdfminer raised TypeError while walking the page tree
    raw = re.sub(rb"/MediaBox\s*\[[^\]]*\]", b"/MediaBox [0 0 a b]", small_pdf)
    err = refusal("a.pdf", raw)
    assert "the PDF is damaged or not readable: its pages cannot be counted" in err.message


def test_a_pdf_whose_pages_cannot_be_listed_is_refused(small_pdf):
    # pdfplumber raised IndexError while making its list of pages
    raw = re.sub(rb"/MediaBox\s*\[[^\]]*\]", b"/MediaBox [0]", small_pdf)
    err = refusal("a.pdf", raw)
    assert "the PDF is damaged or not readable: its pages cannot be listed" in err.message


def test_a_damaged_page_is_refused_naming_the_page(small_pdf):
    raw = small_pdf.replace(b"/FlateDecode", b"/BogusDecode")
    err = refusal("a.pdf", raw)
    assert err.page == 1 and "page 1 of the PDF is damaged or cannot be read" in err.message
    assert str(err).startswith("a.pdf (page 1): ")


def test_any_failure_inside_a_page_names_the_page(small_pdf, monkeypatch):
    import pdfplumber.page

    calls = []

    def broken(self, *args, **kwargs):
        calls.append(self.page_number)
        if self.page_number == 2:
            raise TypeError("unsupported operand type(s)")
        return original(self, *args, **kwargs)

    original = pdfplumber.page.Page.find_tables
    monkeypatch.setattr(pdfplumber.page.Page, "find_tables", broken)
    err = refusal("a.pdf", small_pdf)
    # pages are read in order and none after the broken one (a page with shaded cells looks for its tables twice)
    assert err.page == 2 and "TypeError" in err.message and list(dict.fromkeys(calls)) == [1, 2]


@pytest.mark.parametrize("raw", [
    b"<!DOCTYPE html>\n<html><head><title>\xe9\xa2\x84\xe7\xae\x97</title></head></html>",
    b"\xef\xbb\xbf \r\n\t<html lang=\"zh\"><body>404</body></html>",
    b"\n\n<!doctype HTML><p>",
])
def test_a_web_page_saved_as_pdf_is_refused_as_such(raw):
    err = refusal("a.pdf", raw)
    assert "an HTML web page, not a PDF" in err.message


def test_an_empty_pdf_is_refused():
    assert "the file is empty" in refusal("a.pdf", b" \n").message


def test_a_pdf_without_a_text_layer_needs_ocr(pdfium):
    doc = pdfium.PdfDocument.new()
    for _ in range(2):
        doc.new_page(595, 842)              # pages with nothing on them, as a scan has no text
    buf = io.BytesIO()
    doc.save(buf)
    err = refusal("scan.pdf", buf.getvalue())
    assert err.message == "the PDF has no text layer (a scanned image?); it needs OCR before it can be imported"


# --- limits ---------------------------------------------------------------------------------------------

def test_a_pdf_of_1650_pages_is_refused_in_seconds(pdfium):
    src = pdfium.PdfDocument(SAMPLES / "sh-putuo-wanlijiedao-2024-budget.pdf")     # 33 pages
    doc = pdfium.PdfDocument.new()
    for _ in range(50):
        doc.import_pages(src)
    buf = io.BytesIO()
    doc.save(buf)
    start = time.monotonic()
    err = refusal("many.pdf", buf.getvalue())
    assert time.monotonic() - start < 15             # it took minutes when every page was read first
    assert err.message.startswith(f"the PDF has 1,650 pages; expected a disclosure of at most {limits.MAX_PDF_PAGES}")


def test_the_page_limit_is_checked_before_any_page_is_read(monkeypatch):
    import pdfplumber.page

    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 10)
    monkeypatch.setattr(pdfplumber.page.Page, "find_tables", lambda *a, **k: pytest.fail("a page was read"))
    err = refusal("a.pdf", (SAMPLES / "js-zhengxie-2018-budget-tables.pdf").read_bytes())      # 12 pages
    assert "the PDF has 12 pages; expected a disclosure of at most 10 pages" in err.message


def test_a_pdf_over_the_size_limit_is_refused_unread(monkeypatch, small_pdf):
    monkeypatch.setattr(limits, "MAX_PDF_BYTES", 1000)
    err = refusal("a.pdf", small_pdf)
    assert "expected a PDF disclosure of at most 1,000 bytes" in err.message


def test_a_text_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", 10)
    assert "expected a text disclosure of at most 10 bytes" in refusal("a.txt", TEXT.encode()).message


def test_a_long_line_in_a_pdf_is_refused_with_its_line_and_page(monkeypatch, small_pdf):
    monkeypatch.setattr(limits, "MAX_LINE_CHARS", 40)
    err = refusal("a.pdf", small_pdf)
    assert err.line and err.page and "characters long; expected at most 40" in err.message


def test_a_long_line_in_a_text_is_refused_with_its_line():
    raw = (TEXT + "说明" * limits.MAX_LINE_CHARS + "\n").encode()
    err = refusal("a.txt", raw)
    assert err.line == 7 and f"line is {2 * limits.MAX_LINE_CHARS:,} characters long" in err.message


def test_a_table_of_too_many_rows_is_refused():
    raw = (TEXT + "".join(f"项目{n}\t1.0\n" for n in range(limits.MAX_TABLE_ROWS))).encode()
    err = refusal("a.txt", raw)
    assert err.line == 5 + limits.MAX_TABLE_ROWS and "the table that starts on line 5 has more than" in err.message


def test_a_row_of_too_many_cells_is_refused():
    raw = (TEXT + "\t".join(["1.0"] * (limits.MAX_TABLE_COLUMNS + 1)) + "\n").encode()
    err = refusal("a.txt", raw)
    assert err.line == 7 and f"expected a table of at most {limits.MAX_TABLE_COLUMNS} columns" in err.message


# --- files on disk --------------------------------------------------------------------------------------

def test_a_document_is_read_from_disk(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode())
    assert read_file(path) == TEXT.encode()


def _refused_on_disk(path: Path) -> DocumentError:
    """read_file's refusal, in a thread that may not block: a FIFO opened for reading would wait for ever."""
    outcome: list[object] = []

    def run():
        try:
            outcome.append(read_file(path))
        except Exception as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), f"reading {path} blocked"
    (result,) = outcome
    assert isinstance(result, DocumentError), result
    assert str(result).startswith(str(path))
    return result


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_dev_zero_is_refused_as_a_device():
    assert "this is a character device" in _refused_on_disk(Path("/dev/zero")).message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_and_never_opened(tmp_path):
    fifo = tmp_path / "a.pdf"
    os.mkfifo(fifo)
    assert "this is a named pipe (FIFO)" in _refused_on_disk(fifo).message


def test_a_directory_is_refused(tmp_path):
    folder = tmp_path / "a.pdf"
    folder.mkdir()
    assert "this is a directory" in _refused_on_disk(folder).message


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(path))
        assert "this is a socket" in _refused_on_disk(path).message


def test_a_missing_file_is_refused(tmp_path):
    assert "cannot read the file: No such file" in _refused_on_disk(tmp_path / "gone.pdf").message


def _never_opened(*args, **kwargs):
    raise AssertionError("the file was opened")


@pytest.mark.parametrize("name, limit", [("big.pdf", limits.MAX_PDF_BYTES), ("big.txt", limits.MAX_TEXT_BYTES)])
def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch, name, limit):
    path = tmp_path / name
    with path.open("wb") as f:
        f.truncate(limit + 1)                   # sparse: no disk space, and any read of it would be slow
    monkeypatch.setattr(os, "open", _never_opened)
    err = _refused_on_disk(path)
    assert f"expected a disclosure of at most {limits.size_text(limit)}" in err.message


def test_a_file_that_grows_while_it_is_read_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    monkeypatch.setitem(limits.MAX_BYTES, ".txt", 50)
    real_stat = os.stat

    def stat_before_growing(p, *args, **kwargs):        # the size os.stat saw before the file grew
        st = real_stat(p, *args, **kwargs)
        return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid, 10,
                               st.st_atime, st.st_mtime, st.st_ctime))

    monkeypatch.setattr(os, "stat", stat_before_growing)
    assert "the file grew past 50 bytes while being read" in _refused_on_disk(path).message
