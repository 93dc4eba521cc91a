"""``budgetsite check``: validate the data directory, then audit every disclosure.

Validation failures (a missing file, a field of the wrong form, a figure
that is not exact 元, a symbolic link, a name a path could be made of that
is not a plain name, a folder that is not the one its disclosure names)
make the data invalid.  Audit findings do not: they are facts about the
published documents that readers deserve to see.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.audit import audit, import_notes
from generator.audit.phases import cross_phase
from generator.core.errors import DataError
from generator.core.messages import CATALOGUE, say
from generator.core.model import Disclosure, Finding
from generator.store.layout import DISCLOSURES, begun, data_dir_problem, disclosure_dirs, source_files
from generator.store.read import load_disclosure
from generator.store.registry import load as load_registry
from generator.store.schema import unsafe_paths, validate_disclosure


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)                       # the data is invalid when any
    audited: list[tuple[Path, Disclosure, list[Finding]]] = field(default_factory=list)
    notes: dict[Path, list[Finding]] = field(default_factory=dict)          # the importer's own, per folder

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def findings(self) -> int:
        return sum(len(f) for _, _, f in self.audited)


def check_data(data_dir: Path) -> CheckReport:
    """Validate ``data_dir``; when it is valid, audit each disclosure.

    Everything a build would refuse, or could not build, is a problem here: a symbolic link or another
    file that is not plain anywhere under ``data_dir`` (``schema.unsafe_paths``), an invalid registry, and
    each folder's problems (``schema.validate_disclosure``), its sources held against ``DIR/sources``."""
    report = CheckReport()
    problem = data_dir_problem(data_dir)
    if problem is not None:
        report.problems.append(problem)
        return report
    unsafe = unsafe_paths(data_dir)
    report.problems += unsafe
    try:
        load_registry(data_dir)
    except DataError as exc:
        report.problems.append(str(exc))
    dirs = disclosure_dirs(data_dir)
    if not dirs and not begun(data_dir):
        report.problems.append(f"{data_dir}: no disclosures found (expected "
                               f"{data_dir}/{DISCLOSURES}/*/*/*/disclosure.json)")
    sources = set(source_files(data_dir))
    for d in dirs:
        inside = f"{d}{os.sep}"
        if not any(p.startswith(inside) for p in unsafe):      # its links are named, not read
            report.problems += validate_disclosure(d, sources)
    report.problems = list(dict.fromkeys(report.problems))     # the registry's link is named once
    if report.problems:
        return report
    for path in dirs:
        d = load_disclosure(path)
        report.audited.append((path, d, audit(d)))
        report.notes[path] = import_notes(d)
    across = cross_phase(d for _, d, _ in report.audited)
    for _, d, findings in report.audited:
        findings += across.get(id(d), [])
    return report


def format_report(report: CheckReport, data_dir: Path, lang: str = "en", quiet: bool = False) -> str:
    """The report as printed by ``budgetsite check``: each disclosure with its findings and import notes, then
    one line for the whole; ``quiet``: only the disclosures with findings, their findings, and that line."""
    if not report.valid:
        lines = [say("check.invalid", lang, problem=p) for p in report.problems]
        lines.append(say("check.invalid.done", lang, n=len(report.problems)))
        return "\n".join(lines) + "\n"
    lines = []
    for path, d, findings in report.audited:
        notes = report.notes.get(path, [])
        if quiet and not findings:
            continue
        lines.append(say("check.disclosure", lang, department=d.department, name=d.name,
                         folder=path.relative_to(data_dir), n=len(findings))
                     + (say("check.disclosure.notes", lang, n=len(notes)) if notes and not quiet else ""))
        lines += [format_finding(f, lang=lang) for f in findings]
        if not quiet:
            lines += [format_finding(f, lang=lang, note=True) for f in notes]
    n_notes = sum(len(n) for n in report.notes.values())
    lines.append(say("check.valid", lang, disclosures=len(report.audited), findings=report.findings)
                 + (say("check.valid.notes", lang, n=n_notes) if n_notes else ""))
    if not report.audited:
        lines.append(say("check.empty", lang))
    return "\n".join(lines) + "\n"


def format_finding(f: Finding, lang: str = "en", note: bool = False) -> str:
    """One finding (or, ``note``, import note) on one line: severity, where, what, and both figures."""
    figures = say("check.figures", lang, expected=f.expected, found=f.found) if f.expected or f.found else ""
    key = f"check.severity.{f.severity}"
    severity = say(key, lang) if key in CATALOGUE else f.severity
    tag = say("check.note", lang, severity=severity) if note else severity
    return say("check.finding", lang, tag=tag, document=f.document, line=f.line, message=f.message, figures=figures)
