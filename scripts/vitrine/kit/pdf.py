"""Turn rendered HTML into PDF with WeasyPrint, in parallel, skipping documents whose inputs did not change.

A PDF is cached under a key made of everything that shapes it: the HTML (which embeds the stylesheet and the
QR code), the bytes of the images it shows, the font files of its families, the variant's options and the
WeasyPrint version. An unchanged document is copied from the cache instead of being rendered again.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import logging
import os
import re
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import weasyprint
from pypdf import PdfReader

from vitrine.documents import Variant
from vitrine.kit.render import RenderedDocument

# Part of every cache key: change it when the way PDFs are written changes.
RENDERER_VERSION = "kit-2"
SCREEN_OPTIONS: dict[str, object] = {"dpi": 150, "jpeg_quality": 82, "optimize_images": True}
PRINT_OPTIONS: dict[str, object] = {"dpi": None, "optimize_images": False}
MISSING_GLYPH = ".notdef glyph rendered"
# Files the HTML refers to, relative to the content folder (media/port.svg).
LOCAL_FILE = re.compile(r"""\ssrc="(?![a-z]+:)([^"]+)\"""")
# Cached PDFs no build has used for this long are removed (other content folders, such as tests', share it).
CACHE_KEEP_SECONDS = 14 * 24 * 3600


@dataclass(frozen=True)
class RenderJob:
    key: str
    html: str
    base: Path  # the content folder: images are found relative to it
    variant: Variant
    target: Path  # the cached PDF


@dataclass(frozen=True)
class RenderOutcome:
    key: str
    seconds: float
    missing_glyphs: list[str]
    from_cache: bool
    facts: FileFacts


@dataclass(frozen=True)
class FileFacts:
    """What the cache remembers of a document, so that a build never reads a cached file again."""

    pages: int
    size: int  # bytes
    sha256: str

    @classmethod
    def of(cls, data: bytes, pages: int) -> FileFacts:
        return cls(pages, len(data), hashlib.sha256(data).hexdigest())


def options_for(variant: Variant) -> dict[str, object]:
    return PRINT_OPTIONS if variant is Variant.PRINT else SCREEN_OPTIONS


def cache_key(rendered: RenderedDocument, base: Path, font_files: list[Path]) -> str:
    digest = hashlib.sha256()
    for part in (RENDERER_VERSION, weasyprint.__version__, rendered.doc.variant.value, rendered.html):
        digest.update(part.encode())
        digest.update(b"\0")
    for reference in sorted(set(LOCAL_FILE.findall(rendered.html))):
        path = base / html.unescape(reference)
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
        weasyprint.HTML(string=job.html, base_url=f"{job.base.as_uri()}/").write_pdf(
            partial, pdf_variant="pdf/ua-1", **options_for(job.variant)
        )
        data = partial.read_bytes()
        facts = FileFacts.of(data, len(PdfReader(io.BytesIO(data)).pages))
        # What rendering found is kept beside the PDF, so that a document taken from the cache reports it too.
        write_notes(job.target, watcher.missing, facts)
        partial.replace(job.target)
    finally:
        logger.removeHandler(watcher)
    return RenderOutcome(job.key, time.perf_counter() - started, watcher.missing, False, facts)


def write_notes(target: Path, missing_glyphs: list[str], facts: FileFacts) -> None:
    notes = {"missing_glyphs": missing_glyphs, **asdict(facts)}
    notes_of(target).write_text(json.dumps(notes), encoding="utf-8")


def notes_of(pdf: Path) -> Path:
    return pdf.with_suffix(".json")


def read_notes(target: Path) -> tuple[list[str], FileFacts]:
    """What the cache remembers of a file (a cache written by an older version is read once to fill it in)."""
    notes: dict[str, Any] = {}
    if notes_of(target).is_file():
        notes = json.loads(notes_of(target).read_text(encoding="utf-8"))
    missing = list(notes.get("missing_glyphs", []))
    if {"pages", "size", "sha256"} <= set(notes):
        return missing, FileFacts(int(notes["pages"]), int(notes["size"]), str(notes["sha256"]))
    data = target.read_bytes()
    facts = FileFacts.of(data, len(PdfReader(io.BytesIO(data)).pages))
    write_notes(target, missing, facts)
    return missing, facts


def cached_outcome(job: RenderJob) -> RenderOutcome:
    missing, facts = read_notes(job.target)
    os.utime(job.target)  # still in use: keep it in the cache
    return RenderOutcome(job.key, 0.0, missing, True, facts)


def render_all(
    jobs: list[RenderJob], workers: int | None = None, done: Callable[[int, int], None] | None = None
) -> list[RenderOutcome]:
    """Render the jobs whose PDF is not cached yet, on every core; cached ones are reported as such. ``done`` is
    told how many of those to render are finished, as each finishes."""
    outcomes = {job.key: cached_outcome(job) for job in jobs if job.target.is_file()}
    todo = list({job.key: job for job in jobs if job.key not in outcomes}.values())
    if todo:
        todo[0].target.parent.mkdir(parents=True, exist_ok=True)
        count = max(1, min(workers or os.cpu_count() or 1, len(todo)))
        tell = done or (lambda _done, _total: None)
        if count == 1:
            for number, job in enumerate(todo, 1):
                outcomes[job.key] = render_pdf(job)
                tell(number, len(todo))
        else:
            # Decks first: the longest jobs start early, so the cores finish together.
            todo.sort(key=lambda job: -len(job.html))
            with ProcessPoolExecutor(max_workers=count) as pool:
                futures = [pool.submit(render_pdf, job) for job in todo]
                for number, future in enumerate(as_completed(futures), 1):
                    outcome = future.result()
                    outcomes[outcome.key] = outcome
                    tell(number, len(todo))
    return [outcomes[job.key] for job in jobs]


def prune(cache: Path, used: set[Path]) -> None:
    """Remove cached documents that this build did not use and no build has used for two weeks."""
    limit = time.time() - CACHE_KEEP_SECONDS
    for cached in [*cache.glob("*.pdf"), *cache.glob("*.pptx")]:
        if cached not in used and cached.stat().st_mtime < limit:
            cached.unlink(missing_ok=True)
            notes_of(cached).unlink(missing_ok=True)


def copy_out(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
