"""Every closed set of the vocabulary is a type (``core.vocabulary``), and the stages use it by name.

A value written as a bare string (``row.kind == "total"``) still compares equal to the type's member, so
nothing else would notice it: the stages would drift back to a string channel that no one can search for
by name.  This test reads the source of every module of ``generator`` and fails on such a string.

Two rules, because some values are also ordinary words of other vocabularies:

* a value of a set in ``ANYWHERE`` (a row flag, a severity, a phase) is nothing else, so a string equal to
  it is found wherever it is written;
* a value of any closed set is found where a value of that set is expected: compared with, assigned to, or
  passed as a field of that set (``x.kind``, ``side=``, ``TableRow(…, "total")``, ``.amount("total")``,
  ``"realigned" in r.flags``) — elsewhere ``"total"`` may be a JSON key or a three-public part.

A string that is genuinely text (a printed header matched in a document, English words of a report) is
listed in ``ALLOWED`` with the reason.  Docstrings are text and never looked at.
"""

from __future__ import annotations

import ast
import dataclasses
from enum import StrEnum
from pathlib import Path

import generator
from generator.core import model as M
from generator.core import vocabulary as V

ROOT = Path(generator.__file__).parent
DEFINING = {"core/vocabulary.py"}

CLOSED: tuple[type[StrEnum], ...] = tuple(
    t for t in vars(V).values() if isinstance(t, type) and issubclass(t, StrEnum) and t.__module__ == V.__name__)

# Sets whose values are no word of anything else: found wherever they are written
ANYWHERE: tuple[type[StrEnum], ...] = (V.RowFlag, V.Severity, V.Phase)

# The fields of the model (and the names of variables and parameters) that hold a value of a closed set
FIELDS: dict[str, tuple[type[StrEnum], ...]] = {
    "kind": (V.RowKind, V.Kind),
    "side": (V.Side,),
    "role": (V.ColumnRole,),
    "severity": (V.Severity,),
    "phase": (V.Phase,),
    "scope": (V.Scope, V.IndicatorScope),
    "source": (V.ProjectSource,),
    "scheme": (V.Scheme,),
    "scheme2": (V.Scheme,),
    "codes": (V.Scheme,),
    "family": (V.Family,),
    "flags": (V.RowFlag,),
    "flag": (V.RowFlag,),
    "column": (V.Column,),
    "key": (V.Column,),
}
# Methods whose first argument is a value of a closed set: ``row.amount("total")``
METHODS: dict[str, str] = {"amount": "column", "cell": "column", "total_row": "side", "table": "kind"}
# The model's classes, whose positional arguments are their fields in order
CLASSES: dict[str, tuple[str, ...]] = {
    name: tuple(f.name for f in dataclasses.fields(cls))
    for name, cls in vars(M).items() if isinstance(cls, type) and dataclasses.is_dataclass(cls)}
CLASSES["TableColumn"] = ("column", "label", "role", "side")     # its key is a column's key

# (module, value): why the string is text here, not the closed set's value
ALLOWED: dict[tuple[str, str], str] = {
    ("core/messages.py", "warning"): "the English word a report prints for the severity",
    ("core/messages.py", "info"): "the English word a report prints for the severity",
    ("core/messages.py", "error"): "the English word a report prints for the severity",
    ("recognise/doctype.py", "预算"): "a word that marks a document as a budget disclosure, matched in its text",
    ("recognise/doctype.py", "决算"): "a word that marks a document as a budget disclosure, matched in its text",
    ("recognise/identity.py", "决算"): "the word that marks a title as a 决算's, matched in the title",
    ("audit/headings.py", "决算"): "the word looked for in a heading's text",
    ("audit/comparisons.py", "决算"): "a word the text before a figure may end with",
    ("audit/mutation.py", "预算"): "a concept word of the narrative, matched in its text",
    ("site/shared/config.py", "预算"): "the label a site's configuration gives its readers",
    ("normalise/measures.py", "决算数"): "a printed header matched in a document",
    ("normalise/two_sided.py", "决算数"): "a printed header matched in a document",
    ("normalise/three_public.py", "决算数"): "a printed header matched in a document, and the label it is shown by",
    ("site/pages/drawing.py", "决算数"): "the label of the actual figures on a chart",
}


def _values(sets: tuple[type[StrEnum], ...]) -> dict[str, str]:
    return {m.value: f"{t.__name__}.{m.name}" for t in sets for m in t}


ANYWHERE_VALUES = _values(ANYWHERE)


