"""Open data, citations, sitemap and feed of the built sample site."""

import csv
import gzip
import io
import json
import re
from collections import Counter
from decimal import Decimal

import pytest

from generator.store.schema import read_csv_rows as read_csv
from generator.api import build_site as build
from tests.conftest import FEW, ROOT, some_data
from tests.site.opendata_files import gz_rows, table_csv

ZZ = "open-data/files/zhengzhou/renminzhengfubangongting/2020-budget"


def csv_rows(path):
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode()), f"{path} has no BOM"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_published_money_equals_the_normalised_data_exactly(site):
    published = Counter()
    for r in gz_rows(site / "open-data/all/money.csv.gz"):
        published[(r["department"], r["table_id"], r["row_no"], r["column_key"], r["yuan"], r["printed"])] += 1
    normalised = Counter()
    for folder in sorted((ROOT / "data/disclosures").glob("*/*/*")):
        dept = json.loads((folder / "disclosure.json").read_text(encoding="utf-8"))["department"]
        for m in read_csv(folder / "money.csv"):
            normalised[(dept, m["table"], m["row"], m["column"], m["yuan"], m["printed"])] += 1
    assert published == normalised and sum(published.values()) > 1000


def test_the_glossary_is_open_data_too(site):
    """Each term as each document prints it, with its line: what a term's page no longer lists in full at
    scale is here."""
    rows = gz_rows(site / "open-data/all/glossary.csv.gz")
    printed = {(r["department"], r["term"], r["definition"], r["line"]) for r in rows}
    expected = set()
    for folder in sorted((ROOT / "data/disclosures").glob("*/*/*")):
        dept = json.loads((folder / "disclosure.json").read_text(encoding="utf-8"))["department"]
        expected |= {(dept, g["term"], g["definition"], g["line"]) for g in read_csv(folder / "glossary.csv")}
    assert printed == expected and len(rows) == len(expected) > 50
    assert ("郑州市人民政府办公厅", "财政拨款收入", "是指市级财政当年拨付的资金。", "194") in printed


def test_table_downloads_csv(site):
    """A table's CSV says whose table it is before its figures, in Chinese, for the person who opens it."""
    about, rows = table_csv(site / ZZ / "tables/expenditure.csv")
    assert about == {"部门": "郑州市人民政府办公厅", "地区": "郑州市", "年度": "2020", "类别": "部门预算",
                     "表名": "2020年部门支出总体情况表（expenditure）", "金额单位": "元",
                     "来源": "000_0794aadfb6c0e8a0.txt 第 270–281 行"}
    total = rows[0]
    assert total["行类型"] == "合计" and total["合计（元）"] == "86412027" and total["原文行号"] == "272"
    assert {r["编码"]: r["规范名称"] for r in rows}["2010301"] == "行政运行"
    # a table printed in 万元 says so, and that its figures are in 元
    about, rows = table_csv(site / "open-data/files/jiangsu/renminjianchayuan/2018-budget/tables/summary.csv")
    assert about["金额单位"] == "元（原表以万元印制，已换算为元）" and about["类别"] == "部门预算"
    assert {(r["名称"], r["收支方向"]): r["收入 / 金额（元）"] for r in rows}[("收入合计", "收入")] == "219553500"


def test_a_department_years_indicators_and_projects_are_in_its_workbook_and_the_site_wide_files(site):
    """Not in files of their own beside them: the workbook has a sheet of each, with the rows of the site-wide
    files less the columns that say whose they are (its header block says it)."""
    import openpyxl

    assert not (site / ZZ / "indicators.csv").exists() and not (site / ZZ / "projects.csv").exists()
    book = openpyxl.load_workbook(site / ZZ / "workbook.xlsx", read_only=True)
    for sheet, name, amount in (("绩效指标", "indicators", None), ("项目", "projects", "金额（元）")):
        values = [list(r) for r in book[sheet].iter_rows(values_only=True)]
        end = values.index([None] * len(values[0]))
        assert dict((r[0], r[1]) for r in values[:end])["部门"] == "郑州市人民政府办公厅"
        header, rows = values[end + 1], values[end + 2:]
        everyone = [r for r in gz_rows(site / f"open-data/all/{name}.csv.gz")
                    if r["department"] == "郑州市人民政府办公厅" and r["year"] == "2020"]
        assert len(rows) == len(everyone) > 0
        if amount:
            by_name = {r[header.index("项目名称")]: r[header.index(amount)] for r in rows}
            assert by_name["驻外办事处经费"] == 1160000
            assert {r[header.index("单位编码")] for r in rows} == {"003001"}       # a code keeps its zeros
        else:
            assert ("总体工作完成率", "≥97%", "≥") in {
                (r[header.index("三级指标")], r[header.index("指标值")], r[header.index("比较")]) for r in rows}


