"""``budgetsite summary``: one entry per disclosure of the data directory, for a publisher after an import
and for scripts (``--json``).

Each entry gives the disclosure's identity, its headline measures as exact
decimal strings of 元 (taken where ``audit.figures.headline`` takes them,
so the summary, the audit and the site agree; a measure no table prints, such
as a “三公” table left blank, is taken from the narrative's statement of it
and said to be), how much of its documents
the import took, and how many findings and import notes it has.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from generator.audit.check import CheckReport
from generator.audit.figures import headline
from generator.core import vocabulary as V
from generator.core.messages import say
from generator.core.model import Disclosure, Finding

# the measures of an entry, by the names scripts read, and the headline figures each is taken from (the
# first that the disclosure prints)
MEASURES = {
    "total": (V.TOTAL_INCOME, V.TOTAL_EXPENDITURE),      # 收支总计 of the summary table
    "basic": (V.BASIC,),                                   # 基本支出
    "project": (V.PROJECT,),                               # 项目支出
    "three_public": (V.THREE_PUBLIC,),                     # “三公”经费 total
}


def yuan_text(yuan: int | Decimal) -> str:
    """An amount of 元 as an exact decimal string: ``219553500``, ``91016775.35``."""
    if isinstance(yuan, Decimal):
        return format(yuan.quantize(Decimal("0.01")) if yuan != yuan.to_integral_value() else yuan.to_integral_value(), "f")
    return str(yuan)


def entry(folder: str, d: Disclosure, findings: list[Finding], notes: list[Finding]) -> dict:
    figures = headline(d)
    measures, stated = {}, {}
    for name, keys in MEASURES.items():
        found = next((figures[k] for k in keys if k in figures), None)
        if found is not None:
            measures[name] = yuan_text(found.yuan)
            continue
        # no table prints it (its cell is blank, or its table is left empty): what the narrative states of
        # the same measure, said as such
        said = next((s for k in keys for s in d.statements if s.measure == k and s.yuan is not None), None)
        if said is not None:
            measures[name] = yuan_text(said.yuan)
            stated[name] = f"{said.document}:{said.line}"
    printed = sum(1 for t in d.tables for r in t.rows for c in r.cells if c.printed)
    return {
        "folder": folder,
        "region": d.region, "department": d.department, "year": d.year, "phase": d.phase, "scope": d.scope,
        "edition": d.edition,
        "sources": [s.name for s in d.sources],
        "measures": measures,
        "measures_from_narrative": stated,      # measure -> document:line of the sentence, where no table prints it
        "coverage": {"tables": len(d.tables), "figures": printed},
        "findings": len(findings),
        "notes": len(notes),
    }


def summarise(report: CheckReport, data_dir: Path) -> list[dict]:
    """One entry per audited disclosure of a valid ``report``, in the order of the data folders."""
    root = data_dir / "disclosures"
    return [entry(path.relative_to(root).as_posix(), d, findings, report.notes.get(path, []))
            for path, d, findings in report.audited]


def format_summary(entries: list[dict], lang: str = "en") -> str:
    """The summary as printed for a reader: one line per disclosure."""
    lines = []
    for e in entries:
        figures = say("summary.join", lang).join(
            say("summary.figure", lang, measure=say(f"summary.{k}", lang), wan=_wan(v)) for k, v in e["measures"].items())
        lines.append(say("summary.line", lang, region=e["region"], department=e["department"], year=e["year"],
                         phase=e["phase"], scope=e["scope"], figures=figures or say("summary.none", lang),
                         tables=e["coverage"]["tables"], printed=e["coverage"]["figures"], findings=e["findings"],
                         notes=e["notes"]))
    return "\n".join(lines) + ("\n" if lines else "")


def _wan(text: str) -> str:
    return f"{Decimal(text) / 10000:,.2f}"
