"""Every page carries what a shared link shows: Open Graph and Twitter tags at absolute addresses, and its own
1200 × 630 card in the site."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from support.project import REFERENCE_CONTENT, soup
from vitrine.pipeline import prepare

pytestmark = pytest.mark.slow

PAGES = [("", "fr_FR"), ("ja/", "ja_JP"), ("ar/", "ar_EG")]


def meta(page: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in soup(page).find_all("meta"):
        key = tag.get("property") or tag.get("name")
        if key and str(key).startswith(("og:", "twitter:")):
            found[str(key)] = str(tag["content"])
    return found


@pytest.mark.parametrize(("prefix", "locale"), PAGES)
@pytest.mark.parametrize("address", ["", "sectors/health/", "figures/"])
def test_each_page_has_its_own_card_and_tags(reference_site: Path, prefix: str, locale: str, address: str) -> None:
    page = reference_site / prefix / address / "index.html"
    tags = meta(page)
    site_url = str(prepare(REFERENCE_CONTENT).territory.data.site_url)
    title = soup(page).title
    assert title is not None
    assert tags["og:title"] == tags["twitter:title"] and tags["og:title"] in title.get_text()
    assert tags["og:url"] == f"{site_url}{prefix}{address}"
    assert tags["og:locale"] == locale
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["og:image"] == tags["twitter:image"] and tags["og:image"].startswith(site_url)
    card = reference_site / tags["og:image"].removeprefix(site_url)
    assert card.relative_to(reference_site).as_posix() == f"assets/generated/cards/{prefix}{address}index.png"
    with Image.open(card) as opened:
        assert opened.format == "PNG" and opened.size == (1200, 630)
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")


def test_cards_differ_by_page_and_language(reference_site: Path) -> None:
    cards = {
        (prefix, address): (reference_site / "assets/generated/cards" / prefix / address / "index.png").read_bytes()
        for prefix, _ in PAGES
        for address in ("", "sectors/health")
    }
    assert len(set(cards.values())) == len(cards)
