"""The site map (sitemap.xml) of every language, written from the built pages once all of them exist.

mkdocs-static-i18n writes one at the end of each language's build, holding the languages built so far: with the
languages built side by side (parallel.py), no single build sees them all. Each page already names its address
(``rel=canonical``) and its versions (``rel=alternate``, absolute, with x-default) in its head: the map repeats
them. Pages that ask not to be indexed (``noindex``) and the 404 pages are left out. No date is written: the build
date would change every day without the page changing, and two builds of the same content give the same bytes.
"""

from __future__ import annotations

import re
from html import escape, unescape
from pathlib import Path

from vitrine.urls import GO_FOLDER

SITEMAP = "sitemap.xml"
HEAD_END = re.compile(r"</head>", re.I)
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"')
NOINDEX = re.compile(r'<meta name="robots" content="[^"]*noindex', re.I)


def page_entry(html: str) -> tuple[str, list[tuple[str, str]]] | None:
    """The page's address and its versions (language, address), from its head; None when it is not to be listed."""
    head = HEAD_END.split(html, maxsplit=1)[0]
    canonical = CANONICAL.search(head)
    if canonical is None or NOINDEX.search(head):
        return None
    return unescape(canonical.group(1)), [(unescape(lang), unescape(href)) for lang, href in ALTERNATE.findall(head)]


def sitemap(entries: list[tuple[str, list[tuple[str, str]]]]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for address, versions in entries:
        lines += ["  <url>", f"    <loc>{escape(address)}</loc>"]
        lines += [
            f'    <xhtml:link rel="alternate" hreflang="{escape(lang)}" href="{escape(href)}"/>'
            for lang, href in versions
        ]
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write_sitemap(site: Path, language_folders: list[str]) -> int:
    """Write site/sitemap.xml: the source language's pages, then each language's in the order given; how many."""
    pages = sorted(site.rglob("index.html"))
    top = {page: page.relative_to(site).parts[0] if len(page.relative_to(site).parts) > 1 else "" for page in pages}
    order = {folder: rank for rank, folder in enumerate(language_folders)}
    entries = []
    for page in sorted(pages, key=lambda p: (order.get(top[p], -1), p.parent.relative_to(site).as_posix())):
        if top[page] == GO_FOLDER:
            continue
        entry = page_entry(page.read_text(encoding="utf-8"))
        if entry is not None:
            entries.append(entry)
    (site / SITEMAP).write_text(sitemap(entries), encoding="utf-8")
    return len(entries)
