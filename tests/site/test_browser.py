"""The built site in a real browser: Debian's Chromium driven by Playwright, served on 127.0.0.1.

Every page type loads cleanly, charts draw, tables sort, search finds real
Chinese queries, pages work without JavaScript, with a strict Content
Security Policy, by keyboard, at phone width, and pass axe-core.
"""

import functools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SOURCES
from tests.site.conftest import Server

pytestmark = pytest.mark.browser

AXE = ROOT / ".cache" / "axe-core" / "axe.min.js"

# a folder to keep the phone-width screenshots in, for a person to look at (nothing here reads them)
SHOTS = Path(os.environ["BUDGETSITE_SCREENSHOTS"]) if os.environ.get("BUDGETSITE_SCREENSHOTS") else None

PAGES = {
    "home": "index.html",
    "regions": "regions/index.html",
    "region": "regions/zhengzhou/index.html",
    "department": "departments/zhengzhou/renminzhengfubangongting/index.html",
    "department-two-years": "departments/jiangsu/renminjianchayuan/index.html",
    "disclosure-000": "departments/zhengzhou/renminzhengfubangongting/2020-budget/index.html",
    "disclosure-002": "departments/zhengzhou/zhengwufuwubangongshi/2024-budget/index.html",
    "disclosure-003": "departments/jiyuan/xingzhengfuwuzhongxin/2020-budget/index.html",
    "disclosure-004": "departments/luohe/renminzhengfubangongshi/2023-budget/index.html",
    "years": "years/index.html",
    "year": "years/2020/index.html",
    "compare": "compare/index.html",
    "compare-table": "compare/overview.html",
    "glossary": "glossary/index.html",
    "term": "glossary/caizhengbokuanshouru.html",
    "open-data": "open-data/index.html",
    "source": "open-data/sources/000_0794aadfb6c0e8a0.txt.html",
    "about": "about/index.html",
    "methodology": "methodology/index.html",
    "search": "search/index.html?q=三公经费",
    "404": "404.html",
}

# what a host that sends headers adds to the policy every page carries (generator/site/csp.py): a <meta>
# cannot set frame-ancestors, and the browser enforces both
CSP = "frame-ancestors 'none'"


class Watch:
    """Console errors, uncaught exceptions, failed requests and dialogs of one page."""

    def __init__(self, page):
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.problems.append(f"exception: {e}"))
        page.on("requestfailed", self._failed)
        page.on("response", lambda r: self.problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)

        def dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)

    def _failed(self, request) -> None:
        if not icon_cancelled(request):
            self.problems.append(f"failed: {request.url} {request.failure}")


def icon_cancelled(request) -> bool:
    """The browser asks for the icon on its own, after the page's load event: going on to the next page
    cancels that request (ERR_ABORTED), which says nothing of the page (a missing icon is an HTTP 404)."""
    return request.failure == "net::ERR_ABORTED" and "/favicon." in request.url


def settle(page):
    """The page loaded (its scripts, stylesheets and data), and what its script fetches after: the pages
    fetch nothing else on their own but the search index and results (plotly only when asked, which
    ``draw_live`` waits for).  Not "network idle", which waits half a second more on every page."""
    page.wait_for_load_state("load")
    if page.locator("[data-search-results]").count():
        # every wait is a function, not a string: the pages' policy refuses to evaluate a string as code
        page.wait_for_function("() => !document.querySelector('[data-search-status]').textContent.startsWith('正在')")


def draw_live(page, chart_id):
    """Ask for one chart's interactive version; plotly is fetched then, and draws in place of the SVG."""
    page.click(f'button[data-chart-for="{chart_id}"]')
    page.wait_for_selector(f"#{chart_id} .chart-canvas .main-svg", state="attached", timeout=20000)
    assert page.locator(f"#{chart_id} .chart-svg").is_hidden()


