"""A large script font (Chinese, Japanese, Korean) cut into slices by ``unicode-range``, as the big font services
do, so that a page downloads only the slices holding its characters instead of one file for the whole site.

The slices are planned from the built pages of the language:

- **shared** slices hold the characters on at least half of the pages (menus, footer, common words), the home
  page's first: a reader downloads them once, and every later page takes them from the browser's cache;
- each page gets **its own** slices, with its characters that no shared slice holds, whether or not other pages
  show them too: a page downloads what it shows, not a slice planned around another page;
- **spare** slices hold every other character the language may show (search results, fallback texts), grouped
  by how many pages use them; a page downloads one only for a character that is neither shared nor its own.

Each page links a stylesheet of its own (named by its content, shared by the pages that need the same faces)
that declares the spare slices first, then the shared ones, then the page's own: where ranges overlap, the
browser takes the face declared last, so a page's own slice wins over the spare one holding the same character.
The slices the page needs are preloaded.
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
from vitrine.site.font_subsets import BASE_CHARACTERS, SINGLE_WEIGHT_ABOVE, SLICE_OPTIONS_VERSION, subset_slice
from vitrine.urls import FONTS_FOLDER, font_css_address
from vitrine.whole_files import write_whole

SHARED_BY = 0.5  # a character on at least this share of the pages goes into the first slice
LARGEST_SLICE = 350  # characters: a slice stays a small download
SPARE_SLICE = 120  # characters: a search result's rare character costs a small download


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


@dataclass(frozen=True)
class SlicePlan:
    """The characters of each slice (each a sorted list), for one language's pages."""

    spare: list[list[str]]
    shared: list[list[str]]
    own: list[list[list[str]]]  # by page, in the order of the pages given


def plan_slices(pages: list[set[str]], everything: set[str]) -> SlicePlan:
    """The slices for the pages' characters (the home page first) and ``everything`` the language may show."""
    counts = Counter(character for page in pages for character in page)
    shared = {c for c, count in counts.items() if count >= SHARED_BY * len(pages)}
    home = pages[0] if pages else set()
    spare = sorted(everything.union(*pages) - shared, key=lambda c: (-counts[c], c))
    return SlicePlan(
        spare=chunks(spare, SPARE_SLICE),
        shared=[piece for piece in [sorted(home & shared), *chunks(sorted(shared - home), 2 * LARGEST_SLICE)] if piece],
        own=[chunks(sorted(page - shared), 2 * LARGEST_SLICE) for page in pages],
    )


# Scripts whose letters change shape with their neighbours (Arabic, Hebrew marks, the Indic and South-East Asian
# scripts): their fonts keep their OpenType features.
SHAPED_SCRIPTS = ((0x0590, 0x08FF), (0x0900, 0x0DFF), (0x0E00, 0x109F), (0x1780, 0x17FF), (0xFB1D, 0xFEFF))


def needs_shaping(characters: Iterable[str]) -> bool:
    return any(start <= ord(c) <= end for c in characters for start, end in SHAPED_SCRIPTS)


def slice_fonts(
    slug: str, source: Path, index: int, planned: list[list[str]], cache: Path, covered: set[int]
) -> list[FontSlice]:
    """Subset the font to each slice into ``cache`` (made once: a file is named after its inputs). Characters the
    font does not have (outside ``covered``, its character map) are left to the next font of the stack; a slice
    left empty is dropped."""
    made = []
    for characters in planned:
        text = "".join(c for c in characters if ord(c) in covered)
        if not text:
            continue
        inputs = f"{SLICE_OPTIONS_VERSION}|{source}|{index}|{source.stat().st_size}|{text}"
        name = f"{slug}-400-{hashlib.sha256(inputs.encode()).hexdigest()[:12]}.woff2"
        if not (cache / name).is_file():
            subset_slice(source, index, text, cache / name)
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
    """The page with a font preloaded, just before the fonts' stylesheet that names it (once)."""
    link = re.search(rf'<link rel="stylesheet" href="([^"]*){re.escape(stylesheet)}">', html)
    if link is None:
        return html
    preload = f'<link rel="preload" as="font" type="font/woff2" href="{link.group(1)}fonts/{font}" crossorigin>'
    if preload in html:
        return html
    return html[: link.start()] + preload + html[link.start() :]


def with_stylesheet(html: str, stylesheet: str, replacement: str) -> str:
    """The page linking ``replacement`` instead of ``stylesheet``, a file of the same folder."""
    return re.sub(
        rf'(<link rel="stylesheet" href="[^"]*){re.escape(stylesheet)}(">)', rf"\g<1>{replacement}\g<2>", html
    )


def needed_faces(faces: list[FontSlice], shown: set[str]) -> list[FontSlice]:
    """The faces a browser downloads for the characters ``shown``: for each, the last face declared that holds it."""
    chosen: dict[str, FontSlice] = {}
    for character in shown:
        holding = [face for face in faces if character in face.characters]
        if holding:
            chosen[holding[-1].name] = holding[-1]
    return [face for face in faces if face.name in chosen]


PRELOADED_AT_MOST = 4  # fonts: beyond, they would hold up the page's own first requests


def slice_site_fonts(model: Model, site: Path, cache: Path) -> None:
    """Cut each language's large script font (a Chinese or Japanese one) into slices for the pages built in
    ``site``: each page links a stylesheet naming its slices and preloads those it shows; the language's own
    stylesheet names the shared and spare ones; the whole subset is removed."""
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
        covered = covered_code_points(source, index, cache)
        if needs_shaping(c for c in everything if ord(c) in covered):
            continue  # letters that join their neighbours cannot be shaped across two fonts
        slug = family.lower().replace(" ", "-")
        plan = plan_slices(shown, everything)
        common = slice_fonts(slug, source, index, plan.spare + plan.shared, cache, covered)
        stylesheet.write_text(sliced_face_css(family, common, "fonts/") + others, encoding="utf-8")
        written = {stylesheet.name}
        used = {piece.name for piece in common}
        for page, text, characters, own in zip(pages, texts, shown, plan.own, strict=True):
            page_faces = common + slice_fonts(slug, source, index, own, cache, covered)
            used.update(piece.name for piece in page_faces)
            css = sliced_face_css(family, page_faces, "fonts/") + others
            name = f"{stylesheet.stem}-{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
            if name not in written:
                (stylesheet.parent / name).write_text(css, encoding="utf-8")
                written.add(name)
            html = with_stylesheet(text, stylesheet.name, name)
            for face in reversed(needed_faces(page_faces, characters)[:PRELOADED_AT_MOST]):
                html = with_preload(html, name, face.name)
            page.write_text(html, encoding="utf-8")
        for piece in used:
            (fonts / piece).write_bytes((cache / piece).read_bytes())
        # Only this language's page stylesheets: "fonts-zh-*.css" would also take zh-Hant's.
        own_stylesheet = re.compile(rf"{re.escape(stylesheet.stem)}-[0-9a-f]{{12}}\.css")
        for left in stylesheet.parent.glob(f"{stylesheet.stem}-*.css"):
            if own_stylesheet.fullmatch(left.name) and left.name not in written:
                left.unlink()
        still_named = "".join(css.read_text(encoding="utf-8") for css in stylesheet.parent.glob("fonts-*.css"))
        for name in named:
            if name not in still_named:
                (fonts / name).unlink()
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
