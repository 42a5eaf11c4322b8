"""Build the pitch kit: plan -> HTML per document -> PDFs (parallel, cached) -> site/kit/ and its manifest."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from vitrine.documents import Document, Entry, Kind, documents
from vitrine.fonts import font_files
from vitrine.kit import manifest
from vitrine.kit.pdf import RenderJob, cache_key, copy_out, prune, render_all
from vitrine.kit.render import TEMPLATE_FOLDER, RenderedDocument, environment, render
from vitrine.model import Model

CACHE_FOLDER = Path(".vitrine") / "cache" / "kit"
KIND_NAMES = {Kind.DECK: "deck", Kind.SHEET: "fact sheet", Kind.FIGURES: "key-figures sheet"}


@dataclass(frozen=True)
class BuiltDocument:
    entry: Entry
    pdf: Path  # in the cache
    seconds: float  # rendering time; 0 when it came from the cache
    from_cache: bool


@dataclass
class KitReport:
    built: list[BuiltDocument]
    seconds: float
    warnings: list[str] = field(default_factory=list)

    @property
    def rendered(self) -> int:
        return sum(not doc.from_cache for doc in self.built)

    @property
    def entries(self) -> list[Entry]:
        return [doc.entry for doc in self.built]


def _where(model: Model, doc: Document) -> str:
    if doc.kind is Kind.SHEET:
        return f"the summary or the first paragraph of sectors/{doc.sector}.{doc.language}.md"
    if doc.kind is Kind.FIGURES:
        return "the labels of figures.yml in that language, or the number of headline figures in territory.yml"
    return "the texts of that slide, or the kit: composition in territory.yml / events.yml"


def _check(model: Model, rendered: RenderedDocument, entry: Entry, missing: list[str]) -> list[str]:
    language = model.language(rendered.doc.language).name
    what = f"the {language} {KIND_NAMES[rendered.doc.kind]} “{rendered.title}” ({entry.path})"
    warnings = []
    if entry.pages != rendered.expected_pages:
        warnings.append(
            f"{what} has {entry.pages} pages instead of {rendered.expected_pages}: some text runs over its "
            f"{'slide' if rendered.doc.kind is Kind.DECK else 'page'}. Shorten {_where(model, rendered.doc)}."
        )
    for character in sorted(set(missing)):
        warnings.append(
            f"{what} shows a character that no installed font can draw: {character}. "
            "Replace it in the text, or install a font that has it."
        )
    return warnings


def prepare_kit(
    project: Path,
    model: Model,
    progress: Callable[[str], None],
    chosen: list[Document] | None = None,
    workers: int | None = None,
) -> KitReport:
    """Render the chosen documents (default: all) into the cache; nothing is published yet."""
    started = time.perf_counter()
    selection = documents(model) if chosen is None else chosen
    env = environment(project)
    stylesheet = (project / TEMPLATE_FOLDER / "kit.css").read_text(encoding="utf-8")
    cache = project / CACHE_FOLDER
    progress(f"Composing {len(selection)} documents of the pitch kit…")
    rendered = [render(model, doc, env, stylesheet) for doc in selection]
    fonts_of = {lang.code: font_files(lang.font) for lang in model.languages}
    jobs = []
    for item in rendered:
        key = cache_key(item, model.root, fonts_of[item.doc.language])
        jobs.append(RenderJob(key, item.html, model.root, item.doc.variant, cache / f"{key}.pdf"))
    waiting = sum(not job.target.is_file() for job in jobs)
    progress(f"Rendering {waiting} PDF(s) ({len(jobs) - waiting} unchanged, taken from the cache)…")
    outcomes = render_all(jobs, workers)
    report = KitReport([], 0.0)
    for item, job, outcome in zip(rendered, jobs, outcomes, strict=True):
        entry = manifest.describe(item.doc, item.title, job.target)
        report.built.append(BuiltDocument(entry, job.target, outcome.seconds, outcome.from_cache))
        report.warnings += _check(model, item, entry, outcome.missing_glyphs)
    prune(cache, {job.target for job in jobs})
    report.seconds = time.perf_counter() - started
    return report


def publish_kit(report: KitReport, model: Model, site: Path) -> list[Entry]:
    """Copy the PDFs under ``site``/kit/ and write the manifest, keeping the entries of documents this run did
    not build (``vitrine kit --lang ja`` leaves the other languages as they were)."""
    for doc in report.built:
        copy_out(doc.pdf, site / doc.entry.path)
    planned = {doc.path for doc in documents(model)}
    entries = manifest.merge(manifest.read(site / manifest.MANIFEST), report.entries, planned)
    target = site / manifest.MANIFEST
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(manifest.dumps(entries), encoding="utf-8")
    return entries
