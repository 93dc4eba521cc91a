"""The search index: Pagefind's extended build (it segments Chinese).

Pagefind reads a tree of its own, not the output: each department-year
page is represented there by its unit's search page (``units.search_stub``:
its words without its figures), every other indexed page by itself.  The
pages keep their paths, so results link to the real pages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from generator.core.errors import BudgetsiteError


def index_search(pages: dict[str, Path], output: Path) -> None:
    """Index ``pages`` (site path -> the file to read for it) into ``output`` (the site's pagefind/)."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        raise BudgetsiteError("the search indexer is missing: install budgetsite with its dependencies "
                              "(pagefind[extended])") from None
    with tempfile.TemporaryDirectory(prefix="budgetsite-search-") as tmp:
        tree = Path(tmp)
        for path, source in pages.items():
            target = tree / path
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, target)
            except OSError:
                shutil.copyfile(source, target)
        result = subprocess.run([str(get_executable()), "--site", str(tree), "--output-path", str(output),
                                 "--quiet"], capture_output=True, text=True)
    if result.returncode != 0:
        raise BudgetsiteError(f"search indexing failed: {(result.stderr or result.stdout).strip()[:500]}")
