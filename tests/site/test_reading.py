"""Reading a department-year page in a real browser: wide tables say they scroll, row names stay readable,
a link to a project opens it, the interactive chart keeps focus, value labels and a way to save it, and
every note on a row reads in Chinese."""

import re

import pytest

from tests.site.test_browser import PAGES, settle

pytestmark = pytest.mark.browser

CUE = "表格较宽，可左右滑动查看全部列 →"

# each table box on the page: whether it overflows, the cue its caption shows, the narrowest row name's width
# in characters of its own font
TABLES = """() => [...document.querySelectorAll('.table-scroll')].map(box => {
  const cap = box.querySelector('caption');
  const names = [...box.querySelectorAll('tbody th[scope=row]')].map(th =>
      th.getBoundingClientRect().width / parseFloat(getComputedStyle(th).fontSize));
  return {id: box.querySelector('table').id || (cap && cap.textContent.slice(0, 20)),
          over: box.scrollWidth > box.clientWidth + 1,
          cue: cap ? getComputedStyle(cap, '::after').content : 'none',
          shadow: getComputedStyle(box).backgroundImage.includes('radial-gradient'),
          name: names.length ? Math.min(...names) : 99};
})"""


@pytest.mark.parametrize("script", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("width", [390, 1280])
def test_no_figure_column_is_hidden_without_a_cue(browser, server, width, script):
    ctx = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=script)
    page = ctx.new_page()
    for name in ("disclosure-000", "disclosure-003", "compare-table"):
        page.goto(server.url + PAGES[name])
        tables = page.evaluate(TABLES)
        assert tables, name
        # every box shows a shadow at an edge it can scroll to
        assert all(t["shadow"] for t in tables), name
        # and its caption says so, where the script measures it, and on a phone by the table's columns
        hidden = [t["id"] for t in tables if t["over"] and t["cue"] != f'"{CUE}"']
        if script or width == 390:
            assert hidden == [], f"{name} at {width}px: tables that scroll without saying so: {hidden}"
        # with the script the cue is shown only where the table does scroll
        if script:
            assert all(t["over"] for t in tables if t["cue"] != "none"), name
        # a row's name keeps room for eight characters (less the cell's padding on a phone)
        assert min(t["name"] for t in tables) >= 8, name
    ctx.close()


def test_a_link_to_a_project_opens_it(browser, server):
    page = browser.new_page()
    page.goto(server.url + PAGES["disclosure-000"])
    first = page.locator("details.project").first
    anchor = first.get_attribute("id")
    assert anchor and first.get_attribute("open") is None
    page.goto(server.url + PAGES["disclosure-000"] + "#" + anchor)
    page.wait_for_function(f"() => document.getElementById('{anchor}').open")
    page.close()


def test_the_interactive_chart_keeps_focus_labels_and_a_save_button(browser, server):
    page = browser.new_page()
    page.goto(server.url + PAGES["disclosure-000"])
    settle(page)
    page.focus('button[data-chart-for="chart-function"]')
    page.keyboard.press("Enter")
    page.wait_for_selector("#chart-function .chart-canvas .main-svg", state="attached", timeout=20000)
    assert page.evaluate("document.activeElement.id") == "chart-function"
    # value labels as on the static chart, and one button that saves the chart as an image
    assert page.locator("#chart-function .chart-canvas .bartext, #chart-function .chart-canvas .textpoint").count() >= 2
    assert page.locator("#chart-function .modebar-btn[data-title]").count() == 1
    page.close()


