"""What can happen to a cache folder, made on purpose: a pickle put where an entry is, a figure changed in an
entry, a folder where nothing can be written."""

import errno
import os
import pickle
import re
from pathlib import Path


class Planted:
    """Unpickled, this makes the folder ``marker``: a stand-in for any code a planted file could run."""

    def __init__(self, marker: Path):
        self.marker = str(marker)

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


def plant_pickle(path: Path, marker: Path) -> None:
    path.write_bytes(pickle.dumps(Planted(marker)))


def change_a_digit(path: Path, figure: bytes) -> bytes:
    """The last digit of the first number matched by ``figure`` (a pattern whose group 1 is the number) in the
    entry at ``path``, changed in place: the same length, the header left as it was.  The figure as it was."""
    data = path.read_bytes()
    found = re.search(figure, data)
    assert found, f"no {figure!r} in {path}"
    at = found.end(1) - 1
    digit = (data[at] - ord("0") + 1) % 10
    path.write_bytes(data[:at] + bytes([ord("0") + digit]) + data[at + 1:])
    return found.group(1)


def read_only(monkeypatch, folder: Path) -> None:
    """``folder`` read-only: nothing can be made in it.  A chmod does not stop root, whom the tests may run as,
    so then the refusal a read-only file system gives (EROFS) is given by ``os.open`` and ``os.mkdir``
    for every path in the folder that would be written."""
    folder.chmod(0o555)
    if os.geteuid() != 0:
        return
    inside = str(folder.resolve()) + os.sep
    real_open, real_mkdir = os.open, os.mkdir

    def refused(path) -> bool:
        return os.path.abspath(os.fspath(path)).startswith(inside)

    def open_(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and refused(path):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    def mkdir(path, *args, **kwargs):
        if refused(path):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fspath(path))
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "mkdir", mkdir)
