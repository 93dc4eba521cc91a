"""How long work tells whoever runs it how far it has gone, without knowing who that is.

An import parses many documents, a build renders many pages: on a terminal
the command line draws a bar (``generator.console``), in a script or a test
nothing is drawn.  The work only names its stages (a key of the message
catalogue, ``core.messages``, so that the bar speaks the reader's language)
and counts what it has done; ``SILENT`` is what it gets by default.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def stage(self, key: str, total: int) -> None:
        """A stage of ``total`` steps begins (the previous one, if any, is over); ``key`` names it."""

    def advance(self, steps: int = 1) -> None:
        """``steps`` more steps of the current stage are done."""


class _Silent:
    def stage(self, key: str, total: int) -> None:
        pass

    def advance(self, steps: int = 1) -> None:
        pass


SILENT: Progress = _Silent()