def test_every_page_type_loads_cleanly_and_charts_draw(browser, server):
    page = browser.new_page()
    watch = Watch(page)
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    charts = 0
    for name, path in PAGES.items():
        page.goto(server.url + path)
        settle(page)
        assert page.evaluate("document.documentElement.lang") == "zh-CN", name
        # every chart is drawn at build time: an SVG with its title and summary, one per chart figure
        drawn = page.evaluate("[...document.querySelectorAll('figure.chart')].filter(f => "
                              "f.querySelector('svg.bars[role=img] title') && f.querySelector('svg.bars rect')).length")
        assert drawn == page.locator("figure.chart").count(), name
        assert page.locator("button.chart-live:visible").count() == drawn, name
        # each chart has a text alternative: a summary sentence and the table of its figures
        alternatives = page.evaluate("[...document.querySelectorAll('figure.chart')].map(f => "
                                     "[f.querySelector('.summary').textContent.length, f.querySelectorAll('table tbody tr').length])")
        assert all(s > 10 and rows >= 1 for s, rows in alternatives), name
        charts += drawn
    assert charts >= 20
    assert not any("plotly" in url for url in requested)        # no page fetches plotly until asked
    page.goto(server.url + PAGES["disclosure-000"])
    draw_live(page, "chart-function")
    assert any("plotly" in url for url in requested)
    assert page.evaluate("[...document.querySelectorAll('.chart-canvas')].filter(c => c.querySelector('.main-svg'))"
                         ".map(c => c.closest('figure').id)") == ["chart-function"]      # only the chart asked for
    # plotly draws the page's points with the layout the script adds: horizontal bars, largest on top
    drawn = page.evaluate("(() => { const c = document.querySelector('#chart-function .chart-canvas');"
                          " return [c.data[0].type, c.data[0].orientation, c.data[0].y[0], c.data[0].x[0],"
                          " c.layout.yaxis.range[0] > c.layout.yaxis.range[1], c.layout.xaxis.title.text]; })()")
    assert drawn == ["bar", "h", "一般公共服务支出", 7484.6004, True, "万元"]
    assert watch.problems == []
    page.close()


def test_a_departments_trend_draws_as_a_line_over_its_years(browser, second_year):
    _, out = second_year
    served = Server(out)
    try:
        page = browser.new_page()
        watch = Watch(page)
        page.goto(served.url + "departments/luohe/renminzhengfubangongshi/index.html")
        settle(page)
        draw_live(page, "chart-trend")
        drawn = page.evaluate("(() => { const c = document.querySelector('#chart-trend .chart-canvas');"
                              " return [c.data[0].type, c.data[0].mode, c.data[0].x, c.data[0].y,"
                              " c.layout.yaxis.title.text]; })()")
        assert drawn == ["scatter", "lines+markers+text", ["2023", "2024"], [4596.71, 5000], "万元"]
        assert watch.problems == []
        page.close()
    finally:
        served.stop()


@functools.cache
def _budgets() -> list[dict]:
    """The bundled data's budgets as ``summary`` gives them (checked once: the data does not change)."""
    from generator.audit.check import check_data
    from generator.audit.summary import summarise

    return [e for e in summarise(check_data(ROOT / "data"), ROOT / "data") if e["phase"] == "预算"]


def _largest_budget() -> str:
    """The department whose budget's 支出总计 is the largest in the bundled data."""
    from decimal import Decimal

    return max(_budgets(), key=lambda e: Decimal(e["measures"].get("total", "0")))["department"]


def _latest_budget_year() -> int:
    return max(e["year"] for e in _budgets())


def test_sorting_a_comparison_table(browser, server):
    page = browser.new_page()
    page.goto(server.url + "compare/overview.html")
    names = "[...document.querySelectorAll('#compare-table tbody th')].map(t => t.textContent.trim())"
    before = page.evaluate(names)
    assert before[0] == _largest_budget()   # by 支出总计, largest first, without JavaScript
    year = page.locator("#compare-table thead button", has_text="年度")
    year.click()
    years = page.evaluate("[...document.querySelectorAll('#compare-table tbody tr')].map(r => r.cells[2].textContent)")
    assert years == sorted(years, reverse=True) and years[0] == str(_latest_budget_year())
    year.click()
    years = page.evaluate("[...document.querySelectorAll('#compare-table tbody tr')].map(r => r.cells[2].textContent)")
    assert years == sorted(years) and page.get_attribute("#compare-table thead th:nth-child(3)", "aria-sort") == "ascending"
    page.close()


SEARCHES = {
    "三公经费": "glossary/sangongjingfei.html",
    "政务服务": "departments/zhengzhou/zhengwufuwubangongshi/index.html",
    "市长热线": "departments/jiyuan/xingzhengfuwuzhongxin/2020-budget/index.html",
    "12345": "departments/zhengzhou/renminzhengfubangongting/2020-budget/index.html",
    "名词": "glossary/index.html",
    "驻外办事处经费": "departments/zhengzhou/renminzhengfubangongting/2020-budget/index.html",
    "财政拨款收入": "glossary/caizhengbokuanshouru.html",
    "群众满意度": "departments/luohe/renminzhengfubangongshi/2023-budget/index.html",
    "漯河市人民政府办公室": "departments/luohe/renminzhengfubangongshi/index.html",
    "行政服务中心": "departments/jiyuan/xingzhengfuwuzhongxin/index.html",
    "专项资金细化率": "departments/zhengzhou/zhengwufuwubangongshi/2024-budget/index.html",
    "机关运行经费": "glossary/jiguanyunxingjingfei.html",
}


