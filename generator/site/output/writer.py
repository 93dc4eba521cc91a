"""Writing the site: into a temporary folder beside the output, swapped in when complete.

A failed build (bad data, a template error) leaves the previous output
untouched, and readers of the output never see half a site.  What did not
change is hard-linked from the previous output instead of written again
(copied where the file system has no hard links).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path


class Staging:
    """A temporary output folder; ``publish`` swaps it in, leaving it discards it.

    It starts as a hard-linked copy of the previous output (one ``cp -al``), so
    what did not change is already in place.  A file is never written through
    such a link: it is unlinked first, so the previous output, which readers may
    still be served, is never touched.  Whatever the build did not make or keep
    is removed before the swap (``prune``), so the result equals a build from
    nothing.
    """

    def __init__(self, out: Path):
        self.out = out.resolve()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.dir = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.tmp-", dir=self.out.parent))
        self.bytes = 0
        self.files = 0
        self.kept: set[str] = set()              # files made or kept by this build
        self.kept_trees: set[str] = set()        # folders kept whole (a search index part)
        self._dirs: set[Path] = set()
        if self.out.is_dir():
            _clone(self.out, self.dir)

    def _target(self, path: str) -> Path:
        self.kept.add(path)
        target = self.dir / path
        if target.parent not in self._dirs:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(target.parent)
        target.unlink(missing_ok=True)           # never write through a link into the previous output
        return target

    def write(self, path: str, data: bytes) -> None:
        self._target(path).write_bytes(data)

    def open_new(self, path: str):
        """A file of the staging folder to write, in binary."""
        return self._target(path).open("wb")

    def link_file(self, source: Path, path: str) -> None:
        """``source`` at ``path``, linked (copied where it cannot be)."""
        target = self._target(path)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)

    def keep(self, paths: list[str]) -> None:
        """Files written into the staging folder by others (the units' workers)."""
        self.kept.update(paths)

    def link_from_previous(self, paths: list[str]) -> bool:
        """Keep each of ``paths`` as the previous output has it; False (nothing kept) when one is missing."""
        if not all((self.dir / p).is_file() for p in paths):
            return False
        self.kept.update(paths)
        return True

    def link_tree_from_previous(self, folder: str) -> bool:
        """Keep a whole folder of the previous output (a search index part), or False when there is none."""
        if not (self.dir / folder).is_dir():
            return False
        self.kept_trees.add(folder)
        return True

    def fresh_tree(self, folder: str) -> Path:
        """An empty folder at ``folder`` for a tool to fill (what was there is removed)."""
        target = self.dir / folder
        shutil.rmtree(target, ignore_errors=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        self.kept_trees.add(folder)
        return target

    def prune(self) -> None:
        """Remove what the build neither made nor kept (files of the previous output that are gone now), and
        count the files and bytes that stay."""
        trees = tuple(t.rstrip("/") + "/" for t in self.kept_trees)
        for root, dirs, files in os.walk(self.dir, topdown=False):
            rel = os.path.relpath(root, self.dir)
            rel = "" if rel == "." else rel + "/"
            kept_whole = rel.startswith(trees)
            left = False
            for name in files:
                path = os.path.join(root, name)
                if kept_whole or rel + name in self.kept:
                    self.files += 1
                    self.bytes += os.lstat(path).st_size
                    left = True
                else:
                    os.unlink(path)
            if rel and not left and not os.listdir(root):
                os.rmdir(root)

    def publish(self, last=None) -> None:
        """Swap the staging folder in.  ``last(files, bytes)``, if given, makes the last file (the build's
        manifest) from the count and size of all the others; it is counted too."""
        self.prune()
        if last is not None:
            from generator.site.output.manifest import MANIFEST

            data = last(self.files + 1, self.bytes)
            self._target(MANIFEST).write_bytes(data)
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


def _clone(source: Path, target: Path) -> None:
    """``target`` as a hard-linked copy of ``source`` (GNU ``cp -al`` where there is one: much faster)."""
    cp = shutil.which("cp")
    if cp:
        result = subprocess.run([cp, "-al", f"{source}/.", str(target)], capture_output=True)
        if result.returncode == 0:
            return
        shutil.rmtree(target)
        target.mkdir()
    shutil.copytree(source, target, copy_function=_link_or_copy, dirs_exist_ok=True)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
