"""``budgetsite summary``: identity, exact headline figures, coverage and counts per disclosure."""

import json
from decimal import Decimal

from generator.audit.summary import yuan_text
from generator.cli import main
from tests.conftest import ROOT


def test_summary_json_gives_exact_headline_figures(capsys):
    assert main(["summary", "--json", "--data", str(ROOT / "data")]) == 0
    entries = {e["department"]: e for e in json.loads(capsys.readouterr().out)}
    jc = entries["江苏省人民检察院"]
    assert (jc["region"], jc["year"], jc["phase"], jc["scope"]) == ("江苏省", 2018, "预算", "部门")
    assert jc["measures"] == {"total": "219553500", "basic": "139943100", "project": "55730000",
                              "three_public": "4843000"}
    assert jc["coverage"]["tables"] == 12 and jc["coverage"]["figures"] > 100
    zz = entries["郑州市人民政府办公厅"]
    assert zz["findings"] > 0 and zz["notes"] > 0
    final = entries["中共上海市普陀区委社会工作部"]
    assert final["phase"] == "决算" and final["measures"]["total"] == "3078200"


def test_summary_for_a_reader_is_one_line_per_disclosure_in_chinese_or_english(capsys):
    assert main(["summary", "--data", str(ROOT / "data"), "--lang", "zh"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(list((ROOT / "data" / "disclosures").glob("*/*/*/disclosure.json")))
    assert any("江苏省人民检察院" in line and "：收支总计 21,955.35 万元" in line for line in lines)
    assert main(["summary", "--data", str(ROOT / "data"), "--lang", "en"]) == 0
    english = capsys.readouterr().out.splitlines()
    assert len(english) == len(lines)
    assert any("江苏省人民检察院" in line and ": total 21,955.35 万元" in line for line in english)


def test_summary_of_invalid_data_is_refused(tmp_path, capsys):
    (tmp_path / "disclosures").mkdir()
    assert main(["summary", "--data", str(tmp_path)]) == 1


def test_amounts_are_exact_decimal_strings():
    assert yuan_text(219553500) == "219553500"
    assert yuan_text(Decimal("91016775.35")) == "91016775.35"
    assert yuan_text(Decimal("100.00")) == "100"


def test_a_measure_no_table_prints_is_taken_from_the_narrative_and_said_so():
    from generator.audit.summary import entry
    from generator.core.model import Disclosure, Statement

    d = Disclosure("上海市", "上海市某中心", 2026, "预算", "单位", statements=[
        Statement("three_public.change", "1.00", "万元", 2, -10000, "比上年减少1.00万元", "a.pdf", 40),
        Statement("three_public", "0.00", "万元", 2, 0, "“三公”经费预算为0.00万元", "a.pdf", 41)])
    e = entry("shanghai/x/2026-unit-budget", d, [], [])
    assert e["measures"] == {"three_public": "0"}
    assert e["measures_from_narrative"] == {"three_public": "a.pdf:41"}
