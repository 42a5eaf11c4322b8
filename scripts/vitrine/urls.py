"""Every address of the output, in one module: which pages exist and where, and where generated files go.

The site and the kit both read these rules, so that a link in a page, a QR code in a PDF and the file they lead
to always agree. Addresses are relative to the site's root and end with a slash for pages ("en/sectors/health/").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from vitrine.model import Model
from vitrine.schema import PageKind

GENERATED_ASSETS = "assets/generated"
FONTS_FOLDER = f"{GENERATED_ASSETS}/fonts"
MEDIA_FOLDER = f"{GENERATED_ASSETS}/media"
KIT_FOLDER = "kit"
GO_FOLDER = "go"


def media_address(file: str) -> str:
    """Where the site publishes an image of the content folder: media/iter.svg -> assets/generated/media/iter.svg."""
    return f"{MEDIA_FOLDER}/{PurePosixPath(file).name}"


def card_address(page_url: str) -> str:
    """The social card of a page, in the same folders as the page: ja/sectors/health/ ->
    assets/generated/cards/ja/sectors/health/index.png."""
    folder = page_url.strip("/")
    return f"{GENERATED_ASSETS}/cards/{folder + '/' if folder else ''}index.png"


def font_css_address(language: str) -> str:
    """The stylesheet of a language's self-hosted fonts."""
    return f"{GENERATED_ASSETS}/fonts-{language}.css"


def kit_document_address(language: str, name: str, suffix: str = "", extension: str = "pdf") -> str:
    """Where a document of the kit is published: kit/ja/sheet-health-print.pdf, kit/ja/deck.pptx."""
    return f"{KIT_FOLDER}/{language}/{name}{suffix}.{extension}"


def pack_address(event: str) -> str:
    """Where the zip of a fair's documents is published: kit/packs/mipim-2027.zip."""
    return f"{KIT_FOLDER}/packs/{event}.zip"


def go_address(code: str) -> str:
    """The short address of a printed QR code: go/ja-sheet-health/."""
    return f"{GO_FOLDER}/{code}/"


def absolute(site_url: str, address: str) -> str:
    """An address below the site's root as a full URL."""
    return f"{site_url if site_url.endswith('/') else site_url + '/'}{address}"


def language_prefix(model: Model, language: str) -> str:
    """The source language sits at the root of the site, every other language in its own folder."""
    return "" if language == model.source_language else f"{language}/"


# --- the pages of the site ---------------------------------------------------------------------------

PAGE_KIND_TEMPLATES = {
    PageKind.ABOUT: "page.html",
    PageKind.PAGE: "page.html",
    PageKind.LEGAL_NOTICE: "legal-notice.html",
    PageKind.PERSONAL_DATA: "personal-data.html",
    PageKind.ACCESSIBILITY: "accessibility.html",
}

# Pages that show a list or the whole territory: (page kind, path without suffix, template).
STRUCTURAL_PAGES = (
    ("home", "index", "home.html"),
    ("sectors", "sectors/index", "sectors.html"),
    ("projects", "projects/index", "projects.html"),
    ("figures", "figures", "figures.html"),
    ("why-here", "why-here", "why-here.html"),
    ("international", "international", "international.html"),
    ("events", "events", "events.html"),
    ("contact", "contact", "contact.html"),
    ("downloads", "downloads", "downloads.html"),
    ("site-map", "site-map", "site-map.html"),
)

# The open data files (CSV and JSON, the same in every language), and the page that lists and explains them.
DATA_FOLDER = "data"
DATA_PAGE = ("open-data", "open-data", "open-data.html")  # page kind, path, template

# The staff's view of translations: built in the source language only, linked from no public page.
STATUS_PAGE = "staff/translations"

# Pages of the investor essentials, made only when the content has items of their kind: (page kind, path, template,
# kind of item).
ESSENTIAL_PAGES = (
    ("incentives", "incentives", "incentives.html", "incentive"),
    ("sites", "sites/index", "sites.html", "site"),
    ("stories", "stories", "stories.html", "story"),
)

