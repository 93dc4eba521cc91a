"""The whole site's open data: each tidy table as gzip CSV (the units' chunks end to end) and as Parquet,
the comparison indexes' CSV files and the data package (``opendata``)."""

from __future__ import annotations

from functools import partial

from generator.site.build import opendata
from generator.site.build.parquet import write_parquet
from generator.site.build.state import SiteBuild
from generator.site.build.units import TIDY
from generator.site.build.writer import Staging
from generator.site.shared import urls


class OpenData:
    name = "open data"
    reads = "each unit's tidy chunks (in the build cache) and the model's comparisons"

    def write(self, site: SiteBuild, staging: Staging) -> None:
        downloads = site.downloads
        unit_keys = [site.keys[f] for f in site.folders]
        for name, fields in TIDY.items():
            downloads[urls.tidy_data(name)] = opendata.write_tidy(
                staging, name, fields, unit_keys, partial(site.units.chunk, name=name),
                site.kept / f"{name}.layout")
            downloads[urls.tidy_parquet(name)] = write_parquet(
                staging.dir / urls.tidy_data(name), opendata.TABLES[name][0],
                staging.new_path(urls.tidy_parquet(name)))
        for path, data in opendata.site_files(site.model).items():
            staging.write(path, data)
            downloads[path] = len(data)
