"""The data format's documentation covers every field the store writes, and check refuses bad data."""

import re

import pytest

from generator.core.vocabulary import KINDS, PHASES
from generator.store import schema as S
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    """The text under the ``## title`` heading of docs/data-format.md."""
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", DOC, re.M | re.S)
    assert m, f"docs/data-format.md has no section “## {title}”"
    return m.group(1)


@pytest.mark.parametrize("spec", S.CSV_FILES, ids=lambda s: s.name)
def test_every_csv_field_is_documented(spec):
    text = section(spec.name)
    missing = [f for f in spec.fields if f"`{f}`" not in text]
    assert not missing, f"{spec.name}: fields not documented: {missing}"


@pytest.mark.parametrize("file", S.JSON_FILES, ids=lambda f: f.name)
def test_every_json_key_is_documented(file):
    """Every key of the file's objects, those within it too (``tables[]``, ``items[]`` …), is in its section."""
    text = section(file.name)
    missing = sorted({k for o in file.objects() for k in o.keys if f"`{k}`" not in text})
    assert not missing, f"{file.name}: keys not documented: {missing}"


def test_every_json_object_is_listed_in_the_schema():
    assert set(S.JSON_OBJECTS) == {"disclosure.json", "sources[]", "tables[]", "columns[]", "merge_findings[]",
                                   "performance.json", "targets[]", "budget[]", "projects[]", "items[]", "units[]"}
    # and each in the docs under its name, as a list of its file
    for name in S.JSON_OBJECTS:
        assert f"`{name.removesuffix('[]')}`" in DOC or name.endswith(".json"), name


def test_every_table_kind_and_phase_is_documented():
    text = section("disclosure.json")
    assert not [k for k in KINDS if f"`{k}`" not in text]
    assert not [p for p, slug in PHASES.items() if p not in text or slug not in DOC]


def test_validation_names_the_line_and_the_rule(tmp_path):
    import shutil

    from generator.store.layout import disclosure_dirs

    shutil.copytree(ROOT / "data", tmp_path / "data")
    folder = disclosure_dirs(tmp_path / "data")[0]
    assert S.validate_disclosure(folder) == []
    lines = (folder / "indicators.csv").read_text(encoding="utf-8").split("\n")
    cells = lines[1].split(",")
    cells[S.INDICATORS.fields.index("scope")] = "everywhere"
    lines[1] = ",".join(cells)
    (folder / "indicators.csv").write_text("\n".join(lines), encoding="utf-8")
    meta = (folder / "disclosure.json").read_text(encoding="utf-8")
    (folder / "disclosure.json").write_text(meta.replace('"phase": "预算"', '"phase": "预決"'), encoding="utf-8")
    money = (folder / "money.csv").read_text(encoding="utf-8").split("\n")
    cells = money[1].split(",")
    cells[S.MONEY.fields.index("yuan")] = "12.345"
    money[1] = ",".join(cells)
    (folder / "money.csv").write_text("\n".join(money), encoding="utf-8")
    problems = S.validate_disclosure(folder)
    assert f"{folder / 'money.csv'}:2: yuan must be a number of 元 with at most two decimals (分), found '12.345'" \
        in problems
    assert f"{folder / 'indicators.csv'}:2: scope must be one of department project, found 'everywhere'" in problems
    assert any("phase must be one of" in p for p in problems)


def test_performance_json_is_validated(tmp_path):
    import json
    import shutil

    from generator.store.layout import disclosure_dirs

    shutil.copytree(ROOT / "data", tmp_path / "data")
    folder = next(f for f in disclosure_dirs(tmp_path / "data")
                  if json.loads((f / S.PERFORMANCE_JSON).read_text(encoding="utf-8"))["projects"])
    perf = json.loads((folder / S.PERFORMANCE_JSON).read_text(encoding="utf-8"))
    perf["projects"][0]["amount_yuan"] = 1.505
    del perf["units"]
    (folder / S.PERFORMANCE_JSON).write_text(json.dumps(perf, ensure_ascii=False), encoding="utf-8")
    problems = S.validate_disclosure(folder)
    assert any("projects[0].amount_yuan must be a number of 元 exact to the 分" in p for p in problems)
    assert any("field 'units' must be a list" in p for p in problems)
