"""The site model: every disclosure with its figures, charts and findings; regions, departments,
years; the merged glossary; the comparison tables.

Built once from the data directory; pages are then rendered from it.  Nothing
here writes files.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from generator.audit.checks import audit_disclosure
from generator.store.write import disclosure_dirs
from generator.audit.figures import Figure, headline, staff
from generator.store.read import LoadedDisclosure, load_disclosure
from generator.core.model import Finding
from generator.store.registry import load as load_registry
from generator.site import urls
from generator.site.charts import Chart, charts_for
from generator.core.text import compact

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass
class DisclosureView:
    data: LoadedDisclosure
    figures: dict[str, Figure]
    charts: list[Chart]
    findings: list[Finding]
    staff: dict[str, int]

    @property
    def meta(self) -> dict:
        return self.data.meta

    @property
    def region(self) -> str:
        return self.meta["region"]

    @property
    def department(self) -> str:
        return self.meta["department"]

    @property
    def year(self) -> int:
        return int(self.meta["year"])

    @property
    def phase(self) -> str:
        return self.meta["phase"]

    @property
    def region_slug(self) -> str:
        return self.meta["region_slug"]

    @property
    def department_slug(self) -> str:
        return self.meta["department_slug"]

    @property
    def url(self) -> str:
        return urls.disclosure(self.region_slug, self.department_slug, self.year, self.phase)

    @property
    def department_url(self) -> str:
        return urls.department(self.region_slug, self.department_slug)

    @property
    def data_rel(self) -> str:
        """The disclosure's folder under data/disclosures."""
        return str(self.data.path.relative_to(self.data.path.parents[2])) if self.data.path else ""

    def value(self, measure: str) -> int | None:
        fig = self.figures.get(measure)
        return fig.yuan if fig else None

    def statement(self, measure: str) -> dict | None:
        return next((s for s in self.data.statements if s["measure"] == measure), None)

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity in ("error", "warning")]


@dataclass
class TermUse:
    definition: str
    uses: list[tuple[DisclosureView, str, int]]       # (disclosure, document, line)


@dataclass
class GlossaryTerm:
    term: str
    slug: str
    variants: list[TermUse] = field(default_factory=list)

    @property
    def url(self) -> str:
        return urls.term_page(self.slug)


@dataclass
class Department:
    region: str
    name: str
    region_slug: str
    slug: str
    disclosures: list[DisclosureView] = field(default_factory=list)     # oldest first
    aliases: list[str] = field(default_factory=list)                    # other names used by documents
    predecessors: list["Department | str"] = field(default_factory=list)  # by reorganisation; str if not on the site

    @property
    def url(self) -> str:
        return urls.department(self.region_slug, self.slug)


@dataclass
class Region:
    name: str
    slug: str
    departments: list[Department] = field(default_factory=list)

    @property
    def url(self) -> str:
        return urls.region(self.slug)


@dataclass
class SiteModel:
    disclosures: list[DisclosureView]               # newest first, then by region and department
    regions: list[Region]
    departments: list[Department]
    years: dict[int, list[DisclosureView]]
    glossary: list[GlossaryTerm]
    comparisons: dict[str, pd.DataFrame]
    sources: dict[str, tuple[list[str], DisclosureView]] = field(default_factory=dict)   # name -> (lines, disclosure)


def load_site(data_dir: Path, region_order: tuple[str, ...] = ()) -> SiteModel:
    views = []
    for path in disclosure_dirs(data_dir):
        d = load_disclosure(path)
        figures = headline(d)
        findings = sorted(audit_disclosure(path), key=lambda f: (SEVERITY_ORDER.get(f.severity, 9), f.document, f.line))
        views.append(DisclosureView(d, figures, charts_for(d, figures), findings, staff(d)))
    views.sort(key=lambda v: (-v.year, v.region_slug, v.department_slug, v.phase))
    departments: dict[tuple[str, str], Department] = {}
    for v in sorted(views, key=lambda v: v.year):
        key = (v.region_slug, v.department_slug)
        if key not in departments:
            departments[key] = Department(v.region, v.department, v.region_slug, v.department_slug)
        departments[key].disclosures.append(v)
    registry = load_registry(data_dir)
    by_name = {d.name: d for d in departments.values()}
    for dep in departments.values():
        entry = registry.find(dep.name)
        if entry is not None:
            dep.aliases = list(entry.aliases)
            dep.predecessors = [by_name.get(registry.canonical(n), n) for n in entry.predecessors]
    regions: dict[str, Region] = {}
    for dep in sorted(departments.values(), key=lambda d: (d.region_slug, d.slug)):
        regions.setdefault(dep.region_slug, Region(dep.region, dep.region_slug)).departments.append(dep)
    order = {name: i for i, name in enumerate(region_order)}
    region_list = sorted(regions.values(), key=lambda r: (order.get(r.name, len(order)), r.slug))
    years: dict[int, list[DisclosureView]] = defaultdict(list)
    for v in views:
        years[v.year].append(v)
    sources = {}
    for v in views:
        for s in v.meta["sources"]:
            file = data_dir / "sources" / s["name"]
            if file.is_file():
                text = file.read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff")
                sources[s["name"]] = (text.split("\n"), v)
    return SiteModel(views, region_list, sorted(departments.values(), key=lambda d: (d.region_slug, d.slug)),
                     dict(sorted(years.items(), reverse=True)), merge_glossary(views), comparisons(views), sources)


