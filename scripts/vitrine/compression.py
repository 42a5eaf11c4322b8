"""Precompressed copies of every text file of the site (``page.html.br`` and ``page.html.gz`` beside
``page.html``), so that the host sends them as they are (nginx ``brotli_static`` and ``gzip_static``) instead of
compressing each answer again, and at a stronger setting than it could afford per answer."""

from __future__ import annotations

import gzip
import hashlib
import re
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import brotli

from vitrine.whole_files import write_whole

TEXT_SUFFIXES = frozenset(
    {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map", ".webmanifest", ".ics", ".csv"}
)
COMPRESSION_CACHE = Path(".vitrine") / "cache" / "compressed"
SMALLEST = 512  # bytes: below this, a compressed answer saves less than its headers cost
# Files named by their content (the theme's scripts and styles) are compressed once and cached: at brotli's
# strongest setting. Pages change with the content: one step below is 2.6 times faster for 2.6 % more bytes.
LASTING = re.compile(r"[.-][0-9a-f]{8,}(?:\.min)?\.(?:js|css)$")
QUALITY_LASTING, QUALITY_PAGES = 11, 10


def compressible(site: Path) -> list[Path]:
    return sorted(
        path
        for path in site.rglob("*")
        if path.suffix in TEXT_SUFFIXES and path.is_file() and path.stat().st_size >= SMALLEST
    )


def compress_file(path: Path, cache: Path | None = None) -> int:
    """Write the file's .br and .gz copies (the same bytes for the same file); the bytes saved by brotli. With a
    ``cache``, copies made by an earlier build for the same bytes are reused (the theme's files never change)."""
    data = path.read_bytes()
    key = hashlib.sha256(f"{QUALITY_LASTING}|{QUALITY_PAGES}|".encode() + data).hexdigest()[:32]
    cached_br, cached_gz = (cache / f"{key}.br", cache / f"{key}.gz") if cache else (None, None)
    if cached_br is not None and cached_gz is not None and cached_br.is_file() and cached_gz.is_file():
        squeezed, zipped = cached_br.read_bytes(), cached_gz.read_bytes()
    else:
        quality = QUALITY_LASTING if LASTING.search(path.name) else QUALITY_PAGES
        squeezed = brotli.compress(data, quality=quality)
        zipped = gzip.compress(data, compresslevel=9, mtime=0)
        if cached_br is not None and cached_gz is not None:
            write_whole(cached_gz, zipped)
            write_whole(cached_br, squeezed)
    path.with_name(path.name + ".br").write_bytes(squeezed)
    path.with_name(path.name + ".gz").write_bytes(zipped)
    return len(data) - len(squeezed)


def precompress(site: Path, cache: Path | None = None, workers: int | None = None) -> int:
    """Compress every text file of the site on every core; the bytes saved by brotli over the whole site."""
    files = compressible(site)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    job = partial(compress_file, cache=cache)
    if workers == 1 or len(files) < 20:
        return sum(job(path) for path in files)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(job, files, chunksize=16))
