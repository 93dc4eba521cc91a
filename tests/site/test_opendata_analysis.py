"""The open data as an analyst reads it: the data package validates, every example of docs/open-data.md runs
and gives the right figure, codes stay text, and the Parquet files and workbooks open in pandas and DuckDB."""

import json
import re
import shutil
from decimal import Decimal

import duckdb
import pandas as pd
import pytest

from generator.site.build.opendata import TABLES
from tests.conftest import ROOT
from tests.site.opendata_files import gz_rows

DOC = ROOT / "docs/open-data.md"
JIANGSU = "江苏省人民检察院"
JIANGSU_TOTAL = 219553500          # 收支总计, 江苏省人民检察院 2018 年部门预算 (公开 01 表, 21,955.35 万元)


@pytest.mark.slow
def test_the_data_package_validates_with_frictionless(site):
    """Every resource inside the package, with a schema, its rows of the types and codes it says, and the
    primary key unique; checked by the Frictionless library itself, without --trusted."""
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(site / "open-data/datapackage.json")
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:20]
    assert len(report.tasks) == len(TABLES) + 5


def test_the_data_package_describes_every_field_and_code(site):
    pkg = json.loads((site / "open-data/datapackage.json").read_text(encoding="utf-8"))
    for res in pkg["resources"]:
        assert not res["path"].startswith(("/", "..")) and ".." not in res["path"].split("/")
        schema = res["schema"]
        assert schema["primaryKey"], res["name"]
        for f in schema["fields"]:
            assert f["title"] and f["description"], (res["name"], f["name"])
            if f["type"] == "number" and ("元" in f["title"] or f["name"] in ("yuan", "amount_yuan")):
                assert f.get("unit") == "元", (res["name"], f["name"])
        fields = {f["name"]: f for f in schema["fields"]}
        if res["name"] == "money":
            kinds = fields["kind"]["constraints"]["enum"]
            assert {"total", "item", "unit", "income", "expenditure", "detail", "group"} == set(kinds)
            assert "detail =" in fields["kind"]["description"] and "group =" in fields["kind"]["description"]
            assert fields["yuan"]["unit"] == "元" and fields["yuan"]["type"] == "number"
    # the workbooks are described once for all department-years
    assert pkg["workbooks"]["path"].endswith("/workbook.xlsx")


def test_a_broken_row_makes_the_package_invalid(site, tmp_path):
    """The validation has teeth: a kind no code list has, or a figure twice, is reported."""
    frictionless = pytest.importorskip("frictionless")
    copy = tmp_path / "open-data"
    shutil.copytree(site / "open-data", copy, ignore=shutil.ignore_patterns("files", "sources", "*.parquet"))
    pkg = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    pkg["resources"] = [r for r in pkg["resources"] if r["name"] == "headline"]
    (copy / "datapackage.json").write_text(json.dumps(pkg, ensure_ascii=False), encoding="utf-8")
    import gzip
    text = gzip.decompress((copy / "all/headline.csv.gz").read_bytes()).decode("utf-8")
    lines = text.splitlines()
    broken = "\n".join([*lines, lines[1], lines[2].replace("total.expenditure", "total.everything")]) + "\n"
    (copy / "all/headline.csv.gz").write_bytes(gzip.compress(broken.encode("utf-8")))
    report = frictionless.validate(copy / "datapackage.json")
    found = {e[0] for e in report.flatten(["type"])}
    assert not report.valid and {"primary-key", "constraint-error"} <= found


