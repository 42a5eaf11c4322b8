"""Render each document of the kit as one HTML page for WeasyPrint, from the print templates in overrides/kit/.

The templates read the same ``View`` as the site's: the same texts, the same number formatting, the same
figure sources. Nothing here touches the disk but the templates and the stylesheet.
"""

from __future__ import annotations

import io
import re
import unicodedata
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


def width_of(text: str) -> int:
    """How much room a text takes, roughly: a wide character (CJK) counts as two narrow ones."""
    return sum(2 if unicodedata.east_asian_width(character) in "WF" else 1 for character in text)


def whole_sentences(text: str, room: int) -> str:
    """The sentences of ``text`` that fit in ``room`` (see width_of), at least the first: a sheet's paragraph ends
    at the end of a sentence, whatever the language's length."""
    text = " ".join(text.split())
    ends = [match.end() for match in SENTENCE_END.finditer(text)] + [len(text)]
    kept = ends[0]
    for end in ends[1:]:
        if width_of(text[:end].strip()) > room:
            break
        kept = end
    return text[:kept].strip()


# The room of a fact sheet's opening paragraph, in narrow characters: about nine lines of its column.
SHEET_STORY_ROOM = 520


def first_paragraph(body: str, view: View, room: int = SHEET_STORY_ROOM) -> str:
    """The opening paragraph of a long text, in whole sentences that fit its room, figures cited as "value unit"
    (the sheet prints the sources beside its figures), without links."""
    paragraph = next((p for p in re.split(r"\n\s*\n", body.strip()) if p.strip() and not p.startswith("#")), "")
    return whole_sentences(view.cite_figures(paragraph, view.figure_text), room)


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


@dataclass(frozen=True)
class Deck:
    """What a deck shows, for its PDF and its PowerPoint file alike."""

    view: View
    title: str
    event: Any  # the event's view, or None for the standard deck
    contents: DeckContents
    slides: list[tuple[str, Any]]
    address: str  # the QR code's short address


def deck(model: Model, doc: Document) -> Deck:
    view = View(model, doc.language)
    contents = deck_contents(model, model.items["event"][doc.event] if doc.event else None)
    return Deck(
        view,
        title_of(doc, view),
        view.event(doc.event) if doc.event else None,
        contents,
        slides_of(view, deck_slides(model, contents)),
        short_url(model, doc),
    )


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
        shown = deck(model, doc)
        context.update(v=shown.view, event=shown.event, contents=shown.contents, slides=shown.slides)
        html_text = env.get_template("deck.html").render(context)
        expected = len(shown.slides)
    else:
        template = "sheet.html" if doc.kind is Kind.SHEET else "figures.html"
        if doc.sector:
            context["sector"] = view.sector(doc.sector)
        headline = set(model.territory.data.headline_figures)
        context["kit_figures"] = [figure for figure in model.figures if figure not in headline]
        html_text = env.get_template(template).render(context)
        expected = 1
    return RenderedDocument(doc, context["title"], html_text, expected)


def render_page(model: Model, view: View, env: Environment, stylesheet: str, template: str, **context: Any) -> str:
    """A printed page that is not a document of the plan (the index sheet of a fair's pack), in ``view``'s language."""
    return env.get_template(template).render(
        v=view,
        doc=None,
        lang=view.code,
        dir=view.direction,
        font_stack=Markup(", ".join(f'"{family}"' for family in families_for(view.language.font))),
        stylesheet=Markup(stylesheet),
        print_variant=False,
        title=view.t("kit.pack_index"),
        **context,
    )


SVG = re.compile(r"<svg\b.*?</svg>", re.S)


def territory_map_svg(view: View, env: Environment) -> str | None:
    """The territory's map as a standalone SVG drawing, from the same macro as the site's and the PDF's."""
    shown = view.territory_map()
    if shown is None:
        return None
    macro: Any = env.get_template("shared/graphics.html").module.territory_map  # type: ignore[attr-defined]
    found = SVG.search(str(macro(shown, view, links=False)))
    return None if found is None else found.group(0)
