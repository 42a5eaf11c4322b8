"""The content's images as the site publishes them: widths, formats, addresses, and what is refused."""

from __future__ import annotations

import io
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PIL import Image

from vitrine.images import (
    MAX_PIXELS,
    ImageError,
    encode,
    facts_of,
    minify_svg,
    picture_of,
    published_files,
    widths_for,
)


def photo(width: int, height: int, fmt: str = "JPEG", mode: str = "RGB", orientation: int | None = None) -> bytes:
    image = Image.new(mode, (width, height))
    for x in range(0, width, max(1, width // 16)):  # some detail, so that encoders have work to do
        image.paste((x % 255, 80, 160) + ((128,) if mode == "RGBA" else ()), (x, 0, x + 4, height))
    out = io.BytesIO()
    if orientation is not None:
        exif = Image.Exif()
        exif[0x0112] = orientation
        image.save(out, fmt, exif=exif)
    else:
        image.save(out, fmt)
    return out.getvalue()


def test_an_image_is_never_enlarged() -> None:
    assert widths_for(2000) == [480, 960, 1440]
    assert widths_for(1000) == [480, 960, 1000]
    assert widths_for(300) == [300]


def test_a_photograph_is_offered_as_avif_and_webp_with_a_jpeg_fallback() -> None:
    facts = facts_of(photo(1600, 900), ".jpg")
    assert (facts.width, facts.height, facts.format, facts.has_alpha) == (1600, 900, "jpeg", False)
    picture = picture_of("media/harbour.jpg", facts)
    assert [source.mime for source in picture.sources] == ["image/avif", "image/webp"]
    assert picture.fallback is not None and picture.fallback.mime == "image/jpeg"
    assert [r.width for r in picture.sources[0].renditions] == [480, 960, 1440]
    assert picture.src == f"assets/generated/media/harbour-960-{facts.digest[:10]}.jpg"
    assert picture.sources[1].srcset.startswith(f"assets/generated/media/harbour-480-{facts.digest[:10]}.webp 480w, ")
    assert (picture.width, picture.height) == (1600, 900)


def test_a_transparent_image_falls_back_to_png() -> None:
    facts = facts_of(photo(800, 400, "PNG", "RGBA"), ".png")
    picture = picture_of("media/logo-partner.png", facts)
    assert picture.fallback is not None and picture.fallback.mime == "image/png"
    assert picture.src.endswith(".png")


@pytest.mark.parametrize("fmt", ["avif", "webp", "jpeg", "png"])
def test_each_rendition_is_made_in_its_format_and_width(fmt: str) -> None:
    made = encode(photo(1200, 600), 480, fmt)
    with Image.open(io.BytesIO(made)) as opened:
        assert (opened.format or "").lower() == fmt
        assert opened.size == (480, 240)
        assert "exif" not in opened.info
    assert encode(photo(1200, 600), 480, fmt) == made  # the same bytes every build


def test_a_camera_photograph_is_turned_upright() -> None:
    data = photo(1200, 600, orientation=6)  # taken with the camera turned: shown as 600 wide, 1200 high
    facts = facts_of(data, ".jpg")
    assert (facts.width, facts.height) == (600, 1200)
    with Image.open(io.BytesIO(encode(data, 480, "webp"))) as opened:
        assert opened.size == (480, 960)


def test_renditions_are_made_once_and_kept_by_content(tmp_path: Path) -> None:
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "port.jpg").write_bytes(photo(1000, 500))
    cache = tmp_path / "cache"
    first = published_files(tmp_path, "media/port.jpg", cache)
    assert len(first) == 9 and len(list(cache.iterdir())) == 9  # 3 widths × AVIF, WebP, JPEG
    kept = next(cache.iterdir())
    kept.write_bytes(b"planted")
    again = published_files(tmp_path, "media/port.jpg", cache)
    assert b"planted" in again.values()  # taken from the cache, not made again


def test_a_huge_image_is_refused_with_what_to_do() -> None:
    out = io.BytesIO()
    Image.new("1", (8000, MAX_PIXELS // 8000 + 10)).save(out, "PNG")
    with pytest.raises(ImageError, match=r"too large.*resize it"):
        facts_of(out.getvalue(), ".png")


@pytest.mark.parametrize("data", [b"not an image at all", b"\x89PNG\r\n\x1a\n broken"])
def test_a_file_that_is_not_an_image_is_refused(data: bytes) -> None:
    with pytest.raises(ImageError, match="cannot be read as an image"):
        facts_of(data, ".jpg")


def test_a_gif_is_refused_with_the_formats_to_use() -> None:
    out = io.BytesIO()
    Image.new("P", (10, 10)).save(out, "GIF")
    with pytest.raises(ImageError, match="save it as JPEG or PNG"):
        facts_of(out.getvalue(), ".gif")


def test_a_drawing_is_minified_and_still_the_same_drawing() -> None:
    drawing = b"""<?xml version="1.0" encoding="UTF-8"?>
<!-- drawn by hand -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 300">
  <metadata>editor data</metadata>
  <rect x="0" y="0" width="600" height="300" fill="#0b3954"/>
  <circle cx="300" cy="150" r="80" fill="#f2a541"/>
</svg>
"""
    small = minify_svg(drawing)
    assert len(small) < len(drawing) - 60
    assert b"drawn by hand" not in small and b"metadata" not in small and b">\n" not in small
    tree = ElementTree.fromstring(small)
    assert [element.tag.split("}")[1] for element in tree] == ["rect", "circle"]
    facts = facts_of(drawing, ".svg")
    assert (facts.width, facts.height, facts.is_vector) == (600, 300, True)
    assert picture_of("media/port.svg", facts).sources == ()


def test_text_in_a_drawing_keeps_its_spaces() -> None:
    drawing = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50">'
        b'<text x="0" y="20">A <tspan>B</tspan></text></svg>'
    )
    assert b"A <tspan>" in minify_svg(drawing)
    assert facts_of(drawing, ".svg").width == 200
