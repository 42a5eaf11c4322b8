"""Zip archives that give the same bytes for the same content (PowerPoint files, the packs of a fair): their
entries in a fixed order, with a fixed date and permissions."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable

FIXED_DATE = (2000, 1, 1, 0, 0, 0)
FIXED_STAMP = b"2000-01-01T00:00:00Z"
# The creation and change dates an Office part writes (the spreadsheet python-pptx embeds behind a native chart).
OFFICE_DATE = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def zipped(entries: Iterable[tuple[str, bytes]], keep_order: bool = False, compress: bool = True) -> bytes:
    """An archive of (name, bytes), sorted by name unless the order matters (a PowerPoint file's parts)."""
    items = list(entries) if keep_order else sorted(entries)
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", method) as archive:
        for name, content in items:
            entry = zipfile.ZipInfo(name, FIXED_DATE)
            entry.compress_type = method
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, content)
    return target.getvalue()


def reproducible_zip(data: bytes) -> bytes:
    """The same archive with fixed dates and permissions, its parts in their order; archives inside it (a chart's
    spreadsheet) and their Office dates fixed too."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return zipped(
        ((info.filename, steady(info.filename, source.read(info.filename))) for info in source.infolist()),
        keep_order=True,
    )


def steady(name: str, content: bytes) -> bytes:
    if name.endswith(".xlsx"):
        return reproducible_zip(content)
    if name.endswith("core.xml"):
        return OFFICE_DATE.sub(rb"\g<1>" + FIXED_STAMP + rb"\g<2>", content)
    return content
