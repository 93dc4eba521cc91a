"""What a template family is made of: the words and forms by which its documents are read.

A *family* is a way of printing a disclosure that a group of publishers
share (the national 部门预算 template, 江苏's 公开表, the 决算 template …).
It is described by data, never by code paths of its own: clues that tell
its tables apart, its words for a total row and for columns, the forms in
which it names its department, the titles of its narrative's parts.  The
registry (``generator.templates.registry``) merges every family's data into
the views the stages read, so a stage never holds a template's words
itself.

Every family's rules are tried on every document: a family records where a
form was seen and what supports it; it is not a switch a document must
match.  A form seen in a new city is one more entry in a family file (or a
new file), one sample document, one test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.core.vocabulary import Kind


@dataclass(frozen=True)
class Clue:
    """What identifies a table: words of its title, of its header, or its first cell.

    Every part given must hold (and no ``not_title`` word be in the title).  ``header`` words are looked for in the first
    ``window`` characters of the header text (0: the whole header).
    """

    title: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    window: int = 0
    first: tuple[str, ...] = ()
    first_prefix: str = ""
    not_title: tuple[str, ...] = ()     # words the title must not hold


@dataclass(frozen=True)
class TableRule:
    """One way a table of ``kind`` is printed.  Rules of all families are tried by ``order``, lowest
    first, and the first that holds names the table: a narrower rule (绩效 sheets, one fund) takes a
    lower number than a broader one (any title with 收入)."""

    order: int
    kind: Kind
    clue: Clue
    family: str = ""                    # filled in by the registry


@dataclass(frozen=True)
class ColumnKey:
    """A column header's words (a regular expression searched in the compacted header) and the measure
    key it stands for (``wages``, ``basic``…).  ``group`` keys name a header over other columns
    (基本支出 › 工资福利支出); the others name a column of figures."""

    pattern: str
    key: str
    group: bool = False


# Where a department-name form is looked for
HEAD = "head"          # the first ten text lines: cover and title
LABELS = "labels"      # table titles and text lines, in the order printed
ALL = "all"            # every text line (the narrative's sentences)


@dataclass(frozen=True)
class NameForm:
    """A form in which a document prints the name of its department: a regular expression whose group
    ``name`` is the name, matched at the start of a compacted line (``search``: anywhere in it).

    Forms are tried by ``order``; forms of one order are tried together, line by line.  ``year_alone``:
    the form holds only when the year is printed on a line of its own beside it (a title whose year the
    text layer split off).  ``regional``: the name must begin with a region (a sentence's subject)."""

    order: int
    pattern: str
    lines: str = HEAD
    search: bool = False
    year_alone: bool = False
    regional: bool = False
    family: str = ""

    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)


@dataclass(frozen=True)
class Family:
    """A template family: where it was seen, the documents that show it, and its words."""

    name: str                                     # how publishers know it: 江苏 · 市县 (苏州、无锡)
    seen: str                                     # where and in which years it was seen
    samples: tuple[str, ...] = ()                 # documents in data/sources or tests/samples that show it
    tables: tuple[TableRule, ...] = ()            # how its tables are told apart
    total_labels: tuple[str, ...] = ()            # its words for the row that totals a table
    columns: tuple[ColumnKey, ...] = ()           # its column headers and the measures they name
    names: tuple[NameForm, ...] = ()              # how it names the department
    part_titles: tuple[str, ...] = ()             # titles of its narrative's parts (a line ending in one)
    sections: tuple[tuple[str, tuple[str, ...]], ...] = ()   # narrative section key, words of its heading
    page_marks: tuple[str, ...] = ()              # lines that mark a page and name nothing (预算1表)
    notes: str = ""                               # what else a reader of its documents should know
