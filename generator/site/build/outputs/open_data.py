"""The whole site's open data: each tidy table as gzip CSV (the units' chunks end to end) and as Parquet,
one file per region, the comparison indexes' CSV files and the data package (``opendata``)."""

from __future__ import annotations

import hashlib
from functools import partial

from generator.site.build import opendata
from generator.site.build.parquet import write_parquet
from generator.site.build.state import SiteBuild
from generator.site.build.units import TIDY
from generator.site.build.writer import Staging
from generator.site.shared import urls
from generator.store.cache import cannot_write, read_json_entry, write_json_entry


class OpenData:
    name = "open data"
    reads = "each unit's tidy chunks (in the build cache) and the model's comparisons"

    def write(self, site: SiteBuild, staging: Staging) -> None:
        downloads = site.downloads
        unit_keys = [site.keys[f] for f in site.folders]
        regions = _regions(site.folders)
        for name, fields in TIDY.items():
            size, layout = opendata.write_tidy(staging, name, fields, unit_keys, partial(site.units.chunk, name=name),
                                               site.kept / f"{name}.layout")
            downloads[urls.tidy_data(name)] = size
            downloads.update(_parquet_parts(site, staging, name, fields, regions, layout))
        for path, data in opendata.site_files(site.model).items():
            staging.write(path, data)
            downloads[path] = len(data)


def _regions(folders: list[str]) -> dict[str, list[str]]:
    """The disclosure folders of each region (its slug, the folder's first part), in the data's order."""
    out: dict[str, list[str]] = {}
    for f in folders:
        out.setdefault(f.split("/", 1)[0], []).append(f)
    return out


def _parquet_parts(site: SiteBuild, staging: Staging, name: str, fields: list[str], regions: dict[str, list[str]],
                   layout: dict[str, tuple[int, int]]) -> dict[str, int]:
    """Each region's Parquet file of the tidy table ``name``: taken from the previous output when the region's
    units are the ones it was written from (their keys, in order), else written from their members of the
    CSV file just written (``layout``: where each is).  Their sizes, by path."""
    kept_file = site.kept / f"{name}.parquet-parts"
    before = read_json_entry(kept_file, restore=_digests) or {}
    now: dict[str, str] = {}
    sizes: dict[str, int] = {}
    csv_file = staging.current(urls.tidy_data(name))
    with csv_file.open("rb") as members:
        for region, folders in regions.items():
            keys = [site.keys[f] for f in folders]
            digest = hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()
            path = urls.tidy_parquet(name, region)
            if before.get(region) != digest or not staging.link_from_previous([path]):
                data = [opendata.header_member(fields)]
                for key in keys:
                    offset, length = layout[key]
                    members.seek(offset)
                    data.append(members.read(length))
                write_parquet(b"".join(data), opendata.TABLES[name][0], staging.new_path(path))
            now[region] = digest
            sizes[path] = staging.current(path).stat().st_size
    try:
        write_json_entry(kept_file, now)
    except OSError as exc:          # without it, the next build writes every region's file again
        cannot_write("the build cache", kept_file.parent, exc, "the build")
    return sizes


def _digests(found: dict) -> dict[str, str]:
    """What was kept: each region's digest of its units' keys; an error when it is not that."""
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in found.items()):
        raise ValueError("not the regions' digests")
    return found

