"""The search index, in parts (``search``): a part is indexed again only when its pages changed."""

from __future__ import annotations

from generator.site.build import search
from generator.site.build.state import SiteBuild
from generator.site.build.units import search_path
from generator.site.build.writer import Staging
from generator.site.shared import urls


class SearchIndex:
    name = "search index"
    reads = "the searched pages as rendered, and each unit's search page (in the build cache)"

    def write(self, site: SiteBuild, staging: Staging) -> str:
        shards = search.members(site.search_names, site.pages, site.prints,
                                [(f, site.disclosure_pages[f], site.keys[f]) for f in site.folders])
        site.search = {name: search.fingerprint(site.common, members) for name, members in shards.items()}
        old = site.previous.get("search") if isinstance(site.previous.get("search"), dict) else {}
        stale = [name for name in shards if old.get(name) != site.search[name]
                 or not staging.link_tree_from_previous(_folder(name))]
        site.let_go()
        site.progress.stage("progress.search", len(stale))
        cache = site.units.cache
        search.index_shards({name: ({path: search_path(cache, key) if key else staging.current(path)
                                     for path, _, key in shards[name]},
                                    staging.fresh_tree(_folder(name)))
                             for name in stale}, site.jobs)
        site.progress.advance(len(stale))
        return f"{len(stale)} of {len(shards)} parts"


def _folder(name: str) -> str:
    return urls.search_part(name).rstrip("/")