def test_search_finds_real_chinese_queries(browser, server):
    page = browser.new_page()
    watch = Watch(page)
    for query, expected in SEARCHES.items():
        page.goto(server.url + "search/index.html")
        page.fill("#search-q", query)
        page.press("#search-q", "Enter")
        page.wait_for_function("() => document.querySelector('[data-search-status]').textContent.startsWith('找到')",
                               timeout=15000)
        hrefs = page.eval_on_selector_all("[data-search-results] a", "els => els.map(a => a.href)")
        assert server.url + expected in hrefs, (query, hrefs[:5])
        if query == "名词":      # the page named 名词解释 before the pages that merely have such a section
            assert hrefs[0] == server.url + expected, hrefs[:5]
        # the count is of every result found, however many are shown
        status = page.text_content("[data-search-status]")
        shown = page.locator("[data-search-results] li").count()
        found = int(re.match(r"找到 (\d+) 个结果", status).group(1))
        assert found >= shown and (found == shown) == ("显示前" not in status), status
    # the header search box on any page leads to the results
    page.goto(server.url + PAGES["term"])
    page.fill("#site-search-q", "驻外办事处")
    page.press("#site-search-q", "Enter")
    page.wait_for_function("() => document.querySelector('[data-search-status]').textContent.startsWith('找到')")
    assert page.locator("[data-search-results] a").count() >= 1
    assert watch.problems == []
    page.close()


def test_without_javascript_every_table_is_there(browser, server):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    for name in ("disclosure-000", "compare-table", "department"):
        page.goto(server.url + PAGES[name])
        assert page.locator(".chart-canvas .main-svg").count() == 0
        assert page.locator("table").count() >= 1
        assert page.locator("button.chart-live:visible").count() == 0      # nothing offered that cannot work
    page.goto(server.url + PAGES["disclosure-000"])
    assert page.locator("table.chart-table").count() == 5        # each chart's data, as a table
    assert page.locator("figure.chart svg.bars").count() == 5    # and each chart, drawn at build time
    assert page.locator("table.money").count() >= 11
    assert page.locator("text=8,641.2027").count() >= 1
    # a blank printed figure shows a dash (drawn by the stylesheet: the cell itself is empty); a row without
    # a code shows nothing in the code column
    dash = page.evaluate("""() => {
        const shown = td => getComputedStyle(td, '::before').content;
        const figure = [...document.querySelectorAll('table.sheet td:not([class])')].find(td => !td.textContent);
        const code = [...document.querySelectorAll('table.sheet td.code')].find(td => !td.textContent);
        return [figure && shown(figure), code && shown(code)];
    }""")
    assert dash == ['"—"', "none"]
    # each row's source line is there as text
    assert page.locator("#expenditure-r1 td").first.inner_text() == "272"
    assert page.locator("#expenditure-r1 td a").count() == 0
    ctx.close()


def test_a_rows_line_links_to_that_line_of_the_source(browser, server):
    """The page's script makes each row's line number a link into the source's text page, from the one
    address the table names."""
    page = browser.new_page()
    watch = Watch(page)
    page.goto(server.url + PAGES["disclosure-000"])
    settle(page)
    rows = page.evaluate("[...document.querySelectorAll('table.sheet[data-source] tbody tr')]"
                         ".map(r => [r.cells[0].textContent, r.cells[0].querySelector('a')?.getAttribute('href')])")
    assert len(rows) > 100
    assert all(href and href.endswith("#L" + line) for line, href in rows)
    page.click("#expenditure-r1 td a")
    page.wait_for_url("**/000_0794aadfb6c0e8a0.txt.html#L272")
    assert "86,412,027" in page.locator("li:target").inner_text()
    assert watch.problems == []
    page.close()


