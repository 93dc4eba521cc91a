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
correctly; money is integer 元 in every file.  Everything is deterministic:
the same data gives byte-identical files, the zip included.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from generator.site import urls
from generator.site.model import COMPARISONS, MONEY_COLUMNS, DisclosureView, SiteModel

BOM = "\ufeff"
ZIP = "open-data/budgetsite-data.zip"
PACKAGE = "open-data/datapackage.json"

MONEY_FIELDS = ["region", "department", "year", "phase", "table", "table_title", "row", "line", "kind", "side", "code",
                "label", "canonical", "unit_code", "column", "column_label", "yuan", "printed", "unit", "document"]
INDICATOR_FIELDS = ["region", "department", "year", "phase", "scope", "project", "project_code", "level1", "level2",
                    "level3", "value", "op", "number", "number2", "unit", "explanation", "note", "document", "line"]
PROJECT_FIELDS = ["region", "department", "year", "phase", "name", "code", "unit_code", "unit_name", "category",
                  "amount_yuan", "printed", "unit", "source", "document", "line"]
INTEGER_FIELDS = {"year", "row", "line", "yuan", "amount_yuan"}


def csv_bytes(header: list[str], rows: list[list]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return (BOM + buf.getvalue()).encode("utf-8")


def json_bytes(data) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _identity(v: DisclosureView) -> list:
    return [v.region, v.department, v.year, v.phase]


def table_rows(table) -> tuple[list[str], list[list], list[dict]]:
    """One imported table: header, CSV rows, and the same rows as JSON records."""
    money = [c for c in table.meta["columns"] if c["role"] == "money"]
    text = [c for c in table.meta["columns"] if c["role"] != "money"]
    header = ["row", "line", "kind", "side", "code", "label", "canonical", "unit_code"] + \
             [c["label"] for c in text] + [f"{c['label']}（元）" for c in money]
    rows, records = [], []
    for r in table.rows:
        base = [int(r["row"]), int(r["line"]), r["kind"], r["side"], r["code"], r["label"], r["canonical"], r["unit_code"]]
        figures = [r["amounts"].get(c["key"]) for c in money]
        rows.append(base + [r["text"].get(c["key"], "") for c in text] + ["" if f is None else f for f in figures])
        records.append({"row": int(r["row"]), "line": int(r["line"]), "kind": r["kind"], "side": r["side"] or None,
                        "code": r["code"] or None, "label": r["label"], "canonical": r["canonical"] or None,
                        "unit_code": r["unit_code"] or None, "text": r["text"],
                        "yuan": {c["key"]: r["amounts"].get(c["key"]) for c in money}})
    return header, rows, records


def _table_schema(header: list[str], table) -> dict:
    money = {f"{c['label']}（元）" for c in table.meta["columns"] if c["role"] == "money"}
    return {"fields": [{"name": h, "type": "integer" if h in money or h in ("row", "line") else "string"}
                       for h in header]}


def comparison_csv(df) -> bytes:
    """A comparison index as CSV: money columns in integer 元, shares as decimals."""
    cols = [c for c in df.columns if c != "_url"]
    rows = []
    for rec in df.to_dict("records"):
        row = []
        for c in cols:
            value = rec[c]
            if value is None or (isinstance(value, float) and value != value):
                row.append("")
            elif isinstance(value, float):
                row.append(int(value))
            else:
                row.append(value)
        rows.append(row)
    return csv_bytes([c + ("（元）" if c in MONEY_COLUMNS else "") for c in cols], rows)


def collect(model: SiteModel, data_dir: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    resources: list[dict] = []
    all_money, all_indicators, all_projects = [], [], []
    for v in model.disclosures:
        def at(name: str) -> str:
            return urls.data_file(v.region_slug, v.department_slug, v.year, v.phase, name)

        for p in sorted(v.data.path.rglob("*")):
            if p.is_file():
                files[at("normalised/" + p.relative_to(v.data.path).as_posix())] = p.read_bytes()
        for t in v.data.tables:
            header, rows, records = table_rows(t)
            files[at(f"tables/{t.id}.csv")] = csv_bytes(header, rows)
            files[at(f"tables/{t.id}.json")] = json_bytes({
                "region": v.region, "department": v.department, "year": v.year, "phase": v.phase,
                "table": t.id, "kind": t.kind, "title": t.meta["title"], "unit_printed": t.meta["unit"],
                "document": t.meta["document"], "lines": t.meta["lines"], "notes": t.meta["notes"],
                "columns": t.meta["columns"], "rows": records})
            resources.append({"name": f"{v.region_slug}-{v.department_slug}-{v.year}-{t.id}".lower().replace("_", "-"),
                              "title": f"{v.department} {v.year} {t.meta['title']}",
                              "path": at(f"tables/{t.id}.csv")[len("open-data/"):], "format": "csv",
                              "mediatype": "text/csv", "encoding": "utf-8-sig", "schema": _table_schema(header, t)})
            money_cols = {c["key"]: c["label"] for c in t.meta["columns"] if c["role"] == "money"}
            for r in t.rows:
                for key, label in money_cols.items():
                    if key in r["amounts"]:
                        yuan = r["amounts"][key]
                        all_money.append(_identity(v) + [t.id, t.meta["title"], int(r["row"]), int(r["line"]), r["kind"],
                                                         r["side"], r["code"], r["label"], r["canonical"], r["unit_code"],
                                                         key, label, "" if yuan is None else yuan,
                                                         r["printed"].get(key, ""), t.meta["unit"], t.meta["document"]])
        ind_rows = [_identity(v) + [i[k] for k in INDICATOR_FIELDS[4:]] for i in v.data.indicators]
        proj = (v.data.performance or {}).get("projects", [])
        proj_rows = [_identity(v) + ["" if p.get(k) is None else p.get(k) for k in PROJECT_FIELDS[4:]] for p in proj]
        files[at("indicators.csv")] = csv_bytes(INDICATOR_FIELDS, ind_rows)
        files[at("indicators.json")] = json_bytes([dict(zip(INDICATOR_FIELDS, r)) for r in ind_rows])
        files[at("projects.csv")] = csv_bytes(PROJECT_FIELDS, proj_rows)
        files[at("projects.json")] = json_bytes(proj)
        all_indicators += ind_rows
        all_projects += proj_rows
        for s in v.meta["sources"]:
            src = data_dir / "sources" / s["name"]
            if src.is_file():
                files[urls.source_text(s["name"])] = src.read_bytes()
    for name, fields, rows, title in (("money", MONEY_FIELDS, all_money, "全部预算表的每一个数字（长表）"),
                                      ("indicators", INDICATOR_FIELDS, all_indicators, "全部绩效指标"),
                                      ("projects", PROJECT_FIELDS, all_projects, "全部项目")):
        files[f"open-data/all/{name}.csv"] = csv_bytes(fields, rows)
        resources.insert(0, {"name": f"all-{name}", "title": title, "path": f"all/{name}.csv", "format": "csv",
                             "mediatype": "text/csv", "encoding": "utf-8-sig",
                             "schema": {"fields": [{"name": f, "type": "integer" if f in INTEGER_FIELDS else "string"}
                                                   for f in fields]}})
    for name, label in COMPARISONS.items():
        files[f"compare/{name}.csv"] = comparison_csv(model.comparisons[name])
    files[PACKAGE] = json_bytes({
        "name": "budgetsite-data", "title": "部门预算公开数据",
        "description": "各部门预算公开文件中的表格、绩效指标和项目；金额为整数元。",
        "licenses": [{"name": "other-open", "title": "与原始公开文件相同的使用条件"}],
        "resources": sorted(resources[:3], key=lambda r: r["name"]) + resources[3:],
    })
    files[ZIP] = _zip({k: v for k, v in files.items() if k.startswith("open-data/") or k.startswith("compare/")})
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
