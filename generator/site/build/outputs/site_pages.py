"""The site's own pages (every page but a disclosure's, which its unit renders): each rendered when its
fingerprint changed, hard-linked from the previous output otherwise."""

from __future__ import annotations

from generator.site.build import manifest
from generator.site.build.state import SiteBuild
from generator.site.build.writer import Staging
from generator.site.pages import page_map


class SitePages:
    name = "render site pages"
    reads = "the site's model, its settings and content, the downloads' sizes and the search index's parts"

    def write(self, site: SiteBuild, staging: Staging) -> str:
        inputs = site.setting.inputs(site.model, site.downloads, site.search_parts)
        pages = page_map(inputs)
        prints = manifest.fingerprints(pages, site.common, site.keys)
        old_pages = site.previous.get("pages", {})
        todo = [p for p in pages if old_pages.get(p.path) != prints[p.path] or not staging.link_from_previous([p.path])]
        site.progress.stage("progress.pages", len(todo))
        # in this process: workers forked now would each copy much of the site's model (the views of every
        # department-year) as they read it; at 10,000 that was the build's peak of memory, for a stage of a
        # few seconds
        for page in todo:
            staging.write(*site.renderer.render(page, inputs))
            site.progress.advance()
        site.pages, site.prints, site.rendered = pages, prints, len(todo)
        return f"{len(todo)} of {len(pages)}"
