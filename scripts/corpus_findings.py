#!/usr/bin/env python3
"""Every audit finding on a corpus of published disclosures, one TSV row each.

usage: python scripts/corpus_findings.py [CORPUS] [--only REGEX] [--jobs N] > findings.tsv

CORPUS (default ../shared/corpus) holds manifest.tsv and the documents in docs/.  Each disclosure
(manifest rows with what = disclosure, grouped by department, year, phase and scope: narrative and
tables published as two files are one disclosure) is imported into a fresh temporary data folder
and checked; each finding is printed with its document, page, line, check, severity, message and
both figures.  Import notes (the importer's own decisions) are not findings and are not printed.
A group whose import or check fails is reported on standard error and counted in the exit code.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COLUMNS = ("document", "page", "line", "check", "severity", "message", "expected", "found")


def norm_name(name: str) -> str:
    """The department's name as the corpus groups it: spaces and bracket forms aside, long forms shortened."""
    s = re.sub(r"\s+", "", name or "").replace("（", "(").replace("）", ")")
    s = re.sub(r"中国共产党(.+?)委员会", r"中共\1委", s)
    s = re.sub(r"中国人民政治协商会议(.+?)委员会", r"\1政协", s)
    s = re.sub(r"(.+?)人民代表大会常务委员会", r"\1人大常委会", s)
    return re.sub(r"人民政府(?=\S*?(街道|镇|乡))", "", s)


def groups(corpus: Path) -> list[list[str]]:
    """The file names of each disclosure of the corpus, in the manifest's order."""
    with open(corpus / "manifest.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    out: dict[tuple, list[str]] = {}
    for r in rows:
        if r.get("what") == "disclosure":
            key = (norm_name(r["department"]), r["year"], r["phase"], r["scope"])
            out.setdefault(key, []).append(r["file"])
    return list(out.values())


def page_at(starts: list[list[int]], line: int) -> int | None:
    """The page of ``line`` from a source's page starts (``[[first line, page], …]``)."""
    page = None
    for first, number in starts:
        if first > line:
            break
        page = number
    return page


def findings_of(paths: list[Path], workdir: Path) -> list[dict]:
    """Import ``paths`` into a fresh data folder under ``workdir``, check it: one dict per finding."""
    from generator.api import check_data, import_documents

    data = workdir / "data"
    import_documents(data, list(paths), jobs=1, cache_dir=None)
    report = check_data(data)
    if not report.valid:
        raise RuntimeError("; ".join(report.problems))
    rows = []
    for _, d, found in report.audited:
        starts = {s.name: s.pages for s in d.sources}
        for f in found:
            page = page_at(starts.get(f.document, []), f.line) if f.line else None
            rows.append({"document": f.document, "page": "" if page is None else str(page),
                         "line": str(f.line), "check": f.check, "severity": f.severity,
                         "message": f.message, "expected": f.expected, "found": f.found})
    return rows


def _one_group(args: tuple[str, list[str]]) -> tuple[list[str], list[dict], str]:
    docs, files = args
    try:
        with tempfile.TemporaryDirectory(prefix="corpus-findings-") as tmp:
            return files, findings_of([Path(docs) / f for f in files], Path(tmp)), ""
    except Exception as exc:                                    # reported, counted, the run goes on
        return files, [], f"{type(exc).__name__}: {exc}"


def clean(value: str) -> str:
    """A field on one TSV line."""
    return re.sub(r"[\t\r\n]+", " ", str(value))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"),
                    help="the corpus folder, with manifest.tsv and docs/ (default ../shared/corpus)")
    ap.add_argument("--only", help="only the disclosures with a file name matching this regex")
    ap.add_argument("--jobs", type=int, default=1, help="disclosures imported at once (default 1)")
    a = ap.parse_args(argv)
    corpus = Path(a.corpus)
    if not (corpus / "manifest.tsv").is_file() or not (corpus / "docs").is_dir():
        print(f"corpus_findings: no corpus at {corpus} (expected {corpus}/manifest.tsv and {corpus}/docs/); "
              f"pass the corpus folder as the first argument", file=sys.stderr)
        return 2
    todo = [g for g in groups(corpus) if not a.only or any(re.search(a.only, f) for f in g)]
    missing = [f for g in todo for f in g if not (corpus / "docs" / f).is_file()]
    if missing:
        print(f"corpus_findings: {len(missing)} documents of the manifest are missing from {corpus}/docs: "
              + ", ".join(missing), file=sys.stderr)
        return 2
    docs = str(corpus / "docs")
    failed = total = 0
    print("\t".join(COLUMNS))
    with ProcessPoolExecutor(max_workers=max(1, a.jobs)) as pool:
        for files, rows, error in pool.map(_one_group, [(docs, g) for g in todo]):
            if error:
                failed += 1
                print(f"corpus_findings: {' + '.join(files)}: {error}", file=sys.stderr)
            for r in rows:
                print("\t".join(clean(r[c]) for c in COLUMNS))
            total += len(rows)
            sys.stdout.flush()
    print(f"corpus_findings: {len(todo)} disclosures, {total} findings, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
