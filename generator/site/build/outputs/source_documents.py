"""The source documents as published, byte for byte: linked into the output, never copied or changed."""

from __future__ import annotations

from generator.site.build.state import SiteBuild
from generator.site.build.writer import Staging
from generator.site.shared import urls
from generator.store.layout import SOURCES


class SourceDocuments:
    name = "source documents"
    reads = "data/sources/: each document a disclosure of the site was imported from"

    def write(self, site: SiteBuild, staging: Staging) -> None:
        for name in sorted(site.published):
            staging.link_file(site.setting.data_dir / SOURCES / name, urls.source_file(name))
