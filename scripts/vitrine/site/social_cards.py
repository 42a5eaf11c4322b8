"""The social card of a page: the 1200 × 630 picture a shared link shows, with the page's title in its own script.

Drawn with Pillow and raqm (HarfBuzz and FriBiDi): Arabic and Hebrew are joined, shaped and set from the right,
Chinese and Japanese lines break between any two characters (never before a closing mark), other scripts between
words. The title takes the largest size at which it holds in three lines; at the smallest, its third line ends
with "…". Each character is drawn with the first font of the language's stack that has it (the language's own
family, then the Latin one), so Latin names inside an Arabic title show no empty boxes.

Pure: the same text and style give the same PNG bytes.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

from vitrine.fonts import FontNotFound, families_for, find_font

WIDTH, HEIGHT = 1200, 630
MARGIN = 80  # no text nearer the edges than this
TEXT_WIDTH = WIDTH - 2 * MARGIN
TITLE_SIZES = (72, 66, 60, 54, 48, 44)  # px, tried in turn until the title holds in MAX_LINES lines
MAX_LINES = 3
TERRITORY_SIZE = 32
ELLIPSIS = "…"

RULE_WIDTH, RULE_HEIGHT = 96, 8  # the accent rule above the territory's name
BAND_HEIGHT = 14  # the accent band along the bottom edge
TERRITORY_BASELINE = MARGIN + RULE_HEIGHT + 52
TITLE_TOP = TERRITORY_BASELINE + 48  # the title is centred between here and the bottom margin
TITLE_BOTTOM = HEIGHT - MARGIN

# Languages written without spaces between words: their lines may break between any two characters.
UNSPACED = frozenset({"ja", "zh", "yue", "th", "lo", "km", "my", "bo"})
# Marks that never begin a line (kinsoku), and marks that never end one: they stay with their neighbour.
NO_LINE_START = frozenset(
    "、。，．・：；！？）」』】〕〉》〗〙〛ー…‥々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.:;!?)]}»%"
)
NO_LINE_END = frozenset("「『（【〔〈《〖〘〚([{«")
# A word made only of these, after a space, stays on the line of the word before (French "vie :", "oui !").
CLOSING_PUNCTUATION = frozenset(":;!?»)]}…%")
OPENING_PUNCTUATION = frozenset("«([{")
# Left at the end of a truncated line, before its ellipsis, these would look stray.
TRAILING = " ,;:·-–—、，。・：；"


@dataclass(frozen=True)
class CardText:
    title: str  # the page's title, in its language
    territory: str  # the territory's name, in the same language
    language: str  # BCP 47 code: "fr", "ja", "ar", "pt-PT"...
    right_to_left: bool
    font_family: str  # the language's font family as fontconfig knows it: "Noto Sans", "Noto Sans CJK JP"...


@dataclass(frozen=True)
class CardStyle:
    background: str = "#0b3954"
    accent: str = "#f2a541"
    text: str = "#ffffff"


@dataclass(frozen=True, eq=False)
class Face:
    """One font of a language's stack, at one size, with the characters it has glyphs for."""

    font: ImageFont.FreeTypeFont
    file: Path
    index: int  # the face's number in a collection (.ttc)
    characters: frozenset[int]

    def has(self, character: str) -> bool:
        return ord(character) in self.characters


@dataclass(frozen=True)
class Run:
    """Consecutive characters of a line drawn with one font in one direction."""

    text: str
    face: Face
    direction: str  # "ltr" or "rtl", as raqm takes it


@lru_cache(maxsize=16)
def characters_in(file: Path, index: int) -> frozenset[int]:
    """The code points the font's character map gives a glyph."""
    with TTFont(str(file), fontNumber=index, lazy=True) as font:
        cmap: dict[int, str] = font.getBestCmap() or {}
    return frozenset(cmap)


@lru_cache(maxsize=64)
def font_stack(family: str, style: str, size: int) -> tuple[Face, ...]:
    """The language's family then the Latin one (those installed), as raqm fonts of ``size`` px."""
    faces: list[Face] = []
    for name in families_for(family):
        try:
            file, index = find_font(name, style)
        except FontNotFound:
            continue
        font = ImageFont.truetype(str(file), size, index=index, layout_engine=ImageFont.Layout.RAQM)
        faces.append(Face(font, file, index, characters_in(file, index)))
    if not faces:
        raise FontNotFound(f"neither “{family}” nor the Latin family is installed to draw the social cards")
    return tuple(faces)


def _is_strong(character: str) -> bool:
    """Letters choose their font; spaces, punctuation and digits follow their neighbours'."""
    return unicodedata.category(character).startswith("L")


def _covering(character: str, faces: Sequence[Face]) -> int:
    return next((number for number, face in enumerate(faces) if face.has(character)), 0)


