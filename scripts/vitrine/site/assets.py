"""The site's generated assets: each language's fonts, subset to the characters its pages may show, and the
images of the content folder. They are written into ``docs/`` with the pages (see ``generated.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vitrine.fonts import families_for
from vitrine.images import minify_svg, published_files
from vitrine.model import Model
from vitrine.site.font_subsets import FontFile, build_fonts, font_face_css
from vitrine.urls import FONTS_FOLDER, font_css_address, media_address


def characters_of(model: Model, language: str) -> set[str]:
    """Every character the pages of ``language`` may show (its texts, and those it falls back to)."""
    chars: set[str] = set()
    chain = model.fallback_chain(language)

    def collect(value: Any) -> None:
        if isinstance(value, str):
            chars.update(value)
        elif isinstance(value, dict):
            for entry in value.values():
                collect(entry)
        elif isinstance(value, list):
            for entry in value:
                collect(entry)
        elif hasattr(value, "model_dump"):
            collect(value.model_dump(mode="json"))

    for code in chain:
        collect(model.strings.get(code, {}))
    for item in model.all_items():
        collect(item.data)
        for code in chain:
            collect(item.texts.get(code))
            collect(item.bodies.get(code))
    for lang in model.languages:
        chars.update(lang.name)
    return chars


@dataclass
class Assets:
    files: dict[str, bytes]  # path below docs/ -> bytes
    font_css: dict[str, str]  # language -> address of its fonts' stylesheet


def font_assets(model: Model, cache: Path) -> Assets:
    """Each language's font files and their stylesheet; subsets are made once and kept in ``cache``."""
    found = Assets({}, {})
    for language in model.languages:
        characters = characters_of(model, language.code)
        made: list[FontFile] = []
        for family in families_for(language.font):
            # Beside a script font that has no bold (too large), the Latin family has none either: the browser
            # draws bold the same way for both, and the page downloads one file less.
            bold = not made or len(made) > 1
            made += build_fonts(family, characters, cache, bold)
        css = font_face_css(made, "fonts/")
        found.files[font_css_address(language.code)] = css.encode()
        found.font_css[language.code] = font_css_address(language.code)
        found.files.update({f"{FONTS_FOLDER}/{font.name}": (cache / font.name).read_bytes() for font in made})
    return found


def media_files(model: Model, cache: Path) -> dict[str, bytes]:
    """The content's images at the addresses pages use: photographs in their widths and formats (made once, kept
    in ``cache``), drawings minified; the logo and the icon as they are, for the theme."""
    found: dict[str, bytes] = {}
    for media in model.media.values():
        found.update(published_files(model.root, media.data.file, cache))
    territory = model.territory.data
    for file in (territory.logo, territory.favicon):
        if file and (model.root / file).is_file():
            data = (model.root / file).read_bytes()
            found[media_address(file)] = minify_svg(data) if file.lower().endswith(".svg") else data
    return found
