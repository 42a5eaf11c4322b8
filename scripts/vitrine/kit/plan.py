"""The plan of the pitch kit: which documents exist, in which languages, and where their QR codes lead.

Everything here is derived from the content alone, so that the site (its ``/go/`` forwarding pages and its
downloads page) and the kit agree without either reading the other's output. A document's short code depends
only on stable identifiers (language, event, sector), never on page addresses: a printed code stays valid
when pages move, because the forwarding table is generated again from the content.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlencode

from vitrine.resolve import Model
from vitrine.schema import Event, KitComposition, Slide
from vitrine.site.pages import Links, plan
from vitrine.validate import Item


class Kind(StrEnum):
    DECK = "deck"
    SHEET = "sheet"
    FIGURES = "figures"


class Variant(StrEnum):
    SCREEN = "screen"
    PRINT = "print"  # 3 mm bleed, crop marks, images at full resolution


KIT_FOLDER = "kit"
GO_FOLDER = "go"
STANDARD_CAMPAIGN = "kit"
PROJECTS_PER_SLIDE = 3
ARGUMENTS_PER_SLIDE = 5


@dataclass(frozen=True)
class Document:
    kind: Kind
    language: str
    variant: Variant = Variant.SCREEN
    event: str | None = None
    sector: str | None = None

    @property
    def name(self) -> str:
        """What the document is, the same in every language: "deck", "mipim-2027", "sheet-health", "figures"."""
        if self.kind is Kind.DECK:
            return self.event or "deck"
        if self.kind is Kind.SHEET:
            return f"sheet-{self.sector}"
        return "figures"

    @property
    def path(self) -> str:
        """Where the PDF is published, relative to the site's root."""
        suffix = "-print" if self.variant is Variant.PRINT else ""
        return f"{KIT_FOLDER}/{self.language}/{self.name}{suffix}.pdf"

    @property
    def code(self) -> str:
        """The short code of its QR address (/go/<code>/): both variants of a document share it."""
        return f"{self.language}-{self.name}"

    @property
    def campaign(self) -> str:
        return self.event or STANDARD_CAMPAIGN


def documents(model: Model) -> list[Document]:
    """Every document of the kit: per language the deck, the sector sheets and the key-figures sheet (each
    sheet also in a print variant), and per event a deck in each of the event's languages."""
    found: list[Document] = []
    for language in model.languages:
        code = language.code
        found.append(Document(Kind.DECK, code))
        for variant in Variant:
            found.append(Document(Kind.FIGURES, code, variant))
            found.extend(Document(Kind.SHEET, code, variant, sector=s.id) for s in model.sectors)
    for event in model.events:
        found.extend(Document(Kind.DECK, code, event=event.id) for code in event.data.languages)
    return found


def select(found: list[Document], event: str | None = None, language: str | None = None) -> list[Document]:
    """The documents of one event and/or one language (``vitrine kit --event … --lang …``)."""
    return [
        doc for doc in found if (event is None or doc.event == event) and (language is None or doc.language == language)
    ]


# --- composition of a deck -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeckContents:
    """What a deck shows once the composition's defaults are filled in."""

    slides: list[Slide]
    figures: list[str]
    sectors: list[str]
    projects: list[str]
    contacts: list[str]


def deck_contents(model: Model, event: Item[Event] | None) -> DeckContents:
    standard: KitComposition = model.territory.data.kit
    own = event.data.kit if event is not None else None
    composition = own or standard
    sectors = composition.sectors or (event.data.sectors if event is not None else []) or [s.id for s in model.sectors]
    promoted = {p.id for p in model.promoted_projects()}
    if composition.projects:
        projects = [p for p in composition.projects if p in promoted]
        if event is not None and own is None:
            # The standard selection, narrowed to the projects of the event's sectors.
            projects = [p for p in projects if set(model.items["project"][p].data.sectors) & set(sectors)]
    else:
        projects = []
    if not projects:
        listed = [p for s in sectors for p in model.items["sector"][s].data.projects]
        projects = [p for p in dict.fromkeys(listed) if p in promoted]
    contacts = [model.territory.data.main_contact]
    contacts += [c for s in sectors for c in model.items["sector"][s].data.contacts]
    return DeckContents(
        slides=list(composition.slides),
        figures=list(composition.figures or standard.figures or model.territory.data.headline_figures),
        sectors=list(sectors),
        projects=projects,
        contacts=list(dict.fromkeys(contacts)),
    )


# --- where the QR codes lead ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Forward:
    code: str
    language: str
    target: str  # below the site's root, with the campaign parameters: "en/sectors/health/?utm_source=…"


def target_page(doc: Document, links: Links) -> str:
    if doc.kind is Kind.SHEET:
        return links.url("sector", doc.sector)
    if doc.kind is Kind.FIGURES:
        return links.url("figures")
    return links.url("events") if doc.event else links.url("home")


def forwarding_table(model: Model) -> list[Forward]:
    """One forwarding address per document (both variants share it), sorted by code."""
    pages = plan(model)
    links = {lang.code: Links(model, pages, lang.code) for lang in model.languages}
    table: dict[str, Forward] = {}
    for doc in documents(model):
        query = urlencode({"utm_source": doc.name, "utm_medium": "print", "utm_campaign": doc.campaign})
        table[doc.code] = Forward(doc.code, doc.language, f"{target_page(doc, links[doc.language])}?{query}")
    return sorted(table.values(), key=lambda forward: forward.code)


def short_url(model: Model, doc: Document) -> str:
    """The absolute address printed under a document's QR code."""
    site = str(model.territory.data.site_url)
    return f"{site if site.endswith('/') else site + '/'}{GO_FOLDER}/{doc.code}/"
