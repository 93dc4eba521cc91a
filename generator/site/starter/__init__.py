"""``budgetsite init DIR``: a new site, with the publisher's own placeholders, that builds at once.

The files are in this folder, as a publisher will read them: ``site.yaml``
(title, description and footer marked 修改 — never the sample site's
words), ``content/`` (home and about pages), a README, a ``.gitignore`` and
a GitHub Actions workflow that checks, builds and publishes.  ``data/``
holds only an empty ``registry.yaml``: a data folder with nothing imported
yet, which ``check`` finds valid and ``build`` makes an empty site of
(``store.layout.begun``), and which git keeps.

Nothing is ever written over: ``DIR`` must be new or empty, and each file is
created only where none is (a file that appears meanwhile stops the run,
which removes only what it wrote).
"""

from __future__ import annotations

import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from generator.core.errors import BudgetsiteError
from generator.store.layout import REGISTRY
from generator.store.registry import Registry

HERE = Path(__file__).resolve().parent

# where each file goes in the new site -> the file of this folder it is made from (None: made here)
FILES: dict[str, str | None] = {
    "site.yaml": "site.yaml",
    "content/home.md": "content/home.md",
    "content/about.md": "content/about.md",
    f"data/{REGISTRY}": None,
    "README.md": "README.md",
    ".gitignore": "gitignore",
    ".github/workflows/site.yml": "workflow.yml",
}
SETTINGS, ABOUT, WORKFLOW = "site.yaml", "content/about.md", ".github/workflows/site.yml"


def init_site(folder: Path) -> list[str]:
    """Write a new site into ``folder`` (made when missing; refused unless empty); the files written."""
    if os.path.lexists(folder):
        if not folder.is_dir():
            raise BudgetsiteError(f"{folder} is a file: budgetsite init makes a new site in a new or empty folder")
        if any(True for _ in os.scandir(folder)):
            raise BudgetsiteError(f"{folder} is not empty: budgetsite init writes a new site only into a new or "
                                  f"empty folder, so that no file there is lost or mixed in")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BudgetsiteError(f"cannot make {folder}: {exc.strerror or exc}") from None
    written: list[Path] = []
    try:
        for dest, source in FILES.items():
            path = folder / dest
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "x", encoding="utf-8", newline="\n") as f:
                written.append(path)
                f.write(_text(source))
    except OSError as exc:
        for path in written:                 # only what this run wrote
            path.unlink(missing_ok=True)
        raise BudgetsiteError(f"cannot write the new site in {folder}: {exc.strerror or exc}"
                              + (f" ({exc.filename})" if exc.filename else "")) from None
    return list(FILES)


def _text(source: str | None) -> str:
    if source is None:
        return Registry().dump()
    return (HERE / source).read_text(encoding="utf-8").replace("@VERSION@", _version())


def _version() -> str:
    try:
        return version("budgetsite")
    except PackageNotFoundError:
        return "0.1.0"
