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
    whole = [(path.rsplit("/", 1)[-1], path, size(n), TIDY_TITLES.get(path.rsplit("/", 1)[-1].split(".")[0], ""))
             for path, n in sorted(inputs.downloads.items()) if path.startswith(urls.OPEN_DATA_ALL)]
    whole.append(("datapackage.json", urls.DATA_PACKAGE, size(inputs.downloads.get(urls.DATA_PACKAGE, 0)),
                  "Frictionless Data Package 描述（每个文件的字段、类型、单位、代码表和主键）"))
    sources = sorted(model.sources.items())
    listed = [(name, urls.source_text(name), s.disclosure) for name, s in sources] \
        if len(sources) <= SOURCE_LIST_LIMIT else []
    example = model.disclosures[0] if model.disclosures else None
    return {"title": inputs.config.label("open_data"), "section": "open_data",
            "comparisons": [(n, label, len(model.comparisons[n].rows)) for n, label in COMPARISONS.items()],
            "whole": whole, "sources": listed, "source_count": len(sources), "example": example,
            "example_files": urls.data_file(example.region_slug, example.department_slug, example.edition, "")
            if example else "",
            "crumbs": crumbs(inputs.config, (inputs.config.label("open_data"), ""))}
