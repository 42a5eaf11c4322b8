"""Precompressed copies of every text file of the site (``page.html.br`` and ``page.html.gz`` beside
``page.html``), so that the host sends them as they are (nginx ``brotli_static`` and ``gzip_static``) instead of
compressing each answer again, and at the strongest setting."""

from __future__ import annotations

import gzip
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import brotli

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map", ".webmanifest", ".ics"})
SMALLEST = 512  # bytes: below this, a compressed answer saves less than its headers cost


def compressible(site: Path) -> list[Path]:
    return sorted(
        path
        for path in site.rglob("*")
        if path.suffix in TEXT_SUFFIXES and path.is_file() and path.stat().st_size >= SMALLEST
    )


def compress_file(path: Path) -> int:
    """Write the file's .br and .gz copies (the same bytes for the same file); the bytes saved by brotli."""
    data = path.read_bytes()
    squeezed = brotli.compress(data, quality=11)
    path.with_name(path.name + ".br").write_bytes(squeezed)
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return len(data) - len(squeezed)


def precompress(site: Path, workers: int | None = None) -> int:
    """Compress every text file of the site on every core; the bytes saved by brotli over the whole site."""
    files = compressible(site)
    if workers == 1 or len(files) < 20:
        return sum(compress_file(path) for path in files)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(compress_file, files, chunksize=16))
