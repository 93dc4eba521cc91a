"""Links between the site's pages."""

import posixpath
import random

from generator.site.shared.urls import relative


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


def test_links_to_a_source_name_its_file_whatever_the_name():
    from urllib.parse import unquote, urlsplit

    from generator.site.shared.urls import source_document, source_document_file, source_text

    for name in ("a#b?c%d 预算.pdf", "000_0794aadfb6c0e8a0.txt", "x y.txt", "100%.pdf", "a&b<c>\"d'.txt"):
        page = "departments/zz/a/2020-budget/index.html"
        for link, file, anchor in ((source_text(name), f"open-data/sources/{name}", ""),
                                   (source_document(name), source_document_file(name), ""),
                                   (source_document(name, 12), source_document_file(name), "L12")):
            href = relative(page, link)
            parts = urlsplit(href)
            assert parts.fragment == anchor and not parts.query and not parts.scheme and not parts.netloc, href
            assert unquote(parts.path) == "../../../../" + file
            assert not set(parts.path) & set(" #?\"'<>&"), href
    assert source_document("000_0794aadfb6c0e8a0.txt", 272) == "open-data/sources/000_0794aadfb6c0e8a0.txt.html#L272"
    assert source_document("a#b?c%d 预算.pdf") == "open-data/sources/a%23b%3Fc%25d%20%E9%A2%84%E7%AE%97.pdf.html"
    assert source_document_file("a#b?c%d 预算.pdf") == "open-data/sources/a#b?c%d 预算.pdf.html"


def test_canonical_addresses_are_percent_encoded():
    from generator.site.shared.urls import absolute

    assert absolute("https://example.org/b/", "departments/zz/a/index.html") == "https://example.org/b/departments/zz/a/"
    assert absolute("https://example.org/b/", "open-data/sources/a#b 预算.txt.html") == (
        "https://example.org/b/open-data/sources/a%23b%20%E9%A2%84%E7%AE%97.txt.html")
    assert absolute("", "index.html") == ""
