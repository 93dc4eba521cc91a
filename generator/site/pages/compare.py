"""The comparison indexes: sortable tables ranking the department-years, each with its CSV."""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.core.slugs import region_display
from generator.site.pages import svg
from generator.site.shared import urls
from generator.site.model.charts import CARD_WIDTH, PALETTE
from generator.site.model.comparisons import COMPARISONS, COUNT_COLUMNS, IDENTITY, MONEY_COLUMNS, NOTES, Comparison
from generator.site.shared.formatting import share, wan
from generator.site.pages import EVERYTHING, Inputs, Page, crumbs
from generator.site.pages.tableview import width_class


# a comparison of more department-years than this is a page per region, under a page listing the regions: a
# ranking of a province's ten thousand rows would be megabytes for a reader, and made again for each new one
ROWS_PER_PAGE = 500


def pages(inputs: Inputs) -> list[Page]:
    # a comparison is found by its subject (its title and note); its rows are not searched, their names are
    # found on their own pages, and a region's part of a long ranking is reached from the ranking
    out = [Page(urls.compare(), "compare_index.html", index, inputs=(EVERYTHING,))]
    for name in COMPARISONS:
        table = inputs.model.comparisons[name]
        if len(table.rows) <= ROWS_PER_PAGE:
            out.append(Page(urls.compare(name), "compare.html", compare, key=name, inputs=(EVERYTHING,)))
            continue
        out.append(Page(urls.compare(name), "compare_regions.html", by_region, key=name, inputs=(EVERYTHING,)))
        for slug, rows in _regions(table).items():
            out.append(Page(urls.compare_region(name, slug), "compare.html", compare, key=f"{name}/{slug}",
                            inputs=tuple(sorted({v.folder for v, _ in rows})), searched=False))
    return out


def _regions(table: Comparison) -> dict[str, list]:
    """The table's rows by region, each region's in the table's order."""
    out: dict[str, list] = {}
    for row in table.rows:
        out.setdefault(row[0].region_slug, []).append(row)
    return out


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


def sortable_html(rows: list[list[dict]], columns: list[dict], caption: str, table_id: str) -> Markup:
    """A comparison's table: a header of sort buttons, a row per department-year, each cell with the value
    it sorts by.  Built here rather than in a template: a region's page has thousands of cells, and a
    template call per cell was most of the time of rendering the site's own pages."""
    out = [f'<div class="table-scroll{width_class(len(columns))}" role="region" aria-labelledby="{table_id}-caption" '
           f'tabindex="0">\n'
           f'<table class="money sortable" id="{table_id}">\n'
           f'<caption id="{table_id}-caption">{escape(caption)}</caption>\n<thead><tr>']
    for i, col in enumerate(columns):
        num = ' class="num"' if col["num"] else ""
        out.append(f'<th scope="col"{num} aria-sort="{col["sort"] or "none"}">'
                   f'<button type="button" data-col="{i}">{escape(col["label"])}</button></th>')
    out.append("</tr></thead>\n<tbody>")
    for row in rows:
        out.append("\n<tr>")
        for i, cell in enumerate(row):
            tag = "th" if i == 1 else "td"
            head = ' scope="row"' if i == 1 else ""
            num = ' class="num"' if cell["num"] else ""
            text = escape(cell["text"])
            if cell.get("href"):
                text = Markup(f'<a href="{escape(cell["href"])}">{text}</a>')
            out.append(f'<{tag}{head}{num} data-sort="{escape(cell["sort"])}">{text}</{tag}>')
        out.append("</tr>")
    out.append("\n</tbody>\n</table>\n</div>")
    return Markup("".join(out))


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
    """A comparison, or (key ``name/region``) one region's rows of it."""
    name, _, region = page.key.partition("/")
    table = inputs.model.comparisons[name]
    trail = [(inputs.config.label("compare"), urls.compare()), (table.title, urls.compare(name) if region else "")]
    title = table.title
    if region:
        shown = _regions(table)[region]
        place = region_display(shown[0][0].region)
        table = Comparison(table.name, table.title, table.columns, shown)
        title = f"{table.title}：{place}"
        trail.append((place, ""))
    return {"title": title, "found_first": True, "note": NOTES.get(name, ""), "chart": ranked_chart(table),
            "table": sortable_html(rows(table, page.path), columns(table), title, "compare-table"),
            "csv_url": urls.compare_csv(name), "section": "compare", "crumbs": crumbs(inputs.config, *trail)}


RANKED = 15          # the bars of a comparison's chart: the largest, the table below holds them all


def ranked_chart(table: Comparison) -> dict | None:
    """The comparison's first column of money as ranked bars, drawn at build time (no script needed): the
    largest ``RANKED`` department-years, with a sentence that says what the bars show; None for a comparison
    of shares or counts (their table is the chart)."""
    column = next((c for c in table.columns if c not in IDENTITY), None)
    if column not in MONEY_COLUMNS:
        return None
    ranked = sorted(((v, values.get(column)) for v, values in table.rows if values.get(column) is not None),
                    key=lambda r: -r[1])[:RANKED]
    if len(ranked) < 2:
        return None
    labels = [f"{v.department} {v.year}" for v, _ in ranked]
    top, value = ranked[0]
    shown = f"{len(ranked)} 个" if len(ranked) < len(table.rows) else "全部"
    summary = (f"按{column}排列的{shown}部门年度（共 {len(table.rows)} 个）；最多的是{top.department} {top.year} 年，"
               f"{wan(value, 2)} 万元。")
    title = f"{column}最多的部门年度"
    return {"title": title, "summary": summary, "columns": column,
            # drawn as narrow as a phone's card, so that its text keeps its size there and on a desktop
            "svg": svg.bars("compare-chart", title, summary, labels, [(column, PALETTE[0], [y for _, y in ranked])],
                            width=CARD_WIDTH),
            "rows": [(label, wan(y, 2)) for label, (_, y) in zip(labels, ranked)]}


def by_region(inputs: Inputs, page: Page) -> dict:
    """A long comparison's page: its regions, each with its number of department-years and its page."""
    table = inputs.model.comparisons[page.key]
    by_slug = _regions(table)
    regions = [(region_display(r.name), urls.compare_region(page.key, r.slug), len(by_slug[r.slug]))
               for r in inputs.model.regions if r.slug in by_slug]          # in the site's order of regions
    return {"title": table.title, "found_first": True, "note": NOTES.get(page.key, ""), "regions": regions, "total": len(table.rows),
            "csv_url": urls.compare_csv(page.key), "section": "compare",
            "crumbs": crumbs(inputs.config, (inputs.config.label("compare"), urls.compare()), (table.title, ""))}