def test_each_department_year_offers_every_table_in_few_files(site):
    """Every table of every disclosure downloads as CSV, linked under the table, and all of them in one
    workbook; a department-year is its page and its downloads, nothing else.  A document may print many
    tables (泉州市人民政府办公室 2026: 19), so the size budget of docs/scale.md holds on average: at most 15
    files per department-year over the sample."""
    counts = []
    for folder in sorted((ROOT / "data/disclosures").glob("*/*/*")):
        rel = folder.relative_to(ROOT / "data/disclosures").as_posix()
        meta = json.loads((folder / "disclosure.json").read_text(encoding="utf-8"))
        page = (site / "departments" / rel / "index.html").read_text(encoding="utf-8")
        files = [p for p in (site / "open-data/files" / rel).rglob("*") if p.is_file()]
        assert {p.name for p in files if p.parent.name == "tables"} == {t["id"] + ".csv" for t in meta["tables"]}
        for t in meta["tables"]:
            assert f'{rel}/tables/{t["id"]}.csv">CSV</a>' in page, (rel, t["id"])
        assert {p.relative_to(site / "open-data/files" / rel).as_posix() for p in files
                if p.parent.name != "tables"} == {"workbook.xlsx"}, rel
        assert f'{rel}/workbook.xlsx" download="{meta["department"]}{meta["year"]}年' in page
        counts.append(1 + len(files))
    assert sum(counts) <= 15 * len(counts), counts


def test_datapackage_describes_every_csv(site):
    pkg = json.loads((site / "open-data/datapackage.json").read_text(encoding="utf-8"))
    names = [r["name"] for r in pkg["resources"]]
    assert len(names) == len(set(names)) and {"headline", "money", "compare-overview"} <= set(names)
    # the Parquet files, one per region of each tidy table, listed with the resource whose fields they have
    parts = pkg["parquet"]["tables"]
    assert set(parts) <= set(names) and "money/zhengzhou.parquet" in [p[len("all/"):] for p in parts["money"]]
    assert all((site / "open-data" / p).is_file() for paths in parts.values() for p in paths)
    for res in pkg["resources"]:
        assert re.fullmatch(r"[a-z0-9._-]+", res["name"]), res["name"]
        path = (site / "open-data" / res["path"]).resolve()
        assert path.is_file() and path.is_relative_to((site / "open-data").resolve()), res["path"]
        if res["format"] == "parquet":
            continue
        rows = gz_rows(path) if res.get("compression") == "gz" else csv_rows(path)
        assert [f["name"] for f in res["schema"]["fields"]] == list(rows[0])
        for f in res["schema"]["fields"]:
            if f["type"] in ("integer", "number"):
                form = r"-?\d+" if f["type"] == "integer" else r"-?\d+(\.\d{1,4})?"
                for row in rows:
                    assert row[f["name"]] == "" or re.fullmatch(form, row[f["name"]]), (path, f["name"])
        numbers = [f["name"] for f in res["schema"]["fields"] if f["type"] == "number"]
        assert numbers or not res["name"].startswith(("money", "projects", "headline"))


def test_the_site_wide_files_are_each_disclosures_rows_in_order(site):
    """Each disclosure's rows are a gzip member of their own, in the order of the data folders: one
    disclosure changed rewrites its member only."""
    raw = (site / "open-data/all/money.csv.gz").read_bytes()
    assert raw.count(b"\x1f\x8b\x08") >= 1 + len(list((ROOT / "data/disclosures").glob("*/*/*/disclosure.json")))
    years = [(r["department"], r["year"]) for r in gz_rows(site / "open-data/all/money.csv.gz")]
    firsts = list(dict.fromkeys(years))
    expected = [(meta["department"], str(meta["year"])) for f in sorted((ROOT / "data/disclosures").glob("*/*/*"))
                for meta in [json.loads((f / "disclosure.json").read_text(encoding="utf-8"))]]
    assert firsts == expected


