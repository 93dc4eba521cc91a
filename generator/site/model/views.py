"""A disclosure as the site shows it: its figures, charts and findings beside the disclosure itself.

Made once per disclosure (audited once); the site model, the comparisons and every page read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from generator.audit import audit, import_notes
from generator.audit.figures import Figure, headline, staff
from generator.core.model import Disclosure, Finding, Statement
from generator.core.money import Yuan
from generator.core.vocabulary import Severity
from generator.store.layout import disclosure_folder
from generator.site.model.charts import Chart, charts_for
from generator.site.shared.formatting import figure_decimals
from generator.site.shared import urls

SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _identity(name: str) -> property:
    # attrgetter: templates and sorts read these a million times in a large build
    return property(attrgetter(f"data.{name}"), doc=f"The disclosure's {name}.")


@dataclass
class DisclosureView:
    data: Disclosure
    figures: dict[str, Figure]
    charts: list[Chart]
    findings: list[Finding]
    staff: dict[str, int]
    notes: list[Finding]           # the importer's own notes (re-aligned cells, completed codes), not findings
    decimals: int = 2              # of 万元, for every figure its page shows (``formatting.figure_decimals``)

    # the disclosure's identity, as the templates name it
    region = _identity("region")
    department = _identity("department")
    year = _identity("year")
    phase = _identity("phase")
    scope = _identity("scope")
    edition = _identity("edition")
    name = _identity("name")
    region_slug = _identity("region_slug")
    department_slug = _identity("department_slug")

    @property
    def folder(self) -> str:
        """The disclosure's folder under data/disclosures (what its pages are built from)."""
        return disclosure_folder(self.region_slug, self.department_slug, self.data.edition)

    @property
    def url(self) -> str:
        return urls.disclosure(self.region_slug, self.department_slug, self.data.edition)

    @property
    def department_url(self) -> str:
        return urls.department(self.region_slug, self.department_slug)

    def value(self, measure: str) -> Yuan | None:
        fig = self.figures.get(measure)
        return fig.yuan if fig else None

    def statement(self, measure: str) -> Statement | None:
        return next((s for s in self.data.statements if s.measure == measure), None)

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity in (Severity.ERROR, Severity.WARNING)]


def view(d: Disclosure) -> DisclosureView:
    figures = headline(d)
    decimals = figure_decimals(d.tables)
    return DisclosureView(d, figures, charts_for(d, figures, decimals), sorted(audit(d), key=_severity_first),
                          staff(d), sorted(import_notes(d), key=_severity_first), decimals)


def _severity_first(f: Finding) -> tuple:
    return (SEVERITY_ORDER.get(f.severity, 9), f.document, f.line)
