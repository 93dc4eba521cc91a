"""The command line: import, re-import determinism, check, and bad input."""

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SOURCES


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT)


def _same_tree(a: Path, b: Path) -> bool:
    cmp = filecmp.dircmp(a, b)
    if cmp.left_only or cmp.right_only or cmp.diff_files or cmp.funny_files:
        return False
    return all(_same_tree(a / d, b / d) for d in cmp.common_dirs)


def test_reimport_changes_nothing(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    result = run("import", *map(str, sorted((copy / "sources").glob("*.txt"))), "--data", str(copy))
    assert result.returncode == 0, result.stderr
    filecmp.clear_cache()
    assert _same_tree(ROOT / "data", copy)


def test_import_into_empty_dir_and_check(tmp_path):
    data = tmp_path / "fresh"
    result = run("import", *map(str, sorted(SOURCES.glob("*.txt"))), "--data", str(data))
    assert result.returncode == 0, result.stderr
    assert "郑州市人民政府办公厅 2020预算" in result.stdout
    check = run("check", "--data", str(data))
    assert check.returncode == 0
    assert "data valid: 4 disclosures" in check.stdout
    assert "000_0794aadfb6c0e8a0.txt:334" in check.stdout         # 办公费 row does not add up


def test_check_rejects_invalid_data(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    money = next((data / "disclosures").glob("*/*/*/money.csv"))
    lines = money.read_text(encoding="utf-8").split("\n")
    fields = lines[1].split(",")
    fields[3] = "12.5"
    lines[1] = ",".join(fields)
    money.write_text("\n".join(lines), encoding="utf-8")
    result = run("check", "--data", str(data))
    assert result.returncode == 1
    assert "yuan must be an integer" in result.stdout


BAD = {
    "empty.txt": (b"", "empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    "gbk.txt": ("2020年部门预算\n单位：元\n".encode("gbk"), "not valid UTF-8"),
    "notable.txt": ("2020年郑州市某局部门预算\n\n只有文字，没有表格。\n".encode(), "no recognisable budget table"),
    "longline.txt": (("2020年郑州市某局部门预算\n" + "字" * 30000 + "\n").encode(), "characters long"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_refused_and_loses_nothing(tmp_path, name):
    raw, expected = BAD[name]
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    bad = tmp_path / name
    bad.write_bytes(raw)
    result = run("import", str(bad), "--data", str(data))
    assert result.returncode == 1
    assert name in result.stderr and expected in result.stderr
    assert "Traceback" not in result.stderr
    filecmp.clear_cache()
    assert _same_tree(ROOT / "data", data)


def _seed_000() -> list[str]:
    return (SOURCES / "000_0794aadfb6c0e8a0.txt").read_text(encoding="utf-8").split("\n")


CUT = {
    # a table cut off mid-way: the rows printed so far do not reach the 合计 row at the top
    "cut.txt": (lambda lines: "\n".join(lines[:278]), "cut.txt:278", "seems cut off"),
    # the file ends inside a row
    "midrow.txt": (lambda lines: "\n".join(lines[:280] + ["2010301\t行政运行\t1,000"]), "midrow.txt:281", "seems cut off"),
    # a malformed figure inside a money column
    "typo.txt": (lambda lines: "\n".join(lines[:274] + [lines[274].replace("3,188,500", "3,18a,500", 1)] + lines[275:]),
                 "typo.txt:275", "expected a money figure"),
}


@pytest.mark.parametrize("name", sorted(CUT))
def test_damaged_tables_are_refused(tmp_path, name):
    make, where, expected = CUT[name]
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    bad = tmp_path / name
    bad.write_text(make(_seed_000()), encoding="utf-8")
    result = run("import", str(bad), "--data", str(data))
    assert result.returncode == 1
    assert where in result.stderr and expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    filecmp.clear_cache()
    assert _same_tree(ROOT / "data", data)