def _examples() -> list[tuple[str, str, str, str, Decimal]]:
    """Each example of the doc: its language, its code, and the department, year (where it names one) and
    figure its last line gives."""
    out = []
    for lang, code in re.findall(r"```(sql|python)\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S):
        said = re.fullmatch(r"(?:--|#) (\S+?)(?: (\d{4}) 年)?: (\d+)", code.strip().splitlines()[-1])
        assert said, f"an example without the figure it gives:\n{code}"
        out.append((lang, code, said.group(1), said.group(2) or "", Decimal(said.group(3))))
    return out


def test_the_doc_has_examples_in_sql_and_pandas_and_the_jiangsu_total():
    examples = _examples()
    assert {lang for lang, *_ in examples} == {"sql", "python"} and len(examples) >= 6
    assert sum(1 for _, _, who, year, n in examples if who == JIANGSU and year == "2018" and n == JIANGSU_TOTAL) >= 3


@pytest.mark.parametrize("n", range(len(_examples())))
def test_each_example_of_the_doc_gives_its_figure(site, monkeypatch, n):
    """Run as written, from the open-data folder: the SQL with DuckDB, the Python with pandas; the figure for
    the named department is the one the example says."""
    lang, code, who, year, figure = _examples()[n]
    monkeypatch.chdir(site / "open-data")
    if lang == "sql":
        rows = duckdb.sql(code).fetchall()
        mine = [r for r in rows if who in r and (not year or int(year) in r)]
        assert mine, rows
        if "length(code) = 3" in code:               # a figure per class: their sum is the department's
            assert sum(Decimal(r[-1]) for r in mine if r[-1] is not None) == figure
        else:
            assert [Decimal(r[-1]) for r in mine] == [figure]
    else:
        lines = [line for line in code.strip().splitlines() if line and not line.startswith("#")]
        scope: dict = {}
        exec("\n".join(lines[:-1]), scope)
        assert Decimal(eval(lines[-1], scope)) == figure


def test_summing_every_total_row_is_what_the_doc_warns_against(site, monkeypatch):
    """The reason for ``headline``: the total rows of all tables add up to many times the department's."""
    monkeypatch.chdir(site / "open-data")
    wrong = duckdb.sql(f"SELECT sum(yuan) FROM 'all/money/*.parquet' WHERE kind = 'total' AND department = '{JIANGSU}'")
    assert wrong.fetchall()[0][0] > 5 * JIANGSU_TOTAL
    right = duckdb.sql(f"SELECT yuan FROM 'all/headline/*.parquet' WHERE measure = 'total.expenditure' "
                       f"AND department = '{JIANGSU}' AND year = 2018").fetchall()
    assert right == [(Decimal(JIANGSU_TOTAL),)]


def test_no_field_name_needs_quoting_in_sql(site):
    """Every field of every tidy table, written bare, in a DuckDB query; none is a reserved word."""
    reserved = {k for k, c in duckdb.sql("SELECT keyword_name, keyword_category FROM duckdb_keywords()").fetchall()
                if c in ("reserved", "type_function")}
    for name, (fields, _, _) in TABLES.items():
        names = [f.name for f in fields]
        assert not set(names) & reserved, name
        assert not {"table", "column", "row"} & set(names)
        path = site / f"open-data/all/{name}/*.parquet"
        duckdb.sql(f"SELECT {', '.join(names)} FROM '{path}' WHERE {names[-1]} IS NOT NULL ORDER BY {names[0]}")


CODES = {"money": ["code", "unit_code", "table_id"], "projects": ["code", "unit_code"],
         "indicators": ["project_code", "number", "number2"]}


def test_codes_stay_text_with_the_readers_defaults(site):
    """In Parquet, with pandas' and DuckDB's defaults: 003001 is 003001, a 21-digit project code is text,
    money is exact (Decimal), years and lines integers."""
    money = pd.read_parquet(site / "open-data/all/money")              # a folder of one file per region
    projects = pd.read_parquet(site / "open-data/all/projects")
    assert "003001" in set(money.unit_code) and "074001" in set(projects.unit_code) and "001" in set(money.unit_code)
    assert any(isinstance(c, str) and len(c) == 21 for c in projects.code)
    assert Decimal("91016775.35") in set(money.yuan) and str(money.year.dtype) == "int64"
    for name, columns in CODES.items():
        frame = pd.read_parquet(site / f"open-data/all/{name}")
        for c in columns:
            assert all(isinstance(v, str) for v in frame[c].dropna()), (name, c)
        types = dict(duckdb.sql(f"DESCRIBE SELECT * FROM '{site / f'open-data/all/{name}/*.parquet'}'")
                     .fetchall()[i][:2] for i in range(len(frame.columns)))
        assert {types[c] for c in columns} == {"VARCHAR"}, (name, types)
    # DuckDB's defaults on the CSV file: a code with a leading zero stays text
    types = dict(r[:2] for r in duckdb.sql(f"DESCRIBE SELECT * FROM '{site / 'open-data/all/money.csv.gz'}'").fetchall())
    assert types["unit_code"] == types["code"] == "VARCHAR" and types["year"] == "BIGINT"


def test_the_parquet_files_hold_the_csv_files_rows(site):
    """Each region's Parquet file holds that region's rows of the CSV file, in its order, with the same text."""
    for name in TABLES:
        csv_rows = gz_rows(site / f"open-data/all/{name}.csv.gz")
        parts = sorted((site / f"open-data/all/{name}").glob("*.parquet"))
        assert {p.stem for p in parts} == {p.name for p in (site / "departments").iterdir() if p.is_dir()} \
            - {"index.html"}, name
        frame = pd.read_parquet(site / f"open-data/all/{name}")
        assert list(frame.columns) == list(csv_rows[0]) and len(frame) == len(csv_rows) > 0
        via_duckdb = duckdb.sql(f"SELECT count(*) FROM '{site / f'open-data/all/{name}/*.parquet'}'").fetchall()[0][0]
        assert via_duckdb == len(csv_rows)
        left = list(csv_rows)
        for part in parts:
            one = pd.read_parquet(part)
            back = [{k: "" if v is None or v is pd.NA or (isinstance(v, float) and v != v) else str(v)
                     for k, v in row.items()} for row in one.astype(object).to_dict("records")]
            if not back:                   # a region without rows of this table: the schema alone
                continue
            mine = [r for r in left if r["region"] == back[0]["region"]]
            assert len(mine) == len(back) > 0, (name, part.name)
            for parquet_row, csv_row in zip(back, mine):
                for k, v in csv_row.items():
                    # a decimal(18, 2) says its two decimals: 86412027 is 86412027.00
                    assert parquet_row[k] == v or Decimal(parquet_row[k]) == Decimal(v), (name, k, v, parquet_row[k])
            left = [r for r in left if r["region"] != back[0]["region"]]
        assert left == [], name


def test_a_workbook_opens_in_pandas_with_every_table_numbers_as_numbers(site):
    """One sheet per table, named after it; the figures of a sheet are the table's, as numbers; the header
    says the unit."""
    folder = site / "open-data/files/jiangsu/renminjianchayuan/2018-budget"
    sheets = pd.read_excel(folder / "workbook.xlsx", sheet_name=None, header=None)
    meta = json.loads((ROOT / "data/disclosures/jiangsu/renminjianchayuan/2018-budget/disclosure.json")
                      .read_text(encoding="utf-8"))
    assert len(sheets) == len(meta["tables"]) and len(set(sheets)) == len(sheets)
    assert "部门收支总体情况表" in sheets
    summary = sheets["部门收支总体情况表"]
    about = dict(zip(summary[0][:7], summary[1][:7]))
    assert about["部门"] == JIANGSU and about["年度"] == "2018" and about["金额单位"].startswith("元")
    table = pd.read_excel(folder / "workbook.xlsx", sheet_name="部门收支总体情况表", skiprows=8)
    assert "收入 / 金额（元）" in table.columns and table["收入 / 金额（元）"].dtype.kind in "if"
    assert JIANGSU_TOTAL in set(table["收入 / 金额（元）"].dropna())
    own = [r for r in gz_rows(site / "open-data/all/money.csv.gz") if r["department"] == JIANGSU
           and r["year"] == "2018" and r["table_id"] == "summary" and r["column_key"] == "income" and r["yuan"]]
    assert sorted(table["收入 / 金额（元）"].dropna()) == sorted(float(r["yuan"]) for r in own)


@pytest.mark.slow
def test_a_workbook_is_the_same_bytes_from_the_same_data(site, tmp_path):
    from generator.api import build_site

    out = tmp_path / "again"
    build_site(ROOT, ROOT / "data", out, use_cache=False)
    for path in (site / "open-data").rglob("*"):
        if path.suffix in (".xlsx", ".parquet"):
            assert path.read_bytes() == (out / path.relative_to(site)).read_bytes(), path
