"""The documents of the pitch kit, as the site and the kit both know them.

Which documents exist, in which languages, where each is published and where its QR code leads (the ``/go/``
table): everything here is derived from the content alone, so that the site (its forwarding pages and its
downloads page) and the kit agree without either reading the other's output. A document's short code depends
only on stable identifiers (language, event, sector), never on page addresses: a printed code stays valid when
pages move, because the forwarding table is made again from the content.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlencode

from vitrine.model import Model
from vitrine.urls import Links, absolute, go_address, kit_document_address, plan


class Kind(StrEnum):
    DECK = "deck"
    SHEET = "sheet"
    FIGURES = "figures"


class Variant(StrEnum):
    SCREEN = "screen"
    PRINT = "print"  # 3 mm bleed, crop marks, images at full resolution
    EDITABLE = "editable"  # a deck as a PowerPoint file, to change before a meeting


STANDARD_CAMPAIGN = "kit"


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
        """Where the document is published, relative to the site's root."""
        if self.variant is Variant.EDITABLE:
            return kit_document_address(self.language, self.name, extension="pptx")
        return kit_document_address(self.language, self.name, "-print" if self.variant is Variant.PRINT else "")

    @property
    def format(self) -> str:
        return "pptx" if self.variant is Variant.EDITABLE else "pdf"

    @property
    def code(self) -> str:
        """The short code of its QR address (/go/<code>/): both variants of a document share it."""
        return f"{self.language}-{self.name}"

    @property
    def campaign(self) -> str:
        return self.event or STANDARD_CAMPAIGN


def documents(model: Model) -> list[Document]:
    """Every document of the kit: per language the deck (as a PDF and as an editable PowerPoint file), the sector
    sheets and the key-figures sheet (each sheet also in a print variant), and per event a deck in each of the
    event's languages (PDF and PowerPoint)."""
    found: list[Document] = []
    for language in model.languages:
        code = language.code
        found += [Document(Kind.DECK, code), Document(Kind.DECK, code, Variant.EDITABLE)]
        for variant in (Variant.SCREEN, Variant.PRINT):
            found.append(Document(Kind.FIGURES, code, variant))
            found.extend(Document(Kind.SHEET, code, variant, sector=s.id) for s in model.sectors)
    for event in model.events:
        for code in event.data.languages:
            found += [Document(Kind.DECK, code, event=event.id), Document(Kind.DECK, code, Variant.EDITABLE, event.id)]
    return found


def select(found: list[Document], event: str | None = None, language: str | None = None) -> list[Document]:
    """The documents of one event and/or one language (``vitrine kit --event … --lang …``)."""
    return [
        doc for doc in found if (event is None or doc.event == event) and (language is None or doc.language == language)
    ]


def pack_documents(model: Model, event_id: str) -> list[Document]:
    """What a booth team takes to a fair, in each of the event's languages: the event's deck (PDF and PowerPoint),
    the key-figures sheet and the sheets of the event's sectors (each for the screen and for the print shop)."""
    event = model.items["event"][event_id]
    sectors = [sector.id for sector in model.sectors if sector.id in event.data.sectors]
    found: list[Document] = []
    for code in event.data.languages:
        found += [Document(Kind.DECK, code, event=event_id), Document(Kind.DECK, code, Variant.EDITABLE, event_id)]
        for variant in (Variant.SCREEN, Variant.PRINT):
            found.append(Document(Kind.FIGURES, code, variant))
            found += [Document(Kind.SHEET, code, variant, sector=sector) for sector in sectors]
    return found


# --- what the kit published ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One published document, as the manifest lists it and the downloads page shows it."""

    path: str  # relative to site/
    language: str
    kind: str  # deck, sheet, figures
    event: str | None
    variant: str  # screen, print
    pages: int
    bytes: int
    sha256: str
    title: str
    sector: str | None
    go: str  # the QR code's address below the site root: go/<code>/
    format: str = "pdf"  # pdf, or pptx for the editable decks


@dataclass(frozen=True)
class Pack:
    """The zip of a fair: its documents, and the index sheet that says what each is and how to print it."""

    event: str
    path: str  # relative to site/: kit/packs/mipim-2027.zip
    bytes: int
    sha256: str
    documents: list[str]  # the documents' paths, as the manifest lists them
    index: str  # the index sheet's name in the zip


KIND_ORDER = {Kind.DECK.value: 0, Kind.FIGURES.value: 1, Kind.SHEET.value: 2}


def for_downloads(entries: list[Entry], model: Model, language: str) -> list[Entry]:
    """The documents in ``language`` in the order of the downloads page: decks first, then key figures, then sector
    sheets in the sectors' order, each screen variant before its print variant; event decks last."""
    sectors = {sector.id: index for index, sector in enumerate(model.sectors)}
    return sorted(
        (entry for entry in entries if entry.language == language),
        key=lambda e: (
            e.event is not None,
            e.event or "",
            KIND_ORDER.get(e.kind, 9),
            sectors.get(e.sector or "", -1),
            (Variant.SCREEN.value, Variant.PRINT.value, Variant.EDITABLE.value).index(e.variant),
        ),
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
    return absolute(str(model.territory.data.site_url), go_address(doc.code))
