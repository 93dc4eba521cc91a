"""Writing disclosures into the data directory, atomically.

Everything is written into a temporary sibling directory first, validated
with the same rules as ``budgetsite check``, and swapped in at the end, so
a failure leaves the previous data untouched and an import never leaves
data that ``check`` would refuse.  The same disclosures always give
byte-identical files.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from generator.core import jsontext
from generator.core.errors import DataError
from generator.core.folders import WorkFolder, swap_in
from generator.core.model import Disclosure
from generator.store import schema as S
from generator.store.fields import walk
from generator.store.layout import (DISCLOSURES, REGISTRY, SOURCES, disclosure_folder, narrative_file,
                                    source_text_file)
from generator.store.registry import Registry


def _json(data: dict) -> str:
    return jsontext.dumps(data, ensure_ascii=False, indent=1) + "\n"


def render_disclosure(d: Disclosure) -> dict[str, str]:
    """All files of one disclosure, as path relative to its folder -> text (deterministic).  The fields of each
    file are the schema's, taken from the model (``store.fields``): nothing here names one."""
    files = {
        S.DISCLOSURE_JSON: _json(S.DISCLOSURE.to_json(d, format=S.FORMAT_VERSION)),
        S.PERFORMANCE_JSON: _json(S.PERFORMANCE.to_json(d)),
    }
    for spec in S.CSV_FILES:
        files[spec.name] = S.csv_text(spec, [spec.record(x, holders) for x, holders in walk(d, spec.collection)])
    for s in d.sources:
        files[source_text_file(s.name)] = "".join(line + "\n" for line in s.text)
    for i, s in enumerate(d.sections, 1):
        files[narrative_file(i, s.key)] = f"<!-- source: {s.document} line {s.line} -->\n{s.markdown}"
    return files


def write_data(data_dir: Path, sources: dict[str, bytes], disclosures: list[Disclosure],
               registry: Registry) -> None:
    """Add ``sources`` and replace DIR/registry.yaml and DIR/disclosures, atomically: the new data is made in
    a hidden sibling (what stays, such as the sources, hard-linked into it, not copied) and exchanged with
    the old in one step (``core.folders.swap_in``)."""
    data_dir = data_dir.resolve()
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    work = WorkFolder(data_dir)
    tmp = work.path
    try:
        if data_dir.exists():
            for item in data_dir.iterdir():
                if item.name == DISCLOSURES:
                    continue
                target = tmp / item.name
                if item.is_dir() and not item.is_symlink():
                    shutil.copytree(item, target, symlinks=True, copy_function=_link_or_copy)
                else:
                    _link_or_copy(item, target)
        (tmp / SOURCES).mkdir(exist_ok=True)
        # what is written is unlinked first: it may be a link to the old data's file, which must stay as it was
        for name, raw in sources.items():
            (tmp / SOURCES / name).unlink(missing_ok=True)
            (tmp / SOURCES / name).write_bytes(raw)
        (tmp / REGISTRY).unlink(missing_ok=True)
        (tmp / REGISTRY).write_text(registry.dump(), encoding="utf-8")
        folders: set[str] = set()
        for d in disclosures:
            d.region_slug = registry.region_slug(d.region)
            d.department_slug = registry.department_slug(d.region, d.department)
            folder = disclosure_folder(d.region_slug, d.department_slug, d.edition)
            if folder in folders:
                raise DataError(f"two disclosures map to the same folder {DISCLOSURES}/{folder}")
            folders.add(folder)
            for rel, text in render_disclosure(d).items():
                path = tmp / DISCLOSURES / folder / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            problems = S.validate_disclosure(tmp / DISCLOSURES / folder)
            if problems:
                raise DataError(f"the import made data that does not validate, so nothing was changed: {problems[0]}")
        swap_in(work)
    except OSError as exc:
        raise DataError(f"cannot write the data folder {data_dir}: {exc.strerror or exc}; nothing was changed") from None
    finally:
        if tmp.exists() and tmp != data_dir:
            work.discard()


def _link_or_copy(source, target) -> None:
    """A file that stays as it is, in the new data folder: the same file (a hard link), or a copy where the
    file system has no links.  A link in the data stays a link (``check`` refuses it), never followed."""
    if os.path.islink(source):
        os.symlink(os.readlink(source), target)
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
