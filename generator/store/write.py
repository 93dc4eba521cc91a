"""Writing disclosures into the data directory, atomically.

Everything is written into a temporary sibling directory first, validated
with the same rules as ``budgetsite check``, and swapped in at the end, so
a failure leaves the previous data untouched and an import never leaves
data that ``check`` would refuse.  The same disclosures always give
byte-identical files.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import asdict
from pathlib import Path

from generator.core import jsontext
from generator.core.errors import DataError
from generator.core.folders import WorkFolder, swap_in
from generator.core.model import Disclosure
from generator.store import schema as S
from generator.store.layout import (DISCLOSURES, REGISTRY, SOURCES, disclosure_folder, narrative_file,
                                    source_text_file)
from generator.store.registry import Registry


def _json(data: dict) -> str:
    return jsontext.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _pick(obj: object, keys: tuple[str, ...]) -> dict:
    record = asdict(obj)
    return {k: record[k] for k in keys}


def render_disclosure(d: Disclosure) -> dict[str, str]:
    """All files of one disclosure, as path relative to its folder -> text (deterministic)."""
    meta = {
        "format": S.FORMAT_VERSION,
        "region": d.region, "department": d.department, "year": d.year, "phase": d.phase, "scope": d.scope,
        "region_slug": d.region_slug, "department_slug": d.department_slug,
        "sources": [_pick(s, S.SOURCE_KEYS) for s in d.sources],
        "tables": [{
            "id": t.id, "kind": str(t.kind), "title": t.title, "document": t.document, "lines": list(t.lines),
            "title_line": t.title_line, "unit": t.unit, "decimals": t.decimals, "empty": t.empty,
            "columns": [_pick(c, S.COLUMN_KEYS) for c in t.columns], "notes": t.notes, "note_lines": t.note_lines,
        } for t in d.tables],
        "merge_findings": [_pick(f, S.FINDING_KEYS) for f in d.merge_findings],
    }
    performance = {
        "targets": [_pick(t, S.TARGET_KEYS) for t in d.targets],
        "budget": [_pick(b, S.BUDGET_KEYS) for b in d.budget],
        "projects": [_pick(p, S.PROJECT_KEYS) for p in d.projects],
        "units": [_pick(u, S.UNIT_KEYS) for u in d.units],
    }
    rows, money = [], []
    for t in d.tables:
        for r in t.rows:
            rows.append(asdict(r) | {"table": t.id, "document": t.document})
            for c in r.cells:
                money.append({"table": t.id, "row": r.row, "column": c.column, "yuan": c.yuan, "printed": c.printed,
                              "unit": t.unit, "decimals": t.decimals, "document": t.document, "line": r.line})
    files = {
        S.DISCLOSURE_JSON: _json(meta),
        S.ROWS.name: S.csv_text(S.ROWS, rows),
        S.MONEY.name: S.csv_text(S.MONEY, money),
        S.GLOSSARY.name: S.csv_text(S.GLOSSARY, [asdict(t) for t in d.glossary]),
        S.INDICATORS.name: S.csv_text(S.INDICATORS, [asdict(i) for i in d.indicators]),
        S.TASKS.name: S.csv_text(S.TASKS, [asdict(t) for t in d.tasks]),
        S.PERFORMANCE_JSON: _json(performance),
        S.STATEMENTS.name: S.csv_text(S.STATEMENTS, [asdict(s) for s in d.statements]),
    }
    for s in d.sources:
        files[source_text_file(s.name)] = "".join(line + "\n" for line in s.text)
    for i, s in enumerate(d.sections, 1):
        files[narrative_file(i, s.key)] = f"<!-- source: {s.document} line {s.line} -->\n{s.markdown}"
    return files


def write_data(data_dir: Path, sources: dict[str, bytes], disclosures: list[Disclosure],
               registry: Registry) -> None:
    """Add ``sources`` and replace DIR/registry.yaml and DIR/disclosures, atomically: the new data is made in
    a hidden sibling (what stays, such as the sources, hard-linked into it, not copied) and exchanged with
    the old in one step (``core.folders.swap_in``)."""
    data_dir = data_dir.resolve()
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    work = WorkFolder(data_dir)
    tmp = work.path
    try:
        if data_dir.exists():
            for item in data_dir.iterdir():
                if item.name == DISCLOSURES:
                    continue
                target = tmp / item.name
                if item.is_dir() and not item.is_symlink():
                    shutil.copytree(item, target, symlinks=True, copy_function=_link_or_copy)
                else:
                    _link_or_copy(item, target)
        (tmp / SOURCES).mkdir(exist_ok=True)
        # what is written is unlinked first: it may be a link to the old data's file, which must stay as it was
        for name, raw in sources.items():
            (tmp / SOURCES / name).unlink(missing_ok=True)
            (tmp / SOURCES / name).write_bytes(raw)
        (tmp / REGISTRY).unlink(missing_ok=True)
        (tmp / REGISTRY).write_text(registry.dump(), encoding="utf-8")
        folders: set[str] = set()
        for d in disclosures:
            d.region_slug = registry.region_slug(d.region)
            d.department_slug = registry.department_slug(d.region, d.department)
            folder = disclosure_folder(d.region_slug, d.department_slug, d.edition)
            if folder in folders:
                raise DataError(f"two disclosures map to the same folder {DISCLOSURES}/{folder}")
            folders.add(folder)
            for rel, text in render_disclosure(d).items():
                path = tmp / DISCLOSURES / folder / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            problems = S.validate_disclosure(tmp / DISCLOSURES / folder)
            if problems:
                raise DataError(f"the import made data that does not validate, so nothing was changed: {problems[0]}")
        swap_in(work)
    except OSError as exc:
        raise DataError(f"cannot write the data folder {data_dir}: {exc.strerror or exc}; nothing was changed") from None
    finally:
        if tmp.exists() and tmp != data_dir:
            work.discard()


def _link_or_copy(source, target) -> None:
    """A file that stays as it is, in the new data folder: the same file (a hard link), or a copy where the
    file system has no links.  A link in the data stays a link (``check`` refuses it), never followed."""
    if os.path.islink(source):
        os.symlink(os.readlink(source), target)
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
