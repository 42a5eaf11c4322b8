"""What a page costs a reader to download, compressed as the host sends it: the page, its stylesheets and
scripts (their .br copies), its images, and the font files whose characters it shows (a face with a
unicode-range is counted only when the page shows one of its characters; every other face is counted)."""

from __future__ import annotations

import re
from pathlib import Path

from vitrine.site.font_slices import page_characters

FACE = re.compile(r"@font-face\{[^}]*\}")
ASSET = re.compile(r'<(?:link|script|img)\b[^>]*\b(?:href|src)="([^"#?]+\.(?:css|js|svg|png|webp|avif|jpe?g))"')


def code_points(unicode_range: str) -> set[int]:
    found: set[int] = set()
    for part in unicode_range.split(","):
        start, _, end = part.strip()[2:].partition("-")
        found.update(range(int(start, 16), int(end or start, 16) + 1))
    return found


def sent(path: Path) -> int:
    compressed = path.with_name(path.name + ".br")
    return (compressed if compressed.is_file() else path).stat().st_size


def page_weight(site: Path, page: Path) -> dict[str, int]:
    """Bytes per file the page makes the reader download, by its path below the site."""
    html = page.read_text(encoding="utf-8")
    shown = {ord(c) for c in page_characters(html)}
    files = {page.relative_to(site).as_posix(): sent(page)}
    for address in dict.fromkeys(ASSET.findall(html)):
        asset = (page.parent / address).resolve()
        if not asset.is_file() or site.resolve() not in asset.parents:
            continue
        files[asset.relative_to(site.resolve()).as_posix()] = sent(asset)
        if asset.suffix == ".css":
            for face in FACE.findall(asset.read_text(encoding="utf-8")):
                ranged = re.search(r"unicode-range:([^;}]+)", face)
                if ranged and not shown & code_points(ranged.group(1)):
                    continue
                for url in re.findall(r'url\("([^"]+)"\)', face):
                    font = (asset.parent / url).resolve()
                    files[font.relative_to(site.resolve()).as_posix()] = font.stat().st_size
    return files
