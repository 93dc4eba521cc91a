"""A published 决算 with errors planted in its text, as a reviewer would plant them, through the whole import.

The document is 中共上海市普陀区委社会工作部's 2024 决算 (tests/samples), in the text form its import keeps
with the data.  Each planted error is one of those the checks that read the document's words are for;
each must be named at its line, and the document as published must raise none of them.
"""

import pytest

from generator.audit import audit
from generator.normalise.disclosure import parse_document
from generator.read import read_source
from tests.conftest import ROOT

TEXT = (ROOT / "data" / "disclosures" / "shanghai-putuo" / "weishehuigongzuobu" / "2024-final" / "text"
        / "sh-putuo-shehuigongzuobu-2024-final.pdf.txt")
NEW_CHECKS = {"placeholder", "heading-year", "heading-department", "contents", "blank-table", "comparison",
              "change", "date-year"}

# (the words of the line as published, what they become)
PLANTED = {
    "placeholder": ("第三部分 中共上海市普陀区委社会工作部 2024 年度部门决算情况说明",
                    "第三部分 上海市 XX 局 2024 年度部门决算情况说明"),
    "heading-year": ("中共上海市普陀区委社会工作部 2024 年度部门决算表",
                     "中共上海市普陀区委社会工作部 2023 年度部门决算表"),
    "comparison": ("支出决算为 4.64 万元。决算数小于预算数", "支出决算为 4.64 万元。决算数大于预算数"),
    "blank-table": ("中共上海市普陀区委社会工作部 2024 年度无“三公”经费财政拨款支出。",
                    "“三公”经费财政拨款支出年初预算为 3.00 万元，支出决算为 2.50 万元，完成预算的 83.33%。"),
    "change": ("比 2023 年度增加 10.23 万元，增长 100.00%", "比 2023 年度增加 2.23 万元，增长 30.00%"),
    "date-year": ("截至 2024 年 12 月 31 日", "截至 2023 年 12 月 31 日"),
}
DELETED = "政府性基金预算财政拨款收入支出决算表"      # the table, from its title to the note under it


def plant(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """The lines with every error planted, and the words of each planted line (to find it again)."""
    out, marks = list(lines), {}
    for check, (published, planted) in PLANTED.items():
        # a heading as a line of its own (the body's, not the contents' that repeats it), other words within theirs
        i = max(i for i, t in enumerate(out) if t.strip() == published or
                (published in t and check not in ("placeholder", "heading-year")))
        out[i] = out[i].replace(published, planted)
        marks[check] = out[i]
    start = next(i for i, t in enumerate(out) if t.strip() == DELETED)
    end = next(i for i in range(start, len(out)) if out[i].startswith("说明："))
    del out[start:end + 1]
    return out, marks


def imported(lines: list[str]):
    return parse_document(read_source("planted.txt", "\n".join(lines).encode("utf-8")))


@pytest.fixture(scope="module")
def published() -> list[str]:
    return TEXT.read_text(encoding="utf-8").split("\n")


def test_the_published_document_raises_none_of_them(published):
    assert [f for f in audit(imported(published)) if f.check in NEW_CHECKS] == []


def test_every_planted_error_is_named_at_its_line(published):
    lines, marks = plant(published)
    d = imported(lines)
    found = audit(d)
    new = {(f.check, f.line) for f in found if f.check in NEW_CHECKS}
    at = {check: lines.index(text) + 1 for check, text in marks.items()}
    contents_line = next(i for i, t in enumerate(lines, 1) if t.strip().endswith(DELETED))   # the 目录's entry
    assert new == {(check, line) for check, line in at.items()} | {("contents", contents_line)}
    assert d.table("gov_fund") is None
