"""Documents as read (``Layout``), kept by content: what is measured on a document read once.

The parse cache (``store.cache``) keeps a document's *normalised*
disclosure.  Measuring the audit by mutation (``audit.recall``) needs the
step before: the reader's text lines and raw tables, which are edited and
then normalised and audited again, hundreds of times per document.  The
reader is the slow part (pdfplumber reads every page), so its output is
kept here, under a key made of the bytes, the file name and the source of
the stages a ``Layout`` depends on (``core`` and ``read``): a changed reader
never serves an old layout.  Entries are data only (``core.datacodec``),
written and checked as the parse cache's are.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.core.datacodec import Codec
from generator.read import read_source
from generator.read.layout import Document, Layout, RawTable, Row, TextLine
from generator.store.cache import code_fingerprint, of_kind, read_json_entry, write_json_entry

LAYOUT = Codec(Document, Row, RawTable, TextLine, Layout)

# the stages whose code decides what a document reads as (the reader asks the template families for words)
_STAGES = ("core", "templates", "read")


def _reader_fingerprint() -> str:
    return code_fingerprint(_STAGES)


class LayoutCache:
    """Read documents by content under ``folder``; ``folder`` None keeps them for this process only."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self._held: dict[str, Layout] = {}
        self.reads = 0                      # documents actually read (not found in the cache)

    def _key(self, name: str, raw: bytes) -> str:
        return hashlib.sha256(_reader_fingerprint().encode() + b"\0" + name.encode() + b"\0" + raw).hexdigest()

    def layout(self, name: str, raw: bytes) -> Layout:
        """The document ``name`` (its bytes ``raw``) as read; read now only when no entry holds it."""
        key = self._key(name, raw)
        if key in self._held:
            return self._held[key]
        path = self.folder / key[:2] / f"{key}.json" if self.folder is not None else None
        found = read_json_entry(path, LAYOUT, of_kind(Layout)) if path is not None else None
        if found is None:
            found = read_source(name, raw)
            self.reads += 1
            if path is not None:
                try:
                    write_json_entry(path, found, LAYOUT)
                except OSError:
                    pass                    # a cache that cannot be written only costs time
        self._held[key] = found
        return found
