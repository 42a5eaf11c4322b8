"""Photographs of the content reach the pages in a few widths, as AVIF and WebP with a fallback, with their size."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from support.project import Run, soup
from vitrine.images import facts_of

pytestmark = pytest.mark.slow


def photograph(width: int, height: int) -> bytes:
    image = Image.new("RGB", (width, height), (11, 57, 84))
    image.paste((242, 165, 65), (width // 4, height // 4, width // 2, height // 2))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


@pytest.fixture
def photo_site(minimal_content: Path, vitrine: Callable[..., Run], tmp_path: Path) -> Path:
    """The minimal territory with its project illustrated by a photograph (2000 × 1125) instead of a drawing."""
    (minimal_content / "media" / "harbour.jpg").write_bytes(photograph(2000, 1125))
    media = minimal_content / "media.yml"
    media.write_text(media.read_text(encoding="utf-8").replace("media/marina.svg", "media/harbour.jpg"), "utf-8")
    result = vitrine("build", "--without-kit", "--content", minimal_content, "--out", tmp_path / "site")
    assert result.code == 0, result.output
    return tmp_path / "site"


def test_a_photograph_is_offered_in_three_widths_and_three_formats(photo_site: Path) -> None:
    page = soup(photo_site / "projects" / "marina" / "index.html")
    picture = page.select_one("figure.vitrine-image picture")
    assert picture is not None
    sources = picture.find_all("source")
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    image = picture.find("img")
    assert image is not None
    assert (image["width"], image["height"]) == ("2000", "1125")
    assert image.get("loading") is None and image["fetchpriority"] == "high"  # the page's first image: at once
    assert image["alt"] == "A drawing of boats in a small harbour."
    offered = {"image/avif": "AVIF", "image/webp": "WEBP", "image/jpeg": "JPEG"}
    for mime, srcset in [(s["type"], s["srcset"]) for s in sources] + [("image/jpeg", image["srcset"])]:
        assert sources[0]["sizes"] == image["sizes"]
        widths = []
        for candidate in str(srcset).split(", "):
            address, width = candidate.rsplit(" ", 1)
            file = (photo_site / "projects" / "marina" / address).resolve()
            with Image.open(file) as opened:
                assert opened.format == offered[str(mime)], (file, opened.format)
                assert opened.width == int(width.removesuffix("w"))
                assert abs(opened.height - opened.width * 1125 / 2000) <= 1
            widths.append(opened.width)
        assert widths == [480, 960, 1440]
    fallback = (photo_site / "projects" / "marina" / str(image["src"])).resolve()
    assert fallback.name.startswith("harbour-960-") and fallback.is_file()
    digest = facts_of((photo_site.parent / "content" / "media" / "harbour.jpg").read_bytes(), ".jpg").digest
    assert digest[:10] in fallback.name  # named by content: the host may keep it a year


def test_cards_below_the_fold_load_lazily(photo_site: Path) -> None:
    cards = soup(photo_site / "projects" / "index.html").select(".vitrine-card img")
    assert cards and all(card["loading"] == "lazy" and card["width"] == "2000" for card in cards)


def test_renditions_are_kept_a_year_by_the_host(photo_site: Path) -> None:
    headers = (photo_site / "_headers").read_text(encoding="utf-8")
    assert "/assets/generated/media/harbour-480-" in headers and "immutable" in headers
