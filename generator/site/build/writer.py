"""Writing the site: the whole output is made in a folder beside it, then swapped in at once.

A build makes the new site in a hidden sibling of the output
(``.output.tmp-…``): what it renders is written there, and what did not
change is hard-linked there from the previous output (a link costs no
copy).  When everything is made, the sibling and the output are exchanged
in one step (``core.folders.swap_in``), so a reader of the site, or a kill
at any moment, sees the old site or the new one, never a mix; a failed
build leaves the previous output untouched, and its sibling is removed.

The build replaces only a folder it made itself: ``guard`` refuses an
output that is not empty and holds no build manifest (a mistyped ``--out .``
would otherwise replace a repository), one that holds or is held by the
data, the site's own files or the folder the build runs in, and a path
that is a file.

What the output holds (every file with its size) is kept in the build
cache beside it (``listing``), for the manifest it was written with: the
next build then knows which files the previous output has, and their
sizes, without walking a province's hundred and fifty thousand files.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from generator.core.errors import BudgetsiteError
from generator.core.folders import WorkFolder, clear_leftovers, swap_in
from generator.core.notices import warn
from generator.store.cache import read_json_entry, write_json_entry

MANIFEST = ".budgetsite-manifest.json"


def guard(out: Path, around: dict[str, Path], within: dict[str, Path]) -> None:
    """Refuse an output the build must not replace: a file; a folder that is not empty and was not made by
    a build (no manifest); a folder that is, or holds, one of ``around`` (the data, the site's folder, the
    folder the build runs in); a folder inside one of ``within`` (the data, the site's templates and
    content: what the build reads)."""
    if out.is_symlink() and not out.exists():
        raise BudgetsiteError(f"--out {out}: a link to nothing; expected a folder for the built site")
    resolved = out.resolve()
    if resolved.exists() and not resolved.is_dir():
        raise BudgetsiteError(f"--out {out} is a file; expected a folder for the built site")
    for what, path in around.items():
        path = path.resolve()
        if resolved == path or resolved in path.parents:
            raise BudgetsiteError(f"--out {out} holds {what} ({path}); the build replaces its output folder "
                                  f"whole, so it must be a folder of its own (for example: --out output)")
    for what, path in within.items():
        path = path.resolve()
        if path in resolved.parents:
            raise BudgetsiteError(f"--out {out} is inside {what} ({path}); choose a folder outside it")
    if resolved.is_dir() and not (resolved / MANIFEST).is_file():
        try:
            with os.scandir(resolved) as it:
                occupied = any(True for _ in it)
        except OSError as exc:
            raise BudgetsiteError(f"--out {out}: cannot read the folder ({exc.strerror})") from None
        if occupied:
            raise BudgetsiteError(
                f"--out {out} is not empty and was not made by budgetsite build (it has no {MANIFEST}); "
                f"the build replaces its output folder whole, so it refuses to touch this one: give a new "
                f"or empty folder, or remove this one yourself")


class Staging:
    """The folder the new site is made in; ``publish`` swaps it with the output, leaving it discards it."""

    def __init__(self, out: Path, listing: Path | None = None):
        self.out = out.resolve()
        self.listing = listing
        self.previous = _read_listing(listing, self.out) if listing else None
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            for gone in clear_leftovers(self.out):
                warn(f"removed {gone}, left by a build that was stopped")
            self.work = WorkFolder(self.out)
        except OSError as exc:
            raise BudgetsiteError(f"cannot write beside the output folder {self.out}: {exc.strerror or exc}") from None
        self.dir = self.work.path
        self.bytes = 0
        self.files = 0
        self.sizes: dict[str, int | None] = {}   # every file of the new site: its size (None: not known yet)
        self.fresh_trees: set[str] = set()       # folders a tool filled (a search index part): walked at the end
        self._dirs: set[Path] = set()

    def _target(self, path: str) -> Path:
        target = self.dir / path
        if target.parent not in self._dirs:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(target.parent)
        return target

    def write(self, path: str, data: bytes) -> None:
        target = self._target(path)
        target.unlink(missing_ok=True)           # never write through a link to the previous output
        target.write_bytes(data)
        self.sizes[path] = len(data)

    def open_new(self, path: str):
        """A file of the staging folder to write, in binary."""
        return self.new_path(path).open("wb")

    def new_path(self, path: str) -> Path:
        """Where to write a new file of the staging folder (nothing there: never write through a link to the
        previous output), for a writer that opens it by its name."""
        target = self._target(path)
        target.unlink(missing_ok=True)
        self.sizes[path] = None
        return target

    def link_file(self, source: Path, path: str) -> None:
        """``source`` (a regular file of the data) at ``path``, linked, or copied where it cannot be."""
        self._link(source, path)
        self.sizes[path] = None

    def _link(self, source: Path, path: str) -> None:
        target = self._target(path)
        try:
            os.link(source, target, follow_symlinks=False)
        except FileExistsError:
            target.unlink()
            os.link(source, target, follow_symlinks=False)
        except OSError as exc:
            if isinstance(exc, FileNotFoundError):
                raise
            shutil.copyfile(source, target, follow_symlinks=False)   # a file system without hard links

    def current(self, path: str) -> Path:
        """Where the file at ``path`` of the new site is."""
        return self.dir / path

    def keep(self, paths: list[str]) -> None:
        """Files written into the staging folder by others (the units' workers)."""
        for p in paths:
            self.sizes[p] = None

    def link_from_previous(self, paths: list[str]) -> bool:
        """Take each of ``paths`` from the previous output as it is; False (nothing taken) when one is
        missing.  The output's listing says what it has, when there is one for its manifest."""
        if self.previous is not None and not all(p in self.previous for p in paths):
            return False
        done = []
        for p in paths:
            try:
                self._link(self.out / p, p)
            except FileNotFoundError:
                for q in done:
                    (self.dir / q).unlink(missing_ok=True)
                    del self.sizes[q]
                return False
            done.append(p)
            self.sizes[p] = self.previous.get(p) if self.previous is not None else None
        return True

    def link_tree_from_previous(self, folder: str) -> bool:
        """Take a whole folder of the previous output (a search index part), or False when there is none."""
        source = self.out / folder
        if not source.is_dir() or source.is_symlink():
            return False
        for root, _dirs, files in os.walk(source):
            rel = os.path.relpath(root, self.out)
            for name in files:
                path = f"{rel}/{name}"
                self._link(Path(root) / name, path)
                self.sizes[path] = self.previous.get(path) if self.previous is not None else None
        return True

    def fresh_tree(self, folder: str) -> Path:
        """An empty folder at ``folder`` for a tool to fill."""
        target = self.dir / folder
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True, exist_ok=True)
        self.fresh_trees.add(folder)
        return target

    def publish(self, last=None) -> None:
        """Swap the new site in.  ``last(files, bytes)``, if given, makes the last file (the build's manifest)
        from the count and size of all the others; it is counted too."""
        for folder in self.fresh_trees:
            self.sizes.update(_sizes(self.dir / folder, f"{folder.rstrip('/')}/"))
        for path, size in self.sizes.items():
            if size is None:
                self.sizes[path] = os.lstat(self.dir / path).st_size
        if last is not None:
            data = last(len(self.sizes) + 1, sum(self.sizes.values()))
            (self.dir / MANIFEST).write_bytes(data)
            self.sizes[MANIFEST] = len(data)
        self.files = len(self.sizes)
        self.bytes = sum(self.sizes.values())
        try:
            swap_in(self.work)
        except OSError as exc:
            raise BudgetsiteError(f"cannot put the new site in place at {self.out}: {exc.strerror or exc}; "
                                  f"the previous site is unchanged") from None
        self.dir = self.out
        if self.listing is not None and last is not None:
            try:
                write_json_entry(self.listing, {"manifest": hashlib.sha256(data).hexdigest(), "files": self.sizes})
            except OSError:
                pass                           # without it, the next build asks the file system

    def __enter__(self) -> "Staging":
        return self

    def __exit__(self, *exc) -> None:
        if self.dir != self.out:
            self.work.discard()


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
    try:
        manifest = (out / MANIFEST).read_bytes()
    except OSError:
        return None
    found = read_json_entry(listing)
    if not isinstance(found, dict) or found.get("manifest") != hashlib.sha256(manifest).hexdigest():
        return None
    files = found.get("files")
    if not isinstance(files, dict) or not all(isinstance(v, int) for v in files.values()):
        return None
    return files
