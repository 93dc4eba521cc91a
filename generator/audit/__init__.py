"""The audit: a typed disclosure in, findings out.

Every finding names the document, the line and both figures.  The checks
are plain functions, listed here in the order their findings are reported:
per table (the vocabulary says which apply to which kind), across the
tables, then the narrative and the performance tables against the tables.
"""

from __future__ import annotations

from generator.audit import (blank_tables, changes, comparisons, contents, dates, execution, headings, narrative,
                             performance, tables)
from generator.audit.figures import headline
from generator.core.model import Disclosure, Finding
from generator.core.vocabulary import KINDS

# Checks that take the disclosure and its headline figures
DISCLOSURE_CHECKS = (narrative.narrative_figures, narrative.three_public_change, narrative.stated_rates,
                     narrative.stated_parts,
                     execution.item_figures,
                     performance.task_fiscal,
                     performance.tasks_total, performance.budget_lines, performance.unit_totals,
                     # what the documents' own words show: headings against the cover, the contents against
                     # the tables, comparison words and changes against their figures, dates against the year
                     headings.placeholders, headings.heading_years, headings.heading_departments,
                     contents.missing_tables, blank_tables.three_public_blank,
                     comparisons.comparison_words, changes.stated_changes, dates.asset_dates)


def audit(d: Disclosure) -> list[Finding]:
    """Every finding on the department's documents, merge findings first (the importer's notes are apart)."""
    findings = list(d.merge_findings)
    for t in d.tables:
        if not t.rows:
            continue
        findings += tables.row_flags(t)
        for name, check in tables.TABLE_CHECKS.items():
            if name in KINDS[t.kind].checks:
                findings += check(t)
    findings += tables.same_total(d)
    figures = headline(d)
    for check in DISCLOSURE_CHECKS:
        findings += check(d, figures)
    return findings


def import_notes(d: Disclosure) -> list[Finding]:
    """The importer's own notes on a disclosure: where it re-aligned cells or completed a code."""
    titles = {t.id: t.title for t in d.tables}
    return [note for t in d.tables for note in tables.import_notes(t, titles)]
