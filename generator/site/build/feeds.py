"""sitemap.xml, robots.txt and the Atom feed of disclosures.

A sitemap needs absolute URLs, so it is written only when the site's
``base_url`` is known.  The feed is always written: with a base URL its
links are absolute, without one they are relative to the feed (which Atom
allows) and entry ids are ``tag:`` URIs that do not depend on the host.
Entries carry the budget year's first day as their date: the documents
state no publication date, and the build must not depend on the clock.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from generator.core import vocabulary as V
from generator.site.shared import urls
from generator.site.shared.config import SiteConfig
from generator.site.shared.formatting import wan
from generator.site.model.site import SiteModel


def robots(site: SiteConfig) -> bytes:
    text = "User-agent: *\nAllow: /\n"
    if site.base_url:
        text += f"Sitemap: {site.base_url}{urls.sitemap()}\n"
    return text.encode("utf-8")


def sitemap(site: SiteConfig, paths: list[str]) -> bytes:
    items = "".join(f"  <url><loc>{escape(urls.absolute(site.base_url, p))}</loc></url>\n" for p in sorted(paths))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + items + "</urlset>\n").encode("utf-8")


def atom(site: SiteConfig, model: SiteModel) -> bytes:
    def link(path: str) -> str:
        return urls.absolute(site.base_url, path) or path

    newest = max((v.year for v in model.disclosures), default=2000)
    entries = []
    for v in model.disclosures:                    # newest first
        tag = f"tag:budgetsite,{v.year}:{v.folder}"
        total = v.value(V.TOTAL_EXPENDITURE)
        summary = f"{v.department} {v.name}：支出总计 {wan(total)} 万元。" if total is not None else ""
        if v.value(V.THREE_PUBLIC) is not None:
            summary += f"“三公”经费 {wan(v.value(V.THREE_PUBLIC))} 万元。"
        entries.append(
            "  <entry>\n"
            f"    <title>{escape(v.department)} {escape(v.name)}</title>\n"
            f"    <id>{escape(urls.absolute(site.base_url, v.url) or tag)}</id>\n"
            f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(link(v.url))}/>\n"
            f"    <updated>{v.year}-01-01T00:00:00Z</updated>\n"
            f"    <summary>{escape(summary)}</summary>\n"
            "  </entry>\n")
    feed_id = urls.absolute(site.base_url, urls.feed()) or "tag:budgetsite,2020:feed"
    head = ('<?xml version="1.0" encoding="utf-8"?>\n'
            f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{escape(site.language)}">\n'
            f"  <title>{escape(site.title)}</title>\n"
            f"  <subtitle>{escape(site.description)}</subtitle>\n"
            f"  <id>{escape(feed_id)}</id>\n"
            f"  <link rel=\"self\" href={quoteattr(link(urls.feed()))}/>\n"
            f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(link(urls.home()))}/>\n"
            f"  <updated>{newest}-01-01T00:00:00Z</updated>\n"
            f"  <author><name>{escape(site.title)}</name></author>\n")
    return (head + "".join(entries) + "</feed>\n").encode("utf-8")
