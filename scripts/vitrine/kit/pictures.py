"""Pictures for the editable decks: PowerPoint takes PNG and JPEG, so SVG drawings (the content's images, the
map) are drawn into PNG with CairoSVG; each conversion is kept in a cache folder under a hash of its input."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import cairosvg
import segno

from vitrine.whole_files import write_whole

PICTURE_VERSION = "png-1"
RASTER = (b"\x89PNG", b"\xff\xd8\xff")  # PNG and JPEG, which PowerPoint reads as they are


def png_of_svg(svg: bytes, width: int, cache: Path) -> bytes:
    key = hashlib.sha256(PICTURE_VERSION.encode() + width.to_bytes(4, "big") + svg).hexdigest()[:32]
    target = cache / f"{key}.png"
    if not target.is_file():
        data = cairosvg.svg2png(bytestring=svg, output_width=width)
        write_whole(target, data if isinstance(data, bytes) else b"")
    return target.read_bytes()


def picture(file: Path, width: int, cache: Path) -> bytes:
    """An image of the content as bytes PowerPoint reads: PNG and JPEG as they are, SVG drawn into PNG."""
    data = file.read_bytes()
    if data.startswith(RASTER):
        return data
    return png_of_svg(data, width, cache)


def qr_png(address: str) -> bytes:
    """The same QR code as the PDF's (medium error correction), as a PNG."""
    buffer = io.BytesIO()
    segno.make(address, error="m", micro=False).save(buffer, kind="png", scale=10, border=4, dark="#000", light="#fff")
    return buffer.getvalue()
