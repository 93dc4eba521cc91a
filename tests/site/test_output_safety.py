"""The build never deletes what it did not make, and readers see the old site or the new one, never a mix."""

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.cli import main
from generator.core.errors import BudgetsiteError
from generator.core.folders import MARK
from generator.site.build.run import build
from tests.conftest import FEW, ROOT, some_data

pytestmark = pytest.mark.slow

MANIFEST = ".budgetsite-manifest.json"


def _project(tmp_path: Path) -> Path:
    """A clone of the project's site and of a few of its disclosures, with files of the user's own (a .git
    folder, notes)."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("site.yaml", "content", "templates"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    some_data(project, *FEW)
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (project / "notes.txt").write_text("mine", encoding="utf-8")
    return project


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("out", [".", "data", "data/sources", "templates", "..", "home"])
def test_build_refuses_an_output_it_did_not_make_and_changes_nothing(tmp_path, monkeypatch, capsys, out):
    project = _project(tmp_path)
    home = tmp_path / "project" / "home"          # like ~: a folder of the user's files
    home.mkdir()
    (home / "letter.txt").write_text("x", encoding="utf-8")
    before = _tree(tmp_path)
    monkeypatch.chdir(project)
    assert main(["build", "--out", out, "--jobs", "1", "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: --out ") and "Traceback" not in err
    assert _tree(tmp_path) == before
    assert not [p for p in tmp_path.rglob(".*.tmp-*")]


def test_build_refuses_a_file_as_output(tmp_path, monkeypatch, capsys):
    project = _project(tmp_path)
    monkeypatch.chdir(project)
    assert main(["build", "--out", "notes.txt", "--no-cache"]) == 1
    assert "is a file" in capsys.readouterr().err
    assert (project / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_build_fills_a_new_or_empty_folder_and_replaces_only_its_own(tmp_path):
    project = _project(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    build(project, project / "data", empty, use_cache=False)
    assert (empty / MANIFEST).is_file() and (empty / "index.html").is_file()
    (empty / "stray.html").write_text("left by hand", encoding="utf-8")
    build(project, project / "data", empty, use_cache=False)           # its own folder: replaced whole
    assert not (empty / "stray.html").exists()
    (empty / MANIFEST).unlink()                                         # no longer recognisably its own
    with pytest.raises(BudgetsiteError, match="not made by budgetsite build"):
        build(project, project / "data", empty, use_cache=False)
    assert (empty / "index.html").is_file()


def _staging(out: Path, before: set[str]) -> Path | None:
    """The folder a build fills beside ``out`` (``.out.tmp-…``), not one of those in ``before``."""
    found = [p for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.tmp-") and p.name not in before]
    return found[0] if found else None


def _files(folder: Path) -> set[str]:
    return {os.path.relpath(os.path.join(root, name), folder) for root, _, names in os.walk(folder) for name in names}


def _read(file: Path) -> bytes | None:
    try:
        return file.read_bytes()
    except OSError:
        return None


def _stop(command: list[str], out: Path, moment) -> bool:
    """Run ``command``, a build into ``out``, and kill -9 it once ``moment(staging)`` is true of the folder it
    fills (None until there is one); watched every few milliseconds.  False when the build ended first."""
    before = {p.name for p in out.parent.iterdir()}
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while not moment(_staging(out, before)):
            if proc.poll() is not None:
                return False
            assert time.monotonic() < deadline, "the moment to stop the build never came"
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        return True
    finally:
        proc.kill()
        proc.wait()


def test_a_build_stopped_at_any_moment_leaves_the_old_site_or_the_new_one(tmp_path, second_year):
    """kill -9 at each stage of a build that changes the site, each moment found by watching the folder it
    fills (not guessed from a timing, which a loaded machine upsets): the output is always exactly the old
    site or exactly the new one, and the next build clears what the killed one left beside it."""
    old_data = some_data(tmp_path / "old", *FEW)             # the new data without its second year
    new_data, reference = second_year                       # the session's build of the new data
    new = _tree(reference)
    out = tmp_path / "site" / "out"
    build(ROOT, old_data, out, use_cache=False)
    old = _tree(out)
    assert old != new
    command = [sys.executable, "-m", "generator", "build", "--site", str(ROOT), "--data", str(new_data),
               "--out", str(out), "--jobs", "1", "--no-cache"]
    last = len(new) - 1                                       # every file of the new site but its manifest
    moments = {
        # the staging folder made, nothing or little in it yet
        "staging begun": (lambda s: s is not None, old),
        # half the new site written beside the old
        "staging half full": (lambda s: s is not None and len(_files(s) - {MARK}) >= last // 2, old),
        # every page and file written, the manifest and the swap to come (a few milliseconds later: either)
        "staging full": (lambda s: s is not None and len(_files(s) - {MARK}) >= last, None),
        # swapped in, its mark gone: the old site, now beside it, being removed
        "swapped": (lambda s: _read(out / MANIFEST) == _read(reference / MANIFEST) and not (out / MARK).exists(),
                    new),
    }
    for name, (moment, expected) in moments.items():
        killed = _stop(command, out, moment)
        assert killed or name == "swapped", f"the build ended before the moment {name!r}"
        now = _tree(out)
        assert now in (old, new), f"a mix after a kill at the moment {name!r}"
        if expected is not None:
            which = "old" if expected is old else "new"
            assert now == expected, f"after a kill at the moment {name!r}: not the {which} site"
        if now == new:
            build(ROOT, old_data, out, use_cache=False)     # clears what the kill left beside it
            assert _tree(out) == old
    build(ROOT, new_data, out, use_cache=False)
    assert _tree(out) == new
    assert not [p.name for p in out.parent.iterdir() if p.name != "out"]     # nothing left beside it


def test_two_builds_at_once_give_one_whole_site(tmp_path):
    """Both finish, one after the other, and the output is the site one build alone makes."""
    data = some_data(tmp_path / "data", *FEW)
    reference = tmp_path / "data" / "reference"
    build(ROOT, data, reference, use_cache=False)
    out = tmp_path / "site" / "out"
    command = [sys.executable, "-m", "generator", "build", "--site", str(ROOT), "--data", str(data),
               "--out", str(out), "--jobs", "1", "--no-cache"]
    procs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [p.communicate(timeout=300) + (p.returncode,) for p in procs]
    assert [r[2] for r in results] == [0, 0], results
    assert _tree(out) == _tree(reference)
    assert sorted(p.name for p in out.parent.iterdir()) == ["out"]


def test_swap_falls_back_to_two_renames_and_a_kill_between_them_is_recovered(tmp_path, monkeypatch):
    from generator.core import folders

    target = tmp_path / "data"
    target.mkdir()
    (target / "a.txt").write_text("old", encoding="utf-8")
    monkeypatch.setattr(folders, "_exchange", lambda a, b: False)
    work = folders.WorkFolder(target)
    (work.path / "a.txt").write_text("new", encoding="utf-8")
    real_rename = os.rename
    calls = []

    def rename(a, b):
        calls.append((a, b))
        if len(calls) == 2:
            raise KeyboardInterrupt("killed between the two renames")
        real_rename(a, b)

    monkeypatch.setattr(folders.os, "rename", rename)
    with pytest.raises(KeyboardInterrupt):
        folders.swap_in(work)
    work.close()                                   # the run is gone, and its lock with it
    monkeypatch.setattr(folders.os, "rename", real_rename)
    assert not target.exists()
    assert folders.recover(target) is not None
    assert (target / "a.txt").read_text(encoding="utf-8") == "old"
    assert not (target / f"{folders.MARK}.old").exists()
    assert [p.name for p in folders.clear_leftovers(target)] == [work.path.name]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_a_full_disk_is_a_clear_error_and_the_old_site_stays(tmp_path, monkeypatch):
    import errno

    from generator.site.build import writer

    data = some_data(tmp_path / "data", *FEW)
    out = tmp_path / "site" / "out"
    build(ROOT, data, out, use_cache=False)
    before = _tree(out)
    real = writer.Staging.write

    def full(self, path, data):
        if path.endswith("feed.xml"):
            raise OSError(errno.ENOSPC, "No space left on device", str(self.dir / path))
        real(self, path, data)

    monkeypatch.setattr(writer.Staging, "write", full)
    with pytest.raises(BudgetsiteError, match="No space left on device.*unchanged"):
        build(ROOT, data, out, use_cache=False)
    assert _tree(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["out"]
