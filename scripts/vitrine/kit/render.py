"""Render each document of the kit as one HTML page for WeasyPrint, from the print templates in overrides/kit/.

The templates read the same ``View`` as the site's: the same texts, the same number formatting, the same
figure sources. Nothing here touches the disk but the templates and the stylesheet.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import segno
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from vitrine.documents import Document, Kind, Variant, short_url
from vitrine.fonts import families_for
from vitrine.kit.plan import DeckContents, SlidePlan, deck_contents, deck_slides
from vitrine.model import Model
from vitrine.view import View

TEMPLATE_FOLDER = "overrides/kit"


@dataclass(frozen=True)
class RenderedDocument:
    doc: Document
    title: str
    html: str
    expected_pages: int  # a slide or a sheet that runs over its page adds pages: the build reports it


def qr_svg(address: str) -> Markup:
    """A vector QR code (medium error correction, so a slightly worn print still scans)."""
    buffer = io.BytesIO()
    segno.make(address, error="m", micro=False).save(
        buffer, kind="svg", xmldecl=False, svgns=True, nl=False, border=4, dark="#000", light="#fff"
    )
    return Markup(buffer.getvalue().decode())


# A sentence ends after a word of two letters or more, or a year, (not after "12." or "z. B.") and before a
# word that does not start in lower case; or after a CJK full stop.
SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2}[.!?])\s+(?=[^a-z\d])|(?<=\d{3}[.!?])\s+(?=[^a-z\d])|(?<=[。！？])")


def first_sentence(text: str) -> str:
    return SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0]


def first_paragraph(body: str, view: View) -> str:
    """The opening paragraph of a long text, figures cited as "value unit", without links."""
    paragraph = next((p for p in re.split(r"\n\s*\n", body.strip()) if p.strip() and not p.startswith("#")), "")
    # Printed paragraphs cite a figure as plain words: the sheet prints the sources beside its figures.
    return " ".join(view.cite_figures(paragraph, view.figure_text).split())


def environment(project: Path) -> Environment:
    # The kit's templates, then the theme folder: maps and charts come from overrides/shared/, as on the site.
    env = Environment(
        loader=FileSystemLoader([project / TEMPLATE_FOLDER, project / TEMPLATE_FOLDER.rsplit("/", 1)[0]]),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(first_sentence=first_sentence)
    env.filters["url"] = lambda address: address  # printed documents have no links to resolve (the site's filter)
    return env


def shown_on(view: View, kind: str, shown: str | list[str] | None) -> Any:
    """What a slide shows, as item views: one sector, or a group of projects or arguments."""
    if kind == "sector" and isinstance(shown, str):
        return view.sector(shown)
    if kind == "projects" and isinstance(shown, list):
        return [view.project(p) for p in shown]
    if kind == "why-here" and isinstance(shown, list):
        return [view.item("argument", a) for a in shown]
    return None


def slides_of(view: View, planned: list[SlidePlan]) -> list[tuple[str, Any]]:
    return [(kind, shown_on(view, kind, shown)) for kind, shown in planned]


def title_of(doc: Document, view: View) -> str:
    territory = view.territory.name
    if doc.kind is Kind.SHEET:
        assert doc.sector is not None
        return f"{view.sector(doc.sector).title} — {view.t('kit.sheet')} · {territory}"
    if doc.kind is Kind.FIGURES:
        return f"{view.t('labels.key_figures')} — {territory}"
    if doc.event:
        return f"{territory} — {view.event(doc.event).name}"
    return f"{territory} — {view.t('kit.deck')}"


def render(model: Model, doc: Document, env: Environment, stylesheet: str) -> RenderedDocument:
    view = View(model, doc.language)
    address = short_url(model, doc)
    context: dict[str, Any] = {
        "v": view,
        "doc": doc,
        "title": title_of(doc, view),
        "lang": doc.language,
        "dir": view.direction,
        "font_stack": Markup(", ".join(f'"{family}"' for family in families_for(view.language.font))),
        "stylesheet": Markup(stylesheet),
        "print_variant": doc.variant is Variant.PRINT,
        "qr": qr_svg(address),
        "short_url": address.split("://", 1)[-1],
        "first_paragraph": lambda shown: first_paragraph(shown.body, view),
    }
    if doc.kind is Kind.DECK:
        event = model.items["event"][doc.event] if doc.event else None
        contents: DeckContents = deck_contents(model, event)
        slides = slides_of(view, deck_slides(model, contents))
        context.update(event=view.event(doc.event) if doc.event else None, contents=contents, slides=slides)
        html_text = env.get_template("deck.html").render(context)
        expected = len(slides)
    else:
        template = "sheet.html" if doc.kind is Kind.SHEET else "figures.html"
        if doc.sector:
            context["sector"] = view.sector(doc.sector)
        headline = set(model.territory.data.headline_figures)
        context["kit_figures"] = [figure for figure in model.figures if figure not in headline]
        html_text = env.get_template(template).render(context)
        expected = 1
    return RenderedDocument(doc, context["title"], html_text, expected)
