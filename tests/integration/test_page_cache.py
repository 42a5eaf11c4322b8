"""Pages are rendered again only when what they show has changed (site/page_cache.py): after one paragraph of a
sector is edited, the sector's page is rendered again in every language (a translation now says it is out of date)
and no other page that does not show that text; after each edit, the site is the same, byte for byte, as one built
without the cache."""

from __future__ import annotations

import json
from pathlib import Path

from support.project import BAHIA_CONTENT, copy_content, run_vitrine, tree_digest

EDITED = Path("sectors") / "energia-solar.es.md"
ADDED = " El puerto seco abrió una segunda terminal este año."


def _build(content: Path, out: Path, cache: str) -> None:
    run = run_vitrine(
        "build", "--without-kit", "--content", content, "--out", out, "--jobs", "2", env={"VITRINE_PAGE_CACHE": cache}
    )
    assert run.code == 0, run.output


def _records(cache: Path) -> dict[str, int]:
    """Each cached page's address (language folder first) and when its record was last written."""
    found = {}
    for record in cache.glob("*/*.json"):
        address = json.loads(record.read_text(encoding="utf-8"))["url"]
        found[f"{address} ({record.parent.name})"] = record.stat().st_mtime_ns
    return found


def test_only_the_pages_that_show_an_edited_paragraph_are_rendered_again(tmp_path: Path) -> None:
    content = copy_content(BAHIA_CONTENT, tmp_path / "content")
    cache = tmp_path / "pages"
    _build(content, tmp_path / "before", str(cache))
    before = _records(cache)
    assert len(before) > 60

    text = (content / EDITED).read_text(encoding="utf-8")
    (content / EDITED).write_text(text.rstrip("\n") + ADDED + "\n", encoding="utf-8")
    _build(content, tmp_path / "after", str(cache))
    after = _records(cache)
    assert after.keys() == before.keys()
    rendered = sorted(page for page in after if after[page] != before[page])

    sector_pages = [page for page in rendered if "sectors/energia-solar/" in page]
    assert len(sector_pages) == 4, rendered  # es, en, he, pt-PT
    # The staff's translation status lists the texts whose translations are now out of date.
    assert [page for page in rendered if page not in sector_pages and "staff/" not in page] == []
    assert ADDED.strip() in (tmp_path / "after" / "sectors" / "energia-solar" / "index.html").read_text("utf-8")

    # The same content without any cache: the same site.
    _build(content, tmp_path / "uncached", "")
    _assert_same_site(tmp_path / "uncached", tmp_path / "after")

    # A contact's role, which several pages show from their templates (sector pages, the contact page), not from
    # their Markdown nor their menus: each of them reads it, even when another page read it first.
    contacts = content / "contacts.es.yml"
    text = contacts.read_text(encoding="utf-8")
    contacts.write_text(text.replace("Acompaña los proyectos", "Acompaña desde 2020 los proyectos", 1), "utf-8")
    _build(content, tmp_path / "role", str(cache))
    _build(content, tmp_path / "role-uncached", "")
    _assert_same_site(tmp_path / "role-uncached", tmp_path / "role")


def _assert_same_site(fresh_folder: Path, reused_folder: Path) -> None:
    fresh, reused = tree_digest(fresh_folder), tree_digest(reused_folder)
    assert fresh.keys() == reused.keys()
    assert [name for name in fresh if fresh[name] != reused[name]] == []
