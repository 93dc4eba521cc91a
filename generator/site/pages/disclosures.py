"""The department-year page: headline figures, charts, spending level by level (类 → 款 → 项), narrative,
every table, performance targets, projects, the audit's findings and the documents it came from."""

from __future__ import annotations

from generator.core import vocabulary as V
from generator.core.model import Indicator
from generator.core.money import Yuan
from generator.core.slugs import region_display
from generator.site.shared import urls
from generator.site.model.changes import YearFigures, change_text, compare, year_figures
from generator.site.model.charts import rest_of_spending
from generator.site.model.drilldown import LEVEL_NAMES, Drilldown, Node, drilldowns
from generator.site.model.execution import execution
from generator.site.model.findings import locator, present
from generator.site.shared.formatting import exact_decimals, share, signed_wan, wan
from generator.site.model.views import DisclosureView
from generator.site.pages import Inputs, Page, crumbs
from generator.site.pages.sanitize import link_terms, render_markdown
from generator.site.pages.tableview import view

PROJECT_FIELDS = ("项目概况", "立项依据", "项目总目标", "年度绩效目标", "项目实施计划", "资金用途", "开始时间", "结束时间")


def page_of(v: DisclosureView, previous: str | None = None) -> Page:
    """A disclosure's page reads its own folder (its narrative links the terms of its own 名词解释) and, to
    show its change against the year before, that year's folder ``previous`` when the data has it."""
    return Page(v.url, "disclosure.html", context, key=v.url, inputs=(v.folder,) + ((previous,) if previous else ()),
                charts=bool(v.charts))


def _group(indicators: list[Indicator]) -> list[tuple[str, list[tuple[str, list[Indicator]]]]]:
    """Department indicators under their level-1 and level-2 headings, as printed."""
    out: list[tuple[str, list[tuple[str, list[Indicator]]]]] = []
    for i in indicators:
        if not out or out[-1][0] != i.level1:
            out.append((i.level1, []))
        groups = out[-1][1]
        if not groups or groups[-1][0] != i.level2:
            groups.append((i.level2, []))
        groups[-1][1].append(i)
    return out


def _by_level1(indicators: list[Indicator]) -> list[tuple[str, list[Indicator]]]:
    """Indicators under their level-1 heading, headings in order of first appearance.

    Summary tables print a project's indicators row by row across the
    headings (成本 | 产出 | 效益 | 满意度), so the same heading recurs; a reader
    wants each heading once.
    """
    groups: dict[str, list[Indicator]] = {}
    for i in indicators:
        groups.setdefault(i.level1, []).append(i)
    return list(groups.items())


