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

from vitrine.kit.plan import (
    ARGUMENTS_PER_SLIDE,
    PROJECTS_PER_SLIDE,
    DeckContents,
    Document,
    Kind,
    Variant,
    deck_contents,
    short_url,
)
from vitrine.resolve import FIGURE_CITATION, Model, View
from vitrine.schema import Slide
from vitrine.site import fonts

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

    def cite(match: re.Match[str]) -> str:
        figure = view.figure(match["id"])
        return f"{figure.value} {figure.unit}"

    return " ".join(FIGURE_CITATION.sub(cite, paragraph).split())


def chunks(items: list[Any], size: int) -> list[list[Any]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def environment(project: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(project / TEMPLATE_FOLDER),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(first_sentence=first_sentence)
    return env


def deck_slides(model: Model, contents: DeckContents) -> list[tuple[str, Any]]:
    """The slides in order, each as (slide kind, what it shows); sectors, projects and arguments expand to
    as many slides as they need."""
    slides: list[tuple[str, Any]] = []
    for slide in contents.slides:
        if slide is Slide.SECTORS:
            slides += [("sector", model.items["sector"][s]) for s in contents.sectors]
        elif slide is Slide.PROJECTS:
            projects = [model.items["project"][p] for p in contents.projects]
            slides += [("projects", group) for group in chunks(projects, PROJECTS_PER_SLIDE)]
        elif slide is Slide.WHY_HERE:
            slides += [("why-here", group) for group in chunks(model.arguments, ARGUMENTS_PER_SLIDE)]
        else:
            slides.append((slide.value, None))
    return slides


def title_of(model: Model, doc: Document, view: View) -> str:
    territory = view.territory.name
    if doc.kind is Kind.SHEET:
        assert doc.sector is not None
        return f"{view.text(model.items['sector'][doc.sector]).title} — {view.t('kit.sheet')} · {territory}"
    if doc.kind is Kind.FIGURES:
        return f"{view.t('labels.key_figures')} — {territory}"
    if doc.event:
        return f"{territory} — {model.items['event'][doc.event].data.name}"
    return f"{territory} — {view.t('kit.deck')}"


def render(model: Model, doc: Document, env: Environment, stylesheet: str) -> RenderedDocument:
    view = model.view(doc.language)
    language = model.language(doc.language)
    address = short_url(model, doc)
    context: dict[str, Any] = {
        "v": view,
        "doc": doc,
        "model": model,
        "title": title_of(model, doc, view),
        "lang": doc.language,
        "dir": language.direction.value,
        "font_stack": Markup(", ".join(f'"{family}"' for family in fonts.families_for(language.font))),
        "brand": model.territory.data.brand,
        "stylesheet": Markup(stylesheet),
        "print_variant": doc.variant is Variant.PRINT,
        "qr": qr_svg(address),
        "short_url": address.split("://", 1)[-1],
        "first_paragraph": lambda item: first_paragraph(view.body(item), view),
        "other_language": view.other_language,
        "figure_language": lambda figure: view.language_attributes(figure.language),
    }
    if doc.kind is Kind.DECK:
        event = model.items["event"][doc.event] if doc.event else None
        contents = deck_contents(model, event)
        slides = deck_slides(model, contents)
        context.update(event=event, contents=contents, slides=slides)
        html_text = env.get_template("deck.html").render(context)
        expected = len(slides)
    else:
        template = "sheet.html" if doc.kind is Kind.SHEET else "figures.html"
        if doc.sector:
            context["sector"] = model.items["sector"][doc.sector]
        headline = set(model.territory.data.headline_figures)
        context["kit_figures"] = [figure for figure in model.figures if figure not in headline]
        html_text = env.get_template(template).render(context)
        expected = 1
    return RenderedDocument(doc, context["title"], html_text, expected)
