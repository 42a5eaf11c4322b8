"""Self-hosted fonts: each language gets its font, subset to the characters its pages use.

Fonts come from the machine (Debian's fonts-noto-core and fonts-noto-cjk, found through fontconfig) and are
written as WOFF2 files under docs/; a file is named after a hash of its inputs, so an unchanged subset is
never computed twice.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import uharfbuzz as harfbuzz
from fontTools import subset
from fontTools.ttLib import TTFont

from vitrine.fonts import LATIN_FAMILY, WEIGHTS, find_font
from vitrine.whole_files import write_whole

# Always kept: what the theme's interface itself may print (digits, punctuation, arrows…).
BASE_CHARACTERS = (
    {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x100)} | set("‘’“”„«»‹›–—…•·→←↑↓€£¥×÷±≤≥‰°№ ")
)

# Part of the cache key of every subset: change it whenever subset_font() changes what it writes.
SUBSET_OPTIONS_VERSION = "default-features-unhinted-dated-3"


@dataclass(frozen=True)
class FontFile:
    family: str
    weight: int
    name: str  # file name under the fonts folder


def subset_font(source: Path, index: int, characters: str, target: Path) -> None:
    """Subset the font to the characters as WOFF2, with the OpenType features that shape them."""
    options = subset.Options()
    options.flavor = "woff2"
    # fontTools' default features cover Latin, Arabic joining and CJK vertical forms; "*" would add ~40 KB to CJK.
    options.name_IDs = ["*"]
    options.notdef_outline = True
    # Screens of phones and current systems ignore hints; without them, and with CFF subroutines inlined (which
    # WOFF2 then compresses better), a Japanese subset is 20 % smaller.
    options.hinting = False
    options.desubroutinize = True
    # The subset keeps the source font's date instead of the time of the build: two builds write the same bytes.
    font = TTFont(source, fontNumber=index, lazy=True, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    font.flavor = "woff2"
    saved = io.BytesIO()
    font.save(saved)
    write_whole(target, saved.getvalue())


# Part of the cache key of every slice: change it whenever subset_slice() changes what it writes.
SLICE_OPTIONS_VERSION = "harfbuzz-unhinted-no-features-all-names-2"


def subset_slice(source: Path, index: int, characters: str, target: Path) -> None:
    """Subset a large script font to the characters as WOFF2, without OpenType features (glyph alternates a script
    without shaping never uses: in a Chinese or Japanese font they double the file). HarfBuzz cuts a slice in
    milliseconds where fontTools takes a second: pages get slices of their own, dozens per language."""
    wanted = harfbuzz.SubsetInput()
    wanted.unicode_set.update(ord(c) for c in characters)
    wanted.layout_feature_tag_set.clear()
    # Every name record, the font's copyright and licence included: HarfBuzz keeps 0-6 by default, and an empty
    # set inverted is every one (inverting the default would keep all but those).
    wanted.name_id_set.clear()
    wanted.name_id_set.invert()
    wanted.flags = (
        harfbuzz.SubsetFlags.NO_HINTING | harfbuzz.SubsetFlags.DESUBROUTINIZE | harfbuzz.SubsetFlags.NOTDEF_OUTLINE
    )
    cut = harfbuzz.subset(harfbuzz.Face(harfbuzz.Blob.from_file_path(source), index), wanted)
    if cut is None:
        raise ValueError(f"HarfBuzz could not subset {source} (face {index})")
    font = TTFont(io.BytesIO(cut.blob.data), recalcTimestamp=False, recalcBBoxes=False)
    font.flavor = "woff2"
    saved = io.BytesIO()
    font.save(saved, reorderTables=False)
    write_whole(target, saved.getvalue())


# A script font whose regular subset is larger than this gets no bold file: browsers synthesise bold, and a
# second CJK subset would double the weight of every page.
SINGLE_WEIGHT_ABOVE = 150_000


def build_fonts(family: str, characters: set[str], folder: Path, bold: bool = True) -> list[FontFile]:
    """Subset ``family`` (regular and bold) to ``characters`` into ``folder``; reuse files already there.

    The Latin family gets the Latin base set too; a script family (Arabic, CJK) gets only the characters of its
    own script, since the Latin family follows it in the font stack.
    """
    if family == LATIN_FAMILY:
        text = "".join(sorted(characters | BASE_CHARACTERS))
    else:
        text = "".join(sorted(c for c in characters if ord(c) >= 0x0370 and c not in BASE_CHARACTERS))
    made: list[FontFile] = []
    for weight, style in WEIGHTS.items():
        if made and not bold:
            break
        if made and family != LATIN_FAMILY and (folder / made[0].name).stat().st_size > SINGLE_WEIGHT_ABOVE:
            break
        source, index = find_font(family, style)
        inputs = f"{SUBSET_OPTIONS_VERSION}|{source}|{index}|{source.stat().st_size}|{text}"
        key = hashlib.sha256(inputs.encode()).hexdigest()[:12]
        slug = family.lower().replace(" ", "-")
        name = f"{slug}-{weight}-{key}.woff2"
        if not (folder / name).is_file():
            subset_font(source, index, text, folder / name)
        made.append(FontFile(family, weight, name))
    return made


def font_face_css(fonts: list[FontFile], url_prefix: str) -> str:
    rules = [
        "@font-face{"
        f'font-family:"{font.family} Vitrine";font-style:normal;font-weight:{font.weight};font-display:swap;'
        f'src:url("{url_prefix}{font.name}") format("woff2")'
        "}"
        for font in fonts
    ]
    return "\n".join(rules) + "\n"
