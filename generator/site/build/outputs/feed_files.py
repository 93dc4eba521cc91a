"""What crawlers and feed readers read: robots.txt, the Atom feed, and the sitemap when the base URL is known."""

from __future__ import annotations

from generator.site.build import feeds
from generator.site.build.state import SiteBuild
from generator.site.build.writer import Staging
from generator.site.shared import urls


class Feeds:
    name = "feeds"
    reads = "the settings, the model's disclosures, the listed pages"

    def write(self, site: SiteBuild, staging: Staging) -> None:
        config = site.config
        staging.write(urls.robots(), feeds.robots(config))
        staging.write(urls.feed(), feeds.atom(config, site.model))
        if config.base_url:
            listed = [p.path for p in site.pages if p.listed] + list(site.disclosure_pages.values())
            staging.write(urls.sitemap(), feeds.sitemap(config, sorted(listed)))
