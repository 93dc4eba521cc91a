"""The two ways the build runs Pagefind, one service process for a small site's parts and a command-line run for
each part of a larger one, write the same bytes; each says clearly when it fails."""

import filecmp
import shutil

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
            pagefind.index_once(tree, tmp_path / "cli" / name)
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
    with pytest.raises(BudgetsiteError, match="search indexing failed: .*Not a directory") as e:
        pagefind.index_once(tree, blocked / "out")
    assert str(blocked / "out") in str(e.value) and "backtrace" not in str(e.value)


def test_a_small_site_goes_through_one_process_a_larger_one_part_by_part_and_the_index_is_the_same(tmp_path,
                                                                                                   monkeypatch):
    from generator.site.build import search
    from generator.site.build.run import build
    from tests.conftest import FEW, ROOT, some_data

    data = some_data(tmp_path, *FEW)
    made, runs = [], []
    real_indexer, real_once = pagefind.Indexer, pagefind.index_once
    monkeypatch.setattr(pagefind, "Indexer", lambda: made.append(1) or real_indexer())
    monkeypatch.setattr(pagefind, "index_once", lambda tree, output: runs.append(output) or real_once(tree, output))
    build(ROOT, data, tmp_path / "small", use_cache=False)
    assert (len(made), runs) == (1, [])                      # every part through one process
    monkeypatch.setattr(search, "SMALL_SITE", 0)             # as if the site were large
    build(ROOT, data, tmp_path / "large", use_cache=False)
    assert len(made) == 1 and len(runs) == len(list((tmp_path / "large" / "pagefind").iterdir())) >= 2
    assert same_tree(tmp_path / "small" / "pagefind", tmp_path / "large" / "pagefind")


def test_no_part_to_index_starts_no_indexer(monkeypatch):
    from generator.site.build import search

    def refuse(*args):
        raise AssertionError("Pagefind started")

    monkeypatch.setattr(pagefind, "Indexer", refuse)
    monkeypatch.setattr(pagefind, "index_once", refuse)
    search.index_shards({}, 2)
