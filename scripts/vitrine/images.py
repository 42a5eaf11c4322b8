"""The content's images as the site publishes them: their size, the widths and formats made of each, the
addresses of those files and their bytes.

A photograph (JPEG, PNG, WebP) is published in a few widths, each as AVIF and WebP for the browsers that read
them and in its own format for the others; the page offers them in a ``<picture>`` and the browser picks. The
files are named by the hash of the original, so that a host may keep them for a year. A drawing (SVG) is
published once, minified.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from PIL import Image, ImageOps

from vitrine.urls import MEDIA_FOLDER, media_address
from vitrine.whole_files import write_whole

# Widths offered to the browser; an image is never enlarged, so a small one gets fewer.
WIDTHS = (480, 960, 1440)
# The largest image the build opens: above it, a file is refused (a decompression bomb, or a photograph straight
# from a camera that should be resized first). Pillow warns at 89 megapixels and refuses at twice that.
MAX_PIXELS = 40_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
RASTER_SUFFIXES = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp"}
MODERN_FORMATS = (("avif", "image/avif"), ("webp", "image/webp"))
FALLBACK_TYPES = {"jpeg": ("jpg", "image/jpeg"), "png": ("png", "image/png")}
QUALITY = {"avif": 55, "webp": 78, "jpeg": 82}
# Drawings whose size cannot be read (or is absurd) are laid out at the size of a social card.
DEFAULT_SIZE = (1200, 630)
LARGEST_DRAWING = 100_000
HASH_LENGTH = 10


class ImageError(Exception):
    """An image the build cannot use; the message says why, in words for the person who placed it."""


@dataclass(frozen=True)
class ImageFacts:
    width: int
    height: int
    format: str  # jpeg, png, webp or svg
    digest: str  # of the original file
    has_alpha: bool = False

    @property
    def is_vector(self) -> bool:
        return self.format == "svg"


@dataclass(frozen=True)
class Rendition:
    """One file made of an image: an address below the site's root, its width and its format."""

    address: str
    width: int
    format: str  # avif, webp, jpeg, png


@dataclass(frozen=True)
class Source:
    mime: str
    renditions: tuple[Rendition, ...]

    @property
    def srcset(self) -> str:
        return ", ".join(f"{r.address} {r.width}w" for r in self.renditions)


@dataclass(frozen=True)
class Picture:
    """What a page needs to show an image: the sources to offer, the fallback, its intrinsic size."""

    width: int
    height: int
    src: str  # the fallback every browser reads
    sources: tuple[Source, ...]  # modern formats first; empty for a drawing
    fallback: Source | None  # the fallback's widths, for its srcset; None for a drawing

    @property
    def renditions(self) -> list[Rendition]:
        found = [r for source in self.sources for r in source.renditions]
        return found + (list(self.fallback.renditions) if self.fallback else [])


def _svg_size(data: bytes) -> tuple[int, int]:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return DEFAULT_SIZE

    def length(name: str) -> float | None:
        found = re.fullmatch(r"\s*([0-9]*\.?[0-9]+)\s*(px)?\s*", root.get(name, ""))
        return float(found.group(1)) if found else None

    def sensible(*values: float) -> bool:  # at least a pixel, neither nan nor endless (1e999)
        return all(1 <= value < LARGEST_DRAWING for value in values)

    width, height = length("width"), length("height")
    if width is not None and height is not None and sensible(width, height):
        return round(width), round(height)
    box = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        box_width, box_height = float(box[2]), float(box[3])
    except (IndexError, ValueError):
        return DEFAULT_SIZE
    if not sensible(box_width, box_height):
        return DEFAULT_SIZE
    return round(box_width), round(box_height)


def facts_of(data: bytes, suffix: str) -> ImageFacts:
    """The size and format of an image file's bytes (only its header is decoded)."""
    digest = hashlib.sha256(data).hexdigest()
    if suffix.lower() == ".svg":
        return ImageFacts(*_svg_size(data), "svg", digest)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as opened:
                width, height = opened.size
                if _rotated(opened):
                    width, height = height, width
                has_alpha = opened.mode in ("RGBA", "LA", "PA") or "transparency" in opened.info
                found = (opened.format or "").lower()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError(
            "it is too large to publish (more than 40 million pixels): resize it to at most 2,400 pixels wide."
        ) from None
    except (OSError, ValueError, SyntaxError):
        raise ImageError("it cannot be read as an image: open it in an image editor and save it again.") from None
    if width * height > MAX_PIXELS:
        raise ImageError(
            f"it is too large to publish ({width} × {height} pixels): resize it to at most 2,400 pixels wide."
        )
    if found not in ("jpeg", "png", "webp"):
        raise ImageError(f"its format ({found or 'unknown'}) is not one the site publishes: save it as JPEG or PNG.")
    return ImageFacts(width, height, found, digest, has_alpha)


