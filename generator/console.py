"""The terminal side of the command line: the language it speaks, how much it says, and a progress bar.

``-q`` says only what needs attention and a one-line summary; ``-v`` says
more where there is more (a build's stages and their times, the preview's
requests).  The bar (rich's, drawn on standard error) shows how far an
import or a build has gone, only when both standard output and standard
error are a terminal and ``-q`` is not given: a script, a CI log or a pipe
gets the report and the summary, never a bar's control codes.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TextIO

from generator.core import notices
from generator.core.messages import say
from generator.core.progress import SILENT, Progress


@dataclass
class Terminal:
    lang: str = "en"
    verbosity: int = 0           # -1: -q; 0; 1 and more: -v

    @property
    def quiet(self) -> bool:
        return self.verbosity < 0

    @property
    def verbose(self) -> bool:
        return self.verbosity > 0

    def say(self, key: str, **values: object) -> str:
        return say(key, self.lang, **values)

    def line(self, key: str, file: TextIO | None = None, **values: object) -> None:
        print(self.say(key, **values), file=file or sys.stdout, flush=True)

    @contextmanager
    def progress(self) -> Iterator[Progress]:
        """A progress bar for the work in the block, or ``SILENT`` where none is drawn."""
        if self.quiet or not (_is_terminal(sys.stdout) and _is_terminal(sys.stderr)):
            yield SILENT
            return
        bar = _Bar(self.lang)
        try:
            with notices.shown_by(bar.show):
                yield bar
        finally:
            bar.close()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class _Bar:
    """rich's progress bar, one stage at a time, drawn by the process doing the work: without rich's drawing
    thread (worker processes are forked while the bar is up; a thread at a fork can leave a lock taken in the
    child) and without taking over standard output (the workers share it), redrawn at most ten times a second."""

    def __init__(self, lang: str):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.lang = lang
        self.console = Console(stderr=True)
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            console=self.console, auto_refresh=False, transient=True,
                            redirect_stdout=False, redirect_stderr=False)
        self.task = None
        self.drawn = 0.0
        self.bar.start()

    def stage(self, key: str, total: int) -> None:
        if self.task is not None:
            self.bar.remove_task(self.task)
        self.task = self.bar.add_task(say(key, self.lang), total=total)
        self._draw(force=True)

    def advance(self, steps: int = 1) -> None:
        if self.task is not None:
            self.bar.advance(self.task, steps)
            self._draw()

    def show(self, line: str) -> None:
        """A line printed above the bar (a warning), which stays when the bar goes."""
        self.console.print(line, markup=False, highlight=False, soft_wrap=True)

    def _draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self.drawn >= 0.1:
            self.bar.refresh()
            self.drawn = now

    def close(self) -> None:
        self.bar.stop()
