"""Comparing two folders as a reader of the output sees them: the same files, byte for byte, and no other."""

from __future__ import annotations

import filecmp
from pathlib import Path


def same_tree(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` hold the same folders and files, each file's bytes compared (not its size and
    time: a rebuild writes the same bytes at another time)."""
    filecmp.clear_cache()
    todo = [filecmp.dircmp(a, b)]
    while todo:
        c = todo.pop()
        if c.left_only or c.right_only or c.funny_files:
            return False
        _, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
        if mismatch or errors:
            return False
        todo += c.subdirs.values()
    return True
