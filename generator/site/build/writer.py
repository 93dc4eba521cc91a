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

Linking every unchanged file into the new folder costs a file-system call per
file, about ten seconds for a province's output, whatever little changed; and
so does removing the old folder after the swap.  So a build that uses the
build cache keeps, beside the output, a linked copy of it (``.output.prev``,
its *mirror*: every file a hard link to the output's, no byte copied).  The
next build starts its new folder from the mirror (moving its few top-level
entries, not its files), so it only writes what changed and removes what is
gone; after the swap, the old output becomes the next mirror by linking in
what this build made and removing what it dropped.  A build's file work is
then its own changes, not the size of the site.  The mirror is used only when
its manifest is the output's and the listing is of that manifest, and every
file taken from it is checked against the listing's size; anything else, and
any build without the cache, starts from an empty folder as before (and
removes a mirror it cannot use).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from generator.core.errors import BudgetsiteError
from generator.core.folders import MARK, WorkFolder, clear_leftovers, swap_in
from generator.core.notices import warn
from generator.store.cache import read_json_entry, write_json_entry

MANIFEST = ".budgetsite-manifest.json"


MIRROR_MARK = ".budgetsite-mirror"          # in a mirror the build made: no other folder is ever taken or removed


def mirror_path(out: Path) -> Path:
    """Where the linked copy of the output that the next build starts from is kept: a hidden sibling."""
    return out.parent / f".{out.name}.prev"


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

    def __init__(self, out: Path, listing: Path | None = None, mirror: bool = False):
        self.out = out.resolve()
        self.listing = listing
        self.previous = _read_listing(listing, self.out) if listing else None
        self.mirror = mirror                     # keep a mirror of the new output for the next build
        self.recycled = False                    # the folder started as the mirror of the output
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
        self.fresh: set[str] = set()             # files made by this build, not the previous output's
        self._dirs: set[Path] = set()
        try:
            self.recycled = (self.mirror and self.previous is not None
                             and _take_mirror(mirror_path(self.out), self.out, self.dir))
            if not self.recycled:
                _drop(mirror_path(self.out))
        except OSError:
            self.work.discard()                  # a folder half filled from the mirror is never used
            self.work = WorkFolder(self.out)
            self.dir = self.work.path
            self.recycled = False
            _drop(mirror_path(self.out))

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
        self.fresh.add(path)

    def open_new(self, path: str):
        """A file of the staging folder to write, in binary."""
        return self.new_path(path).open("wb")

    def new_path(self, path: str) -> Path:
        """Where to write a new file of the staging folder (nothing there: never write through a link to the
        previous output), for a writer that opens it by its name."""
        target = self._target(path)
        target.unlink(missing_ok=True)
        self.sizes[path] = None
        self.fresh.add(path)
        return target

    def link_file(self, source: Path, path: str) -> None:
        """``source`` (a regular file of the data) at ``path``, linked, or copied where it cannot be."""
        self._link(source, path)
        self.sizes[path] = None
        self.fresh.add(path)

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
        self.fresh.update(paths)

    def link_from_previous(self, paths: list[str]) -> bool:
        """Take each of ``paths`` from the previous output as it is; False (nothing taken) when one is
        missing.  The output's listing says what it has, when there is one for its manifest."""
        if self.previous is not None and not all(p in self.previous for p in paths):
            return False
        if self.recycled:
            # already here, from the mirror: each as the listing says (a file gone or cut short is made again)
            try:
                if all(os.lstat(self.dir / p).st_size == self.previous[p] for p in paths):
                    for p in paths:
                        self.sizes[p] = self.previous[p]
                    return True
            except OSError:
                pass
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
        if self.recycled:
            here = self.dir / folder
            if not here.is_dir() or here.is_symlink():
                return False
            self.sizes.update(_sizes(here, f"{folder.rstrip('/')}/"))
            return True
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
        if self.recycled:
            prefix = f"{folder.rstrip('/')}/"
            for p in [p for p in self.sizes if p.startswith(prefix)]:
                del self.sizes[p]
        target.mkdir(parents=True, exist_ok=True)
        self.fresh_trees.add(folder)
        return target

    def publish(self, last=None) -> None:
        """Swap the new site in.  ``last(files, bytes)``, if given, makes the last file (the build's manifest)
        from the count and size of all the others; it is counted too."""
        for folder in self.fresh_trees:
            made = _sizes(self.dir / folder, f"{folder.rstrip('/')}/")
            self.sizes.update(made)
            self.fresh.update(made)
        for path, size in self.sizes.items():
            if size is None:
                self.sizes[path] = os.lstat(self.dir / path).st_size
        gone = [p for p in self.previous if p not in self.sizes and p != MANIFEST] if self.previous else []
        if self.recycled:
            # what the mirror had and this site has not, and anything put there by hand: never published
            _sweep(self.dir, self.sizes.keys() | {MANIFEST, MARK})
        if last is not None:
            data = last(len(self.sizes) + 1, sum(self.sizes.values()))
            (self.dir / MANIFEST).unlink(missing_ok=True)
            (self.dir / MANIFEST).write_bytes(data)
            self.sizes[MANIFEST] = len(data)
            self.fresh.add(MANIFEST)
        self.files = len(self.sizes)
        self.bytes = sum(self.sizes.values())
        try:
            old = swap_in(self.work, keep_old=self.mirror)
        except OSError as exc:
            raise BudgetsiteError(f"cannot put the new site in place at {self.out}: {exc.strerror or exc}; "
                                  f"the previous site is unchanged") from None
        self.dir = self.out
        if old is not None and self.previous is not None:
            self._mirror_from(old, gone)
        elif self.mirror:
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
            self._mirror_made()
        if self.listing is not None and last is not None:
            try:
                write_json_entry(self.listing, {"manifest": hashlib.sha256(data).hexdigest(), "files": self.sizes})
            except OSError:
                pass                           # without it, the next build asks the file system

    def _mirror_from(self, old: Path, gone: list[str]) -> None:
        """Make the old output (``old``, aside and marked) the mirror of the new one: link in what this build
        made, remove what it dropped, then put it where the next build looks for it.  The site is published
        already: a failure here only costs the next build the mirror."""
        try:
            _remove(old, gone)
            made: set[Path] = set()
            for p in self.fresh:
                target = old / p
                if target.parent not in made:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    made.add(target.parent)
                target.unlink(missing_ok=True)
                os.link(self.out / p, target, follow_symlinks=False)
            (old / MARK).unlink(missing_ok=True)
            (old / MIRROR_MARK).touch()
            os.rename(old, mirror_path(self.out))
        except OSError:
            shutil.rmtree(old, ignore_errors=True)

    def _mirror_made(self) -> None:
        """A mirror of the new output linked file by file (a first build, or an old output whose files are not
        known): as long as linking them into a new folder, once, for the builds after it to start from."""
        work = None
        try:
            work = WorkFolder(self.out)
            made: set[Path] = set()
            for p in self.sizes:
                target = work.path / p
                if target.parent not in made:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    made.add(target.parent)
                os.link(self.out / p, target, follow_symlinks=False)
            (work.path / MARK).unlink()
            (work.path / MIRROR_MARK).touch()
            work.close()
            os.rename(work.path, mirror_path(self.out))
        except OSError:
            if work is not None:
                work.discard()

    def __enter__(self) -> "Staging":
        return self

    def __exit__(self, *exc) -> None:
        if self.dir != self.out:
            self.work.discard()


def _take_mirror(mirror: Path, out: Path, into: Path) -> bool:
    """Move the mirror's top-level entries into the new folder ``into``, when the mirror is the output's: its
    manifest is the output's manifest itself, the same file (an output built since without the cache, or a
    manifest changed by hand, is another file); False, and nothing moved, when it is not."""
    try:
        if not mirror.is_dir() or mirror.is_symlink() or not (mirror / MIRROR_MARK).is_file():
            return False
        theirs, ours = os.lstat(mirror / MANIFEST), os.lstat(out / MANIFEST)
        if (theirs.st_ino, theirs.st_dev) != (ours.st_ino, ours.st_dev):
            return False
    except OSError:
        return False
    for e in os.scandir(mirror):
        if e.name not in (MARK, f"{MARK}.old", MIRROR_MARK):
            os.rename(e.path, into / e.name)
    shutil.rmtree(mirror)
    return True


def _drop(mirror: Path) -> None:
    """Remove a mirror the build made (marked): anything else at its path is not the build's, and stays."""
    if mirror.is_dir() and not mirror.is_symlink() and (mirror / MIRROR_MARK).is_file():
        shutil.rmtree(mirror, ignore_errors=True)


def _sweep(root: Path, keep) -> None:
    """Remove every file under ``root`` whose path is not in ``keep``, every link, and every folder left empty:
    one listing of each folder (its entries' types come with the listing: no ``stat`` of a file or folder),
    so that only the files of the new site are ever swapped in."""

    def visit(folder: str, prefix: str) -> bool:
        """Sweep ``folder``; whether anything in it stays."""
        stays = False
        with os.scandir(folder) as it:
            entries = list(it)
        for e in entries:
            if e.is_symlink():
                os.unlink(e.path)                # a link is never the site's, to a file or a folder
            elif e.is_dir(follow_symlinks=False):
                if visit(e.path, f"{prefix}{e.name}/"):
                    stays = True
                else:
                    os.rmdir(e.path)
            elif prefix + e.name in keep:
                stays = True
            else:
                os.unlink(e.path)
        return stays

    visit(str(root), "")


def _remove(root: Path, paths: list[str]) -> None:
    """Remove the files ``paths`` under ``root``, and each folder they leave empty."""
    emptied: set[Path] = set()
    for p in paths:
        (root / p).unlink(missing_ok=True)
        emptied.add((root / p).parent)
    for folder in sorted(emptied, key=lambda f: len(f.parts), reverse=True):
        while folder != root and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


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
