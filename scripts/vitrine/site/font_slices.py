"""A large script font (Chinese, Japanese, Korean) cut into slices by ``unicode-range``, as the big font services
do, so that a page downloads only the slices holding its characters instead of one file for the whole site.

The slices are planned from the built pages of the language: first the home page's characters (those most
pages share, then its own), then the other shared ones (menus, footer, common words), then, page by page in
order of importance, the characters no earlier slice holds; last, whatever the language may still show (search
results, fallback texts). The home page downloads its two slices and nothing else; the first slice, which
nearly every page needs, is preloaded.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from fontTools.ttLib import TTFont

from vitrine.fonts import LATIN_FAMILY, find_font
from vitrine.model import Model
from vitrine.site.assets import characters_of
from vitrine.site.font_subsets import BASE_CHARACTERS, SINGLE_WEIGHT_ABOVE, SUBSET_OPTIONS_VERSION, subset_font
from vitrine.urls import FONTS_FOLDER, font_css_address
from vitrine.whole_files import write_whole

SHARED_BY = 0.5  # a character on at least this share of the pages goes into the first slice
LARGEST_SLICE = 350  # characters: a slice stays a small download


@dataclass(frozen=True)
class FontSlice:
    characters: str
    name: str  # its file name

    @property
    def unicode_range(self) -> str:
        return unicode_range(self.characters)


def unicode_range(characters: Iterable[str]) -> str:
    """CSS ``unicode-range`` of the characters, consecutive code points joined (U+4E00-4E03,U+4E0A)."""
    points = sorted({ord(c) for c in characters})
    spans: list[list[int]] = []
    for point in points:
        if spans and point == spans[-1][1] + 1:
            spans[-1][1] = point
        else:
            spans.append([point, point])
    return ",".join(f"U+{start:X}" if start == end else f"U+{start:X}-{end:X}" for start, end in spans)


def page_characters(html: str) -> set[str]:
    """The characters a page shows: its text and the words of its attributes (alt, labels, titles)."""
    root = lxml.html.fromstring(html)
    for hidden in root.xpath("//script|//style"):
        hidden.drop_tree()
    found = set(root.text_content())
    for words in root.xpath("//@alt|//@aria-label|//@title|//@placeholder|//@content"):
        found.update(str(words))
    return found


def chunks(characters: list[str], size: int) -> list[list[str]]:
    return [characters[start : start + size] for start in range(0, len(characters), size)] if characters else []


def plan_slices(pages: list[set[str]], everything: set[str]) -> list[list[str]]:
    """The characters of each slice, from the pages' characters (the home page first, then by importance): the
    home page's characters that most pages share, the rest of the home page's, the other shared characters,
    then each page's characters that no slice holds yet, then the rest."""
    if not pages:
        return chunks(sorted(everything), LARGEST_SLICE)
    counts = Counter(character for page in pages for character in page)
    shared = {c for c, count in counts.items() if count >= SHARED_BY * len(pages)}
    home = pages[0]
    planned = [sorted(home & shared), *chunks(sorted(home - shared), 2 * LARGEST_SLICE)]
    planned += chunks(sorted(shared - home), 2 * LARGEST_SLICE)
    placed = home | shared
    for page in pages[1:]:
        own = sorted(page - placed)
        placed.update(own)
        planned += chunks(own, LARGEST_SLICE)
    planned += chunks(sorted(everything - placed), LARGEST_SLICE)
    return [piece for piece in planned if piece]


# Scripts whose letters change shape with their neighbours (Arabic, Hebrew marks, the Indic and South-East Asian
# scripts): their fonts keep their OpenType features.
SHAPED_SCRIPTS = ((0x0590, 0x08FF), (0x0900, 0x0DFF), (0x0E00, 0x109F), (0x1780, 0x17FF), (0xFB1D, 0xFEFF))


def needs_shaping(characters: Iterable[str]) -> bool:
    return any(start <= ord(c) <= end for c in characters for start, end in SHAPED_SCRIPTS)


def slice_fonts(slug: str, source: Path, index: int, planned: list[list[str]], cache: Path) -> list[FontSlice]:
    """Subset the font to each slice into ``cache`` (made once: a file is named after its inputs). Characters the
    font does not have are left to the next font of the stack."""
    covered = covered_code_points(source, index, cache)
    pieces = [[c for c in characters if ord(c) in covered] for characters in planned]
    pieces = [piece for piece in pieces if piece]
    layout = needs_shaping(c for piece in pieces for c in piece)
    made = []
    for characters in pieces:
        text = "".join(characters)
        inputs = f"{SUBSET_OPTIONS_VERSION}|{layout}|{source}|{index}|{source.stat().st_size}|{text}"
        name = f"{slug}-400-{hashlib.sha256(inputs.encode()).hexdigest()[:12]}.woff2"
        if not (cache / name).is_file():
            subset_font(source, index, text, cache / name, layout)
        made.append(FontSlice(text, name))
    return made


def covered_code_points(source: Path, index: int, cache: Path) -> set[int]:
    """The characters the font draws, kept in ``cache`` as ranges: reading a CJK font's character map takes a
    third of a second, at every build."""
    stat = source.stat()
    inputs = f"{source}|{index}|{stat.st_size}|{stat.st_mtime_ns}"
    kept = cache / f"cmap-{hashlib.sha256(inputs.encode()).hexdigest()[:16]}.json"
    try:
        return {point for start, end in json.loads(kept.read_text(encoding="utf-8")) for point in range(start, end + 1)}
    except (OSError, ValueError, TypeError):
        pass
    covered = set(TTFont(source, fontNumber=index, lazy=True).getBestCmap())
    ranges: list[list[int]] = []
    for point in sorted(covered):
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    write_whole(kept, json.dumps(ranges))
    return covered


