"""Errors a publisher can act on: each names the file, the line and what was expected."""

from __future__ import annotations


class BudgetsiteError(Exception):
    """Base class of every error the command line reports without a traceback."""


class DocumentError(BudgetsiteError):
    """A source document cannot be imported."""

    def __init__(self, path: str, line: int | None, message: str, page: int | None = None):
        self.path = path
        self.line = line
        self.page = page
        self.message = message
        where = f"{path}:{line}" if line else str(path)
        if page:
            where += f" (page {page})"
        super().__init__(f"{where}: {message}")

    def __reduce__(self):
        """Rebuilt from its parts when it crosses a process boundary (``import --jobs``)."""
        return (DocumentError, (self.path, self.line, self.message, self.page))


class DataError(BudgetsiteError):
    """The normalised data directory is invalid."""
