"""What budgetsite does, as library functions: the command line and the tests call these.

    init_site(folder)                       a new site, with placeholders to edit, in a new or empty folder
    import_documents(data_dir, files)       published files -> the data directory
    check_data(data_dir)                    validate and audit the data directory
    build_site(site_dir, data_dir, out)     the data directory -> the static site
    load_frames(data_dir)                   the data directory as tidy pandas tables, for analysis
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from generator.audit.check import CheckReport, check_data, format_report
from generator.site.build.run import BuildResult, build as build_site
from generator.site.starter import init_site
from generator.store.importing import ImportResult, import_documents
from generator.store.read import load_all
from generator.store.tidy import tidy_frames

if TYPE_CHECKING:
    import pandas as pd


def load_frames(data_dir: Path) -> dict[str, pd.DataFrame]:
    """``money``, ``indicators``, ``projects`` and ``glossary`` of every disclosure in ``data_dir`` (money as exact 元: int, or Decimal with 分)."""
    return tidy_frames(load_all(data_dir))

__all__ = ["BuildResult", "CheckReport", "ImportResult", "build_site", "check_data", "format_report",
           "import_documents", "init_site", "load_frames"]
