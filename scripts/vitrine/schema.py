"""The shape of every content type, declared once.

Each field carries a description in plain words: it is shown to staff in error messages ("expected …") and in
their editor (through the JSON Schema files that ``vitrine schema`` writes). A field that names another item
is marked with ``refs("sector", …)`` so that the resolve stage can check that the item exists.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, HttpUrl, RootModel, StringConstraints


def described(description: str, **kwargs: Any) -> Any:
    return Field(description=description, **kwargs)


Identifier = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$"),
    Field(description="an identifier: lower-case letters and digits, words joined by hyphens (like port-traffic)"),
]
LanguageCode = Annotated[
    str,
    # BCP 47: a language (2 or 3 letters), then optionally a script (Hant) and a region (PT, 419).
    StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$"),
    Field(description="a language code (BCP 47) such as fr, en, pt-PT, zh-Hant or es-419"),
]
CountryCode = Annotated[
    str, StringConstraints(pattern=r"^[A-Z]{2}$"), Field(description="a two-letter country code in capitals (FR, US)")
]
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"), Field(description="an e-mail address")]


def _known_time_zone(name: str) -> str:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError("a time zone of the IANA database, like Europe/Paris") from None
    return name


TimeZone = Annotated[
    str, AfterValidator(_known_time_zone), Field(description="a time zone name, like Europe/Paris or Asia/Tokyo")
]
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$"), Field(description="a colour like #0b3d68")]
Text = Annotated[str, StringConstraints(min_length=1), Field(description="some text")]
Url = Annotated[HttpUrl, Field(description="a web address starting with https://")]
# Fields for staff only: the schema marks them, and no output (site, search, kit, cards) may show them.
INTERNAL = "x-internal"
Flag = Annotated[
    str | None,
    Field(
        description="a note to staff (never shown to the public): why this item must be refreshed or worded with care",
        json_schema_extra={INTERNAL: True},
    ),
]
Notes = Annotated[
    str | None,
    Field(
        description="notes for staff (never shown to the public): history, who to ask, what was agreed",
        json_schema_extra={INTERNAL: True},
    ),
]


class Publication(StrEnum):
    PUBLISHED = "published"
    DRAFT = "draft"
    UNDER_REVIEW = "under_review"


# Work in progress is checked like the rest, and kept out of every public output (site, search, kit, data).
UNPUBLISHED = frozenset({"draft", "under_review"})
PUBLICATION_HELP = "published, draft or under_review (the last two stay out of the site, the kit and the data)"
SourceHash = Annotated[
    str | None,
    Field(description="fingerprint of the source text this translation was made from (written by the tools)"),
]


REFERS_TO = "x-refers-to"

# A figure cited inside a long text: [[figure:port-traffic]] prints its value, unit, source and year.
FIGURE_CITATION = re.compile(r"\[\[figure:(?P<id>[^\]\s]*)\]\]")


def refs(kind: str, description: str) -> Any:
    """A list of identifiers of items of ``kind``; the resolve stage checks that each exists."""
    return Field(default_factory=list, description=description, json_schema_extra={REFERS_TO: kind})


def ref(kind: str, description: str, **kwargs: Any) -> Any:
    """The identifier of one item of ``kind``; the resolve stage checks that it exists."""
    return Field(description=description, json_schema_extra={REFERS_TO: kind}, **kwargs)


class Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    @classmethod
    def internal_fields(cls) -> list[str]:
        """The fields for staff only, which no output may show."""
        return [
            name
            for name, info in cls.model_fields.items()
            if isinstance(info.json_schema_extra, dict) and info.json_schema_extra.get(INTERNAL)
        ]


# --- the territory -------------------------------------------------------------------------------


class Direction(StrEnum):
    LTR = "ltr"
    RTL = "rtl"


class Language(Schema):
    code: LanguageCode
    name: Text = described("the language's name in its own script (Français, English, 日本語)")
    direction: Direction = described("ltr (left to right) or rtl (right to left, as Arabic)", default=Direction.LTR)
    font: Text = described("the font family used for this language (installed on the machine)", default="Noto Sans")
    required: bool = described(
        "true when every text must be translated and up to date in this language (checked by vitrine check --strict)",
        default=False,
    )


class Brand(Schema):
    primary: Colour = described("the main brand colour, like #0b3d68")
    accent: Colour = described("the accent colour, like #e0533d")


class PageKind(StrEnum):
    ABOUT = "about"
    LEGAL_NOTICE = "legal-notice"
    PERSONAL_DATA = "personal-data"
    ACCESSIBILITY = "accessibility"
    PAGE = "page"


# --- the pitch kit ---------------------------------------------------------------------------------


class Slide(StrEnum):
    COVER = "cover"
    FIGURES = "figures"
    MAP = "map"
    WHY_HERE = "why-here"
    SECTORS = "sectors"
    PROJECTS = "projects"
    NETWORK = "network"
    CONTACTS = "contacts"


class KitComposition(Schema):
    """What a presentation deck shows, in which order: the composition of a kit is content."""

    slides: list[Slide] = described(
        "the slides of the deck, in order: cover, figures, map (the territory's projects and sites), why-here, "
        "sectors (one slide per sector), projects (three per slide), network, contacts",
        min_length=1,
    )
    figures: list[Identifier] = refs(
        "figure", "the figures of the “territory in figures” slide (default: the headline figures)"
    )
    sectors: list[Identifier] = refs("sector", "the sectors presented (default: all of them, or the event's)")
    projects: list[Identifier] = refs(
        "project", "the flagship projects presented (default: the promoted projects of the sectors presented)"
    )


class DataLicence(Schema):
    name: Text = described("the licence's name, as its authors write it (Licence Ouverte / Open Licence 2.0)")
    url: Url = described("the address of the licence's text")


class Territory(Schema):
    id: Identifier
    publisher: Text = described("the name of the organisation that publishes the site (Provence Promotion)")
    legal_pages: list[PageKind] = described(
        "the pages the law of the territory's country requires, each a page of pages/ with that kind "
        "(legal-notice, personal-data, accessibility)",
        default_factory=list,
    )
    logo: Text | None = described(
        "the logo's image file, relative to the content folder (media/logo.svg)", default=None
    )
    favicon: Text | None = described(
        "the browser tab's icon, relative to the content folder (media/icon.svg)", default=None
    )
    site_url: Url = described("the public address of the site, like https://www.example.org/")
    source_language: LanguageCode = described("the code of the language texts are written in first (fr)")
    languages: list[Language] = described("the languages of the site, the source language first", min_length=1)
    fallback_languages: list[LanguageCode] = refs(
        "language", "languages shown, in this order, when a text is not translated (before the source language)"
    )
    brand: Brand
    headline_figures: list[Identifier] = refs("figure", "the figures shown in the band of the home page")
    figures_outdated_after: int | None = described(
        "a key figure whose year is more than this many years ago is reported by vitrine check, to be updated "
        "(a warning; an error with --strict); leave it out to report none",
        default=None,
        ge=1,
        le=50,
    )
    main_contact: Identifier = ref("contact", "the main contact for investors, from contacts.yml")
    data_licence: DataLicence | None = described(
        "the open licence of the data files (key figures, projects, sites, incentives as CSV and JSON under "
        "data/); leave it out to publish no data files",
        default=None,
    )
    kit: KitComposition = described(
        "the standard pitch kit's presentation deck (default: every slide, the headline figures, all sectors)",
        default_factory=lambda: KitComposition(slides=list(Slide)),
    )


class TerritoryText(Schema):
    name: Text = described("the territory's name")
    tagline: Text = described("a short line under the name")
    value_proposition: Text = described("a paragraph: why invest here")
    contact_call: Text = described("one or two sentences inviting investors to get in touch")
    description: Text = described("a one-sentence description of the site, for search engines")
    publisher: Text | None = described(
        "the publisher's name in this language, when it is written otherwise", default=None
    )
    source_hash: SourceHash = None


# --- figures -------------------------------------------------------------------------------------


class Source(Schema):
    name: Text = described("who published the figure (organisation, publication)")
    url: Url = described("the address of the page where the figure can be checked")
    language: LanguageCode | None = described(
        "the language the name is written in, when it is not the source language (en for ITER Newsline)",
        default=None,
    )


class SeriesPoint(Schema):
    year: int = described("a year, like 2019", ge=1800, le=2200)
    value: float = described("the value that year (a number, with a dot for decimals)")


class Figure(Schema):
    id: Identifier
    value: float = described("a number, with a dot for decimals (70.5), without spaces or unit")
    unit: Identifier = described("a unit code; its words per language are in strings/<lang>.yml under units")
    year: int = described("the year the figure refers to, like 2024", ge=1800, le=2200)
    source: Source
    display: Literal["full", "compact"] = described("full (1,898,561) or compact (1.9 million)", default="full")
    series: list[SeriesPoint] = described("optional values over several years", default_factory=list)
    status: Publication = described(PUBLICATION_HELP, default=Publication.PUBLISHED)
    flag: Flag = None
    notes: Notes = None


class FigureText(Schema):
    label: Text = described("what the figure measures, in a few words")
    note: str | None = described("an optional short comment", default=None)
    source_hash: SourceHash = None


# --- sectors, projects, partnerships, pages (one folder each, Markdown texts) -----------------------


class Sector(Schema):
    order: int = described("the position of the sector in lists (1 comes first)", ge=1)
    figures: list[Identifier] = refs("figure", "the key figures of the sector")
    companies: list[Text] = described("leading companies established here", default_factory=list)
    clusters: list[Text] = described("clusters and networks of the sector", default_factory=list)
    projects: list[Identifier] = refs("project", "flagship projects of the sector")
    contacts: list[Identifier] = refs("contact", "who to contact about this sector")
    status: Publication = described(PUBLICATION_HELP, default=Publication.PUBLISHED)
    flag: Flag = None
    notes: Notes = None


class PageText(Schema):
    """The short fields of a text in Markdown; the long text follows the header block."""

    title: Text = described("the title of the page")
    summary: Text = described("one or two sentences that sum the page up")
    source_hash: SourceHash = None
    source_paragraphs: list[str] = described(
        "fingerprints of the source paragraphs this translation's paragraphs translate, in order "
        "(written by the tools)",
        default_factory=list,
    )


class ProjectStatus(StrEnum):
    ACTIVE = "active"
    PLANNED = "planned"
    COMPLETED = "completed"
    DRAFT = "draft"
    UNDER_REVIEW = "under_review"


class Place(Schema):
    city: Text = described("the town where the project is")
    lat: float = described("latitude in degrees, like 43.29", ge=-90, le=90)
    lon: float = described("longitude in degrees, like 5.38", ge=-180, le=180)


class Milestone(Schema):
    date: dt.date | int = described("a date (2016-09-23) or a year (2034)")
    what: Identifier = described("the kind of milestone; its words per language are in strings under milestones")


class Project(Schema):
    place: Place
    status: ProjectStatus = described(
        "active, planned or completed; draft or under_review keep it out of the site, the kit and the data"
    )
    sectors: list[Identifier] = refs("sector", "the sectors the project belongs to")
    figures: list[Identifier] = refs("figure", "the key figures of the project")
    milestones: list[Milestone] = described("dated steps of the project", default_factory=list)
    image: Identifier | None = ref("media", "the identifier of an image in media.yml", default=None)
    website: Url | None = described("the project's own web site", default=None)
    contacts: list[Identifier] = refs("contact", "who to contact about this project")
    flag: Flag = None
    notes: Notes = None


# --- the investor essentials: sites and premises, incentives, success stories -----------------------


class SiteKind(StrEnum):
    BUSINESS_PARK = "business-park"
    PORT_ZONE = "port-zone"
    OFFICES = "offices"
    TECHNOLOGY_PARK = "technology-park"
    LAND = "land"


class Access(Schema):
    """Travel times by road, in minutes, as the source that gives them states."""

    port: int | None = described("minutes to the port", default=None, ge=0)
    airport: int | None = described("minutes to the airport", default=None, ge=0)
    motorway: int | None = described("minutes to the nearest motorway junction", default=None, ge=0)
    rail: int | None = described("minutes to the high-speed rail station", default=None, ge=0)
    source: Source | None = described("where these times are published", default=None)


class Site(Schema):
    """A site or premises for investors: a business park, a port zone, an office district."""

    kind: SiteKind = described("business-park, port-zone, offices, technology-park or land")
    place: Place
    figures: list[Identifier] = refs("figure", "the site's figures: its area, what is available, its offices")
    access: Access = described("travel times to the port, the airport, the motorway", default_factory=Access)
    sectors: list[Identifier] = refs("sector", "the sectors the site suits")
    project: Identifier | None = ref("project", "the flagship project the site belongs to, if any", default=None)
    contacts: list[Identifier] = refs("contact", "who to contact about this site")
    image: Identifier | None = ref("media", "the identifier of an image in media.yml", default=None)
    website: Url | None = described("the site's own web site", default=None)
    status: Publication = described(PUBLICATION_HELP, default=Publication.PUBLISHED)
    flag: Flag = None
    notes: Notes = None


class IncentiveKind(StrEnum):
    TAX_CREDIT = "tax-credit"
    GRANT = "grant"
    ZONE = "zone"
    STATUS = "status"
    LOAN = "loan"


class Incentive(Schema):
    id: Identifier
    kind: IncentiveKind = described("tax-credit, grant, zone, status or loan")
    sectors: list[Identifier] = refs("sector", "the sectors it serves best (none: every sector)")
    reference: str | None = described("the legal text it rests on (CGI, article 244 quater B)", default=None)
    source: Source = described("the official page or legal text where it can be checked")
    year: int = described("the year of the rules described (rates and thresholds change)", ge=1800, le=2200)
    status: Publication = described(PUBLICATION_HELP, default=Publication.PUBLISHED)
    flag: Flag = None
    notes: Notes = None


class IncentiveText(Schema):
    name: Text = described("its name, as the authority writes it")
    summary: Text = described("one or two sentences: what it is")
    eligibility: Text = described("who is eligible")
    amount: Text = described("the amount or the rate, as the source states it")
    authority: Text = described("the authority that grants it")
    source_hash: SourceHash = None


class Story(Schema):
    """A company that chose the territory, told from public sources only: no invented quote, person or figure."""

    id: Identifier
    company: Text = described("the company's name")
    sectors: list[Identifier] = refs("sector", "the sectors of the story")
    year: int = described("the year of the establishment or of its announcement", ge=1800, le=2200)
    city: Text | None = described("where the company set up", default=None)
    source: Source = described("the public source of every fact told (press release, official news)")
    website: Url | None = described("the company's web site", default=None)
    status: Publication = described(PUBLICATION_HELP, default=Publication.PUBLISHED)
    flag: Flag = None
    notes: Notes = None


class StoryText(Schema):
    title: Text = described("the story in a few words")
    text: Text = described("two to four sentences of facts from the source")
    source_hash: SourceHash = None


class PartnershipTarget(Schema):
    id: Identifier
    sectors: list[Identifier] = refs("sector", "our sectors that match this target")


class Partnership(Schema):
    partner: Identifier = ref("network", "the partner, from network.yml")
    signed: dt.date = described("the date of signature, like 2025-04-28")
    place: Text = described("where it was signed")
    figures: list[Identifier] = refs("figure", "figures about the partner")
    targets: list[PartnershipTarget] = described("the target sectors of the partnership", default_factory=list)
    status: Publication = described(PUBLICATION_HELP, default=Publication.PUBLISHED)
    flag: Flag = None
    notes: Notes = None


class PartnershipText(PageText):
    targets: dict[Identifier, Text] = described("the name of each target, by its identifier", default_factory=dict)


class FactKind(StrEnum):
    TEXT = "text"
    PHONE = "phone"
    EMAIL = "email"
    URL = "url"


class Fact(Schema):
    id: Identifier = described("what the fact is (name, address, phone, registry, tax-id…): its label is in the texts")
    value: Text = described("the fact as the law wants it printed")
    kind: FactKind = described(
        "text, phone, email or url (phones, e-mails and addresses become links)", default=FactKind.TEXT
    )


class NoticeBlock(Schema):
    id: Identifier = described("whose facts these are (publisher, director, host…): its heading is in the texts")
    facts: list[Fact] = described("the facts, one line each", min_length=1)


class ConformityStatus(StrEnum):
    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"


class ComplaintWay(Schema):
    id: Identifier = described("a way to complain (form, delegates, mail…): its words are in the texts")
    url: Url | None = described("the web page of this way, if it is one", default=None)


class Statement(Schema):
    """The accessibility statement's facts; its sentences are in the page's texts (statement:)."""

    status: ConformityStatus = described("full, partial or none (none when no audit was made)")
    standard: Text = described("the accessibility standard the statement follows, like WCAG 2.1 AA")
    audit_date: dt.date | None = described("the date of the last audit (2026-10-15), or null", default=None)
    rate: float | None = described("the share of criteria met in that audit, in percent, or null", default=None)
    contact_email: Email = described("the e-mail address to report an accessibility problem")
    contact_form: Url | None = described("the address of a contact form, if any", default=None)
    contact_address: Text | None = described("a postal address to write to, if any", default=None)
    complaint: list[ComplaintWay] = described(
        "the ways to complain when a reported problem gets no answer (the authority the law names)",
        default_factory=list,
    )


class FreePage(Schema):
    kind: PageKind = described("about, legal-notice, personal-data, accessibility or page", default=PageKind.PAGE)
    footer: bool = described("true to list the page in the footer of every page", default=False)
    order: int = described("the position in the footer", default=99)
    blocks: list[NoticeBlock] = described(
        "a legal notice's blocks of facts, in order (the parties the law names: publisher, host…)",
        default_factory=list,
    )
    statement: Statement | None = described("an accessibility statement's facts", default=None)
    status: Publication = described(PUBLICATION_HELP, default=Publication.PUBLISHED)
    flag: Flag = None
    notes: Notes = None


class StatementText(Schema):
    """The sentences of an accessibility statement; {publisher}, {site}, {standard}, {date} and {rate} are filled in."""

    commitment: Text = described("who commits to what, under which law")
    conformity: Text = described("the sentence that states the conformity status")
    results: str | None = described("what the last audit found, with {date} and {rate}", default=None)
    no_audit: str | None = described("the sentence printed while no audit was made", default=None)
    feedback: Text = described("how to report a problem and get the content in another form")
    complaint: Text = described("the complaint procedure: when and to whom to turn")
    complaint_ways: dict[Identifier, Text] = described(
        "the words of each way to complain, by its identifier", default_factory=dict
    )


class FreePageText(PageText):
    headings: dict[Identifier, Text] = described("a legal notice's heading of each block", default_factory=dict)
    labels: dict[Identifier, Text] = described("the label printed before a fact (phone: “Tel.:”)", default_factory=dict)
    values: dict[Identifier, dict[Identifier, Text]] = described(
        "a fact's value in this language, when it is written otherwise (block, then fact)", default_factory=dict
    )
    statement: StatementText | None = described("an accessibility statement's sentences", default=None)


# --- lists kept in one file each (YAML texts) ------------------------------------------------------


class Argument(Schema):
    id: Identifier
    figures: list[Identifier] = refs("figure", "figures that back the argument")
    projects: list[Identifier] = refs("project", "projects that illustrate it")
    status: Publication = described(PUBLICATION_HELP, default=Publication.PUBLISHED)
    flag: Flag = None
    notes: Notes = None


class ArgumentText(Schema):
    title: Text = described("the argument in a few words")
    text: Text = described("two to four sentences")
    source_hash: SourceHash = None


class SisterCity(Schema):
    city: Text = described("the partner city")
    since: int = described("the year the link was made", ge=1800, le=2200)


class Destination(Schema):
    id: Identifier
    tier: Literal["priority", "high-potential"] = described("priority or high-potential")
    countries: list[CountryCode] = described("the countries, as two-letter codes", min_length=1)
    partners: list[Identifier] = refs("network", "who works this destination")
    sister_cities: list[SisterCity] = described("twinned cities and agreements", default_factory=list)
    since: int | None = described("the year the destination was added", default=None)
    contacts: list[Identifier] = refs("contact", "who to contact about this destination")
    status: Publication = described(PUBLICATION_HELP, default=Publication.PUBLISHED)
    flag: Flag = None
    notes: Notes = None


class DestinationText(Schema):
    name: Text = described("the destination's name")
    text: Text = described("two or three sentences")
    missions: list[Text] = described("missions and events, one short line each", default_factory=list)
    source_hash: SourceHash = None


class Event(Schema):
    id: Identifier
    name: Text = described("the event's name, with its year")
    city: Text = described("the city where it takes place")
    country: CountryCode
    start: dt.date = described("the first day, like 2027-03-09")
    end: dt.date = described("the last day, like 2027-03-12")
    sectors: list[Identifier] = refs("sector", "the sectors the event targets")
    languages: list[LanguageCode] = refs("language", "the visitors' languages")
    website: Url | None = described("the event's web site", default=None)
    opens: dt.time | None = described(
        "the time doors open on the first day, like 09:00 (with closes and timezone)", default=None
    )
    closes: dt.time | None = described("the time doors close on the last day, like 18:00", default=None)
    timezone: TimeZone | None = described("the event's time zone, like Europe/Paris or Asia/Shanghai", default=None)
    stand: str | None = described("our stand or pavilion", default=None)
    prospects: list[str] = described(
        "the companies staff plan to meet there, for staff only (never published)",
        default_factory=list,
        json_schema_extra={INTERNAL: True},
    )
    kit: KitComposition | None = described(
        "the deck printed for this event (default: the standard deck, with the event's sectors)", default=None
    )
    status: Publication = described(PUBLICATION_HELP, default=Publication.PUBLISHED)
    flag: Flag = None
    notes: Notes = None


class EventText(Schema):
    description: Text = described("two or three sentences about the event")
    city: str | None = described("the city's name in this language, when it is written otherwise", default=None)
    source_hash: SourceHash = None


class News(Schema):
    """A dated piece of news, published in the site's feeds (feed.xml) beside the fairs to come."""

    id: Identifier
    date: dt.date = described("the day of the news, like 2025-04-28")
    links: list[Url] = described(
        "addresses where the news can be read or checked (the first one is where a feed reader leads)",
        default_factory=list,
    )
    status: Publication = described(PUBLICATION_HELP, default=Publication.PUBLISHED)
    flag: Flag = None
    notes: Notes = None


