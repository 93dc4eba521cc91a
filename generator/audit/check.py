"""``budgetsite check``: validate the data directory, then print the audit.

Validation failures (a missing file, a field of the wrong form, a figure
that is not integer 元) make the data invalid and the command exit 1.  Audit
findings are reported but do not make the data invalid: they are facts about
the published documents that readers deserve to see.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.audit.checks import audit_disclosure
from generator.store.write import CSV_FILES, disclosure_dirs, read_csv

_INT = re.compile(r"^-?\d+$")
_SHA = re.compile(r"^[0-9a-f]{64}$")


def validate_disclosure(path: Path) -> list[str]:
    """Problems that make one disclosure directory invalid (empty when valid)."""
    problems: list[str] = []
    try:
        meta = json.loads((path / "disclosure.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{path / 'disclosure.json'}: cannot read: {exc}"]
    for key, kind in (("region", str), ("department", str), ("year", int), ("phase", str),
                      ("sources", list), ("tables", list)):
        if not isinstance(meta.get(key), kind):
            problems.append(f"{path / 'disclosure.json'}: field {key!r} must be {kind.__name__}")
    for s in meta.get("sources", []):
        if not _SHA.match(str(s.get("sha256", ""))):
            problems.append(f"{path / 'disclosure.json'}: source {s.get('name')!r} has no valid sha256")
    tables = {t.get("id"): t for t in meta.get("tables", [])}
    problems += _validate_performance(path)
    for name, fields in CSV_FILES.items():
        file = path / name
        if not file.is_file():
            problems.append(f"{file}: missing")
            continue
        rows = read_csv(file)
        header = file.read_text(encoding="utf-8").split("\n", 1)[0].split(",")
        if header != fields:
            problems.append(f"{file}: header must be {','.join(fields)}")
            continue
        for n, row in enumerate(rows, 2):
            if "table" in row and row["table"] not in tables:
                problems.append(f"{file}:{n}: unknown table {row['table']!r}")
            if name == "money.csv":
                if row["yuan"] and not _INT.match(row["yuan"]):
                    problems.append(f"{file}:{n}: yuan must be an integer number of 元, found {row['yuan']!r}")
                if row["unit"] not in ("元", "万元"):
                    problems.append(f"{file}:{n}: unit must be 元 or 万元, found {row['unit']!r}")
                if bool(row["yuan"]) != bool(row["printed"]):
                    problems.append(f"{file}:{n}: yuan and printed must be both blank or both filled")
            for key in ("amount_yuan", "fiscal_yuan", "count") + (("yuan",) if name == "statements.csv" else ()):
                if row.get(key) and not _INT.match(row[key]):
                    problems.append(f"{file}:{n}: {key} must be an integer, found {row[key]!r}")
            if name == "indicators.csv":
                if row["op"] not in _OPS:
                    problems.append(f"{file}:{n}: op must be one of {' '.join(sorted(_OPS - {''}))} or blank, "
                                    f"found {row['op']!r}")
                if row["scope"] not in ("department", "project"):
                    problems.append(f"{file}:{n}: scope must be department or project, found {row['scope']!r}")
            if "line" in row and not _INT.match(row.get("line") or ""):
                problems.append(f"{file}:{n}: line must be a line number")
    return problems


_OPS = {"", "≥", "≤", ">", "<", "=", "range", "qualitative"}


def _validate_performance(path: Path) -> list[str]:
    file = path / "performance.json"
    try:
        perf = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{file}: cannot read: {exc}"]
    problems = []
    for key in ("targets", "budget", "projects", "units"):
        if not isinstance(perf.get(key), list):
            problems.append(f"{file}: field {key!r} must be a list")
    for i, p in enumerate(perf.get("projects") or []):
        for key in ("name", "code", "unit_code", "printed", "unit", "document"):
            if not isinstance(p.get(key), str):
                problems.append(f"{file}: projects[{i}].{key} must be a string")
        if p.get("amount_yuan") is not None and not isinstance(p.get("amount_yuan"), int):
            problems.append(f"{file}: projects[{i}].amount_yuan must be an integer number of 元 or null")
    return problems


def check_data(data_dir: Path) -> int:
    from generator.core.errors import DataError
    from generator.store.registry import load as load_registry

    try:
        load_registry(data_dir)
    except DataError as exc:
        print(f"invalid: {exc}")
        print("1 problem: the data is invalid")
        return 1
    dirs = disclosure_dirs(data_dir)
    if not dirs:
        print(f"error: {data_dir}: no disclosures found (expected {data_dir}/disclosures/*/*/*/disclosure.json)")
        return 1
    problems = [p for d in dirs for p in validate_disclosure(d)]
    if problems:
        for p in problems:
            print(f"invalid: {p}")
        print(f"{len(problems)} problems: the data is invalid")
        return 1
    total = 0
    for d in dirs:
        findings = audit_disclosure(d)
        meta = json.loads((d / "disclosure.json").read_text(encoding="utf-8"))
        print(f"{meta['department']} {meta['year']}{meta['phase']} ({d.relative_to(data_dir)}): {len(findings)} findings")
        for f in findings:
            where = f"{f.document}:{f.line}"
            figures = f" (expected {f.expected}, found {f.found})" if f.expected or f.found else ""
            print(f"  [{f.severity}] {where} {f.message}{figures}")
        total += len(findings)
    print(f"data valid: {len(dirs)} disclosures, {total} audit findings")
    return 0