# The folder of the pages of each kind of item.
ITEM_FOLDERS = {"sector": "sectors", "project": "projects", "site": "sites", "partnership": "partnerships", "page": ""}


@dataclass(frozen=True)
class PlannedPage:
    kind: str  # "home", "sector", "page"…
    item_id: str | None
    path: str  # without language suffix nor extension: "sectors/health"
    template: str
    source_only: bool = False  # staff pages exist in the source language only

    def url(self, language_prefix: str) -> str:
        """The address of the page below the site root, with a trailing slash ("en/sectors/health/")."""
        path = self.path[: -len("index")] if self.path.endswith("index") else f"{self.path}/"
        return f"{language_prefix}{path}"


def item_page(kind: str, item_id: str, template: str) -> PlannedPage:
    folder = ITEM_FOLDERS[kind]
    return PlannedPage(kind, item_id, f"{folder}/{item_id}" if folder else item_id, template)


def plan(model: Model) -> list[PlannedPage]:
    """Every page of the site, in the order the navigation and the site map list them."""
    pages = [PlannedPage(kind, None, path, template) for kind, path, template in STRUCTURAL_PAGES]
    pages += [
        PlannedPage(kind, None, path, template) for kind, path, template, items in ESSENTIAL_PAGES if model.items[items]
    ]
    if model.territory.data.data_licence is not None:
        kind, path, template = DATA_PAGE
        pages.append(PlannedPage(kind, None, path, template))
    pages += [item_page("sector", sector.id, "sector.html") for sector in model.sectors]
    pages += [item_page("project", project.id, "project.html") for project in model.projects]
    pages += [item_page("site", site.id, "site.html") for site in model.sites]
    pages += [item_page("partnership", p.id, "partnership.html") for p in model.partnerships]
    pages += [item_page("page", page.id, PAGE_KIND_TEMPLATES[page.data.kind]) for page in model.pages]
    pages.append(PlannedPage("translation-status", None, STATUS_PAGE, "translation-status.html", source_only=True))
    return pages


class Links:
    """Addresses of pages in one language: ``links.url('sector', 'health')`` -> "en/sectors/health/"."""

    def __init__(self, model: Model, pages: list[PlannedPage], language: str) -> None:
        self.prefix = language_prefix(model, language)
        self._pages = {(page.kind, page.item_id): page for page in pages}
        self._free_pages = {page.data.kind.value: page.id for page in model.pages}

    def url(self, kind: str, item_id: str | None = None) -> str:
        return self._pages[(kind, item_id)].url(self.prefix)

    def has(self, kind: str, item_id: str | None = None) -> bool:
        """True when the site has that page (the pages of the investor essentials exist only with items)."""
        return (kind, item_id) in self._pages

    def free_page(self, page_kind: str) -> str | None:
        """The address of the free page of a kind (legal-notice…), or None when the content has none."""
        item_id = self._free_pages.get(page_kind)
        return None if item_id is None else self.url("page", item_id)


def data_file(table: str, suffix: str) -> str:
    """The address of an open data file below the site's root: "data/key-figures.csv"."""
    return f"{DATA_FOLDER}/{table}.{suffix}"


# --- calendars and feeds, in each language's folder ------------------------------------------------------

# The iCalendar files sit beside the events page (events/): one per event, named by its identifier, and one of every
# upcoming event under this name, which no event may take (checks.py refuses it as an identifier).
EVENTS_FOLDER = "events"
ALL_EVENTS_CALENDAR = "calendar"
FEED_FILE = "feed.xml"


def calendar_address(model: Model, language: str, event_id: str | None = None) -> str:
    """The iCalendar file of one event, or of every upcoming event (no ``event_id``), in a language:
    events/calendar.ics, de/events/mipim-2027.ics."""
    return f"{language_prefix(model, language)}{EVENTS_FOLDER}/{event_id or ALL_EVENTS_CALENDAR}.ics"


def feed_address(model: Model, language: str) -> str:
    """The Atom feed of a language's news and fairs: feed.xml, de/feed.xml."""
    return f"{language_prefix(model, language)}{FEED_FILE}"
