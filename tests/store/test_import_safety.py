"""Imports never lose a document: same names, same documents under two names, two imports at once, a kill
at any moment, odd file names."""

import pytest
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from generator.audit.check import check_data
from generator.cli import main
from generator.store.importing import import_documents
from generator.store.names import MAX_NAME_BYTES, safe_name, stored_name
from tests.conftest import SOURCES

SMALL = SOURCES / "001_1bd6e9010bb7a5e7.txt"          # 济源, a small text disclosure
OTHER = SOURCES / "002_6135dd0a992c02e5.txt"


def _departments(data: Path) -> set[str]:
    return {json.loads(p.read_text(encoding="utf-8"))["department"]
            for p in (data / "disclosures").rglob("disclosure.json")}


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*") if p.is_file()}


def test_two_documents_with_one_name_are_both_kept(tmp_path, capsys):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    shutil.copy(SMALL, a / "部门预算.txt")
    shutil.copy(OTHER, b / "部门预算.txt")
    data = tmp_path / "data"
    assert main(["import", str(a / "部门预算.txt"), "--data", str(data), "--no-cache", "--jobs", "1"]) == 0
    assert main(["import", str(b / "部门预算.txt"), "--data", str(data), "--no-cache", "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "stored as" in out and "another document has that name" in out
    stored = sorted(p.name for p in (data / "sources").iterdir())
    assert len(stored) == 2 and "部门预算.txt" in stored
    assert len(_departments(data)) == 2
    assert check_data(data).valid


def test_the_same_document_under_a_second_name_is_imported_once(tmp_path, capsys):
    data = tmp_path / "data"
    copy = tmp_path / "copy.txt"
    shutil.copy(SMALL, copy)
    import_documents(data, [SMALL])
    before = _tree(data)
    result = import_documents(data, [copy])
    assert result.stored == [(str(copy), SMALL.name, "the same document is already there")]
    assert _tree(data) == before                                # no second source, no merge finding
    assert [p.name for p in (data / "sources").iterdir()] == [SMALL.name]


def test_odd_and_long_file_names_are_stored_under_safe_names(tmp_path):
    odd = tmp_path / "a\nb\t部门预算.txt"
    shutil.copy(SMALL, odd)
    long = tmp_path / ("很长的文件名" * 13 + ".txt")               # 234 bytes of UTF-8
    shutil.copy(OTHER, long)
    data = tmp_path / "data"
    result = import_documents(data, [odd, long])
    names = sorted(p.name for p in (data / "sources").iterdir())
    assert "a b 部门预算.txt" in names
    assert all(len(n.encode("utf-8")) <= MAX_NAME_BYTES and n.endswith(".txt") for n in names)
    assert len(result.stored) == 2
    assert check_data(data).valid


def test_safe_names():
    digest = "0123456789abcdef" * 4
    assert safe_name("部门预算.pdf") == "部门预算.pdf"
    assert safe_name("../../etc/passwd") == "_.._etc_passwd"
    assert safe_name(".hidden.pdf") == "hidden.pdf"
    assert safe_name("\x00\x07.pdf", digest) == "document-01234567.pdf"
    cut = safe_name("预" * 100 + ".PDF", digest)
    assert cut.endswith("-01234567.pdf") and len(cut.encode("utf-8")) <= MAX_NAME_BYTES
    assert stored_name("a.pdf", digest, {"a.pdf"}) == "a-01234567.pdf"
    assert stored_name("a.pdf", digest, {"b.pdf"}) == "a.pdf"


def test_an_import_keeps_the_data_folders_mode(tmp_path):
    data = tmp_path / "data"
    import_documents(data, [SMALL])
    data.chmod(0o755)
    import_documents(data, [OTHER])
    assert data.stat().st_mode & 0o777 == 0o755


def _import_command(data: Path, *files: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "import", *map(str, files), "--data", str(data), "--no-cache",
            "--jobs", "1"]


@pytest.mark.slow
def test_two_imports_at_once_keep_both_documents(tmp_path):
    data = tmp_path / "data"
    procs = [subprocess.Popen(_import_command(data, f), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for f in (SMALL, OTHER)]
    results = [p.communicate(timeout=300) + (p.returncode,) for p in procs]
    assert [r[2] for r in results] == [0, 0], results
    assert sorted(p.name for p in (data / "sources").iterdir()) == sorted([SMALL.name, OTHER.name])
    assert len(_departments(data)) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


@pytest.mark.slow
def test_an_import_stopped_at_any_moment_leaves_the_old_data_or_the_new(tmp_path):
    data = tmp_path / "data"
    import_documents(data, [SMALL])
    old = _tree(data)
    command = _import_command(data, OTHER)
    started = time.monotonic()
    subprocess.run(command, check=True, capture_output=True)
    whole = time.monotonic() - started
    new = _tree(data)
    assert new != old
    seen = set()
    for fraction in (0.4, 0.6, 0.75, 0.85, 0.92, 0.97, 1.0, 1.05):
        shutil.rmtree(data)
        import_documents(data, [SMALL])
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(whole * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = _tree(data)
        assert now in (old, new), f"a mix after a kill at {fraction:.0%} of an import"
        seen.add("new" if now == new else "old")
    assert "old" in seen
    r = subprocess.run(command, capture_output=True, text=True)
    assert r.returncode == 0 and _tree(data) == new
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]        # nothing left beside it


def test_a_data_folder_set_aside_by_a_killed_import_is_put_back(tmp_path, capsys):
    from generator.core.folders import MARK

    data = tmp_path / "data"
    import_documents(data, [SMALL])
    aside = tmp_path / ".data.old-x1"
    data.rename(aside)
    (aside / f"{MARK}.old").touch()
    assert main(["import", str(OTHER), "--data", str(data), "--no-cache", "--jobs", "1"]) == 0
    assert "it is back in place" in capsys.readouterr().err
    assert sorted(p.name for p in (data / "sources").iterdir()) == sorted([SMALL.name, OTHER.name])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_data_naming_a_file_is_a_clear_error(tmp_path, capsys):
    f = tmp_path / "data"
    f.write_text("x", encoding="utf-8")
    assert main(["import", str(SMALL), "--data", str(f), "--no-cache"]) == 1
    assert "is a file" in capsys.readouterr().err
    assert f.read_text(encoding="utf-8") == "x"


def test_special_files_are_refused_before_reading(tmp_path, capsys):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert main(["import", str(fifo), "--data", str(tmp_path / "data"), "--no-cache"]) == 1
    assert "named pipe" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()
