"""Writing the site: what changed goes into a temporary folder beside the output, and moves in when the
build is complete.

A failed build (bad data, a template error) leaves the previous output
untouched: nothing is moved until everything has been made.  What did not
change is not copied at all; it stays where it is.  Publishing then moves
each new file into place (a rename, atomic per file), replaces the search
index parts that were made again, and removes what the build no longer
makes, so that the result equals a build from nothing.  The build's
manifest is taken away first and written last: a publish that is
interrupted leaves an output without one, which the next build makes again
from nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

class Staging:
    """A temporary folder for what this build makes; ``publish`` moves it into the output, leaving it
    discards it."""

    def __init__(self, out: Path):
        self.out = out.resolve()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.dir = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.tmp-", dir=self.out.parent))
        self.bytes = 0
        self.files = 0
        self.kept: set[str] = set()              # files made or kept by this build
        self.kept_trees: set[str] = set()        # folders kept whole (a search index part)
        self.fresh_trees: set[str] = set()       # folders made again whole: they replace the output's
        self._dirs: set[Path] = set()

    def _target(self, path: str) -> Path:
        self.kept.add(path)
        target = self.dir / path
        if target.parent not in self._dirs:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(target.parent)
        return target

    def write(self, path: str, data: bytes) -> None:
        self._target(path).write_bytes(data)

    def open_new(self, path: str):
        """A file of the staging folder to write, in binary."""
        return self._target(path).open("wb")

    def link_file(self, source: Path, path: str) -> None:
        """``source`` at ``path``: kept in place when the output has the same file already, else linked
        (copied where it cannot be)."""
        try:
            same = os.path.samefile(source, self.out / path)
        except OSError:
            same = False
        if same:
            self.kept.add(path)
            return
        target = self._target(path)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)

    def current(self, path: str) -> Path:
        """Where the file at ``path`` is now: in the staging folder when this build made it, else in the
        previous output."""
        made = self.dir / path
        return made if made.is_file() else self.out / path

    def keep(self, paths: list[str]) -> None:
        """Files written into the staging folder by others (the units' workers)."""
        self.kept.update(paths)

    def link_from_previous(self, paths: list[str]) -> bool:
        """Keep each of ``paths`` as the previous output has it; False (nothing kept) when one is missing."""
        if not all((self.out / p).is_file() for p in paths):
            return False
        self.kept.update(paths)
        return True

    def link_tree_from_previous(self, folder: str) -> bool:
        """Keep a whole folder of the previous output (a search index part), or False when there is none."""
        if not (self.out / folder).is_dir():
            return False
        self.kept_trees.add(folder)
        return True

    def fresh_tree(self, folder: str) -> Path:
        """An empty folder at ``folder`` for a tool to fill; it replaces the output's whole."""
        target = self.dir / folder
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True, exist_ok=True)
        self.kept_trees.add(folder)
        self.fresh_trees.add(folder)
        return target

    def publish(self, last=None) -> None:
        """Move what was made into the output and remove what is no longer made.  ``last(files, bytes)``, if
        given, makes the last file (the build's manifest) from the count and size of all the others; it is
        counted too."""
        from generator.site.output.manifest import MANIFEST

        if not self.out.exists():
            self.dir.rename(self.out)              # a first build: the whole folder at once
            self.dir = self.out
        else:
            (self.out / MANIFEST).unlink(missing_ok=True)
            self._move_in()
            shutil.rmtree(self.dir)
        self._prune()
        if last is not None:
            data = last(self.files + 1, self.bytes)
            target = self.out / MANIFEST
            tmp = target.with_name(target.name + ".tmp")
            tmp.write_bytes(data)
            os.replace(tmp, target)
            self.files += 1
            self.bytes += len(data)

    def _move_in(self) -> None:
        """Each made file to its place in the output (a search part replaces the output's part whole)."""
        trash = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.old-", dir=self.out.parent))
        try:
            for n, folder in enumerate(sorted(self.fresh_trees)):
                target = self.out / folder
                if target.exists():
                    target.rename(trash / str(n))
                target.parent.mkdir(parents=True, exist_ok=True)
                (self.dir / folder).rename(target)
            made = {f"{t.rstrip('/')}/" for t in self.fresh_trees}
            for root, _dirs, files in os.walk(self.dir):
                rel = os.path.relpath(root, self.dir)
                rel = "" if rel == "." else rel + "/"
                if rel.startswith(tuple(made)):
                    continue
                if files:
                    (self.out / rel).mkdir(parents=True, exist_ok=True)
                for name in files:
                    os.replace(os.path.join(root, name), self.out / rel / name)
        finally:
            shutil.rmtree(trash, ignore_errors=True)

    def _prune(self) -> None:
        """Remove what the build neither made nor kept (files of the previous output that are gone now), and
        count the files and bytes that stay."""
        trees = tuple(t.rstrip("/") + "/" for t in self.kept_trees)
        for root, dirs, files in os.walk(self.out, topdown=False):
            rel = os.path.relpath(root, self.out)
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

    def __enter__(self) -> "Staging":
        return self

    def __exit__(self, *exc) -> None:
        if self.dir != self.out and self.dir.exists():
            shutil.rmtree(self.dir)