def test_downloads_page_lists_files_with_sizes(site):
    html = (site / "open-data/index.html").read_text(encoding="utf-8")
    assert re.search(r"money\.csv\.gz</a> <span class=\"size\">[\d.]+ KB", html)
    assert "datapackage.json" in html and "000_0794aadfb6c0e8a0.txt.html" in html


def test_citations_reach_the_source_line(site):
    page = (site / "departments/zhengzhou/renminzhengfubangongting/2020-budget/index.html").read_text(encoding="utf-8")
    assert 'id="t-expenditure"' in page
    # the row shows its source line; the table names the source's text page once (the page's script links
    # each line number to its line: tests/site/test_browser.py)
    assert re.search(r'<tr id="expenditure-r1"[^>]*><td>272</td>', page)
    named = re.search(r'id="table-expenditure" data-source="([^"]+)"', page).group(1)
    assert named == "../../../../open-data/sources/000_0794aadfb6c0e8a0.txt.html"
    # the link under the table leads to the table's first line
    block = page[page.index('id="t-expenditure"'):]
    block = block[:block.index("</section>")]
    under = re.search(r'href="[^"]*000_0794aadfb6c0e8a0\.txt\.html#L(\d+)">000_0794aadfb6c0e8a0\.txt 第 (\d+)–(\d+) 行', block)
    assert under and under.group(1) == under.group(2) and int(under.group(2)) <= 272 <= int(under.group(3))
    source = (site / "open-data/sources/000_0794aadfb6c0e8a0.txt.html").read_text(encoding="utf-8")
    line = re.search(r'<li id="L272">.*?</li>', source, re.S).group(0)
    assert "86,412,027" in line
    assert (site / "open-data/sources/000_0794aadfb6c0e8a0.txt").read_bytes() == \
        (ROOT / "data/sources/000_0794aadfb6c0e8a0.txt").read_bytes()


def test_feed_robots_and_no_sitemap_without_base_url(site):
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    titles = re.findall(r"<entry>\s*<title>([^<]+)</title>", feed)
    # newest year first; within a year by region, department and phase (their folder names)
    metas = [json.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "data/disclosures").glob("*/*/*/disclosure.json")]
    metas.sort(key=lambda m: (-m["year"], m["region_slug"], m["department_slug"], m["phase"]))
    assert titles == [f'{m["department"]} {m["year"]} 年{m["scope"]}{m["phase"]}' for m in metas]
    assert len({m["year"] for m in metas}) > 1 and len(titles) > 4
    assert "Sitemap" not in (site / "robots.txt").read_text(encoding="utf-8")
    assert not (site / "sitemap.xml").exists()
    assert 'property="og:' not in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_sitemap_and_open_graph_with_base_url(tmp_path):
    out = tmp_path / "out"
    build(ROOT, some_data(tmp_path, *FEW), out, base_url="https://example.org/budget/")
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/budget/departments/luohe/renminzhengfubangongshi/2023-budget/</loc>" in sitemap
    assert "Sitemap: https://example.org/budget/sitemap.xml" in (out / "robots.txt").read_text(encoding="utf-8")
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:url" content="https://example.org/budget/">' in home


def test_figures_with_fen_download_exactly(site):
    """A table printed in 元 with 分 downloads to the 分, as a Table Schema number."""
    folder = site / "open-data/files/shanghai-putuo/renminzhengfubangongshi/2025-unit-budget"
    about, rows = table_csv(folder / "tables/expenditure.csv")
    assert about["类别"] == "单位预算" and about["金额单位"] == "元"
    assert any(r["编码"] == "2010301" and r["支出预算 / 合计（元）"] == "12029501.84" for r in rows)
    _, summary = table_csv(folder / "tables/summary.csv")
    assert any(Decimal(r["收入 / 金额（元）"] or 0) == Decimal("91016775.35") for r in summary)
    money = gz_rows(site / "open-data/all/money.csv.gz")
    assert any(r["yuan"] == "91016775.35" and r["printed"] == "91,016,775.35" and r["scope"] == "单位" for r in money)
    assert {r["phase"] for r in money} == {"预算", "决算"}


