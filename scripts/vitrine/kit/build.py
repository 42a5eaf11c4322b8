"""Build the pitch kit: plan -> HTML per document -> PDFs (parallel, cached) -> site/kit/ and its manifest."""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import pptx
from jinja2 import Environment

from vitrine.documents import Document, Entry, Kind, Pack, Variant, documents
from vitrine.fonts import font_files
from vitrine.kit import archives, manifest, pictures, powerpoint
from vitrine.kit.packs import build_pack, packs_to_build
from vitrine.kit.pdf import (
    FileFacts,
    RenderJob,
    cache_key,
    copy_out,
    prune,
    read_notes,
    render_all,
    write_notes,
)
from vitrine.kit.pictures import picture, png_of_svg, qr_png
from vitrine.kit.powerpoint import DeckInputs, write_deck
from vitrine.kit.render import TEMPLATE_FOLDER, RenderedDocument, deck, environment, render, territory_map_svg
from vitrine.model import Model
from vitrine.progress import Count, Progress
from vitrine.whole_files import write_whole

CACHE_FOLDER = Path(".vitrine") / "cache" / "kit"
PICTURE_CACHE = Path(".vitrine") / "cache" / "pictures"
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
    packs: list[tuple[Pack, Path]] = field(default_factory=list)  # each fair's pack, and its file in the cache

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


def _writer_version() -> str:
    """The PowerPoint writer's own code and its library: a change to either writes every deck again."""
    digest = hashlib.sha256(pptx.__version__.encode())
    for module in (powerpoint, archives, pictures):
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()[:16]


POWERPOINT_VERSION = _writer_version()


def twin_of(doc: Document) -> Document:
    """The PDF a PowerPoint deck shares its slides with."""
    return Document(doc.kind, doc.language, Variant.SCREEN, doc.event, doc.sector)


def powerpoint_key(twin: RenderedDocument) -> str:
    """A PowerPoint deck shows what its PDF twin shows: the twin's HTML (with its images) keys it."""
    return hashlib.sha256(f"{POWERPOINT_VERSION}|{twin.html}".encode()).hexdigest()[:32]


def write_powerpoint(project: Path, model: Model, doc: Document, env: Environment, target: Path) -> FileFacts:
    """The deck as an editable PowerPoint file, into the cache; what the cache remembers of it."""
    shown = deck(model, doc)
    picture_cache = project / PICTURE_CACHE
    map_svg = territory_map_svg(shown.view, env)
    inputs = DeckInputs(
        view=shown.view,
        title=shown.title,
        slides=shown.slides,
        event=shown.event,
        contact_ids=shown.contents.contacts,
        figure_ids=shown.contents.figures,
        qr_png=qr_png(shown.address),
        short_url=shown.address.split("://", 1)[-1],
        map_png=None if map_svg is None else png_of_svg(map_svg.encode(), 1600, picture_cache),
        picture=lambda file: picture(model.root / file, 1400, picture_cache),
    )
    data = write_deck(inputs)
    write_whole(target, data)
    facts = FileFacts.of(data, len(shown.slides))
    write_notes(target, [], facts)
    return facts


def prepare_kit(
    project: Path,
    model: Model,
    progress: Progress,
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
    printed = [doc for doc in selection if doc.variant is not Variant.EDITABLE]
    editable = [doc for doc in selection if doc.variant is Variant.EDITABLE]
    rendered = {doc: render(model, doc, env, stylesheet) for doc in printed}
    for doc in editable:  # its PDF twin keys it, even when only the PowerPoint file was asked for
        if twin_of(doc) not in rendered:
            rendered[twin_of(doc)] = render(model, twin_of(doc), env, stylesheet)
    fonts_of = {lang.code: font_files(lang.font) for lang in model.languages}
    jobs = []
    for doc in printed:
        item = rendered[doc]
        key = cache_key(item, model.root, fonts_of[doc.language])
        jobs.append(RenderJob(key, item.html, model.root, doc.variant, cache / f"{key}.pdf"))
    waiting = sum(not job.target.is_file() for job in jobs)
    progress(f"Rendering {waiting} PDF(s) ({len(jobs) - waiting} unchanged, taken from the cache)…")
    outcomes = render_all(jobs, workers, lambda done, total: progress(Count("PDFs of the pitch kit", done, total)))
    report = KitReport([], 0.0)
    for doc, job, outcome in zip(printed, jobs, outcomes, strict=True):
        item = rendered[doc]
        facts = outcome.facts
        entry = manifest.describe(doc, item.title, facts.pages, facts.size, facts.sha256)
        report.built.append(BuiltDocument(entry, job.target, outcome.seconds, outcome.from_cache))
        report.warnings += _check(model, item, entry, outcome.missing_glyphs)
    if editable:
        progress(f"Writing {len(editable)} editable PowerPoint deck(s)…")
    for number, doc in enumerate(editable, 1):
        progress(Count("PowerPoint decks", number, len(editable)))
        twin = rendered[twin_of(doc)]
        target = cache / f"{powerpoint_key(twin)}.pptx"
        begun = time.perf_counter()
        cached = target.is_file()
        if cached:
            facts = read_notes(target)[1]
            os.utime(target)
        else:
            facts = write_powerpoint(project, model, doc, env, target)
        entry = manifest.describe(doc, twin.title, facts.pages, facts.size, facts.sha256)
        seconds = 0.0 if cached else time.perf_counter() - begun
        report.built.append(BuiltDocument(entry, target, seconds, cached))
    built = {doc.entry.path: (doc.entry, doc.pdf) for doc in report.built}
    for event_id in packs_to_build(model, built):
        report.packs.append(build_pack(model, event_id, built, env, stylesheet, cache))
    used = {job.target for job in jobs} | {doc.pdf for doc in report.built} | {file for _pack, file in report.packs}
    prune(cache, used)
    report.seconds = time.perf_counter() - started
    return report


def publish_kit(report: KitReport, model: Model, site: Path) -> list[Entry]:
    """Copy the documents and the packs under ``site``/kit/ and write the manifest, keeping the entries of documents
    this run did not build (``vitrine kit --lang ja`` leaves the other languages as they were)."""
    for doc in report.built:
        copy_out(doc.pdf, site / doc.entry.path)
    for pack, file in report.packs:
        copy_out(file, site / pack.path)
    planned = {doc.path for doc in documents(model)}
    previous_entries, previous_packs = manifest.read_all(site / manifest.MANIFEST)
    entries = manifest.merge(previous_entries, report.entries, planned)
    events = {event.id for event in model.events}
    packs = manifest.merge_packs(previous_packs, [pack for pack, _file in report.packs], events)
    target = site / manifest.MANIFEST
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(manifest.dumps(entries, packs), encoding="utf-8")
    return entries
