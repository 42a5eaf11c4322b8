"""The site map is written from the pages' own heads: their address and versions; pages that ask not to be indexed
are left out, and addresses are escaped."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from vitrine.site.sitemap import page_entry, sitemap, write_sitemap

SITE = "https://invest.example/"


def head(address: str, versions: dict[str, str], robots: str = "") -> str:
    links = "".join(f'<link rel="alternate" hreflang="{lang}" href="{href}">' for lang, href in versions.items())
    meta = f'<meta name="robots" content="{robots}">' if robots else ""
    return f'<html><head>{meta}<link rel="canonical" href="{address}">{links}</head><body></body></html>'


def test_a_page_gives_its_address_and_versions() -> None:
    page = head(f"{SITE}ja/a/?x=1&amp;y=2", {"fr": f"{SITE}a/", "ja": f"{SITE}ja/a/"})
    assert page_entry(page) == (f"{SITE}ja/a/?x=1&y=2", [("fr", f"{SITE}a/"), ("ja", f"{SITE}ja/a/")])


def test_pages_not_to_index_and_pages_without_address_are_left_out() -> None:
    assert page_entry(head(f"{SITE}staff/", {}, robots="noindex, nofollow")) is None
    assert page_entry("<html><head><title>x</title></head></html>") is None


def test_the_map_parses_and_escapes() -> None:
    text = sitemap([(f"{SITE}a/?x=1&y=2", [("fr", f"{SITE}a/"), ("x-default", f"{SITE}a/")])])
    root = ElementTree.fromstring(text)
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    assert [loc.text for loc in root.findall("s:url/s:loc", namespace)] == [f"{SITE}a/?x=1&y=2"]
    assert [link.get("hreflang") for link in root.findall("s:url/x:link", namespace)] == ["fr", "x-default"]


def test_the_source_language_comes_first_then_each_language_in_order(tmp_path: Path) -> None:
    for folder in ("", "ja/", "de/", "go/deck/", "de/b/"):
        page = tmp_path / folder / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(head(f"{SITE}{folder}", {}))
    assert write_sitemap(tmp_path, ["de", "ja"]) == 4
    listed = ElementTree.fromstring((tmp_path / "sitemap.xml").read_text()).findall(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}url/{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
    )
    assert [loc.text for loc in listed] == [SITE, f"{SITE}de/", f"{SITE}de/b/", f"{SITE}ja/"]
