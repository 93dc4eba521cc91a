"""Open data: every published file, at stable URLs documented in docs/open-data.md.

    open-data/all/money.csv.gz, indicators.csv.gz, projects.csv.gz, glossary.csv.gz
                                                                every department-year in one tidy file each
    open-data/files/<region>/<department>/<year>-<phase>/
        tables/<table>.csv                                      one per imported table
        indicators.csv, projects.csv                            when the disclosure has any
    open-data/sources/<document>                               the documents as published
    open-data/datapackage.json                                  a Frictionless Data Package of the tidy files
    compare/<name>.csv                                          the comparison indexes

A disclosure's files are written by its unit (``disclosure_files``); the
site-wide tidy files are the units' gzip chunks end to end, so a rebuild
reads no disclosure it does not change (and takes the chunks of the units
it did not build from the previous file, by the layout it kept).  The per-table CSV files are UTF-8
with a byte-order mark, so Excel opens the Chinese text correctly; money is
exact 元 in every file (with 分 where printed).  A text cell that a
spreadsheet would read as a formula starts with an apostrophe in every file
(``csvsafe``); figures are never changed.  Everything is
deterministic: the same data gives byte-identical files.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Callable
from pathlib import Path

from generator.core import jsontext
from generator.core.model import Table
from generator.site import urls
from generator.site.comparisons import MONEY_COLUMNS, Comparison
from generator.site.model import SiteModel
from generator.site.output.csvsafe import inert_row
from generator.store import tidy
from generator.store.cache import cannot_write, read_json_entry, write_json_entry
from generator.store.tidy import blank

BOM = "\ufeff"

def csv_bytes(header: list[str], rows: list[list]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(inert_row(header))
    w.writerows(map(inert_row, rows))
    return (BOM + buf.getvalue()).encode("utf-8")


def json_bytes(data) -> bytes:
    return (jsontext.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def table_rows(table: Table) -> tuple[list[str], list[list]]:
    """One imported table: the CSV header and rows (money in 元, beside each row's line in the document)."""
    money = table.money_columns
    text = [c for c in table.columns if c.role != "money"]
    header = ["row", "line", "kind", "side", "code", "label", "canonical", "unit_code"] + \
             [c.label for c in text] + [f"{c.label}（元）" for c in money]
    rows = []
    for r in table.rows:
        base = [r.row, r.line, r.kind, blank(r.side), blank(r.code), r.label, blank(r.canonical),
                blank(r.unit_code)]
        cells = r.cells_by_column()
        rows.append(base + [r.text.get(c.key, "") for c in text]
                    + [blank(cells[c.key].yuan) if c.key in cells else "" for c in money])
    return header, rows


def _field_type(money: bool, integer: bool) -> str:
    """Table Schema types: money is a ``number`` (元, with 分 where printed), counts and lines ``integer``."""
    return "number" if money else "integer" if integer else "string"


def comparison_csv(table: Comparison) -> bytes:
    """A comparison index as CSV: money columns in exact 元, shares as decimals."""
    rows = [[blank(values.get(c)) if c != "部门" else v.department for c in table.columns]
            for v, values in table.rows]
    return csv_bytes([c + ("（元）" if c in MONEY_COLUMNS else "") for c in table.columns], rows)


def disclosure_files(v) -> list[tuple[str, bytes]]:
    """One disclosure's downloads: each table as CSV, its indicators and projects (when it has any), with
    the fields of the site-wide files but those of the disclosure's identity, as a table's file has."""
    def at(name: str) -> str:
        return urls.data_file(v.region_slug, v.department_slug, v.edition, name)

    out = []
    for t in v.data.tables:
        header, rows = table_rows(t)
        out.append((at(f"tables/{t.id}.csv"), csv_bytes(header, rows)))
    for name, fields, rows in (("indicators", tidy.INDICATOR_FIELDS, tidy.indicator_rows(v.data)),
                               ("projects", tidy.PROJECT_FIELDS, tidy.project_rows(v.data))):
        if rows:
            out.append((at(f"{name}.csv"), csv_bytes(*_without_identity(fields, rows))))
    return out


def _without_identity(fields: list[str], rows: list[list]) -> tuple[list[str], list[list]]:
    """A site-wide file's rows without the columns that say whose they are (``tidy.IDENTITY``): in a
    department-year's own folder they are the same on every row, and were a third of its indicators file."""
    n = len(tidy.IDENTITY)
    assert fields[:n] == tidy.IDENTITY
    return fields[n:], [r[n:] for r in rows]


TIDY_TITLES = {"money": "全部预算、决算表的每一个数字（长表）", "indicators": "全部绩效指标", "projects": "全部项目",
               "glossary": "全部名词解释（每份文件所印的每个术语及其解释）"}


def tidy_path(name: str) -> str:
    return f"{urls.OPEN_DATA_ALL}{name}.csv.gz"


def write_tidy(staging, name: str, fields: list[str], keys: list[str], chunk: Callable[[str], bytes],
               layout_file: Path) -> int:
    """The site-wide tidy file ``name``: a header member, then each disclosure's rows as its own gzip member,
    end to end (a gzip file may hold many members; every gzip reader reads them as one stream).

    ``keys`` are the units' keys in the order of the data folders, ``chunk(key)`` a unit's member (checked
    against its checksum in the build cache, ``units.chunk``).  A unit's member is the same
    bytes whenever its key is, so a member the previous output's file already holds is copied from there
    in runs (by the layout kept in ``layout_file`` when that file was written), and only new units' chunk
    files are read: ten thousand small reads were most of the time of a rebuild after one new disclosure.
    """
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(fields)
    path = tidy_path(name)
    previous = staging.out / path
    before = _read_layout(layout_file, previous)
    layout: dict[str, tuple[int, int]] = {}
    with staging.open_new(path) as out, (previous.open("rb") if before else io.BytesIO()) as old:
        position = out.write(gzip.compress(buf.getvalue().encode("utf-8"), compresslevel=6, mtime=0))
        run: list[int] = []                    # [offset, length] of bytes still to copy from the previous file
        for key in keys:
            found = before.get(key)
            if found is not None and run and run[0] + run[1] == found[0]:
                run[1] += found[1]
            else:
                _copy(old, out, run)
                run = list(found) if found is not None else []
                if found is None:
                    data = chunk(key)
                    out.write(data)
                    layout[key] = (position, len(data))
                    position += len(data)
                    continue
            layout[key] = (position, found[1])
            position += found[1]
        _copy(old, out, run)
    st = (staging.dir / path).stat()
    try:
        write_json_entry(layout_file, {"stamp": [st.st_size, st.st_mtime_ns, st.st_ino],
                                       "layout": {k: list(v) for k, v in layout.items()}})
    except OSError as exc:          # without it, the next build reads every unit's chunk
        cannot_write("the build cache", layout_file.parent, exc, "the build")
    return position


def _copy(source, target, run: list[int]) -> None:
    """``run`` ([offset, length]) of ``source`` to the end of ``target``."""
    if not run:
        return
    source.seek(run[0])
    left = run[1]
    while left:
        data = source.read(min(left, 1 << 22))
        if not data:
            raise OSError("the previous tidy file is shorter than its layout says")
        target.write(data)
        left -= len(data)


def _read_layout(layout_file: Path, previous: Path) -> dict[str, tuple[int, int]]:
    """Where each unit's member is in the previous file; empty unless the file is the one the layout was
    kept for (its size, time and inode: a rename into the output keeps them)."""
    try:
        st = previous.stat()
    except OSError:
        return {}
    found = read_json_entry(layout_file, restore=_layout)
    if found is None or found[0] != (st.st_size, st.st_mtime_ns, st.st_ino):
        return {}
    return found[1]


def _layout(found: dict) -> tuple[tuple[int, ...], dict[str, tuple[int, int]]]:
    """A kept layout as JSON gives it back: (the stamp of its file, each unit's (offset, length)); an error
    (TypeError, ValueError …) when it is not one."""
    stamp, layout = tuple(found["stamp"]), {}
    for key, (offset, length) in found["layout"].items():
        if type(offset) is not int or type(length) is not int or offset < 0 or length < 0:
            raise ValueError("not a layout")
        layout[key] = (offset, length)
    if len(stamp) != 3 or not all(type(n) is int for n in stamp):
        raise ValueError("not a layout")
    return stamp, layout


def site_files(model: SiteModel) -> dict[str, bytes]:
    """The whole site's small open-data files: the comparison indexes and the data package."""
    files: dict[str, bytes] = {}
    for name, table in model.comparisons.items():
        files[urls.compare_csv(name)] = comparison_csv(table)
    resources = [{"name": f"all-{name}", "title": TIDY_TITLES[name], "path": tidy_path(name)[len("open-data/"):],
                  "format": "csv", "compression": "gz", "mediatype": "text/csv", "encoding": "utf-8",
                  "schema": {"fields": [{"name": f, "type": _field_type(f in tidy.AMOUNT_FIELDS,
                                                                         f in tidy.INTEGER_FIELDS)} for f in fields]}}
                 for name, (fields, _) in sorted(tidy.TABLES.items())]
    resources += [{"name": f"compare-{name}", "title": table.title,
                   "path": "../" + urls.compare_csv(name), "format": "csv", "mediatype": "text/csv",
                   "encoding": "utf-8-sig"} for name, table in sorted(model.comparisons.items())]
    files[urls.DATA_PACKAGE] = json_bytes({
        "name": "budgetsite-data", "title": "部门预算公开数据",
        "description": "各部门预算、决算公开文件中的每一个数字、绩效指标和项目（长表，gzip 压缩）；金额为元，"
                       "印有角分的保留两位小数。每张表的 CSV 在各部门年度页面的表格下方。",
        "licenses": [{"name": "other-open", "title": "与原始公开文件相同的使用条件"}],
        "resources": resources,
    })
    return files