def _rotated(opened: Image.Image) -> bool:
    """True when the camera's orientation tag turns the picture a quarter (5 to 8)."""
    return opened.getexif().get(0x0112, 1) in (5, 6, 7, 8)


@lru_cache(maxsize=512)
def _facts_of_file(path: Path, size: int, modified: int) -> ImageFacts:
    return facts_of(path.read_bytes(), path.suffix)


def read_facts(path: Path) -> ImageFacts:
    """The facts of an image file, read once per version of the file."""
    stat = path.stat()
    return _facts_of_file(path, stat.st_size, stat.st_mtime_ns)


def widths_for(width: int) -> list[int]:
    """The widths made of an image ``width`` pixels wide: the standard ones below it, and its own (capped)."""
    return sorted({w for w in WIDTHS if w < width} | {min(width, WIDTHS[-1])})


def picture_of(file: str, facts: ImageFacts) -> Picture:
    """The files a page offers for the content's image ``file`` (media/port.jpg)."""
    if facts.is_vector:
        return Picture(facts.width, facts.height, media_address(file), (), None)
    stem = PurePosixPath(file).stem
    widths = widths_for(facts.width)

    def source(fmt: str, extension: str, mime: str) -> Source:
        named = [
            Rendition(f"{MEDIA_FOLDER}/{stem}-{w}-{facts.digest[:HASH_LENGTH]}.{extension}", w, fmt) for w in widths
        ]
        return Source(mime, tuple(named))

    fallback_format = "png" if facts.has_alpha else "jpeg"
    extension, mime = FALLBACK_TYPES[fallback_format]
    fallback = source(fallback_format, extension, mime)
    middle = [r for r in fallback.renditions if r.width <= 960][-1]
    return Picture(
        facts.width,
        facts.height,
        middle.address,
        tuple(source(fmt, fmt, mime) for fmt, mime in MODERN_FORMATS),
        fallback,
    )


def encode(data: bytes, width: int, fmt: str) -> bytes:
    """The image ``data`` at ``width`` pixels in ``fmt``: turned upright, without its metadata."""
    with Image.open(io.BytesIO(data)) as opened:
        upright = ImageOps.exif_transpose(opened)
        keeps_alpha = fmt != "jpeg" and (upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info)
        converted = upright.convert("RGBA" if keeps_alpha else "RGB")
        height = max(1, round(converted.height * width / converted.width))
        resized = converted if converted.width == width else converted.resize((width, height), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        if fmt == "png":
            resized.save(out, "PNG", optimize=True)
        elif fmt == "jpeg":
            resized.save(out, "JPEG", quality=QUALITY["jpeg"], optimize=True, progressive=True)
        elif fmt == "webp":
            resized.save(out, "WEBP", quality=QUALITY["webp"], method=6)
        else:
            resized.save(out, "AVIF", quality=QUALITY["avif"])
        return out.getvalue()


def rendition_bytes(data: bytes, facts: ImageFacts, rendition: Rendition, cache: Path) -> bytes:
    """The bytes of one rendition, made once and kept in ``cache`` under the original's hash."""
    cached = cache / f"{facts.digest}-{rendition.width}.{rendition.format}"
    if cached.is_file():
        return cached.read_bytes()
    made = encode(data, rendition.width, rendition.format)
    write_whole(cached, made)
    return made


SVG_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
SVG_METADATA = re.compile(rb"<metadata\b.*?</metadata>", re.DOTALL)
SVG_BETWEEN_TAGS = re.compile(rb">\s+<")
SVG_PROLOGUE = re.compile(rb"^\s*<\?xml[^>]*\?>\s*")


def minify_svg(data: bytes) -> bytes:
    """An SVG without comments, metadata, XML declaration or whitespace between its tags (text elements are left
    as drawn: whitespace inside them is kept)."""
    if b"<text" in data or b"xml:space" in data:
        stripped = SVG_COMMENT.sub(b"", SVG_METADATA.sub(b"", data))
        return SVG_PROLOGUE.sub(b"", stripped).strip()
    stripped = SVG_COMMENT.sub(b"", SVG_METADATA.sub(b"", data))
    return SVG_BETWEEN_TAGS.sub(b"><", SVG_PROLOGUE.sub(b"", stripped)).strip()


def published_files(root: Path, file: str, cache: Path) -> dict[str, bytes]:
    """Every file the site publishes for the content's image ``file`` (media/port.jpg, below ``root``): its
    renditions, or the drawing minified."""
    data = (root / file).read_bytes()
    facts = facts_of(data, PurePosixPath(file).suffix)
    if facts.is_vector:
        return {media_address(file): minify_svg(data)}
    picture = picture_of(file, facts)
    return {r.address: rendition_bytes(data, facts, r, cache) for r in picture.renditions}
