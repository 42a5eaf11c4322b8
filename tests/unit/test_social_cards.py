"""Social cards: a 1200 × 630 PNG, the same bytes every time, the title inside the margins and in its own script
(Arabic joined and set from the right, Japanese without missing glyphs, Latin words in an Arabic title in the
Latin font)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from PIL import Image, ImageChops, ImageDraw, ImageFont, features

from vitrine.site.social_cards import (
    ELLIPSIS,
    HEIGHT,
    MARGIN,
    MAX_LINES,
    TITLE_SIZES,
    TITLE_TOP,
    WIDTH,
    CardStyle,
    CardText,
    fit_title,
    font_stack,
    line_width,
    render_card,
    split_runs,
    wrap,
)

pytestmark = pytest.mark.skipif(not features.check("raqm"), reason="Pillow is built without libraqm")

# Bars in the background colour: only the texts' ink shows.
INK_ONLY = CardStyle(background="#000000", accent="#000000", text="#ffffff")
TERRITORY = "Aix-Marseille-Provence"
FRENCH = CardText(
    "Santé et sciences de la vie : un pôle de recherche au bord de la Méditerranée", TERRITORY, "fr", False, "Noto Sans"
)
JAPANESE = CardText("ヘルスケア・ライフサイエンス", "エクス＝マルセイユ＝プロヴァンス", "ja", False, "Noto Sans CJK JP")
FRENCH_SHORT = CardText("Santé et sciences de la vie", TERRITORY, "fr", False, "Noto Sans")
JAPANESE_LONG = (
    "ヘルスケア・ライフサイエンス：地中海に面した研究拠点、"
    "ITER計画と「イムノポール」の大学病院が集まる国際的なクラスター"
)
ARABIC = CardText("الصحة وعلوم الحياة", "إكس-مرسيليا-بروفانس", "ar", True, "Noto Sans Arabic")


def title_centre(text: CardText) -> float:
    """The horizontal centre of mass of the title's pixels."""
    band = ink(render_card(text, INK_ONLY)).crop((0, TITLE_TOP, WIDTH, HEIGHT))
    columns = band.resize((WIDTH, 1), Image.Resampling.BOX).tobytes()  # each column's mean
    return sum(x * weight for x, weight in enumerate(columns)) / sum(columns)


def ink(card: bytes) -> Image.Image:
    """The card in grey levels: with ``INK_ONLY``, every non-black pixel is text."""
    return Image.open(io.BytesIO(card)).convert("L")


def title_ink(text: CardText) -> tuple[int, int, int, int]:
    """The box of the title's pixels (below the territory line), in card coordinates."""
    box = ink(render_card(text, INK_ONLY)).crop((0, TITLE_TOP, WIDTH, HEIGHT)).getbbox()
    assert box is not None, "the title drew nothing"
    left, top, right, bottom = box
    return left, top + TITLE_TOP, right, bottom + TITLE_TOP


def ink_width(line: str, font: ImageFont.FreeTypeFont, direction: str | None) -> int:
    drawn = Image.new("L", (1400, 200))
    draw = ImageDraw.Draw(drawn)
    if direction:
        draw.text((100, 150), line, font=font, fill=255, anchor="ls", direction=direction, language="ar")
    else:
        draw.text((100, 150), line, font=font, fill=255, anchor="ls")
    box = drawn.getbbox()
    assert box is not None
    return box[2] - box[0]


def code_points(file: Path, index: int) -> set[int]:
    with TTFont(str(file), fontNumber=index, lazy=True) as font:
        return set(font.getBestCmap())


def test_a_card_is_a_1200_by_630_png_and_the_same_bytes_every_time() -> None:
    data = render_card(FRENCH)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    with Image.open(io.BytesIO(data)) as opened:
        assert (opened.format, opened.size, opened.mode) == ("PNG", (1200, 630), "RGB")
        assert not {"date:create", "date:modify", "Creation Time"} & set(opened.info)
    assert render_card(FRENCH) == data
    assert render_card(CardText(**{**FRENCH.__dict__, "title": "Numérique"})) != data


