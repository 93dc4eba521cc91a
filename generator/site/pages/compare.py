"""The comparison indexes: sortable tables ranking the department-years, each with its CSV."""

from __future__ import annotations

from generator.site import urls
from generator.site.comparisons import COMPARISONS, COUNT_COLUMNS, IDENTITY, MONEY_COLUMNS, NOTES, Comparison
from generator.site.formatting import share, wan
from generator.site.pages import EVERYTHING, Inputs, Page, crumbs


def pages(inputs: Inputs) -> list[Page]:
    return [Page(urls.compare(), "compare_index.html", index, inputs=(EVERYTHING,))] + \
        [Page(urls.compare(name), "compare.html", compare, key=name, inputs=(EVERYTHING,), searched=False)
         for name in COMPARISONS]     # a ranking of every department-year: its names are found on their own pages


def index(inputs: Inputs, page: Page) -> dict:
    label = inputs.config.label("compare")
    items = [(name, title, len(inputs.model.comparisons[name].rows)) for name, title in COMPARISONS.items()]
    return {"title": label, "comparisons": items, "section": "compare", "crumbs": crumbs(inputs.config, (label, ""))}


TEXT_COLUMNS = frozenset({"地区", "部门", "类别"})


def columns(table: Comparison) -> list[dict]:
    return [{"label": name + ("（万元）" if name in MONEY_COLUMNS else ""), "name": name, "num": name not in TEXT_COLUMNS,
             "sort": "descending" if i == len(IDENTITY) else ""} for i, name in enumerate(table.columns)]


def _cell(name: str, value) -> dict:
    if value is None:
        return {"text": "—", "sort": "", "num": True}
    if name in MONEY_COLUMNS:
        return {"text": wan(value, 2), "sort": str(value), "num": True}
    if name in COUNT_COLUMNS:
        return {"text": str(value), "sort": str(value), "num": True}
    if name in TEXT_COLUMNS:
        return {"text": value, "sort": value, "num": False}
    return {"text": share(int(value * 10000), 10000), "sort": str(value), "num": True}      # a share


def rows(table: Comparison, page_path: str) -> list[list[dict]]:
    out = []
    for v, values in table.rows:
        row = []
        for name in table.columns:
            if name == "部门":
                row.append({"text": v.department, "sort": v.department, "num": False,
                            "href": urls.relative(page_path, v.url)})
            else:
                row.append(_cell(name, values.get(name)) | {"href": ""})
        out.append(row)
    return out


def compare(inputs: Inputs, page: Page) -> dict:
    table = inputs.model.comparisons[page.key]
    return {"title": table.title, "note": NOTES.get(page.key, ""), "columns": columns(table),
            "rows": rows(table, page.path), "csv_url": urls.compare_csv(page.key), "section": "compare",
            "crumbs": crumbs(inputs.config, (inputs.config.label("compare"), urls.compare()), (table.title, ""))}
