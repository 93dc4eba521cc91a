"""The data format of one disclosure folder: its files, their fields, and what makes them valid.

The writer, the reader and ``check`` all take the field lists from here.
They are not written out but derived from the model's dataclasses
(``store.fields`` says how and why): what is said here is only what the
model cannot say, the order of each file's fields, the collection each file
holds, what a record takes from the one that holds it and what is kept
elsewhere.  ``docs/data-format.md`` is tested against them: a field that is
not documented fails a test.  Money is an exact number of 元 in every file:
``86412027``, or ``91016775.35`` when the document prints 分 (an empty cell
is a blank printed cell; ``0`` is a printed zero), never a float.
"""

from __future__ import annotations

import csv
import dataclasses
import enum
import io
import json
import operator
import os
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from generator.core import jsontext
from generator.core.model import (BudgetLine, Cell, Disclosure, Finding, Indicator, Source, Statement, Table,
                                  TableRow, Task, Term, UnitRow)
from generator.core.money import YUAN_TEXT, parse_yuan_text
from generator.core.vocabulary import KINDS, PHASES, SCOPES, edition
from generator.store.fields import (Layout, container, enum_of, is_amount, is_integer, layout, optional, parts,
                                    record_of)
from generator.store.layout import (DISCLOSURES, EDITION, LINK_PROBLEM, SLUG, SOURCES, data_dir_problem,
                                    name_problem, narrative_files, open_plain, read_plain, source_text_file,
                                    unprintable)

FORMAT_VERSION = 3

DISCLOSURE_JSON = "disclosure.json"
PERFORMANCE_JSON = "performance.json"


@dataclass(frozen=True)
class CsvFile:
    """One CSV file of a disclosure folder: its header and the form of its fields, from the dataclass of its
    records (``fields.layout``), and the collection of a ``Disclosure`` it holds (``("tables", "rows")``:
    every row of every table)."""

    name: str
    fields: tuple[str, ...]
    integers: frozenset[str] = frozenset()          # integers when filled
    amounts: frozenset[str] = frozenset()           # 元 exact to the 分 when filled
    lists: frozenset[str] = frozenset()             # lists joined with ";"
    mappings: frozenset[str] = frozenset()          # JSON objects (empty: none)
    optional: frozenset[str] = frozenset()          # text that is absent (None) when empty
    enums: dict[str, Callable[[str], object]] = field(default_factory=dict)   # a member of an enumeration
    choices: dict[str, frozenset[str]] = field(default_factory=dict)
    layout: Layout | None = None
    collection: tuple[str, ...] = ()

    @classmethod
    def of(cls, name: str, model: type, collection: tuple[str, ...], order: tuple[str, ...] = (),
           omit: tuple[str, ...] = (), context: dict[str, tuple[type, str]] | None = None,
           choices: dict[str, frozenset[str]] | None = None) -> CsvFile:
        """The file of ``model``'s records, each field in the form its type says."""
        lay = layout(model, order, omit, context)
        forms: dict[str, set[str]] = {"integers": set(), "amounts": set(), "lists": set(), "mappings": set(),
                                      "optional": set()}
        enums: dict[str, Callable[[str], object]] = {}
        choices = dict(choices or {})
        for fname, tp in lay.types.items():
            kind = container(tp)
            if is_amount(tp):
                forms["amounts"].add(fname)
            elif is_integer(tp):
                forms["integers"].add(fname)
            elif kind is list:
                forms["lists"].add(fname)
            elif kind is dict:
                forms["mappings"].add(fname)
            elif enum_of(tp) is not None:
                member = enum_of(tp)
                enums[fname] = (lambda text, e=member: e(text) if text else None) if optional(tp) else member
                # ``check`` holds the field to its members' values, unless the file names its own choices
                choices.setdefault(fname, frozenset(m.value for m in member) | ({""} if optional(tp) else set()))
            elif parts(tp) == (str,):
                if optional(tp):
                    forms["optional"].add(fname)
            else:
                raise TypeError(f"{name}: no CSV form for the field {fname!r} of type {tp}")
        return cls(name, lay.fields, **{k: frozenset(v) for k, v in forms.items()}, enums=enums,
                   choices=choices, layout=lay, collection=collection)

    def record(self, obj: object, holders: tuple = ()) -> dict[str, object]:
        return self.layout.record(obj, holders)

    def objects(self, path: Path) -> list:
        """The records of the file (one with no context field), as the model's objects."""
        return [self.layout.model(**r) for r in read_records(path, self)]


