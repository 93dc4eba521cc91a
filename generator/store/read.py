"""Reading one disclosure back from the data directory, for the audit and the site.

The data files are the single source of truth for everything after import;
this is the one place that knows how to read them.  Figures come back as
integer 元 (None for a blank cell), never as floats.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from generator.store.write import read_csv


@dataclass
class LoadedTable:
    meta: dict
    rows: list[dict]

    @property
    def id(self) -> str:
        return self.meta["id"]

    @property
    def kind(self) -> str:
        return self.meta["kind"]

    def total_row(self, side: str | None = None) -> dict | None:
        for r in self.rows:
            if r["kind"] == "total" and (side is None or r["side"] == side):
                return r
        return None


@dataclass
class LoadedDisclosure:
    path: Path
    meta: dict
    tables: list[LoadedTable]
    indicators: list[dict] = field(default_factory=list)
    tasks: list[dict] = field(default_factory=list)
    performance: dict = field(default_factory=dict)
    statements: list[dict] = field(default_factory=list)
    glossary: list[dict] = field(default_factory=list)
    sections: list[dict] = field(default_factory=list)

    def table(self, kind: str) -> LoadedTable | None:
        return next((t for t in self.tables if t.kind == kind), None)


def _int(text: str) -> int | None:
    return int(text) if text not in ("", None) else None


def load_disclosure(path: Path) -> LoadedDisclosure:
    meta = json.loads((path / "disclosure.json").read_text(encoding="utf-8"))
    amounts: dict[tuple[str, str], dict[str, int | None]] = defaultdict(dict)
    printed: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for m in read_csv(path / "money.csv"):
        amounts[(m["table"], m["row"])][m["column"]] = _int(m["yuan"])
        printed[(m["table"], m["row"])][m["column"]] = m["printed"]
    by_table: dict[str, list[dict]] = defaultdict(list)
    for r in read_csv(path / "rows.csv"):
        r["amounts"] = amounts[(r["table"], r["row"])]
        r["printed"] = printed[(r["table"], r["row"])]
        r["text"] = json.loads(r["text"]) if r["text"] else {}
        r["flags"] = [f for f in r["flags"].split(";") if f]
        by_table[r["table"]].append(r)
    tables = [LoadedTable(t, by_table.get(t["id"], [])) for t in meta["tables"]]
    d = LoadedDisclosure(path, meta, tables)

    def optional_csv(name: str) -> list[dict]:
        file = path / name
        return read_csv(file) if file.is_file() else []

    d.indicators = optional_csv("indicators.csv")
    d.tasks = optional_csv("tasks.csv")
    for t in d.tasks:
        t["amount_yuan"], t["fiscal_yuan"] = _int(t["amount_yuan"]), _int(t["fiscal_yuan"])
    d.statements = optional_csv("statements.csv")
    for s in d.statements:
        s["yuan"], s["count"] = _int(s["yuan"]), _int(s["count"])
    d.glossary = optional_csv("glossary.csv")
    perf = path / "performance.json"
    d.performance = json.loads(perf.read_text(encoding="utf-8")) if perf.is_file() else {}
    narrative = path / "narrative"
    if narrative.is_dir():
        for file in sorted(narrative.glob("*.md")):
            text = file.read_text(encoding="utf-8")
            first, _, body = text.partition("\n")
            d.sections.append({"key": file.stem.split("-", 1)[-1], "file": file.name, "source": first, "markdown": body})
    return d