def _strings(node: ast.AST):
    """The string constants that ``node`` is, or holds as its possible values (a tuple, a conditional)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        for e in node.elts:
            yield from _strings(e)
    elif isinstance(node, ast.IfExp):
        yield from _strings(node.body)
        yield from _strings(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for v in node.values:
            yield from _strings(v)


def _field(node: ast.AST) -> str | None:
    """The field an expression names: ``row.kind`` and ``kind`` are ``kind``."""
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return None


def _call_name(node: ast.Call) -> str | None:
    return _field(node.func)


def _typed(tree: ast.AST):
    """(string constant, field) for each string written where a value of the field's sets is expected."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            fields = [f for f in map(_field, operands) if f in FIELDS]
            for field in fields:
                for operand in operands:
                    for s in _strings(operand):
                        yield s, field
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                pairs = (zip(target.elts, node.value.elts) if isinstance(target, ast.Tuple)
                         and isinstance(node.value, ast.Tuple) else [(target, node.value)])
                for t, v in pairs:
                    if _field(t) in FIELDS:
                        for s in _strings(v):
                            yield s, _field(t)
        elif isinstance(node, ast.AnnAssign) and node.value is not None and _field(node.target) in FIELDS:
            for s in _strings(node.value):                  # a field's default: ``kind: RowKind = "item"``
                yield s, _field(node.target)
        elif isinstance(node, ast.Call):
            name = _call_name(node)
            for kw in node.keywords:
                if kw.arg in FIELDS:
                    for s in _strings(kw.value):
                        yield s, kw.arg
            if name in CLASSES:
                for field, arg in zip(CLASSES[name], node.args):
                    if field in FIELDS:
                        for s in _strings(arg):
                            yield s, field
            elif isinstance(node.func, ast.Attribute) and name in METHODS and node.args:
                for s in _strings(node.args[0]):
                    yield s, METHODS[name]
            elif name == "append" and _field(node.func.value) in ("flags",) and node.args:
                for s in _strings(node.args[0]):
                    yield s, "flags"


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def _check_names(tree: ast.AST) -> set[int]:
    """The check named by each finding (``Finding("realigned", …)``): a vocabulary of its own, whose names may
    be those of the row flags it reports."""
    return {id(node.args[0]) for node in ast.walk(tree)
            if isinstance(node, ast.Call) and _call_name(node) == "Finding" and node.args}


def bare_values(source: str, module: str) -> list[str]:
    """Each closed set's value written as a bare string in ``source`` (of ``module``, relative to the package)."""
    tree = ast.parse(source)
    skip = _docstrings(tree) | _check_names(tree)
    found: dict[int, tuple[int, int, str]] = {}
    for s, field in _typed(tree):
        values = _values(FIELDS[field])
        if s.value in values and (module, s.value) not in ALLOWED and id(s) not in found:
            found[id(s)] = (s.lineno, s.col_offset,
                            f"{module}:{s.lineno}: {s.value!r} where {field} is expected: write {values[s.value]}")
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in ANYWHERE_VALUES
                and id(node) not in skip and id(node) not in found and (module, node.value) not in ALLOWED):
            found[id(node)] = (node.lineno, node.col_offset,
                               f"{module}:{node.lineno}: {node.value!r}: write {ANYWHERE_VALUES[node.value]}")
    return [text for _, _, text in sorted(found.values())]


def test_no_stage_writes_a_closed_set_value_as_a_bare_string():
    problems = []
    for path in sorted(ROOT.rglob("*.py")):
        module = path.relative_to(ROOT).as_posix()
        if module not in DEFINING:
            problems += bare_values(path.read_text(encoding="utf-8"), module)
    assert not problems, "\n".join(problems)


def test_the_check_finds_a_bare_value_where_it_is_typed_and_where_it_is_not():
    typed = bare_values('if row.kind == "total" and r.side in ("income", "x"):\n    row.flags.append("unreconciled")\n'
                        'TableRow(1, 2, "合计", "total")\nt.amount("total")\n', "x.py")
    assert [p.split(": ", 1)[1] for p in typed] == [
        "'total' where kind is expected: write RowKind.TOTAL",
        "'income' where side is expected: write Side.INCOME",
        "'unreconciled' where flags is expected: write RowFlag.UNRECONCILED",
        "'total' where kind is expected: write RowKind.TOTAL",
        "'total' where column is expected: write Column.TOTAL",
    ]
    assert bare_values('class Row:\n    kind: str = "item"\n', "x.py") == [
        "x.py:2: 'item' where kind is expected: write RowKind.ITEM"]
    assert bare_values('SEVERITY = {"warning": 1}\nfind(phase="决算")\n', "x.py") == [
        "x.py:1: 'warning': write Severity.WARNING", "x.py:2: '决算' where phase is expected: write Phase.FINAL"]
    # a word of another vocabulary where no closed set is expected, a docstring, a check's name: not values
    assert bare_values('"""A total row."""\nout = {"total": 1}\nFinding("realigned", Severity.INFO)\n', "x.py") == []


def test_every_closed_set_is_one_type_with_values_unique_within_it():
    assert {t.__name__ for t in CLOSED} >= {"Kind", "RowKind", "Side", "Column", "ColumnRole", "RowFlag", "Severity",
                                            "Phase", "Scope", "Family", "Scheme", "IndicatorScope", "ProjectSource"}
    for field, sets in FIELDS.items():
        assert all(t in CLOSED for t in sets), field
    # a member compares equal to its text and prints as it, so the data and the pages are the same bytes
    assert V.RowKind.TOTAL == "total" and f"{V.Phase.BUDGET}" == str(V.Phase.BUDGET) == "预算"
