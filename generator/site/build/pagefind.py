"""Running Pagefind: its command line, once per search part, or one process in its service mode
(``pagefind --service``) that indexes one part after another.

Pagefind's extended build loads its Chinese dictionary when it first meets a Chinese page: about 0.2 s of
a processor in every process, more than a small site's parts take to index.  A service process pays it
once for all the parts it indexes, so a small site's parts go through one (``Indexer``).  A large site's
parts are each a command-line run (``index_once``): a service process that indexed many large parts one
after another held more memory at its peak than a process per part (a fifth more for a part of 1,800
pages), and at 10,000 department-years the memory of the build, not the dictionary's 0.2 s a part, is
what is short.  Both write the same bytes for the same pages (``tests/site/test_pagefind.py``).

The protocol is Pagefind's own, as its Python and Node packages speak it: each message is a JSON object
``{"message_id": n, "payload": {...}}`` in base64, followed by a comma, on the process's standard input;
each answer comes back the same way on its standard output.  (Base64 has no comma, so the comma ends a
message.)  It is spoken here directly, one question at a time, rather than through the ``pagefind``
package's asynchronous client, which waits a tenth of a second before reading each answer.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import tempfile
from pathlib import Path

from generator.core.errors import BudgetsiteError


def executable() -> Path:
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        raise BudgetsiteError("the search indexer is missing: install budgetsite with its dependencies "
                              "(pagefind[extended])") from None
    return Path(get_executable())


def _die_with_parent() -> None:
    """In the indexer's process, before it starts: end it when the build ends, however the build ends (a kill
    of the build would otherwise leave it writing into a staging folder the next build clears)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)      # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass                                                            # elsewhere: nothing to ask for


def index_once(tree: Path, output: Path) -> None:
    """Index the pages under ``tree`` into ``output`` with one command-line run."""
    result = subprocess.run([str(executable()), "--site", str(tree), "--output-path", str(output), "--quiet"],
                            capture_output=True, text=True, preexec_fn=_die_with_parent)
    if result.returncode != 0:
        raise BudgetsiteError(f"search indexing failed: {_gist(result.stderr or result.stdout)}; the part was to "
                              f"be written into {output}")


def _gist(said: str) -> str:
    """What Pagefind said when it failed, in one line: its panic's message without the backtrace, or else the
    last of what it said (not its notes on stemming, which every run prints)."""
    lines = [x.strip() for x in said.split("stack backtrace:")[0].splitlines() if x.strip()]
    panic = next((i for i, x in enumerate(lines) if "panicked at" in x), None)
    lines = lines[panic:] if panic is not None else lines[-3:]
    return " ".join(lines)[:500]


class Indexer:
    """A Pagefind service process; ``index(tree, output)`` indexes the pages under ``tree`` into ``output``
    as ``pagefind --site tree --output-path output`` does.  Used from one thread at a time."""

    def __init__(self) -> None:
        self._said = tempfile.TemporaryFile()            # what it writes to its standard error, for an error
        self._proc = subprocess.Popen([str(executable()), "--service"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=self._said, preexec_fn=_die_with_parent)
        self._last = 0
        self._pending = b""

    def index(self, tree: Path, output: Path) -> None:
        try:
            index_id = self._ask({"type": "NewIndex", "config": None})["index_id"]
            self._ask({"type": "AddDir", "index_id": index_id, "path": str(tree), "glob": None})
            self._ask({"type": "WriteFiles", "index_id": index_id, "output_path": str(output)})
            self._ask({"type": "DeleteIndex", "index_id": index_id})      # its memory, before the next part
        except BudgetsiteError as e:
            raise BudgetsiteError(f"{e}; the part was to be written into {output}") from None

    def close(self) -> None:
        """End the process (it ends when its input does) and wait for it."""
        try:
            if self._proc.stdin:
                self._proc.stdin.close()
        except OSError:
            pass
        try:
            self._proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._said.close()

    def _ask(self, payload: dict) -> dict:
        self._last += 1
        message = json.dumps({"message_id": self._last, "payload": payload}).encode("utf-8")
        try:
            self._proc.stdin.write(base64.b64encode(message) + b",")
            self._proc.stdin.flush()
        except OSError:
            raise self._failed(f"it stopped before {payload['type']}") from None
        answer = self._answer(payload["type"])
        if answer.get("message_id") != self._last:
            raise self._failed(f"an answer out of turn to {payload['type']}: {str(answer)[:200]}")
        found = answer.get("payload") or {}
        if found.get("type") == "Error":
            raise self._failed(f"{payload['type']}: {str(found.get('message'))[:300]}")
        return found

    def _answer(self, asked: str) -> dict:
        fd = self._proc.stdout.fileno()
        while b"," not in self._pending:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                raise self._failed(f"it stopped during {asked}")
            self._pending += chunk
        message, _, self._pending = self._pending.partition(b",")
        try:
            return json.loads(base64.b64decode(message))
        except ValueError:
            raise self._failed(f"an answer it could not be understood: {message[:80]!r}") from None

    def _failed(self, what: str) -> BudgetsiteError:
        self._said.seek(0)
        said = _gist(self._said.read(4000).decode("utf-8", "replace"))
        return BudgetsiteError(f"search indexing failed: {what}" + (f" ({said})" if said else ""))
