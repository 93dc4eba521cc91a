"""Links between the site's pages."""

import posixpath
import random

from generator.site.urls import relative


def test_relative_links_are_what_relpath_gives():
    rng = random.Random(7)
    names = ["departments", "zhengzhou", "a", "b", "index.html", "x.csv", ".", "..", ""]
    for _ in range(5000):
        to = "/".join(rng.choice(names) for _ in range(rng.randint(1, 5)))
        page = "/".join(rng.choice(names) for _ in range(rng.randint(1, 5)))
        if not to.strip("/."):
            continue
        expected = posixpath.relpath(to, posixpath.dirname(page) or ".")
        assert relative(page, to) == expected, (page, to)


def test_relative_links_keep_their_anchor():
    assert relative("departments/zz/a/2020-budget/index.html", "open-data/sources/x.pdf.html#L12") == (
        "../../../../open-data/sources/x.pdf.html#L12")
    assert relative("departments/zz/a/index.html", "departments/zz/a/2020-budget/index.html") == (
        "2020-budget/index.html")
    assert relative("index.html", "index.html") == "index.html"