def split_runs(line: str, faces: Sequence[Face], right_to_left: bool) -> list[Run]:
    """The line cut where its font changes, in reading order.

    Letters take the first font that has them. A mark takes its letter's font; a digit the font of the letters
    just before it when that font has it (an "L" number after a Latin word, as the bidi algorithm reads it); space
    and punctuation the font of the letters around them when both sides agree, else the language's own font.
    In a right-to-left line, runs of the Latin font are set left to right, the others right to left.
    """
    if not line:
        return []
    chosen: list[int | None] = [None] * len(line)
    for position, character in enumerate(line):
        if _is_strong(character) or not faces[0].has(character):
            chosen[position] = _covering(character, faces)
    last_strong: int | None = None
    for position, character in enumerate(line):
        category = unicodedata.category(character)
        if chosen[position] is not None and _is_strong(character):
            last_strong = chosen[position]
        elif category.startswith("M") and position > 0 and faces[chosen[position - 1] or 0].has(character):
            chosen[position] = chosen[position - 1]
        elif category == "Nd" and last_strong is not None and faces[last_strong].has(character):
            chosen[position] = last_strong
    for position, character in enumerate(line):
        if chosen[position] is not None:
            continue
        before = next((chosen[n] for n in range(position - 1, -1, -1) if chosen[n] is not None), None)
        after = next((chosen[n] for n in range(position + 1, len(line)) if chosen[n] is not None), None)
        agreed = before if before == after else None
        chosen[position] = agreed if agreed is not None and faces[agreed].has(character) else 0
    runs: list[Run] = []
    start = 0
    for position in range(1, len(line) + 1):
        if position == len(line) or chosen[position] != chosen[start]:
            number = chosen[start] or 0
            direction = "rtl" if right_to_left and number == 0 else "ltr"
            runs.append(Run(line[start:position], faces[number], direction))
            start = position
    return runs


def _run_width(run: Run, language: str) -> float:
    return run.face.font.getlength(run.text, direction=run.direction, language=language)


def line_width(line: str, faces: Sequence[Face], text: CardText) -> float:
    return sum(_run_width(run, text.language) for run in split_runs(line, faces, text.right_to_left))


def _primary_language(language: str) -> str:
    return language.split("-")[0].lower()


def _is_alphabetic(character: str) -> bool:
    """Latin, Greek and Cyrillic letters and digits: inside a Chinese or Japanese title they still form words."""
    return character.isalnum() and ord(character) < 0x0530


def _join_marks(tokens: list[str]) -> list[str]:
    """Kinsoku: closing marks join the character before them, opening marks the one after."""
    joined: list[str] = []
    carried = ""
    for token in tokens:
        if joined and not carried and token in NO_LINE_START:
            joined[-1] += token
        elif token in NO_LINE_END:
            carried += token
        else:
            joined.append(carried + token)
            carried = ""
    if carried:
        joined.append(carried)
    return joined


def _tokens(title: str, language: str) -> list[str]:
    """The pieces a line may break between, spaces being pieces of their own."""
    if _primary_language(language) in UNSPACED:
        tokens: list[str] = []
        for character in title:
            continues = tokens and (
                unicodedata.category(character).startswith("M")
                or (_is_alphabetic(character) and _is_alphabetic(tokens[-1][-1]))
            )
            if continues:
                tokens[-1] += character
            else:
                tokens.append(character)
        return _join_marks(tokens)
    tokens = re.findall(r"\S+|\s+", title)
    merged: list[str] = []
    for token in tokens:
        if set(token) <= CLOSING_PUNCTUATION and len(merged) >= 2 and merged[-1].isspace():
            space = merged.pop()
            merged[-1] += space + token  # "vie :" stays on one line
        elif merged and merged[-1].isspace() and len(merged) >= 2 and set(merged[-2]) <= OPENING_PUNCTUATION:
            space = merged.pop()
            merged[-1] += space + token  # "« Bonjour"
        else:
            merged.append(token)
    return merged


def _cut(token: str, faces: Sequence[Face], text: CardText, width: float) -> tuple[str, str]:
    """The longest start of ``token`` that fits in ``width``: up to one of its spaces if it has some ("« Santé »"),
    else between characters (at least one, never before a mark)."""
    spaces = [position for position, character in enumerate(token) if character == " "]
    for space in reversed(spaces):
        if line_width(token[:space], faces, text) <= width:
            return token[:space].rstrip(), token[space:].lstrip()
    cut = len(token) - 1
    while cut > 1 and line_width(token[:cut], faces, text) > width:
        cut -= 1
    while cut > 1 and unicodedata.category(token[cut]).startswith("M"):
        cut -= 1
    return token[:cut], token[cut:]


