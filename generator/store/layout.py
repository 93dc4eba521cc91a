"""Where things live in the data directory: the one place that knows its paths.

The data directory is input like any other (a cloned repository may hold
anything), so what is listed here to be read or published is only plain
files and folders: a symbolic link is never followed (``budgetsite check``
names each one, ``generator.store.schema.unsafe_paths``), and a file is
read with ``open_plain``, which refuses a link.

::

    DIR/sources/<file>                             the documents as published
    DIR/registry.yaml                              departments: names, slugs, aliases, predecessors
    DIR/reference/*.csv                            the site's additions to the code lists (optional)
    DIR/disclosures/<region>/<department>/<year>-<phase>/
        disclosure.json, rows.csv, money.csv, …    one disclosure (see generator.store.schema)
        narrative/NN-<key>.md                      its narrative sections
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from pathlib import Path

from generator.core.errors import DataError
from generator.core.vocabulary import PHASES, SCOPES


SOURCES = "sources"
DISCLOSURES = "disclosures"
REFERENCE = "reference"
REGISTRY = "registry.yaml"
NARRATIVE = "narrative"
TEXT = "text"

# A region or department folder (and URL segment): lower-case ASCII letters, digits and hyphens, as
# ``generator.core.slugs`` makes them (``zhengzhou``, ``shanghai-putuo``), never starting with a hyphen
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,199}")
# A disclosure's folder among its department's, as ``generator.core.vocabulary.edition`` makes it
EDITION = re.compile(r"[0-9]{4}-(?:%s)" % "|".join(
    re.escape(prefix + slug) for prefix in SCOPES.values() for slug in PHASES.values()))
NAME_BYTES = 255            # the longest file name (in UTF-8) the common file systems keep
# Unicode categories no file name holds: control, format (bidirectional overrides, zero widths),
# surrogates (bytes that are not UTF-8) and line or paragraph separators
_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
LINK_PROBLEM = "is a symbolic link; the data folder holds only plain files and folders"


def name_problem(name: object) -> str | None:
    """Why ``name`` is not a plain file name (a document's, under ``DIR/sources``), or None when it is one:
    one path segment (no ``/`` or ``\\``), not hidden (no leading dot, so neither ``.`` nor ``..``), no
    control or formatting character, at most 255 bytes in UTF-8."""
    if not isinstance(name, str) or not name:
        return "must be a file name (a non-empty string)"
    if "/" in name or "\\" in name:
        return "must be a plain file name, without / or \\"
    if name.startswith("."):
        return "must be a plain file name, not starting with a dot"
    if unprintable(name):
        return "must be a plain file name, without control or formatting characters"
    if len(name.encode("utf-8")) > NAME_BYTES:
        return f"must be a file name of at most {NAME_BYTES} bytes (UTF-8)"
    return None


def unprintable(name: str) -> bool:
    """A name holding a control or formatting character (a line break, a bidirectional override …)."""
    # ``isprintable`` is False for each of those (and for spaces other than " "): only then is each
    # character looked at, so that a walk of 250,000 names costs little
    return not name.isprintable() and any(unicodedata.category(c) in _UNPRINTABLE for c in name)


def open_plain(path: Path | str, mode: str = "r", **kwargs):
    """``open(path, mode, …)`` for reading a data file, refusing a symbolic link (``O_NOFOLLOW``: no
    extra call) and anything that is not a regular file (a FIFO is opened without waiting for a writer).
    The error is an ``OSError`` that names the file."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if os.path.islink(path):
            raise OSError(exc.errno, LINK_PROBLEM, str(path)) from None
        raise
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        return open(fd, mode, **kwargs)
    except BaseException:
        os.close(fd)
        raise


def read_plain(path: Path | str) -> str:
    """The UTF-8 text of a data file (``open_plain``)."""
    with open_plain(path, encoding="utf-8") as fh:
        return fh.read()


def data_dir_problem(data_dir: Path) -> str | None:
    """Why ``data_dir`` cannot be a data directory (missing, or not a folder), or None."""
    try:
        mode = os.stat(data_dir).st_mode
    except FileNotFoundError:
        return f"{data_dir}: no such folder (the data directory, --data)"
    except OSError as exc:
        return f"{data_dir}: cannot read the data directory: {exc.strerror or exc}"
    if not stat.S_ISDIR(mode):
        return f"{data_dir}: not a folder (the data directory, --data, is a folder holding sources/ and disclosures/)"
    return None


def require_data_dir(data_dir: Path, missing_ok: bool = True) -> None:
    """Refuse (``DataError``) a data directory that is not a folder, and a missing one unless ``missing_ok``
    (an import fills a new one; listing a missing one finds nothing)."""
    problem = data_dir_problem(data_dir)
    if problem is not None and not (missing_ok and not os.path.lexists(data_dir)):
        raise DataError(problem)


def _plain_dir(path: Path | str) -> bool:
    """A folder, not a link to one."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _plain_file(path: str) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def begun(data_dir: Path) -> bool:
    """A data directory a site was started with (``budgetsite init``) or an import wrote: it holds its
    ``registry.yaml``.  Without a disclosure it is a site with nothing published yet, which builds and
    checks as such; a folder without either is more likely a mistyped ``--data``, and is refused."""
    return _plain_file(os.path.join(data_dir, REGISTRY))


def disclosure_folder(region_slug: str, department_slug: str, edition: str) -> str:
    """A disclosure's folder under ``DIR/disclosures`` (``zhengzhou/renminzhengfubangongting/2020-budget``)."""
    return f"{region_slug}/{department_slug}/{edition}"


def disclosure_folders(data_dir: Path) -> list[str]:
    """Every disclosure folder of the data directory, relative to ``DIR/disclosures``
    (``zhengzhou/renminzhengfubangongting/2020-budget``), in a stable order: by region, department, edition.

    A folder is one when it holds a ``disclosure.json``, and neither it nor any folder above it up to
    ``DIR`` nor its ``disclosure.json`` is a symbolic link.  Every build starts with this list, so it is
    walked with ``os.scandir`` (whose entries say what they are without a ``stat``) and one ``lstat`` of
    each ``disclosure.json``: a glob and a ``resolve`` of each folder took three times as long.  A
    ``DIR`` that is not a folder is refused (``DataError``); a missing one has no disclosures.
    """
    require_data_dir(data_dir)
    root = data_dir / DISCLOSURES
    if not _plain_dir(root):
        return []
    found = [(region.name, department.name, edition.name)
             for region in _subdirs(root)
             for department in _subdirs(region.path)
             for edition in _subdirs(department.path)
             if _plain_file(os.path.join(edition.path, "disclosure.json"))]
    return ["/".join(parts) for parts in sorted(found)]


def _subdirs(path: Path | str) -> list[os.DirEntry]:
    """The folders in ``path``, without the links to folders."""
    try:
        with os.scandir(path) as it:
            return [e for e in it if e.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def disclosure_dirs(data_dir: Path) -> list[Path]:
    """Every disclosure folder of the data directory, in a stable order (``disclosure_folders``)."""
    root = data_dir / DISCLOSURES
    return [root / folder for folder in disclosure_folders(data_dir)]


def source_files(data_dir: Path) -> list[str]:
    """The documents of ``DIR/sources`` that may be read and published, by name: its regular files with a
    plain name (``name_problem``), never a symbolic link, a folder or a device; in name order.  One
    ``os.scandir`` of the folder, no ``stat`` per file."""
    require_data_dir(data_dir)
    folder = data_dir / SOURCES
    if not _plain_dir(folder):
        return []
    try:
        with os.scandir(folder) as it:
            return sorted(e.name for e in it if e.is_file(follow_symlinks=False) and name_problem(e.name) is None)
    except OSError:
        return []


def source_text_file(name: str) -> str:
    """The text form of a source document inside its disclosure's folder: one line per cited line."""
    return f"{TEXT}/{name}.txt"


def narrative_file(index: int, key: str) -> str:
    return f"{NARRATIVE}/{index:02d}-{key}.md"


def narrative_files(folder: Path) -> list[Path]:
    """The narrative sections of the disclosure in ``folder``, in order: the regular files ``*.md`` of its
    ``narrative/`` (not hidden, never a symbolic link)."""
    path = folder / NARRATIVE
    if not _plain_dir(path):
        return []
    try:
        with os.scandir(path) as it:
            names = sorted(e.name for e in it if e.name.endswith(".md") and not e.name.startswith(".")
                           and e.is_file(follow_symlinks=False))
    except OSError:
        return []
    return [path / name for name in names]


def reference_dir(data_dir: Path) -> str | None:
    """The site's own code lists, if it has any."""
    path = data_dir / REFERENCE
    return str(path) if path.is_dir() else None
