"""The data format of one disclosure folder: its files, their fields, and what makes them valid.

The writer, the reader and ``check`` all take the field lists from here,
and ``docs/data-format.md`` is tested against them: a field that is not
documented fails a test.  Money is an exact number of 元 in every file:
``86412027``, or ``91016775.35`` when the document prints 分 (an empty cell
is a blank printed cell; ``0`` is a printed zero), never a float.
"""

from __future__ import annotations

import csv
import io
import json
import operator
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from generator.core import jsontext
from generator.core.money import YUAN_TEXT, parse_yuan_text
from generator.core.vocabulary import KINDS, PHASES, SCOPES
from generator.store.layout import source_text_file

FORMAT_VERSION = 3

DISCLOSURE_JSON = "disclosure.json"
PERFORMANCE_JSON = "performance.json"


@dataclass(frozen=True)
class CsvFile:
    """One CSV file of a disclosure folder: its header and the form of its fields."""

    name: str
    fields: tuple[str, ...]
    integers: frozenset[str] = frozenset()          # integers when filled
    amounts: frozenset[str] = frozenset()           # 元 exact to the 分 when filled
    lists: frozenset[str] = frozenset()             # lists joined with ";"
    mappings: frozenset[str] = frozenset()          # JSON objects (empty: none)
    choices: dict[str, frozenset[str]] = field(default_factory=dict)


ROWS = CsvFile("rows.csv", (
    "table", "row", "kind", "side", "code", "scheme", "level", "parent", "label", "canonical",
    "code2", "scheme2", "label2", "unit_code", "text", "flags", "document", "line"),
    integers=frozenset({"row", "level", "line"}), lists=frozenset({"flags"}), mappings=frozenset({"text"}))
MONEY = CsvFile("money.csv", ("table", "row", "column", "yuan", "printed", "unit", "decimals", "document", "line"),
                integers=frozenset({"row", "decimals", "line"}), amounts=frozenset({"yuan"}),
                choices={"unit": frozenset({"元", "万元"})})
GLOSSARY = CsvFile("glossary.csv", ("term", "definition", "document", "line"), integers=frozenset({"line"}))
INDICATORS = CsvFile("indicators.csv", (
    "scope", "project", "project_code", "level1", "level2", "level3", "value", "op", "number", "number2", "unit",
    "explanation", "note", "flags", "document", "line"),
    integers=frozenset({"line"}), lists=frozenset({"flags"}),
    choices={"op": frozenset({"", "≥", "≤", ">", "<", "=", "range", "qualitative"}),
             "scope": frozenset({"department", "project"})})
TASKS = CsvFile("tasks.csv", ("name", "content", "amount", "amount_yuan", "fiscal", "fiscal_yuan", "unit", "note",
                              "document", "line"),
                integers=frozenset({"line"}), amounts=frozenset({"amount_yuan", "fiscal_yuan"}))
STATEMENTS = CsvFile("statements.csv", ("measure", "printed", "unit", "decimals", "yuan", "count", "quote",
                                        "subject", "document", "line"),
                     integers=frozenset({"decimals", "count", "line"}), amounts=frozenset({"yuan"}))
CSV_FILES: tuple[CsvFile, ...] = (ROWS, MONEY, GLOSSARY, INDICATORS, TASKS, STATEMENTS)

# The keys of the JSON files, by object (documented in docs/data-format.md)
DISCLOSURE_KEYS = ("format", "region", "department", "year", "phase", "scope", "region_slug", "department_slug",
                   "sources", "tables", "merge_findings")
SOURCE_KEYS = ("name", "sha256", "title", "lines", "pages")
TABLE_KEYS = ("id", "kind", "title", "document", "lines", "title_line", "unit", "decimals", "empty", "columns",
              "notes", "note_lines")
COLUMN_KEYS = ("key", "label", "role", "side")
FINDING_KEYS = ("check", "severity", "message", "document", "line", "expected", "found", "table")
PERFORMANCE_KEYS = ("targets", "budget", "projects", "units")
TARGET_KEYS = ("text", "document", "line")
BUDGET_KEYS = ("key", "label", "printed", "yuan", "unit", "document", "line")
PROJECT_KEYS = ("name", "code", "unit_code", "unit_name", "category", "amount_yuan", "printed", "unit", "document",
                "line", "source", "fields", "items", "funding", "flags")
ITEM_KEYS = ("name", "printed", "line", "yuan")
UNIT_KEYS = ("code", "name", "printed", "yuan", "unit", "document", "line")

