"""The audit's findings on the corpus documents the repository holds, against the reviewed list.

``corpus_findings.tsv`` lists every finding ``scripts/corpus_findings.py`` raised on the corpus of
published disclosures, each reviewed against the page: ``document`` (the document's own
inconsistency) or ``tool`` (a misreading or a wrong comparison of the importer or the audit).  Here
the corpus documents held in ``tests/samples`` and ``data/sources`` are imported as the script
imports them (each disclosure alone, in a fresh data folder) and their findings must be exactly the
listed ones, matched on file, line and check:
- a finding not in the list is new: review it and add it to the list, or fix its cause;
- a listed ``document`` finding no longer raised means a check stopped seeing a real inconsistency;
- a listed ``tool`` finding no longer raised has been fixed: remove its row from the list.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from generator.api import check_data, import_documents
from tests.conftest import ROOT
from tests.documents import pdfs_read_once

LISTED = Path(__file__).with_name("corpus_findings.tsv")
HELD = (ROOT / "tests" / "samples", ROOT / "data" / "sources")

# The corpus disclosures the repository holds, as the corpus groups them (one tuple per disclosure:
# its files).  js-renda-2019-budget-tables.pdf is held without its narrative file, so it is imported
# alone.  Any other held file the list names is added below, one disclosure per file.
CORPUS_HELD = (
    ("cq-jingxinwei-2026-budget.pdf",),
    ("fj-qz-zhengfuban-2026-budget.pdf",),
    ("gd-zh-shangwuju-2026-budget.pdf",),
    ("js-renda-2017-budget.pdf",),
    ("js-renda-2019-budget-tables.pdf",),
    ("js-wx-shangwuju-2026-budget.pdf",),
    ("sh-yingjiju-zhifazongdui-2026-unit-budget.pdf",),
)


def listed_rows() -> list[dict[str, str]]:
    with open(LISTED, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def held(name: str) -> Path | None:
    return next((d / name for d in HELD if (d / name).is_file()), None)


def groups() -> list[tuple[str, ...]]:
    out = [g for g in CORPUS_HELD if all(held(f) for f in g)]
    seen = {f for g in out for f in g}
    for name in dict.fromkeys(r["file"] for r in listed_rows()):
        if name not in seen and held(name):
            out.append((name,))
    return out


def key(row_file: str, line: str | int, check: str) -> tuple[str, int, str]:
    return (row_file, int(line), check)


@pytest.fixture(scope="module")
def raised(tmp_path_factory) -> dict[tuple[str, int, str], list[str]]:
    """Every finding on the held corpus documents: (file, line, check) → their printed texts."""
    out: dict[tuple[str, int, str], list[str]] = {}
    for i, files in enumerate(groups()):
        data = tmp_path_factory.mktemp(f"corpus{i}") / "data"
        with pdfs_read_once():
            import_documents(data, [held(f) for f in files], jobs=1, cache_dir=None)
        report = check_data(data)
        assert report.valid, report.problems
        for _, _, findings in report.audited:
            for f in findings:
                figures = f" (expected {f.expected}, found {f.found})" if f.expected or f.found else ""
                out.setdefault(key(f.document, f.line, f.check), []).append(
                    f"{f.document}:{f.line} [{f.check}] {f.message}{figures}")
    return out


@pytest.fixture(scope="module")
def listed() -> list[dict[str, str]]:
    files = {f for g in groups() for f in g}
    return [r for r in listed_rows() if r["file"] in files]


def test_the_list_is_reviewed():
    rows = listed_rows()
    assert rows, "the list of corpus findings is empty"
    for r in rows:
        assert r["verdict"] in ("document", "tool"), r
        assert r["why"].strip(), r
        assert r["line"].isdigit() and r["check"] and r["message"], r


def test_every_finding_is_listed(raised, listed):
    room = Counter(key(r["file"], r["line"], r["check"]) for r in listed)
    new = []
    for k, texts in sorted(raised.items()):
        extra = len(texts) - room[k]
        new += texts[len(texts) - extra:] if extra > 0 else []
    assert not new, ("findings not in tests/audit/corpus_findings.tsv (review each against the page and "
                     "list it, or fix its cause):\n" + "\n".join(new))


def test_document_findings_are_still_raised(raised, listed):
    """The documents' own inconsistencies: a check that stops raising one is broken."""
    want = Counter(key(r["file"], r["line"], r["check"]) for r in listed if r["verdict"] == "document")
    gone = [f"{k[0]}:{k[1]} [{k[2]}]" for k, n in want.items() if len(raised.get(k, [])) < n]
    assert not gone, "real inconsistencies no longer found:\n" + "\n".join(gone)


def test_known_false_findings_are_still_raised(raised, listed):
    """The tool's own false findings, expected to disappear: each is a misreading or a wrong comparison
    of the importer or the audit (the list's ``why`` says which) and should be fixed.  When one is
    fixed this fails: remove its row from corpus_findings.tsv."""
    listed_all = Counter(key(r["file"], r["line"], r["check"]) for r in listed)
    tool = Counter(key(r["file"], r["line"], r["check"]) for r in listed if r["verdict"] == "tool")
    gone = [f"{k[0]}:{k[1]} [{k[2]}]" for k, n in tool.items() if len(raised.get(k, [])) < listed_all[k]]
    assert not gone, ("false findings no longer raised (fixed: remove their rows from "
                      "tests/audit/corpus_findings.tsv):\n" + "\n".join(gone))
