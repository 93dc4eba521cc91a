"""Open data: every published file, at stable URLs documented in docs/open-data.md.

    open-data/all/money.csv, indicators.csv, projects.csv      every department-year in one tidy file
    open-data/files/<region>/<department>/<year>-<phase>/
        tables/<table>.csv, tables/<table>.json                 one per imported table
        indicators.csv/.json, projects.csv/.json
        normalised/…                                            the normalised data as imported
    open-data/sources/<document>.txt                           the documents as published
    open-data/datapackage.json                                  a Frictionless Data Package of the CSVs
    open-data/budgetsite-data.zip                               everything above in one file
    compare/<name>.csv                                          the comparison indexes

CSV files are UTF-8 with a byte-order mark, so Excel opens the Chinese text
correctly; money is exact 元 in every file (with 分 where printed).  Everything is deterministic:
the same data gives byte-identical files, the zip included.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from generator.core import jsontext
from generator.core.model import Table
from generator.site import urls
from generator.site.comparisons import MONEY_COLUMNS, Comparison
from generator.site.model import SiteModel
from generator.store import tidy
from generator.store.tidy import blank
from generator.store.layout import DISCLOSURES

BOM = "\ufeff"

def frame_bytes(frame: pd.DataFrame) -> bytes:
    """A tidy table as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese text)."""
    return (BOM + frame.to_csv(index=False, lineterminator="\n")).encode("utf-8")


def csv_bytes(header: list[str], rows: list[list]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return (BOM + buf.getvalue()).encode("utf-8")


def json_bytes(data) -> bytes:
    return (jsontext.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def table_rows(table: Table) -> tuple[list[str], list[list], list[dict]]:
    """One imported table: header, CSV rows, and the same rows as JSON records."""
    money = table.money_columns
    text = [c for c in table.columns if c.role != "money"]
    header = ["row", "line", "kind", "side", "code", "label", "canonical", "unit_code"] + \
             [c.label for c in text] + [f"{c.label}（元）" for c in money]
    rows, records = [], []
    for r in table.rows:
        base = [r.row, r.line, r.kind, blank(r.side), blank(r.code), r.label, blank(r.canonical),
                blank(r.unit_code)]
        figures = [r.amount(c.key) for c in money]
        rows.append(base + [r.text.get(c.key, "") for c in text] + [blank(f) for f in figures])
        records.append({"row": r.row, "line": r.line, "kind": r.kind, "side": r.side, "code": r.code,
                        "label": r.label, "canonical": r.canonical, "unit_code": r.unit_code, "text": r.text,
                        "yuan": {c.key: r.amount(c.key) for c in money}})
    return header, rows, records


def _table_schema(header: list[str], table: Table) -> dict:
    money = {f"{c.label}（元）" for c in table.money_columns}
    return {"fields": [{"name": h, "type": _field_type(h in money, h in ("row", "line"))} for h in header]}


def _field_type(money: bool, integer: bool) -> str:
    """Table Schema types: money is a ``number`` (元, with 分 where printed), counts and lines ``integer``."""
    return "number" if money else "integer" if integer else "string"


def comparison_csv(table: Comparison) -> bytes:
    """A comparison index as CSV: money columns in exact 元, shares as decimals."""
    rows = [[blank(values.get(c)) if c != "部门" else v.department for c in table.columns]
            for v, values in table.rows]
    return csv_bytes([c + ("（元）" if c in MONEY_COLUMNS else "") for c in table.columns], rows)


def _columns(table: Table) -> list[dict]:
    return [{"key": c.key, "label": c.label, "role": c.role, "side": c.side} for c in table.columns]


def collect(model: SiteModel, data_dir: Path, sources: dict[str, bytes]) -> dict[str, bytes]:
    """Every open-data file of the site, as published path -> bytes."""
    files: dict[str, bytes] = {}
    resources: list[dict] = []
    for v in model.disclosures:
        def at(name: str) -> str:
            return urls.data_file(v.region_slug, v.department_slug, v.edition, name)

        folder = data_dir / DISCLOSURES / v.folder
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                files[at("normalised/" + p.relative_to(folder).as_posix())] = p.read_bytes()
        for t in v.data.tables:
            header, rows, records = table_rows(t)
            files[at(f"tables/{t.id}.csv")] = csv_bytes(header, rows)
            files[at(f"tables/{t.id}.json")] = json_bytes({
                "region": v.region, "department": v.department, "year": v.year, "phase": v.phase,
                "table": t.id, "kind": t.kind, "title": t.title, "unit_printed": t.unit,
                "document": t.document, "lines": list(t.lines), "notes": t.notes,
                "columns": _columns(t), "rows": records})
            resources.append({"name": f"{v.region_slug}-{v.department_slug}-{v.year}-{t.id}".lower().replace("_", "-"),
                              "title": f"{v.department} {v.year} {t.title}",
                              "path": at(f"tables/{t.id}.csv")[len("open-data/"):], "format": "csv",
                              "mediatype": "text/csv", "encoding": "utf-8-sig", "schema": _table_schema(header, t)})
        ind_rows = tidy.indicator_rows(v.data)
        files[at("indicators.csv")] = csv_bytes(tidy.INDICATOR_FIELDS, ind_rows)
        files[at("indicators.json")] = json_bytes([dict(zip(tidy.INDICATOR_FIELDS, r)) for r in ind_rows])
        files[at("projects.csv")] = csv_bytes(tidy.PROJECT_FIELDS, tidy.project_rows(v.data))
        files[at("projects.json")] = json_bytes([asdict(p) for p in v.data.projects])
        for s in v.data.sources:
            if s.name in sources:
                files[urls.source_text(s.name)] = sources[s.name]
    frames = tidy.tidy_frames(v.data for v in model.disclosures)
    for name, title in (("money", "全部预算表的每一个数字（长表）"), ("indicators", "全部绩效指标"), ("projects", "全部项目")):
        frame = frames[name]
        files[f"{urls.OPEN_DATA_ALL}{name}.csv"] = frame_bytes(frame)
        resources.insert(0, {"name": f"all-{name}", "title": title, "path": f"all/{name}.csv", "format": "csv",
                             "mediatype": "text/csv", "encoding": "utf-8-sig",
                             "schema": {"fields": [{"name": f, "type": _field_type(f in tidy.AMOUNT_FIELDS,
                                                                                    f in tidy.INTEGER_FIELDS)}
                                                   for f in frame.columns]}})
    for name, table in model.comparisons.items():
        files[urls.compare_csv(name)] = comparison_csv(table)
    files[urls.DATA_PACKAGE] = json_bytes({
        "name": "budgetsite-data", "title": "部门预算公开数据",
        "description": "各部门预算公开文件中的表格、绩效指标和项目；金额为整数元。",
        "licenses": [{"name": "other-open", "title": "与原始公开文件相同的使用条件"}],
        "resources": sorted(resources[:3], key=lambda r: r["name"]) + resources[3:],
    })
    files[urls.DATA_ZIP] = _zip({k: v for k, v in files.items() if k.startswith("open-data/") or k.startswith("compare/")})
    return files


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(name.removeprefix("open-data/"), date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, files[name])
    return buf.getvalue()
