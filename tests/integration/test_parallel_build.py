"""The site's languages are built side by side, one process per core: the result is the same, byte for byte, as
building them one after the other, and the site map lists every page of every language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

from support.project import BAHIA_CONTENT, Run, soup, tree_digest

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_side_by_side_gives_the_same_site(vitrine: Callable[..., Run], tmp_path: Path) -> None:
    trees = {}
    for jobs in ("1", "3"):
        out = tmp_path / f"site-{jobs}"
        run = vitrine("build", "--without-kit", "--content", BAHIA_CONTENT, "--out", out, "--jobs", jobs)
        assert run.code == 0, run.output
        trees[jobs] = tree_digest(out)
    assert len(trees["1"]) > 100
    assert trees["1"].keys() == trees["3"].keys()
    assert [name for name in trees["1"] if trees["1"][name] != trees["3"][name]] == []

    site = tmp_path / "site-3"
    listed = [loc.text for loc in ElementTree.parse(site / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")]
    pages = [
        page
        for page in site.rglob("index.html")
        if page.relative_to(site).parts[0] != "go" and 'content="noindex' not in page.read_text(encoding="utf-8")
    ]
    assert len(listed) == len(set(listed)) == len(pages)
    for page in pages:
        canonical = soup(page).select_one('link[rel="canonical"]')
        assert canonical is not None and canonical["href"] in listed, page
