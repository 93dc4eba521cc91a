"""The normalised data directory: writing it atomically, reading and validating it.

Layout (documented in docs/data-format.md)::

    DIR/sources/<file>.txt                       raw documents as published
    DIR/disclosures/<region>/<department>/<year>-<phase>/
        disclosure.json   identity, sources with hashes, tables (columns, notes)
        rows.csv          one line per table row: code, names, provenance
        money.csv         one line per figure: exact 元 and the printed text
        glossary.csv      名词解释 terms as printed
        indicators.csv    performance indicators (department-wide and per project)
        tasks.csv         main tasks of the department performance table
        performance.json  annual targets, 预算情况 lines, projects, unit rows
        statements.csv    figures and facts stated in the narrative
        narrative/NN-<key>.md   narrative sections (Markdown, HTML escaped)

Everything is written into a temporary sibling directory first and swapped
in at the end, so a failure leaves the previous data untouched.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from pathlib import Path

from generator.core.errors import DataError
from generator.core.model import Disclosure
from generator.store.registry import FILE as REGISTRY_FILE, Registry

FORMAT_VERSION = 1
PHASE_SLUGS = {"预算": "budget", "决算": "final"}

ROW_FIELDS = ["table", "row", "kind", "side", "code", "scheme", "level", "parent", "label", "canonical",
              "code2", "scheme2", "label2", "unit_code", "text", "flags", "document", "line"]
MONEY_FIELDS = ["table", "row", "column", "yuan", "printed", "unit", "decimals", "document", "line"]
GLOSSARY_FIELDS = ["term", "definition", "document", "line"]
INDICATOR_FIELDS = ["scope", "project", "project_code", "level1", "level2", "level3", "value", "op", "number",
                    "number2", "unit", "explanation", "note", "flags", "document", "line"]
TASK_FIELDS = ["name", "content", "amount", "amount_yuan", "fiscal", "fiscal_yuan", "unit", "note", "document", "line"]
STATEMENT_FIELDS = ["measure", "printed", "unit", "decimals", "yuan", "count", "quote", "document", "line"]
CSV_FILES = {"rows.csv": ROW_FIELDS, "money.csv": MONEY_FIELDS, "glossary.csv": GLOSSARY_FIELDS,
             "indicators.csv": INDICATOR_FIELDS, "tasks.csv": TASK_FIELDS, "statements.csv": STATEMENT_FIELDS}


def disclosure_path(d: Disclosure, registry: Registry) -> Path:
    return Path("disclosures") / registry.region_slug(d.region) / registry.department_slug(d.region, d.department) / \
        f"{d.year}-{PHASE_SLUGS.get(d.phase, 'budget')}"


def _csv_text(fields: list[str], rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in fields})
    return buf.getvalue()


def render_disclosure(d: Disclosure, registry: Registry) -> dict[str, str]:
    """All files of one disclosure, as relative path -> text (deterministic)."""
    base = disclosure_path(d, registry)
    meta = {
        "format": FORMAT_VERSION,
        "region": d.region, "department": d.department, "year": d.year, "phase": d.phase,
        "region_slug": registry.region_slug(d.region),
        "department_slug": registry.department_slug(d.region, d.department),
        "sources": [s.__dict__ for s in d.sources],
        "tables": [{
            "id": t.id, "kind": t.kind, "title": t.title, "document": t.document, "lines": list(t.lines),
            "title_line": t.title_line, "unit": t.unit, "decimals": t.decimals, "empty": t.empty,
            "columns": [c.__dict__ for c in t.columns], "notes": t.notes, "note_lines": t.note_lines,
        } for t in d.tables],
        "merge_findings": [f.as_dict() for f in d.merge_findings],
    }
    performance = {
        "targets": [t.__dict__ for t in d.targets],
        "budget": [b.__dict__ for b in d.budget],
        "projects": [p.__dict__ for p in d.projects],
        "units": d.units,
    }
    indicators = [i.__dict__ | {"flags": ";".join(i.flags)} for i in d.indicators]
    rows, money = [], []
    for t in d.tables:
        for r in t.rows:
            rows.append({"table": t.id, "row": r.row, "kind": r.kind, "side": r.side, "code": r.code,
                         "scheme": r.scheme, "level": r.level, "parent": r.parent, "label": r.label,
                         "canonical": r.canonical, "code2": r.code2, "scheme2": r.scheme2, "label2": r.label2,
                         "unit_code": r.unit_code,
                         "text": json.dumps(r.text, ensure_ascii=False, sort_keys=True) if r.text else "",
                         "flags": ";".join(r.flags), "document": t.document, "line": r.line})
            for c in r.cells:
                money.append({"table": t.id, "row": r.row, "column": c.column, "yuan": c.yuan,
                              "printed": c.printed, "unit": t.unit, "decimals": t.decimals,
                              "document": t.document, "line": r.line})
    files = {
        str(base / "disclosure.json"): json.dumps(meta, ensure_ascii=False, indent=1) + "\n",
        str(base / "rows.csv"): _csv_text(ROW_FIELDS, rows),
        str(base / "money.csv"): _csv_text(MONEY_FIELDS, money),
        str(base / "glossary.csv"): _csv_text(GLOSSARY_FIELDS, [t.__dict__ for t in d.glossary]),
        str(base / "indicators.csv"): _csv_text(INDICATOR_FIELDS, indicators),
        str(base / "tasks.csv"): _csv_text(TASK_FIELDS, [t.__dict__ for t in d.tasks]),
        str(base / "performance.json"): json.dumps(performance, ensure_ascii=False, indent=1) + "\n",
        str(base / "statements.csv"): _csv_text(STATEMENT_FIELDS, d.statements),
    }
    for i, s in enumerate(d.sections, 1):
        files[str(base / "narrative" / f"{i:02d}-{s.key}.md")] = (
            f"<!-- source: {s.document} line {s.line} -->\n{s.markdown}")
    return files


def write_data(data_dir: Path, sources: dict[str, bytes], disclosures: list[Disclosure],
               registry: Registry) -> None:
    """Replace DIR/sources additions, DIR/registry.yaml and DIR/disclosures atomically."""
    data_dir = data_dir.resolve()
    parent = data_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{data_dir.name}.tmp-", dir=parent))
    try:
        if data_dir.exists():
            for item in data_dir.iterdir():
                if item.name == "disclosures":
                    continue
                target = tmp / item.name
                if item.is_dir():
                    shutil.copytree(item, target)
                else:
                    shutil.copy2(item, target)
        (tmp / "sources").mkdir(exist_ok=True)
        for name, raw in sources.items():
            (tmp / "sources" / name).write_bytes(raw)
        (tmp / REGISTRY_FILE).write_text(registry.dump(), encoding="utf-8")
        seen: set[str] = set()
        for d in disclosures:
            for rel, text in render_disclosure(d, registry).items():
                if rel in seen:
                    raise DataError(f"two disclosures map to the same file {rel}")
                seen.add(rel)
                path = tmp / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
        old = None
        if data_dir.exists():
            old = parent / f".{data_dir.name}.old-{os.getpid()}"
            data_dir.rename(old)
        tmp.rename(data_dir)
        if old is not None:
            shutil.rmtree(old)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def disclosure_dirs(data_dir: Path) -> list[Path]:
    return sorted(p.parent for p in (data_dir / "disclosures").glob("*/*/*/disclosure.json"))
