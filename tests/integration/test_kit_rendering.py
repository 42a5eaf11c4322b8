"""The Arabic, Japanese and German decks rendered to images with pdftoppm, checked the way a person looks at them:
nothing runs off a slide, the Arabic layout is right to left. The images stay in test-output/kit/ to be seen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from support.pdf_checks import MM, render_pages, words_by_page
from support.project import PROJECT, REFERENCE_CONTENT
from vitrine.kit.plan import deck_contents, deck_slides
from vitrine.pipeline import prepare

OUTPUT = PROJECT / "test-output" / "kit"
RESOLUTION = 50  # dots per inch: about 2 pixels per millimetre
EDGE = 4 * MM  # nothing but the background may reach this close to the edge of a slide
SIDE_MARGIN = 16 * MM  # the slides' left and right margins (kit.css, @page deck)

pytestmark = pytest.mark.slow  # the reference build: 7 languages, 119 PDFs


def framed_slides() -> list[int]:
    """The numbers of the standard deck's slides that keep a white frame: not the cover, not the project slides
    (their picture runs to the edge)."""
    model = prepare(REFERENCE_CONTENT)
    kinds = [kind for kind, _shown in deck_slides(model, deck_contents(model, None))]
    return [number for number, kind in enumerate(kinds, start=1) if kind not in ("cover", "projects")]


def ink_box(image: Image.Image, top: int, bottom: int) -> tuple[int, int] | None:
    """The horizontal extent of what is drawn between two rows, against the page's white background."""
    band = image.crop((0, top, image.width, bottom)).convert("L")
    background = Image.new("L", band.size, 255)
    box = ImageChops.difference(band, background).point(lambda value: 255 if value > 60 else 0).getbbox()
    return None if box is None else (box[0], box[2])


@pytest.mark.parametrize("language", ["ar", "ja", "de"])
def test_no_text_runs_off_a_slide(reference_site: Path, language: str, summary: Callable[[str], None]) -> None:
    deck = reference_site / "kit" / language / "deck.pdf"
    images = render_pages(deck, OUTPUT / language, RESOLUTION)
    summary(f"Rendered pages of the {language} deck, to look at: {OUTPUT / language}")
    pages = words_by_page(deck)
    assert len(images) == len(pages)
    for number, page in enumerate(pages, start=1):
        assert page.words, f"slide {number} is empty"
        for word in page.words:
            inside = (
                word.x_min >= EDGE
                and word.x_max <= page.width - EDGE
                and word.y_min >= EDGE
                and word.y_max <= page.height - EDGE
            )
            assert inside, f"slide {number}: “{word.text}” runs off the slide ({word})"
    framed = framed_slides()
    assert len(framed) >= len(images) // 2
    for number in framed:
        with Image.open(images[number - 1]) as image:
            edge = round(EDGE / 72 * RESOLUTION)
            rgb = image.convert("RGB")
            for strip in (
                (0, 0, edge, rgb.height),
                (rgb.width - edge, 0, rgb.width, rgb.height),
                (0, rgb.height - edge, rgb.width, rgb.height),
            ):
                darkest, _ = rgb.crop(strip).convert("L").getextrema()
                assert isinstance(darkest, (int, float)) and darkest > 200, (
                    f"slide {number} of {images[number - 1].name}: something is drawn at its edge"
                )


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("ja", "ltr"), ("de", "ltr")])
def test_slide_titles_start_on_the_side_the_language_reads_from(
    reference_site: Path, language: str, direction: str
) -> None:
    deck = reference_site / "kit" / language / "deck.pdf"
    images = render_pages(deck, OUTPUT / language, RESOLUTION)
    margin = round(SIDE_MARGIN / 72 * RESOLUTION)
    tolerance = round(3 * MM / 72 * RESOLUTION)
    for path in [images[number - 1] for number in framed_slides()]:
        with Image.open(path) as image:
            # The slide title sits in the top band, from 10 to 24 mm.
            top, bottom = (round(mm * MM / 72 * RESOLUTION) for mm in (10, 24))
            extent = ink_box(image.convert("RGB"), top, bottom)
            assert extent is not None, f"{path.name}: no title"
            start, end = extent
            if direction == "rtl":
                assert abs(end - (image.width - margin)) <= tolerance, f"{path.name}: title not aligned right"
                assert start >= margin - tolerance, f"{path.name}: title runs into the left margin"
            else:
                assert abs(start - margin) <= tolerance, f"{path.name}: title not aligned left"


def test_the_arabic_cover_mirrors_the_latin_one(reference_site: Path) -> None:
    """On the cover the territory's name starts on the right in Arabic and on the left in German."""
    extents = {}
    for language in ("ar", "de"):
        with Image.open(
            render_pages(reference_site / "kit" / language / "deck.pdf", OUTPUT / language, 50, 1, 1)[0]
        ) as image:
            rgb = image.convert("RGB")
            # White text on the brand colour: measure against the cover's own background.
            band = rgb.crop((0, round(18 * MM / 72 * 50), rgb.width, round(34 * MM / 72 * 50)))
            background = Image.new("RGB", band.size, rgb.getpixel((2, 2)))
            box = ImageChops.difference(band, background).convert("L").point(lambda v: 255 if v > 80 else 0).getbbox()
            assert box is not None
            extents[language] = (box[0] / rgb.width, box[2] / rgb.width)
    assert extents["ar"][1] > 0.85 and extents["ar"][0] > 0.3, extents
    assert extents["de"][0] < 0.15 and extents["de"][1] < 0.8, extents
