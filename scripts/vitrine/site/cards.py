"""Each page's social card (the picture a link shows when shared), made once per title and kept in a cache, then
copied beside the page's language in the site. The drawing itself is ``social_cards.py``."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import asdict
from pathlib import Path

from vitrine.site.social_cards import CardStyle, CardText, render_card
from vitrine.urls import card_address
from vitrine.whole_files import write_whole

# Part of every cached card's name: change it when the drawing changes.
CARD_VERSION = "cards-2"


def cached_card(text: CardText, style: CardStyle, cache: Path) -> Path:
    """The card's file in ``cache``, drawn if no build has drawn it yet."""
    key = hashlib.sha256(f"{CARD_VERSION}|{sorted(asdict(text).items())}|{asdict(style)}".encode()).hexdigest()
    cached = cache / f"{key[:32]}.png"
    if not cached.is_file():
        write_whole(cached, render_card(text, style))
    return cached


def publish_card(text: CardText, style: CardStyle, cache: Path, site_dir: Path, page_url: str) -> str:
    """Copy the page's card into ``site_dir`` (its language's root); return its address below that root."""
    address = card_address(page_url)
    target = site_dir / address
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached_card(text, style, cache), target)
    return address