def _cards(v: DisclosureView, last_year: YearFigures | None = None) -> list[dict]:
    """The headline figures, with the decimals of the page's tables and charts (``v.decimals``); each beside
    its change against ``last_year`` where that year states it too (``_computed``)."""
    def _money(yuan: Yuan | None) -> str:
        return wan(yuan, v.decimals)

    total = v.value(V.TOTAL_EXPENDITURE)
    cards = []
    change = v.statement(V.TOTAL + V.CHANGE)
    note = f"比上年{signed_wan(change.yuan, v.decimals)}（据文字说明）" if change else ""
    cards.append({"label": V.MEASURES[V.TOTAL_EXPENDITURE], "value": _money(total), "note": note, "main": True,
                  "measure": V.TOTAL_EXPENDITURE})
    if v.value(V.TOTAL_INCOME) is not None:
        cards.append({"label": V.MEASURES[V.TOTAL_INCOME], "value": _money(v.value(V.TOTAL_INCOME)), "note": "",
                      "measure": V.TOTAL_INCOME})
    for key in (V.BASIC, V.PROJECT):
        if v.value(key) is not None:
            cards.append({"label": V.MEASURES[key], "value": _money(v.value(key)), "measure": key,
                          "note": f"占支出总计 {share(v.value(key), total)}" if total else ""})
    rest = rest_of_spending(v.data, v.figures)
    if rest is not None:            # the shares above add to 100 % with it
        yuan, columns = rest
        named = "、".join(f"{label} {_money(y)}" for label, y in columns)
        cards.append({"label": "其他支出", "value": _money(yuan),
                      "note": f"占支出总计 {share(yuan, total)}；不属基本支出和项目支出" + (f"：{named}" if named else "")})
    if v.value(V.THREE_PUBLIC) is not None:
        parts = [(p.short, v.value(V.three_public_measure(p.key))) for p in V.three_public_parts()]
        note = "，".join(f"{label} {_money(y)}" for label, y in parts if y is not None)
        change = v.statement(V.THREE_PUBLIC + V.CHANGE)
        if change:
            note += f"；比上年{signed_wan(change.yuan, v.decimals)}"
        cards.append({"label": V.MEASURES[V.THREE_PUBLIC], "value": _money(v.value(V.THREE_PUBLIC)), "note": note,
                      "measure": V.THREE_PUBLIC})
    if v.value(V.PROCUREMENT) is not None:
        cards.append({"label": V.MEASURES[V.PROCUREMENT], "value": _money(v.value(V.PROCUREMENT)), "note": "",
                      "measure": V.PROCUREMENT})
    for key in (V.MEETINGS, V.TRAINING, V.RUNNING_COSTS):      # printed beside “三公”, never a part of it
        if v.value(key) is not None:
            cards.append({"label": V.MEASURES[key], "value": _money(v.value(key)), "note": "不属于“三公”经费",
                          "measure": key})
    active = v.staff.get(V.STAFF_ACTIVE)
    if active and total:
        cards.append({"label": "人均支出", "value": _money(total // active), "note": f"按在职 {active} 人计（据文字说明）"})
    computed = _computed(v, last_year)
    for c in cards:
        c.setdefault("main", False)
        c["computed"] = computed.get(c.get("measure", ""), "")
    return cards


def _computed(v: DisclosureView, last_year: YearFigures | None) -> dict[str, str]:
    """Each headline measure's change against the year before, as the two years' tables give it
    (``model.changes``): ``较上年（据表格计算）增加 … 万元（+22.00%）``; none without a previous year."""
    if last_year is None:
        return {}
    this = year_figures(v.year, v.url, v.figures, v.charts)
    return {c.key: f"较上年（据表格计算）{text}" for c in compare(this, last_year)
            if not c.is_class and (text := change_text(c, v.decimals))}


def _projects(v: DisclosureView) -> list[dict]:
    d = v.data
    out = []
    decimals = exact_decimals((p.amount_yuan for p in d.projects), least=v.decimals)     # the page's, or more
    for p in d.projects:
        inds = [i for i in d.indicators if i.scope == V.IndicatorScope.PROJECT and i.project == p.name
                and (not p.code or i.project_code == p.code)]
        about = [(k, p.fields[k]) for k in PROJECT_FIELDS if p.fields.get(k)]
        if p.category:
            about.insert(0, ("资金用途", p.category))
        out.append({"name": p.name, "code": p.code, "unit_code": p.unit_code,
                    "has_level2": any(i.level2 for i in inds),
                    "amount": wan(p.amount_yuan, decimals),
                    "indicators": inds, "groups": _by_level1(inds), "about": about,
                    "document": p.document, "line": p.line})
    return out


def _drilldown(dd: Drilldown, decimals: int) -> dict:
    """A tree of classes as the page shows it: figures in 万元 with the page's decimals, shares as printed."""
    def node(n: Node) -> dict:
        return {"code": n.code, "name": n.name, "level": n.level, "amount": wan(n.yuan, decimals),
                "of_parent": n.of_parent, "of_total": n.of_total, "summed": not n.printed,
                "children_sum": None if n.children_sum is None else wan(n.children_sum, decimals),
                "children": [node(k) for k in n.children]}
    economic = dd.scheme != V.Scheme.FUNCTION
    levels = "、".join(name for level, name in LEVEL_NAMES.items() if level <= max(n.level for n in dd.nodes()))
    return {"id": "drill-economic" if economic else "drill-function",
            "title": f"按{'经济' if economic else '功能'}分类逐级查看", "nav": "经济分类逐级" if economic else "功能分类逐级",
            "levels": levels, "source": dd.source, "total": wan(dd.total, decimals),
            "all_summed": dd.all_computed, "summed": dd.computed,
            "printed_total": None if dd.printed_total is None else wan(dd.printed_total, decimals),
            "gap": None if dd.printed_total is None else wan(abs(dd.printed_total - dd.total), decimals),
            "more": dd.printed_total is not None and dd.printed_total > dd.total,
            "classes": [node(c) for c in dd.classes]}


def context(inputs: Inputs, page: Page) -> dict:
    model = inputs.model
    v = model.by_key[("disclosure", page.key)]
    d = v.data
    last_year = model.previous_years.get(v.url)
    terms = {t.term: urls.relative(page.path, t.url) for t in model.glossary}
    sections = [{"key": s.key, "html": link_terms(render_markdown(s.markdown, shift_headings=1), terms)}
                for s in d.sections]
    decimals = exact_decimals([t.amount_yuan for t in d.tasks] + [t.fiscal_yuan for t in d.tasks], least=v.decimals)
    tasks = [{"name": t.name, "content": t.content,
              "amount": wan(t.amount_yuan, decimals) if t.amount_yuan is not None else "",
              "fiscal": wan(t.fiscal_yuan, decimals) if t.fiscal_yuan is not None else ""} for t in d.tasks]
    dept_ind = [i for i in d.indicators if i.scope == V.IndicatorScope.DEPARTMENT]
    table_views = [view(t, v.decimals) for t in d.tables]
    files = {t.id: urls.table_csv(v.region_slug, v.department_slug, v.edition, t.id) for t in table_views}
    where = locator(d.sources, page.path)        # a table's first line: its page of the PDF
    total = v.value(V.TOTAL_EXPENDITURE)
    lede = f"支出总计 {wan(total, v.decimals)} 万元。" if total is not None else ""
    if v.value(V.THREE_PUBLIC) is not None:
        lede += f"“三公”经费 {wan(v.value(V.THREE_PUBLIC), v.decimals)} 万元。"
    return {
        "title": f"{v.department} {v.name}", "v": v, "lede": lede,
        "description": f"{v.department} {v.name}：{lede}",
        "cards": _cards(v, last_year), "year_over_year_url": urls.year_over_year(v.region_slug, v.department_slug, v.edition)
        if last_year is not None else "", "charts": v.charts, "execution": execution(d, v.decimals),
        "drilldowns": [_drilldown(dd, v.decimals) for dd in drilldowns(d)], "sections": sections, "tables": table_views,
        "table_files": files,
        "workbook": urls.data_file(v.region_slug, v.department_slug, v.edition, urls.WORKBOOK)
        if d.tables or d.indicators or d.projects else "",
        "performance": bool(d.targets or d.tasks or dept_ind),
        "targets": d.targets, "tasks": tasks, "tasks_money": any(t.amount for t in d.tasks),
        "budget_lines": d.budget, "department_indicators": _group(dept_ind),
        "projects": _projects(v), "findings": present(v.findings, d.sources, page.path),
        "table_pdf": {t.id: place for t in d.tables for place in [where(t.document, t.lines[0])] if place.pdf_url},
        "notes": present(v.notes, d.sources, page.path), "warnings": len(v.warnings),
        "source_urls": {s.name: urls.source_document(s.name) for s in d.sources},
        "open_data_url": urls.open_data(), "region_url": urls.region(v.region_slug), "section": "regions",
        "crumbs": crumbs(inputs.config, (region_display(v.region), urls.region(v.region_slug)), (v.department, v.department_url),
                         (v.name, "")),
    }
