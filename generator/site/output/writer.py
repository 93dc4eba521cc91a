"""Writing the site: into a temporary folder beside the output, swapped in when complete.

A failed build (bad data, a template error) leaves the previous output
untouched, and readers of the output never see half a site.  What did not
change is hard-linked from the previous output instead of written again
(copied where the file system has no hard links).
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
        self.files = 0
        self._dirs: set[Path] = set()

    def _target(self, path: str) -> Path:
        target = self.dir / path
        if target.parent not in self._dirs:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(target.parent)
        return target

    def write(self, path: str, data: bytes) -> None:
        self._target(path).write_bytes(data)

    def link_file(self, source: Path, path: str) -> None:
        """``source`` at ``path``, linked (copied where it cannot be)."""
        target = self._target(path)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)

    def link_from_previous(self, paths: list[str]) -> bool:
        """Each of ``paths`` as the previous output has it; False (and nothing linked) when one is missing."""
        old = [self.out / p for p in paths]
        if not all(p.is_file() for p in old):
            return False
        for source, path in zip(old, paths):
            self.link_file(source, path)
        return True

    def link_tree_from_previous(self, folder: str) -> bool:
        """A whole folder of the previous output (the search index), or False when there is none."""
        old = self.out / folder
        if not old.is_dir():
            return False
        shutil.copytree(old, self.dir / folder, copy_function=_link_or_copy)
        return True

    def publish(self, last=None) -> None:
        """Swap the staging folder in.  ``last(files, bytes)``, if given, makes the last file (the build's
        manifest) from the count and size of all the others; it is counted too."""
        for f in self.dir.rglob("*"):
            if f.is_file():
                self.files += 1
                self.bytes += f.stat().st_size
        if last is not None:
            from generator.site.output.manifest import MANIFEST

            data = last(self.files + 1, self.bytes)
            self.write(MANIFEST, data)
            self.files += 1
            self.bytes += len(data)
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


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
