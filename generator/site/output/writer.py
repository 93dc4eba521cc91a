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

What the output holds (every file with its size) is kept in the build
cache beside it (``listing``), for the manifest it was written with: the
next build then knows what to remove, and how much stays, without walking
a province's hundred and fifty thousand files.  Without a listing that
matches, it walks them.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from pathlib import Path

from generator.store.cache import read_pickle, write_atomically

class Staging:
    """A temporary folder for what this build makes; ``publish`` moves it into the output, leaving it
    discards it."""

    def __init__(self, out: Path, listing: Path | None = None):
        self.out = out.resolve()
        self.listing = listing
        self.previous = _read_listing(listing, self.out) if listing else None
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.dir = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.tmp-", dir=self.out.parent))
        self.bytes = 0
        self.files = 0
        self.kept: set[str] = set()              # files made or kept by this build
        self.kept_trees: set[str] = set()        # folders kept whole (a search index part)
        self.fresh_trees: set[str] = set()       # folders made again whole: they replace the output's
        self.sizes: dict[str, int] = {}          # the output when published: each file's size
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
        """Keep each of ``paths`` as the previous output has it; False (nothing kept) when one is missing.
        The output's listing says what it has, when there is one for its manifest: asking the file system
        about each file of 10,000 department-years took seconds."""
        if self.previous is not None:
            if not all(p in self.previous for p in paths):
                return False
        elif not all((self.out / p).is_file() for p in paths):
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
            self._prune()
        else:
            (self.out / MANIFEST).unlink(missing_ok=True)
            made = self._move_in()
            shutil.rmtree(self.dir)
            if self.previous is not None:
                self._prune_listed(made)
            else:
                self._prune()
        if last is not None:
            data = last(self.files + 1, self.bytes)
            target = self.out / MANIFEST
            tmp = target.with_name(target.name + ".tmp")
            tmp.write_bytes(data)
            os.replace(tmp, target)
            self.files += 1
            self.bytes += len(data)
            if self.listing is not None:
                try:
                    write_atomically(self.listing, pickle.dumps(
                        {"manifest": hashlib.sha256(data).hexdigest(), "files": self.sizes},
                        protocol=pickle.HIGHEST_PROTOCOL))
                except OSError:
                    pass                           # without it, the next build walks the output

    def _move_in(self) -> dict[str, int]:
        """Each made file to its place in the output (a search part replaces the output's part whole); the
        files moved in, with their sizes."""
        made: dict[str, int] = {}
        trash = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.old-", dir=self.out.parent))
        try:
            for n, folder in enumerate(sorted(self.fresh_trees)):
                target = self.out / folder
                if target.exists():
                    target.rename(trash / str(n))
                target.parent.mkdir(parents=True, exist_ok=True)
                (self.dir / folder).rename(target)
                made.update(_sizes(target, f"{folder.rstrip('/')}/"))
            fresh = tuple(f"{t.rstrip('/')}/" for t in self.fresh_trees)
            for root, _dirs, files in os.walk(self.dir):
                rel = os.path.relpath(root, self.dir)
                rel = "" if rel == "." else rel + "/"
                if rel.startswith(fresh):
                    continue
                if files:
                    (self.out / rel).mkdir(parents=True, exist_ok=True)
                for name in files:
                    source = os.path.join(root, name)
                    made[rel + name] = os.lstat(source).st_size
                    os.replace(source, self.out / rel / name)
        finally:
            shutil.rmtree(trash, ignore_errors=True)
        return made

    def _prune_listed(self, made: dict[str, int]) -> None:
        """``_prune`` from the previous output's listing: remove what it held that the build did not make
        or keep, and count the rest, without walking the output."""
        trees = tuple(f"{t.rstrip('/')}/" for t in self.kept_trees)
        fresh = tuple(f"{t.rstrip('/')}/" for t in self.fresh_trees)
        sizes: dict[str, int] = {}
        gone: set[Path] = set()
        for path, size in self.previous.items():
            if path in made or path.startswith(fresh):
                continue                           # moved in now (a fresh part's old files went with it)
            if path in self.kept or path.startswith(trees):
                sizes[path] = size
            else:
                (self.out / path).unlink(missing_ok=True)
                gone.add((self.out / path).parent)
        sizes.update(made)
        for path in self.kept - sizes.keys():      # kept, yet not listed: the listing was short of it
            sizes[path] = os.lstat(self.out / path).st_size
        for folder in sorted(gone, key=lambda p: len(p.parts), reverse=True):
            while folder != self.out and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
        self.sizes = sizes
        self.files = len(sizes)
        self.bytes = sum(sizes.values())

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
                    size = os.lstat(path).st_size
                    self.sizes[rel + name] = size
                    self.files += 1
                    self.bytes += size
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


def _sizes(folder: Path, prefix: str) -> dict[str, int]:
    """Every file under ``folder`` with its size, by its path in the output (``prefix`` + its path there)."""
    out = {}
    for root, _dirs, files in os.walk(folder):
        rel = os.path.relpath(root, folder)
        rel = "" if rel == "." else rel + "/"
        for name in files:
            out[prefix + rel + name] = os.lstat(os.path.join(root, name)).st_size
    return out


def _read_listing(listing: Path, out: Path) -> dict[str, int] | None:
    """The output's files with their sizes, as the build that wrote its manifest left them; None when the
    listing is missing, unreadable or of another manifest (the output changed since)."""
    from generator.site.output.manifest import MANIFEST

    found = read_pickle(listing, dict)
    try:
        manifest = (out / MANIFEST).read_bytes()
    except OSError:
        return None
    if found is None or found.get("manifest") != hashlib.sha256(manifest).hexdigest():
        return None
    return found.get("files")
