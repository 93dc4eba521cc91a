"""Warnings for the person running the tool: something went wrong that the work could go on without
(a cache that cannot be written, a damaged cache entry made again, a folder left by a killed run and
cleared).  Errors that stop the work are exceptions (``core.errors``); these are printed as
``warning: …`` on standard error and the work goes on.

While a progress bar is drawn on the terminal, a warning printed beside it would be drawn over:
``shown_by`` lets the bar print it above itself instead, in the process that draws the bar only (a
worker process forked meanwhile prints as usual)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_shown_by: tuple[int, Callable[[str], None]] | None = None


def warn(message: str) -> None:
    """Print ``warning: message`` on standard error, at once (a long build may follow it)."""
    line = f"warning: {message}"
    if _shown_by is not None and _shown_by[0] == os.getpid():
        _shown_by[1](line)
    else:
        print(line, file=sys.stderr, flush=True)


@contextmanager
def shown_by(show: Callable[[str], None]) -> Iterator[None]:
    """Within the block, this process's warnings go to ``show`` (a line at a time)."""
    global _shown_by
    before = _shown_by
    _shown_by = (os.getpid(), show)
    try:
        yield
    finally:
        _shown_by = before