def sliced_face_css(family: str, slices: list[FontSlice], url_prefix: str) -> str:
    return "".join(
        "@font-face{"
        f'font-family:"{family} Vitrine";font-style:normal;font-weight:400;font-display:swap;'
        f'src:url("{url_prefix}{piece.name}") format("woff2");unicode-range:{piece.unicode_range}'
        "}\n"
        for piece in slices
    )


FACE_RULE = re.compile(r"@font-face\{[^}]*\}\n?")


def replace_faces(css: str, family: str, replacement: str) -> tuple[str, list[str]]:
    """The stylesheet with the family's rules replaced; the font files those rules named."""
    dropped: list[str] = []
    kept = []
    for rule in FACE_RULE.findall(css):
        if f'font-family:"{family} Vitrine"' in rule:
            dropped += re.findall(r'url\("(?:[^"]*/)?([^"/]+)"\)', rule)
        else:
            kept.append(rule if rule.endswith("\n") else rule + "\n")
    return replacement + "".join(kept), dropped


# --- applied to a built site --------------------------------------------------------------------------------


def language_pages(site: Path, code: str, source_language: str, others: set[str]) -> list[Path]:
    """The language's pages, its home page first, then the shallower before the deeper."""
    root = site if code == source_language else site / code
    pages = [
        page
        for page in root.rglob("*.html")
        if code != source_language or page.relative_to(site).parts[0] not in others | {"go", "kit"}
    ]
    return sorted(pages, key=lambda page: (page != root / "index.html", len(page.parts), page.as_posix()))


def script_characters(characters: Iterable[str]) -> set[str]:
    """What the script font draws; the Latin family that follows it in the stack draws the rest."""
    return {c for c in characters if ord(c) >= 0x0370 and c not in BASE_CHARACTERS}


def with_preload(html: str, stylesheet: str, font: str) -> str:
    """The page with its first font slice preloaded, just before the fonts' stylesheet that names it."""
    link = re.search(rf'<link rel="stylesheet" href="([^"]*){re.escape(stylesheet)}">', html)
    if link is None or 'rel="preload" as="font"' in html:
        return html
    preload = f'<link rel="preload" as="font" type="font/woff2" href="{link.group(1)}fonts/{font}" crossorigin>'
    return html[: link.start()] + preload + html[link.start() :]


def slice_site_fonts(model: Model, site: Path, cache: Path) -> None:
    """Cut each language's large script font (a Chinese or Japanese one) into slices for the pages built in
    ``site``: its stylesheet names the slices, its pages preload the first, the whole subset is removed."""
    codes = {lang.code for lang in model.languages}
    fonts = site / FONTS_FOLDER
    for language in model.languages:
        family = language.font
        stylesheet = site / font_css_address(language.code)
        if family == LATIN_FAMILY or not stylesheet.is_file():
            continue
        others, faces = replace_faces(stylesheet.read_text(encoding="utf-8"), family, "")
        named = [name for name in faces if (fonts / name).is_file()]
        if not named or max((fonts / name).stat().st_size for name in named) <= SINGLE_WEIGHT_ABOVE:
            continue
        pages = language_pages(site, language.code, model.source_language, codes - {language.code})
        texts = [page.read_text(encoding="utf-8") for page in pages]
        shown = [script_characters(page_characters(text)) for text in texts]
        everything = script_characters(characters_of(model, language.code)).union(*shown)
        source, index = find_font(family, "Regular")
        slug = family.lower().replace(" ", "-")
        slices = slice_fonts(slug, source, index, plan_slices(shown, everything), cache)
        for piece in slices:
            (fonts / piece.name).write_bytes((cache / piece.name).read_bytes())
        stylesheet.write_text(sliced_face_css(family, slices, "fonts/") + others, encoding="utf-8")
        still_named = "".join(css.read_text(encoding="utf-8") for css in stylesheet.parent.glob("fonts-*.css"))
        for name in named:
            if name not in still_named:
                (fonts / name).unlink()
        for page, text in zip(pages, texts, strict=True):
            page.write_text(with_preload(text, stylesheet.name, slices[0].name), encoding="utf-8")
    preload_regular_faces(model, site)


REGULAR_FACE = re.compile(r'font-weight:400;[^}]*?src:url\("fonts/([^"]+\.woff2)"\)')


def preload_regular_faces(model: Model, site: Path) -> None:
    """Pages whose fonts were not sliced preload the regular face of their language's own family (the text's
    font): the browser asks for it with the page instead of after reading the stylesheet."""
    codes = {lang.code for lang in model.languages}
    for language in model.languages:
        stylesheet = site / font_css_address(language.code)
        if not stylesheet.is_file():
            continue
        first = REGULAR_FACE.search(stylesheet.read_text(encoding="utf-8"))
        if first is None:
            continue
        for page in language_pages(site, language.code, model.source_language, codes - {language.code}):
            text = page.read_text(encoding="utf-8")
            preloaded = with_preload(text, stylesheet.name, first.group(1))
            if preloaded != text:
                page.write_text(preloaded, encoding="utf-8")
