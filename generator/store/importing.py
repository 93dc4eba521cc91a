"""The import: published files in, the data directory rewritten atomically.

Every document already under ``DIR/sources`` is read again with the new
ones, so that documents of one department-year are merged whichever
arrived first, and the data always equals what the sources say.  Nothing
under ``DIR`` changes unless every document imports.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path

from generator.core.errors import BudgetsiteError
from generator.core.folders import clear_leftovers, hold, recover
from generator.core.notices import warn
from generator.core.model import Coverage, Disclosure
from generator.core.progress import SILENT, Progress
from generator.normalise.disclosure import parse_document, refuse_unrecognised
from generator.normalise.merge import merge
from generator.read import read_file, read_source
from generator.store.cache import ParseCache
from generator.read import can_read
from generator.store.layout import SOURCES, reference_dir, source_files
from generator.store.names import safe_name, stored_name
from generator.store.registry import load as load_registry
from generator.store.write import write_data


# why a file given is stored under another name, or not stored (``ImportResult.stored``)
SAME = "the same document is already there"
TAKEN = "another document has that name"
UNSAFE = "a name that is safe in every file system and URL"

# how long to wait for a Dask scheduler to answer before saying it cannot be reached
CONNECT_SECONDS = 10


@dataclass
class ImportResult:
    disclosures: list[Disclosure]
    coverage: list[Coverage] = field(default_factory=list)     # per document, in name order
    parsed: int = 0                                             # documents parsed (the others came from the cache)
    # what happened to each file given, when it is not simply stored under its own name:
    # (path given, name under DIR/sources, why)
    stored: list[tuple[str, str, str]] = field(default_factory=list)


def import_documents(data_dir: Path, files: list[Path] = (), jobs: int = 1,
                     cache_dir: Path | None = None, scheduler: str | None = None,
                     strict: bool = False, progress: Progress = SILENT) -> ImportResult:
    """Import ``files`` (and re-import every document in ``DIR/sources``) into ``data_dir``.

    Documents are parsed in ``jobs`` processes, or, given the address of a
    Dask ``scheduler``, on that cluster's workers; with a ``cache_dir``, a
    document whose bytes (and the importer) did not change is taken from
    the cache instead of being parsed again.  A table no kind recognises is
    kept as printed (a generic table), unless ``strict``: then it refuses
    the document, as any refusal does.  One import at a time runs on
    a data directory: a second waits for the first (``core.folders.hold``),
    then reads the sources as the first left them.  ``progress`` is told of
    each document parsed.
    """
    if data_dir.exists() and not data_dir.is_dir():
        raise BudgetsiteError(f"--data {data_dir} is a file; expected the data folder")
    parent = data_dir.resolve().parent
    with hold(parent, "this import"):
        back = recover(data_dir.resolve())
        if back is not None:
            warn(f"{data_dir} had been set aside by an import that was stopped; it is back in place")
        for gone in clear_leftovers(data_dir.resolve()):
            warn(f"removed {gone}, left by an import that was stopped")
        return _import(data_dir, files, jobs, cache_dir, scheduler, strict, progress)


def _import(data_dir: Path, files: list[Path], jobs: int, cache_dir: Path | None,
            scheduler: str | None, strict: bool, progress: Progress) -> ImportResult:
    documents: dict[str, tuple[str, bytes]] = {}     # stored file name -> (path shown in errors, bytes)
    by_hash: dict[str, str] = {}                     # SHA-256 of the bytes -> stored file name
    sources = data_dir / SOURCES
    for path in (sources / name for name in source_files(data_dir) if can_read(name)):
        raw = read_file(path)
        documents[path.name] = (str(path), raw)
        by_hash.setdefault(hashlib.sha256(raw).hexdigest(), path.name)
    added: dict[str, bytes] = {}
    stored: list[tuple[str, str, str]] = []
    for path in map(Path, files):
        raw = read_file(path)
        digest = hashlib.sha256(raw).hexdigest()
        if digest in by_hash:
            if by_hash[digest] != path.name:
                stored.append((str(path), by_hash[digest], SAME))
            else:
                documents[path.name] = (str(path), raw)
            continue
        name = stored_name(path.name, digest, set(documents))
        if name != path.name:
            stored.append((str(path), name, TAKEN if safe_name(path.name) in documents else UNSAFE))
        documents[name] = (str(path), raw)
        added[name] = raw
        by_hash[digest] = name
    if not documents:
        raise BudgetsiteError(f"nothing to import: give the disclosure files, or put them in {sources}")
    extra = reference_dir(data_dir)
    registry = load_registry(data_dir)
    cache = ParseCache(cache_dir, extra)
    names = sorted(documents)
    found = {name: cache.get(name, documents[name][1]) for name in names}
    todo = [name for name in names if found[name] is None]
    tasks = [(documents[n][0], documents[n][1], n, extra) for n in todo]
    progress.stage("progress.parse", len(tasks))
    parsed = _parse_on_cluster(tasks, scheduler, progress) if scheduler else _parse_all(tasks, jobs, progress)
    for name, part in zip(todo, parsed):
        cache.put(name, documents[name][1], part)
        found[name] = part
    parts = []
    for name in names:
        part = found[name]
        if strict:
            refuse_unrecognised(part)
        part.department = registry.canonical(part.department)
        parts.append(part)
    coverage = [c for part in parts for c in part.coverage]
    disclosures = merge(parts)
    for d in disclosures:
        registry.ensure(d.region, d.department)
    write_data(data_dir, added, disclosures, registry)
    return ImportResult(disclosures, coverage, len(todo), stored)


def _parse_one(task: tuple[str, bytes, str, str | None]) -> Disclosure:
    shown, raw, name, extra = task
    part = parse_document(read_source(shown, raw), extra)
    _rename_document(part, name)
    return part


def _parse_all(tasks: list[tuple[str, bytes, str, str | None]], jobs: int, progress: Progress) -> list[Disclosure]:
    """Parse the documents, in ``jobs`` processes when there are several; the first refusal stops the import."""
    if jobs <= 1 or len(tasks) <= 1:
        return [_counted(_parse_one(t), progress) for t in tasks]
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
        return [_counted(part, progress) for part in pool.map(_parse_one, tasks)]


def _counted(part: Disclosure, progress: Progress) -> Disclosure:
    progress.advance()
    return part


def _parse_on_cluster(tasks: list[tuple[str, bytes, str, str | None]], scheduler: str,
                      progress: Progress) -> list[Disclosure]:
    """Parse the documents on a Dask cluster's workers (each needs budgetsite installed); results come back
    in order, and the first refusal stops the import as it does on one machine."""
    try:
        from distributed import Client
    except ImportError:
        raise BudgetsiteError("importing on a cluster needs Dask: pip install 'budgetsite[cluster]'") from None
    try:
        client = Client(scheduler, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError) as exc:
        raise BudgetsiteError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        futures = client.map(_parse_one, tasks, pure=False)
        parts = client.gather(futures)
        progress.advance(len(parts))
        return parts


def _rename_document(part: Disclosure, name: str) -> None:
    """Provenance names the file as stored under DIR/sources, not the path given: every record reachable from
    the part that names its document (``document``) names this one.  Walked, not listed, so that a collection
    added to the model is renamed without a line here."""
    for s in part.sources:
        s.name = name
    pending: list = [part]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(x for x in item if isinstance(x, list) or is_dataclass(x))
            continue
        for f in fields(item):
            value = getattr(item, f.name)
            if f.name == "document" and isinstance(value, str):
                setattr(item, f.name, name)
            elif isinstance(value, list) or (is_dataclass(value) and not isinstance(value, type)):
                pending.append(value)
