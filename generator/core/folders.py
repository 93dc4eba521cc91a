"""Replacing a whole folder at once, and one run at a time on a folder.

The data directory and the built site are each replaced whole: the new
one is made in a hidden sibling (``.data.tmp-…``, ``.output.tmp-…``) and
then swapped with the old.  On Linux the two are exchanged in one step
(``renameat2`` with ``RENAME_EXCHANGE``), so a reader (or a kill) sees the
old folder or the new one, never none and never a mix.  Where the system
cannot exchange, two renames are used, and a folder left without its
successor by a kill between them is put back by the next run
(``recover``).

A sibling is marked as ours by a file inside it (``MARK``) and held with
an advisory lock while its run lasts, so the next run removes only what
a killed run left, never the folder of a run still going on.  Runs on the
same folder wait for each other (``hold``): two imports at once would
otherwise each keep only their own documents.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.core.notices import warn

try:
    import fcntl
except ImportError:                    # pragma: no cover - not POSIX: no advisory locks, runs are not serialised
    fcntl = None

MARK = ".budgetsite-work"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@contextmanager
def hold(folder: Path, what: str) -> Iterator[None]:
    """Run the block while no other budgetsite run holds ``folder``; wait for it, saying so, when one does.

    The lock is on the folder itself (an advisory ``flock`` of its descriptor), so nothing is written
    for it; the folder is the parent of what is replaced, which stays where it is when that is swapped.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if fcntl is None:                  # pragma: no cover
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EACCES):
                raise
            warn(f"another budgetsite run is using {folder}; {what} waits for it to finish")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)                   # closing the descriptor releases the lock


class WorkFolder:
    """A hidden sibling of ``target`` for a run to fill, marked and locked as this run's own."""

    def __init__(self, target: Path, kind: str = "tmp"):
        self.target = target
        self.prefix = f".{target.name}.{kind}-"
        self.path = Path(tempfile.mkdtemp(prefix=self.prefix, dir=target.parent))
        mode = _mode_of(target)
        os.chmod(self.path, mode)
        self._fd = os.open(self.path / MARK, os.O_WRONLY | os.O_CREAT, 0o600)
        if fcntl is not None:
            fcntl.flock(self._fd, fcntl.LOCK_EX)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def discard(self) -> None:
        self.close()
        if self.path.exists():
            shutil.rmtree(self.path, ignore_errors=True)


def _mode_of(target: Path) -> int:
    """The mode the new folder takes: the old one's, else what the umask gives a new folder."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o777 & ~umask


def clear_leftovers(target: Path) -> list[Path]:
    """Remove the work folders of ``target`` that killed runs left; the folders removed.

    Called while the run holds ``hold`` on the parent, so no other run is between making its folder and
    swapping it in: a ``.NAME.tmp-…`` folder is a leftover unless its mark is locked (a run filling it).
    One without its mark is an old target a kill caught while it was being removed."""
    gone = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return gone
    for e in entries:
        if not e.name.startswith(f".{target.name}.tmp-") or not e.is_dir(follow_symlinks=False):
            continue
        mark = Path(e.path) / MARK
        fd = None
        try:
            fd = os.open(mark, os.O_WRONLY)
        except OSError:
            pass
        try:
            if fd is not None and fcntl is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    continue           # a run is filling it now
            shutil.rmtree(e.path, ignore_errors=True)
            gone.append(Path(e.path))
        finally:
            if fd is not None:
                os.close(fd)
    return gone


def recover(target: Path) -> Path | None:
    """Put back the folder a kill between the two renames of a swap left aside (``.NAME.old-…`` holding
    the mark ``old``): only when ``target`` itself is missing.  The folder put back, or None."""
    if target.exists():
        (target / f"{MARK}.old").unlink(missing_ok=True)     # a kill came before the first rename
        return None
    for e in sorted(os.scandir(target.parent), key=lambda e: e.name):
        if e.name.startswith(f".{target.name}.old-") and (Path(e.path) / f"{MARK}.old").is_file():
            (Path(e.path) / f"{MARK}.old").unlink()
            os.rename(e.path, target)
            return Path(e.path)
    return None


def swap_in(work: WorkFolder, keep_old: bool = False) -> Path | None:
    """Make ``work`` the target, in one step where the system can; the old target is removed after, or, with
    ``keep_old`` and where the two were exchanged in one step, returned instead (still marked, where
    ``work`` was: a kill leaves it for the next run to clear).

    The work folder keeps its mark until it is the target, so that a kill before then leaves a marked
    folder the next run clears; the old target is marked as soon as it is aside, for the same reason."""
    target = work.target
    old = None
    if not target.exists():
        os.rename(work.path, target)
    elif _exchange(work.path, target):
        old = work.path                # now holds the old target
        (old / MARK).touch()
    else:
        # two renames: the old folder is marked first, so a kill between them is undone by ``recover``
        (target / f"{MARK}.old").touch()
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rmdir(old)
        os.rename(target, old)
        os.rename(work.path, target)
    (target / MARK).unlink(missing_ok=True)
    work.close()
    if old is not None and keep_old and old == work.path:
        return old
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return None


_libc = None


def _exchange(a: Path, b: Path) -> bool:
    """Exchange two paths atomically (Linux ``renameat2``); False where the system cannot."""
    global _libc
    if _libc is None:
        name = ctypes.util.find_library("c")
        try:
            _libc = ctypes.CDLL(name, use_errno=True) if name else False
        except OSError:
            _libc = False
    func = getattr(_libc, "renameat2", None) if _libc else None
    if func is None:
        return False
    done = func(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if done == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise OSError(err, os.strerror(err), str(b))
