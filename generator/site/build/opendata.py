"""Open data: every published file, at stable URLs documented in docs/open-data.md.

    open-data/all/<table>.csv.gz                                every department-year in one tidy file each:
                                                                headline, money, indicators, projects, glossary
    open-data/all/<table>/<region>.parquet                      the same with the types kept, a file per region
    open-data/files/<region>/<department>/<year>-<phase>/
        tables/<table>.csv                                      one per imported table, for reading
        workbook.xlsx                                           all its tables, indicators and projects
    open-data/compare/<name>.csv                                the comparison indexes
    open-data/sources/<document>                                the documents as published
    open-data/datapackage.json                                  a Frictionless Data Package of the tidy files

Two audiences, two kinds of file.  Programs read the tidy files: one row per
figure, English field names no SQL dialect reserves, every field described
in the data package with its type, unit and code list, and the Parquet copy
with the types kept (``parquet``).  People read a department-year's files: a
table's CSV starts with a block that says whose table it is (department,
year, phase, table, unit, source lines) and has Chinese headers; the
workbook holds the same tables, one sheet each (``workbook``).

A disclosure's files are written by its unit (``disclosure_files``); the
site-wide tidy files are the units' gzip chunks end to end, so a rebuild
reads no disclosure it does not change (and takes the chunks of the units
it did not build from the previous file, by the layout it kept).  The CSV files people open
are UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly; money is
exact 元 in every file (with 分 where printed).  A text cell that a
spreadsheet would read as a formula starts with an apostrophe in every CSV file
(``csvsafe``); figures are never changed.  Everything is
deterministic: the same data gives byte-identical files.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Callable
from pathlib import Path

from generator.audit import figures
from generator.core import jsontext
from generator.core import vocabulary as V
from generator.core.model import Disclosure, Table
from generator.site.shared import urls
from generator.site.model.comparisons import COUNT_COLUMNS, IDENTITY as COMPARISON_IDENTITY, MONEY_COLUMNS, Comparison
from generator.site.model.downloads import TIDY_TITLES
from generator.site.model.site import SiteModel
from generator.site.build.csvsafe import inert_row
from generator.site.build.workbook import Sheet, workbook_bytes
from generator.store import tidy
from generator.store.cache import cannot_write, read_json_entry, write_json_entry
from generator.store.tidy import Field, blank

BOM = "\ufeff"

def csv_bytes(header: list[str], rows: list[list]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(inert_row(header))
    w.writerows(map(inert_row, rows))
    return (BOM + buf.getvalue()).encode("utf-8")


def json_bytes(data) -> bytes:
    return (jsontext.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


# the published tidy tables: name -> (their fields, described; the fields that tell rows apart; the rows of one
# disclosure).  ``headline`` first: the figure an analyst asks for first, once per department-year
TABLES: dict[str, tuple[list[Field], list[str], Callable[[Disclosure], list[list]]]] = {
    "headline": (figures.HEADLINE, figures.HEADLINE_KEY, figures.headline_rows),
    **{name: (tidy.DESCRIBED[name], tidy.KEYS[name], rows) for name, (_, rows) in tidy.TABLES.items()},
}


def _category(d: Disclosure) -> str:
    return f"{d.scope}{d.phase}"                    # 部门预算, 单位决算


def _unit_note(unit: str | None) -> str:
    return "元" if unit in (None, "元") else f"元（原表以{unit}印制，已换算为元）"


def about(d: Disclosure) -> list[tuple[str, str]]:
    """Whose a file is, as its header block says it."""
    return [("部门", d.department), ("地区", d.region), ("年度", str(d.year)), ("类别", _category(d))]


def about_table(d: Disclosure, t: Table) -> list[tuple[str, str]]:
    """What a reader must know of a table before its figures: whose, which, in what unit, from where."""
    return about(d) + [("表名", f"{t.title}（{t.id}）"), ("金额单位", _unit_note(t.unit)),
                       ("来源", f"{t.document} 第 {t.lines[0]}–{t.lines[1]} 行")]


# the columns of a table's rows as a reader sees them: header, and the value of a row; a column that is
# empty in every row of the table is left out
_ROW_COLUMNS = (("序号", lambda r: r.row), ("原文行号", lambda r: r.line),
                ("行类型", lambda r: V.short(V.ROW_KINDS[r.kind])),
                ("收支方向", lambda r: V.short(V.SIDES[r.side]) if r.side else ""),
                ("编码", lambda r: blank(r.code)), ("名称", lambda r: r.label),
                ("规范名称", lambda r: blank(r.canonical)), ("单位编码", lambda r: blank(r.unit_code)))


def table_sheet(d: Disclosure, t: Table) -> Sheet:
    """One imported table for reading: its header block, Chinese headers, and its rows (money in 元, exact;
    None where the cell is blank), each beside its line in the document."""
    money = t.money_columns
    text = [c for c in t.columns if c.role != V.ColumnRole.MONEY]
    rows = []
    for r in t.rows:
        cells = r.cells_by_column()
        rows.append([get(r) for _, get in _ROW_COLUMNS] + [r.text.get(c.key, "") for c in text]
                    + [cells[c.key].yuan if c.key in cells else None for c in money])
    header = [name for name, _ in _ROW_COLUMNS] + [c.label for c in text] + [f"{c.label}（元）" for c in money]
    keep = [i for i, name in enumerate(header)
            if i >= len(_ROW_COLUMNS) or name in ("序号", "原文行号", "行类型", "名称") or any(row[i] for row in rows)]
    shown = [header[i] for i in keep]
    return Sheet(sheet_name(t), about_table(d, t), shown, [[row[i] for i in keep] for row in rows],
                 money_columns=frozenset(range(len(shown) - len(money), len(shown))),
                 decimals=2 if t.decimals and t.unit == "元" else 0)


def sheet_name(t: Table) -> str:
    """A sheet's name: the kind's name (the printed title for a table no kind recognises), its number after a
    second table of a kind: at most 31 characters, none of ``[]:*?/\\``."""
    kind = V.KINDS.get(t.kind)
    name = t.title if kind is None or kind.family == V.Family.GENERIC else kind.label
    number = t.id.rpartition("-")[2] if "-" in t.id else ""
    suffix = f"（{number}）" if number else ""
    name = "".join("_" if c in "[]:*?/\\" else c for c in name).strip("'") or t.id
    return name[:31 - len(suffix)] + suffix


def _tidy_sheet(title: str, fields: list[Field], rows: list[list], about: list[tuple[str, str]]) -> Sheet:
    """A department-year's rows of a tidy table for reading: Chinese headers, without the columns of its
    identity (the header block says it)."""
    n = len(tidy.IDENTITY)
    shown = fields[n:]
    # a code shown as its name (部门整体绩效指标, 项目支出绩效目标表); ≥ ≤ and the units are read as they are
    names = [{k: v.partition("（")[0] for k, v in f.codes.items()} if f.codes and f.name not in ("op", "unit")
             else None for f in shown]
    return Sheet(title, about, [f.title + ("（元）" if f.money and "元" not in f.title else "") for f in shown],
                 [[names[i].get(value, value) if names[i] else value for i, value in enumerate(r[n:])] for r in rows],
                 money_columns=frozenset(i for i, f in enumerate(shown) if f.money), decimals=2)


def disclosure_files(v) -> list[tuple[str, bytes]]:
    """One disclosure's downloads: each table as CSV, and the workbook of all its tables, its indicators and
    projects.  (Its indicators and projects are in the site-wide files and the workbook: a CSV file of
    each beside them was a fifth of a department-year's bytes.)"""
    def at(name: str) -> str:
        return urls.data_file(v.region_slug, v.department_slug, v.edition, name)

    d = v.data
    sheets = [table_sheet(d, t) for t in d.tables]
    out = [(urls.table_csv(v.region_slug, v.department_slug, v.edition, t.id), sheet_csv(sheet))
           for t, sheet in zip(d.tables, sheets)]
    for title, name, rows, unit in (("绩效指标", "indicators", tidy.indicator_rows(d), []),
                                    ("项目", "projects", tidy.project_rows(d), [("金额单位", "元")])):
        if rows:
            sheets.append(_tidy_sheet(title, tidy.DESCRIBED[name], rows, about(d) + unit))
    if sheets:
        out.append((at(urls.WORKBOOK), workbook_bytes(sheets, f"{d.department} {d.name}")))
    return out


def sheet_csv(sheet: Sheet) -> bytes:
    """A sheet as a CSV file for reading: its header block (a label and its value a line), an empty line,
    then the table with its header."""
    rows = [list(pair) for pair in sheet.about] + [[]] + [sheet.header] + \
        [["" if value is None else value for value in row] for row in sheet.rows]
    return csv_bytes(rows[0], rows[1:])


def write_tidy(staging, name: str, fields: list[str], keys: list[str], chunk: Callable[[str], bytes],
               layout_file: Path) -> tuple[int, dict[str, tuple[int, int]]]:
    """The site-wide tidy file ``name``: a header member, then each disclosure's rows as its own gzip member,
    end to end (a gzip file may hold many members; every gzip reader reads them as one stream).

    ``keys`` are the units' keys in the order of the data folders, ``chunk(key)`` a unit's member (checked
    against its checksum in the build cache, ``units.Units.chunk``).  A unit's member is the same
    bytes whenever its key is, so a member the previous output's file already holds is copied from there
    in runs (by the layout kept in ``layout_file`` when that file was written), and only new units' chunk
    files are read: ten thousand small reads were most of the time of a rebuild after one new disclosure.
    Returns the file's size and where each unit's member is in it (offset, length), for the Parquet parts.
    """
    path = urls.tidy_data(name)
    previous = staging.out / path
    before = _read_layout(layout_file, previous)
    layout: dict[str, tuple[int, int]] = {}
    with staging.open_new(path) as out, (previous.open("rb") if before else io.BytesIO()) as old:
        position = out.write(header_member(fields))
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
    return position, layout


def header_member(fields: list[str]) -> bytes:
    """A tidy file's header line as a gzip member of its own (the units' members follow it)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(fields)
    return gzip.compress(buf.getvalue().encode("utf-8"), compresslevel=6, mtime=0)


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


def _schema(fields: list[Field], key: list[str]) -> dict:
    """A Table Schema: each field with its title, description (its unit for money), type and code list."""
    out = []
    for f in fields:
        field = {"name": f.name, "title": f.title, "type": f.type,
                 "description": f.description + (f"。代码：{_code_list(f.codes)}" if f.codes else "")}
        if f.money:
            field["unit"] = f.unit
        if f.codes:
            field["constraints"] = {"enum": list(f.codes)}
        out.append(field)
    return {"fields": out, "primaryKey": key, "missingValues": [""]}


def _code_list(codes: dict[str, str]) -> str:
    return "；".join(f"{k} = {v}" for k, v in codes.items())


def comparison_fields(table: Comparison) -> list[Field]:
    """A comparison index's columns, described: who, then money in 元, counts and shares."""
    known = {"地区": tidy.REGION, "部门": tidy.DEPARTMENT, "年度": tidy.YEAR}
    out = []
    for c in table.columns:
        if c in known:
            out.append(Field(c, known[c].title, known[c].description, known[c].type))
        elif c == "类别":
            out.append(Field(c, c, "范围与阶段", codes={f"{s}{p}": f"{s}{p}" for s in V.SCOPES for p in V.PHASES}))
        elif c in MONEY_COLUMNS:
            out.append(Field(c + "（元）", c, f"{c}，单位元（人民币），精确", "number", money=True))
        elif c in COUNT_COLUMNS:
            out.append(Field(c, c, f"{c}（文字说明中公布的）", "integer"))
        else:
            out.append(Field(c, c, f"{c}：占比，四位小数（0.1234 即 12.34%）", "number"))
    return out


def comparison_csv(table: Comparison) -> bytes:
    """A comparison index as CSV: money columns in exact 元, shares as decimals."""
    rows = [[blank(values.get(c)) if c != "部门" else v.department for c in table.columns]
            for v, values in table.rows]
    return csv_bytes([f.name for f in comparison_fields(table)], rows)


def site_files(model: SiteModel) -> dict[str, bytes]:
    """The whole site's small open-data files: the comparison indexes and the data package."""
    files: dict[str, bytes] = {}
    for name, table in model.comparisons.items():
        files[urls.compare_csv(name)] = comparison_csv(table)
    inside = len(urls.OPEN_DATA)
    regions = sorted({v.region_slug for v in model.disclosures})
    resources = []
    for name, (fields, key, _) in TABLES.items():
        schema = _schema(fields, key)
        resources.append({"name": name, "title": TIDY_TITLES[name], "path": urls.tidy_data(name)[inside:],
                          "format": "csv", "compression": "gz", "mediatype": "text/csv", "encoding": "utf-8",
                          "schema": schema})

    for name, table in sorted(model.comparisons.items()):
        resources.append({"name": f"compare-{name}", "title": table.title, "path": urls.compare_csv(name)[inside:],
                          "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                          "schema": _schema(comparison_fields(table), list(COMPARISON_IDENTITY))})
    files[urls.DATA_PACKAGE] = json_bytes({
        "name": "budgetsite-data", "title": "部门预算公开数据",
        "description": "各部门预算、决算公开文件中的每一个数字、绩效指标、项目和名词解释（长表：gzip 压缩的 CSV，"
                       "及类型相同的 Parquet，每个地区一个文件，整个文件夹可作一张表读取）；金额为元，印有角分的保留两位小数。要部门的收支总计等主要数字，用 "
                       "headline：money 中每张表都重复部门的总数，合计行不可跨表相加。",
        "licenses": [{"name": "other-open", "title": "与原始公开文件相同的使用条件"}],
        "resources": resources,
        # each tidy table's Parquet copy, one file per region (``parquet``): the fields and types of the CSV
        # resource of the same name, not repeated for each file (a site has hundreds of regions)
        "parquet": {"mediatype": "application/vnd.apache.parquet",
                    "description": "每个长表另有 Parquet 格式，每个地区一个文件，放在以表名命名的文件夹中；字段、类型和"
                                   "代码表与同名的 CSV 资源相同（金额为 decimal(18,2)，编码为文本）。整个文件夹可作一张表读取。",
                    "tables": {name: [urls.tidy_parquet(name, slug)[inside:] for slug in regions] for name in TABLES}},
        # one workbook and one CSV file per table for each department-year: for reading, not listed one by one
        "workbooks": {"path": urls.data_file("<地区>", "<部门>", "<年度>-<类别>", urls.WORKBOOK)[inside:],
                      "mediatype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                      "description": "每个部门年度一个 Excel 工作簿：每张表一个工作表（表头注明单位“元”，金额为数字），"
                                     "另有绩效指标、项目工作表；每个工作表开头写明部门、年度、类别、表名、金额单位和来源。"
                                     "同一目录 tables/<表编号>.csv 为每张表的 CSV，格式相同。"},
    })
    return files
