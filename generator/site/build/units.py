"""One disclosure's share of the build, done on its own: a unit.

A unit reads one disclosure folder (and, for a 决算, the 预算 of the same
department-year, which its cross-phase check needs), audits it, renders its
page and writes its open-data files straight into the staging folder, then
returns only what the rest of the site needs: a light view (identity,
headline figures, findings, chart rows, statements, glossary) and its
share of the site-wide tidy data, gzip-compressed.

Units run in worker processes that never hold more than one disclosure, so
memory does not grow with the site.  A unit's result is kept in the build
cache under a key made of its inputs' content (the folder, its pair, the
templates, settings and assets), so an unchanged unit is neither loaded
nor rendered again: its files are hard-linked from the previous output.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.audit.figures import Figure
from generator.audit.phases import cross_phase
from generator.core import vocabulary as V
from generator.core.datacodec import MODEL_CLASSES, Codec
from generator.core.errors import BudgetsiteError
from generator.core.model import Disclosure, Source, Term
from generator.site.pages import Setting, disclosures
from generator.site.pages.render import Renderer
from generator.site.model.changes import YearFigures, figures_of
from generator.site.model.charts import Chart
from generator.site.model.comparisons import EXECUTION_MEASURES
from generator.site.model.site import single_model
from generator.site.model.views import DisclosureView, view, _severity_first
from generator.site.build import opendata
from generator.store import tidy
from generator.store.cache import (cannot_write, of_kind, read_entry, read_json_entry, write_atomically, write_entry,
                                   write_json_entry)
from generator.store.layout import DISCLOSURES
from generator.store.read import load_disclosure

SEARCH_ENTRY = "search_entry.html"     # the theme's template of a unit's search page (``search_stub``)

# the site-wide tidy files a unit contributes to, with their columns
TIDY = {name: tidy.names(fields) for name, (fields, _, _) in opendata.TABLES.items()}


@dataclass
class UnitResult:
    folder: str                                   # under data/disclosures
    key: str                                      # the content key it was built for
    view: DisclosureView                          # light: no table rows, no narrative
    files: list[str]                              # output paths it wrote


# what a unit's result is made of: the only classes its cache entries may hold (``core.datacodec``)
CODEC = Codec(*MODEL_CLASSES, Figure, Chart, DisclosureView, UnitResult)


# --- keys ------------------------------------------------------------------------------------------

@dataclass
class Memo:
    """Folder hashes carried from one build to the next, by folder path, with the files' (name, size, time,
    inode) they were for."""

    hashes: dict[str, tuple]
    seen: set[str]
    changed: bool = False


def folder_digests(root: Path, folders: list[str], memo: Memo) -> dict[str, str]:
    """``folder_digest`` of each folder under ``root``.  (From one thread: asked from several at once, the
    file system answered the 250,000 questions of 10,000 disclosures more slowly on a 2-core machine.)"""
    return {f: folder_digest(root / f, memo) for f in folders}


def folder_digest(folder: Path, memo: Memo) -> str:
    """The content hash of a disclosure folder: of its files' relative paths and contents.

    Reading every data file on every build would cost more than the rest of a
    no-change rebuild, so a folder whose files all have the names, sizes,
    modification times and inodes of the last build keeps the hash it had
    (``memo``, carried in the build cache); any other folder is read again.
    """
    stamps = _stamps(folder)
    key = str(folder)
    memo.seen.add(key)
    known = memo.hashes.get(key)
    if known is not None and known[0] == stamps:
        return known[1]
    h = hashlib.sha256()
    for rel, *_ in stamps:
        with open(folder / rel, "rb") as fh:
            h.update(rel.encode() + b"\0" + hashlib.sha256(fh.read()).hexdigest().encode() + b"\0")
    memo.hashes[key] = (stamps, h.hexdigest())
    memo.changed = True
    return memo.hashes[key][1]


def _stamps(folder: Path) -> tuple:
    """(relative path, size, modification time, inode) of every file under ``folder``, sorted by path."""
    out = []
    todo = [(str(folder), "")]
    while todo:
        path, prefix = todo.pop()
        with os.scandir(path) as it:
            for e in it:
                if e.is_dir(follow_symlinks=False):
                    todo.append((e.path, f"{prefix}{e.name}/"))
                elif e.is_file():
                    st = e.stat()
                    out.append((prefix + e.name, st.st_size, st.st_mtime_ns, st.st_ino))
    out.sort()
    return tuple(out)


def pair_of(folder: str, folders: set[str]) -> str | None:
    """The other phase of the same department-year, when the data has it (``…/2024-final`` ↔ ``…/2024-budget``)."""
    head, _, edition = folder.rpartition("/")
    final, budget = V.phase_slug(V.FINAL), V.phase_slug(V.BUDGET)
    if edition.endswith(final):
        other = edition[:-len(final)] + budget
    elif edition.endswith(budget):
        other = edition[:-len(budget)] + final
    else:
        return None
    other = f"{head}/{other}"
    return other if other in folders else None


def previous_of(folder: str, folders: set[str]) -> str | None:
    """The same department's disclosure of the year before, of the same phase and scope, when the data has
    it (``…/2018-budget`` → ``…/2017-budget``): its page shows the change against it."""
    head, _, edition = folder.rpartition("/")
    year, _, series = edition.partition("-")
    if not year.isdigit() or not series:
        return None
    other = f"{head}/{int(year) - 1}-{series}"
    return other if other in folders else None


def unit_key(common: str, digest: str, pair_digest: str | None, previous_digest: str | None = None) -> str:
    """A unit's content key: of what every output reads, its folder, and the folders its page reads besides
    (the other phase of its year, its previous year), so that a change to any of them builds it again."""
    return hashlib.sha256(f"{common}\0{digest}\0{pair_digest or ''}\0{previous_digest or ''}".encode()).hexdigest()


# --- the work of one unit ----------------------------------------------------------------------------

@dataclass
class Units:
    """What every unit of one build is done with: the data, the staging folder, the build cache, and how pages
    are rendered.  Made once by the build (``run``); the worker processes of ``--jobs`` are forked with it."""

    data_dir: Path
    staging: Path
    cache: Path
    renderer: Renderer
    setting: Setting
    # the folder of each unit ``get`` found, by key: what a damaged chunk of it is made again from
    folder_of: dict[str, str] = field(default_factory=dict)

    def build(self, task: tuple[str, str, str | None, str | None]) -> UnitResult:
        """Load, audit, render and write one disclosure; return its light result (and keep it in the cache).
        ``task``: its folder, its key, the other phase of its year and its previous year (folders or None)."""
        folder, key, pair, previous = task
        data_dir, staging = self.data_dir, self.staging
        d = load_disclosure(data_dir / DISCLOSURES / folder)
        v = view(d)
        if pair is not None and d.phase != V.BUDGET:
            other = load_disclosure(data_dir / DISCLOSURES / pair)
            v.findings = sorted(v.findings + cross_phase([other, d]).get(id(d), []), key=_severity_first)
        last_year = figures_of(load_disclosure(data_dir / DISCLOSURES / previous)) if previous is not None else None
        written = []
        for path, data in self.files(v, previous, last_year):
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)      # the staging folder links the previous output: never write through
            target.write_bytes(data)
            written.append(path)
        cache = self.cache
        for name, chunk in tidy_chunks(d).items():
            write_entry(chunk_path(cache, key, name), chunk)
        write_atomically(search_path(cache, key), search_stub(v, self.renderer))
        result = UnitResult(folder, key, light(v), written)
        put(cache, result)
        return result

    def files(self, v: DisclosureView, previous: str | None = None,
              last_year: YearFigures | None = None) -> list[tuple[str, bytes]]:
        """The disclosure's page (with its change against ``last_year``, the figures of the folder
        ``previous``) and its open-data files."""
        page = self.renderer.render(disclosures.page_of(v, previous), self.setting.inputs(single_model(v, last_year)))
        return [page, *opendata.disclosure_files(v)]

    def get(self, key: str, known: dict[str, UnitResult], present: set[str]) -> UnitResult | None:
        """The cached result of a unit (from ``known``, the last build's results, when it is there), when it
        and its tidy chunks and search page are all there, and it is readable and whole.  ``present``: the
        names of the cache's files (``cached_names``), to look them up in instead of asking the file system
        about each.  (The chunks' checksums are checked when they are read, ``chunk``: most never are, their
        rows being copied from the previous output's tidy files.)"""
        cache = self.cache
        found = known.get(key) or read_json_entry(_path(cache, key), CODEC, of_kind(UnitResult))
        if found is None or found.key != key:
            return None
        needed = [_chunk_name(key, name) for name in TIDY] + [_search_name(key)]
        if not all(name in present for name in needed):
            return None
        self.folder_of[key] = found.folder
        return found

    def chunk(self, key: str, name: str) -> bytes:
        """A unit's rows of the tidy file ``name``, as its entry holds them when its checksum matches; made
        again from the unit's disclosure (and kept again) when the entry is missing or damaged: never
        published damaged.  A key is one content, so the member made again is the same bytes."""
        found = read_entry(chunk_path(self.cache, key, name))
        return found if found is not None else self._chunks_again(key)[name]

    def _chunks_again(self, key: str) -> dict[str, bytes]:
        """The tidy chunks of the unit ``key``, made again from its disclosure folder."""
        cache = self.cache
        folder = self.folder_of.get(key)
        if folder is None:
            found = read_json_entry(_path(cache, key), CODEC, of_kind(UnitResult))
            if found is None or found.key != key:
                raise BudgetsiteError(f"the build cache at {cache} lost what a unit of this build made: "
                                      "build again (or with --no-cache)")
            folder = found.folder
        chunks = tidy_chunks(load_disclosure(self.data_dir / DISCLOSURES / folder))
        try:
            for name, data in chunks.items():
                write_entry(chunk_path(cache, key, name), data)
        except OSError:
            pass                        # made again at the next build that needs it
        return chunks


def light(v: DisclosureView) -> DisclosureView:
    """The view without what only the disclosure's own page shows (rows, narrative, performance, the
    narrative's statements but those the execution index reads …)."""
    d = v.data
    data = Disclosure(d.region, d.department, d.year, d.phase, d.scope,
                      sources=[Source(s.name, s.sha256, s.title, s.lines, s.pages) for s in d.sources],
                      statements=[s for s in d.statements if s.measure in EXECUTION_MEASURES],
                      glossary=d.glossary, region_slug=d.region_slug, department_slug=d.department_slug)
    charts = [replace(c, spec={}) for c in v.charts]
    return replace(v, data=data, charts=charts, notes=[])


def shared(result: UnitResult, strings: dict[str, str]) -> UnitResult:
    """The result with its glossary's words as one object per distinct text (``strings``), in the process
    that holds every unit's view: a province prints the same definitions in thousands of documents, and
    each decoded copy would otherwise be held on its own."""
    def one(text: str) -> str:
        return strings.setdefault(text, text)

    result.view.data.glossary = [Term(one(t.term), one(t.definition), one(t.document), t.line)
                                 for t in result.view.data.glossary]
    return result


def search_stub(v: DisclosureView, renderer: Renderer) -> bytes:
    """The words of a disclosure's page that search should find, as a small page of its own: its title,
    identity, narrative, and the names in its tables, performance sheets and glossary, not its figures.
    A term's definition is found on the term's own page (indexed with the site's pages), not on every
    department-year that prints it.

    The search indexer reads this instead of the page itself, which is mostly figures and markup: a
    tenth of the bytes to parse, and an index of words rather than of every number.  Its title and
    identity weigh most and the names in its tables next, so that a department's or an item's name
    finds the department-years before the site's pages that mention it in passing.
    """
    d = v.data
    # each list of names as a sentence of its own, so that a result's excerpt reads as one
    lists = [(t.title, [r.label for r in t.rows]) for t in d.tables]
    lists += [("项目", [p.name for p in d.projects]), ("绩效指标", [i.level3 for i in d.indicators]),
              ("术语", [g.term for g in d.glossary])]
    sentences = []
    for head, names in lists:
        names = list(dict.fromkeys(n.strip() for n in names if n and n.strip()))
        if names:
            sentences.append(f"{head.strip()}：{'、'.join(names)}。")
    narrative = [_plain(s.markdown) for s in d.sections]
    return renderer.render_template(SEARCH_ENTRY, {
        "title": f"{v.department} {v.name}", "region": v.region, "department": v.department,
        "sentences": sentences, "paragraphs": [p for p in narrative if p]})


def _plain(markdown: str) -> str:
    """Narrative Markdown as running text (its marks and table rules dropped)."""
    return re.sub(r"[#*|`>_-]{1,}\s?|\s+", " ", markdown).strip()


def tidy_chunks(d: Disclosure) -> dict[str, bytes]:
    """This disclosure's rows of each site-wide tidy file: CSV without a header, as one gzip member.

    Gzip members concatenate into a valid gzip file, so the site-wide files
    are these chunks end to end after a header member: no unit is read again
    to write them.
    """
    return {name: gzip_member(csv_text(rows_of(d))) for name, (_, _, rows_of) in opendata.TABLES.items()}


def csv_text(rows: list[list]) -> str:
    buf = io.StringIO()
    # None is written as an empty cell; a text cell a spreadsheet would run as a formula is made inert
    csv.writer(buf, lineterminator="\n").writerows(map(opendata.inert_row, rows))
    return buf.getvalue()


def gzip_member(text: str) -> bytes:
    return gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0) if text else b""


# --- the build cache -------------------------------------------------------------------------------

# Every file here but the search pages (which the search indexer reads as they are) is an entry of
# ``store.cache``: behind a header with its checksum, read back only when it matches.  A unit's result is
# JSON through ``CODEC``, which rebuilds nothing but the classes it names.

def _path(cache: Path, key: str) -> Path:
    return cache / "units" / key[:2] / f"{key}.json"


def search_path(cache: Path, key: str) -> Path:
    """What the search index reads for a unit's page (``search_stub``)."""
    return cache / "units" / key[:2] / _search_name(key)


def chunk_path(cache: Path, key: str, name: str) -> Path:
    """The entry of a unit's rows of the site-wide tidy file ``name``: a gzip member (none when it has no rows)
    behind the entry's header."""
    return cache / "units" / key[:2] / _chunk_name(key, name)


def _search_name(key: str) -> str:
    return f"{key}.search.html"


def _chunk_name(key: str, name: str) -> str:
    return f"{key}.{name}.chunk"


def put(cache: Path, result: UnitResult) -> None:
    """Keep a unit's result under its key."""
    write_json_entry(_path(cache, result.key), result, CODEC)


def cached_names(cache: Path) -> set[str]:
    """The names of the files of the units' cache: a few hundred folder listings instead of a question to
    the file system for each file of each unit."""
    names: set[str] = set()
    try:
        with os.scandir(cache / "units") as folders:
            for folder in folders:
                with os.scandir(folder.path) as files:
                    names.update(f.name for f in files)
    except OSError:
        pass
    return names


# the last build's results are kept in a few files by the first digit of their key: a rebuild after one new
# disclosure writes one of them again, not all ten thousand results
_SEGMENTS = "0123456789abcdef"


def _segment(folder: Path, digit: str) -> Path:
    return folder / f"units-{digit}.json"


def _results(found) -> dict[str, UnitResult]:
    if type(found) is not dict or not all(type(r) is UnitResult and r.key == k for k, r in found.items()):
        raise TypeError("not units' results by key")
    return found


def load_results(folder: Path) -> dict[str, UnitResult]:
    """The last build's results of all its units, by key (``keep_results``): sixteen files read instead of
    one per unit, ten thousand of which took seconds.  A file that cannot be used (damaged, of other code) is
    removed, so that it is written again; its units' own entries serve meanwhile."""
    out: dict[str, UnitResult] = {}
    for digit in _SEGMENTS:
        path = _segment(folder, digit)
        found = read_json_entry(path, CODEC, _results)
        if found is None:
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass
            continue
        out.update(found)
    return out


def keep_results(folder: Path, results: list[UnitResult], before: set[str]) -> None:
    """Keep the results for the next build; a file whose units are those it had (``before``: the keys of
    the results read from them) stays as it is.  A result is the same whenever its key is."""
    now: dict[str, dict[str, UnitResult]] = {digit: {} for digit in _SEGMENTS}
    for r in results:
        now[r.key[0]][r.key] = r
    try:
        for digit, kept in now.items():
            if set(kept) != {k for k in before if k[0] == digit} or not _segment(folder, digit).is_file():
                write_json_entry(_segment(folder, digit), kept, CODEC)
    except OSError as exc:          # without them, the next build reads each unit's own file
        cannot_write("the build cache", folder, exc, "the build")
