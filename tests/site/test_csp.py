"""The Content Security Policy every page carries in its <head>: present once and first, the site's own
features work under it in Chromium (served on 127.0.0.1 and opened from disk) without a reported
violation, and code injected into a page does not run."""

import re
import shutil
from html.parser import HTMLParser

import pytest

from generator.site.pages import csp
from tests.conftest import CHROMIUM
from tests.site.conftest import ARGS, Server
from tests.site.test_browser import PAGES, icon_cancelled


DEPARTMENT_YEAR = PAGES["disclosure-000"]
SEARCHED = "漯河市人民政府办公室"
FOUND = "departments/luohe/renminzhengfubangongshi/index.html"

# every violation the page sees, as a console error that the test collects (Playwright adds this script
# to each document through the browser's protocol, which the page's policy does not govern)
REPORT_VIOLATIONS = ("document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: '"
                     " + e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber), true)")


class Head(HTMLParser):
    """What a page says about its policy: each policy <meta> (whether in <head>, and how many scripts and
    stylesheets came before it), and everything that could run or style inline."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_head = self.in_style = False
        self.loads = 0
        self.policies: list[tuple[bool, int, str]] = []
        self.styles: list[str] = []
        self.inline: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "head":
            self.in_head = True
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append((self.in_head, self.loads, a.get("content") or ""))
        if tag in ("script", "style") or (tag == "link" and "stylesheet" in (a.get("rel") or "").split()):
            self.loads += 1
        if tag == "script" and not a.get("src") and a.get("type") != "application/json":
            self.inline.append("inline script")
        if tag == "style":
            self.in_style = True
            self.styles.append("")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.inline.append(f"<{tag} {name}>")
            if name in ("href", "src", "action") and re.match(r"\s*javascript:", value or "", re.I):
                self.inline.append(f"<{tag} {name}={value}>")

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.styles[-1] += data


def read(page) -> Head:
    parser = Head()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser


def test_every_page_carries_the_policy_once_before_any_script_or_stylesheet(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        head = read(page)
        assert len(head.policies) == 1, page
        in_head, loads_before, content = head.policies[0]
        assert in_head and loads_before == 0, page
        # the policy of csp.py, and for a page with a stylesheet of its own (the 404 page), that stylesheet's hash
        assert content == csp.policy(*head.styles), page
    assert read(site / "404.html").styles != []
    policy = csp.policy()
    for directive in ("default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'",
                      "img-src 'self' data:", "object-src 'none'", "base-uri 'none'", "form-action 'self'"):
        assert directive + ";" in policy + ";"
    assert "unsafe-inline" not in policy and "'unsafe-eval'" not in policy and "frame-ancestors" not in policy


def test_no_page_has_inline_script_handlers_or_style_attributes(site):
    inline = {page.relative_to(site).as_posix(): read(page).inline for page in sorted(site.rglob("*.html"))}
    assert {path: found for path, found in inline.items() if found} == {}


def test_a_stylesheets_hash_is_what_the_browser_reads():
    assert csp.style_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    assert csp.style_hash("a{}\r\nb{}\r") == csp.style_hash("a{}\nb{}\n")


@pytest.fixture(scope="module")
def browsers(playwright, browser):
    """Chromium as a reader has it (the run's own), and Chromium that lets a page opened from disk read the
    files beside it: by default it refuses, whatever the policy, so that search from disk is tried with the
    second."""
    disk = playwright.chromium.launch(executable_path=CHROMIUM, args=[*ARGS, "--allow-file-access-from-files"])
    yield browser, disk
    disk.close()


@pytest.fixture(scope="module")
def served(server):
    return server.url


class Reports:
    """A page's console errors (each violation among them), uncaught exceptions and failed requests."""

    def __init__(self, page):
        self.problems: list[str] = []
        page.add_init_script(REPORT_VIOLATIONS)
        page.on("console", lambda m: self.problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.problems.append(f"exception: {e}"))
        page.on("requestfailed",
                lambda r: None if icon_cancelled(r) else self.problems.append(f"failed: {r.url} {r.failure}"))
        page.on("response", lambda r: self.problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)

    def violations(self) -> list[str]:
        return [p for p in self.problems if p.startswith("CSP violation: ")]


def search_results(page) -> list[str]:
    # waits through a locator, not a string predicate: the policy refuses to evaluate a string as code
    page.locator("[data-search-status]", has_text=re.compile("^找到")).wait_for(timeout=20000)
    return page.eval_on_selector_all("[data-search-results] a", "els => els.map(a => a.href)")


@pytest.mark.browser
@pytest.mark.parametrize("where", ["http", "file"])
def test_the_site_works_under_its_policy(browsers, site, served, where):
    """Over 127.0.0.1 and from disk: the home page, a department-year page whose interactive chart plotly
    draws, and search, which finds a department from the header's search box and from the search page."""
    plain, disk = browsers
    base = served if where == "http" else site.as_uri() + "/"
    page = (plain if where == "http" else disk).new_page()
    reports = Reports(page)
    page.goto(base + PAGES["home"])
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.classList.contains('js')")          # site.js ran
    page.fill("#site-search-q", SEARCHED)
    page.press("#site-search-q", "Enter")                                              # form-action 'self'
    page.wait_for_url("**/search/index.html?q=*")
    assert base + FOUND in search_results(page)
    page.fill("#search-q", "行政服务中心")
    page.press("#search-q", "Enter")
    assert base + "departments/jiyuan/xingzhengfuwuzhongxin/index.html" in search_results(page)

    page.goto(base + DEPARTMENT_YEAR)
    page.wait_for_load_state("load")
    page.click('button[data-chart-for="chart-function"]')
    page.locator("#chart-function .chart-canvas .main-svg").first.wait_for(state="attached", timeout=20000)
    assert page.locator("#chart-function .chart-svg").is_hidden()
    # plotly's own rules apply (written into its empty <style>): its layers lie on top of each other
    layers = page.evaluate("[...document.querySelectorAll('#chart-function .main-svg')]"
                           ".map(s => [getComputedStyle(s).position, s.getBoundingClientRect().top])")
    assert len(layers) >= 2 and {position for position, _ in layers} == {"absolute"}
    assert len({top for _, top in layers}) == 1
    # plotly's hover label: the pointer over the first bar (plotly's drag layer above it takes the events)
    page.hover("#chart-function .chart-canvas .point", force=True)
    page.locator("#chart-function .hoverlayer .hovertext").wait_for(state="attached")
    assert reports.problems == []
    page.close()


@pytest.mark.browser
def test_search_from_disk_is_refused_by_the_browser_not_by_the_policy(browsers, site):
    """Chromium as a reader has it does not let a page on disk load the index: the page says so, and the
    policy reports nothing."""
    plain, _ = browsers
    page = plain.new_page()
    reports = Reports(page)
    page.goto(site.as_uri() + "/search/index.html?q=" + SEARCHED)
    page.locator("[data-search-status]", has_text="无法加载").wait_for(timeout=20000)
    # said once: the status that it failed, the hint under the list why (the page is on disk)
    assert page.is_visible("[data-disk-hint]") and "磁盘" not in page.text_content("[data-search-status]")
    assert reports.violations() == []
    page.close()


@pytest.mark.browser
def test_the_404_page_keeps_its_own_styles(browsers, served):
    plain, _ = browsers
    page = plain.new_page()
    reports = Reports(page)
    page.goto(served + "404.html")
    # its inline stylesheet applies (by its hash), and its favicon, a data: URL, loads
    assert page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth") != "none"
    assert "Times" not in page.evaluate("getComputedStyle(document.body).fontFamily")
    assert reports.problems == []
    page.close()


INJECTED = ('<script>window.injected = "script";</script>'
            '<button id="injected-click" onclick="window.injected = \'onclick\'">点我</button>'
            '<img id="injected-image" src="data:," onerror="window.injected = \'onerror\'" alt="">')


@pytest.mark.browser
@pytest.mark.parametrize("where", ["http", "file"])
def test_code_injected_into_a_page_does_not_run(browsers, site, tmp_path, where):
    """A copy of a built page with an inline script, an onclick and an onerror added: none runs, each is
    reported, and the page's own script still runs."""
    copy = tmp_path / "site"
    shutil.copytree(site / "assets", copy / "assets")
    html = (site / DEPARTMENT_YEAR).read_text(encoding="utf-8")
    head, body = html.split("<main ", 1)
    (copy / DEPARTMENT_YEAR).parent.mkdir(parents=True)
    (copy / DEPARTMENT_YEAR).write_text(head.replace("</head>", '<script>window.injected = "head";</script></head>')
                                     + INJECTED + "<main " + body, encoding="utf-8")
    server = Server(copy) if where == "http" else None
    try:
        page = browsers[0].new_page()
        reports = Reports(page)
        page.goto((server.url if server else copy.as_uri() + "/") + DEPARTMENT_YEAR)
        page.wait_for_load_state("load")
        page.click("#injected-click")
        assert page.evaluate("document.getElementById('injected-image').complete")     # its error has happened
        assert page.evaluate("typeof window.injected") == "undefined"
        assert page.evaluate("document.documentElement.classList.contains('js')")       # site.js still runs
        page.locator("button[data-chart-for]:visible").first.wait_for()
        directives = [v.split()[2] for v in reports.violations()]
        assert directives.count("script-src-elem") == 2, reports.problems
        assert directives.count("script-src-attr") == 2, reports.problems
        page.close()
    finally:
        if server:
            server.stop()
