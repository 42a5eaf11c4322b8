"""One pack per fair: a zip of every document a booth team takes there, in each of the event's languages (PDF and
PowerPoint), with a one-page index sheet that says what each file is, which to print and on which paper. The same
content gives the same bytes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from vitrine.documents import Entry, Kind, Pack, Variant, pack_documents
from vitrine.kit.archives import zipped
from vitrine.kit.pdf import RenderJob, render_all
from vitrine.kit.render import render_page
from vitrine.model import Model
from vitrine.urls import KIT_FOLDER, pack_address
from vitrine.view import View

INDEX_NAME = "index.pdf"


USES = ("screen", "edit", "office", "print-shop")  # the order of the index's rows


@dataclass(frozen=True)
class IndexRow:
    file: str  # its name in each language's folder of the zip: "mipim-2027.pdf"
    what: str  # in the index's language: "Fiche secteur · Santé"
    folders: tuple[str, ...]  # the folders (language codes) that hold it: ("de", "en", "fr")
    use: str  # screen, office, print-shop, edit
    paper: str  # widescreen, a4, a4-bleed


def what_it_is(view: View, entry: Entry) -> str:
    if entry.kind == Kind.SHEET.value and entry.sector:
        return f"{view.t('kit.sheet')} · {view.sector(entry.sector).title}"
    if entry.kind == Kind.FIGURES.value:
        return view.t("labels.key_figures")
    return f"{view.t('kit.deck')} · {view.event(entry.event).name}" if entry.event else view.t("kit.deck")


def use_and_paper(entry: Entry) -> tuple[str, str]:
    if entry.format == "pptx":
        return "edit", "widescreen"
    if entry.kind == Kind.DECK.value:
        return "screen", "widescreen"
    if entry.variant == Variant.PRINT.value:
        return "print-shop", "a4-bleed"
    return "office", "a4"


def index_rows(view: View, entries: list[Entry]) -> list[IndexRow]:
    """One row per document, whatever the number of languages: the pack holds it once in each language's folder."""
    by_name: dict[str, list[Entry]] = {}
    for entry in entries:
        by_name.setdefault(in_zip(entry.path).split("/", 1)[1], []).append(entry)
    rows = []
    for name, copies in by_name.items():
        use, paper = use_and_paper(copies[0])
        folders = tuple(sorted(entry.language for entry in copies))
        rows.append(IndexRow(name, what_it_is(view, copies[0]), folders, use, paper))
    return sorted(rows, key=lambda row: (USES.index(row.use), row.file))


def in_zip(path: str) -> str:
    """A document's name in the pack: its path below the kit's folder (fr/mipim-2027.pdf)."""
    return path.removeprefix(f"{KIT_FOLDER}/")


def index_sheet(model: Model, event_id: str, entries: list[Entry], env: Environment, stylesheet: str) -> str:
    """The HTML of the index sheet, in the source language (the agency's own booth team reads it)."""
    view = View(model, model.source_language)
    rows = index_rows(view, entries)
    languages = [model.language(code) for code in sorted({entry.language for entry in entries})]
    return render_page(
        model, view, env, stylesheet, "pack-index.html", rows=rows, languages=languages, event=view.event(event_id)
    )


def build_pack(
    model: Model,
    event_id: str,
    built: dict[str, tuple[Entry, Path]],
    env: Environment,
    stylesheet: str,
    cache: Path,
) -> tuple[Pack, Path]:
    """The pack of one fair, into the cache, from the documents built (by their path); what the manifest says of it."""
    chosen = [built[doc.path] for doc in pack_documents(model, event_id)]
    html = index_sheet(model, event_id, [entry for entry, _file in chosen], env, stylesheet)
    key = hashlib.sha256(html.encode()).hexdigest()[:32]
    index = cache / f"{key}.pdf"
    render_all([RenderJob(key, html, model.root, Variant.SCREEN, index)], workers=1)
    members = [*((in_zip(entry.path), file.read_bytes()) for entry, file in chosen), (INDEX_NAME, index.read_bytes())]
    data = zipped(members, compress=False)  # PDFs and PowerPoint files are compressed already
    target = cache / f"pack-{hashlib.sha256(data).hexdigest()[:32]}.zip"
    if not target.is_file():
        target.write_bytes(data)
    pack = Pack(
        event_id,
        pack_address(event_id),
        len(data),
        hashlib.sha256(data).hexdigest(),
        [entry.path for entry, _file in chosen],
        INDEX_NAME,
    )
    return pack, target


def packs_to_build(model: Model, built: dict[str, tuple[Entry, Path]]) -> list[str]:
    """The events whose documents were all built by this run."""
    return [event.id for event in model.events if all(doc.path in built for doc in pack_documents(model, event.id))]