def merge_glossary(views: list[DisclosureView]) -> list[GlossaryTerm]:
    """Terms across all documents; each distinct wording of a definition with the documents using it."""
    terms: dict[str, GlossaryTerm] = {}
    for v in sorted(views, key=lambda v: (v.year, v.region_slug, v.department_slug)):
        for row in v.data.glossary:
            term = row["term"].strip()
            entry = terms.setdefault(term, GlossaryTerm(term, urls.term_slug(term)))
            key = compact(row["definition"]).rstrip("。.")
            use = next((u for u in entry.variants if compact(u.definition).rstrip("。.") == key), None)
            if use is None:
                use = TermUse(row["definition"], [])
                entry.variants.append(use)
            use.uses.append((v, row["document"], int(row["line"])))
    slugs: dict[str, str] = {}
    for entry in sorted(terms.values(), key=lambda t: t.term):
        if entry.slug in slugs:                     # two terms with the same reading
            entry.slug = f"{entry.slug}-{len([s for s in slugs if s.startswith(entry.slug)]) + 1}"
        slugs[entry.slug] = entry.term
    return sorted(terms.values(), key=lambda t: t.slug)


# --- comparison tables --------------------------------------------------------------------------

COMPARISONS = {
    "overview": "支出总量与结构",
    "three-public": "“三公”经费",
    "function-mix": "支出功能结构（按类）",
    "economic-mix": "基本支出经济结构",
}


# columns of the comparison tables that hold money (integer 元); the others are shares, counts, names
MONEY_COLUMNS = frozenset({"支出总计", "基本支出", "项目支出", "人均支出", "“三公”经费", "因公出国（境）费",
                           "公务接待费", "公务用车购置及运行费"})


def _base(v: DisclosureView) -> dict:
    return {"地区": v.region, "部门": v.department, "年度": v.year, "_url": v.url}


def comparisons(views: list[DisclosureView]) -> dict[str, pd.DataFrame]:
    """One DataFrame per comparison index; money in integer 元, shares as exact decimals."""
    overview, three, function, economic = [], [], [], []
    for v in views:
        total = v.value("total.expenditure")
        basic, project = v.value("basic"), v.value("project")
        active = v.staff.get("staff.active")
        overview.append(_base(v) | {
            "支出总计": total, "基本支出": basic, "项目支出": project,
            "基本支出占比": _ratio(basic, total), "项目支出占比": _ratio(project, total),
            "在职人数": active, "人均支出": (total // active) if total is not None and active else None,
        })
        three.append(_base(v) | {
            "“三公”经费": v.value("three_public"),
            "因公出国（境）费": v.value("three_public.abroad"),
            "公务接待费": v.value("three_public.reception"),
            "公务用车购置及运行费": v.value("three_public.vehicles"),
            "占支出总计": _ratio(v.value("three_public"), total),
        })
        chart = next((c for c in v.charts if c.id == "chart-function"), None)
        row = _base(v) | {"支出总计": total}
        if chart:
            for label, yuan in chart.rows:
                row[label] = _ratio(yuan, chart.total)
        function.append(row)
        chart = next((c for c in v.charts if c.id == "chart-economic"), None)
        row = _base(v) | {"基本支出": basic}
        if chart:
            for label, yuan in chart.rows:
                row[label] = _ratio(yuan, chart.total)
        economic.append(row)
    frames = {}
    for name, rows in (("overview", overview), ("three-public", three), ("function-mix", function),
                       ("economic-mix", economic)):
        df = pd.DataFrame(rows)
        if df.empty:
            frames[name] = df
            continue
        sort_col = df.columns[4]
        df = df.sort_values([sort_col, "部门", "年度"], ascending=[False, True, False], na_position="last",
                            kind="mergesort").reset_index(drop=True)
        frames[name] = df
    return frames


def _ratio(part: int | None, whole: int | None):
    from decimal import ROUND_HALF_UP, Decimal

    if part is None or not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