@dataclass(frozen=True)
class JsonObject:
    """One kind of object of a disclosure's JSON files (``tables[]``, ``performance.json``): its keys, from its
    dataclass (``fields.layout``).  ``header`` keys are written first and are not the model's (``format``);
    a ``sparse`` key is written only when its value is not the field's default; ``inner`` has the objects
    of the fields that hold a list of records."""

    name: str
    layout: Layout
    header: tuple[str, ...] = ()
    sparse: dict[str, object] = field(default_factory=dict)     # key -> the default it is not written with
    inner: dict[str, JsonObject] = field(default_factory=dict)

    @classmethod
    def of(cls, name: str, model: type, order: tuple[str, ...] = (), omit: tuple[str, ...] = (),
           only: tuple[str, ...] | None = None, header: tuple[str, ...] = (), sparse: tuple[str, ...] = (),
           inner: tuple[JsonObject, ...] = ()) -> JsonObject:
        lay = layout(model, order, omit, only=only)
        given = {o.name: o for o in inner}
        nested = {}
        for fname, tp in lay.types.items():
            item = record_of(tp)
            if item is not None:
                nested[fname] = given.pop(f"{fname}[]", None) or JsonObject.of(f"{fname}[]", item)
        if given:
            raise ValueError(f"{name}: no field holds the objects {sorted(given)}")
        defaults = {f.name: f.default if f.default_factory is dataclasses.MISSING else f.default_factory()
                    for f in dataclasses.fields(model) if f.name in sparse}
        if set(defaults) != set(sparse) or dataclasses.MISSING in defaults.values():
            raise ValueError(f"{name}: a sparse field must be one of {model.__name__}'s with a default")
        return cls(name, lay, header, defaults, nested)

    @property
    def keys(self) -> tuple[str, ...]:
        return self.header + self.layout.fields

    def objects(self) -> list[JsonObject]:
        """This object and every one within it, outermost first."""
        return [self] + [o for inner in self.inner.values() for o in inner.objects()]

    def to_json(self, obj: object, **header: object) -> dict[str, object]:
        """``obj`` as this JSON object: its stored fields, an enumeration as its value, a tuple as a list."""
        out: dict[str, object] = {key: header[key] for key in self.header}
        defaults = self.sparse
        for name in self.layout.fields:
            value = getattr(obj, name)
            if name in defaults and value == defaults[name]:
                continue
            inner = self.inner.get(name)
            if inner is not None:
                value = [inner.to_json(x) for x in value]
            elif isinstance(value, enum.Enum):
                value = value.value
            elif isinstance(value, tuple):
                value = list(value)
            out[name] = value
        return out

    def from_json(self, record: dict, **given: object):
        """The model's object of a JSON object as ``to_json`` writes it; ``given`` fields are taken as they are
        (what another file holds: a table's rows)."""
        return self.layout.model(**self.values(record, skip=given), **given)

    def values(self, record: dict, skip: Collection[str] = ()) -> dict[str, object]:
        """The model's fields of a JSON object, each back to its type (a key not written: its default).  A key
        the object does not have is refused (TypeError)."""
        unknown = set(record) - set(self.keys)
        if unknown:
            raise TypeError(f"{self.name} has no key {sorted(unknown)[0]!r}")
        values: dict[str, object] = {}
        for name in self.layout.fields:
            if name not in record or name in skip:
                continue
            value, tp = record[name], self.layout.types[name]
            if name in self.inner:
                value = [self.inner[name].from_json(x) for x in value]
            elif value is not None and enum_of(tp) is not None:
                value = enum_of(tp)(value)
            elif value is not None and container(tp) is tuple:
                value = tuple(value)
            values[name] = value
        return values


# The files of a disclosure folder, and the collection of a ``Disclosure`` each holds.  The order of their
# fields is the published format: a field not named in ``order`` follows the named ones, in the dataclass's
# order (``fields.layout``).
ROWS = CsvFile.of("rows.csv", TableRow, ("tables", "rows"), order=(
    "table", "row", "kind", "side", "code", "scheme", "level", "parent", "label", "canonical",
    "code2", "scheme2", "label2", "unit_code", "text", "flags", "document", "line"),
    omit=("cells",), context={"table": (Table, "id"), "document": (Table, "document")})
