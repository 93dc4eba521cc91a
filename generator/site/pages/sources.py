"""One page per published document: its text line by line, each line an anchor that rows cite."""

from __future__ import annotations

from generator.site.shared import urls
from generator.site.pages import Inputs, Page, crumbs
from generator.store.layout import DISCLOSURES
from generator.store.read import load_source_text


def pages(inputs: Inputs) -> list[Page]:
    return [Page(urls.source_document_file(name), "source.html", context, key=name, inputs=(source.disclosure.folder,),
                 searched=False)
            for name, source in sorted(inputs.model.sources.items())]


def context(inputs: Inputs, page: Page) -> dict:
    shown = inputs.model.sources[page.key]
    v = shown.disclosure
    lines = load_source_text(inputs.data_dir / DISCLOSURES / v.folder, page.key)
    if lines and lines[-1] == "":
        lines = lines[:-1]
    # a PDF's text form: the first line of each page links to that page of the PDF
    starts = {first - 1: p for first, p in shown.source.pages if first <= len(lines)}
    return {"title": f"原始文件 {page.key}", "name": page.key, "lines": lines, "v": v, "indexed": False,
            "page_starts": starts,
            "text_url": urls.source_text(page.key), "section": "open_data",
            "sha": next(s.sha256 for s in v.data.sources if s.name == page.key),
            "crumbs": crumbs(inputs.config, (inputs.config.label("open_data"), urls.open_data()), (page.key, ""))}
