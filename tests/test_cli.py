"""The command line: import, re-import determinism, check, and bad input."""

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SOURCES
from tests.trees import same_tree as _same_tree

# each test runs the command line in a process of its own
pytestmark = pytest.mark.slow


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT)


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


def _copy_with(tmp_path: Path, *names: str) -> Path:
    """A data folder holding only the sources ``names`` of the sample data, not yet imported."""
    data = tmp_path / "data"
    (data / "sources").mkdir(parents=True)
    for name in names:
        shutil.copy2(SOURCES / name, data / "sources" / name)
    return data


def _in_a_terminal(args: list[str], cwd: Path) -> str:
    """What the command writes when its standard output and error are a terminal (a pseudo-terminal)."""
    import os
    import pty
    import select

    main, child = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "generator", *args], stdin=subprocess.DEVNULL, stdout=child,
                            stderr=child, cwd=cwd, env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"})
    os.close(child)
    out = b""
    try:
        while True:
            ready, _, _ = select.select([main], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(main, 65536)
                except OSError:              # the other end closed: the command is done
                    break
                if not chunk:
                    break
                out += chunk
            elif proc.poll() is not None:
                break
    finally:
        proc.wait(timeout=120)
        os.close(main)
    assert proc.returncode == 0, out.decode(errors="replace")
    return out.decode("utf-8", errors="replace")


def test_progress_is_drawn_on_a_terminal_only_and_never_with_q(tmp_path):
    data = _copy_with(tmp_path, "004_a0ea54e8da336276.txt")
    shown = _in_a_terminal(["import", "--data", str(data), "--no-cache"], tmp_path)
    assert "parsing documents" in shown and "1/1" in shown
    assert "imported 1 disclosure from 1 document" in shown.splitlines()[-1]        # the one-line summary, last
    quiet = _in_a_terminal(["-q", "import", "--data", str(data), "--no-cache"], tmp_path)
    assert "parsing documents" not in quiet and "\x1b[" not in quiet
    piped = run("import", "--data", str(data), "--no-cache")
    assert "parsing documents" not in piped.stdout + piped.stderr and "\x1b[" not in piped.stdout + piped.stderr
    built = _in_a_terminal(["build", "--data", str(data), "--out", str(tmp_path / "out"), "--site", str(ROOT),
                            "--no-cache", "--jobs", "1"], tmp_path)
    assert "rendering pages" in built and "built " in built.splitlines()[-2]


def test_quiet_and_verbose(tmp_path):
    data = _copy_with(tmp_path, "004_a0ea54e8da336276.txt")
    loud = run("import", "--data", str(data))
    assert "004_a0ea54e8da336276.txt: 8 of 8 tables, 295 of 295 figures" in loud.stdout
    assert "漯河市 漯河市人民政府办公室 2023 年部门预算: 6 tables" in loud.stdout
    quiet = run("import", "--data", str(data), "-q")                      # after the command, as well as before
    assert quiet.returncode == 0
    assert quiet.stdout.splitlines() == [quiet.stdout.strip()] and quiet.stdout.startswith("imported 1 disclosure ")
    check = run("-q", "check", "--data", str(ROOT / "data"))
    lines = check.stdout.splitlines()
    assert lines[-1].startswith("data valid: 15 disclosures, 16 audit findings")
    assert "import note" not in "\n".join(lines[:-1]) and len(lines) < 30         # findings only, not the 34 notes
    assert "000_0794aadfb6c0e8a0.txt:334" in check.stdout
    out = tmp_path / "out"
    verbose = run("-v", "build", "--data", str(data), "--out", str(out), "--site", str(ROOT), "--jobs", "1")
    assert verbose.returncode == 0, verbose.stderr
    assert " s  build disclosures" in verbose.stdout and " s  render site pages" in verbose.stdout
    assert "no disclosures yet" not in verbose.stdout
    quiet = run("build", "-q", "--data", str(data), "--out", str(out), "--site", str(ROOT), "--jobs", "1")
    assert quiet.stdout.startswith("built ") and len(quiet.stdout.splitlines()) == 1


def test_reports_in_chinese_by_lang_or_locale(tmp_path):
    import json
    import os

    data = _copy_with(tmp_path, "004_a0ea54e8da336276.txt")
    imported = run("import", "--data", str(data), "--lang", "zh")
    assert "004_a0ea54e8da336276.txt：识别表格 8/8 张，取得数字 295/295 个" in imported.stdout
    assert "从 1 份文件导入 1 份公开" in imported.stdout
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}

    def with_locale(*args, lang):
        return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=ROOT,
                              env={**env, "LANG": lang})

    check = with_locale("check", "--data", str(ROOT / "data"), lang="zh_CN.UTF-8")
    assert check.stdout.splitlines()[-1].startswith("数据有效：15 份公开，16 条核对发现")
    assert "[警告] 000_0794aadfb6c0e8a0.txt:324" in check.stdout and "（应为 16,488,560 元，实为 12,885,780 元）" in check.stdout
    assert "数据有效" not in with_locale("check", "--data", str(ROOT / "data"), "--lang", "en", lang="zh_CN.UTF-8").stdout
    summary = with_locale("summary", "--data", str(ROOT / "data"), lang="zh_CN.UTF-8").stdout
    assert "江苏省 江苏省人民检察院 2018 预算（部门）：收支总计 21,955.35 万元" in summary
    english = with_locale("summary", "--data", str(ROOT / "data"), lang="C.UTF-8").stdout
    assert "江苏省 江苏省人民检察院 2018 预算 (部门): total 21,955.35 万元, basic 13,994.31 万元" in english
    # the JSON is for scripts: the same keys and values whatever the language
    as_json = [json.loads(with_locale("summary", "--json", "--data", str(ROOT / "data"), lang=lang).stdout)
               for lang in ("zh_CN.UTF-8", "C.UTF-8")]
    assert as_json[0] == as_json[1] and set(as_json[0][0]) >= {"folder", "measures", "findings", "notes"}
    invalid = with_locale("check", "--data", str(tmp_path / "nothing"), lang="zh_CN.UTF-8")
    assert invalid.returncode == 1 and "1 个问题：数据无效" in invalid.stdout
