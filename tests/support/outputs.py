"""Reading every published file as text, the way a visitor or a search could: compressed copies, PDFs, PowerPoint
files and zips opened."""

from __future__ import annotations

import gzip
import io
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import brotli


def texts_of(name: str, data: bytes) -> Iterator[tuple[str, str]]:
    """Every text a published file holds, opening compressed copies, PDFs, PowerPoint files and zips."""
    if name.endswith(".br"):
        yield from texts_of(name[:-3], brotli.decompress(data))
    elif name.endswith(".gz"):
        yield from texts_of(name[:-3], gzip.decompress(data))
    elif name.endswith(".pdf"):  # poppler: ten times faster than pypdf, for 119 PDFs and their copies in packs
        for tool in ("pdftotext", "pdfinfo"):
            read = subprocess.run(
                [tool, "-q", "-", "-"] if tool == "pdftotext" else [tool, "-"], input=data, capture_output=True
            )
            yield name, read.stdout.decode("utf-8", errors="replace")
    elif name.endswith((".pptx", ".zip")):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                yield from texts_of(f"{name}/{member}", archive.read(member))
    else:
        yield name, data.decode("utf-8", errors="replace")


def published_texts(site: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for every file of a built site, opened as ``texts_of`` does."""
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        yield from texts_of(path.relative_to(site).as_posix(), path.read_bytes())