def test_hovering_a_figure_in_wan_shows_the_yuan_the_document_printed(browser, server):
    """A table printed in whole 元 is shown in 万元; the script gives each figure its 元 on hover, as the
    document printed it, and leaves zeros and the other cells alone."""
    page = browser.new_page()
    watch = Watch(page)
    page.goto(server.url + PAGES["disclosure-000"])
    settle(page)
    cells = page.locator("#general_budget_function-r1 td")
    figure, zero = cells.nth(2), cells.nth(7)          # the line, the code, then 合计 … 资本性支出
    assert (figure.inner_text(), zero.inner_text()) == ("8,641.2027", "0.0000")
    figure.hover()
    assert figure.get_attribute("title") == "原表：86,412,027 元"
    zero.hover()
    cells.nth(0).hover()
    assert zero.get_attribute("title") is None and cells.nth(0).get_attribute("title") is None
    page.locator("#general_budget_function-r3 td").nth(5).hover()           # 20,160 元: a small figure
    assert page.locator("#general_budget_function-r3 td").nth(5).get_attribute("title") == "原表：20,160 元"
    assert watch.problems == []
    page.close()


def test_a_strict_content_security_policy_breaks_nothing(browser, site):
    strict = Server(site, CSP)
    try:
        page = browser.new_page()
        watch = Watch(page)
        page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                             "console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))")
        for name in ("home", "disclosure-000", "compare-table", "search", "404"):
            page.goto(strict.url + PAGES[name])
            settle(page)
            if name == "search":
                assert page.locator("[data-search-results] a").count() >= 1
            if name == "disclosure-000":
                draw_live(page, "chart-three-public")
        assert watch.problems == []
        page.close()
    finally:
        strict.stop()