MONEY = CsvFile.of("money.csv", Cell, ("tables", "rows", "cells"), order=(
    "table", "row", "column", "yuan", "printed", "unit", "decimals", "document", "line"),
    context={"table": (Table, "id"), "row": (TableRow, "row"), "unit": (Table, "unit"),
             "decimals": (Table, "decimals"), "document": (Table, "document"), "line": (TableRow, "line")},
    choices={"unit": frozenset({"元", "万元"})})
GLOSSARY = CsvFile.of("glossary.csv", Term, ("glossary",))
INDICATORS = CsvFile.of("indicators.csv", Indicator, ("indicators",), order=(
    "scope", "project", "project_code", "level1", "level2", "level3", "value", "op", "number", "number2", "unit",
    "explanation", "note", "flags", "document", "line"),
    choices={"op": frozenset({"", "≥", "≤", ">", "<", "=", "range", "qualitative"})})    # scope: IndicatorScope
TASKS = CsvFile.of("tasks.csv", Task, ("tasks",), order=(
    "name", "content", "amount", "amount_yuan", "fiscal", "fiscal_yuan", "unit", "note", "document", "line"))
STATEMENTS = CsvFile.of("statements.csv", Statement, ("statements",), order=(
    "measure", "printed", "unit", "decimals", "yuan", "count", "quote", "subject", "document", "line"))
CSV_FILES: tuple[CsvFile, ...] = (ROWS, MONEY, GLOSSARY, INDICATORS, TASKS, STATEMENTS)

# The JSON files (documented in docs/data-format.md)
PERFORMANCE = JsonObject.of(PERFORMANCE_JSON, Disclosure, only=("targets", "budget", "projects", "units"), inner=(
    JsonObject.of("budget[]", BudgetLine, order=("key", "label")),
    JsonObject.of("units[]", UnitRow, order=("code", "name"))))
NARRATIVE = ("sections",)          # narrative/NN-<key>.md, a file for each section
NOT_STORED = ("coverage",)         # what the import took from each document: it describes the import
DISCLOSURE = JsonObject.of(DISCLOSURE_JSON, Disclosure, header=("format",), order=(
    "region", "department", "year", "phase", "scope", "region_slug", "department_slug", "sources", "tables",
    "merge_findings"),
    omit=(*PERFORMANCE.layout.fields, *(s.collection[0] for s in CSV_FILES if len(s.collection) == 1),
          *NARRATIVE, *NOT_STORED),
    inner=(JsonObject.of("sources[]", Source, omit=("text",)),       # the text form is a file of its own
           JsonObject.of("tables[]", Table, omit=("rows",), order=(  # the rows are in rows.csv
               "id", "kind", "title", "document", "lines", "title_line", "unit", "decimals", "empty", "columns",
               "notes", "note_lines")),
           # a merge finding states no figure's name nor another place: those keys are written when it does
           JsonObject.of("merge_findings[]", Finding,
                         sparse=("expected_as", "found_as", "other_document", "other_line"))))

DISCLOSURE_KEYS = DISCLOSURE.keys
PERFORMANCE_KEYS = PERFORMANCE.keys
JSON_FILES: tuple[JsonObject, ...] = (DISCLOSURE, PERFORMANCE)
# every kind of JSON object, by the name docs/data-format.md gives it
JSON_OBJECTS: dict[str, JsonObject] = {o.name: o for f in JSON_FILES for o in f.objects()}


# --- encoding of CSV cells ---------------------------------------------------------------------------

def encode(spec: CsvFile, record: dict) -> dict[str, object]:
    """A record as CSV cells: None is empty, lists are joined, mappings are JSON."""
    out: dict[str, object] = {}
    for name in spec.fields:
        value = record.get(name)
        if name in spec.lists:
            value = ";".join(value or [])
        elif name in spec.mappings:
            value = json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""
        out[name] = "" if value is None else value
    return out


def _integer(text: str) -> int | None:
    return int(text) if text != "" else None


def _amount(text: str):
    return parse_yuan_text(text) if text != "" else None