@pytest.mark.parametrize("script", [True, False], ids=["js", "no-js"])
def test_a_department_with_two_years_sets_each_figure_against_the_year_before(browser, server, script):
    """江苏省人民检察院 has its 2017 and 2018 部门预算: its page shows the trend and a table of both years, each
    figure of 2018 beside its change against 2017 as the two years' tables give it; a card of the 2018 page
    leads to that table."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=script)
    page = ctx.new_page()
    page.goto(server.url + PAGES["department-two-years"])
    settle(page)
    assert page.locator("#chart-trend").is_visible()
    table = page.get_by_role("table", name=re.compile("^部门预算逐年比较"))
    assert table.locator("thead th").all_inner_texts() == ["项目", "2017 年", "2018 年", "2018 年较上年"]
    total = table.get_by_role("row", name=re.compile("^支出总计"))
    # 21,955.35 less 17,996.68 万元; 3,958.67 over 17,996.68 is 21.996 … %
    assert total.locator("td").all_inner_texts() == ["17,996.68", "21,955.35", "增加 3,958.67 万元（+22.00%）"]
    security = table.get_by_role("row", name=re.compile("^公共安全支出"))
    assert security.locator("td").all_inner_texts() == ["13,641.34", "16,444.36", "增加 2,803.02 万元（+20.55%）"]
    page.goto(server.url + PAGES["department-two-years"].replace("index.html", "2018-budget/index.html"))
    page.get_by_role("link", name="较上年（据表格计算）增加 3,958.67 万元（+22.00%）").first.click()
    page.wait_for_url(re.compile(r"renminjianchayuan/index\.html#yoy-budget$"))
    assert page.get_by_role("table", name=re.compile("^部门预算逐年比较")).is_visible()
    ctx.close()


def test_every_row_note_reads_in_chinese(site):
    notes = []
    for html in (site / "departments").rglob("index.html"):
        notes += re.findall(r'class="flag" title="([^"]*)"', html.read_text(encoding="utf-8"))
    assert notes, "no flagged row in the sample site: this test would prove nothing"
    assert all(re.search(r"[\u4e00-\u9fff]", n) and not re.search(r"[a-z]{4,}", n) for n in notes), notes[:5]


def search(page, server, query):
    page.goto(server.url + "search/index.html?q=" + query)
    page.wait_for_function("() => /^(找到|没有)/.test(document.querySelector('[data-search-status]').textContent)",
                           timeout=20000)
    return [h.removeprefix(server.url) for h in
            page.eval_on_selector_all("[data-search-results] li > a", "els => els.map(a => a.href)")]


def test_search_ranks_departments_and_comparisons_first_and_shows_every_result(browser, server):
    page = browser.new_page()
    # a comparison is found by its subject, first
    assert search(page, server, "支出功能结构")[0] == "compare/function-mix.html"
    assert search(page, server, "三公经费")[0] == "compare/three-public.html"
    # a department's name: its pages before any page of the site that lists it
    found = search(page, server, "郑州市人民政府办公厅")
    site_pages = [i for i, h in enumerate(found) if not h.startswith("departments/")]
    own = [i for i, h in enumerate(found) if h.startswith("departments/zhengzhou/renminzhengfubangongting/")]
    assert len(own) == 2 and max(own) < min(site_pages), found
    # an item's name: department-years that spend on it among the first results (beside the glossary entry
    # whose name holds it), not after the site's pages
    first = search(page, server, "行政运行")[:4]
    assert sum(h.endswith("-budget/index.html") for h in first) >= 2, first
    # every result can be reached: twenty at a time, the rest on request
    first = search(page, server, "三公经费")
    total = int(re.match(r"找到 (\d+) 个结果", page.text_content("[data-search-status]")).group(1))
    assert len(first) == 20 < total and page.is_visible("[data-search-more]")
    while page.locator("[data-search-results] li").count() < total:
        shown = page.locator("[data-search-results] li").count()
        page.click("[data-search-more]")
        page.wait_for_function(f"() => document.querySelectorAll('[data-search-results] li').length > {shown}")
    assert page.locator("[data-search-results] li").count() == total and page.is_hidden("[data-search-more]")
    assert page.text_content("[data-search-status]") == f"找到 {total} 个结果"
    # a department-year's snippet is a sentence of its page (a table's names after its title, or narrative),
    # not a run of table headers
    snippets = page.eval_on_selector_all(
        "[data-search-results] li", "els => els.filter(li => /-budget|-final/.test(li.querySelector('a').href))"
                                    ".map(li => li.querySelector('p').textContent)")
    assert snippets and all(re.search(r"[表][：]|。", s) for s in snippets), snippets[:5]
    # the hint about opening pages from disk is shown from disk only
    assert not page.is_visible("[data-disk-hint]")
    page.close()


def test_a_reader_finds_a_department_by_a_few_characters_year_or_phase(browser, server):
    page = browser.new_page()
    page.goto(server.url + "index.html")
    page.fill("#home-finder-q", "商务")
    page.press("#home-finder-q", "Enter")
    page.wait_for_url("**/regions/index.html?q=*")
    shown = lambda: page.eval_on_selector_all("[data-finder-list] li:not([hidden]) > a", "els => els.map(a => a.textContent)")
    assert sorted(shown()) == ["无锡市商务局", "珠海市商务局"]
    assert page.text_content("[data-finder-status]") == "找到 2 个部门"
    page.fill("#finder-q", "")
    page.select_option("#finder-year", "2018")
    assert sorted(shown()) == ["江苏省人民检察院", "江苏省政协办公厅"]
    page.select_option("#finder-year", "")
    page.select_option("#finder-phase", "决算")
    assert shown() == ["中共上海市普陀区委社会工作部"]
    # a region with none left is hidden whole
    assert page.locator("[data-finder-list] section:not([hidden])").count() == 1
    page.close()


def test_without_javascript_the_finder_is_the_whole_list(browser, server, site):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(server.url + "regions/index.html?q=商务")
    departments = len(list((site / "departments").glob("*/*/index.html")))
    assert page.locator("[data-finder-list] li[data-name]:visible").count() == departments > 10
    assert page.locator("[data-finder]").is_hidden()         # no controls that would do nothing
    ctx.close()


def test_a_comparison_of_money_is_drawn_as_ranked_bars_without_javascript(browser, server):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(server.url + "compare/three-public.html")
    chart = page.locator("#compare-chart svg[role=img]")
    assert chart.count() == 1 and page.locator("#compare-chart svg rect").count() >= 10
    summary = page.text_content("#compare-chart .summary")
    first = page.eval_on_selector("#compare-table tbody tr", "tr => tr.querySelector('th').textContent")
    assert first in summary            # the largest bar is the table's first row (sorted by the same column)
    ctx.close()


def test_a_comparison_whose_first_figure_is_not_money_has_no_bars():
    from generator.site.model.comparisons import Comparison
    from generator.site.pages.compare import ranked_chart

    assert ranked_chart(Comparison("x", "x", ["地区", "部门", "年度", "类别", "在职人数"], [])) is None


def test_a_charts_figures_and_picture_can_be_saved_and_linked(browser, server):
    page = browser.new_page(accept_downloads=True)
    page.goto(server.url + PAGES["disclosure-000"])
    settle(page)
    assert page.locator('#chart-function a[href="#chart-function"]').count() == 1
    with page.expect_download() as got:
        page.click('#chart-function [data-downloads-for] button:text("下载 CSV")')
    text = open(got.value.path(), encoding="utf-8-sig").read()
    lines = text.splitlines()
    assert lines[0] == "项目,金额（万元）,占比" and len(lines) >= 3 and "一般公共服务支出" in text
    with page.expect_download() as got:
        page.click('#chart-function [data-downloads-for] button:text("下载 SVG")')
    svg = open(got.value.path(), encoding="utf-8").read()
    assert svg.startswith("<svg") and 'xmlns="http://www.w3.org/2000/svg"' in svg and "<rect" in svg
    # cited: the site, the page, the chart and its source, with the page's own address (the site has no base_url)
    page.click("#chart-function details.cite summary")
    cite = page.text_content("#chart-function details.cite p")
    assert cite.startswith("引用：部门预算公开，郑州市人民政府办公厅 2020 年部门预算，“按功能分类（类）的支出”，数据来源：")
    assert cite.endswith(page.url.split("#")[0] + "#chart-function")
    assert '<img src="chart-function.svg"' in page.text_content("#chart-function details.cite")
    page.close()


def test_fewer_tab_stops_and_every_box_that_scrolls_is_one(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server.url + PAGES["disclosure-000"])
    settle(page)
    stops = page.evaluate("""() => [...document.querySelectorAll('a[href], button, input, select, [tabindex]')]
        .filter(e => e.tabIndex >= 0 && !e.disabled && !e.closest('[hidden]')).length""")
    # not a stop per row of the tables: a row's line link is for pointers, the table's source link for keys
    assert page.eval_on_selector_all("table.sheet td:first-child a", "as => as.every(a => a.tabIndex === -1)")
    assert page.locator("table.sheet td:first-child a").count() > 100 and stops < 150, stops   # 252 before
    boxes = page.evaluate("""() => [...document.querySelectorAll('.table-scroll')].map(b =>
        [b.scrollWidth > b.clientWidth + 1, b.tabIndex])""")
    assert all(index == 0 for over, index in boxes if over) and any(index == -1 for over, index in boxes if not over)
    page.close()


def test_a_regions_page_finds_its_departments_by_name(browser, server):
    page = browser.new_page()
    page.goto(server.url + "regions/zhengzhou/index.html?q=政务")
    rows = page.eval_on_selector_all("[data-finder-list] tbody tr:not([hidden]) th", "ths => ths.map(t => t.textContent)")
    assert rows == ["郑州市政务服务办公室"] and page.text_content("[data-finder-status]") == "找到 1 个部门"
    page.close()


def test_a_function_class_opens_on_its_kuan_with_their_amounts_and_shares(browser, server):
    # without the script: the classes open as the browser's own disclosure widgets
    ctx = browser.new_context(viewport={"width": 390, "height": 900}, java_script_enabled=False)
    page = ctx.new_page()
    page.goto(server.url + PAGES["disclosure-000"])
    assert page.locator('nav.toc a[href="#drill-function"]').count() == 1
    cls = page.locator("#drill-function details.drill", has=page.locator("summary", has_text="一般公共服务支出"))
    assert "7,484.6004 万元，占总额 86.6%" in cls.locator("summary").inner_text()
    kuan = cls.locator("tr", has=page.get_by_role("rowheader", name="政府办公厅（室）及相关机构事务 20103"))
    assert not kuan.is_visible()
    cls.locator("summary").click()
    assert kuan.is_visible()
    assert kuan.locator("td").all_inner_texts() == ["7,484.6004", "100.0%", "86.6%"]
    assert cls.get_by_role("table", name="一般公共服务支出的款、项 单位：万元").is_visible()
    ctx.close()
