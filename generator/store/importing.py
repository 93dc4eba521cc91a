"""The import: published files in, the data directory rewritten atomically.

Every document already under ``DIR/sources`` is read again with the new
ones, so that documents of one department-year are merged whichever
arrived first, and the data always equals what the sources say.  Nothing
under ``DIR`` changes unless every document imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.core.errors import BudgetsiteError
from generator.core.model import Disclosure
from generator.normalise.disclosure import parse_document
from generator.normalise.merge import merge
from generator.read import can_read, read_source
from generator.store.layout import SOURCES, reference_dir
from generator.store.registry import load as load_registry
from generator.store.write import write_data


@dataclass
class ImportResult:
    disclosures: list[Disclosure]


def import_documents(data_dir: Path, files: list[Path] = ()) -> ImportResult:
    """Import ``files`` (and re-import every document in ``DIR/sources``) into ``data_dir``."""
    documents: dict[str, tuple[str, bytes]] = {}     # file name -> (path shown in errors, bytes)
    sources = data_dir / SOURCES
    if sources.is_dir():
        for path in sorted(p for p in sources.iterdir() if can_read(p.name)):
            documents[path.name] = (str(path), path.read_bytes())
    for path in map(Path, files):
        try:
            documents[path.name] = (str(path), path.read_bytes())
        except OSError as exc:
            raise BudgetsiteError(f"{path}: cannot read the file: {exc.strerror}") from None
    if not documents:
        raise BudgetsiteError(f"nothing to import: give the disclosure files, or put them in {sources}")
    extra = reference_dir(data_dir)
    registry = load_registry(data_dir)
    parts = []
    for name in sorted(documents):
        shown, raw = documents[name]
        part = parse_document(read_source(shown, raw), extra)
        _rename_document(part, name)
        part.department = registry.canonical(part.department)
        parts.append(part)
    disclosures = merge(parts)
    for d in disclosures:
        registry.ensure(d.region, d.department)
    write_data(data_dir, {Path(f).name: documents[Path(f).name][1] for f in files}, disclosures, registry)
    return ImportResult(disclosures)


def _rename_document(part: Disclosure, name: str) -> None:
    """Provenance names the file as stored under DIR/sources, not the path given."""
    for s in part.sources:
        s.name = name
    for item in [*part.tables, *part.glossary, *part.sections, *part.indicators, *part.tasks, *part.targets,
                 *part.budget, *part.projects, *part.units, *part.statements]:
        item.document = name