def wrap(title: str, faces: Sequence[Face], text: CardText, width: float = TEXT_WIDTH) -> list[str]:
    """The title in lines no wider than ``width``: a word wider than a whole line is cut between characters."""
    lines: list[str] = []
    current = ""
    for token in _tokens(" ".join(title.split()), text.language):
        if token.isspace():
            if current:
                current += token
            continue
        if line_width(current + token, faces, text) <= width:
            current += token
            continue
        if current.strip():
            lines.append(current.rstrip())
        current = token
        while len(current) > 1 and line_width(current, faces, text) > width:
            head, current = _cut(current, faces, text, width)
            lines.append(head)
    if current.strip():
        lines.append(current.rstrip())
    return lines


def _with_ellipsis(line: str, faces: Sequence[Face], text: CardText, width: float) -> str:
    """The line shortened (by whole words where there are spaces) until it and "…" fit in ``width``."""
    spaced = _primary_language(text.language) not in UNSPACED
    while line and line_width(line.rstrip(TRAILING) + ELLIPSIS, faces, text) > width:
        line = line.rsplit(" ", 1)[0] if spaced and " " in line.strip() else line[:-1]
    return line.rstrip(TRAILING) + ELLIPSIS


def fit_title(text: CardText, width: float = TEXT_WIDTH) -> tuple[tuple[Face, ...], list[str]]:
    """The fonts (at the largest size of ``TITLE_SIZES`` that holds the title in ``MAX_LINES`` lines) and the
    lines; at the smallest size, a longer title is cut and its last line ends with "…"."""
    faces = font_stack(text.font_family, "Bold", TITLE_SIZES[0])
    lines: list[str] = []
    for size in TITLE_SIZES:
        faces = font_stack(text.font_family, "Bold", size)
        lines = wrap(text.title, faces, text, width)
        if len(lines) <= MAX_LINES:
            return faces, lines
    kept = lines[:MAX_LINES]
    kept[-1] = _with_ellipsis(kept[-1], faces, text, width)
    return faces, kept


def _draw_line(
    draw: ImageDraw.ImageDraw, line: str, faces: Sequence[Face], text: CardText, baseline: float, fill: str
) -> None:
    """The line's runs side by side on one baseline, from the left margin, or from the right one in RTL."""
    runs = split_runs(line, faces, text.right_to_left)
    x = float(WIDTH - MARGIN if text.right_to_left else MARGIN)
    for run in runs:
        advance = _run_width(run, text.language)
        left = x - advance if text.right_to_left else x
        draw.text(
            (left, baseline),
            run.text,
            font=run.face.font,
            fill=fill,
            anchor="ls",
            direction=run.direction,
            language=text.language,
        )
        x = left if text.right_to_left else x + advance


def line_height(faces: Sequence[Face]) -> int:
    """From one baseline to the next: 1.25 em, more for fonts with tall letters (Arabic, CJK), at most 1.6 em."""
    size = faces[0].font.size
    ascent, descent = faces[0].font.getmetrics()
    return round(min(max(1.25 * size, ascent + descent), 1.6 * size))


def render_card(text: CardText, style: CardStyle = CardStyle()) -> bytes:
    """The card as PNG bytes, 1200 × 630; the same text and style give the same bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), style.background)
    draw = ImageDraw.Draw(image)
    start = WIDTH - MARGIN - RULE_WIDTH if text.right_to_left else MARGIN
    draw.rectangle((start, MARGIN, start + RULE_WIDTH - 1, MARGIN + RULE_HEIGHT - 1), fill=style.accent)
    draw.rectangle((0, HEIGHT - BAND_HEIGHT, WIDTH - 1, HEIGHT - 1), fill=style.accent)

    territory_faces = font_stack(text.font_family, "Regular", TERRITORY_SIZE)
    territory = " ".join(text.territory.split())
    if line_width(territory, territory_faces, text) > TEXT_WIDTH:
        territory = _with_ellipsis(territory, territory_faces, text, TEXT_WIDTH)
    _draw_line(draw, territory, territory_faces, text, TERRITORY_BASELINE, style.text)

    faces, lines = fit_title(text)
    if lines:
        size = faces[0].font.size
        step = line_height(faces)
        block = step * len(lines)
        top = TITLE_TOP + max(0, (TITLE_BOTTOM - TITLE_TOP - block) // 2)
        for number, line in enumerate(lines):
            # The middle of the line box on the middle of the capitals (and of the ideographs' em box).
            baseline = top + number * step + step / 2 + 0.36 * size
            _draw_line(draw, line, faces, text, baseline, style.text)

    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=6)  # optimize=True is three times slower for 5 % less
    return out.getvalue()
