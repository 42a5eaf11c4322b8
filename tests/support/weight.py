"""What a page costs a reader to download, compressed as the host sends it: the page, its stylesheets and
scripts (their .br copies), its images, and the font files whose characters it shows. A face with a
unicode-range is counted as a browser downloads it: when, for one of the characters the page shows, it is the last
face of its family declared that holds it (a later face wins where ranges overlap). Every other face is counted."""

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
            for url in downloaded_fonts(asset.read_text(encoding="utf-8"), shown):
                font = (asset.parent / url).resolve()
                files[font.relative_to(site.resolve()).as_posix()] = font.stat().st_size
    return files


def downloaded_fonts(css: str, shown: set[int]) -> list[str]:
    """The addresses of the font files a browser downloads from the stylesheet for the characters ``shown``."""
    chosen: list[str] = []
    last_holder: dict[tuple[str, int], list[str]] = {}  # (the face's descriptors, a character): its files
    for face in FACE.findall(css):
        urls = re.findall(r'url\("([^"]+)"\)', face)
        ranged = re.search(r"unicode-range:([^;}]+)", face)
        if ranged is None:
            chosen += urls
            continue
        # Faces compete for a character only within one family, weight and style.
        descriptors = ";".join(re.findall(r"font-(?:family|weight|style):([^;}]+)", face))
        for point in shown & code_points(ranged.group(1)):
            last_holder[(descriptors, point)] = urls
    chosen += [url for urls in last_holder.values() for url in urls]
    return list(dict.fromkeys(chosen))
