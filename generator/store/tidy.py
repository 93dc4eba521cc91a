"""The data of many disclosures as tidy pandas tables: one row per figure, indicator, project or glossary term.

This is what analysts load (``generator.api.load_frames``) and what the
site publishes as ``open-data/all/*.csv``.  Years, rows and line numbers
are pandas' nullable integers (``Int64``).  Money columns hold the exact
values themselves (``int`` 元, or ``Decimal`` when the document prints 分):
pandas has no exact decimal dtype of its own, and a float column would round
``91016775.35``.  ``frame["yuan"].sum()`` stays exact.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from generator.core.model import Disclosure

if TYPE_CHECKING:                  # pandas is imported when a frame is made: a build never makes one, and
    import pandas as pd            # importing it took half a second of every build command's start

# the identity of a disclosure first: the scope is 部门 or 单位 (an indicator's own scope is indicator_scope)
IDENTITY = ["region", "department", "year", "phase", "scope"]
MONEY_FIELDS = [*IDENTITY, "table", "table_title", "row", "line", "kind", "side", "code",
                "label", "canonical", "unit_code", "column", "column_label", "yuan", "printed", "unit", "document"]
INDICATOR_FIELDS = [*IDENTITY, "indicator_scope", "project", "project_code", "level1", "level2",
                    "level3", "value", "op", "number", "number2", "unit", "explanation", "note", "document", "line"]
PROJECT_FIELDS = [*IDENTITY, "name", "code", "unit_code", "unit_name", "category",
                  "amount_yuan", "printed", "unit", "source", "document", "line"]
GLOSSARY_FIELDS = [*IDENTITY, "term", "definition", "document", "line"]
INTEGER_FIELDS = frozenset({"year", "row", "line"})
AMOUNT_FIELDS = frozenset({"yuan", "amount_yuan"})


def _frame(fields: list[str], rows: list[list]) -> pd.DataFrame:
    import pandas as pd

    columns = list(zip(*rows)) if rows else [() for _ in fields]
    return pd.DataFrame({name: pd.array(list(values), dtype="Int64" if name in INTEGER_FIELDS else object)
                         for name, values in zip(fields, columns)}, columns=fields)


def _identity(d: Disclosure) -> list:
    return [d.region, d.department, d.year, d.phase, d.scope]


def blank(value: object) -> object:
    """An absent value as an empty text cell."""
    return "" if value is None else value


def money_rows(d: Disclosure) -> list[list]:
    """Every printed figure of every table, with its row's identity and provenance."""
    out = []
    identity = _identity(d)
    for t in d.tables:
        columns = [(c.key, c.label) for c in t.money_columns]
        for r in t.rows:
            by_key = r.cells_by_column()
            head = identity + [t.id, t.title, r.row, r.line, r.kind, blank(r.side), blank(r.code), r.label,
                               blank(r.canonical), blank(r.unit_code)]
            for key, label in columns:
                cell = by_key.get(key)
                if cell is not None:
                    out.append(head + [key, label, cell.yuan, cell.printed, t.unit, t.document])
    return out


def indicator_rows(d: Disclosure) -> list[list]:
    fields = ["scope" if k == "indicator_scope" else k for k in INDICATOR_FIELDS[len(IDENTITY):]]
    return [_identity(d) + [getattr(i, k) for k in fields] for i in d.indicators]


def project_rows(d: Disclosure) -> list[list]:
    return [_identity(d) + [getattr(p, k) for k in PROJECT_FIELDS[len(IDENTITY):]] for p in d.projects]


def glossary_rows(d: Disclosure) -> list[list]:
    """Each 名词解释 term with its definition as this disclosure prints it."""
    return [_identity(d) + [g.term, g.definition, g.document, g.line] for g in d.glossary]


# the tidy tables: name -> (columns, the rows of one disclosure)
TABLES = {"money": (MONEY_FIELDS, money_rows), "indicators": (INDICATOR_FIELDS, indicator_rows),
          "projects": (PROJECT_FIELDS, project_rows), "glossary": (GLOSSARY_FIELDS, glossary_rows)}


def tidy_frames(disclosures: Iterable[Disclosure]) -> dict[str, pd.DataFrame]:
    """Each of ``TABLES`` over all the disclosures, in their order."""
    rows: dict[str, list] = {name: [] for name in TABLES}
    for d in disclosures:
        for name, (_, of) in TABLES.items():
            rows[name] += of(d)
    return {name: _frame(fields, rows[name]) for name, (fields, _) in TABLES.items()}
