"""What a build's site-wide outputs are written from: one object, made once the units are built.

``run`` makes a ``SiteBuild`` from the units' results and the site's model, then hands it to each output
of ``outputs.OUTPUTS`` in turn.  What an output makes that a later one reads (the sizes of the downloads,
the pages and their fingerprints, the search index's fingerprints) is added here by that output, under the
name below; nothing else is shared between them.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from generator.core.progress import Progress
from generator.site.build.assets import Assets
from generator.site.build.units import Units
from generator.site.build.writer import Staging
from generator.site.model.site import SiteModel
from generator.site.pages import Page, Setting
from generator.site.pages.render import Renderer
from generator.site.shared.config import SiteConfig


@dataclass
class SiteBuild:
    config: SiteConfig
    setting: Setting                         # what every page is rendered with besides the model
    model: SiteModel | None                  # let go of before the search index is made (``let_go``)
    folders: list[str]                       # the disclosure folders, in the data's order
    keys: dict[str, str]                     # each folder's unit key
    disclosure_pages: dict[str, str]         # each folder's page (rendered by its unit)
    published: set[str]                      # the names of the source documents the site publishes
    common: str                              # the fingerprint of what every output reads
    previous: dict                           # the last build's manifest (``manifest.read_manifest``)
    units: Units                             # the units' cache: their tidy chunks and search pages
    kept: Path                               # what the build cache keeps about this output
    assets: Assets
    renderer: Renderer
    search_names: list[str]                  # every part the search index may have (``search.shard_names``)
    search_parts: list[str]                  # those that index something
    jobs: int
    progress: Progress
    # added by the outputs, in their order
    downloads: dict[str, int] = field(default_factory=dict)      # open-data file -> bytes (``outputs.open_data``)
    pages: list[Page] = field(default_factory=list)              # the site's pages (``outputs.site_pages``)
    prints: dict[str, str] = field(default_factory=dict)         # each page's fingerprint, by path (the same)
    rendered: int = 0                                            # how many of them were rendered (the same)
    search: dict[str, str] = field(default_factory=dict)         # each search part's fingerprint (``outputs.search_index``)

    def let_go(self) -> None:
        """Drop the model and the pages, and collect: the search indexer runs beside this process, and
        the model (every department-year's view) is the most of its memory."""
        self.model = None
        self.pages = []
        gc.unfreeze()
        gc.collect()


class Output(Protocol):
    """One site-wide output of a build: ``name`` says it in ``build --timings``, ``reads`` what it is made
    from; ``write`` makes it into the staging folder, returning a detail for the timings or None."""

    name: str
    reads: str

    def write(self, site: SiteBuild, staging: Staging) -> str | None: ...
