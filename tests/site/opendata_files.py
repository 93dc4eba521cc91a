"""Reading the published open-data files in tests, as a person or a program would."""

import csv
import gzip
import io
from pathlib import Path


def table_csv(path: Path) -> tuple[dict[str, str], list[dict[str, str]]]:
    """A table's CSV file for reading: its header block (label -> value) and its rows by Chinese header.
    The file is UTF-8 with a byte-order mark; an empty line ends the block."""
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode()), f"{path} has no BOM"
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    end = lines.index([])
    about = {label: value for label, value in lines[:end]}
    header, *rows = lines[end + 1:]
    return about, [dict(zip(header, row, strict=True)) for row in rows]


def gz_rows(path: Path) -> list[dict[str, str]]:
    """A site-wide tidy file: gzip (many members, read as one stream), UTF-8 CSV."""
    return list(csv.DictReader(io.StringIO(gzip.decompress(path.read_bytes()).decode("utf-8"))))
