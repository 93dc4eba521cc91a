"""The table markup's own escaping is markupsafe's, character for character."""

import random

from markupsafe import escape as markupsafe_escape

from generator.site.tableview import escape


def test_escape_is_markupsafes():
    rng = random.Random(7)
    pieces = ["&", "<", ">", '"', "'", "&amp;", "一般公共服务", "a", " ", "\n", "<script>", "&#39;", "；", "\u3000"]
    texts = ["", "行政运行"] + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(2000)]
    for text in texts:
        assert escape(text) == str(markupsafe_escape(text)), text
        assert type(escape(text)) is str