def test_a_tidy_file_takes_unchanged_members_from_the_previous_file(tmp_path):
    """Rewritten after one new unit, the file copies the others' members from the previous file by its layout
    (their chunk files are not read), and equals the file written from every chunk."""
    from generator.site.build.opendata import write_tidy
    from generator.site.shared.urls import tidy_data
    from generator.site.build.writer import Staging
    from generator.site.build.units import gzip_member

    rows = {key: gzip_member(f"{key},{n}\n" * (n + 1)) for n, key in enumerate("abcde")}
    chunks = {}
    for key, data in rows.items():
        chunks[key] = tmp_path / f"{key}.gz"
        chunks[key].write_bytes(data)
    out, layout = tmp_path / "out", tmp_path / "layout"

    def write(keys):
        with Staging(out) as staging:
            write_tidy(staging, "money", ["key", "n"], list(keys), lambda key: chunks[key].read_bytes(), layout)
            staging.publish()
        return (out / tidy_data("money")).read_bytes()

    write("abde")
    for key in "abde":
        chunks[key].unlink()                       # only c, the new one, can be read from its chunk
    again = write("abcde")
    assert gzip.decompress(again).decode().splitlines() == ["key,n"] + [
        line for key in "abcde" for line in gzip.decompress(rows[key]).decode().splitlines()]
    for key, data in rows.items():
        chunks[key].write_bytes(data)
    layout.unlink()                                # no layout: every chunk is read, and the bytes are the same
    assert write("abcde") == again


def test_a_text_cell_that_a_spreadsheet_would_run_is_inert_and_a_figure_is_never_touched():
    from generator.site.build.csvsafe import inert, inert_row

    for first in ("=", "+", "-", "@", "\t", "\r"):
        assert inert(first + "1+2") == "'" + first + "1+2"
    assert inert('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert inert("=100%") == "'=100%" and inert("=") == "'=" and inert("-") == "'-" and inert("+1") == "'+1"
    assert inert("-2+3+cmd|' /C calc'!A0") == "'-2+3+cmd|' /C calc'!A0"
    for figure in (-100, 0, 86412027, Decimal("-91016775.35"), Decimal("0.05"), None, ""):
        assert inert(figure) is figure
    for printed in ("-100", "-1,234.50", "-5%", "-0.5"):       # a negative figure as printed
        assert inert(printed) == printed
    for text in ("行政运行", "100%", "≥97%", "a=b", "'=already", " =1", "1-2", "郑州市-办公厅"):
        assert inert(text) == text
    assert inert_row(["=1", -1, "x", Decimal("-2.5"), "@SUM(A1)"]) == ["'=1", -1, "x", Decimal("-2.5"), "'@SUM(A1)"]


def test_every_published_csv_writer_makes_text_cells_inert():
    from generator.site.build.opendata import csv_bytes
    from generator.site.build.units import csv_text

    assert csv_bytes(["=h", "yuan"], [["=1+1", -100]]).decode("utf-8-sig") == "'=h,yuan\n'=1+1,-100\n"
    assert csv_text([["+1", -100, Decimal("-0.35"), None, "@x"]]) == "'+1,-100,-0.35,,'@x\n"


def test_the_documents_formula_like_text_is_published_inert(site):
    """济源 prints "=100%" as an indicator's value and "=" as its operator: text that a spreadsheet would run,
    published with an apostrophe in the site-wide file; its number is a figure."""
    rows = [r for r in gz_rows(site / "open-data/all/indicators.csv.gz") if r["region"] == "济源市"]
    planned = [r for r in rows if r["level3"] == "预算执行率" and r["indicator_scope"] == "project"]
    assert planned and all(r["value"] == "'=100%" and r["op"] == "'=" and r["number"] == "100" for r in planned)
    assert any(r["value"] == "≥95%" and r["op"] == "≥" for r in rows)
    assert not [v for r in rows for v in r.values() if v[:1] in ("=", "+", "-", "@", "\t", "\r")]
