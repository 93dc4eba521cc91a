#!/usr/bin/env python3
"""The audit's recall on a corpus of published disclosures, by planting one error at a time.

usage: python scripts/mutation_recall.py [CORPUS] [--per-doc N] [--only REGEX] [--kinds K,K] [--jobs N]
                                         [--seed S] [--cache DIR] [--list FILE.tsv]

CORPUS (default ../shared/corpus) holds manifest.tsv and the documents in docs/; its disclosures are
grouped as scripts/corpus_findings.py groups them.  Each document is read once (kept in a layout cache,
by default under ~/.cache/budgetsite/layouts), then for each mutation (generator.audit.mutation) the
disclosure is normalised and audited again and the new findings are judged (generator.audit.recall).
Printed per kind: mutations tried, those the document carries the redundancy to detect, those the audit
names at their place, the recall (named / detectable), how many raised a finding elsewhere (noisy), how
many made the import refuse the document, and how many not detectable were named all the same.
--per-doc N draws at most N mutations of each kind per document (seeded); --list writes every mutation
with its outcome, one TSV row each.  A disclosure that does not import as published is reported on
standard error and counted in the exit code.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from corpus_findings import clean, groups  # noqa: E402

from generator.audit import recall  # noqa: E402
from generator.audit.mutation import MUTATION_KINDS  # noqa: E402
from generator.core.errors import BudgetsiteError  # noqa: E402
from generator.store.cache import default_dir  # noqa: E402
from generator.store.layout_cache import LayoutCache  # noqa: E402

LIST_COLUMNS = ("kind", "document", "lines", "what", "detectable", "why", "named", "noisy", "refused", "findings")


def _one_group(task: tuple[str, list[str], str, int | None, tuple[str, ...], int]):
    docs, files, cache_dir, per_doc, kinds, seed = task
    cache = LayoutCache(Path(cache_dir) if cache_dir else None)
    try:
        layouts = [cache.layout(f, (Path(docs) / f).read_bytes()) for f in files]
        base = recall.baseline(layouts)
    except BudgetsiteError as exc:
        return files, [], f"does not import as published: {exc}", 0, 0.0
    start = time.monotonic()
    outcomes = recall.run(base, recall.plan(base, seed, per_doc, kinds))
    return files, outcomes, "", len(base.findings), time.monotonic() - start


def _row(o: recall.Outcome) -> dict[str, str]:
    m = o.mutation
    shown = [f"{'named' if f in o.named else 'elsewhere'} {f.check}@{f.line}: {f.message}" for f in o.named + o.noise]
    lines = ",".join(map(str, m.lines[:3])) + ("…" if len(m.lines) > 3 else "")
    return {"kind": m.kind, "document": m.document, "lines": lines, "what": m.what,
            "detectable": "yes" if m.detectable else "no", "why": m.why, "named": "yes" if o.named else "no",
            "noisy": "yes" if o.noise else "no", "refused": o.refused, "findings": " | ".join(shown)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"),
                    help="the corpus folder, with manifest.tsv and docs/ (default ../shared/corpus)")
    ap.add_argument("--per-doc", type=int, default=None, metavar="N",
                    help="at most N mutations of each kind per document, drawn at random (default: all)")
    ap.add_argument("--only", help="only the disclosures with a file name matching this regex")
    ap.add_argument("--kinds", default=",".join(MUTATION_KINDS),
                    help=f"the kinds of mutation, comma-separated (default: all: {','.join(MUTATION_KINDS)})")
    ap.add_argument("--jobs", type=int, default=1, help="disclosures measured at once (default 1)")
    ap.add_argument("--seed", type=int, default=0, help="the seed of the digits, years and samples drawn")
    ap.add_argument("--cache", default=str(default_dir() / "layouts"),
                    help="where documents as read are kept (default ~/.cache/budgetsite/layouts; '' for none)")
    ap.add_argument("--list", metavar="FILE", help="write every mutation and its outcome to FILE (TSV)")
    a = ap.parse_args(argv)
    corpus = Path(a.corpus)
    if not (corpus / "manifest.tsv").is_file() or not (corpus / "docs").is_dir():
        print(f"mutation_recall: no corpus at {corpus} (expected {corpus}/manifest.tsv and {corpus}/docs/); "
              f"pass the corpus folder as the first argument", file=sys.stderr)
        return 2
    kinds = tuple(k for k in a.kinds.split(",") if k)
    unknown = [k for k in kinds if k not in MUTATION_KINDS]
    if unknown:
        print(f"mutation_recall: unknown kinds {', '.join(unknown)}; expected some of {', '.join(MUTATION_KINDS)}",
              file=sys.stderr)
        return 2
    todo = [g for g in groups(corpus) if not a.only or any(re.search(a.only, f) for f in g)]
    tasks = [(str(corpus / "docs"), g, a.cache, a.per_doc, kinds, a.seed) for g in todo]
    outcomes: list[recall.Outcome] = []
    failed = 0
    listing = open(a.list, "w", encoding="utf-8", newline="") if a.list else None
    writer = csv.DictWriter(listing, LIST_COLUMNS, delimiter="\t", lineterminator="\n") if listing else None
    if writer:
        writer.writeheader()
    with ProcessPoolExecutor(max_workers=max(1, a.jobs)) as pool:
        for files, found, error, published, seconds in pool.map(_one_group, tasks):
            if error:
                failed += 1
                print(f"mutation_recall: {' + '.join(files)}: {error}", file=sys.stderr)
                continue
            t = recall.tally(found)["all"]
            print(f"mutation_recall: {' + '.join(files)}: {published} findings as published; {t.tried} mutations, "
                  f"{t.detectable} detectable, "
                  f"{t.named} named, {t.noisy} noisy, {t.refused} refused ({seconds:.1f} s)", file=sys.stderr)
            outcomes += found
            if writer:
                for o in found:
                    writer.writerow({k: clean(v) for k, v in _row(o).items()})
    if listing:
        listing.close()
    print(f"{len(todo) - failed} disclosures measured" + (f", {failed} do not import as published" if failed else "")
          + (f"; at most {a.per_doc} mutations of each kind per document (seed {a.seed})" if a.per_doc else ""))
    print(recall.format_tally(recall.tally(outcomes)), end="")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
