"""The social card of a page: a 1200 × 630 picture with its title in its own script, drawn with Pillow and raqm
(Arabic and Hebrew joined and right to left, Chinese and Japanese wrapped between any two characters)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from vitrine.fonts import LATIN_FAMILY, FontNotFound, find_font

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
TITLE_SIZES = (72, 64, 56, 50, 44)
MAX_LINES = 3
TERRITORY_SIZE = 34
ELLIPSIS = "…"
# Scripts written without spaces between words: lines may break between any two characters.
UNSPACED = ("ja", "zh", "th", "lo", "km", "my")
# Marks that never begin a line in Chinese and Japanese (kinsoku): the character before them moves down with them.
NO_LINE_START = set("、。，．：；！？）」』】〕〉》・ー…‥,.:;!?)]}")


@dataclass(frozen=True)
class CardText:
    title: str  # the page's title, in its language
    territory: str  # the territory's name
    language: str  # BCP 47 code
    right_to_left: bool
    font_family: str  # the language's font family, as fontconfig knows it


@dataclass(frozen=True)
class CardStyle:
    background: str = "#0b3954"
    accent: str = "#f2a541"
    text: str = "#ffffff"


@lru_cache(maxsize=64)
def _font(family: str, style: str, size: int) -> ImageFont.FreeTypeFont:
    try:
        file, index = find_font(family, style)
    except FontNotFound:
        file, index = find_font(LATIN_FAMILY, style)
    return ImageFont.truetype(str(file), size, index=index, layout_engine=ImageFont.Layout.RAQM)


def font_file(family: str, style: str = "Bold") -> tuple[Path, int]:
    """The font file a card's title is drawn with."""
    try:
        return find_font(family, style)
    except FontNotFound:
        return find_font(LATIN_FAMILY, style)


def _direction(text: CardText) -> str:
    return "rtl" if text.right_to_left else "ltr"


def _width(font: ImageFont.FreeTypeFont, line: str, text: CardText) -> float:
    return font.getlength(line, direction=_direction(text), language=text.language)


def _pieces(title: str, language: str) -> list[str]:
    """The units a line may break between: words, or characters in scripts written without spaces."""
    if language.split("-")[0] in UNSPACED:
        return list(title)
    return [f"{word} " for word in title.split()]


def wrap(title: str, font: ImageFont.FreeTypeFont, text: CardText, width: float) -> list[str]:
    """The title in lines no wider than ``width`` (a word longer than a line is cut between characters)."""
    lines: list[str] = []
    current = ""
    for piece in _pieces(" ".join(title.split()), text.language):
        if _width(font, (current + piece).rstrip(), text) <= width:
            current += piece
            continue
        carried = ""
        if piece in NO_LINE_START and len(current) > 1:
            current, carried = current[:-1], current[-1]
        if current.strip():
            lines.append(current.rstrip())
        current = carried + piece
        while _width(font, current.rstrip(), text) > width and len(current) > 1:  # a word wider than the card
            cut = len(current) - 1
            while cut > 1 and _width(font, current[:cut], text) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current.strip():
        lines.append(current.rstrip())
    return lines


def fit_title(text: CardText) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size at which the title holds in three lines; at the smallest, the third line ends with '…'."""
    room = WIDTH - 2 * MARGIN
    for size in TITLE_SIZES:
        font = _font(text.font_family, "Bold", size)
        lines = wrap(text.title, font, text, room)
        if len(lines) <= MAX_LINES:
            return font, lines
    last = lines[MAX_LINES - 1]
    while last and _width(font, last + ELLIPSIS, text) > room:
        last = last[:-1]
    return font, [*lines[: MAX_LINES - 1], last.rstrip() + ELLIPSIS]


def render_card(text: CardText, style: CardStyle = CardStyle()) -> bytes:
    """The card as PNG bytes, 1200 × 630; the same text and style give the same bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), style.background)
    draw = ImageDraw.Draw(image)
    direction = _direction(text)
    anchor = "ra" if text.right_to_left else "la"
    x = WIDTH - MARGIN if text.right_to_left else MARGIN
    bar = (
        (WIDTH - MARGIN - 120, MARGIN, WIDTH - MARGIN, MARGIN + 12)
        if text.right_to_left
        else (
            MARGIN,
            MARGIN,
            MARGIN + 120,
            MARGIN + 12,
        )
    )
    draw.rectangle(bar, fill=style.accent)
    territory_font = _font(text.font_family, "Regular", TERRITORY_SIZE)
    draw.text(
        (x, MARGIN + 44),
        text.territory,
        font=territory_font,
        fill=style.accent,
        anchor=anchor,
        direction=direction,
        language=text.language,
    )
    font, lines = fit_title(text)
    line_height = round(font.size * 1.3)
    top = HEIGHT - MARGIN - line_height * len(lines)
    for number, line in enumerate(lines):
        draw.text(
            (x, top + number * line_height),
            line,
            font=font,
            fill=style.text,
            anchor=anchor,
            direction=direction,
            language=text.language,
        )
    draw.rectangle((0, HEIGHT - 16, WIDTH, HEIGHT), fill=style.accent)
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=6)
    return out.getvalue()
