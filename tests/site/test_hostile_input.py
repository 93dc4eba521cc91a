"""A department-year whose labels and source file name are hostile: a label that is a spreadsheet formula, a
label that is markup, a source document whose name holds ``#``, ``?``, ``%``, a space and Chinese."""

import csv
import io
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.api import build_site
from generator.store.schema import read_csv_rows
from tests.conftest import ROOT
from tests.site.opendata_files import gz_rows, table_csv

FOLDER = "zhengzhou/renminzhengfubangongting/2020-budget"
PAGE = f"departments/{FOLDER}/index.html"
FILES = f"open-data/files/{FOLDER}"
OLD_NAME = "000_0794aadfb6c0e8a0.txt"
NEW_NAME = "a#b?c%d 预算.txt"
FORMULA = '=HYPERLINK("http://x")'
MARKUP = "<script>alert(1)</script>"
LABELS = {"expenditure,5,": ("专项业务活动", FORMULA),                 # (the row's label, the planted one)
          "expenditure,4,": ("一般行政管理事务（政府办公厅（室）及相关机构事务）", MARKUP)}


def _csv_cell(text: str) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow([text])
    return buf.getvalue()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """One department-year of the sample data, its labels and source name changed, built into a site."""
    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    (data / "sources").mkdir(parents=True)
    shutil.copy(ROOT / "data/registry.yaml", data / "registry.yaml")
    folder = data / "disclosures" / FOLDER
    shutil.copytree(ROOT / "data/disclosures" / FOLDER, folder)
    for name in ("000_0794aadfb6c0e8a0.txt", "001_1bd6e9010bb7a5e7.txt"):
        shutil.copy(ROOT / "data/sources" / name, data / "sources" / name.replace(OLD_NAME, NEW_NAME))
    (folder / "text" / f"{OLD_NAME}.txt").rename(folder / "text" / f"{NEW_NAME}.txt")
    for file in [p for p in folder.rglob("*") if p.is_file()]:
        text = file.read_text(encoding="utf-8")
        if file.suffix == ".csv":
            text = text.replace(OLD_NAME, _csv_cell(NEW_NAME))
        elif file.suffix == ".json":
            text = text.replace(f'"{OLD_NAME}"', f'"{NEW_NAME}"')
        else:
            continue
        if file.name == "rows.csv":
            lines = text.split("\n")
            for start, (old, new) in LABELS.items():
                (i,) = [i for i, line in enumerate(lines) if line.startswith(start)]
                assert lines[i].count(f",{old},") == 1, old
                lines[i] = lines[i].replace(f",{old},", f",{_csv_cell(new)},")
            text = "\n".join(lines)
        file.write_text(text, encoding="utf-8")
    out = root / "out"
    build_site(ROOT, data, out)
    return out


@pytest.mark.slow
def test_a_formula_label_is_inert_in_every_csv_and_the_figures_are_not(hostile):
    _, rows = table_csv(hostile / FILES / "tables/expenditure.csv")
    table = {r["序号"]: r for r in rows}
    assert table["5"]["名称"] == "'" + FORMULA
    assert table["4"]["名称"] == MARKUP                          # text that is no formula is as printed
    assert table["1"]["合计（元）"] == "86412027" and table["5"]["原文行号"] == "276"
    money = gz_rows(hostile / "open-data/all/money.csv.gz")
    planted = [r for r in money if r["table_id"] == "expenditure" and r["row_no"] == "5"]
    assert planted and all(r["label"] == "'" + FORMULA for r in planted)
    figures = [(m["table"], m["row"], m["column"], m["yuan"], m["printed"])
               for m in read_csv_rows(ROOT / "data/disclosures" / FOLDER / "money.csv")]
    assert sorted((r["table_id"], r["row_no"], r["column_key"], r["yuan"], r["printed"]) for r in money) \
        == sorted(figures)
    assert {r["document"] for r in money} == {NEW_NAME}
    # the documents print "=100%" as an indicator's value and "=" as its operator: text, made inert too
    rows = gz_rows(hostile / "open-data/all/indicators.csv.gz")
    assert rows and not [r for r in rows for v in r.values() if v[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_the_workbook_holds_the_formula_label_as_text_never_as_a_formula(hostile):
    """A workbook cell is a formula only when written as one: the planted label and the "=" the documents
    print are text cells, shown as printed (no apostrophe needed), and the figures are numbers."""
    import openpyxl

    book = openpyxl.load_workbook(hostile / FILES / "workbook.xlsx")
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c for c in cells if c.data_type == "f"]
    assert FORMULA in {c.value for c in cells if c.data_type == "s"}
    indicators = book["绩效指标"]
    assert "=100%" in {c.value for c in indicators["H"]} and "=" in {c.value for c in indicators["I"]}   # 指标值, 比较
    assert 86412027 in {c.value for c in cells if c.data_type == "n"}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("href", "data-source"):
            if a.get(key):
                self.links.append(a[key])


def _links(page: Path) -> list[str]:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.links


def test_links_to_a_source_with_any_file_name_reach_it(hostile):
    names = {NEW_NAME, NEW_NAME + ".html"}
    checked = 0
    for page in (PAGE, "open-data/index.html", f"open-data/sources/{NEW_NAME}.html"):
        for link in _links(hostile / page):
            parts = urlsplit(link)
            if unquote(parts.path.rsplit("/", 1)[-1]) not in names:
                continue
            assert not parts.query and parts.fragment in ("", *(f"L{n}" for n in range(1, 2000))), link
            target = (hostile / page).parent / unquote(parts.path)
            assert target.resolve().is_file(), (page, link)
            checked += 1
    assert checked >= 10
    assert (hostile / "open-data/sources" / NEW_NAME).read_bytes() == (ROOT / "data/sources" / OLD_NAME).read_bytes()
    source = (hostile / f"open-data/sources/{NEW_NAME}.html").read_text(encoding="utf-8")
    assert '<li id="L272">' in source


def test_markup_in_a_table_label_is_shown_as_its_text(hostile):
    page = (hostile / PAGE).read_text(encoding="utf-8")
    assert '<th scope="row">&lt;script&gt;alert(1)&lt;/script&gt;</th>' in page
    assert MARKUP not in page and "<script>alert" not in page
