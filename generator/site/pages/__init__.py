"""The page map: which pages exist, and the context each one is rendered with.

Each ``Page`` names its output path, its template and the inputs it depends
on; its context is built from the site model only when it is rendered, so
pages can be rendered in any order, in parallel, or skipped when their
inputs have not changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.audit.figures import LABELS
from generator.site import urls
from generator.site.charts import trend
from generator.site.formatting import display_decimals, share, signed_wan, wan
from generator.site.model import COMPARISONS, MONEY_COLUMNS, DisclosureView, SiteModel
from generator.site.sanitize import link_terms, render_markdown
from generator.site.tableview import view


@dataclass
class Page:
    path: str
    template: str
    build: str                 # name of the context builder below
    key: str = ""              # what the builder looks up (a disclosure URL, a term slug …)
    inputs: tuple[str, ...] = field(default_factory=tuple)   # data folders it reads ("*" = everything)
    charts: bool = False


@dataclass
class Content:
    """Hand-written pages from content/ (Markdown), rendered and sanitised."""

    pages: dict[str, tuple[str, str]]       # name -> (title, html)


def load_content(content_dir: Path) -> Content:
    pages = {}
    if content_dir.is_dir():
        for file in sorted(content_dir.glob("*.md")):
            text = file.read_text(encoding="utf-8")
            title = file.stem
            lines = text.split("\n")
            if lines and lines[0].startswith("# "):
                title, text = lines[0][2:].strip(), "\n".join(lines[1:])
            pages[file.stem] = (title, render_markdown(text))
    return Content(pages)


def page_map(model: SiteModel, content: Content) -> list[Page]:
    pages = [Page(urls.home(), "home.html", "home", inputs=("*",)),
             Page("regions/index.html", "region_index.html", "region_index", inputs=("*",)),
             Page("years/index.html", "year_index.html", "year_index", inputs=("*",)),
             Page(urls.compare(), "compare_index.html", "compare_index", inputs=("*",)),
             Page(urls.glossary(), "glossary_index.html", "glossary_index", inputs=("*",)),
             Page(urls.open_data(), "open_data.html", "open_data", inputs=("*",)),
             Page(urls.search(), "search.html", "search", inputs=())]
    for name in COMPARISONS:
        pages.append(Page(urls.compare(name), "compare.html", "compare", key=name, inputs=("*",)))
    for r in model.regions:
        pages.append(Page(r.url, "region.html", "region", key=r.slug, inputs=("*",)))
    for dep in model.departments:
        pages.append(Page(dep.url, "department.html", "department", key=dep.url,
                          inputs=tuple(v.data_rel for v in dep.disclosures), charts=len(dep.disclosures) > 1))
    for y in model.years:
        pages.append(Page(urls.year(y), "year.html", "year", key=str(y), inputs=("*",)))
    for v in model.disclosures:
        # the glossary's terms are linked from the narrative: a new term anywhere can change this page
        pages.append(Page(v.url, "disclosure.html", "disclosure", key=v.url, inputs=(v.data_rel, "glossary"),
                          charts=bool(v.charts)))
    for t in model.glossary:
        pages.append(Page(t.url, "term.html", "term", key=t.slug, inputs=("glossary",)))
    for name, (_, v) in sorted(model.sources.items()):
        pages.append(Page(urls.source_document(name), "source.html", "source", key=name, inputs=(v.data_rel,)))
    for name in sorted(set(content.pages) - {"home"}):
        pages.append(Page(urls.page(name), "page.html", "content", key=name, inputs=("content",)))
    for required in ("about", "methodology"):
        if required not in content.pages:
            pages.append(Page(urls.page(required), "page.html", "content", key=required, inputs=("content",)))
    return pages


# --- context builders --------------------------------------------------------------------------

def _money(yuan: int | None) -> str:
    return wan(yuan, 2)


def home(model: SiteModel, content: Content, page: Page, site) -> dict:
    docs = {s["name"] for v in model.disclosures for s in v.meta["sources"]}
    years = sorted(model.years)
    return {"title": site.title, "newest": model.disclosures[:12],
            "intro": content.pages.get("home", ("", ""))[1],
            "totals": {"documents": len(docs), "disclosures": len(model.disclosures),
                       "departments": len(model.departments), "regions": len(model.regions),
                       "first_year": years[0] if years else "", "last_year": years[-1] if years else ""}}


def region_index(model, content, page, site) -> dict:
    return {"title": site.label("regions"), "regions": model.regions, "section": "regions",
            "crumbs": [(site.label("home"), urls.home()), (site.label("regions"), "")]}


def region(model, content, page, site) -> dict:
    r = next(x for x in model.regions if x.slug == page.key)
    return {"title": r.name, "region": r, "section": "regions",
            "crumbs": [(site.label("home"), urls.home()), (site.label("regions"), "regions/index.html"), (r.name, "")]}


def department(model, content, page, site) -> dict:
    dep = next(d for d in model.departments if d.url == page.key)
    points = [(v.year, v.value("total.expenditure")) for v in dep.disclosures if v.value("total.expenditure") is not None]
    chart = trend(points, "历年支出总计") if len(points) > 1 else None
    return {"title": dep.name, "dep": dep, "trend": chart, "charts": bool(chart), "section": "regions",
            "region_url": urls.region(dep.region_slug),
            "crumbs": [(site.label("home"), urls.home()), (dep.region, urls.region(dep.region_slug)), (dep.name, "")]}


def year_index(model, content, page, site) -> dict:
    return {"title": site.label("years"), "years": list(model.years.items()), "section": "years",
            "crumbs": [(site.label("home"), urls.home()), (site.label("years"), "")]}


def year(model, content, page, site) -> dict:
    y = int(page.key)
    return {"title": f"{y} 年", "year": y, "items": model.years[y], "section": "years",
            "crumbs": [(site.label("home"), urls.home()), (site.label("years"), "years/index.html"), (f"{y} 年", "")]}


def compare_index(model, content, page, site) -> dict:
    items = [(name, label, len(model.comparisons[name])) for name, label in COMPARISONS.items()]
    return {"title": site.label("compare"), "comparisons": items, "section": "compare",
            "crumbs": [(site.label("home"), urls.home()), (site.label("compare"), "")]}


COMPARE_NOTES = {
    "overview": "人均支出 = 支出总计 ÷ 文字说明中公布的在职人数；未公布人数的部门不计算。",
    "three-public": "“三公”经费 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费。",
    "function-mix": "各类（支出功能分类的第一级）占支出总计的比例。",
    "economic-mix": "基本支出中各经济分类所占比例。",
}


def compare_columns(df) -> list[dict]:
    cols = []
    for i, name in enumerate(c for c in df.columns if c != "_url"):
        numeric = name not in ("地区", "部门")
        cols.append({"label": name + ("（万元）" if name in MONEY_COLUMNS else ""), "name": name, "num": numeric,
                     "sort": "descending" if i == 3 else ""})
    return cols


def compare_rows(df, page_path: str) -> list[list[dict]]:
    rows = []
    for rec in df.to_dict("records"):
        row = []
        for name, value in rec.items():
            if name == "_url":
                continue
            missing = value is None or (isinstance(value, float) and value != value)
            if name == "部门":
                row.append({"text": value, "sort": value, "num": False, "href": urls.relative(page_path, rec["_url"])})
            elif missing:
                row.append({"text": "—", "sort": "", "num": True})
            elif name in MONEY_COLUMNS:
                row.append({"text": wan(int(value), 2), "sort": str(int(value)), "num": True})
            elif name in ("年度", "在职人数"):
                row.append({"text": str(int(value)), "sort": str(int(value)), "num": True})
            elif name == "地区":
                row.append({"text": value, "sort": value, "num": False})
            else:
                row.append({"text": share(int(value * 10000), 10000), "sort": str(value), "num": True})
        rows.append(row)
    for row in rows:
        for cell in row:
            cell.setdefault("href", "")
    return rows


def compare(model, content, page, site) -> dict:
    df = model.comparisons[page.key]
    title = COMPARISONS[page.key]
    return {"title": title, "note": COMPARE_NOTES.get(page.key, ""), "columns": compare_columns(df),
            "rows": compare_rows(df, page.path), "csv_url": f"compare/{page.key}.csv", "section": "compare",
            "crumbs": [(site.label("home"), urls.home()), (site.label("compare"), urls.compare()), (title, "")]}


def glossary_index(model, content, page, site) -> dict:
    return {"title": site.label("glossary"), "terms": sorted(model.glossary, key=lambda t: t.term),
            "section": "glossary", "crumbs": [(site.label("home"), urls.home()), (site.label("glossary"), "")]}


def term(model, content, page, site) -> dict:
    t = next(x for x in model.glossary if x.slug == page.key)
    first = t.variants[0].definition
    return {"title": t.term, "term": t, "description": f"{t.term}：{first[:80]}", "section": "glossary",
            "crumbs": [(site.label("home"), urls.home()), (site.label("glossary"), urls.glossary()), (t.term, "")]}


def content_page(model, content, page, site) -> dict:
    title, body = content.pages.get(page.key, (site.label(page.key), "<p>（尚未撰写）</p>"))
    return {"title": title, "body": body, "section": page.key,
            "crumbs": [(site.label("home"), urls.home()), (title, "")]}


def open_data(model, content, page, site) -> dict:
    # filled in by the build, which knows the files it copied and their sizes
    return {"title": site.label("open_data"), "section": "open_data",
            "comparisons": [(n, label, len(model.comparisons[n])) for n, label in COMPARISONS.items()],
            "crumbs": [(site.label("home"), urls.home()), (site.label("open_data"), "")]}


def _group(indicators: list[dict]) -> list[tuple[str, list[tuple[str, list[dict]]]]]:
    out: list[tuple[str, list[tuple[str, list[dict]]]]] = []
    for i in indicators:
        if not out or out[-1][0] != i["level1"]:
            out.append((i["level1"], []))
        groups = out[-1][1]
        if not groups or groups[-1][0] != i["level2"]:
            groups.append((i["level2"], []))
        groups[-1][1].append(i)
    return out


def _by_level1(indicators: list[dict]) -> list[tuple[str, list[dict]]]:
    """Indicators under their level-1 heading, headings in order of first appearance.

    Summary tables print a project's indicators row by row across the
    headings (成本 | 产出 | 效益 | 满意度), so the same heading recurs; a reader
    wants each heading once.
    """
    groups: dict[str, list[dict]] = {}
    for i in indicators:
        groups.setdefault(i["level1"], []).append(i)
    return list(groups.items())


PROJECT_FIELDS = ("项目概况", "立项依据", "项目总目标", "年度绩效目标", "项目实施计划", "资金用途", "开始时间", "结束时间")


def _cards(v: DisclosureView) -> list[dict]:
    total = v.value("total.expenditure")
    cards = []
    change = v.statement("total.change")
    note = f"比上年{signed_wan(change['yuan'])}（据文字说明）" if change else ""
    cards.append({"label": LABELS["total.expenditure"], "value": _money(total), "note": note, "main": True})
    if v.value("total.income") is not None:
        cards.append({"label": LABELS["total.income"], "value": _money(v.value("total.income")), "note": ""})
    for key in ("basic", "project"):
        if v.value(key) is not None:
            cards.append({"label": LABELS[key], "value": _money(v.value(key)),
                          "note": f"占支出总计 {share(v.value(key), total)}" if total else ""})
    if v.value("three_public") is not None:
        parts = [(label, v.value(key)) for key, label in (("three_public.abroad", "出国"),
                                                          ("three_public.reception", "接待"),
                                                          ("three_public.vehicles", "公务用车"))]
        note = "，".join(f"{label} {_money(y)}" for label, y in parts if y is not None)
        change = v.statement("three_public.change")
        if change:
            note += f"；比上年{signed_wan(change['yuan'])}"
        cards.append({"label": LABELS["three_public"], "value": _money(v.value("three_public")), "note": note})
    if v.value("procurement") is not None:
        cards.append({"label": LABELS["procurement"], "value": _money(v.value("procurement")), "note": ""})
    active = v.staff.get("staff.active")
    if active and total:
        cards.append({"label": "人均支出", "value": _money(total // active), "note": f"按在职 {active} 人计（据文字说明）"})
    for c in cards:
        c.setdefault("main", False)
    return cards


def disclosure(model, content, page, site) -> dict:
    v = next(x for x in model.disclosures if x.url == page.key)
    d = v.data
    terms = {t.term: urls.relative(page.path, t.url) for t in model.glossary}
    sections = []
    for s in d.sections:
        html = render_markdown(s["markdown"], shift_headings=1)
        sections.append({"key": s["key"], "html": link_terms(html, terms)})
    tasks_money = any(t["amount"] for t in d.tasks)
    tasks = [{"name": t["name"], "content": t["content"],
              "amount": wan(t["amount_yuan"], 2) if t["amount_yuan"] is not None else "",
              "fiscal": wan(t["fiscal_yuan"], 2) if t["fiscal_yuan"] is not None else ""} for t in d.tasks]
    perf = d.performance or {}
    dept_ind = [i for i in d.indicators if i["scope"] == "department"]
    projects = []
    for p in perf.get("projects", []):
        inds = [i for i in d.indicators if i["scope"] == "project" and i["project"] == p["name"]
                and (not p["code"] or i["project_code"] == p["code"])]
        about = [(k, p["fields"][k]) for k in PROJECT_FIELDS if p["fields"].get(k)]
        if p.get("category"):
            about.insert(0, ("资金用途", p["category"]))
        projects.append({"name": p["name"], "code": p["code"], "unit_code": p["unit_code"],
                         "has_level2": any(i["level2"] for i in inds),
                         "amount": wan(p["amount_yuan"], display_decimals(p["unit"], 2)) if p["amount_yuan"] is not None else "—",
                         "indicators": inds, "groups": _by_level1(inds), "about": about,
                         "document": p["document"], "line": p["line"]})
    table_views = [view(t) for t in d.tables]
    files = {t.id: urls.data_file(v.region_slug, v.department_slug, v.year, v.phase, f"tables/{t.id}")
             for t in table_views}
    total = v.value("total.expenditure")
    lede = f"支出总计 {_money(total)} 万元。" if total is not None else ""
    if v.value("three_public") is not None:
        lede += f"“三公”经费 {_money(v.value('three_public'))} 万元。"
    return {
        "title": f"{v.department} {v.year} 年部门{v.phase}", "v": v, "lede": lede,
        "description": f"{v.department} {v.year} 年部门{v.phase}：{lede}",
        "cards": _cards(v), "charts": v.charts, "sections": sections, "tables": table_views,
        "table_files": files, "performance": bool(perf.get("targets") or d.tasks or dept_ind),
        "targets": perf.get("targets", []), "tasks": tasks, "tasks_money": tasks_money,
        "budget_lines": perf.get("budget", []), "department_indicators": _group(dept_ind),
        "projects": projects, "findings": v.findings, "warnings": len(v.warnings),
        "source_urls": {s["name"]: urls.source_document(s["name"]) for s in v.meta["sources"]},
        "open_data_url": urls.open_data(), "region_url": urls.region(v.region_slug), "section": "regions",
        "crumbs": [(site.label("home"), urls.home()), (v.region, urls.region(v.region_slug)),
                   (v.department, v.department_url), (f"{v.year} 年{v.phase}", "")],
    }


def source(model, content, page, site) -> dict:
    lines, v = model.sources[page.key]
    if lines and lines[-1] == "":
        lines = lines[:-1]
    return {"title": f"原始文件 {page.key}", "name": page.key, "lines": lines, "v": v, "indexed": False,
            "text_url": urls.source_text(page.key), "section": "open_data",
            "sha": next(s["sha256"] for s in v.meta["sources"] if s["name"] == page.key),
            "crumbs": [(site.label("home"), urls.home()), (site.label("open_data"), urls.open_data()), (page.key, "")]}


def search(model, content, page, site) -> dict:
    return {"title": "搜索", "indexed": False, "section": "search",
            "crumbs": [(site.label("home"), urls.home()), ("搜索", "")]}


BUILDERS = {"search": search, "source": source, "home": home, "region_index": region_index, "region": region, "department": department,
            "year_index": year_index, "year": year, "compare_index": compare_index, "compare": compare,
            "glossary_index": glossary_index, "term": term, "content": content_page, "open_data": open_data,
            "disclosure": disclosure}
