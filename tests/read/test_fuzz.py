"""Damaged documents: each one is imported or refused with a BudgetsiteError, never a traceback.

A fixed-seed set of mutations of the bundled samples (bytes flipped, cut
short, ranges deleted, a PDF's xref and trailer damaged, control
characters, NULs, very long lines, other encodings, lines and cells
shuffled) goes through the whole parse path: ``read_source`` then
``parse_document``.  The PDFs are cut down first to the few pages that
still import (a full sample takes seconds to read), and the text form of
two of them is mutated as well.  The file runs in about 20 seconds: each
test stops taking cases when its budget is spent (on a busy machine it
tries fewer), and one input that runs longer than ``CASE_SECONDS`` fails.
"""

from __future__ import annotations

import contextlib
import functools
import io
import random
import re
import signal
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.core.errors import BudgetsiteError
from generator.normalise.disclosure import parse_document
from generator.read import limits, read_source
from generator.read.layout import Document, Layout
from generator.read.pdf import to_lines
from generator.read.segment import split

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tests" / "samples"
SOURCES = ROOT / "data" / "sources"

SEED = 20240607
CASE_SECONDS = 10           # one input that takes longer than this is a failure of its own
# (cases, seconds): a text takes about 0.05 s to parse, a damaged three-page PDF about 0.3 s
TEXT_CASES, TEXT_BUDGET = 100, 7.0
PDF_CASES, PDF_BUDGET = 25, 8.0
FORM_CASES, FORM_BUDGET = 60, 3.0

Case = tuple[str, Callable[[], object]]

# the pages (from 0) of each sample PDF that still import on their own: the title page and a table or two
SMALL_PDF_PAGES = {
    "js-jianchayuan-2018-budget.pdf": [0, 12, 13],
    "js-zhengxie-2018-budget-narrative.pdf": [0, 1],
    "js-zhengxie-2018-budget-tables.pdf": [0, 8, 11],
    "sh-putuo-shehuigongzuobu-2024-final.pdf": [0, 4, 13],
    "sh-putuo-wanlijiedao-2024-budget.pdf": [0, 9, 30],
    "sh-putuo-zhengfuban-2025-unit-budget.pdf": [0, 7, 19],
}

ODD_CELLS = ["12a,000", "-", "—", "1e309", "0x10", "１２３", "１,２３４.５", "9" * 400, "(1,234)", "-0", ".", ",",
             "%", "NaN", "Infinity", "1,2,3", "١٢٣", "½", "²", "", " ", "合计", "2020年", "万元", "单位：元",
             "1.2.3", "--5", "+", "∞", "0.00000001", "-999999999999999999999"]
ODD_CHARS = [chr(c) for c in range(1, 32) if c not in (9, 10)] + ["\x7f", "\x85", "\u2028", "\u2029", "\u200b",
                                                                   "\ufeff", "\ufffd", "\U0001f4b0", "\t"]


# --- the mutations -----------------------------------------------------------------------------------------

def _flip(rng: random.Random, raw: bytes, lo: int = 0, hi: int | None = None) -> tuple[str, bytes]:
    hi = len(raw) if hi is None else hi
    out = bytearray(raw)
    k = rng.randint(1, 12)
    for _ in range(k):
        i = rng.randrange(lo, max(lo + 1, hi))
        if i < len(out):
            out[i] = rng.randrange(256)
    return f"{k} bytes flipped in [{lo}, {hi})", bytes(out)


def _truncate(rng: random.Random, raw: bytes) -> tuple[str, bytes]:
    at = rng.randrange(len(raw))
    return f"cut at byte {at}", raw[:at]


