"""Whether a document is a budget disclosure at all, and when it is not, what it reads as.

A disclosure names itself on its cover or in its title (部门预算, 单位预算, 部门决算, 预算公开,
预算情况说明, 收支预算总表 …) and carries budget tables: a 收支总表 with its 收入/支出 合计 or 总计,
rows by function code (201 一般公共服务支出, 2010101 行政运行 …), the “三公” table, performance
targets.  Whatever sits behind a budget-shaped link may be something else: a government notice
(通知, 通报, 通告 with its 文号 such as 包府办发〔2026〕11号), an issue of a 政府公报, a statistics
table, a report, a blank form, a flowchart.  Such a document prints neither, or prints the word
部门预算 only inside a notice's title; it is told apart by what it prints, never by its file name.

The test leans towards the disclosure: one recognised budget table, one budget table title (in the
tables or in a table of contents), or one function-coded row block is enough to go on, so that a
real disclosure whose tables the reader could not split still reaches the import's own checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.core.text import compact, strip_enumeration
from generator.read.layout import Layout, RawTable
from generator.recognise.kinds import recognise

HEAD = 12          # the cover and title: the first non-empty lines
CONTENTS = 40      # the text lines searched for the title and the table of contents

# how a disclosure names itself (预决算公开 is a topic of notices on 政务公开, not a title)
_SELF = re.compile(r"(?:部门|单位)(?:整体)?(?:预算|决算)|(?<!预)决算公开|(?<!决)预算公开|(?:预算|决算)情况说明"
                   r"|收支(?:预算|决算)?(?:总)?表|(?:预算|决算)公开报表")
# the title of a budget table, as printed above it or listed in a table of contents
_TABLE_TITLE = re.compile(r"(?:收支|收入|支出|财政拨款|一般公共预算|政府性基金|国有资本经营|三公.{0,2}经费|机关运行经费"
                          r"|政府采购|绩效目标).{0,24}?(?:总表|情况表|预算表|决算表|明细表|申报表|目标表)$")
_BUDGET_WORDS = ("预算", "决算", "收入", "支出", "收支", "绩效", "经费", "拨款", "资金")
_TOTAL_ROW = re.compile(r"^(?:本年)?(?:收入|支出|收支)(?:总计|合计)$")
_FUNCTION_ROW = re.compile(r"^2\d{2}(?:\d{2}){0,2}[\u4e00-\u9fff]")
_LEADERS = re.compile(r"[.…·•\s\d-]+$")

# what a document that is not a disclosure prints at its head
_ISSUE = re.compile(r"^.{0,40}公报$")      # the running head of a 公报 issue: “2026年第2期刊登惠州市人民政府公报”
_STATISTICS = re.compile(r"统计公报|主要(?:经济)?指标|统计(?:数据|月报|年报|快报|资料)")
_FORM = re.compile(r"(申请表|登记表|审批表|报名表|意见表)$")
_FLOWCHART = re.compile(r"流程图")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}〔(?:20\d{2})?〕\d*号")
_ABOUT = re.compile(r"关于.{2,120}?的(通知|通报|通告|公告|实施意见|意见|决定|批复|复函|函|报告|请示)")
_STANDALONE = re.compile(r"^.{0,16}?(通知|通报|通告|公告)$")
_REPORT = re.compile(r"(?:工作)?(?:报告|总结)$")
_NOTICES = ("通知", "通报", "通告", "公告")
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")     # 厦商务规〔２０２４〕２号


@dataclass(frozen=True)
class NotADisclosure:
    """A document that is not a budget disclosure: what it reads as (None when it cannot be told), the title
    that shows it, its line, and whether it mentions a budget at all (a notice about 部门预算)."""

    reads_as: str | None
    title: str
    line: int
    mentions_budget: bool

    def message(self) -> str:
        title = f": “{self.title}”" if self.title else ""
        what = f"it reads as {self.reads_as}{title}" if self.reads_as else f"its head reads{title or ' nothing'}"
        lacks = ("it mentions a budget but carries no budget table (收支总表 with 合计/总计, rows by function code)"
                 if self.mentions_budget else
                 "it names no 部门预算, 单位预算 or 部门决算 on its cover and carries no budget table (收支总表 "
                 "with 合计/总计, rows by function code)")
        return f"this is not a budget disclosure (部门预算/决算): {what}; {lacks}; nothing was imported"


def not_a_disclosure(layout: Layout) -> NotADisclosure | None:
    """What the document reads as when it is not a budget disclosure; None when it is one (or may be)."""
    if _carries_budget_tables(layout):
        return None
    head = _head(layout)
    names = _names_itself(layout)
    reads_as, title, line = _reads_as(head, names)
    if names and reads_as is None:
        return None
    if not title and head:
        line, title = head[0]
    return NotADisclosure(reads_as, _shorten(title), line or 1, names or bool(_SELF.search(title)))


def _carries_budget_tables(layout: Layout) -> bool:
    if any(_is_budget_table(t) for t in layout.tables):
        return True
    for text in layout.document.lines:
        key = _LEADERS.sub("", strip_enumeration(compact(text)))
        if len(key) <= 60 and _TABLE_TITLE.search(key):
            return True
    return False


def _is_budget_table(table: RawTable) -> bool:
    """A table of a known kind that speaks of money or targets, a 收入/支出 total row, or rows by function code."""
    cells = [compact(c) for r in table.rows for c in r.cells[:1]]
    if any(_TOTAL_ROW.match(strip_enumeration(c)) for c in cells):
        return True
    if sum(1 for r in table.rows if _FUNCTION_ROW.match(compact("".join(r.cells[:2])))) >= 3:
        return True
    if recognise(table) is None:
        return False
    words = compact(table.title) + "".join(compact(t) for _, t in table.intro) + "".join(
        compact(c) for r in table.rows[:4] for c in r.cells)
    return any(w in words for w in _BUDGET_WORDS)


def _names_itself(layout: Layout) -> bool:
    """The cover, the title or the table of contents names a budget disclosure; a notice's title does not."""
    for tl in layout.texts[:CONTENTS]:
        key = _undouble(compact(tl.text))
        if len(key) <= 60 and not re.search(r"[，。；]", key) and _SELF.search(key) and not _ABOUT.search(key):
            return True
    return False


