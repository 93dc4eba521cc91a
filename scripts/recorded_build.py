"""``budgetsite`` as it is, recording the pages each search part is given (for ``benchmark.py``).

    BUDGETSITE_RECORD_SEARCH=FILE python scripts/recorded_build.py build ...

Appends a line ``site path<TAB>file it is read from`` to FILE for each page the build gives the
search indexer (a file of the staging folder is, after the build, the output's file of that path), so that the benchmark can index the same pages in one Pagefind run and set the
build's search stage beside it.  Nothing else changes: the build runs exactly as ``budgetsite``.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import cli  # noqa: E402
from generator.site.build import search  # noqa: E402

_LOCK = threading.Lock()
_REAL = search.index_search


def _recording(pages: dict[str, Path], output: Path, *indexer) -> None:
    record = os.environ.get("BUDGETSITE_RECORD_SEARCH")
    if record:
        with _LOCK, open(record, "a", encoding="utf-8") as fh:
            fh.writelines(f"{path}\t{source}\n" for path, source in pages.items())
    _REAL(pages, output, *indexer)


search.index_search = _recording

if __name__ == "__main__":
    raise SystemExit(cli.main(sys.argv[1:]))
