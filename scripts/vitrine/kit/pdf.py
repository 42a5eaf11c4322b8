"""Turn rendered HTML into PDF with WeasyPrint, in parallel, skipping documents whose inputs did not change.

A PDF is cached under a key made of everything that shapes it: the HTML (which embeds the stylesheet and the
QR code), the bytes of the images it shows, the font files of its families, the variant's options and the
WeasyPrint version. An unchanged document is copied from the cache instead of being rendered again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import weasyprint

from vitrine.kit.plan import Variant
from vitrine.kit.render import RenderedDocument

# Part of every cache key: change it when the way PDFs are written changes.
RENDERER_VERSION = "kit-1"
SCREEN_OPTIONS: dict[str, object] = {"dpi": 150, "jpeg_quality": 82, "optimize_images": True}
PRINT_OPTIONS: dict[str, object] = {"dpi": None, "optimize_images": False}
MISSING_GLYPH = ".notdef glyph rendered"
FILE_URL = re.compile(r"""(?:src|href)="(file://[^"]+)\"""")


@dataclass(frozen=True)
class RenderJob:
    key: str
    html: str
    variant: Variant
    target: Path  # the cached PDF


@dataclass(frozen=True)
class RenderOutcome:
    key: str
    seconds: float
    missing_glyphs: list[str]
    from_cache: bool


def options_for(variant: Variant) -> dict[str, object]:
    return PRINT_OPTIONS if variant is Variant.PRINT else SCREEN_OPTIONS


def cache_key(rendered: RenderedDocument, font_files: list[Path]) -> str:
    digest = hashlib.sha256()
    for part in (RENDERER_VERSION, weasyprint.__version__, rendered.doc.variant.value, rendered.html):
        digest.update(part.encode())
        digest.update(b"\0")
    for url in sorted(set(FILE_URL.findall(rendered.html))):
        path = Path(unquote(urlparse(url).path))
        digest.update(path.read_bytes() if path.is_file() else b"missing")
    for font in font_files:
        stat = font.stat()
        digest.update(f"{font}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


class _GlyphWatcher(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.missing: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if MISSING_GLYPH in message:
            self.missing.append(message.split(":", 1)[-1].strip())


def render_pdf(job: RenderJob) -> RenderOutcome:
    """Render one document into the cache (runs in a worker process)."""
    started = time.perf_counter()
    watcher = _GlyphWatcher()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(watcher)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        partial = job.target.with_suffix(f".{os.getpid()}.part")
        weasyprint.HTML(string=job.html, base_url=str(job.target.parent)).write_pdf(
            partial, pdf_variant="pdf/ua-1", **options_for(job.variant)
        )
        partial.replace(job.target)
    finally:
        logger.removeHandler(watcher)
    return RenderOutcome(job.key, time.perf_counter() - started, watcher.missing, False)


def render_all(jobs: list[RenderJob], workers: int | None = None) -> list[RenderOutcome]:
    """Render the jobs whose PDF is not cached yet, on every core; cached ones are reported as such."""
    outcomes = {job.key: RenderOutcome(job.key, 0.0, [], True) for job in jobs if job.target.is_file()}
    todo = list({job.key: job for job in jobs if job.key not in outcomes}.values())
    if todo:
        todo[0].target.parent.mkdir(parents=True, exist_ok=True)
        count = max(1, min(workers or os.cpu_count() or 1, len(todo)))
        if count == 1:
            outcomes.update((job.key, render_pdf(job)) for job in todo)
        else:
            # Decks first: the longest jobs start early, so the cores finish together.
            todo.sort(key=lambda job: -len(job.html))
            with ProcessPoolExecutor(max_workers=count) as pool:
                for outcome in pool.map(render_pdf, todo):
                    outcomes[outcome.key] = outcome
    return [outcomes[job.key] for job in jobs]


def copy_out(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
