"""The search index: Pagefind's extended build (it segments Chinese), run over the rendered site."""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.core.errors import BudgetsiteError


def index_search(site: Path) -> None:
    """Build the Pagefind index into site/pagefind/."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        raise BudgetsiteError("the search indexer is missing: install budgetsite with its dependencies "
                              "(pagefind[extended])") from None
    result = subprocess.run([str(get_executable()), "--site", str(site), "--output-subdir", "pagefind", "--quiet"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise BudgetsiteError(f"search indexing failed: {(result.stderr or result.stdout).strip()[:500]}")
