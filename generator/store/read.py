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
from dataclasses import fields
from pathlib import Path

from generator.core import jsontext
from generator.core.errors import DataError
from generator.core.model import Cell, Disclosure, Section, Source, Table, TableRow
from generator.store import schema as S
from generator.store.layout import (DISCLOSURES, LINK_PROBLEM, TEXT, disclosure_dirs, narrative_files, read_plain,
                                    require_data_dir, source_text_file)


def _source(record: dict, path: Path) -> Source:
    """A source with its text form, as the importer stored it beside the data."""
    return S.DISCLOSURE.inner["sources"].from_json(record, text=load_source_text(path, record["name"]))


def load_source_text(folder: Path, name: str) -> list[str]:
    """The text form of source ``name`` of the disclosure in ``folder``: line N is the line cited as N (read
    neither through a link to its file nor through a link to its folder ``text/``)."""
    if os.path.islink(folder / TEXT):
        raise OSError(errno.ELOOP, LINK_PROBLEM, str(folder / TEXT))
    return read_plain(folder / source_text_file(name)).split("\n")[:-1]


_CELL_FIELDS = tuple(f.name for f in fields(Cell))


def _tables(meta: dict, path: Path) -> list[Table]:
    """The tables of ``disclosure.json``, each with its rows (``rows.csv``) and their cells (``money.csv``), found
    by the table's id and the row's number."""
    # read as tuples (``read_columns``), a cell made from its fields in the order of the dataclass, not from a
    # dict: every build reads every figure of every disclosure (money.csv stores every field of a cell)
    cells: dict[tuple[str, int], list[Cell]] = defaultdict(list)
    for table, row, *values in S.read_columns(path / S.MONEY.name, S.MONEY, ("table", "row", *_CELL_FIELDS)):
        cells[(table, row)].append(Cell(*values))
    row_fields = S.ROWS.layout.own
    rows: dict[str, list[TableRow]] = defaultdict(list)
    for table, *values in S.read_columns(path / S.ROWS.name, S.ROWS, ("table", *row_fields)):
        record = dict(zip(row_fields, values))
        rows[table].append(TableRow(**record, cells=cells[(table, record["row"])]))
    tables = S.DISCLOSURE.inner["tables"]
    return [tables.from_json(t, rows=rows.get(t["id"], [])) for t in meta["tables"]]


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
        performance = jsontext.loads(read_plain(path / S.PERFORMANCE_JSON))
        if not isinstance(performance, dict):
            raise ValueError(f"{S.PERFORMANCE_JSON} is not a JSON object")
        # every collection of the disclosure, from the file that holds it (``schema``)
        d = S.DISCLOSURE.from_json(
            meta, sources=[_source(s, path) for s in meta["sources"]], tables=_tables(meta, path),
            **S.PERFORMANCE.values(performance),
            **{spec.collection[0]: spec.objects(path / spec.name) for spec in S.CSV_FILES if len(spec.collection) == 1},
            sections=_sections(path))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, csv.Error) as exc:
        raise DataError(f"{path}: cannot read the disclosure ({type(exc).__name__}: {exc}); "
                        f"run budgetsite check for details") from None
    return d


def load_all(data_dir: Path) -> list[Disclosure]:
    """Every disclosure of the data directory, each read once (``DataError`` when it is not a folder)."""
    require_data_dir(data_dir, missing_ok=False)
    return [load_disclosure(path) for path in disclosure_dirs(data_dir)]
