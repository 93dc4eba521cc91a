"""The names documents are stored under in ``DIR/sources``.

A published file's name is whatever its publisher or a crawler gave it:
the same ``部门预算.pdf`` for many departments, names longer than a file
system allows, control characters, a leading dot.  The stored name is the
given one where that is safe and free; otherwise it is made safe (control
characters and separators dropped, a long name cut, the cut marked with
the start of the document's SHA-256) and, when another document has it,
told apart by the same mark.  The document's own title, not its file
name, is what the site shows.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath


# bytes of UTF-8 a stored name may have: file systems allow 255, and the data keeps a text form beside it
# (``text/<name>.txt``) and the output a copy under a longer path
MAX_NAME_BYTES = 150
_MARK = 8                        # hex digits of the SHA-256 that tell two names apart


def _clean(name: str) -> tuple[str, str]:
    """(stem, suffix) of ``name`` without control characters, separators and leading dots; the suffix in
    lower case when it is an ASCII one (``.PDF`` → ``.pdf``)."""
    name = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in name)
    name = re.sub(r"\s+", " ", re.sub(r"[/\\]", "_", name)).strip()
    found = re.search(r"\.[A-Za-z0-9]{1,8}$", name)
    suffix = found.group().lower() if found else ""
    stem = name[: len(name) - len(suffix)].strip().lstrip(".").strip()
    return stem, suffix


def _cut(stem: str, budget: int) -> str:
    """``stem`` cut to at most ``budget`` bytes of UTF-8, never inside a character."""
    out = stem.encode("utf-8")[:max(budget, 0)].decode("utf-8", "ignore")
    return out.rstrip(" .-_")


def safe_name(name: str, digest: str = "") -> str:
    """``name`` made safe to store and to publish; cut (and marked with ``digest``) when too long."""
    stem, suffix = _clean(name)
    if not stem:
        return f"document-{digest[:_MARK]}{suffix}" if digest else f"document{suffix}"
    if len((stem + suffix).encode("utf-8")) <= MAX_NAME_BYTES:
        return stem + suffix
    return f"{_cut(stem, MAX_NAME_BYTES - len(suffix) - _MARK - 1)}-{digest[:_MARK]}{suffix}"


def stored_name(name: str, digest: str, taken: set[str]) -> str:
    """The name under DIR/sources for a new document with bytes of SHA-256 ``digest``: ``name`` made safe,
    and marked with the digest when another document (``taken``) has that name already."""
    safe = safe_name(name, digest)
    if safe not in taken:
        return safe
    suffix = PurePath(safe).suffix
    stem = safe[: len(safe) - len(suffix)] if suffix else safe
    return f"{_cut(stem, MAX_NAME_BYTES - len(suffix) - _MARK - 1)}-{digest[:_MARK]}{suffix}"
