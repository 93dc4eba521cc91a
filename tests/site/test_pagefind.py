"""The Pagefind service process writes what the command line writes, part after part, and says when it fails."""

import filecmp
import shutil
import subprocess

import pytest

from generator.core.errors import BudgetsiteError
from generator.site.build import pagefind
from tests.trees import same_tree

pytestmark = pytest.mark.slow

PARTS = {"a": ["about/index.html", "glossary/index.html", "departments/zhengzhou/renminzhengfubangongting/index.html"],
         "b": ["departments/jiangsu/renminjianchayuan/index.html", "regions/index.html"]}


def _tree(site, folder, paths):
    for path in paths:
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(site / path, folder / path)
    return folder


def test_one_process_indexes_part_after_part_as_the_command_line_does(site, tmp_path):
    indexer = pagefind.Indexer()
    try:
        for name, paths in PARTS.items():
            tree = _tree(site, tmp_path / "trees" / name, paths)
            indexer.index(tree, tmp_path / "service" / name)
            subprocess.run([str(pagefind.executable()), "--site", str(tree), "--output-path",
                            str(tmp_path / "cli" / name), "--quiet"], check=True, capture_output=True)
    finally:
        indexer.close()
    for name in PARTS:
        filecmp.clear_cache()
        assert same_tree(tmp_path / "cli" / name, tmp_path / "service" / name)
        assert list((tmp_path / "service" / name / "fragment").iterdir())
    assert not same_tree(tmp_path / "service" / "a", tmp_path / "service" / "b")


def test_a_failure_is_a_clear_error(site, tmp_path):
    tree = _tree(site, tmp_path / "tree", PARTS["b"])
    blocked = tmp_path / "a-file"
    blocked.write_text("x", encoding="utf-8")
    indexer = pagefind.Indexer()
    try:
        with pytest.raises(BudgetsiteError, match="search indexing failed: it stopped during WriteFiles") as e:
            indexer.index(tree, blocked / "out")                 # its folder cannot be made under a file
        assert "Not a directory" in str(e.value) and str(blocked / "out") in str(e.value)   # what it said, and where
        assert "backtrace" not in str(e.value)
    finally:
        indexer.close()
    indexer = pagefind.Indexer()
    try:
        indexer._proc.kill()
        indexer._proc.wait()
        with pytest.raises(BudgetsiteError, match="search indexing failed: it stopped (before|during) NewIndex"):
            indexer.index(tree, tmp_path / "out")
    finally:
        indexer.close()
