"""The website built from the sample data: real content, links, determinism, safety."""

import filecmp
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest

from generator.core.errors import BudgetsiteError
from generator.api import build_site as build
from generator.site.shared.config import ConfigError, parse_config
from tests.conftest import FEW, ROOT, SOURCES, some_data
from tests.trees import same_tree as _same_tree

ZZ_PAGE = "departments/zhengzhou/renminzhengfubangongting/2020-budget/index.html"
ZW_PAGE = "departments/zhengzhou/zhengwufuwubangongshi/2024-budget/index.html"


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if a.get(key) and not (tag == "link" and a.get("rel") == "canonical"):
                self.links.append(a[key])


def parse(path):
    p = Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_every_link_and_asset_resolves(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    ids = {p: parse(p).ids for p in pages}
    broken = []
    for page in pages:
        if page.name == "404.html":
            continue
        for link in parse(page).links:
            parts = urlsplit(link)
            assert not parts.scheme and not parts.netloc, f"{page}: link to another site: {link}"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_file():
                broken.append((str(page.relative_to(site)), link))
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in (ids[target] if target in ids else parse(target).ids):
                broken.append((str(page.relative_to(site)), link))
    assert broken == []


def test_department_year_page_shows_the_figures(site):
    html = read(site, ZZ_PAGE)
    assert '<html lang="zh-CN">' in html
    assert "8,641.20" in html and "5,052.35" in html and "98.00" in html
    # the 元 tables shown in 万元 without losing a 元 (four decimals), and every figure of the page with as many:
    # the card, its change and the table's 合计 print 支出总计 alike
    assert "比上年减少 1,004.7000 万元" in html
    assert '<span class="figure">8,641.2027</span>' in html and "<td>8,641.2027</td>" in html
    # each figure's 元 is read back from it on hover by the page's script (a browser test), not printed twice
    assert 'data-source="../../../../open-data/sources/000_0794aadfb6c0e8a0.txt.html" data-yuan>' in html
    assert "原表：86,412,027 元" not in html
    assert "0.0000</td>" in html and 'title="原表：0 元"' not in html        # a zero reads the same in any unit
    # the audit findings of seed 000 are on the page, with both figures
    assert "3300.8" in html and "3300.9" in html and "8,337.50 万元" in html
    # performance targets grouped by level 1, and the projects
    assert "一级指标：履职效能" in html and "整合全市热线资源升级政府热线12345平台" in html
    # projects printed in 元 with 分 (1160000.00) read in 万元 with the decimals the list needs, not six
    assert '<span class="pamount">116.0000 万元</span>' in html and "116.000000" not in html   # the page's four decimals
    assert "<th scope=\"col\">" in html and "<caption" in html
    # the 三公 table under its printed title, and its total in the page's opening lines
    assert '<caption id="three_public-caption">2020 年一般公共预算“三公”经费支出情况表' in html
    assert "“三公”经费 98.0000 万元。" in html


def test_findings_on_the_pages_are_written_in_chinese(site):
    """The audit's findings and the importer's notes are page text: no English sentence among them."""
    findings = []
    for page in sorted(site.glob("departments/*/*/*/index.html")):
        for item in re.findall(r'<li class="finding[^"]*">(.*?)</li>', page.read_text(encoding="utf-8"), re.S):
            text = re.sub(r"<[^>]+>", " ", item)
            # file names stay as they are, and a link to the PDF says what it opens
            findings.append(re.sub(r"[\w.-]+\.(txt|pdf)|打开 PDF", "", text))
    assert len(findings) > 20
    assert [f for f in findings if re.search(r"[A-Za-z]{3,}", f)] == []
    # two wordings of one indicator are not an error: both are quoted, neither is called the right one
    html = read(site, ZZ_PAGE)
    assert "中写作“收入管理规范性”" in html and "应为 收入管理规范性" not in html


def test_chart_json_matches_the_data(site):
    html = read(site, ZZ_PAGE)
    data = re.search(r'<script type="application/json" id="chart-three-public-data">(.*?)</script>', html, re.S)
    spec = json.loads(data.group(1))
    assert dict(zip(spec["labels"], spec["values"])) == {"因公出国（境）费": 0.0, "公务接待费": 8.0,
                                                         "公务用车购置及运行费": 90.0}
    data = re.search(r'id="chart-function-data">(.*?)</script>', html, re.S)
    spec = json.loads(data.group(1))
    assert spec["kind"] == "bars" and spec["labels"][0] == "一般公共服务支出" and spec["values"][0] == 7484.6004
    # the SVG drawn at build time shows the same figures: 0 draws no bar, 90 the longest
    svg = re.search(r'<svg class="bars" id="chart-three-public-svg".*?</svg>', html, re.S).group(0)
    assert re.findall(r'<text x="0" y="\d+">(\S+)</text>(?:<rect[^>]*/>)?<text class="v"[^>]*>([\d.,]+)</text>', svg) \
        == [("因公出国（境）费", "0.0000"), ("公务接待费", "8.0000"), ("公务用车购置及运行费", "90.0000")]
    widths = [int(w) for w in re.findall(r'<rect x="0" y="\d+" width="(\d+)"', svg)]
    assert widths[1] > 10 * widths[0] and ">0.0000</text>" in svg


def test_plotly_is_self_hosted_and_only_on_chart_pages(site):
    bundles = list((site / "assets").glob("plotly.*.min.js"))
    assert len(bundles) == 1 and re.fullmatch(r"plotly\.[0-9a-f]{10}\.min\.js", bundles[0].name)
    # offered on chart pages (fetched only when a reader asks), never loaded by a tag of its own
    assert 'data-plotly="../../../../assets/plotly.' in read(site, ZZ_PAGE)
    assert "plotly." not in read(site, "glossary/index.html")
    assert not re.search(r'<script[^>]+src="[^"]*plotly', read(site, ZZ_PAGE))


def wordings_in_data(term):
    """The distinct wordings of ``term`` in the sample's glossaries (spaces and the final stop aside), each with
    the department-years printing it, in the order of their first use (by year, region, department)."""
    import csv

    folders = sorted((data.parent for data in (ROOT / "data" / "disclosures").glob("*/*/*/glossary.csv")),
                     key=lambda f: (int(f.name[:4]), f.parent.parent.name, f.parent.name))
    wordings: dict[str, list[str]] = {}
    for folder in folders:
        with open(folder / "glossary.csv", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row["term"].strip() == term:
                    wordings.setdefault(re.sub(r"\s+", "", row["definition"]).rstrip("。."), []).append(
                        "/".join(folder.parts[-3:]))
    return list(wordings.items())


def test_glossary_term_shows_each_definition_and_its_documents(site):
    html = read(site, "glossary/caizhengbokuanshouru.html")
    wordings = wordings_in_data("财政拨款收入")
    assert len(wordings) >= 5 and f"{len(wordings)} 种解释" in html
    assert html.count("<h2>解释 ") == len(wordings)
    assert "市级财政当年拨付的资金" in html and "同级财政当年拨付的资金" in html
    variants = html.split("<h2>解释 ")[1:]
    assert "郑州市人民政府办公厅 2020 年部门预算" in html and "济源市行政服务中心 2020 年部门预算" in variants[0]
    assert "上海市普陀区人民政府万里街道办事处 2024 年部门预算" in variants[1] and "本级财政部门取得的财政拨款" in variants[1]
    assert "中共上海市普陀区委社会工作部 2024 年部门决算" in variants[2]          # 决算 terms merge with 预算 terms
    assert "郑州市政务服务办公室 2024 年部门预算" in variants[3]
    assert "上海市普陀区人民政府办公室 2025 年单位预算" in variants[4] and "区级预算主管部门" in variants[4]
    # a term in the narrative links to its page
    assert 'class="term" href="../../../../glossary/' in read(site, ZZ_PAGE)


@pytest.mark.slow
def test_a_term_printed_by_many_documents_lists_the_latest_and_counts_the_rest(tmp_path, monkeypatch):
    """At a province's scale a standard definition is printed by thousands of department-years: the page
    lists the latest few and counts all by region, and points to the glossary's open data for the rest."""
    from generator.site.pages import glossary

    monkeypatch.setattr(glossary, "USES_LISTED", 1)
    out = tmp_path / "out"
    build(ROOT, ROOT / "data", out)
    html = (out / "glossary/caizhengbokuanshouru.html").read_text(encoding="utf-8")
    variants = html.split("<h2>解释 ")[1:]
    first = variants[0]                                  # printed by 郑州 2020 and 济源 2020
    assert "共 2 份文件使用这一解释，按地区：" in first and "全部见开放数据" in first
    assert ">济源市</a> 1 份" in first and ">郑州市</a> 1 份" in first
    assert first.count('<li><a href="') == 1 and "glossary.csv.gz" in first
    wordings = wordings_in_data("财政拨款收入")
    assert len(variants) == len(wordings) and any(len(uses) == 1 for _, uses in wordings)
    for variant, (_, uses) in zip(variants, wordings):
        if len(uses) > 1:                                # counted by region, the latest listed
            assert f"共 {len(uses)} 份文件使用这一解释，按地区：" in variant and variant.count('<li><a href="') == 1
        else:                                            # one document: listed as before
            assert "按地区" not in variant and variant.count('<li><a href="') == 1


def budgets_in_data():
    """The sample's budgets (预算, not 决算: what the comparisons rank), as their disclosure.json."""
    found = [json.loads(f.read_text(encoding="utf-8"))
             for f in sorted((ROOT / "data" / "disclosures").glob("*/*/*/disclosure.json"))]
    return [d for d in found if d["phase"] == "预算"]


@pytest.mark.slow
def test_a_long_comparison_is_a_page_per_region(tmp_path, monkeypatch):
    """Past a few hundred department-years a ranking is a page per region under a page of the regions; the
    region pages together hold every row once, each ranked as the whole is."""
    from generator.site.pages import compare

    monkeypatch.setattr(compare, "ROWS_PER_PAGE", 2)
    out = tmp_path / "out"
    build(ROOT, ROOT / "data", out)
    index = (out / "compare/overview.html").read_text(encoding="utf-8")
    budgets = len(budgets_in_data())
    assert budgets > 2 and f"共 {budgets} 个部门年度，按地区分页排列" in index and 'data-col=' not in index
    links = re.findall(r'<a href="overview/([a-z-]+)\.html">', index)
    assert links and len(links) == len(set(links))
    whole = (out / "open-data/compare/overview.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    rows = []
    for slug in links:
        part = (out / f"compare/overview/{slug}.html").read_text(encoding="utf-8")
        assert '<table class="money sortable" id="compare-table">' in part and "下载 CSV" in part
        rows += re.findall(r'<th scope="row" data-sort="([^"]+)">', part)
    assert sorted(rows) == sorted(line.split(",")[1] for line in whole) and len(rows) == budgets
    zz = (out / "compare/overview/zhengzhou.html").read_text(encoding="utf-8")
    assert re.findall(r'<th scope="row" data-sort="([^"]+)">', zz) == ["郑州市人民政府办公厅", "郑州市政务服务办公室"]
    assert "<h1>支出总量与结构：郑州市</h1>" in zz and ">支出总量与结构</a>" in zz      # its crumbs lead back


def test_comparison_table_order_and_csv(site):
    html = read(site, "compare/overview.html")
    order = re.findall(r'<th scope="row" data-sort="([^"]+)">', html)
    raw = (site / "open-data/compare/overview.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("地区,部门,年度,类别,支出总计（元）")
    rows = [line.split(",") for line in lines[1:]]
    # every budget once, the page and the CSV in the same order: the largest 支出总计 first
    assert sorted(order) == sorted(d["department"] for d in budgets_in_data())
    assert order == [r[1] for r in rows]
    totals = [float(r[4]) for r in rows]
    assert totals == sorted(totals, reverse=True) and len(set(totals)) > 2
    by_department = {(r[1], r[2]): line for r, line in zip(rows, lines[1:])}
    assert len(by_department) == len(rows)          # a department with two years has a row for each
    assert by_department["江苏省人民检察院", "2018"].startswith("江苏省,江苏省人民检察院,2018,部门预算,219553500,139943100,55730000")
    assert by_department["江苏省人民检察院", "2017"].startswith("江苏省,江苏省人民检察院,2017,部门预算,179966800,123234800,55330000")
    assert by_department["上海市普陀区人民政府万里街道办事处", "2024"].startswith(
        "上海市普陀区,上海市普陀区人民政府万里街道办事处,2024,部门预算,156211123,99706020,56505103")
    assert by_department["江苏省政协办公厅", "2018"].startswith("江苏省,江苏省政协办公厅,2018,部门预算,101504800,56781700,33146800")
    assert by_department["上海市普陀区人民政府办公室", "2025"].startswith(
        "上海市普陀区,上海市普陀区人民政府办公室,2025,单位预算,91016775.35,24606775.35,66410000")
    zz = by_department["郑州市人民政府办公厅", "2020"]
    assert zz.startswith("郑州市,郑州市人民政府办公厅,2020,部门预算,86412027,50523527,35888500")
    assert "357074" in zz                             # 人均支出: 86,412,027 元 / 242 人


def test_a_department_with_two_years_compares_them_from_the_tables(site):
    """江苏省人民检察院 2017 and 2018: a table of both years with each change, readable without a script (a
    caption, headers of columns and rows), the trend of both; the 2018 page's cards computed likewise, beside
    what the narrative says, and the 2017 page (no year before it here) without."""
    html = read(site, "departments/jiangsu/renminjianchayuan/index.html")
    assert 'id="chart-trend"' in html
    section = html[html.index('<section aria-labelledby="yoy-budget-h" id="yoy-budget">'):]
    section = section[:section.index("</section>")]
    assert '<caption id="yoy-budget-caption">部门预算逐年比较' in section
    assert ('<th scope="col" class="num"><a href="2017-budget/index.html">2017 年</a></th><th scope="col" class="num">'
            '<a href="2018-budget/index.html">2018 年</a></th><th scope="col" class="num">2018 年较上年</th>') in section
    rows = {m[0]: re.findall(r'<td class="num(?: change)?">([^<]*)</td>', m[1])
            for m in re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', section)}
    assert rows["支出总计"] == ["17,996.68", "21,955.35", "增加 3,958.67 万元（+22.00%）"]
    assert rows["“三公”经费"] == ["584.35", "484.30", "减少 100.05 万元（−17.12%）"]
    assert rows["其中：公务用车购置费"] == ["50.00", "—", "—"]           # 2018 prints it blank: nothing derived
    assert rows["住房保障支出"] == ["2,319.16", "3,660.38", "增加 1,341.22 万元（+57.83%）"]
    assert '<th scope="rowgroup" colspan="4">按功能分类（类）：据一般公共预算支出表' in section
    assert "支出总计：2018 年 21,955.35 万元，较 2017 年增加 3,958.67 万元，增长 22.00%。" in section
    later = read(site, "departments/jiangsu/renminjianchayuan/2018-budget/index.html")
    assert '<a href="../index.html#yoy-budget">较上年（据表格计算）增加 1,670.83 万元（+13.56%）</a>' in later
    earlier = read(site, "departments/jiangsu/renminjianchayuan/2017-budget/index.html")
    assert "据表格计算" not in earlier and "逐年比较" not in read(site, "departments/jiangsu/zhengxiebangongting/index.html")


@pytest.mark.slow
def test_build_is_deterministic_and_incremental_equals_full(site, tmp_path):
    again = tmp_path / "again"
    build(ROOT, ROOT / "data", again)
    filecmp.clear_cache()
    assert _same_tree(site, again)
    result = build(ROOT, ROOT / "data", again)          # nothing changed: every page reused
    assert result.rendered == 0 and result.reused == result.pages
    assert _same_tree(site, again)
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    g = next((data / "disclosures").glob("jiyuan/*/*/glossary.csv"))
    g.write_text(g.read_text(encoding="utf-8").replace("市级财政当年拨付的资金", "市级财政当年拨付的全部资金"),
                 encoding="utf-8")
    inc = build(ROOT, data, again)
    assert 0 < inc.rendered < inc.pages
    full = tmp_path / "full"
    build(ROOT, data, full)
    filecmp.clear_cache()
    assert _same_tree(full, again)


@pytest.mark.slow
def test_adding_a_disclosure_builds_only_it_and_what_lists_it(tmp_path):
    """Two processes, then one more disclosure: the others are neither loaded nor rendered again (their
    files stay in the previous output), and the result is byte for byte a full serial build."""
    import generator.site.build.units as units

    data = some_data(tmp_path, *FEW)
    site = tmp_path / "site"
    build(ROOT, data, site, use_cache=False)
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = build(ROOT, data, out, jobs=2, cache=cache)
    src = data / "disclosures/luohe/renminzhengfubangongshi/2023-budget"
    dst = data / "disclosures/luohe/renminzhengfubangongshi-2/2023-budget"
    shutil.copytree(src, dst)
    meta = json.loads((dst / "disclosure.json").read_text(encoding="utf-8"))
    meta.update(department="漯河市某局", department_slug="renminzhengfubangongshi-2")
    (dst / "disclosure.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    built = []
    real = units.Units.build
    units.Units.build = lambda self, task: built.append(task[0]) or real(self, task)
    files = {p.relative_to(out): p.stat().st_ino for p in out.rglob("*") if p.is_file()}
    try:
        second = build(ROOT, data, out, jobs=1, cache=cache)
    finally:
        units.Units.build = real
    assert built == ["luohe/renminzhengfubangongshi-2/2023-budget"]
    # a file kept from the previous output is the same file (hard-linked); one written again is a new one: of
    # the files there were, only the site's listings, indexes and downloads of everything are written again,
    # never a page or file of another department or department-year, nor a glossary term's page
    again = {p.as_posix() for p, ino in files.items() if not (out / p).is_file() or (out / p).stat().st_ino != ino}
    listings = ("assets/", "compare/", "regions/", "years/", "pagefind/", "open-data/all/", "open-data/compare/")
    assert {p for p in again if not p.startswith(listings)} <= {
        ".budgetsite-manifest.json", "index.html", "feed.xml", "robots.txt", "search/index.html",
        "glossary/index.html", "open-data/index.html", "open-data/datapackage.json"}
    assert any(p.parts[0] == "departments" for p in files)
    assert any(p.parts[0] == "glossary" and p.name != "index.html" for p in files)
    # of the Parquet files, only the region's are written again: the others are the previous output's
    parquet = {p.as_posix() for p in files if p.suffix == ".parquet" and p.parts[:2] == ("open-data", "all")}
    assert again & parquet == {p for p in parquet if p.endswith("/luohe.parquet")} and len(again & parquet) == 5
    assert second.pages == first.pages + 2                  # its page and its department's
    assert second.rendered < first.rendered / 2
    assert "漯河市某局" in (out / "regions/luohe/index.html").read_text(encoding="utf-8")
    full = tmp_path / "full"
    build(ROOT, data, full, use_cache=False)
    filecmp.clear_cache()
    assert _same_tree(full, out)
    # and taken away again: its page, files and folders go, and the result is again a full build's; the
    # sizes of what stays come from the listing the last build left
    shutil.rmtree(dst.parent)
    third = build(ROOT, data, out, cache=cache)
    files = [p for p in out.rglob("*") if p.is_file()]
    assert (third.files, third.bytes) == (len(files), sum(p.stat().st_size for p in files))
    assert not (out / "departments/luohe/renminzhengfubangongshi-2").exists()
    assert not (out / "open-data/files/luohe/renminzhengfubangongshi-2").exists()
    filecmp.clear_cache()
    assert _same_tree(site, out)                      # the data is the sample's again: so is the site
    # an output changed by hand since (its manifest is not the one listed) is walked instead
    stray = out / "departments/luohe/stray.html"
    stray.write_text("x", encoding="utf-8")
    manifest = out / ".budgetsite-manifest.json"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"files"', '"files" ', 1), encoding="utf-8")
    g = next((data / "disclosures").glob("jiyuan/*/*/glossary.csv"))
    g.write_text(g.read_text(encoding="utf-8").replace("。", "。 ", 1), encoding="utf-8")
    build(ROOT, data, out, cache=cache)
    shutil.rmtree(full)
    build(ROOT, data, full, use_cache=False)
    filecmp.clear_cache()
    assert not stray.exists() and _same_tree(full, out)


@pytest.mark.slow
def test_a_page_is_built_again_when_the_year_before_it_comes_or_changes(tmp_path):
    """A department-year's page shows its change against the year before, so it reads that year's folder
    too: adding that year, or changing it, builds the page again, and the result is byte for byte a full
    build's."""
    import generator.site.build.units as units

    data = some_data(tmp_path, *FEW)
    earlier = data / "disclosures/jiangsu/renminjianchayuan/2017-budget"
    aside = tmp_path / "2017-budget"
    shutil.move(earlier, aside)
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(ROOT, data, out, cache=cache)
    page = out / "departments/jiangsu/renminjianchayuan/2018-budget/index.html"
    assert "据表格计算" not in page.read_text(encoding="utf-8")
    built = []
    real = units.Units.build
    units.Units.build = lambda self, task: built.append(task[0]) or real(self, task)
    try:
        shutil.move(aside, earlier)
        build(ROOT, data, out, cache=cache)
        assert sorted(built) == ["jiangsu/renminjianchayuan/2017-budget", "jiangsu/renminjianchayuan/2018-budget"]
        assert "较上年（据表格计算）增加 3,958.67 万元（+22.00%）" in page.read_text(encoding="utf-8")
        full = tmp_path / "full"
        build(ROOT, data, full, use_cache=False)
        filecmp.clear_cache()
        assert _same_tree(full, out)
        # 支出总计 of the year before as 18,000.00 万元: the year after tells its change from it
        money = earlier / "money.csv"
        text = money.read_text(encoding="utf-8")
        money.write_text(text.replace(",179966800,", ",180000000,"), encoding="utf-8")
        built.clear()
        build(ROOT, data, out, cache=cache)
        assert sorted(built) == ["jiangsu/renminjianchayuan/2017-budget", "jiangsu/renminjianchayuan/2018-budget"]
    finally:
        units.Units.build = real
    assert "较上年（据表格计算）增加 3,955.35 万元（+21.97%）" in page.read_text(encoding="utf-8")
    shutil.rmtree(full)
    build(ROOT, data, full, use_cache=False)
    filecmp.clear_cache()
    assert _same_tree(full, out)


@pytest.mark.slow
def test_failed_build_leaves_the_previous_output(site, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(site, out)
    broken = tmp_path / "site"
    shutil.copytree(ROOT / "content", broken / "content")
    (broken / "templates").mkdir()
    (broken / "templates" / "term.html").write_text("{% extends 'base.html' %}{% block main %}{{ term.term ", encoding="utf-8")
    with pytest.raises(BudgetsiteError, match="term.html"):
        build(broken, ROOT / "data", out)
    filecmp.clear_cache()
    assert _same_tree(site, out)
    assert not list(tmp_path.glob(".out.*"))              # the temporary folder is gone


@pytest.mark.slow
def test_cli_build_reports_errors_without_traceback(tmp_path):
    (tmp_path / "site.yaml").write_text("title: 测试\ncolour: blue\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "generator", "build", "--site", str(tmp_path), "--data",
                        str(ROOT / "data"), "--out", str(tmp_path / "out")], capture_output=True, text=True)
    assert r.returncode == 1 and "unknown key 'colour'" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_template_override(tmp_path):
    own = tmp_path / "site"
    (own / "templates").mkdir(parents=True)
    (own / "templates" / "footer.html").write_text("<p>自定义页脚 OVERRIDE</p>", encoding="utf-8")
    out = tmp_path / "out"
    build(own, some_data(tmp_path, *FEW), out)
    assert "自定义页脚 OVERRIDE" in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("raw, message", [
    ({"title": 3}, "'title' must be a str"),
    ({"regions": "郑州市"}, "'regions' must be a list"),
    ({"labels": {"hoem": "x"}}, "labels.hoem"),
    ({"base_url": "example.org"}, "'base_url' must start with http"),
    ({"unknown": 1}, "unknown key 'unknown'"),
])
def test_config_errors_name_the_key(raw, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        parse_config(raw)


def test_every_setting_is_documented():
    from generator.site.shared.config import DEFAULT_LABELS, _TYPES

    doc = (ROOT / "docs" / "site-config.md").read_text(encoding="utf-8")
    for key in list(_TYPES) + [f"labels.{k}" for k in DEFAULT_LABELS]:
        assert f"`{key}`" in doc, key


@pytest.mark.slow
def test_base_url_gives_canonical_links_and_relative_navigation(tmp_path):
    out = tmp_path / "out"
    build(ROOT, some_data(tmp_path, *FEW), out, base_url="https://example.org/budget/")
    html = (out / ZW_PAGE).read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="https://example.org/budget/{ZW_PAGE[:-len("index.html")]}">' in html
    assert 'href="../../../../index.html"' in html


@pytest.mark.slow
def test_hostile_text_is_never_live_html(tmp_path):
    src = (SOURCES / "002_6135dd0a992c02e5.txt").read_text(encoding="utf-8")
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    src = src.replace("郑州市政务服务办公室 2024 年收入总计", f"{payload}郑州市政务服务办公室 2024 年收入总计", 1)
    src = re.sub(r"(一般公共服务\t)", lambda m: "<b onclick=alert(2)>一般公共服务</b>\t", src, count=1)
    src = src.replace("财政拨款收入：", f"财政拨款收入：{payload}", 1)
    doc = tmp_path / "002_hostile.txt"
    doc.write_text(src, encoding="utf-8")
    data = tmp_path / "data"
    r = subprocess.run([sys.executable, "-m", "generator", "import", str(doc), "--data", str(data)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert src.count("onerror") == 2 and "onclick" in src
    out = tmp_path / "out"
    build(ROOT, data, out)
    page = (out / ZW_PAGE).read_text(encoding="utf-8")
    assert "alert(" in page and "alert(" in (out / "glossary/caizhengbokuanshouru.html").read_text(encoding="utf-8")
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "onerror=" not in html.replace("onerror=alert(1)&gt;", "")
        assert "<img" not in html and "onclick" not in html.replace("onclick=alert(2)&gt;", "")


@pytest.mark.slow
def test_parallel_build_equals_serial(site, tmp_path):
    out = tmp_path / "parallel"
    result = build(ROOT, ROOT / "data", out, jobs=2)
    assert result.rendered == result.pages
    filecmp.clear_cache()
    assert _same_tree(site, out)


@pytest.mark.slow
def test_serve_previews_on_loopback(tmp_path):
    import socket
    import time
    import urllib.request

    data = some_data(tmp_path, *FEW[:2])        # what it previews: the number of disclosures adds nothing
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--site", str(ROOT), "--data", str(data),
                             "--out", str(tmp_path / "out"), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)
    try:
        deadline = time.time() + 60
        body = ""
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=2) as r:
                    body = r.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.1)
        assert "部门预算公开" in body
        assert f'<script src="/livereload.js?port={port}"></script>' in body    # the reload script, as a file:
        assert "<script>" not in body and '<script type="text/javascript">' not in body   # the policy refuses inline
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/livereload.js?port={port}", timeout=5) as r:
            assert b"LiveReload" in r.read()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.slow
def test_every_page_is_valid_html(site):
    import html5lib

    def errors(text: str) -> list:
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        try:
            parser.parse(text)
        except html5lib.html5parser.ParseError as exc:
            return [str(exc)]
        return []

    assert errors("<!doctype html><html lang=zh><title>x</title><p><table><tr><td>1</p></table>")  # the check bites
    assert errors("<html><title>x</title></html>")                                                   # no doctype
    bad = {p.relative_to(site).as_posix(): errors(p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))}
    assert len(bad) > 40
    assert {k: v for k, v in bad.items() if v} == {}


@pytest.mark.slow
def test_yaml_is_loaded_safely(tmp_path):
    marker = tmp_path / "pwned"
    (tmp_path / "site.yaml").write_text(f'title: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    from generator.site.shared.config import load_config

    with pytest.raises(ConfigError):
        load_config(tmp_path)
    assert not marker.exists()
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "registry.yaml").write_text(f'regions: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "generator", "check", "--data", str(data)], capture_output=True, text=True)
    assert r.returncode == 1 and not marker.exists() and "Traceback" not in r.stderr


@pytest.mark.slow
def test_department_with_two_years_gets_a_trend_chart(second_year):
    _, out = second_year
    html = (out / "departments/luohe/renminzhengfubangongshi/index.html").read_text(encoding="utf-8")
    spec = json.loads(re.search(r'id="chart-trend-data">(.*?)</script>', html, re.S).group(1))
    assert (spec["kind"], spec["labels"], spec["values"]) == ("trend", ["2023", "2024"], [4596.71, 5000.0])
    assert "2023 年至 2024 年，支出总计由 4,596.71 万元变为 5,000.00 万元（增加 403.29 万元）" in html
    assert "plotly." in html
    # its table gives each year's figure, and no share: a year is no part of the last one
    trend = re.search(r'<figure class="chart" id="chart-trend">.*?</figure>', html, re.S).group(0)
    assert "<td class=\"num\">4,596.71</td>" in trend and "占比" not in trend


@pytest.mark.slow
def test_serve_rebuilds_when_an_input_changes(tmp_path):
    import socket
    import time
    import urllib.request

    site_dir = tmp_path / "site"
    shutil.copytree(ROOT / "content", site_dir / "content")
    shutil.copy(ROOT / "site.yaml", site_dir / "site.yaml")
    data = some_data(tmp_path, *FEW[:2])        # what it rebuilds from: the number of disclosures adds nothing
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--site", str(site_dir), "--data",
                             str(data), "--out", str(tmp_path / "out"), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)

    def fetch(path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=2) as r:
            return r.read().decode("utf-8")

    def wait_for(predicate, seconds=60):
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                if predicate():
                    return True
            except OSError:
                pass
            time.sleep(0.1)
        return False

    try:
        assert wait_for(lambda: "关于本站" in fetch("about/index.html"))
        about = site_dir / "content" / "about.md"
        about.write_text(about.read_text(encoding="utf-8").replace("# 关于本站", "# 关于这个网站"), encoding="utf-8")
        assert wait_for(lambda: "关于这个网站" in fetch("about/index.html"))
        (site_dir / "site.yaml").write_text("title: 改过的标题\n", encoding="utf-8")
        assert wait_for(lambda: "改过的标题" in fetch("index.html"))
        (site_dir / "site.yaml").write_text("title: [broken\n", encoding="utf-8")    # a failed rebuild
        assert wait_for(lambda: '<div class="budgetsite-preview-error"' in fetch("index.html"))  # tried: failed
        assert "改过的标题" in fetch("index.html")                               # the last good preview stays
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.slow
def test_department_page_shows_aliases_and_predecessors(tmp_path):
    data = some_data(tmp_path, *FEW)
    reg = data / "registry.yaml"
    text = reg.read_text(encoding="utf-8")
    old = "- name: 郑州市政务服务办公室\n  region: 郑州市\n  slug: zhengwufuwubangongshi\n  aliases: []\n  predecessors: []"
    assert old in text
    reg.write_text(text.replace(old, old.replace("aliases: []", "aliases: [郑州市政务服务中心]").replace(
        "predecessors: []", "predecessors: [郑州市人民政府办公厅, 郑州市行政审批办]")), encoding="utf-8")
    out = tmp_path / "out"
    build(ROOT, data, out)
    html = (out / "departments/zhengzhou/zhengwufuwubangongshi/index.html").read_text(encoding="utf-8")
    assert "文件中也称：郑州市政务服务中心" in html
    assert '前身（机构改革前）：<a href="../renminzhengfubangongting/index.html">郑州市人民政府办公厅</a>、郑州市行政审批办' in html


def test_final_accounts_are_ranked_among_final_accounts_only(site):
    overview = (site / "open-data/compare/overview.csv").read_bytes().decode("utf-8-sig")
    assert "部门决算" not in overview                      # a 决算 is never ranked against a 预算
    lines = (site / "open-data/compare/execution.csv").read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0] == "地区,部门,年度,类别,执行率,全年预算（元）,支出决算（元）"
    # as its narrative states it: 全年预算 321.02 万元, 支出决算 307.82 万元
    assert lines[1:] == ["上海市普陀区,中共上海市普陀区委社会工作部,2024,部门决算,0.9589,3210200,3078200"]


def test_meetings_and_training_are_shown_beside_three_public_never_in_it(site):
    html = read(site, "departments/jiangsu/zhengxiebangongting/2018-budget/index.html")
    cards = html[html.index('<dl class="cards">'):html.index("</dl>")]
    assert "会议费" in cards and "884.16" in cards and "培训费" in cards and "97.60" in cards
    assert "675.10" in cards and "不属于“三公”经费" in cards


def test_search_reads_a_disclosures_words_not_its_figures(site):
    from generator.site.model.views import view
    from generator.site.build.assets import collect_assets
    from generator.site.build.units import search_stub
    from generator.site.pages.render import Renderer, environment
    from generator.store.read import load_disclosure

    v = view(load_disclosure(ROOT / "data/disclosures/zhengzhou/renminzhengfubangongting/2020-budget"))
    stub = search_stub(v, Renderer(environment(ROOT), collect_assets(ROOT).urls)).decode("utf-8")
    assert '<h1 data-pagefind-weight="10">郑州市人民政府办公厅 2020 年部门预算</h1>' in stub and "data-pagefind-body" in stub
    # each table's names as a sentence after its title, weighing more than the narrative
    assert "2020年部门支出总体情况表：" in stub and '<div data-pagefind-weight="2">' in stub
    # the narrative, table titles and row labels, projects, indicators and the glossary
    assert "驻外办事处经费" in stub and "一般公共服务支出" in stub and "总体工作完成率" in stub
    assert "财政拨款收入" in stub and "部门支出总体情况表" in stub
    # a glossary term's name, but not its definition (the term's page has it)
    assert "财政拨款收入" in stub and "是指市级财政当年拨付的资金" not in stub
    # not the tables' figures (the narrative's own words keep the figures it states)
    assert "86412027" not in stub and "8,641.2027" not in stub and "7,484.6004" not in stub
    assert len(stub.encode("utf-8")) < 0.3 * (site / ZZ_PAGE).stat().st_size


@pytest.mark.slow
def test_the_search_index_is_in_parts_and_a_rebuild_indexes_only_the_parts_that_changed(tmp_path, monkeypatch):
    from generator.site.build import search

    monkeypatch.setattr(search, "UNITS_PER_SHARD", 3)
    data = some_data(tmp_path, *FEW)
    out = tmp_path / "out"
    build(ROOT, data, out, cache=tmp_path / "cache")
    folders = sorted(str(f.relative_to(data / "disclosures")) for f in (data / "disclosures").glob("*/*/*"))
    count = 1 << (-(-len(folders) // 3) - 1).bit_length()             # e.g. 9 by 3: 3 parts, as 4 (a power of 2)
    used = sorted({search.shard_of(f, count) for f in folders})
    assert len(folders) > 3 and len(used) > 1
    parts = sorted(p.name for p in (out / "pagefind").iterdir())
    assert parts == used + ["site"]                 # a part no department falls in is not made (nor merged)
    page = (out / "search/index.html").read_text(encoding="utf-8")
    assert 'data-pagefind-root="../pagefind/site/pagefind.js"' in page
    assert 'data-pagefind-merge="' + " ".join(f"../pagefind/{p}/" for p in used) + '"' in page
    for p in parts:                 # each part as the search page uses it, without Pagefind's own interfaces
        kept = {f.name for f in (out / "pagefind" / p).iterdir()}
        assert {"pagefind.js", "pagefind-entry.json", "wasm.unknown.pagefind", "index", "fragment"} <= kept
        assert not kept & set(search.UNUSED) and "pagefind-ui.js" in search.UNUSED
    before = {p: (out / "pagefind" / p / "pagefind-entry.json").stat().st_ino for p in parts}
    folder = "zhengzhou/zhengwufuwubangongshi/2024-budget"
    g = data / "disclosures" / folder / "glossary.csv"
    g.write_text(g.read_text(encoding="utf-8").replace("。", "。 ", 1), encoding="utf-8")
    build(ROOT, data, out, cache=tmp_path / "cache")
    after = {p: (out / "pagefind" / p / "pagefind-entry.json").stat().st_ino for p in parts}
    changed = {p for p in parts if before[p] != after[p]}
    assert changed == {search.shard_of(folder, count), "site"}   # its part, and the glossary's pages


def test_the_number_of_search_parts_changes_only_when_the_site_doubles():
    """A department's part depends on the number of parts: in powers of two, one more department-year does
    not move every department to another part (10,000 and one had re-indexed all of them)."""
    from generator.site.build.search import UNITS_PER_SHARD, shard_names, shard_of

    counts = [len(shard_names(n)) - 1 for n in (1, UNITS_PER_SHARD, UNITS_PER_SHARD + 1, 10_000, 10_001, 12_800,
                                                 12_801)]
    assert counts == [1, 1, 2, 32, 32, 32, 64]
    # doubling splits each part in two: a department goes to one of the two halves of its part
    for folder in ("zhengzhou/a/2024-budget", "luohe/b/2023-budget", "jiangsu/c/2018-budget"):
        before, after = int(shard_of(folder, 32)[5:]), int(shard_of(folder, 64)[5:])
        assert after % 32 == before


@pytest.mark.slow
def test_a_unit_whose_cached_files_are_gone_is_built_again(tmp_path):
    """The cache is looked up in one listing of its files: a unit whose search page was removed from it is
    built again when the build reads the cache (here, after another disclosure changed)."""
    import generator.site.build.units as units

    data, out, cache = some_data(tmp_path, *FEW), tmp_path / "out", tmp_path / "cache"
    build(ROOT, data, out, cache=cache)
    keys = json.loads((out / ".budgetsite-manifest.json").read_text(encoding="utf-8"))["units"]
    lost = "zhengzhou/renminzhengfubangongting/2020-budget"
    (cache / "build" / "units" / keys[lost][:2] / f"{keys[lost]}.search.html").unlink()
    changed = next((data / "disclosures").glob("jiyuan/*/*"))
    g = changed / "glossary.csv"
    g.write_text(g.read_text(encoding="utf-8").replace("市级财政当年拨付的资金", "市级财政当年拨付的全部资金"),
                 encoding="utf-8")
    built = []
    real = units.Units.build
    units.Units.build = lambda self, task: built.append(task[0]) or real(self, task)
    try:
        build(ROOT, data, out, jobs=1, cache=cache)
    finally:
        units.Units.build = real
    assert sorted(built) == sorted([lost, changed.relative_to(data / "disclosures").as_posix()])
    assert (cache / "build" / "units" / keys[lost][:2] / f"{keys[lost]}.search.html").is_file()


@pytest.mark.slow
def test_a_rebuild_never_writes_through_to_the_previous_output(tmp_path, monkeypatch):
    """A rebuild must replace the previous output's files, never write into them: a reader's server may hold
    them (here, as more hard links), and a failed build must leave them as they were."""
    from generator.site.build import search

    data = some_data(tmp_path, *FEW)
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(ROOT, data, out, cache=cache)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    watch = tmp_path / "watch"                     # more links to the same files, as a reader's server holds them
    subprocess.run(["cp", "-al", str(out), str(watch)], check=True)
    g = next((data / "disclosures").glob("jiyuan/*/*/glossary.csv"))
    g.write_text(g.read_text(encoding="utf-8").replace("市级财政当年拨付的资金", "市级财政当年拨付的全部资金"),
                 encoding="utf-8")
    m = next((data / "disclosures").glob("luohe/*/*/money.csv"))
    m.write_text(m.read_text(encoding="utf-8").replace(",45967100,", ",45967200,", 1), encoding="utf-8")

    def fail(*args, **kwargs):
        raise RuntimeError("the indexer stopped")

    monkeypatch.setattr(search, "index_search", fail)
    with pytest.raises(RuntimeError):
        build(ROOT, data, out, cache=cache)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before      # the old site, intact
    monkeypatch.undo()
    result = build(ROOT, data, out, cache=cache)
    assert 0 < result.rendered < result.pages
    assert {out / p.relative_to(watch): p.read_bytes() for p in watch.rglob("*") if p.is_file()} == before
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} != before


def test_every_income_chart_adds_up_to_the_income_its_summary_states():
    """Sources are counted once: a part of a line (1.一般公共预算 under 一、财政拨款) and a 小计 are not
    sources of their own (they had made 江苏 and 万里街道 show twice their income)."""
    from generator.core.vocabulary import Kind
    from generator.site.model.charts import income_sources
    from generator.store.read import load_all

    checked, disclosures = 0, load_all(ROOT / "data")
    for d in disclosures:
        chart, summary = income_sources(d), d.table(Kind.SUMMARY)
        if chart is None:
            continue
        stated = [r.amount("income") for r in summary.rows if r.side == "income" and r.kind == "total"]
        carried = sum(r.amount("income") or 0 for r in summary.rows if r.side == "income" and r.kind != "total"
                      and "结转" in r.label and not any(label == r.label for label, _ in chart.rows))
        assert chart.total + carried == stated[-1], (d.department, chart.rows)
        checked += 1
    assert checked == len(disclosures) == len(list((ROOT / "data" / "disclosures").glob("*/*/*/disclosure.json")))


def test_a_glossary_term_opens_with_one_plain_sentence(site):
    from generator.site.pages.glossary import plain_sentence

    assert plain_sentence("指单位为保障机构正常运转发生的支出。包括人员经费和公用经费。") == "指单位为保障机构正常运转发生的支出。"
    assert plain_sentence("指一般公共预算收入") == "指一般公共预算收入。"
    html = read(site, "glossary/sangongjingfei.html")
    lead = re.search(r'<p class="lede plain">([^<]*)</p>', html).group(1)
    assert lead.endswith("。") and lead.count("。") == 1 and "因公出国" in lead
    assert html.index('class="lede plain"') < html.index("<h2>解释 1</h2>")
