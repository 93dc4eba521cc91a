"""Writing the site: into a temporary folder beside the output, swapped in when complete.

A failed build (bad data, a template error) leaves the previous output
untouched, and readers of the output never see half a site.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


class Staging:
    """A temporary output folder; ``publish`` swaps it in, leaving it discards it."""

    def __init__(self, out: Path):
        self.out = out.resolve()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.dir = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.tmp-", dir=self.out.parent))
        self.bytes = 0

    def write(self, path: str, data: bytes) -> None:
        target = self.dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def publish(self) -> None:
        self.bytes = sum(f.stat().st_size for f in self.dir.rglob("*") if f.is_file())
        old = None
        if self.out.exists():
            old = self.out.parent / f".{self.out.name}.old-{os.getpid()}"
            self.out.rename(old)
        self.dir.rename(self.out)
        if old is not None:
            shutil.rmtree(old)

    def __enter__(self) -> "Staging":
        return self

    def __exit__(self, *exc) -> None:
        if self.dir.exists():
            shutil.rmtree(self.dir)