class NewsText(Schema):
    title: Text = described("the news in a few words")
    text: Text = described("two to four sentences of facts")
    source_hash: SourceHash = None


class Organisation(Schema):
    id: Identifier
    kind: Literal["agency", "institution", "chamber", "network", "venue", "office", "club", "council", "platform"] = (
        described("agency, institution, chamber, network, venue, office, club, council or platform")
    )
    website: Url | None = described("its web site", default=None)
    project: Identifier | None = ref("project", "a related project", default=None)
    flag: Flag = None
    notes: Notes = None


class OrganisationText(Schema):
    name: Text = described("its name in this language")
    text: Text = described("two to four sentences on its role")
    source_hash: SourceHash = None


class Contact(Schema):
    id: Identifier
    organisation: Identifier = ref("network", "the organisation, from network.yml")
    email: Email = described("an e-mail address")
    phone: str | None = described("a phone number in international form (+33 …)", default=None)
    mobile: str | None = described(
        "the person's mobile phone, for staff only (never published)", default=None, json_schema_extra={INTERNAL: True}
    )
    flag: Flag = None
    notes: Notes = None


class ContactText(Schema):
    name: Text = described("the person's or the team's name")
    role: Text = described("what they do for investors")
    source_hash: SourceHash = None


class Media(Schema):
    id: Identifier
    file: Text = described("the image file, relative to the content folder (media/iter.svg)")
    credit: Text = described("the author or owner of the image")
    licence: Text = described("the licence, like CC-BY-4.0 or CC0-1.0")


