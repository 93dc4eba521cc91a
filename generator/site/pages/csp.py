"""The Content Security Policy every page carries in a ``<meta http-equiv>`` at the top of its ``<head>``.

A static host (GitHub Pages, a folder on disk) cannot be relied on to send headers, so the policy travels
with the page.  It is strict: scripts and stylesheets come only from the site's own files, nothing is
inline but what is named here by its hash, and nothing is fetched from another site.  Each directive:

- ``default-src 'none'``: whatever is not named below (frames, workers, fonts, media, manifests) is refused;
  the site uses none of them.
- ``script-src 'self' 'wasm-unsafe-eval'``: ``site.js``, plotly and Pagefind's ``pagefind.js``, all from the
  site's files; Pagefind compiles its WebAssembly, which needs ``'wasm-unsafe-eval'`` (not ``'unsafe-eval'``:
  no string is run as JavaScript).  No inline script, no event handler attribute, no ``javascript:`` link.
- ``style-src 'self'`` and two hashes: ``site.css``; plotly, when a reader asks for an interactive chart, adds
  an empty ``<style>`` element and writes its rules into it through the CSSOM (which a policy does not
  govern), so the hash of the empty text lets that element apply and no other inline style; and on loading,
  plotly writes maplibre's stylesheet (for map charts, which the site does not draw) into a ``<style>`` of
  its own, allowed by its hash so that loading plotly reports no violation.  The 404 page, which carries
  its stylesheet inline since it is served at any address, adds that stylesheet's hash.
- ``img-src 'self' data:``: the favicon, and the 404 page's favicon written into the page as a ``data:`` URL.
- ``connect-src 'self'``: Pagefind's fetches of its index and WebAssembly.
- ``base-uri 'none'``: no ``<base>`` may change where the page's relative links lead.
- ``object-src 'none'``: no plugins.
- ``form-action 'self'``: the search forms lead to the site's own search page.

``'self'`` covers the site's files over HTTP(S) and, in Chromium, when the site is opened from disk
(``file://``).  ``frame-ancestors`` cannot be set by a ``<meta>``: a host that sends headers may add it.
"""

from __future__ import annotations

import base64
import hashlib


def style_hash(text: str) -> str:
    """The source expression that allows one inline ``<style>`` element whose text is ``text``, as the
    browser reads it (an HTML parser turns CR LF and CR into LF)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


PLOTLY_STYLES = (
    style_hash(""),                                              # plotly's own rules, written through the CSSOM
    "'sha256-ji27qzEtxXZW+7dun6UwjHXJ18e6WAin1VvNtkzIE/o='",     # maplibre's stylesheet in plotly.js 4.1.1
)

DIRECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", ("'none'",)),
    ("script-src", ("'self'", "'wasm-unsafe-eval'")),
    ("style-src", ("'self'", *PLOTLY_STYLES)),
    ("img-src", ("'self'", "data:")),
    ("connect-src", ("'self'",)),
    ("base-uri", ("'none'",)),
    ("object-src", ("'none'",)),
    ("form-action", ("'self'",)),
)


def policy(*inline_styles: str) -> str:
    """The policy of a page; ``inline_styles``: the text of each ``<style>`` element the page carries."""
    parts = []
    for name, sources in DIRECTIVES:
        if name == "style-src":
            sources = (*sources, *(style_hash(s) for s in inline_styles))
        parts.append(" ".join((name, *sources)))
    text = "; ".join(parts)
    assert not set(text) & set('"<>&'), text          # written into an attribute as it is
    return text
