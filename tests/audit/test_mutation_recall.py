"""The recall harness (``audit.mutation``, ``audit.recall``) on two published documents the repository holds.

Each document is read once for the module (``store.layout_cache``); every mutation is then normalised and
audited from the layout, as ``scripts/mutation_recall.py`` does over the corpus.  These tests hold the
harness to what it claims — a planted error where the document can show it is found at its line, a site the
document cannot show is said to be one, the original layout is never touched — not to a figure of recall.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.audit import recall
from generator.audit.mutation import (COMPARISON_WORD, MUTATION_KINDS, NARRATIVE_FIGURE, TABLE_FIGURE, TOC_TABLE,
                                      _key, apply, table_of_contents, toc_entry_of)
from generator.audit.redundancy import narrative_figures
from generator.core.money import is_figure, parse_decimal
from generator.read.layout import Document, Layout, RawTable, TextLine
from generator.store.layout_cache import LAYOUT
from tests import documents
from tests.conftest import ROOT

SAMPLES = ROOT / "tests" / "samples"
BUDGET = "sh-yingjiju-zhifazongdui-2026-unit-budget.pdf"          # 上海 单位预算, in 元
FINAL = "sh-putuo-shehuigongzuobu-2024-final.pdf"                  # 普陀 部门决算: 决算数小于预算数 sentences


@pytest.fixture(scope="module")
def layouts():
    return {name: documents.layout(name) for name in (BUDGET, FINAL)}


@pytest.fixture(scope="module")
def budget(layouts):
    return recall.baseline([layouts[BUDGET]])


@pytest.fixture(scope="module")
def planned(budget):
    return recall.plan(budget)


def at(mutations, kind, line):
    return [m for m in mutations if m.kind == kind and line in m.lines]


def test_a_figure_summed_in_its_column_is_named_at_its_line(budget, planned):
    # 支出预算总表, line 105: 208 05 05 机关事业单位基本养老保险缴费支出 810,000 (合计 and 基本支出), a child of
    # 208 05 (line 104) whose 合计 is the sum of its two children
    planted = [m for m in at(planned, TABLE_FIGURE, 105)]
    assert len(planted) == 2                                     # its 合计 and its 基本支出
    m = planted[0]
    assert m.what.startswith("810,000 → ") and m.detectable and "column sum" in m.why
    assert (BUDGET, 104) in m.related                            # the parent row the figure is summed in
    outcome = recall.run(budget, [m])[0]
    assert not outcome.refused
    assert outcome.named, "the audit should name a changed figure of a coded column"
    assert {f.check for f in outcome.named} & {"subtotal", "column-sum"}
    assert all((f.document, f.line) in m.places for f in outcome.named)


def test_a_figure_printed_nowhere_else_is_not_detectable(budget, planned, layouts):
    # line 46: 比2025年预算增加254万元 — a change no table prints and no sum of the sentence holds
    m = next(m for m in at(planned, NARRATIVE_FIGURE, 46) if m.what.startswith("254 → "))
    assert not m.detectable and m.why == "in no sum, printed nowhere else"
    tables = {parse_decimal(c) for r in layouts[BUDGET].tables for row in r.rows for c in row.cells if is_figure(c)}
    assert Decimal(2540000) not in tables                        # told from the tables as printed, not the harness
    # and the total it follows (1,731 万元) is printed in the tables: detectable
    total = next(m for m in at(planned, NARRATIVE_FIGURE, 46) if m.what.startswith("1,731 → "))
    assert total.detectable and "repeated" in total.why


def test_apply_changes_only_the_mutated_lines(budget, layouts, planned):
    original = layouts[BUDGET]
    before = list(original.document.lines)
    as_read = LAYOUT.dumps(original)
    for m in planned[::25]:
        changed = apply(original, m)
        differ = {n for n, (a, b) in enumerate(zip(before, changed.document.lines), 1) if a != b}
        assert differ and differ <= set(m.lines), m
        assert len(changed.document.lines) == len(before)      # a removed line is blanked, never dropped
    assert list(original.document.lines) == before
    removed = at(planned, TOC_TABLE, 98)[0]                      # the 支出预算总表, named by the contents' line 12
    assert removed.detectable and (BUDGET, 12) in removed.related
    assert not any(t.start == 100 for t in apply(original, removed).tables)
    recall.run(budget, planned[::25] + [removed])
    assert LAYOUT.dumps(original) == as_read                    # neither the mutations nor the import touch it


def test_comparison_words_are_detectable_only_where_the_sentence_fixes_them(layouts):
    base = recall.baseline([layouts[FINAL]])
    words = [m for m in recall.plan(base, kinds=(COMPARISON_WORD,)) if m.what.startswith(("小于", "大于"))]
    by_line = {m.lines[0]: m for m in words}
    # 全年预算为 52.00 万元，支出决算为 51.32 万元 … 决算数小于全年预算数: the two figures compared are stated
    assert by_line[283].detectable
    # 年初预算为 0 万元，全年预算为321.02 万元，支出决算为 307.82 万元 … 决算数小于预算数: which 预算 is meant is not
    # said, and the two readings disagree
    assert not by_line[282].detectable


def test_the_tally_counts_each_mutation_once(budget):
    outcomes = recall.run(budget, recall.plan(budget, seed=1, per_doc=2))
    tallies = recall.tally(outcomes)
    assert set(tallies) == {*MUTATION_KINDS, "all"}
    assert tallies["all"].tried == len(outcomes) == sum(tallies[k].tried for k in MUTATION_KINDS)
    for t in tallies.values():
        assert t.named <= t.detectable <= t.tried and t.noisy <= t.tried
    assert tallies[TABLE_FIGURE].tried == 2


# --- the table of contents as the harness reads it, to say whether a removed table is named --------------------

def _toc_layout(*lines: str, tables: list[RawTable] = ()) -> Layout:
    return Layout(Document("js.pdf", "0" * 64, tuple(lines)), [TextLine(n, t) for n, t in enumerate(lines, 1)],
                  list(tables))


def test_the_contents_heading_may_end_the_cover_title():
    layout = _toc_layout("2017 年度江苏省高级人民法院部门预算公开目 录", "第一部分 部门概况", "一、收支预算总表",
                         "第一部分 部门概况", "正文。")
    assert [t.line for t in table_of_contents(layout)] == [2, 3]


def test_an_entry_broken_over_two_lines_names_its_table():
    toc = [TextLine(20, "十一、一般公共预算“三公”经费、会议费、培训费支"), TextLine(22, "出预算表"),
           TextLine(23, "十二、政府采购支出预算表")]
    raws = [RawTable(270, 274, [], "“三公”经费、会议费、培训费支出预算表"), RawTable(276, 306, [], "2017 年政府采购预算表")]
    assert toc_entry_of(raws, toc, 2017, "江苏省人大常委会办公厅") == {270: [20], 276: [23]}


def test_a_title_in_the_departments_words_is_keyed_as_its_entry():
    # “江苏省高级人民法院部门政府采购预算表”: the department's (部门) tables; a running head after the title
    assert _key("十二、2017年江苏省高级人民法院部门政府采购预算表", 2017, "江苏省高级人民法院") == "政府采购预算表"
    assert _key("2026年预算单位收入预算总表编制单位：上海市数据局", 2026, "上海市数据局") == "预算单位收入预算总表"


def test_entries_run_on_one_line_between_dot_leaders_name_their_tables():
    toc = [TextLine(4, "第二部分 2026 年度部门预算表 ............... 6一、收支预算总表............................. 7"
                       "二、收入预算总表............................. 8")]
    raws = [RawTable(42, 72, [], "2026 年度收支预算总表"), RawTable(77, 90, [], "2026 年度收入预算总表")]
    assert toc_entry_of(raws, toc, 2026, "泉州市公安局") == {42: [4], 77: [4]}


def test_a_narrative_figure_is_printed_again_in_a_table_only_where_it_is_an_amount_of_the_year():
    """A change from last year, a threshold or the money of some projects is no figure a table prints, whatever its
    value: a table figure that happens to equal it does not make a mistyped one detectable."""
    texts = ["财政拨款收入2,114万元，比2025年预算增加19万元；事业收入30万元。",
             "单位预算安排购置单价100万元（含）以上设备0台（套）。",
             "本单位编报绩效目标的项目共5个，涉及项目预算资金660.25万元。",
             "2026 年项目支出均实行了绩效目标管理，涉及一般公共预算财政拨款 94823.35 万元。",
             "政府采购预算总额 9 4 7 万元：政府采购服务预算900万元。"]
    layout = Layout(Document("a.pdf", "", tuple(texts)), [TextLine(n, t) for n, t in enumerate(texts, 1)], [])
    found = {(f.line, f.printed): f.amount for f in narrative_figures(layout)}
    assert found == {(1, "2,114"): True, (1, "19"): False, (1, "30"): True, (2, "100"): False,
                     (3, "660.25"): False, (4, "94823.35"): True, (5, "900"): True}    # 9 4 7: no figure of 7 万元
