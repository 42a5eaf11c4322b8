"""Reading real PDFs the way a print shop or a reader's device does: fonts, glyphs, text, boxes, QR codes."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from bs4 import BeautifulSoup
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, StreamObject

MM = 72 / 25.4
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


@dataclass(frozen=True)
class FontReport:
    name: str
    embedded: bool
    missing: list[str]  # characters drawn with a glyph the embedded font does not have (.notdef boxes)


def _glyph_count(descriptor: DictionaryObject) -> int | None:
    for key in ("/FontFile2", "/FontFile3", "/FontFile"):
        if key in descriptor:
            stream = descriptor[key].get_object()
            assert isinstance(stream, StreamObject)
            try:
                return int(TTFont(io.BytesIO(stream.get_data()))["maxp"].numGlyphs)
            except Exception:  # a bare CFF or Type 1 program: WeasyPrint does not write these
                return None
    return None


def _to_unicode(font: DictionaryObject) -> dict[int, str]:
    if "/ToUnicode" not in font:
        return {}
    stream = font["/ToUnicode"].get_object()
    assert isinstance(stream, StreamObject)
    data = stream.get_data().decode("latin-1")
    mapping: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for glyph, text in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>", block):
            mapping[int(glyph, 16)] = bytes.fromhex(text).decode("utf-16-be", errors="replace")
    return mapping


def font_reports(pdf: Path) -> list[FontReport]:
    """Every font of every page: whether its program is embedded, and which characters it lacks.

    WeasyPrint draws a character no font has with a glyph number beyond the font's last glyph, and maps it to
    the character in ToUnicode: such an entry is a missing glyph.
    """
    reports: dict[str, FontReport] = {}
    for page in PdfReader(pdf).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for reference in fonts.values():
            font = reference.get_object()
            name = str(font["/BaseFont"])
            if name in reports:
                continue
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else DictionaryObject()
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            count = _glyph_count(descriptor)
            missing = [text for glyph, text in _to_unicode(font).items() if count is not None and glyph >= count]
            reports[name] = FontReport(name, embedded, missing)
    return list(reports.values())


def text_of(pdf: Path) -> str:
    """The text of every page in reading order (pypdf keeps Arabic ligatures in logical order; poppler
    reverses lam-alef), bidi marks removed and presentation forms normalised."""
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    return unicodedata.normalize("NFKC", text.translate(BIDI_CONTROLS))


def squeezed(text: str) -> str:
    """Text without any white space, so that a title broken over two lines still matches."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text.translate(BIDI_CONTROLS)))


@dataclass(frozen=True)
class Word:
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


@dataclass(frozen=True)
class PageWords:
    width: float
    height: float
    words: list[Word]


def words_by_page(pdf: Path) -> list[PageWords]:
    """Each page's size and the box of every word on it (points, origin at the top left), from poppler."""
    done = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True)
    document = BeautifulSoup(done.stdout, "html.parser")
    pages = []
    for page in document.find_all("page"):
        words = [
            Word(w.get_text(), *(float(str(w[edge])) for edge in ("xmin", "ymin", "xmax", "ymax")))
            for w in page.find_all("word")
        ]
        pages.append(PageWords(float(str(page["width"])), float(str(page["height"])), words))
    return pages


def render_pages(
    pdf: Path,
    folder: Path,
    resolution: int = 60,
    first: int | None = None,
    last: int | None = None,
    prefix: str | None = None,
) -> list[Path]:
    """Render pages to PNG with pdftoppm, as a person would look at them (named <prefix>-<page>.png)."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    name = prefix or pdf.stem
    subprocess.run(["pdftoppm", "-r", str(resolution), *pages, "-png", str(pdf), str(folder / name)], check=True)
    return sorted(folder.glob(f"{name}-*.png"))


def qr_codes(pdf: Path, page: int = 1, resolution: int = 150) -> list[str]:
    """The text of every QR code on a page, read from its rendering (in grey, straight from pdftoppm: three
    times faster than through a PNG file)."""
    grey = subprocess.run(
        ["pdftoppm", "-r", str(resolution), "-f", str(page), "-l", str(page), "-gray", str(pdf)],
        capture_output=True,
        check=True,
    ).stdout
    with Image.open(io.BytesIO(grey)) as image:
        return [found.text for found in zxingcpp.read_barcodes(image)]