JSON_OBJECTS: dict[str, tuple[str, ...]] = {
    "disclosure.json": DISCLOSURE_KEYS, "sources[]": SOURCE_KEYS, "tables[]": TABLE_KEYS, "columns[]": COLUMN_KEYS,
    "merge_findings[]": FINDING_KEYS, "performance.json": PERFORMANCE_KEYS, "targets[]": TARGET_KEYS,
    "budget[]": BUDGET_KEYS, "projects[]": PROJECT_KEYS, "items[]": ITEM_KEYS, "units[]": UNIT_KEYS,
}


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


_CONVERTERS: dict[tuple, list[tuple[str, object]]] = {}


def _converters(spec: CsvFile) -> list[tuple[str, object]]:
    """Each field with the function that reads its cell (worked out once per file kind: a build reads
    hundreds of thousands of cells)."""
    key = (spec.name, spec.fields)
    found = _CONVERTERS.get(key)
    if found is None:
        found = _CONVERTERS[key] = [
            (name, _integer if name in spec.integers else _amount if name in spec.amounts
             else _list if name in spec.lists else _mapping if name in spec.mappings else _text)
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
    with path.open(encoding="utf-8", newline="") as fh:
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
    with path.open(encoding="utf-8", newline="") as fh:
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


def validate_csv(spec: CsvFile, path: Path, table_ids: set[str]) -> list[str]:
    """Problems of one CSV file: its header, and each field's form, with the line that has it."""
    if not path.is_file():
        return [f"{path}: missing"]
    header = path.read_text(encoding="utf-8").split("\n", 1)[0].split(",")
    if tuple(header) != spec.fields:
        return [f"{path}: header must be {','.join(spec.fields)}"]
    problems: list[str] = []
    for n, row in enumerate(read_csv_rows(path), 2):
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
    return problems


def validate_disclosure(path: Path) -> list[str]:
    """Problems that make one disclosure folder invalid (empty when valid)."""
    file = path / DISCLOSURE_JSON
    try:
        meta = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{file}: cannot read: {exc}"]
    problems: list[str] = []
    if meta.get("format") != FORMAT_VERSION:
        problems.append(f"{file}: format must be {FORMAT_VERSION}, found {meta.get('format')!r}; "
                        f"import the sources again (budgetsite import) to rewrite the data")
    for key, kind in (("region", str), ("department", str), ("year", int), ("phase", str), ("scope", str),
                      ("sources", list), ("tables", list)):
        if not isinstance(meta.get(key), kind):
            problems.append(f"{file}: field {key!r} must be {kind.__name__}")
    if isinstance(meta.get("phase"), str) and meta["phase"] not in PHASES:
        problems.append(f"{file}: phase must be one of {' '.join(PHASES)}, found {meta['phase']!r}")
    if isinstance(meta.get("scope"), str) and meta["scope"] not in SCOPES:
        problems.append(f"{file}: scope must be one of {' '.join(SCOPES)}, found {meta['scope']!r}")
    for s in meta.get("sources") or []:
        if not _SHA.match(str(s.get("sha256", ""))):
            problems.append(f"{file}: source {s.get('name')!r} has no valid sha256")
        text = path / source_text_file(str(s.get("name")))
        try:
            count = len(text.read_text(encoding="utf-8").split("\n")) - 1
        except OSError:
            problems.append(f"{text}: missing (the text form of source {s.get('name')!r})")
            continue
        if count != s.get("lines"):
            problems.append(f"{text}: has {count} lines, disclosure.json says {s.get('lines')}")
    for t in meta.get("tables") or []:
        if t.get("kind") not in KINDS:
            problems.append(f"{file}: table {t.get('id')!r} has an unknown kind {t.get('kind')!r}")
    problems += _validate_performance(path / PERFORMANCE_JSON)
    ids = {t.get("id") for t in meta.get("tables") or []}
    for spec in CSV_FILES:
        problems += validate_csv(spec, path / spec.name, ids)
    return problems


def _validate_performance(file: Path) -> list[str]:
    try:
        perf = jsontext.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{file}: cannot read: {exc}"]
    problems = []
    for key in PERFORMANCE_KEYS:
        if not isinstance(perf.get(key), list):
            problems.append(f"{file}: field {key!r} must be a list")
    for i, p in enumerate(perf.get("projects") or []):
        for key in ("name", "code", "unit_code", "printed", "unit", "document"):
            if not isinstance(p.get(key), str):
                problems.append(f"{file}: projects[{i}].{key} must be a string")
        if p.get("amount_yuan") is not None and not _is_amount(p.get("amount_yuan")):
            problems.append(f"{file}: projects[{i}].amount_yuan must be a number of 元 exact to the 分, or null")
    return problems


def _is_amount(value: object) -> bool:
    """A JSON money value: an integer, or a number with at most two decimals (read as ``Decimal``)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, Decimal) and YUAN_TEXT.fullmatch(format(value, "f")) is not None