def _list(text: str) -> list[str]:
    return [f for f in text.split(";") if f]


def _mapping(text: str) -> dict:
    return json.loads(text) if text else {}


def _text(text: str) -> str:
    return text


def _optional(text: str) -> str | None:
    return text or None


_CONVERTERS: dict[tuple, list[tuple[str, object]]] = {}


def _converters(spec: CsvFile) -> list[tuple[str, object]]:
    """Each field with the function that reads its cell (worked out once per file kind: a build reads
    hundreds of thousands of cells)."""
    key = (spec.name, spec.fields, spec.layout.model if spec.layout else None)
    found = _CONVERTERS.get(key)
    if found is None:
        found = _CONVERTERS[key] = [
            (name, _integer if name in spec.integers else _amount if name in spec.amounts
             else _list if name in spec.lists else _mapping if name in spec.mappings
             else _optional if name in spec.optional else spec.enums.get(name, _text))
            for name in spec.fields]
    return found


def read_records(path: Path, spec: CsvFile) -> list[dict[str, object]]:
    """The file's rows, each cell back to its value (integers, None when empty, lists and mappings:
    ``_converters``); its header may order the fields in any way."""
    names = spec.fields
    return [dict(zip(names, values)) for values in read_columns(path, spec, names)]


def read_columns(path: Path, spec: CsvFile, names: tuple[str, ...]) -> list[tuple]:
    """Only the fields ``names`` of the file's rows, decoded, as tuples in that order: a disclosure's money
    is read on every build, and a dict for each of its figures cost more than reading them.  A text field
    is taken as it is; only the others go through their converter."""
    with open_plain(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        at = {name: i for i, name in enumerate(next(reader, []))}
        readers = dict(_converters(spec))
        indices = [at[name] for name in names]
        # itemgetter of several gives a tuple; of one, the item itself
        pick = operator.itemgetter(*indices) if len(indices) > 1 else (lambda row, i=indices[0]: (row[i],))
        convert = [(pos, readers[name]) for pos, name in enumerate(names) if readers[name] is not _text]
        out = []
        for row in reader:
            if not row:
                continue
            values = pick(row)
            if convert:
                values = list(values)
                for pos, read in convert:
                    values[pos] = read(values[pos])
                values = tuple(values)
            out.append(values)
        return out


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    with open_plain(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def csv_text(spec: CsvFile, records: list[dict]) -> str:
    """The file's text: the header, then one encoded line per record."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=spec.fields, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(encode(spec, record))
    return buf.getvalue()


# --- validation ------------------------------------------------------------------------------------

_INT = re.compile(r"-?[0-9]+")                     # matched whole (fullmatch): ASCII digits, no line end
_SHA = re.compile(r"^[0-9a-f]{64}$")
# a table's id: its kind, and ``-2`` for a second table of that kind (``basic_economic-2``)
TABLE_ID = re.compile(r"[a-z][a-z0-9_]{0,99}(?:-[0-9]{1,4})?")
# the first line of a narrative section: the document and line it was read from
SOURCE_LINE = re.compile(r"<!-- source: (.*) line ([0-9]+) -->")
_SLUG_RULE = "lower-case ASCII letters, digits and '-', not starting with '-', at most 200"


def validate_csv(spec: CsvFile, path: Path, table_ids: set[str]) -> list[str]:
    """Problems of one CSV file: its header, and each field's form, with the line that has it."""
    try:
        with open_plain(path, encoding="utf-8", newline="") as fh:
            records = list(csv.reader(fh))
    except FileNotFoundError:
        return [f"{path}: missing"]
    except (OSError, ValueError, csv.Error) as exc:
        return [f"{path}: cannot read: {exc}"]
    if not records or tuple(records[0]) != spec.fields:
        return [f"{path}: header must be {','.join(spec.fields)}"]
    problems: list[str] = []
    plain: set[str] = set()                        # document names already found plain
    width = len(spec.fields)
    for n, cells in enumerate((r for r in records[1:] if r), 2):
        if len(cells) != width:
            problems.append(f"{path}:{n}: expected {width} fields, found {len(cells)}")
            cells = (cells + [""] * width)[:width]            # and the fields it has are looked at too
        row = dict(zip(spec.fields, cells))
        if "table" in row and row["table"] not in table_ids:
            problems.append(f"{path}:{n}: unknown table {row['table']!r}")
        for name in sorted(spec.integers - {"line"}):
            if row[name] and not _INT.fullmatch(row[name]):
                problems.append(f"{path}:{n}: {name} must be an integer, found {row[name]!r}")
        for name in sorted(spec.amounts):
            if row[name] and not YUAN_TEXT.fullmatch(row[name]):
                problems.append(f"{path}:{n}: {name} must be a number of 元 with at most two decimals (分), "
                                f"found {row[name]!r}")
        for name, allowed in spec.choices.items():
            if row[name] not in allowed:
                shown = " ".join(sorted(allowed - {""})) + (" or blank" if "" in allowed else "")
                problems.append(f"{path}:{n}: {name} must be one of {shown}, found {row[name]!r}")
        if spec is MONEY and bool(row["yuan"]) != bool(row["printed"]):
            problems.append(f"{path}:{n}: yuan and printed must be both blank or both filled")
        if "line" in row and not _INT.fullmatch(row["line"] or ""):
            problems.append(f"{path}:{n}: line must be a line number")
        document = row.get("document")
        if document is not None and document not in plain:
            why = name_problem(document)
            if why is None:
                plain.add(document)
            else:
                problems.append(f"{path}:{n}: document {why}, found {document!r}")
    return problems


def _objects(value: object, where: str, problems: list[str]) -> list[dict]:
    """The JSON objects of a list; any other item is a problem (and left out)."""
    out = []
    for i, item in enumerate(value if isinstance(value, list) else []):
        if isinstance(item, dict):
            out.append(item)
        else:
            problems.append(f"{where}[{i}] must be an object")
    return out


def identity_problems(meta: dict, path: Path, folder: bool = True) -> list[str]:
    """Problems of what a disclosure's paths and URLs are made of: its year, phase and scope (its edition,
    ``2024-budget``), its slugs, the names of its sources and the ids of its tables (file names in the
    site); with ``folder``, that ``path`` is ``…/disclosures/<region_slug>/<department_slug>/<edition>``.
    Cheap (no file is read): the build's reading of a disclosure checks it too."""
    file = path / DISCLOSURE_JSON
    problems: list[str] = []
    for key, kind in (("region", str), ("department", str), ("phase", str), ("scope", str),
                      ("sources", list), ("tables", list)):
        if not isinstance(meta.get(key), kind):
            problems.append(f"{file}: field {key!r} must be {kind.__name__}")
    year = meta.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1000 <= year <= 9999:
        problems.append(f"{file}: field 'year' must be a year of four digits, found {year!r}")
        year = None
    phase, scope = meta.get("phase"), meta.get("scope")
    if isinstance(phase, str) and phase not in PHASES:
        problems.append(f"{file}: phase must be one of {' '.join(PHASES)}, found {phase!r}")
    if isinstance(scope, str) and scope not in SCOPES:
        problems.append(f"{file}: scope must be one of {' '.join(SCOPES)}, found {scope!r}")
    slugs = [meta.get("region_slug"), meta.get("department_slug")]
    for key, value in zip(("region_slug", "department_slug"), slugs):
        if not isinstance(value, str) or not SLUG.fullmatch(value):
            problems.append(f"{file}: {key} must be a slug ({_SLUG_RULE}), found {value!r}")
    known = all(isinstance(v, str) and SLUG.fullmatch(v) for v in slugs) and year is not None \
        and phase in PHASES and scope in SCOPES
    if folder and known:
        expected = (*slugs, edition(year, phase, scope))
        found = path.parts[-3:]
        if len(path.parts) < 4 or path.parts[-4] != DISCLOSURES or tuple(found) != expected:
            problems.append(f"{path}: the folder must be {DISCLOSURES}/{'/'.join(expected)}, as its "
                            f"{DISCLOSURE_JSON} says (region_slug, department_slug, year, phase and scope); "
                            f"found {'/'.join(path.parts[-4:])}")
    names: set[str] = set()
    for s in _objects(meta.get("sources"), f"{file}: sources", problems):
        name = s.get("name")
        why = name_problem(name)
        if why is not None:
            problems.append(f"{file}: source name {why}, found {name!r}")
        elif name in names:
            problems.append(f"{file}: source {name!r} is listed twice")
        names.add(name if isinstance(name, str) else "")
    ids: set[str] = set()
    for t in _objects(meta.get("tables"), f"{file}: tables", problems):
        table = t.get("id")
        if not isinstance(table, str) or not TABLE_ID.fullmatch(table):
            problems.append(f"{file}: table id must be a table kind, with -N for its Nth table of that kind "
                            f"(basic_economic-2), found {table!r}")
        elif table in ids:
            problems.append(f"{file}: table id {table!r} is used twice")
        ids.add(table if isinstance(table, str) else "")
        why = name_problem(t.get("document"))
        if why is not None:
            problems.append(f"{file}: table {table!r}: document {why}, found {t.get('document')!r}")
    return problems


def validate_disclosure(path: Path, sources: set[str] | None = None) -> list[str]:
    """Problems that make one disclosure folder invalid (empty when valid).

    Given ``sources`` (the documents of ``DIR/sources``: ``layout.source_files``), each source of the
    disclosure must be one of them."""
    file = path / DISCLOSURE_JSON
    try:
        meta = json.loads(read_plain(file))
    except (OSError, ValueError) as exc:
        return [f"{file}: cannot read: {exc}"]
    if not isinstance(meta, dict):
        return [f"{file}: must be a JSON object with the keys {', '.join(DISCLOSURE_KEYS)}"]
    problems: list[str] = []
    if meta.get("format") != FORMAT_VERSION:
        problems.append(f"{file}: format must be {FORMAT_VERSION}, found {meta.get('format')!r}; "
                        f"import the sources again (budgetsite import) to rewrite the data")
    problems += identity_problems(meta, path)
    for s in _objects(meta.get("sources"), f"{file}: sources", []):
        name = s.get("name")
        if not _SHA.match(str(s.get("sha256", ""))):
            problems.append(f"{file}: source {name!r} has no valid sha256")
        if name_problem(name) is not None:
            continue                               # reported by identity_problems; its text is not looked for
        if sources is not None and name not in sources:
            problems.append(f"{file}: source {name!r} is not in {SOURCES}/ (expected the document as published, "
                            f"a regular file {SOURCES}/{name} of the data directory)")
        text = path / source_text_file(name)
        try:
            count = len(read_plain(text).split("\n")) - 1
        except FileNotFoundError:
            problems.append(f"{text}: missing (the text form of source {name!r})")
            continue
        except (OSError, ValueError) as exc:
            problems.append(f"{text}: cannot read (the text form of source {name!r}): {exc}")
            continue
        if count != s.get("lines"):
            problems.append(f"{text}: has {count} lines, disclosure.json says {s.get('lines')}")
    for t in _objects(meta.get("tables"), f"{file}: tables", []):
        if t.get("kind") not in KINDS:
            problems.append(f"{file}: table {t.get('id')!r} has an unknown kind {t.get('kind')!r}")
    for i, f in enumerate(_objects(meta.get("merge_findings"), f"{file}: merge_findings", problems)):
        why = name_problem(f.get("document"))
        if why is not None:
            problems.append(f"{file}: merge_findings[{i}].document {why}, found {f.get('document')!r}")
    problems += _validate_performance(path / PERFORMANCE_JSON)
    problems += _validate_narrative(path)
    ids = {t.get("id") for t in _objects(meta.get("tables"), "", [])}
    for spec in CSV_FILES:
        problems += validate_csv(spec, path / spec.name, ids)
    return problems


def _validate_performance(file: Path) -> list[str]:
    try:
        perf = jsontext.loads(read_plain(file))
    except (OSError, ValueError) as exc:
        return [f"{file}: cannot read: {exc}"]
    if not isinstance(perf, dict):
        return [f"{file}: must be a JSON object with the keys {', '.join(PERFORMANCE_KEYS)}"]
    problems = []
    for key in PERFORMANCE_KEYS:
        if not isinstance(perf.get(key), list):
            problems.append(f"{file}: field {key!r} must be a list")
    for key in PERFORMANCE_KEYS:
        for i, item in enumerate(_objects(perf.get(key), f"{file}: {key}", problems)):
            why = name_problem(item.get("document"))
            if why is not None:
                problems.append(f"{file}: {key}[{i}].document {why}, found {item.get('document')!r}")
    for i, p in enumerate(_objects(perf.get("projects"), "", [])):
        for key in ("name", "code", "unit_code", "printed", "unit", "document"):
            if not isinstance(p.get(key), str):
                problems.append(f"{file}: projects[{i}].{key} must be a string")
        if p.get("amount_yuan") is not None and not _is_amount(p.get("amount_yuan")):
            problems.append(f"{file}: projects[{i}].amount_yuan must be a number of 元 exact to the 分, or null")
    return problems


def _validate_narrative(path: Path) -> list[str]:
    """Each narrative section starts with the line naming its document and line, as the site reads it."""
    problems = []
    for file in narrative_files(path):
        try:
            first = read_plain(file).partition("\n")[0]
        except (OSError, ValueError) as exc:
            problems.append(f"{file}: cannot read: {exc}")
            continue
        m = SOURCE_LINE.fullmatch(first)
        if m is None:
            problems.append(f"{file}:1: expected the source line “<!-- source: FILE line N -->”")
        elif name_problem(m.group(1)) is not None:
            problems.append(f"{file}:1: the document {name_problem(m.group(1))}, found {m.group(1)!r}")
    return problems


def unsafe_paths(data_dir: Path) -> list[str]:
    """What in the data directory a build must neither follow nor publish, one problem per path (empty when
    there is none): a data directory that is not a folder; every symbolic link under it (never followed);
    anything that is neither a regular file nor a folder (a FIFO, a device, a socket); a name with a
    control or formatting character; a folder under ``disclosures/`` not named as a slug (region and
    department) or an edition (``2024-budget``).

    What a build reads besides is checked as it reads it (``read.load_disclosure`` refuses a disclosure whose
    slugs, year, source names or table ids are unsafe, or whose folder is not the one they name, and every
    data file is opened without following a link).  Cost: one ``os.scandir`` per folder of the data
    directory (three per department-year: its folder, ``text/`` and ``narrative/``), no ``stat`` of a file and
    no file read.
    """
    return [problem for _, problem in _unsafe(data_dir)]


def _unsafe(data_dir: Path) -> list[tuple[str, str]]:
    """``unsafe_paths`` as (path, problem), in path order."""
    problem = data_dir_problem(data_dir)
    if problem is not None:
        return [(str(data_dir), problem)]
    found: list[tuple[str, str]] = []
    kinds = {1: ("a region folder", "a slug"), 2: ("a department folder", "a slug"),
             3: ("a disclosure folder", "an edition (2024-budget, 2025-unit-budget, 2024-final)")}
    # (folder, its depth under disclosures/: 0 for disclosures/ itself, -1 outside it, None for DIR)
    todo: list[tuple[str, int | None]] = [(str(data_dir), None)]
    while todo:
        folder, depth = todo.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            found.append((folder, f"{folder}: cannot read the folder: {exc.strerror or exc}"))
            continue
        for e in entries:
            # what a file system entry is comes with the listing (d_type): no stat; the common case first
            if e.is_file(follow_symlinks=False):
                if not e.name.isprintable() and unprintable(e.name):
                    found.append((e.path, f"{e.path!r}: a name with a control or formatting character"))
            elif e.is_symlink():
                found.append((e.path, f"{e.path} {LINK_PROBLEM}"))
            elif unprintable(e.name):
                found.append((e.path, f"{e.path!r}: a name with a control or formatting character"))
            elif e.is_dir(follow_symlinks=False):
                if depth is None:
                    below = 0 if e.name == DISCLOSURES else -1
                else:
                    below = depth + 1 if depth >= 0 else -1
                if below in kinds and not (EDITION if below == 3 else SLUG).fullmatch(e.name):
                    what, form = kinds[below]
                    found.append((e.path, f"{e.path}: {what} must be named as {form} "
                                          f"({_SLUG_RULE if below < 3 else 'year-phase'}), found {e.name!r}"))
                    continue
                todo.append((e.path, below))
            else:
                found.append((e.path, f"{e.path}: not a regular file or folder (a FIFO, a socket or a device); "
                                      f"the data folder holds only plain files and folders"))
    found.sort()
    return found


def _is_amount(value: object) -> bool:
    """A JSON money value: an integer, or a number with at most two decimals (read as ``Decimal``)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, Decimal) and YUAN_TEXT.fullmatch(format(value, "f")) is not None
