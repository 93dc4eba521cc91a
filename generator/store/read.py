"""Reading disclosures back from the data directory into the one typed model.

The data files are the single source of truth for everything after import;
the audit and the site take the ``Disclosure`` values read here.  Figures
come back as exact 元 (``int``, or ``Decimal`` with 分; None for a blank
cell), never as floats.  Data
that cannot be read is refused with the file it is in (``budgetsite check``
says exactly what is wrong).
"""

from __future__ import annotations

import csv
import errno
import html
import json
import os
from collections import defaultdict
from pathlib import Path

from generator.core import jsontext
from generator.core.errors import DataError
from generator.core.model import (BudgetLine, Cell, Disclosure, Finding, Indicator, Project, ProjectItem, Section,
                                  Source, Statement, Table, TableColumn, TableRow, Target, Task, Term, UnitRow)
from generator.core.vocabulary import (ColumnRole, IndicatorScope, Kind, Phase, ProjectSource, RowKind, Scheme, Scope,
                                       Severity, Side)
from generator.store import schema as S
from generator.store.layout import (DISCLOSURES, LINK_PROBLEM, TEXT, disclosure_dirs, narrative_files, read_plain,
                                    require_data_dir, source_text_file)


def _records(path: Path, spec: S.CsvFile) -> list[dict]:
    return S.read_records(path / spec.name, spec)


def _source(record: dict, path: Path) -> Source:
    """A source with its text form, as the importer stored it beside the data."""
    s = Source(**record)
    s.text = load_source_text(path, s.name)
    return s


def load_source_text(folder: Path, name: str) -> list[str]:
    """The text form of source ``name`` of the disclosure in ``folder``: line N is the line cited as N (read
    neither through a link to its file nor through a link to its folder ``text/``)."""
    if os.path.islink(folder / TEXT):
        raise OSError(errno.ELOOP, LINK_PROBLEM, str(folder / TEXT))
    return read_plain(folder / source_text_file(name)).split("\n")[:-1]


_ROW_FIELDS = ("table", "row", "line", "label", "kind", "code", "scheme", "level", "parent", "canonical", "code2",
               "scheme2", "label2", "unit_code", "side", "text", "flags")


def _tables(meta: dict, path: Path) -> list[Table]:
    cells: dict[tuple[str, int], list[Cell]] = defaultdict(list)
    for table, row, column, printed, yuan in S.read_columns(path / S.MONEY.name, S.MONEY,
                                                            ("table", "row", "column", "printed", "yuan")):
        cells[(table, row)].append(Cell(column, printed, yuan))
    rows: dict[str, list[TableRow]] = defaultdict(list)
    # read as tuples (``read_columns``), not a dict per row: every build reads every row of every disclosure;
    # an empty text field is an absent value (no code, no side …)
    for (table, row, line, label, kind, code, scheme, level, parent, canonical, code2, scheme2, label2, unit_code,
         side, text, flags) in S.read_columns(path / S.ROWS.name, S.ROWS, _ROW_FIELDS):
        rows[table].append(TableRow(
            row=row, line=line, label=label, kind=RowKind(kind), code=code or None,
            scheme=Scheme(scheme) if scheme else None, level=level, parent=parent or None,
            canonical=canonical or None, code2=code2 or None, scheme2=Scheme(scheme2) if scheme2 else None,
            label2=label2 or None, unit_code=unit_code or None, side=Side(side) if side else None, text=text,
            cells=cells[(table, row)], flags=flags))
    return [Table(id=t["id"], kind=Kind(t["kind"]), title=t["title"], document=t["document"], lines=tuple(t["lines"]),
                  unit=t["unit"], decimals=t["decimals"], columns=[_column(c) for c in t["columns"]],
                  rows=rows.get(t["id"], []), notes=t["notes"], note_lines=t["note_lines"], empty=t["empty"],
                  title_line=t["title_line"]) for t in meta["tables"]]


def _column(c: dict) -> TableColumn:
    return TableColumn(**(c | {"role": ColumnRole(c["role"]), "side": Side(c["side"]) if c.get("side") else None}))


def _finding(f: dict) -> Finding:
    return Finding(**(f | {"severity": Severity(f["severity"])}))


def _sections(path: Path) -> list[Section]:
    out = []
    for file in narrative_files(path):
        first, _, body = read_plain(file).partition("\n")
        m = S.SOURCE_LINE.fullmatch(first)
        if m is None:
            raise DataError(f"{file}:1: expected the source line “<!-- source: FILE line N -->”")
        heading = body.split("\n", 1)[0].removeprefix("## ")
        out.append(Section(file.stem.split("-", 1)[-1], html.unescape(heading), body, m.group(1), int(m.group(2))))
    return out


def _performance(d: Disclosure, perf: dict) -> None:
    d.targets = [Target(**t) for t in perf["targets"]]
    d.budget = [BudgetLine(**b) for b in perf["budget"]]
    d.projects = [Project(**(p | {"items": [ProjectItem(**i) for i in p["items"]], "source": ProjectSource(p["source"])}))
                  for p in perf["projects"]]
    d.units = [UnitRow(**u) for u in perf["units"]]


def load_disclosure(path: Path) -> Disclosure:
    """One disclosure folder as a ``Disclosure``.

    What the site makes paths and URLs of is refused when it is unsafe (``schema.identity_problems``: slugs,
    year, phase, scope, source names, table ids), and so is a folder under ``…/disclosures/`` that is not
    the one its ``disclosure.json`` names; no data file is read through a symbolic link."""
    try:
        meta = json.loads(read_plain(path / S.DISCLOSURE_JSON))
        if not isinstance(meta, dict):
            raise ValueError(f"{S.DISCLOSURE_JSON} is not a JSON object")
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}: cannot read the disclosure ({type(exc).__name__}: {exc}); "
                        f"run budgetsite check for details") from None
    problems = S.identity_problems(meta, path, folder=len(path.parts) > 3 and path.parts[-4] == DISCLOSURES)
    if problems:
        raise DataError(f"{problems[0]}; run budgetsite check for details")
    try:
        d = Disclosure(region=meta["region"], department=meta["department"], year=meta["year"],
                       phase=Phase(meta["phase"]), scope=Scope(meta["scope"]),
                       sources=[_source(s, path) for s in meta["sources"]], tables=_tables(meta, path),
                       merge_findings=[_finding(f) for f in meta["merge_findings"]],
                       region_slug=meta["region_slug"], department_slug=meta["department_slug"])
        d.indicators = [Indicator(**(i | {"scope": IndicatorScope(i["scope"])})) for i in _records(path, S.INDICATORS)]
        d.tasks = [Task(**t) for t in _records(path, S.TASKS)]
        d.statements = [Statement(**s) for s in _records(path, S.STATEMENTS)]
        d.glossary = [Term(**t) for t in _records(path, S.GLOSSARY)]
        _performance(d, jsontext.loads(read_plain(path / S.PERFORMANCE_JSON)))
        d.sections = _sections(path)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, csv.Error) as exc:
        raise DataError(f"{path}: cannot read the disclosure ({type(exc).__name__}: {exc}); "
                        f"run budgetsite check for details") from None
    return d


def load_all(data_dir: Path) -> list[Disclosure]:
    """Every disclosure of the data directory, each read once (``DataError`` when it is not a folder)."""
    require_data_dir(data_dir, missing_ok=False)
    return [load_disclosure(path) for path in disclosure_dirs(data_dir)]
