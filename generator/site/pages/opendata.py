"""The downloads page: every open-data file with its size, whole-site files first."""

from __future__ import annotations

from generator.site.shared import urls
from generator.site.model.comparisons import COMPARISONS
from generator.site.model.downloads import TIDY_TITLES
from generator.site.pages import EVERYTHING, Inputs, Page, crumbs


def pages(inputs: Inputs) -> list[Page]:
    return [Page(urls.open_data(), "open_data.html", context, inputs=(EVERYTHING,))]


def size(n: int) -> str:
    return f"{n / 1024:.1f} KB" if n >= 1024 else f"{n} B"


# above this many documents the page links to each department-year page instead of listing them all
SOURCE_LIST_LIMIT = 500


def context(inputs: Inputs, page: Page) -> dict:
    model = inputs.model
    region_names = {r.slug: r.name for r in model.regions}
    whole, parquet = [], {}
    for path, n in sorted(inputs.downloads.items()):
        if not path.startswith(urls.OPEN_DATA_ALL):
            continue
        name, _, rest = path[len(urls.OPEN_DATA_ALL):].partition("/")
        if rest:            # a region's Parquet file of the table ``name``
            slug = rest.removesuffix(".parquet")
            parquet.setdefault(name, []).append((region_names.get(slug, slug), path, size(n)))
        else:
            whole.append((name, path, size(n), TIDY_TITLES.get(name.split(".")[0], "")))
    whole.append(("datapackage.json", urls.DATA_PACKAGE, size(inputs.downloads.get(urls.DATA_PACKAGE, 0)),
                  "Frictionless Data Package 描述（每个文件的字段、类型、单位、代码表和主键）"))
    sources = sorted(model.sources.items())
    listed = [(name, urls.source_text(name), s.disclosure) for name, s in sources] \
        if len(sources) <= SOURCE_LIST_LIMIT else []
    example = model.disclosures[0] if model.disclosures else None
    return {"title": inputs.config.label("open_data"), "section": "open_data",
            "comparisons": [(n, label, len(model.comparisons[n].rows)) for n, label in COMPARISONS.items()],
            "whole": whole, "parquet": sorted(parquet.items()), "sources": listed, "source_count": len(sources), "example": example,
            "example_files": urls.data_file(example.region_slug, example.department_slug, example.edition, "")
            if example else "",
            "crumbs": crumbs(inputs.config, (inputs.config.label("open_data"), ""))}
