"""Warnings for the person running the tool: something went wrong that the work could go on without
(a cache that cannot be written, a damaged cache entry made again, a folder left by a killed run and
cleared).  Errors that stop the work are exceptions (``core.errors``); these are printed as
``warning: …`` on standard error and the work goes on."""

from __future__ import annotations

import sys


def warn(message: str) -> None:
    """Print ``warning: message`` on standard error, at once (a long build may follow it)."""
    print(f"warning: {message}", file=sys.stderr, flush=True)