def _delete(rng: random.Random, raw: bytes) -> tuple[str, bytes]:
    at = rng.randrange(len(raw))
    n = rng.randint(1, max(1, len(raw) // 10))
    return f"bytes {at}..{at + n} deleted", raw[:at] + raw[at + n:]


def _byte_mutation(rng: random.Random, raw: bytes) -> tuple[str, bytes]:
    return rng.choice([_flip, lambda r, b: _truncate(r, b), lambda r, b: _delete(r, b)])(rng, raw)


def _text_mutation(rng: random.Random, raw: bytes) -> tuple[str, bytes]:
    """One mutation of a text disclosure: at the byte level, or of its lines and cells."""
    text = raw.decode("utf-8")
    lines = text.split("\n")
    what = rng.randrange(13)
    i = rng.randrange(len(lines))
    if what <= 2:
        return _byte_mutation(rng, raw)
    if what == 3:
        chars = "".join(rng.choice(ODD_CHARS) for _ in range(rng.randint(1, 5)))
        lines[i] = lines[i][: rng.randint(0, len(lines[i]))] + chars + lines[i][len(lines[i]) // 2:]
        desc = f"control characters {chars!r} in line {i + 1}"
    elif what == 4:
        n = limits.MAX_LINE_CHARS + rng.choice([-1, 0, 1, 50])
        lines.insert(i, "".join(rng.choice("0123456789,.\t预算合计 ") for _ in range(n)))
        desc = f"a line of {n} characters at line {i + 1}"
    elif what == 5:
        lines[i] = lines[i].replace(lines[i][:1], "\x00", 1) if lines[i] else "\x00"
        desc = f"a NUL in line {i + 1}"
    elif what == 6:
        j = min(len(lines), i + rng.randint(1, 20))
        encoding = rng.choice(["gbk", "utf-16", "big5", "mojibake"])
        head = "\n".join(lines[:i]).encode() + (b"\n" if i else b"")
        part = "\n".join(lines[i:j])
        body = part.encode("gbk", "replace").decode("latin-1").encode() if encoding == "mojibake" \
            else part.encode(encoding, "replace")
        tail = (b"\n" if j < len(lines) else b"") + "\n".join(lines[j:]).encode()
        return f"lines {i + 1}..{j} in {encoding}", head + body + tail
    elif what == 7:
        j = min(len(lines), i + rng.randint(1, 40))
        del lines[i:j]
        desc = f"lines {i + 1}..{j} deleted"
    elif what == 8:
        j = min(len(lines), i + rng.randint(2, 30))
        block = lines[i:j]
        rng.shuffle(block)
        lines[i:j] = block
        desc = f"lines {i + 1}..{j} shuffled"
    elif what == 9:
        rows = [n for n, line in enumerate(lines) if "\t" in line] or [i]
        hit = rng.sample(rows, min(len(rows), rng.randint(1, 6)))
        for n in hit:
            cells = lines[n].split("\t")
            cells[rng.randrange(len(cells))] = rng.choice(ODD_CELLS)
            lines[n] = "\t".join(cells)
        desc = f"odd cells in lines {sorted(h + 1 for h in hit)}"
    elif what == 10:
        rows = [n for n, line in enumerate(lines) if "\t" in line] or [i]
        n = rng.choice(rows)
        cells = lines[n].split("\t")
        k = rng.randrange(4)
        if k == 0:
            lines[n] = " ".join(cells)
        elif k == 1:
            lines[n] = "\t".join(cells[: rng.randint(0, len(cells))])
        elif k == 2:
            lines[n] = "\t".join(cells + [""] * rng.randint(1, 30))
        else:
            lines[n] = "\t" * rng.randint(1, 10)
        desc = f"the cells of line {n + 1} changed ({['joined', 'cut', 'widened', 'emptied'][k]})"
    elif what == 11:
        j = min(len(lines), i + rng.randint(1, 60))
        times = rng.randint(2, 40)
        lines[i:j] = lines[i:j] * times
        desc = f"lines {i + 1}..{j} repeated {times} times"
    else:
        old, new = rng.choice([("年", ""), ("单位", "单 位"), ("万元", "亿元"), ("预算", "决算"), ("合计", ""),
                               ("部门", ""), ("20", "99"), (",", ""), (".", ","), ("\t", "\t\t"), ("（", "(")])
        text = "\n".join(lines)
        hits = [m.start() for m in re.finditer(re.escape(old), text)]
        if hits:
            at = rng.choice(hits)
            text = text[:at] + new + text[at + len(old):]
        return f"{old!r} replaced by {new!r} once", text.encode()
    return desc, "\n".join(lines).encode()


def _pdf_mutation(rng: random.Random, raw: bytes) -> tuple[str, bytes]:
    """One mutation of a PDF: its bytes, or its structure (xref, trailer, page tree, streams)."""
    what = rng.randrange(9)
    if what == 0:
        return _flip(rng, raw)
    if what == 1:
        return _flip(rng, raw, max(0, len(raw) - 3000))                # the xref table and the trailer
    if what == 2:
        return _truncate(rng, raw)
    if what == 3:
        return _delete(rng, raw)
    if what == 4:
        at = raw.rfind(b"startxref")
        offset = rng.choice([b"0", b"1", b"999999999", b"-5", b"abc", str(rng.randrange(len(raw))).encode()])
        end = raw.find(b"%%EOF", at)
        return f"startxref points at {offset.decode()}", raw[:at] + b"startxref\r\n" + offset + b"\r\n" + raw[end:]
    if what == 5:
        xref, trailer = raw.rfind(b"xref", 0, raw.rfind(b"startxref")), raw.rfind(b"trailer")
        lo = rng.randrange(xref, trailer) if 0 <= xref < trailer else rng.randrange(len(raw))
        return f"the xref table overwritten from byte {lo}", raw[:lo] + b"x" * rng.randint(1, 200) + raw[lo + 200:]
    if what == 6:
        old, new = rng.choice([(b"trailer", b"trailor"), (b"/Root", b"/Rooo"), (b"/Size", b"/Sise"),
                               (b"/Kids", b"/Kidz"), (b"/Type /Page", b"/Type /Pagf"), (b"/Type/Page", b"/Type/Pagf"),
                               (b"/FlateDecode", b"/BogusDecode"), (b"/Length ", b"/Length 9"),
                               (b"/Count ", b"/Count 99"), (b"/MediaBox", b"/MediaBux"), (b"/Font", b"/Fant"),
                               (b" 0 R", b" 7 R"), (b"endobj", b"")])
        hits = [m.start() for m in re.finditer(re.escape(old), raw)]
        at = rng.choice(hits) if hits else 0
        return f"{old.decode()} replaced by {new.decode()} at byte {at}", \
            raw[:at] + (new if hits else b"") + raw[at + (len(old) if hits else 0):]
    if what == 7:
        return "the PDF twice, end to end", raw + raw
    desc, out = _byte_mutation(rng, raw)
    desc2, out = _byte_mutation(rng, out)
    return f"{desc}, then {desc2}", out


def _form_mutation(rng: random.Random, lines: list[str], pages: list[int]) -> tuple[str, list[str], list[int]]:
    """One mutation of a PDF's text form, each line keeping its page."""
    raw = "\n".join(lines).encode()
    desc, out = _text_mutation(rng, raw)
    try:
        new = out.decode("utf-8").split("\n")
    except UnicodeDecodeError:
        new = out.decode("utf-8", "replace").split("\n")
        desc += " (read with replacement characters)"
    last = pages[-1] if pages else 1
    new_pages = [pages[min(n, len(pages) - 1)] if pages else 1 for n in range(len(new))]
    if rng.random() < 0.2:
        new_pages = sorted(rng.randint(1, last) for _ in new)
        desc += ", pages shuffled"
    return desc, new, new_pages


# --- the inputs --------------------------------------------------------------------------------------------

@functools.cache
def small_pdfs() -> dict[str, bytes]:
    """The sample PDFs cut down to ``SMALL_PDF_PAGES`` (pypdfium2 comes with pdfplumber)."""
    pdfium = pytest.importorskip("pypdfium2")
    out = {}
    for name, pages in SMALL_PDF_PAGES.items():
        src = pdfium.PdfDocument(SAMPLES / name)
        doc = pdfium.PdfDocument.new()
        doc.import_pages(src, pages)
        buf = io.BytesIO()
        doc.save(buf)
        out[name] = buf.getvalue()
    return out


def _import(name: str, raw: bytes) -> object:
    return parse_document(read_source(name, raw))


def _import_form(name: str, lines: list[str], pages: list[int]) -> object:
    doc = Document(name, "0" * 64, tuple(lines), tuple(pages))
    texts, tables = split(doc)
    return parse_document(Layout(doc, texts, tables))


def text_cases(seed: int, n: int) -> Iterator[Case]:
    rng = random.Random(seed)
    sources = sorted(SOURCES.glob("*.txt"))
    for k in range(n):
        path = rng.choice(sources)
        raw = path.read_bytes()
        desc, out = _text_mutation(rng, raw)
        if rng.random() < 0.25:
            desc2, out = _text_mutation(rng, out) if _utf8(out) else _byte_mutation(rng, out)
            desc += f", then {desc2}"
        yield f"text #{k} {path.name}: {desc}", functools.partial(_import, path.name, out)


def pdf_cases(seed: int, n: int) -> Iterator[Case]:
    rng = random.Random(seed)
    pdfs = small_pdfs()
    names = sorted(pdfs)
    for k in range(n):
        name = rng.choice(names)
        desc, out = _pdf_mutation(rng, pdfs[name])
        yield f"pdf #{k} {name} (pages {SMALL_PDF_PAGES[name]}): {desc}", functools.partial(_import, name, out)


@functools.cache
def _text_form(name: str) -> tuple[list[str], list[int]]:
    return to_lines(small_pdfs()[name], name)


def form_cases(seed: int, n: int) -> Iterator[Case]:
    rng = random.Random(seed)
    names = ["js-zhengxie-2018-budget-tables.pdf", "sh-putuo-wanlijiedao-2024-budget.pdf"]
    for k in range(n):
        name = rng.choice(names)
        lines, pages = _text_form(name)
        desc, new, new_pages = _form_mutation(rng, list(lines), list(pages))
        yield f"text form #{k} of {name}: {desc}", functools.partial(_import_form, name, new, new_pages)


def _utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# --- the harness -------------------------------------------------------------------------------------------

class _TooSlow(BaseException):
    """Not an ``Exception``: no reader may take it for a damaged file and refuse it."""


@contextlib.contextmanager
def _time_limit(seconds: float):
    """A case running past ``seconds`` raises ``_TooSlow`` (where the platform has SIGALRM)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def alarm(signum, frame):
        raise _TooSlow(f"took longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def feed(cases: Iterator[Case], budget: float) -> dict[str, object]:
    """Run each case; count what was imported and refused, and describe every other outcome."""
    counts = {"tried": 0, "imported": 0, "refused": 0}
    failures: list[str] = []
    start = time.monotonic()
    for desc, run in cases:
        if time.monotonic() - start > budget:
            break
        counts["tried"] += 1
        try:
            with _time_limit(CASE_SECONDS):
                run()
        except BudgetsiteError:
            counts["refused"] += 1
        except _TooSlow as exc:
            failures.append(f"{desc}\n    {exc}")
        except Exception as exc:            # anything else is a traceback a publisher would see
            where = traceback.extract_tb(exc.__traceback__)[-1]
            failures.append(f"{desc}\n    {type(exc).__name__}: {exc} (at {Path(where.filename).name}:{where.lineno})")
        else:
            counts["imported"] += 1
    return {**counts, "failures": failures, "seconds": time.monotonic() - start}


def _check(result: dict[str, object]) -> None:
    print(f"{result['tried']} tried, {result['imported']} imported, {result['refused']} refused, "
          f"{len(result['failures'])} tracebacks in {result['seconds']:.1f} s")
    assert not result["failures"], f"{len(result['failures'])} inputs ended in a traceback:\n" + \
        "\n".join(result["failures"])
    assert result["tried"] > 0


def test_damaged_text_documents_are_imported_or_refused():
    _check(feed(text_cases(SEED, TEXT_CASES), TEXT_BUDGET))


def test_damaged_pdfs_are_imported_or_refused():
    _check(feed(pdf_cases(SEED, PDF_CASES), PDF_BUDGET))


def test_damaged_text_forms_of_pdfs_are_imported_or_refused():
    _check(feed(form_cases(SEED, FORM_CASES), FORM_BUDGET))


def test_a_three_public_column_without_a_header_is_refused_at_its_line():
    """Found by the fuzz: a figure right of the last header cell made an IndexError in the “三公” parser."""
    text = "\n".join([
        "上海市普陀区2024年区级部门预算", "预算主管部门：上海市普陀区人民政府万里街道办事处", "",
        "部门“三公”经费和机关运行经费预算表", "编制部门：上海市普陀区人民政府万里街道办事处 单位:万元",
        "2024年“三公”经费预算数\t\t\t\t\t\t2024年机关运行经费预算数",
        "合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t",
        "\t\t\t小计\t购置费\t运行费\t",
        "47.91\t0\t1.35\t46.56\t25\t21.56\t443.18\t9.99", ""])
    with pytest.raises(BudgetsiteError, match="expected a “三公” component .*found ''") as err:
        _import("a.txt", text.encode())
    assert str(err.value).startswith("a.txt:9: ")
