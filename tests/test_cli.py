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
    assert "郑州市人民政府办公厅 2020 年部门预算" in result.stdout
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
    fields[3] = "12.505"
    lines[1] = ",".join(fields)
    money.write_text("\n".join(lines), encoding="utf-8")
    result = run("check", "--data", str(data))
    assert result.returncode == 1
    assert "yuan must be a number of 元 with at most two decimals (分), found '12.505'" in result.stdout


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


def test_registry_slug_and_alias(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    reg = data / "registry.yaml"
    text = reg.read_text(encoding="utf-8").replace("slug: zhengwufuwubangongshi", "slug: zwfw")
    reg.write_text(text, encoding="utf-8")
    result = run("import", "--data", str(data))
    assert result.returncode == 0, result.stderr
    assert (data / "disclosures/zhengzhou/zwfw/2024-budget/disclosure.json").is_file()
    assert not (data / "disclosures/zhengzhou/zhengwufuwubangongshi").exists()
    # a document naming the department by an alias joins the registered department
    text = reg.read_text(encoding="utf-8").replace(
        "- name: 漯河市人民政府办公室\n  region: 漯河市\n  slug: renminzhengfubangongshi\n  aliases: []",
        "- name: 漯河市人民政府办公室\n  region: 漯河市\n  slug: renminzhengfubangongshi\n  aliases:\n  - 漯河市政府办")
    reg.write_text(text, encoding="utf-8")
    src = (SOURCES / "004_a0ea54e8da336276.txt").read_text(encoding="utf-8").replace("漯河市人民政府办公室", "漯河市政府办")
    (data / "sources" / "004_a0ea54e8da336276.txt").write_text(src, encoding="utf-8")
    result = run("import", "--data", str(data))
    assert result.returncode == 0, result.stderr
    assert "漯河市 漯河市人民政府办公室 2023 年部门预算" in result.stdout


def test_invalid_registry_is_refused(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    reg = data / "registry.yaml"
    reg.write_text(reg.read_text(encoding="utf-8").replace("slug: jiyuan", "slug: 济源"), encoding="utf-8")
    for args in (("import", "--data", str(data)), ("check", "--data", str(data))):
        result = run(*args)
        assert result.returncode == 1
        assert "registry.yaml" in result.stdout + result.stderr and "slug" in result.stdout + result.stderr
        assert "Traceback" not in result.stderr


def test_version_and_check_strict_exit_codes(tmp_path, capsys):
    import importlib.metadata

    from generator.cli import main

    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0 and capsys.readouterr().out.strip() == f"budgetsite {importlib.metadata.version('budgetsite')}"
    data = ROOT / "data"
    assert main(["check", "--data", str(data)]) == 0                     # findings are published, not errors
    assert main(["check", "--data", str(data), "--strict"]) == 2         # but CI can fail on them
    assert "--strict:" in capsys.readouterr().err
    (tmp_path / "disclosures").mkdir()
    assert main(["check", "--data", str(tmp_path), "--strict"]) == 1     # invalid data stays 1