class MediaText(Schema):
    alt: Text = described("what the image shows, for people who cannot see it")
    source_hash: SourceHash = None


class UiStrings(RootModel[dict[str, Any]]):
    """The words of the interface: nested groups of texts (units, milestones, labels…)."""


# --- the catalogue of content types ------------------------------------------------------------------


@dataclass(frozen=True)
class ContentType:
    """Where a kind of content lives and which schemas apply to its data and its texts."""

    kind: str  # the name used in references: "sector", "figure"…
    layout: Literal["single", "list", "folder"]
    location: str  # a file stem ("figures") or a folder ("sectors")
    data: type[Schema]
    text: type[Schema]
    title: str  # how staff call it, in messages

    # Where each item's files are: the one rule, used by validation, messages, status and translation tools.

    @property
    def text_extension(self) -> str:
        """Texts of a folder are Markdown (a header block, then the long text); texts of a list are YAML."""
        return "md" if self.layout == "folder" else "yml"

    def data_file(self, item_id: str) -> str:
        """The file holding the language-neutral data of ``item_id``: sectors/health.yml, figures.yml."""
        return f"{self.location}/{item_id}.yml" if self.layout == "folder" else f"{self.location}.yml"

    def text_file(self, item_id: str, language: str) -> str:
        """The file holding the ``language`` text of ``item_id``: sectors/health.en.md, figures.en.yml."""
        stem = f"{self.location}/{item_id}" if self.layout == "folder" else self.location
        return f"{stem}.{language}.{self.text_extension}"

    def describes(self) -> str:
        """The data file, as messages name it: sectors/<id>.yml (callers put the identifier in place of <id>)."""
        return self.data_file("<id>")


