"""Every site-wide output of a build, in the order they are written: a new output is a module here with
one ``state.Output`` and a line in ``OUTPUTS``.

A disclosure's own page and files are not here: each unit writes them (``units``).  The order is what
the outputs read of each other: the open-data page shows the downloads' sizes, the feeds and the search
index list the pages.
"""

from __future__ import annotations

from generator.site.build.outputs.feed_files import Feeds
from generator.site.build.outputs.open_data import OpenData
from generator.site.build.outputs.search_index import SearchIndex
from generator.site.build.outputs.site_pages import SitePages
from generator.site.build.outputs.source_documents import SourceDocuments
from generator.site.build.outputs.static_files import StaticFiles
from generator.site.build.state import Output

OUTPUTS: tuple[Output, ...] = (
    OpenData(),                 # open-data/all/, open-data/compare/, open-data/datapackage.json
    SourceDocuments(),          # open-data/sources/: the documents as published
    SitePages(),                # every page but the disclosures' own
    StaticFiles(),              # assets/
    Feeds(),                    # robots.txt, feed.xml, sitemap.xml
    SearchIndex(),              # pagefind/
)