@pytest.fixture(scope="module")
def axe() -> Path:
    """axe-core, fetched once from the npm registry (pinned version, integrity checked)."""
    if not AXE.is_file():
        import importlib.util

        spec = importlib.util.spec_from_file_location("fetch_axe", ROOT / "scripts" / "fetch_axe.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.fetch(AXE)
    return AXE


def test_axe_finds_no_serious_violation(browser, server, axe):
    # axe goes into each page as an inline script, which the pages' own policy would refuse
    page = browser.new_page(bypass_csp=True)
    failures = {}
    for name, path in PAGES.items():
        page.goto(server.url + path)
        settle(page)
        page.add_script_tag(path=str(axe))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        bad = [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
        if bad:
            failures[name] = bad
    assert failures == {}
    page.close()


def test_keyboard_alone(browser, server):
    page = browser.new_page()
    page.goto(server.url + PAGES["compare-table"])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    box = page.locator(".skip").bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0                       # visible when focused
    page.keyboard.press("Enter")
    # the jump to #main is a navigation of its own: wait for it (on a loaded machine it lands a moment later)
    page.wait_for_function("() => location.hash === '#main'", timeout=5000)
    assert page.url.endswith("#main")
    page.goto(server.url + PAGES["compare-table"])
    reached = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        el = page.evaluate("[document.activeElement.id, document.activeElement.tagName, "
                           "document.activeElement.textContent.trim(), getComputedStyle(document.activeElement).outlineStyle]")
        reached.add(el[0] or el[2])
        assert el[3] != "none", el                               # focus is always visible
        if el[1] == "BUTTON" and el[2] == "年度":
            page.keyboard.press("Enter")
            break
    assert "site-search-q" in reached
    assert page.get_attribute("#compare-table thead th:nth-child(3)", "aria-sort") == "descending"
    page.close()


def test_phone_width(browser, server):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1, has_touch=True)
    page = ctx.new_page()
    small = []
    for name, path in PAGES.items():
        page.goto(server.url + path)
        settle(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{name} scrolls sideways ({width}px)"
        for selector in (".site-header nav a", ".site-search input", ".site-search button", ".toc a",
                         ".sortable th button", ".crumbs a", ".search-row button"):
            for box in page.eval_on_selector_all(selector, "els => els.map(e => e.getBoundingClientRect().height)"):
                if box < 44:
                    small.append((name, selector, box))
        if SHOTS:
            page.screenshot(path=str(SHOTS / f"phone-{name}.png"))
    assert small == []
    # the narrowest phones: still no sideways scrolling
    narrow = browser.new_page(viewport={"width": 360, "height": 740})
    for name, path in PAGES.items():
        narrow.goto(server.url + path)
        settle(narrow)
        assert narrow.evaluate("document.documentElement.scrollWidth") <= 360, name
    narrow.close()
    # a wide table scrolls inside its own box
    page.goto(server.url + PAGES["disclosure-003"])
    scroll = page.evaluate("(() => { const b = document.querySelector('#t-summary .table-scroll');"
                           " return [b.scrollWidth, b.clientWidth, getComputedStyle(b).overflowX]; })()")
    assert scroll[0] > scroll[1] and scroll[2] == "auto"
    ctx.close()


PAYLOADS = [
    '<script>alert("s1")</script>',
    '<img src=x onerror=alert("s2")>',
    '<a href="javascript:alert(\'s3\')">点我</a>',
    '<svg onload=alert("s4")></svg>',
    '[点我](javascript:alert("s5")) ![图](javascript:alert("s6"))',
    '" onmouseover="alert(\'s7\')" x="',
]


def hostile_document() -> str:
    src = (SOURCES / "002_6135dd0a992c02e5.txt").read_text(encoding="utf-8")
    every = "".join(PAYLOADS)
    replacements = [
        ("郑州市政务服务办公室 2024 年收入总计", every + "郑州市政务服务办公室 2024 年收入总计"),   # narrative
        ("是指同级财政当年拨付的资金", "是指同级财政当年拨付的资金" + every),                         # glossary definition
        ("\t行政运行\t", "\t行政运行" + PAYLOADS[1] + PAYLOADS[3] + "\t"),                           # table cell
        ("市政务服务办事大厅运行专项经费\t", "市政务服务办事大厅运行专项经费" + PAYLOADS[2] + "\t"),   # project name
        ("\t≥99%\t", "\t≥99%" + PAYLOADS[0] + "\t"),                                                 # indicator value
        ("部门名称：郑州市政务服务办公室", "部门名称：郑州市../../政务/服务<svg onload=alert(9)>办公室"),  # department
    ]
    for old, new in replacements:
        assert old in src, old
        src = src.replace(old, new, 1)
    return src


def test_hostile_document_runs_nothing(browser, tmp_path):
    from generator.api import build_site as build

    doc = tmp_path / "002_hostile.txt"
    doc.write_text(hostile_document(), encoding="utf-8")
    data, out = tmp_path / "data", tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "generator", "import", str(doc), "--data", str(data)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    build(ROOT, data, out)
    # nothing was written outside the data and output folders but the output's mirror: the same files, linked
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.prev", "002_hostile.txt", "data", "out"]
    mirror = {p.relative_to(tmp_path / ".out.prev"): p.stat().st_ino for p in (tmp_path / ".out.prev").rglob("*")
              if p.is_file() and p.name != ".budgetsite-mirror"}             # its mark: the build made it
    assert mirror == {p.relative_to(out): p.stat().st_ino for p in out.rglob("*") if p.is_file()}
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert all(".." not in p for p in pages)
    srv = Server(out, CSP)
    try:
        page = browser.new_page()
        watch = Watch(page)
        seen_text = False
        for path in pages:
            page.goto(srv.url + path)
            page.wait_for_load_state("load")
            page.hover("body")
            live = page.evaluate("""(() => {
                const bad = [];
                for (const el of document.querySelectorAll('*')) {
                  for (const a of el.attributes) if (a.name.startsWith('on')) bad.push(el.tagName + ' ' + a.name);
                  if (el.tagName === 'SCRIPT' && !el.src && el.type !== 'application/json') bad.push('inline script');
                  if (el.tagName === 'A' && /^\\s*javascript:/i.test(el.getAttribute('href') || '')) bad.push('javascript link');
                  if (el.tagName === 'IMG' || el.tagName === 'IFRAME' || el.tagName === 'OBJECT') bad.push(el.tagName);
                  if (el.tagName.toLowerCase() === 'svg' && !el.closest('.chart-canvas') && !el.closest('.chart-svg') && el.id !== 'js-plotly-tester') bad.push('svg ' + el.outerHTML.slice(0, 80));
                }
                return bad;
            })()""")
            assert live == [], (path, live)
            seen_text = seen_text or "alert(" in page.inner_text("body")
        assert watch.dialogs == []
        assert seen_text                              # the payloads arrived, as text
        page.close()
    finally:
        srv.stop()


def test_the_site_works_from_disk(browser, site):
    page = browser.new_page()
    watch = Watch(page)
    page.goto((site / "index.html").as_uri())
    page.click("text=郑州市人民政府办公厅 2020 年部门预算")
    page.wait_for_url("**/2020-budget/index.html")
    settle(page)
    assert page.url.startswith("file://") and page.url.endswith("2020-budget/index.html")
    assert page.locator("figure.chart svg.bars").count() == 5
    draw_live(page, "chart-income")                               # plotly loads from disk too
    page.click("nav[aria-label='主导航'] >> text=比较")
    assert page.url.endswith("compare/index.html") and page.locator("h1").inner_text() == "比较"
    assert watch.problems == []
    page.close()
