"""The site model: every disclosure's view (``views``); regions, departments, years; the merged
glossary; the comparison indexes.

Built once from the disclosures as read from the data directory (each read
once, audited once); pages are then rendered from it.  Nothing here writes
files.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from generator.core.model import Source
from generator.core.text import compact
from generator.store.registry import Registry
from generator.site.model.changes import YearFigures
from generator.site.model.comparisons import Comparison, comparisons
from generator.site.model.views import DisclosureView
from generator.site.shared import urls


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
class SourceText:
    """A published document the site shows, with the disclosure read from it (its text form is read only
    when its page is rendered: ``generator.store.read.load_source_text``)."""

    source: Source
    disclosure: DisclosureView


@dataclass
class SiteModel:
    disclosures: list[DisclosureView]               # newest first, then by region and department
    regions: list[Region]
    departments: list[Department]
    years: dict[int, list[DisclosureView]]
    glossary: list[GlossaryTerm]
    comparisons: dict[str, Comparison]
    sources: dict[str, SourceText] = field(default_factory=dict)     # by document name
    # the figures of the year before of a disclosure whose page shows its change, by the disclosure's URL:
    # held by the model of a unit (``single_model``), which renders that page
    previous_years: dict[str, YearFigures] = field(default_factory=dict)

    @cached_property
    def by_key(self) -> dict[tuple[str, str], object]:
        """Each disclosure, department, region and term by what a page looks it up by (its URL or slug)."""
        out: dict[tuple[str, str], object] = {}
        out.update((("disclosure", v.url), v) for v in self.disclosures)
        out.update((("department", d.url), d) for d in self.departments)
        out.update((("region", r.slug), r) for r in self.regions)
        out.update((("term", t.slug), t) for t in self.glossary)
        return out


def single_model(v: "DisclosureView", last_year: YearFigures | None = None) -> SiteModel:
    """A model of one disclosure: its own page needs no other (its terms are its own glossary's) but the
    figures of its previous year, ``last_year``, when there is one."""
    return SiteModel([v], [], [], {v.year: [v]}, merge_glossary([v]), {},
                     previous_years={v.url: last_year} if last_year is not None else {})


def site_model(views: list[DisclosureView], registry: Registry, published: set[str],
               region_order: tuple[str, ...] = ()) -> SiteModel:
    """The model of the whole site from its disclosures' views, the registry and the names of the source
    documents it publishes."""
    views = sorted(views, key=lambda v: (-v.year, v.region_slug, v.department_slug, v.phase))
    departments: dict[tuple[str, str], Department] = {}
    for v in sorted(views, key=lambda v: v.year):
        key = (v.region_slug, v.department_slug)
        if key not in departments:
            departments[key] = Department(v.region, v.department, v.region_slug, v.department_slug)
        departments[key].disclosures.append(v)
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
    documents: dict[str, SourceText] = {}
    for v in views:
        for s in v.data.sources:
            if s.name in published:
                documents.setdefault(s.name, SourceText(s, v))      # a document shared by copies: the first
    return SiteModel(views, region_list, sorted(departments.values(), key=lambda d: (d.region_slug, d.slug)),
                     dict(sorted(years.items(), reverse=True)), merge_glossary(views), comparisons(views), documents)


@lru_cache(maxsize=65536)
def _wording(definition: str) -> str:
    """What tells two definitions apart (spaces and the final stop do not); the same few hundred definitions
    recur in every document."""
    return compact(definition).rstrip("。.")


def merge_glossary(views: list[DisclosureView]) -> list[GlossaryTerm]:
    """Terms across all documents; each distinct wording of a definition with the documents using it."""
    terms: dict[str, GlossaryTerm] = {}
    wordings: dict[tuple[str, str], TermUse] = {}
    for v in sorted(views, key=lambda v: (v.year, v.region_slug, v.department_slug)):
        for row in v.data.glossary:
            term = row.term.strip()
            entry = terms.setdefault(term, GlossaryTerm(term, urls.term_slug(term)))
            key = _wording(row.definition)
            use = wordings.get((term, key))
            if use is None:
                use = wordings[(term, key)] = TermUse(row.definition, [])
                entry.variants.append(use)
            use.uses.append((v, row.document, row.line))
    slugs: dict[str, str] = {}
    for entry in sorted(terms.values(), key=lambda t: t.term):
        if entry.slug in slugs:                     # two terms with the same reading
            entry.slug = f"{entry.slug}-{len([s for s in slugs if s.startswith(entry.slug)]) + 1}"
        slugs[entry.slug] = entry.term
    return sorted(terms.values(), key=lambda t: t.slug)
