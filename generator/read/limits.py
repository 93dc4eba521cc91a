"""How large a document may be: past these limits a file is refused before it costs time or memory.

Real disclosures are far inside every limit (the largest bundled PDF is
about 1 MB and 33 pages; the largest text about 80 kB with tables of a few
hundred rows), so a file past one is not a disclosure, or not one file.
"""

from __future__ import annotations

MAX_PDF_BYTES = 100 * 1024 * 1024       # a PDF file
MAX_TEXT_BYTES = 20 * 1024 * 1024       # a text file (UTF-8 with tab-separated tables)
MAX_PDF_PAGES = 500                     # pages of a PDF (real disclosures have up to about 100)
MAX_LINE_CHARS = 20_000                 # characters in one line, of a text file or of a PDF's text form
MAX_TABLE_ROWS = 20_000                 # rows in one table
MAX_TABLE_COLUMNS = 50                  # cells in one row of a table (real tables have up to about 20)

# the size limit of each kind of file, by suffix; a file of another kind is held to the largest
MAX_BYTES = {".pdf": MAX_PDF_BYTES, ".txt": MAX_TEXT_BYTES}


def size_text(n: int) -> str:
    """A size for a message: ``100 MB``, ``20.5 MB``, ``812 bytes``."""
    if n < 1024 * 1024:
        return f"{n:,} bytes"
    mb = n / (1024 * 1024)
    return f"{mb:.0f} MB" if mb == int(mb) or mb >= 10 else f"{mb:.1f} MB"