def _head(layout: Layout) -> list[tuple[int, str]]:
    """The first non-empty lines (cover and title), compacted; a line printed with every character twice
    (a 公报's running head: 惠惠州州市市…) is read once."""
    head = []
    for number, text in enumerate(layout.document.lines, 1):
        key = _undouble(compact(text)).translate(_DIGITS)
        if key:
            head.append((number, key))
        if len(head) == HEAD:
            break
    return head


def _reads_as(head: list[tuple[int, str]], names: bool) -> tuple[str | None, str, int]:
    """What the head of a document reads as (“a notice (通知, 包府办发〔2026〕11号)”), its title and line.
    A title that names a budget is never taken for a report (“2024年度部门决算报告”)."""
    kinds: list[str] = []
    title, line = "", 0
    for number, text in head:
        if _ISSUE.search(text) and not _STATISTICS.search(text):
            name = re.search(r"(?:刊登|^)([^期]{2,20}?公报)", text)
            period = re.search(r"(?:\d{4}年)?第\d+期", text)
            what = " ".join(m.group(m.lastindex or 0) for m in (name, period) if m)
            kinds.append(f"an issue of a 公报 ({what or '公报'})")
            line = number
            break
    for number, text in head:
        found = _STATISTICS.search(text)
        if found:
            bulletin = "统计公报" in text
            kinds.append(f"a statistics {'bulletin (统计公报)' if bulletin else 'table (统计数据)'}")
            title, line = text, number
            break
    for pattern, label in ((_FORM, "a form ({})"), (_FLOWCHART, "a flowchart ({})")):
        found = next(((n, t, m) for n, t in head for m in [pattern.search(t)] if m), None)
        if found and not kinds:
            kinds.append(label.format(found[2].group(0)))
            title, line = found[1], found[0]
    notice = _notice(head)
    if notice:
        kinds.append(notice[0])
        title, line = notice[1] or title, notice[2] or line
    elif not kinds and not names:
        report = next(((n, t, m) for n, t in head[:3] for m in [_REPORT.search(t)] if m), None)
        if report:
            kinds.append(f"a report ({report[2].group(0)})")
            title, line = report[1], report[0]
    if not kinds:
        return None, "", 0
    reads = kinds[0] if len(kinds) == 1 else f"{kinds[0]} carrying {', '.join(kinds[1:])}"
    return reads, title, line


def _notice(head: list[tuple[int, str]]) -> tuple[str, str, int] | None:
    """A government document's head: a 文号 (包府办发〔2026〕11号), a title “关于…的通知”, or a line
    that is only “巡察通告”.  Its kind in words, its title and the title's line."""
    number = next(((n, m) for n, t in head for m in [_DOC_NUMBER.search(t)] if m), None)
    about = next(((n, t, m) for n, t in head for m in [_ABOUT.search(t)] if m), None)
    if about is None:
        # a title broken over two lines: “关于印发…” / “…的通知”
        pairs = [(n, a + b) for (n, a), (_, b) in zip(head, head[1:]) if "关于" in a]
        about = next(((n, t, m) for n, t in pairs for m in [_ABOUT.search(t)] if m), None)
    standalone = next(((n, t, m) for n, t in head for m in [_STANDALONE.match(t)] if m and not _SELF.search(t)),
                      None)
    if not (number or about or standalone):
        return None
    word = about[2].group(1) if about else standalone[2].group(1) if standalone else None
    if word is None and number and "函" in number[1].group(0):
        word = "函"
    ref = number[1].group(0) if number and re.search(r"〔20\d{2}〕\d+号", number[1].group(0)) else ""
    ref = f", {ref}" if ref else ""
    if word in _NOTICES:
        kind = f"a notice ({word}{ref})"
    elif word in ("报告", "请示"):
        kind = f"a report ({word}{ref})"
    else:
        kind = f"an official document ({word or '公文'}{ref})"
    if about:
        line, text, found = about
        # the issuer printed before 关于 on the same line belongs to the title, a 文号 or a filing code does not
        before = _DOC_NUMBER.sub("", text[:found.start()])
        before = re.sub(r"^[A-Za-z0-9-]+", "", before)
        return kind, (before if len(before) <= 30 else "") + found.group(0), line
    if standalone:
        return kind, standalone[1], standalone[0]
    return kind, number[1].group(0), number[0]


def _undouble(text: str) -> str:
    """``22002266年年`` → ``2026年``: a line whose every character is printed twice, read once."""
    if len(text) >= 8 and len(text) % 2 == 0 and text[0::2] == text[1::2]:
        return text[0::2]
    return text


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
