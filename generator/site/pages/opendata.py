"""The downloads page: every open-data file with its size, whole-site files first."""

from __future__ import annotations

from generator.site import urls
from generator.site.comparisons import COMPARISONS
from generator.site.pages import EVERYTHING, Inputs, Page, crumbs


def pages(inputs: Inputs) -> list[Page]:
    return [Page(urls.open_data(), "open_data.html", context, inputs=(EVERYTHING,))]


def size(n: int) -> str:
    return f"{n / 1024:.1f} KB" if n >= 1024 else f"{n} B"


def context(inputs: Inputs, page: Page) -> dict:
    model = inputs.model
    whole, sources = [], []
    per_folder: dict[str, list[tuple[str, str, str]]] = {}
    for path, n in sorted(model.downloads.items()):
        if path.startswith(urls.OPEN_DATA_FILES):
            parts = path.split("/")
            per_folder.setdefault("/".join(parts[:5]) + "/", []).append(("/".join(parts[5:]), path, size(n)))
        elif path.startswith(urls.OPEN_DATA_ALL):
            whole.append((path[len(urls.OPEN_DATA_ALL):], path, size(n)))
        elif path.startswith(urls.OPEN_DATA_SOURCES):
            sources.append((path[len(urls.OPEN_DATA_SOURCES):], path, size(n)))
    whole += [(name.rsplit("/", 1)[-1], name, size(model.downloads[name])) for name in (urls.DATA_PACKAGE, urls.DATA_ZIP)]
    per = []
    for v in model.disclosures:
        files = per_folder.get(urls.data_file(v.region_slug, v.department_slug, v.edition, ""), [])
        per.append((v, [f for f in files if not f[0].startswith("normalised/")],
                    [f for f in files if f[0].startswith("normalised/")]))
    return {"title": inputs.config.label("open_data"), "section": "open_data",
            "comparisons": [(n, label, len(model.comparisons[n].rows)) for n, label in COMPARISONS.items()],
            "disclosure_files": per, "whole": whole, "sources": sources,
            "crumbs": crumbs(inputs.config, (inputs.config.label("open_data"), ""))}