def test_the_style_paints_the_background_the_accent_and_the_text() -> None:
    style = CardStyle(background="#102030", accent="#e0533d", text="#fafafa")
    with Image.open(io.BytesIO(render_card(FRENCH, style))) as opened:
        card = opened.convert("RGB")
    assert card.getpixel((5, 5)) == (0x10, 0x20, 0x30)
    assert card.getpixel((WIDTH // 2, HEIGHT - 3)) == (0xE0, 0x53, 0x3D)  # the band along the bottom edge
    assert card.getpixel((MARGIN + 2, MARGIN + 2)) == (0xE0, 0x53, 0x3D)  # the rule above the territory
    assert (0xFA, 0xFA, 0xFA) in {colour for _, colour in card.getcolors(1 << 16) or []}


def test_a_title_that_fits_keeps_the_largest_size() -> None:
    faces, lines = fit_title(FRENCH)
    assert faces[0].font.size == TITLE_SIZES[0]
    assert 1 < len(lines) <= MAX_LINES and " ".join(lines) == FRENCH.title
    assert lines[0].endswith("vie :"), "the colon stays with its word"


@pytest.mark.parametrize(
    "text",
    [
        CardText(" ".join(["Investissement"] * 40), TERRITORY, "fr", False, "Noto Sans"),
        CardText("Jÿg Ågj " * 30, TERRITORY, "fr", False, "Noto Sans"),
        CardText("الصحة وعلوم الحياة: قطب بحثي على شاطئ البحر " * 5, ARABIC.territory, "ar", True, "Noto Sans Arabic"),
        CardText(JAPANESE_LONG * 2, JAPANESE.territory, "ja", False, "Noto Sans CJK JP"),
    ],
    ids=["fr", "fr-overhangs", "ar", "ja"],
)
def test_a_long_title_shrinks_then_ends_with_an_ellipsis_and_stays_inside_the_card(text: CardText) -> None:
    faces, lines = fit_title(text)
    assert faces[0].font.size == TITLE_SIZES[-1]
    assert len(lines) == MAX_LINES and lines[-1].endswith(ELLIPSIS)
    assert all(line_width(line, faces, text) <= WIDTH - 2 * MARGIN for line in lines)
    box = ink(render_card(text, INK_ONLY)).getbbox()
    assert box is not None
    left, top, right, bottom = box
    guard = MARGIN - 8  # a glyph may overhang its advance by a few pixels (the J of Noto Sans Bold)
    assert left >= guard and top >= guard and right <= WIDTH - guard and bottom <= HEIGHT - guard


def test_a_word_longer_than_a_line_is_cut_between_characters() -> None:
    text = CardText("x", TERRITORY, "de", False, "Noto Sans")
    faces = font_stack("Noto Sans", "Bold", 72)
    word = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung"
    lines = wrap(word, faces, text, 1040)
    assert len(lines) >= 2 and "".join(lines) == word
    assert all(line_width(line, faces, text) <= 1040 for line in lines)


def test_french_punctuation_after_a_space_does_not_begin_a_line() -> None:
    text = CardText("x", TERRITORY, "fr", False, "Noto Sans")
    faces = font_stack("Noto Sans", "Bold", 72)
    width = line_width("Santé et vie", faces, text) + 4  # room for the words, not for the colon after them
    assert wrap("Santé et vie :", faces, text, width) == ["Santé et", "vie :"]
    assert wrap("« Santé » et vie", faces, text, line_width("« Santé »", faces, text) + 4) == ["« Santé »", "et vie"]
    # Too narrow for the quoted word and its marks: they part at their spaces, not inside the word.
    assert wrap("« Santé »", faces, text, line_width("« Santé", faces, text) + 4) == ["« Santé", "»"]


def test_arabic_is_joined_by_raqm_not_drawn_as_isolated_letters() -> None:
    face = font_stack(ARABIC.font_family, "Bold", TITLE_SIZES[0])[0]
    assert face.font.layout_engine == ImageFont.Layout.RAQM
    word = "الحياة"
    # Joined, the letters take their initial, medial and final forms, narrower than the isolated ones side by side.
    left, _, right, _ = face.font.getbbox(word, direction="rtl", language="ar")
    isolated = sum(face.font.getlength(letter, direction="rtl", language="ar") for letter in word)
    assert right - left < 0.85 * isolated
    # And Pillow's basic layout (no shaping, no bidi) draws other glyphs.
    basic = ImageFont.truetype(str(face.file), TITLE_SIZES[0], index=face.index, layout_engine=ImageFont.Layout.BASIC)
    drawn = [Image.new("L", (500, 150)) for _ in range(2)]
    raqm_draw, basic_draw = (ImageDraw.Draw(image) for image in drawn)
    raqm_draw.text((20, 110), word, font=face.font, fill=255, anchor="ls", direction="rtl", language="ar")
    basic_draw.text((20, 110), word, font=basic, fill=255, anchor="ls")
    assert ImageChops.difference(drawn[0], drawn[1]).getbbox() is not None

    # The card's title is as wide as the shaped text, not as the letters drawn apart.
    left, _, right, _ = title_ink(ARABIC)
    shaped, unshaped = ink_width(ARABIC.title, face.font, "rtl"), ink_width(ARABIC.title, basic, None)
    assert unshaped > 1.2 * shaped
    assert abs((right - left) - shaped) <= 2


def test_a_right_to_left_card_is_set_from_the_right_edge() -> None:
    left, _, right, _ = title_ink(ARABIC)
    assert WIDTH - MARGIN - 4 <= right <= WIDTH - MARGIN + 2, "flush with the right margin"
    assert left > 2 * (WIDTH - right), "the room a short title leaves is on the left"
    assert title_centre(ARABIC) > WIDTH // 2 > title_centre(FRENCH_SHORT), "the ink sits in the right half"
    territory = ink(render_card(ARABIC, INK_ONLY)).crop((0, MARGIN, WIDTH, TITLE_TOP)).getbbox()
    assert territory is not None and territory[0] > WIDTH // 2 and territory[2] >= WIDTH - MARGIN - 4
    with Image.open(io.BytesIO(render_card(ARABIC))) as opened:
        card = opened.convert("RGB")
    accent = (0xF2, 0xA5, 0x41)
    assert card.getpixel((WIDTH - MARGIN - 2, MARGIN + 2)) == accent, "the accent rule is on the right"
    assert card.getpixel((MARGIN + 2, MARGIN + 2)) != accent
    french_left, _, _, _ = title_ink(FRENCH)
    assert MARGIN - 4 <= french_left <= MARGIN + 8, "left to right: flush with the left margin"


def test_a_japanese_title_has_a_glyph_for_every_character_and_shows_ink() -> None:
    faces, lines = fit_title(JAPANESE)
    assert "CJK" in faces[0].file.name
    for line in lines:
        for run in split_runs(line, faces, JAPANESE.right_to_left):
            present = code_points(run.face.file, run.face.index)
            assert [c for c in run.text if ord(c) not in present] == [], f"missing glyphs (.notdef boxes) in {run}"
    assert "".join(lines) == JAPANESE.title
    left, top, right, bottom = title_ink(JAPANESE)
    assert right - left > 400 and bottom - top > 40


def test_japanese_lines_break_between_characters_but_not_before_closing_marks_nor_inside_latin_words() -> None:
    title = JAPANESE_LONG
    text = CardText(title, JAPANESE.territory, "ja", False, "Noto Sans CJK JP")
    faces = font_stack(text.font_family, "Bold", 44)
    for width in range(300, 1041, 37):
        lines = wrap(title, faces, text, width)
        assert "".join(lines) == title
        assert all(line_width(line, faces, text) <= width for line in lines)
        assert not any(line[0] in "、。：・」ー" for line in lines[1:]), lines
        assert not any(line.endswith("「") for line in lines), lines
        assert any("ITER" in line for line in lines), lines


def test_latin_words_in_an_arabic_title_are_drawn_with_the_latin_font_in_their_own_order() -> None:
    text = CardText("الشبكة العالمية لـCCI France International", ARABIC.territory, "ar", True, "Noto Sans Arabic")
    faces = font_stack(text.font_family, "Bold", 72)
    runs = split_runs(text.title, faces, right_to_left=True)
    assert [(run.text, run.face.file.name, run.direction) for run in runs] == [
        ("الشبكة العالمية لـ", faces[0].file.name, "rtl"),
        ("CCI France International", faces[1].file.name, "ltr"),
    ]
    assert "Arabic" in faces[0].file.name and "Arabic" not in faces[1].file.name
    for run in runs:
        present = code_points(run.face.file, run.face.index)
        assert all(ord(c) in present for c in run.text)
    # A number after a Latin word stays with it; the ellipsis, which the Arabic font lacks, comes from the Latin one.
    assert [run.text for run in split_runs("قمة COP 21 في مرسيليا…", faces, right_to_left=True)] == [
        "قمة ",
        "COP 21",
        " في مرسيليا",
        "…",
    ]
