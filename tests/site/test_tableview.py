"""The table markup's own escaping is markupsafe's, character for character."""

import random

from markupsafe import escape as markupsafe_escape

from generator.site.pages.tableview import escape


def test_escape_is_markupsafes():
    rng = random.Random(7)
    pieces = ["&", "<", ">", '"', "'", "&amp;", "一般公共服务", "a", " ", "\n", "<script>", "&#39;", "；", "\u3000"]
    texts = ["", "行政运行"] + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(2000)]
    for text in texts:
        assert escape(text) == str(markupsafe_escape(text)), text
        assert type(escape(text)) is str


def test_markup_in_a_label_is_kept_exactly_and_shown_as_text():
    """A label, a column header, a text cell or a title that holds markup is the text as printed, escaped: the
    page shows it, and nothing of it is live or left out."""
    from generator.core.model import Cell, Table, TableColumn, TableRow
    from generator.site.pages.tableview import table_html, view

    hostile = ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '"><b>&amp;\'', '=1+1 & <i>']
    columns = [TableColumn("note", hostile[2], "text"), TableColumn("total", f"{hostile[1]} / 合计", "money")]
    rows = [TableRow(i + 1, 10 + i, label, code="2010301", text={"note": label}, cells=[Cell("total", "1,000", 1000)])
            for i, label in enumerate(hostile)]
    table = Table("expenditure", "expenditure", hostile[0], "a#b.txt", (10, 13), "元", 0, columns, rows)
    shown = view(table)
    assert [r.headers[-1] for r in shown.rows] == hostile                 # kept exactly
    made = str(table_html(shown, "../open-data/sources/a%23b.txt.html"))
    for label in hostile:
        assert f'<th scope="row">{escape(label)}</th>' in made
        assert f'<td class="t">{escape(label)}</td>' in made
    assert f"<caption id=\"expenditure-caption\">{escape(hostile[0])}" in made
    assert f">{escape(hostile[1])}</th>" in made
    assert "<script" not in made and "<img" not in made and "<b>" not in made and "<i>" not in made
