"""Plausible errors planted in a document as read, one at a time, to measure what the audit finds.

Each operator looks at a document as the reader gave it (``Layout``: text
lines and raw tables) and proposes ``Mutation``s: one error each, the kind
a publisher makes — a figure mistyped (one digit, its printed form kept), a
total mistyped, a figure of the narrative mistyped, a comparison word turned
round (大于/小于, 增加/减少), a heading given another year or department, a
standard table deleted while the table of contents still lists it, the
“三公” table left blank while the narrative gives its figures, a date given
another year.  ``apply`` returns the mutated copy of the layout; the
original is never changed, and every line keeps its number (a removed line
is blanked), so findings before and after compare line for line.

Each mutation says whether the document carries what it would take to
find the error (``detectable``, and ``why``), from the document as
published alone, and which lines besides its own a finding naming it may
cite (``related``): the figures it is summed with or repeated as
(``audit.redundancy``), the table of contents line that names a removed
table, the narrative lines that give the “三公” figures.  Operators are
deterministic: the same layout and random generator give the same mutations.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from generator.audit.doctext import within
from generator.audit.redundancy import Figure, Redundancy, narrative_figures
from generator.core import vocabulary as V
from generator.core.model import Disclosure
from generator.core.money import is_figure, parse_decimal
from generator.core.text import compact, strip_enumeration
from generator.core.vocabulary import KINDS, Family, Kind
from generator.read.layout import Document, Layout, RawTable, Row, TextLine
from generator.recognise.identity import region_of
from generator.recognise.kinds import recognise

TABLE_FIGURE = "table-figure"
TOTAL = "total"
NARRATIVE_FIGURE = "narrative-figure"
COMPARISON_WORD = "comparison-word"
HEADING = "heading"
TOC_TABLE = "toc-table"
THREE_PUBLIC_BLANK = "three-public-blank"
DATE_YEAR = "date-year"
MUTATION_KINDS = (TABLE_FIGURE, TOTAL, NARRATIVE_FIGURE, COMPARISON_WORD, HEADING, TOC_TABLE, THREE_PUBLIC_BLANK,
                  DATE_YEAR)

Place = tuple[str, int]           # (document, line)


@dataclass(frozen=True)
class LineEdit:
    """A line as it reads after the mutation ("" when it is removed); ``old`` → ``new`` are the words changed
    in it, for the other records of the layout that hold those words (a table's title)."""

    line: int
    text: str
    old: str = ""
    new: str = ""


@dataclass
class Mutation:
    kind: str
    document: str
    lines: tuple[int, ...]                     # the lines changed
    what: str                                  # before → after, for a reader of the report
    edits: tuple[LineEdit, ...] = ()
    dropped: tuple[int, ...] = ()              # the first lines of raw tables removed
    detectable: bool = False
    why: str = ""                              # what in the document shows the error, or why nothing does
    related: frozenset[Place] = field(default_factory=frozenset)

    @property
    def places(self) -> set[Place]:
        """Where a finding names this mutation: its own lines and the related ones."""
        return {(self.document, n) for n in self.lines} | set(self.related)


# --- applying ------------------------------------------------------------------------------------------


def apply(layout: Layout, m: Mutation) -> Layout:
    """A copy of ``layout`` with the mutation's edits made; ``layout`` itself is left as it was."""
    edits = {e.line: e for e in m.edits}
    doc = layout.document
    lines = list(doc.lines)
    for n, e in edits.items():
        lines[n - 1] = e.text
    texts = [_edited_text(t, edits) for t in layout.texts]
    tables = [_edited_table(r, edits) for r in layout.tables if r.start not in m.dropped]
    return Layout(Document(doc.name, doc.sha256, tuple(lines), doc.pages), [t for t in texts if t is not None],
                  tables)


def _edited_text(t: TextLine, edits: dict[int, LineEdit]) -> TextLine | None:
    e = edits.get(t.line)
    if e is None:
        return t
    if not e.text:
        return None
    return TextLine(t.line, e.text if not e.old or t.text.count(e.old) != 1 else t.text.replace(e.old, e.new))


def _edited_table(r: RawTable, edits: dict[int, LineEdit]) -> RawTable:
    if not any(n in edits for n in range(r.title_line or r.start, r.end + 1)) and \
            not any(n in edits for n, _ in (*r.intro, *r.notes)):
        return r

    def words(n: int, text: str) -> str:
        e = edits.get(n)
        if e is None:
            return text
        if e.old and text.count(e.old) == 1:
            return text.replace(e.old, e.new)
        return e.text if text == "" or not e.old else text

    rows = [Row(row.line, edits[row.line].text.split("\t")) if row.line in edits else row for row in r.rows]
    title = words(r.title_line, r.title) if r.title_line else r.title
    department = r.department
    if department and any(n in edits and edits[n].old and edits[n].old in department for n, _ in r.intro):
        department = next(words(n, department) for n, _ in r.intro if n in edits and edits[n].old in department)
    return replace(r, rows=rows, title=title, department=department,
                   intro=[(n, words(n, s)) for n, s in r.intro], notes=[(n, words(n, s)) for n, s in r.notes])


# --- figures -------------------------------------------------------------------------------------------


def mistype(printed: str, rng: random.Random) -> str:
    """``printed`` with one digit changed, its separators and decimals kept: never one of its last two digits
    (a change within the rounding of a sum would be no error), never a leading digit turned 0."""
    digits = [i for i, ch in enumerate(printed) if ch.isdigit()]
    i = rng.choice(digits[:-2] if len(digits) >= 3 else digits)
    leading = i == digits[0] and len(digits) > 1 and printed[i] != "0"
    choices = [d for d in "0123456789" if d != printed[i] and not (leading and d == "0")]
    return printed[:i] + rng.choice(choices) + printed[i + 1:]


def _delta(fig: Figure, new: str) -> Decimal:
    old = parse_decimal(fig.printed)
    return (parse_decimal(new) - old) * fig.yuan / old


def _judged(m: Mutation, red: Redundancy, fig: Figure, delta: Decimal) -> Mutation:
    broken = red.breaking(fig, delta)
    m.detectable = bool(broken)
    m.why = ", ".join(sorted({r.what for r in broken})) or "in no sum, printed nowhere else"
    m.related = frozenset(p for r in broken for p in r.lines())
    return m


def table_figures(layout: Layout, red: Redundancy, rng: random.Random, totals: bool) -> list[Mutation]:
    """Each non-zero figure of a money table (of its total rows when ``totals``), mistyped."""
    out = []
    name = layout.document.name
    for raw in layout.tables:
        for row in raw.rows:
            seen: dict[str, int] = {}
            for i, cell in enumerate(row.cells):
                if not is_figure(cell):
                    continue
                occurrence = seen.get(compact(cell), 0)
                seen[compact(cell)] = occurrence + 1
                fig = red.cell(name, row.line, cell, occurrence)
                if fig is None or not fig.yuan or ((name, fig.key) in red.totals) != totals:
                    continue
                new = mistype(cell, rng)
                cells = list(row.cells)
                cells[i] = new
                m = Mutation(TOTAL if totals else TABLE_FIGURE, name, (row.line,), f"{cell} → {new}",
                             (LineEdit(row.line, "\t".join(cells)),))
                out.append(_judged(m, red, fig, _delta(fig, new)))
    return out


def text_figures(layout: Layout, red: Redundancy, rng: random.Random) -> list[Mutation]:
    """Each non-zero money figure of the narrative, mistyped."""
    out = []
    texts = {t.line: t.text for t in layout.texts}
    for fig in narrative_figures(layout):
        if not fig.yuan:
            continue
        offset = int(fig.key.rsplit(":", 1)[1])
        text = texts[fig.line]
        new = mistype(fig.printed, rng)
        changed = text[:offset] + new + text[offset + len(fig.printed):]
        m = Mutation(NARRATIVE_FIGURE, fig.document, (fig.line,), f"{fig.printed} → {new}",
                     (LineEdit(fig.line, changed, *_unique(text, offset, fig.printed, new)),))
        out.append(_judged(m, red, red.figures[(fig.document, fig.key)], _delta(fig, new)))
    return out


def _unique(text: str, start: int, old: str, new: str) -> tuple[str, str]:
    """The shortest words around ``old`` at ``start`` that occur once in ``text``, and the same words changed."""
    for pad in range(0, 12):
        a, b = max(0, start - pad), min(len(text), start + len(old) + pad)
        if text.count(text[a:b]) == 1:
            return text[a:b], text[a:start] + new + text[start + len(old):b]
    return text, text[:start] + new + text[start + len(old):]


# --- comparison words ----------------------------------------------------------------------------------

_FLIP = {"大于": "小于", "小于": "大于", "等于": "大于", "高于": "低于", "低于": "高于",
         "增加": "减少", "减少": "增加", "增长": "下降", "下降": "增长", "上升": "下降"}
_UP, _DOWN = {"增加", "增长", "上升"}, {"减少", "下降"}
_WORD = re.compile(r"(?<!不)(?<!未)(大于|小于|等于|高于|低于|增加|减少|增长|下降|上升)")
_MONEY = r"(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)"
_PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[%％]")
_AMOUNT_AFTER = re.compile(r"^\s*(?:了\s*)?" + _MONEY)
# what a comparison of two stated figures names on each side: 决算数小于（全年）预算数
_COMPARED = re.compile(r"(年初预算|全年预算|预算|决算|本年|上年)数?\s*$")
_COMPARED_TO = re.compile(r"^\s*(年初预算|全年预算|预算|决算|上年预算|上年)")


def _sentence(text: str, at: int) -> tuple[int, int]:
    start = max(text.rfind(p, 0, at) for p in "。；;") + 1
    ends = [i for i in (text.find(p, at) for p in "。；;") if i >= 0]
    return start, min(ends) if ends else len(text)


_FACTORS = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
# one change stated twice: 减少 28.49 万元，下降 10.69%
_CHANGE_TWICE = re.compile(r"(增加|减少|增长|下降|上升)\s*(?:了\s*)?" + _MONEY + r"\s*[，,]?\s*(增加|减少|增长|下降|上升)\s*"
                           r"(\d+(?:\.\d+)?)\s*[%％]")


def _money(s: str) -> list[tuple[int, Decimal]]:
    """(start, 元) of each money figure in ``s``."""
    return [(m.start(), Decimal(m.group(1).replace(",", "")) * _FACTORS[m.group(2)])
            for m in re.finditer(r"(?<![\d.,])" + _MONEY, s)]


def _direction_shown(text: str, at: int, word: str) -> str | None:
    """What in the sentence shows the direction ``word`` states (a reason), or None when nothing does."""
    start, end = _sentence(text, at)
    if word in _UP | _DOWN:
        # the change stated twice, as an amount and as a rate, in words that agree: turning one round makes
        # the two contradict (and the rate no longer fits the amount)
        for m in _CHANGE_TWICE.finditer(text, start, end):
            if at in (m.start(1), m.start(4)) and (m.group(1) in _UP) == (m.group(4) in _UP):
                return "the change is stated twice, as an amount and as a rate"
        return None
    # 大于/小于/等于: the figures stated before it for the two things it compares
    left, right = _COMPARED.search(text[start:at]), _COMPARED_TO.match(text[at + len(word):end])
    if not left or not right:
        return None

    def stated(concept: str) -> list[Decimal]:
        return [value for s, value in _money(text[:at])
                if concept in text[max(0, s - 8):s] and not (concept == "预算" and "上年" in text[max(0, s - 8):s])]

    a, b = stated(left.group(1)), stated(right.group(1))
    seen = {("大于" if x > y else "小于" if x < y else "等于") for x in a for y in b}
    normal = {"高于": "大于", "低于": "小于"}.get(word, word)
    return "the sentence states the two figures it compares" if seen == {normal} else None


def _changes_summed(d: Disclosure, line: int, amount: str) -> tuple[str, frozenset[Place]] | None:
    """When the change stated on ``line`` as ``amount`` (its first such phrase) is the “三公” change or one of
    its parts' and the parts' changes add up to the total's (as the importer read the sentences), a reason and
    the lines of that sum."""
    changes = {s.measure: s for s in d.statements if s.measure.endswith(V.CHANGE)}
    total = changes.get(V.THREE_PUBLIC + V.CHANGE)
    parts = [changes.get(V.three_public_measure(p.key) + V.CHANGE) for p in V.three_public_parts()]
    if total is None or not all(parts) or total.yuan is None or any(p.yuan is None for p in parts):
        return None
    terms = [(total, 1)] + [(p, -1) for p in parts]
    turned = next(((s, sign) for s, sign in terms if s.line == line and compact(amount) in compact(s.printed)), None)
    residual = sum(s.yuan * sign for s, sign in terms)
    slack = sum(s.tolerance for s, _ in terms)
    if turned is None or abs(residual) > slack or abs(residual - 2 * turned[1] * turned[0].yuan) <= slack:
        return None
    return "the changes of the “三公” parts add up to the change of the total", frozenset(
        (s.document, s.line) for s, _ in terms)


def comparison_words(layout: Layout, d: Disclosure) -> list[Mutation]:
    """Each comparison word of the narrative that compares figures, turned round."""
    out = []
    name = layout.document.name
    for t in layout.texts:
        for m in _WORD.finditer(t.text):
            word = m.group(1)
            after = t.text[m.end():m.end() + 24]
            amount = _AMOUNT_AFTER.match(after)
            if not (amount or _PERCENT.match(after) or _COMPARED_TO.match(after)):
                continue
            new = _FLIP[word]
            changed = t.text[:m.start()] + new + t.text[m.end():]
            reasons = [r for r in [_direction_shown(t.text, m.start(), word)] if r]
            related: frozenset[Place] = frozenset()
            first = t.text.find(word + after[:amount.end()]) == m.start() if amount else False
            summed = _changes_summed(d, t.line, amount.group(1)) if first else None
            if summed:
                reasons.append(summed[0])
                related = summed[1]
            out.append(Mutation(COMPARISON_WORD, name, (t.line,), f"{word} → {new}",
                                (LineEdit(t.line, changed, *_unique(t.text, m.start(), word, new)),),
                                detectable=bool(reasons),
                                why="; ".join(reasons) or "nothing in the sentence fixes the direction",
                                related=related))
    return out


# --- headings ------------------------------------------------------------------------------------------

_SENTENCE_MARKS = re.compile(r"[。，,；;：:]")


def _headings(layout: Layout) -> list[TextLine]:
    """Title lines, table titles and the table of contents: short lines that are not sentences."""
    titles = {r.title_line for r in layout.tables if r.title_line}
    return [t for t in layout.texts if t.line in titles or (len(compact(t.text)) <= 60 and t.text.strip()
                                                             and not _SENTENCE_MARKS.search(t.text))]


def headings(layout: Layout, d: Disclosure, others: list[Layout], rng: random.Random) -> list[Mutation]:
    """Each heading's year (the disclosure's) given the year before or after, and each heading's department
    given another department's name (or a template's XX): detectable when the document prints the year (the
    name) elsewhere too."""
    out = []
    name = layout.document.name
    year = re.compile(rf"(?<!\d){d.year}(?=\s*年)")
    heads = _headings(layout)
    every = [t for lay in [layout, *others] for t in lay.texts]
    for t in heads:
        for m in year.finditer(t.text):
            new = str(d.year + rng.choice((-1, 1)))
            changed = t.text[:m.start()] + new + t.text[m.end():]
            elsewhere = sum(1 for h in heads if h.line != t.line and year.search(h.text)) + sum(
                1 for lay in others for h in _headings(lay) if year.search(h.text))
            out.append(Mutation(HEADING, name, (t.line,), f"{d.year} → {new}",
                                (LineEdit(t.line, changed, *_unique(t.text, m.start(), m.group(0), new)),),
                                detectable=elsewhere > 0,
                                why=f"{elsewhere} other headings print {d.year}" if elsewhere
                                else "no other heading prints the year"))
        at = t.text.find(d.department) if d.department else -1
        if at >= 0:
            region = region_of(d.department)
            other = (region or "") + rng.choice(("XX局", "财政局" if "财政" not in d.department else "教育局"))
            changed = t.text[:at] + other + t.text[at + len(d.department):]
            elsewhere = sum(1 for x in every if x.line != t.line and d.department in x.text)
            out.append(Mutation(HEADING, name, (t.line,), f"{d.department} → {other}",
                                (LineEdit(t.line, changed, *_unique(t.text, at, d.department, other)),),
                                detectable=elsewhere > 0,
                                why=f"{elsewhere} other lines print {d.department}" if elsewhere
                                else "no other line prints the department"))
    return out


# --- a standard table removed --------------------------------------------------------------------------

_TOC = re.compile(r"^目录$")
# a title that the contents' heading ends (“2017 年度…部门预算公开目 录”), an entry after it
_TOC_AT_END = re.compile(r"^[^。，,；;：:]{2,60}目录$")
_ENTRY_FORM = re.compile(r"^(?:第[一二三四五六七八九十]{1,2}部分|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])")
# where a second entry begins on a line of the table of contents: after a title's 表 (or its closing bracket)
_ENTRY_SPLIT = re.compile(r"(?<=[表）)])(?=\s*(?:[一二三四五六七八九十]+、|\d+\s*[.．、](?!\d)|(?:公开|附)?表\s*\d))")
_LEADERS = re.compile(r"[.．…·]{3,}.*$|\s\d+$")
# dot leaders and a page number between two entries of one line: “第一部分 部门概况……… 1一、部门主要职责……… 2”
_INNER_LEADERS = re.compile(r"[.．…·]{3,}\s*\d{1,3}(?=\S)")


def _key(text: str, year: int, department: str) -> str:
    s = compact(text)
    if department:      # “江苏省高级人民法院部门收支预算总表”: the department's (部门) tables
        s = s.replace(department + "部门", "").replace(department, "")
    s = re.sub(r"\d{4}年度?", "", s)
    s = re.sub(r"(?<=表)(?:编制单位|编制部门|部门|单位)[:：].*$", "", s)     # a running head: …表编制单位：…
    s = re.sub(r"^(?:公开)?表\d+[-—]?\d*|^附表\d*", "", s)
    s = re.sub(r"(?<=表)[（(][^（）()]{1,12}[)）]$", "", s)          # a qualifier: 支出预算表（功能科目）
    return compact(strip_enumeration(s)).strip("“”\"")


def table_of_contents(layout: Layout) -> list[TextLine]:
    """The lines of the table of contents: after a 目录 line, up to the first table or the first entry
    printed again (where the body begins)."""
    texts = layout.texts
    start = next((i for i, t in enumerate(texts) if _TOC.match(compact(t.text)) or (
        _TOC_AT_END.match(compact(t.text)) and i + 1 < len(texts) and _ENTRY_FORM.match(compact(texts[i + 1].text)))),
        None)
    if start is None:
        return []
    first_table = min((r.title_line or r.start for r in layout.tables), default=10 ** 9)
    out: list[TextLine] = []
    for t in texts[start + 1:]:
        if t.line >= first_table or (out and compact(t.text) == compact(out[0].text)):
            break
        if t.text.strip():
            out.append(t)
    return out


def _entries(toc: list[TextLine], year: int, department: str) -> list[tuple[int, str]]:
    """Each entry's line and words; a short line without numbering after a numbered entry that is not a whole
    title is the rest of that entry (“十一、…会议费、培训费支” then “出预算表”)."""
    out: list[tuple[int, str]] = []
    numbered = False
    for t in toc:
        pieces = [_LEADERS.sub("", p) for p in _INNER_LEADERS.split(t.text)]
        for n, part in enumerate(part for p in pieces for part in _ENTRY_SPLIT.split(p)):
            rest = compact(part)
            if (n == 0 and out and numbered and not _ENTRY_FORM.match(rest) and len(rest) <= 12
                    and not re.search(r"[表）)]$", out[-1][1]) and rest.endswith("表")):
                out[-1] = (out[-1][0], _key(out[-1][1] + rest, year, department))
                continue
            numbered = bool(_ENTRY_FORM.match(rest))
            key = _key(part, year, department)
            if len(key) >= 3:
                out.append((t.line, key))
    return out


def toc_entry_of(raws: list[RawTable], toc: list[TextLine], year: int, department: str) -> dict[int, list[int]]:
    """The table of contents lines that name each table (by its first line): an entry names the table whose
    title it ends, or that ends it, or that it is with words left out (or added), the most closely (收支总表
    names 收支总表, 财政拨款收支总表 names 财政拨款收支总表, 政府性基金财政拨款支出预算表 names
    政府性基金预算财政拨款支出预算表, or 财政拨款政府性基金支出预算表 in its words reordered); a qualifier in brackets after the title is no part of it."""
    titled = [(r.start, _key(r.title, year, department)) for r in raws if r.title]
    out: dict[int, list[int]] = {}
    for line, entry in _entries(toc, year, department):
        fits = [(abs(len(k) - len(entry)), start) for start, k in titled
                if k and (k.endswith(entry) or entry.endswith(k) or within(entry, k) or within(k, entry)
                                or sorted(k) == sorted(entry))]
        if fits:
            out.setdefault(min(fits)[1], []).append(line)
    return out


def removed_tables(layout: Layout, d: Disclosure, others: list[Layout]) -> list[Mutation]:
    """Each recognised money table removed, its title and heading lines with it, the table of contents left as
    it is: detectable when the table of contents (of any document of the disclosure: 江苏 prints it in the
    narrative file) names the table, and no other line prints its title (the rest of a table continued on the
    next page under its title is still there)."""
    out = []
    name = layout.document.name
    named: dict[int, list[Place]] = {}
    listed: set[Place] = set()
    for lay in [layout, *others]:
        toc = table_of_contents(lay)
        listed |= {(lay.document.name, t.line) for t in toc}
        for start, lines in toc_entry_of(layout.tables, toc, d.year, d.department).items():
            named.setdefault(start, []).extend((lay.document.name, n) for n in lines)
    titles = [(lay.document.name, t.line, _key(t.text, d.year, d.department)) for lay in [layout, *others]
              for t in lay.texts if (lay.document.name, t.line) not in listed]
    for raw in layout.tables:
        kind = recognise(raw)
        if kind is None or KINDS[kind].family != Family.MONEY:
            continue
        first = raw.title_line if 0 < raw.title_line < raw.start else raw.start
        key = _key(raw.title, d.year, d.department) if raw.title else ""
        # a heading above the title that names the table again (“一、收支预算总表” over “2026 年度收支预算总表”)
        above = max((t for t in layout.texts if t.line < first and t.text.strip()), key=lambda t: t.line,
                    default=None)
        if (key and above is not None and (name, above.line) not in listed
                and _key(above.text, d.year, d.department) == key):
            first = above.line
        intro = [n for n, _ in raw.intro if first <= n < raw.start]
        gone = sorted({*range(first, raw.end + 1), *intro})
        toc = named.get(raw.start, [])
        shown = ", ".join(f"{doc}:{n}" if doc != name else str(n) for doc, n in toc)
        # a table whose title the document prints again (above the rest of it, on the next page) is still there
        again = next((n for doc, n, k in titles if k == key and not (doc == name and n in gone)), 0) if key else 0
        out.append(Mutation(TOC_TABLE, name, tuple(gone), f"{raw.title or kind} removed",
                            tuple(LineEdit(n, "") for n in gone), dropped=(raw.start,),
                            detectable=bool(toc) and not again,
                            why=f"its title is printed again (line {again})" if again
                            else f"the table of contents names it (line {shown})" if toc
                            else "no table of contents names it",
                            related=frozenset(toc)))
    return out


# --- the “三公” table blanked --------------------------------------------------------------------------

_THREE_PUBLIC_WORDS = re.compile(r"三公|因公出国|公务接待|公务用车")


def blanked_three_public(layout: Layout, others: list[Layout]) -> list[Mutation]:
    """The “三公” table with every figure cell left blank: detectable when the narrative (of any document of the
    disclosure) gives a “三公” figure other than zero."""
    out = []
    name = layout.document.name
    stated: list[Place] = []
    for lay in [layout, *others]:
        texts = {t.line: t.text for t in lay.texts}
        stated += sorted({(f.document, f.line) for f in narrative_figures(lay)
                          if f.yuan and _THREE_PUBLIC_WORDS.search(texts[f.line])})
    shown = ", ".join(f"{doc}:{n}" if doc != name else str(n) for doc, n in stated)
    for raw in layout.tables:
        if recognise(raw) != Kind.THREE_PUBLIC:
            continue
        edits = tuple(LineEdit(r.line, "\t".join("" if is_figure(c) else c for c in r.cells))
                      for r in raw.rows if any(is_figure(c) for c in r.cells))
        if not edits:
            continue
        out.append(Mutation(THREE_PUBLIC_BLANK, name, tuple(e.line for e in edits), f"{raw.title} blanked", edits,
                            detectable=bool(stated),
                            why=f"the narrative gives “三公” figures (line {shown})" if stated
                            else "the narrative gives no “三公” figure other than 0",
                            related=frozenset(stated)))
    return out


# --- dates ---------------------------------------------------------------------------------------------

_DATE = re.compile(r"(?<!\d)(\d{4})(\s*年\s*\d{1,2}\s*月\s*(?:\d{1,2}\s*日|底|末))")
_AS_OF = re.compile(r"(?:截至|截止|截止到|截至到)\s*$")


def dates(layout: Layout, d: Disclosure, rng: random.Random) -> list[Mutation]:
    """Each date's year moved by one: detectable for an as-of date (截至 YYYY年12月31日) of the year the
    disclosure's phase gives it (a 决算 of Y: Y; a 预算 of Y: Y−1)."""
    out = []
    name = layout.document.name
    expected = d.year if d.phase == V.FINAL else d.year - 1
    for t in layout.texts:
        for m in _DATE.finditer(t.text):
            year = int(m.group(1))
            new = str(year + rng.choice((-1, 1)))
            changed = t.text[:m.start()] + new + t.text[m.start(1) + 4:]
            as_of = bool(_AS_OF.search(t.text[max(0, m.start() - 6):m.start()]))
            ok = as_of and year == expected
            out.append(Mutation(DATE_YEAR, name, (t.line,), f"{m.group(0)} → {new}{m.group(2)}",
                                (LineEdit(t.line, changed, *_unique(t.text, m.start(), m.group(1), new)),),
                                detectable=ok,
                                why=f"an as-of date of the disclosure's year ({expected})" if ok
                                else "an as-of date of another year than the phase gives" if as_of
                                else "not an as-of date: its year is not fixed by the disclosure"))
    return out


def mutations(layout: Layout, d: Disclosure, red: Redundancy, others: list[Layout], seed: int,
              kinds: tuple[str, ...] = MUTATION_KINDS) -> list[Mutation]:
    """Every mutation of the kinds asked for, of one document of the disclosure ``d`` (whose other documents
    are ``others``), in a fixed order; ``seed`` decides the digits and years chosen."""
    def rng(kind: str) -> random.Random:
        return random.Random(f"{seed}:{layout.document.name}:{kind}")      # one kind's draws never shift another's

    made = {
        TABLE_FIGURE: lambda: table_figures(layout, red, rng(TABLE_FIGURE), totals=False),
        TOTAL: lambda: table_figures(layout, red, rng(TOTAL), totals=True),
        NARRATIVE_FIGURE: lambda: text_figures(layout, red, rng(NARRATIVE_FIGURE)),
        COMPARISON_WORD: lambda: comparison_words(layout, d),
        HEADING: lambda: headings(layout, d, others, rng(HEADING)),
        TOC_TABLE: lambda: removed_tables(layout, d, others),
        THREE_PUBLIC_BLANK: lambda: blanked_three_public(layout, others),
        DATE_YEAR: lambda: dates(layout, d, rng(DATE_YEAR)),
    }
    return [m for kind in MUTATION_KINDS if kind in kinds for m in made[kind]()]
