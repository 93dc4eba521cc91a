"""The output's mirror: the linked copy a build with the cache keeps beside the output, for the next build to
start from (``site.build.writer``).  It must only ever save time: the output is a full build's, whatever
was done to the mirror, and a build stopped at any moment leaves the old site."""

import filecmp
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.site.build.run import build
from generator.site.build.writer import MANIFEST, MIRROR_MARK, mirror_path
from tests.conftest import ROOT
from tests.trees import same_tree as _same_tree

pytestmark = pytest.mark.slow

KEEP = ("luohe", "jiyuan")          # a few small disclosures: what is tested is the files, not their number


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    for region in (data / "disclosures").iterdir():
        if region.name not in KEEP:
            shutil.rmtree(region)
    return data


def _add(data: Path, slug: str, name: str) -> None:
    src = data / "disclosures/luohe/renminzhengfubangongshi/2023-budget"
    dst = data / f"disclosures/luohe/{slug}/2023-budget"
    shutil.copytree(src, dst)
    meta = json.loads((dst / "disclosure.json").read_text(encoding="utf-8"))
    meta.update(department=name, department_slug=slug)
    (dst / "disclosure.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def _files(folder: Path) -> dict[str, os.stat_result]:
    return {p.relative_to(folder).as_posix(): p.stat() for p in folder.rglob("*") if p.is_file()}


def _full(data: Path, where: Path) -> Path:
    out = where / "full"
    shutil.rmtree(out, ignore_errors=True)
    build(ROOT, data, out, use_cache=False)
    filecmp.clear_cache()
    return out


def _is_mirror(out: Path) -> bool:
    """The mirror holds the output's files, each the same file (a hard link), and nothing else (but its mark)."""
    mine, its = _files(out), _files(mirror_path(out))
    its.pop(MIRROR_MARK)
    return mine.keys() == its.keys() and all(its[p].st_ino == s.st_ino for p, s in mine.items())


def test_a_rebuild_starts_from_the_mirror_and_writes_only_what_changed(tmp_path):
    data, out, cache = _data(tmp_path), tmp_path / "site" / "out", tmp_path / "cache"
    build(ROOT, data, out, cache=cache, jobs=1)
    assert _is_mirror(out)
    before = _files(out)
    _add(data, "mirror-a", "漯河市某甲局")
    build(ROOT, data, out, cache=cache, jobs=1)
    after = _files(out)
    # another region's department-years are not touched: their files are the same files as before
    theirs = [p for p in before if p.startswith(("departments/jiyuan/", "open-data/files/jiyuan/"))]
    assert len(theirs) > 10 and all(after[p].st_ino == before[p].st_ino for p in theirs)
    assert "departments/luohe/mirror-a/2023-budget/index.html" in after
    assert _is_mirror(out)
    assert _same_tree(out, _full(data, tmp_path))
    # taken away again: its files go from the output and from the mirror, folders and all
    shutil.rmtree(data / "disclosures/luohe/mirror-a")
    build(ROOT, data, out, cache=cache, jobs=1)
    assert not (out / "departments/luohe/mirror-a").exists()
    assert not (mirror_path(out) / "departments/luohe/mirror-a").exists()
    assert _is_mirror(out) and _same_tree(out, _full(data, tmp_path))
    assert sorted(p.name for p in out.parent.iterdir()) == [".out.prev", "out"]


def test_a_damaged_or_foreign_mirror_never_reaches_the_output(tmp_path):
    data, out, cache = _data(tmp_path), tmp_path / "site" / "out", tmp_path / "cache"
    build(ROOT, data, out, cache=cache, jobs=1)
    mirror = mirror_path(out)
    page = "departments/jiyuan/xingzhengfuwuzhongxin/2020-budget/index.html"
    table = next(p for p in _files(mirror) if p.startswith("open-data/files/jiyuan/") and p.endswith(".csv"))
    (mirror / page).unlink()                                         # a file gone from it
    (mirror / table).unlink()
    (mirror / table).write_text("x", encoding="utf-8")               # another cut short and unlinked
    (mirror / "departments" / "planted.html").write_text("put there by hand", encoding="utf-8")
    (mirror / "departments" / "planted" / "deep").mkdir(parents=True)                 # a folder of its own
    (mirror / "departments" / "planted" / "deep" / "index.html").write_text("x", encoding="utf-8")
    (mirror / "regions" / "elsewhere").symlink_to(tmp_path)                          # links, to a folder
    (mirror / "regions" / "linked.html").symlink_to(mirror / "index.html")           # and to a file
    _add(data, "mirror-b", "漯河市某乙局")
    build(ROOT, data, out, cache=cache, jobs=1)
    for planted in ("departments/planted.html", "departments/planted", "regions/elsewhere", "regions/linked.html"):
        assert not os.path.lexists(out / planted), planted           # only what the build made is published
    assert _same_tree(out, _full(data, tmp_path)) and _is_mirror(out)
    # a mirror of another output (its manifest is not the output's) is dropped, not used
    (mirror / MANIFEST).unlink()
    (mirror / MANIFEST).write_text("{}", encoding="utf-8")
    (mirror / "stray.html").write_text("not ours", encoding="utf-8")
    _add(data, "mirror-c", "漯河市某丙局")
    build(ROOT, data, out, cache=cache, jobs=1)
    assert not (out / "stray.html").exists()
    assert _same_tree(out, _full(data, tmp_path)) and _is_mirror(out)
    # without the cache, no mirror is used or kept; the next build with it is whole again, and keeps one
    build(ROOT, data, out, use_cache=False)
    assert not mirror.exists()
    _add(data, "mirror-e", "漯河市某戊局")
    build(ROOT, data, out, cache=cache, jobs=1)
    assert _same_tree(out, _full(data, tmp_path)) and _is_mirror(out)


def test_a_build_stopped_while_it_fills_the_mirror_leaves_the_old_site(tmp_path):
    data, out, cache = _data(tmp_path), tmp_path / "site" / "out", tmp_path / "cache"
    build(ROOT, data, out, cache=cache, jobs=1)
    old = {p: (out / p).read_bytes() for p in _files(out)}
    _add(data, "mirror-d", "漯河市某丁局")
    command = [sys.executable, "-m", "generator", "build", "--site", str(ROOT), "--data", str(data),
               "--out", str(out), "--cache", str(cache), "--jobs", "1"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        # the moment the mirror has moved into the new folder: the site as it was, beside the output
        while not any(p.name.startswith(".out.tmp-") and (p / "index.html").exists() for p in out.parent.iterdir()):
            assert proc.poll() is None and time.monotonic() < deadline, "the build never took the mirror"
            time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    assert {p: (out / p).read_bytes() for p in _files(out)} == old
    build(ROOT, data, out, cache=cache, jobs=1)                    # clears what the kill left, builds whole
    assert _same_tree(out, _full(data, tmp_path)) and _is_mirror(out)
    assert sorted(p.name for p in out.parent.iterdir()) == [".out.prev", "out"]


def test_a_folder_of_the_users_where_the_mirror_would_be_is_never_touched(tmp_path):
    data, out, cache = _data(tmp_path), tmp_path / "site" / "out", tmp_path / "cache"
    mine = mirror_path(out)
    (mine / "notes").mkdir(parents=True)
    (mine / "notes" / "todo.txt").write_text("mine", encoding="utf-8")
    for _ in range(2):                                   # a first build, then one that would take a mirror
        build(ROOT, data, out, cache=cache, jobs=1)
        assert _files(mine).keys() == {"notes/todo.txt"}
        assert (mine / "notes" / "todo.txt").read_text(encoding="utf-8") == "mine"
    assert _same_tree(out, _full(data, tmp_path))