CONTENT_TYPES: tuple[ContentType, ...] = (
    ContentType("territory", "single", "territory", Territory, TerritoryText, "the territory"),
    ContentType("figure", "list", "figures", Figure, FigureText, "a key figure"),
    ContentType("sector", "folder", "sectors", Sector, PageText, "a sector"),
    ContentType("project", "folder", "projects", Project, PageText, "a flagship project"),
    ContentType("partnership", "folder", "partnerships", Partnership, PartnershipText, "a partnership"),
    ContentType("page", "folder", "pages", FreePage, FreePageText, "a page"),
    ContentType("site", "folder", "sites", Site, PageText, "a site"),
    ContentType("incentive", "list", "incentives", Incentive, IncentiveText, "an incentive"),
    ContentType("story", "list", "stories", Story, StoryText, "a success story"),
    ContentType("argument", "list", "arguments", Argument, ArgumentText, "an argument"),
    ContentType("destination", "list", "destinations", Destination, DestinationText, "a destination"),
    ContentType("event", "list", "events", Event, EventText, "an event"),
    ContentType("news", "list", "news", News, NewsText, "a news item"),
    ContentType("network", "list", "network", Organisation, OrganisationText, "an organisation"),
    ContentType("contact", "list", "contacts", Contact, ContactText, "a contact"),
    ContentType("media", "list", "media", Media, MediaText, "an image"),
)

CONTENT_TYPES_BY_KIND = {content_type.kind: content_type for content_type in CONTENT_TYPES}
