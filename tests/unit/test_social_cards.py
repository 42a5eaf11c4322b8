"""Social cards: 1200 × 630, the same bytes every build, titles in their own script inside the card."""

from __future__ import annotations

import io

from fontTools.ttLib import TTFont
from PIL import Image, ImageChops, ImageDraw, ImageFont

from vitrine.site.social_cards import MARGIN, CardStyle, CardText, font_file, render_card, wrap

STYLE = CardStyle(background="#000000", accent="#000000", text="#ffffff")  # only the texts' ink shows
ARABIC = CardText("الصحة وعلوم الحياة", "إيكس مرسيليا بروفانس", "ar", True, "Noto Sans Arabic")
JAPANESE = CardText(
    "ヘルスケア・ライフサイエンス：地中海に面した研究拠点", "エクス＝マルセイユ", "ja", False, "Noto Sans CJK JP"
)


def image_of(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("L")


def test_a_card_is_a_png_of_1200_by_630_and_the_same_every_time() -> None:
    text = CardText("Santé et sciences de la vie", "Aix-Marseille-Provence", "fr", False, "Noto Sans")
    data = render_card(text)
    with Image.open(io.BytesIO(data)) as opened:
        assert (opened.format, opened.size) == ("PNG", (1200, 630))
    assert render_card(text) == data


def test_a_long_title_stays_inside_the_margins_in_three_lines() -> None:
    title = " ".join(["Investissement"] * 40)
    ink = image_of(render_card(CardText(title, "Lakeshore", "fr", False, "Noto Sans"), STYLE)).getbbox()
    assert ink is not None
    left, top, right, bottom = ink
    assert left >= MARGIN - 2 and right <= 1200 - MARGIN + 2 and top >= MARGIN - 2 and bottom <= 630 - MARGIN + 20


def test_a_word_longer_than_a_line_is_cut() -> None:
    font = ImageFont.truetype(str(font_file("Noto Sans")[0]), 72, layout_engine=ImageFont.Layout.RAQM)
    text = CardText("x", "t", "de", False, "Noto Sans")
    lines = wrap("Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung", font, text, 1040)
    assert len(lines) >= 2 and all(font.getlength(line) <= 1040 for line in lines)


def test_arabic_is_joined_and_set_from_the_right() -> None:
    file, index = font_file(ARABIC.font_family)
    shaped = ImageFont.truetype(str(file), 72, index=index, layout_engine=ImageFont.Layout.RAQM)
    unshaped = ImageFont.truetype(str(file), 72, index=index, layout_engine=ImageFont.Layout.BASIC)
    word = "الحياة"
    # Joined letters take their connected forms: the shaped word is drawn differently from isolated letters.
    drawn = [Image.new("L", (600, 150)) for _ in range(2)]
    ImageDraw.Draw(drawn[0]).text((10, 10), word, font=shaped, fill=255, direction="rtl", language="ar")
    ImageDraw.Draw(drawn[1]).text((10, 10), word, font=unshaped, fill=255)
    assert ImageChops.difference(drawn[0], drawn[1]).getbbox() is not None
    assert shaped.getlength(word, direction="rtl", language="ar") < unshaped.getlength(word) * 0.95

    card = image_of(render_card(ARABIC, STYLE))
    title_band = card.crop((0, 400, 1200, 630 - 20)).getbbox()
    assert title_band is not None
    assert title_band[2] >= 1200 - MARGIN - 4  # flush with the right margin
    assert title_band[0] > (1200 - title_band[2]) + 300  # a short title leaves its room on the left


def test_japanese_is_drawn_without_missing_glyphs() -> None:
    file, index = font_file(JAPANESE.font_family)
    characters = TTFont(str(file), fontNumber=index, lazy=True).getBestCmap()
    assert all(ord(character) in characters for character in JAPANESE.title)
    card = image_of(render_card(JAPANESE, STYLE))
    assert card.crop((0, 300, 1200, 610)).getbbox() is not None


def test_japanese_lines_break_between_characters_but_not_before_a_colon() -> None:
    file, index = font_file(JAPANESE.font_family, "Bold")
    font = ImageFont.truetype(str(file), 72, index=index, layout_engine=ImageFont.Layout.RAQM)
    lines = wrap(JAPANESE.title, font, JAPANESE, 1040)
    assert len(lines) == 2 and "".join(lines) == JAPANESE.title
    assert not lines[1].startswith("：")
