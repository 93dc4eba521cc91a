"""The static files (the theme's, a site's own, plotly's bundle) under their content-hashed names."""

from __future__ import annotations

from generator.site.build.state import SiteBuild
from generator.site.build.writer import Staging


class StaticFiles:
    name = "assets"
    reads = "the theme's static/ folder and the site's own (``assets.collect_assets``)"

    def write(self, site: SiteBuild, staging: Staging) -> None:
        for path, data in site.assets.files.items():
            staging.write(path, data)
