"""The audit's recall, measured by planting one error at a time in real documents.

For one disclosure (its documents as read, ``store.layout_cache``): the
documents are normalised and audited as published (the baseline), then for
each ``audit.mutation`` the mutated document is normalised and audited
again with the others as they were.  A finding is *new* when the baseline
has no finding of the same check at the same document and line (one it
has there, whose figures the mutation changed, is not new).
A mutation is

* **named** when a new finding stands at one of its places: a line it
  changed, or a line of a figure it is related to by the sum or repetition
  that makes it detectable (the total row of the column a changed figure is
  summed in, the narrative line that repeats it), the table of contents
  line that names a removed table, a narrative line giving the figures of a
  blanked “三公” table; or when a new finding's message cites a line it
  changed (第 N 行: the narrative check cites the table's line);
* **noisy** when some new finding stands anywhere else (the audit reacted, but
  points the reader to a line the error is not on);
* **refused** when the importer refused the mutated document (no finding:
  the import stops).

Only mutations the document carries the redundancy to detect count toward
recall (``Mutation.detectable``); the others are counted apart.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from generator.audit import audit
from generator.audit.mutation import MUTATION_KINDS, Mutation, apply, mutations
from generator.audit.phases import cross_phase
from generator.audit.redundancy import Redundancy, analyse
from generator.core.errors import BudgetsiteError
from generator.core.model import Disclosure, Finding
from generator.normalise.disclosure import parse_document
from generator.normalise.merge import merge
from generator.read.layout import Layout


def audited(layouts: Iterable[Layout], extra_dir: str | None = None) -> tuple[list[Disclosure], list[Finding]]:
    """The documents of one disclosure as ``import`` and ``check`` make them: each normalised, merged by
    department-year, audited (with the checks across phases).  Raises what the import raises."""
    merged = merge([parse_document(layout, extra_dir) for layout in layouts])
    found = {id(d): audit(d) for d in merged}
    for key, more in cross_phase(merged).items():
        found[key] = found.get(key, []) + more
    return merged, [f for d in merged for f in found[id(d)]]


def finding_key(f: Finding) -> tuple:
    """A finding's check and place: a finding the baseline already raises there (perhaps with other figures,
    once the mutation changed them) is not new."""
    return f.check, f.document, f.line


@dataclass
class Outcome:
    mutation: Mutation
    refused: str = ""                                       # the import's refusal of the mutated document
    named: list[Finding] = field(default_factory=list)      # new findings at the mutation's places
    noise: list[Finding] = field(default_factory=list)      # new findings elsewhere


def judge(m: Mutation, baseline: set[tuple], found: list[Finding]) -> Outcome:
    """Which of ``found`` (the audit of the mutated documents) are new, and of those which name ``m``."""
    places = m.places
    cited = re.compile(r"第 (%s) 行" % "|".join(map(str, m.lines))) if m.lines else None
    out = Outcome(m)
    for f in found:
        if finding_key(f) in baseline:
            continue
        at = (f.document, f.line) in places or (cited is not None and cited.search(f.message) is not None)
        (out.named if at else out.noise).append(f)
    return out


@dataclass
class Disclosed:
    """One disclosure as published: its documents as read, its audit, the relations among its figures."""

    layouts: list[Layout]
    disclosures: list[Disclosure]
    findings: list[Finding]
    redundancy: Redundancy


def baseline(layouts: list[Layout], extra_dir: str | None = None) -> Disclosed:
    merged, found = audited(layouts, extra_dir)
    red = Redundancy()
    for d in merged:
        part = analyse(d, [lay for lay in layouts if any(s.name == lay.document.name for s in d.sources)])
        red.figures.update(part.figures)
        red.by_line.update(part.by_line)
        red.relations.update(part.relations)
        red.totals |= part.totals
    return Disclosed(layouts, merged, found, red)


def disclosure_of(base: Disclosed, name: str) -> Disclosure:
    return next((d for d in base.disclosures if any(s.name == name for s in d.sources)), base.disclosures[0])


def plan(base: Disclosed, seed: int = 0, per_doc: int | None = None,
         kinds: tuple[str, ...] = MUTATION_KINDS) -> list[Mutation]:
    """The mutations of every document of the disclosure; with ``per_doc``, at most that many of each kind
    per document, drawn at random (``seed``) among all its sites of that kind."""
    out = []
    for layout in base.layouts:
        name = layout.document.name
        others = [x for x in base.layouts if x is not layout]
        every = mutations(layout, disclosure_of(base, name), base.redundancy, others, seed, kinds)
        for kind in kinds:
            of_kind = [m for m in every if m.kind == kind]
            if per_doc is not None and len(of_kind) > per_doc:
                of_kind = random.Random(f"{seed}:{name}:{kind}:sample").sample(of_kind, per_doc)
                of_kind.sort(key=lambda m: m.lines)
            out += of_kind
    return out


def run(base: Disclosed, planned: list[Mutation], extra_dir: str | None = None,
        progress: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Each planned mutation applied alone, the disclosure normalised and audited again, the findings judged."""
    known = {finding_key(f) for f in base.findings}
    out = []
    for m in planned:
        layouts = [apply(x, m) if x.document.name == m.document else x for x in base.layouts]
        try:
            _, found = audited(layouts, extra_dir)
        except BudgetsiteError as exc:
            outcome = Outcome(m, refused=str(exc) or type(exc).__name__)
        else:
            outcome = judge(m, known, found)
        out.append(outcome)
        if progress is not None:
            progress(outcome)
    return out


@dataclass
class Tally:
    """Per kind: mutations tried, detectable, named at their place, refused, and with noise."""

    tried: int = 0
    detectable: int = 0
    named: int = 0               # of the detectable ones
    named_other: int = 0         # of those the document could not show: named all the same
    refused: int = 0
    noisy: int = 0

    @property
    def recall(self) -> float | None:
        return self.named / self.detectable if self.detectable else None

    def add(self, o: Outcome) -> None:
        self.tried += 1
        self.detectable += o.mutation.detectable
        self.named += bool(o.named) and o.mutation.detectable
        self.named_other += bool(o.named) and not o.mutation.detectable
        self.refused += bool(o.refused)
        self.noisy += bool(o.noise)


def tally(outcomes: Iterable[Outcome]) -> dict[str, Tally]:
    """A ``Tally`` per mutation kind (every kind, in order, even with nothing tried) and ``all``."""
    out = {kind: Tally() for kind in MUTATION_KINDS}
    out["all"] = Tally()
    for o in outcomes:
        out[o.mutation.kind].add(o)
        out["all"].add(o)
    return out


def format_tally(tallies: dict[str, Tally]) -> str:
    """The figures per kind as a table of plain text."""
    head = f"{'kind':<20}{'tried':>7}{'detectable':>12}{'named':>7}{'recall':>8}{'noisy':>7}{'refused':>9}" \
           f"{'named (not detectable)':>24}"
    rows = [head]
    for kind, t in tallies.items():
        recall = "—" if t.recall is None else f"{100 * t.recall:.0f} %"
        rows.append(f"{kind:<20}{t.tried:>7}{t.detectable:>12}{t.named:>7}{recall:>8}{t.noisy:>7}{t.refused:>9}"
                    f"{t.named_other:>24}")
    return "\n".join(rows) + "\n"
