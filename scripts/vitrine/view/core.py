"""The View: the model seen in one language, the whole interface of the templates of the site and the kit.

Templates read the content only through it: interface strings with their parameters (``v.t('kit.pages',
count=3)``), numbers and dates as the language writes them, the territory's brand, legal and accessibility data,
the addresses of pages and images, figures with their source and year, and each item of content as an item view
(``v.sector('health').title``) that picks its text in the reader's language or the first fallback that has it, and
says so (``lang_attrs``). Every function here carries examples that run as tests (see ``vitrine/view/api.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Generic, TypeVar

from markupsafe import Markup

from vitrine import formatting
from vitrine.documents import Entry, Pack, for_downloads
from vitrine.geo.atlas import ATTRIBUTION, ATTRIBUTION_URL, AtlasMissing
from vitrine.geo.maps import Place, territory_geometry, world_geometry
from vitrine.images import Picture, picture_of, read_facts
from vitrine.model import HASH_FIELD, Item, Model
from vitrine.open_data import published_tables
from vitrine.schema import (
    FIGURE_CITATION,
    Argument,
    Brand,
    Contact,
    DataLicence,
    Destination,
    Event,
    Figure,
    FreePage,
    Incentive,
    Language,
    Media,
    Organisation,
    Partnership,
    Project,
    ProjectStatus,
    Schema,
    Sector,
    SisterCity,
    Site,
    Source,
    Statement,
    StatementText,
    Story,
)
from vitrine.strings import fill, is_plural_group, lookup, plural_form
from vitrine.translation.freshness import State, status, summary
from vitrine.urls import Links, calendar_address, data_file, feed_address, media_address, plan
from vitrine.view.api import example
from vitrine.view.figures import FigureView
from vitrine.view.graphics import (
    BarView,
    ChartView,
    CountryView,
    DestinationEntry,
    MarkerView,
    TerritoryMapView,
    WorldMapView,
)
from vitrine.view.structured_data import structured_data

DataT = TypeVar("DataT", bound=Schema)


class View:
    """The model seen in one language, with fallback and locale-aware formatting."""

    def __init__(
        self,
        model: Model,
        code: str,
        today: dt.date | None = None,
        kit: Sequence[Entry] = (),
        packs: Sequence[Pack] = (),
    ) -> None:
        self.model = model
        self.code = code
        self.today = today or dt.date.today()
        self.chain = model.fallback_chain(code)
        self.language = model.language(code)
        self.missing_strings: set[str] = set()
        # Lists are kept as given, not copied: the site's lists note which pages read them (site/page_cache.py).
        self._kit = kit if isinstance(kit, list) else list(kit)
        self._packs = packs if isinstance(packs, list) else list(packs)
        self._shown: dict[tuple[str, str], Shown[Any]] = {}
        self.missing_map_data = False  # set when a map was left out because the map data is not installed

    # --- the language ---------------------------------------------------------------------------------

    @property
    @example("{{ v.direction }}", "ltr")
    def direction(self) -> str:
        """ltr or rtl: the direction of this view's language."""
        return self.language.direction.value

    @property
    @example("{{ v.source_language }}", "en", language="de")
    def source_language(self) -> str:
        """The code of the language texts are written in first."""
        return self.model.source_language

    @example("{{ v.language_of('de').name }}", "Deutsch")
    def language_of(self, code: str) -> Language:
        """A declared language: its code, its name in its own script, its direction."""
        return self.model.language(code)

    @example("{{ v.language_attributes('de') }}", ' lang="de"')
    @example("[{{ v.language_attributes('en') }}]", "[]")
    def language_attributes(self, language: str) -> Markup:
        """lang (and dir, when it differs) for a passage in another language than this view's; empty otherwise.
        Templates write it inside the opening tag of the element holding the passage."""
        if language == self.code:
            return Markup("")
        direction = self.model.language(language).direction.value
        extra = f' dir="{direction}"' if direction != self.direction else ""
        return Markup(f' lang="{language}"{extra}')

    # --- interface strings ----------------------------------------------------------------------------

    @example("{{ v.t('nav.sectors') }}", "Sectors")
    @example("{{ v.t('nav.sectors') }}", "Branchen", language="de")
    @example("{{ v.t('labels.key_figures') }}", "Key figures", language="de")
    @example("{{ v.t('kit.kilobytes', size=12) }}", "12 KB")
    @example("{{ v.t('kit.pages', count=1) }}, {{ v.t('kit.pages', count=1200) }}", "1 page, 1,200 pages")
    def t(self, key: str, count: float | None = None, **values: Any) -> str:
        """An interface text, in this language or the first fallback that has it, with its places filled in.

        ``count`` chooses the plural form (CLDR rules of the language) and fills ``{count}`` as a number of this
        language; other values fill the places of their name. A key no language has is shown as written.
        """
        for code in self.chain:
            found = lookup(self.model.strings.get(code, {}), key)
            if is_plural_group(found):
                found = plural_form(found, count or 0, formatting.locale_for(self.code))
            if isinstance(found, str):
                filled = {name: str(value) for name, value in values.items()}
                if count is not None:
                    filled["count"] = self.number(count)
                return fill(found, filled)
        self.missing_strings.add(key)
        return key

    # --- numbers, dates, places -----------------------------------------------------------------------

    @example("{{ v.number(1898561) }}", "1,898,561")
    @example("{{ v.number(1898561, 'compact') }}", "1.9 million")
    @example("{{ v.number(70.5) }}", "70,5", language="de")
    def number(self, value: float, display: str = "full") -> str:
        """A number as the language writes it; "compact" shortens millions and more."""
        return formatting.format_number(value, self.code, display)

    @example("{{ v.date(v.today.replace(year=2025, month=4, day=28)) }}", "April 28, 2025")
    @example("{{ v.date(2034) }}", "2034")
    def date(self, value: Any, style: str = "long") -> str:
        """A date in the reader's language; a bare year stays a year."""
        return formatting.format_date(value, self.code, style)

    @example(
        "{{ v.date_range(v.today.replace(year=2027, month=3, day=9), v.today.replace(year=2027, month=3, day=12)) }}",
        "9.–12. März 2027",
        language="de",
    )
    def date_range(self, start: Any, end: Any) -> str:
        """Two dates as one span, sharing what they have in common."""
        return formatting.format_date_range(start, end, self.code)

    @example("{{ v.country('JP') }}", "Japan", language="de")
    def country(self, code: str) -> str:
        """The country's name in this language (CLDR), like "Japon" for JP in French."""
        return str(formatting.locale_for(self.code).territories.get(code, code))

    @example("{{ v.unit('people') }}", "people")
    def unit(self, code: str, after_compact: bool = False) -> str:
        """The words of a unit of figures.yml; after a number rounded to millions, the form the language writes
        there when its strings give one (units_compact: "1,9 million d'habitants")."""
        if after_compact:
            for language in self.chain:
                found = lookup(self.model.strings.get(language, {}), f"units_compact.{code}")
                if isinstance(found, str):
                    return found
                if lookup(self.model.strings.get(language, {}), f"units.{code}") is not None:
                    break  # the language has the unit without a compact form: its own words, not a fallback's
        return self.t(f"units.{code}")

    @example("{{ v.series_point(2019, '6.2 million') }}", "2019: 6.2 million")
    def series_point(self, year: int, value: str) -> str:
        """One value of a figure's series with its year, as the language writes the pair."""
        return self.t("labels.series_point", year=year, value=value)

    @example("{{ v.file_size(2400) }} · {{ v.file_size(3500000) }}", "2 KB · 3.3 MB")
    def file_size(self, size: int) -> str:
        """The size of a file in kilobytes, or megabytes with one decimal from 1 MB on."""
        if size >= 1024 * 1024:
            return self.t("kit.megabytes", size=self.number(round(size / 1024 / 1024, 1)))
        return self.t("kit.kilobytes", size=self.number(max(1, round(size / 1024))))

    # --- the territory --------------------------------------------------------------------------------

    @property
    @example("{{ v.territory.name }}", "Seeufer", language="de")
    def territory(self) -> Any:
        """The territory's texts: name, tagline, value_proposition, contact_call, description."""
        return self.text(self.model.territory)

    @property
    @example("{{ v.open_graph_locale }}", "de_DE", language="de")
    def open_graph_locale(self) -> str:
        """The language as Open Graph names locales (language_TERRITORY), for the page's sharing tags."""
        return formatting.open_graph_locale(self.code)

    @property
    @example("{{ v.brand.primary }}", "#14532d")
    def brand(self) -> Brand:
        """The brand colours: primary, accent."""
        return self.model.territory.data.brand

    @property
    @example("{{ v.publisher }}", "Lakeshore Development Agency")
    def publisher(self) -> str:
        """The organisation that publishes the site, as written in this language."""
        return str(getattr(self.territory, "publisher", None) or self.model.territory.data.publisher)

    @example("{{ v.accessibility().status }} {{ v.accessibility().standard }}", "partial WCAG 2.1 AA")
    @example("{{ v.accessibility().conformity }}", "This site is partially compliant with the WCAG 2.1 AA.")
    def accessibility(self) -> StatementView | None:
        """The accessibility statement (of the page of kind accessibility), or None when the site has none."""
        page = next((p for p in self.model.pages if p.data.statement is not None), None)
        return None if page is None else self.page(page.id).statement

    @property
    @example("{{ v.site_url }}", "https://invest.lakeshore.example/")
    def site_url(self) -> str:
        """The public address of the site."""
        return str(self.model.territory.data.site_url)

    @property
    @example("{{ v.main_contact.name }}", "Investor desk")
    def main_contact(self) -> ContactView:
        """The first contact for investors."""
        return self.contact(self.model.territory.data.main_contact)

    # --- addresses ------------------------------------------------------------------------------------

    @cached_property
    def _links(self) -> Links:
        return Links(self.model, plan(self.model), self.code)

    @example("{{ v.url('sector', 'water') }}", "sectors/water/")
    @example("{{ v.url('home') }}", "de/", language="de")
    def url(self, kind: str, item_id: str | None = None) -> str:
        """The address of a page of this language, below the site's root."""
        return self._links.url(kind, item_id)

    @example("{{ v.calendar_url() }}", "events/calendar.ics")
    @example("{{ v.calendar_url('water-expo-2027') }}", "de/events/water-expo-2027.ics", language="de")
    def calendar_url(self, event_id: str | None = None) -> str:
        """The address of the iCalendar file of one event, or of every upcoming event, in this language."""
        return calendar_address(self.model, self.code, event_id)

    @example("{{ v.feed_url() }}", "de/feed.xml", language="de")
    def feed_url(self) -> str:
        """The address of this language's Atom feed: the news and the fairs to come."""
        return feed_address(self.model, self.code)

    @example("{{ v.free_page('accessibility') }}", "accessibility/")
    @example("{{ v.free_page('legal-notice') is none }}", "True")
    def free_page(self, page_kind: str) -> str | None:
        """The address of the free page of a kind (legal-notice, accessibility…), or None when there is none."""
        return self._links.free_page(page_kind)

    @example("{{ v.structured_data('sector', 'water', 'Water')[0]['@type'] }}", "BreadcrumbList")
    @example("{{ v.structured_data('home', none, 'Lakeshore')[0].contactPoint[0].email }}", "desk@lakeshore.example")
    def structured_data(self, kind: str | None, item_id: str | None, title: str) -> list[dict[str, Any]]:
        """The page's JSON-LD blocks (schema.org): breadcrumbs, the organisation, events, places, stories."""
        return structured_data(self, kind, item_id, title)

    # --- texts of items -------------------------------------------------------------------------------

    def text_language(self, item: Item[Any]) -> str:
        """The language ``item``'s text is shown in: this one, or the first fallback that has it."""
        return next((code for code in self.chain if code in item.texts), self.model.source_language)

    def text(self, item: Item[Any]) -> Any:
        return item.texts[self.text_language(item)]

    def body(self, item: Item[Any]) -> str:
        return item.bodies.get(self.text_language(item), "")

    def is_stale(self, item: Item[Any]) -> bool:
        """True when the text shown is a translation made from an older version of the source text."""
        shown = self.text_language(item)
        if shown == self.model.source_language:
            return False
        return getattr(item.texts[shown], HASH_FIELD, None) != self.model.source_fingerprint(item)

    # --- figures --------------------------------------------------------------------------------------

    @example("{{ v.figure('residents').value }} {{ v.figure('residents').unit }}", "12.500 Menschen", language="de")
    def figure(self, figure_id: str) -> FigureView:
        """A key figure, formatted for this language, with its label, source and year."""
        item = self.model.figures[figure_id]
        data: Figure = item.data
        text = self.text(item)
        language = self.text_language(item)
        return FigureView(
            id=figure_id,
            label=text.label,
            value=self.number(data.value, data.display),
            unit=self.unit(data.unit, after_compact=formatting.is_compact(data.value, data.display)),
            year=data.year,
            source_name=data.source.name,
            source_url=str(data.source.url),
            source_language=data.source.language or self.model.source_language,
            note=text.note,
            series=[(point.year, self.number(point.value, data.display)) for point in data.series],
            language=language,
            lang_attrs=self.language_attributes(language),
        )

    def figures(self, ids: Sequence[str]) -> list[FigureView]:
        """The figures of a list of identifiers, in that order."""
        return [self.figure(figure_id) for figure_id in ids]

    @example("{{ v.all_figures() | map(attribute='id') | join(', ') }}", "residents")
    def all_figures(self) -> list[FigureView]:
        """Every figure, in the order of figures.yml."""
        return self.figures(list(self.model.figures))

    @example("{{ v.headline_figures() | map(attribute='label') | join(', ') }}", "Residents")
    def headline_figures(self) -> list[FigureView]:
        """The figures of the home page's band."""
        return self.figures(self.model.territory.data.headline_figures)

    @example("{{ v.figure_text(v.figure('residents')) }}", "12.500 Menschen", language="de")
    def figure_text(self, figure: FigureView) -> str:
        """A figure as plain words: its value and unit."""
        return f"{figure.value} {figure.unit}"

    @example("{{ v.cite_figures('We are [[figure:residents]].', v.figure_text) }}", "We are 12,500 people.")
    def cite_figures(self, body: str, render: Callable[[FigureView], str]) -> str:
        """A long text with each [[figure:id]] replaced by what ``render`` makes of the figure: the one place
        where citations are found, for the site (a macro with source and year) and the kit (value and unit)."""
        return FIGURE_CITATION.sub(lambda match: str(render(self.figure(match["id"]))), body)

    # --- items ----------------------------------------------------------------------------------------

    def item(self, kind: str, identifier: str) -> Shown[Any]:
        """Any item of content as its item view (the page's ``entry``)."""
        key = (kind, identifier)
        if key not in self._shown:
            self._shown[key] = SHOWN_BY_KIND.get(kind, Shown)(self, self.model.items[kind][identifier])
        return self._shown[key]

    def forget_items(self) -> None:
        """Make the item views afresh from here on: each then reads its item's texts again when asked (the site
        learns which texts each page shows from these reads, site/page_cache.py)."""
        self._shown.clear()

    def _all(self, items: Sequence[Item[Any]]) -> list[Any]:
        return [self.item(item.kind, item.id) for item in items]

    @example("{{ v.sector('water').title }}", "Water technologies", language="de")
    def sector(self, identifier: str) -> SectorView:
        """One sector, by its identifier."""
        return self.item("sector", identifier)  # type: ignore[return-value]

    @example("{{ v.sectors() | map(attribute='id') | join(', ') }}", "water")
    def sectors(self) -> list[SectorView]:
        """Every sector, in their order."""
        return self._all(self.model.sectors)

    @example("{{ v.project('marina').title }}", "Der neue Yachthafen", language="de")
    def project(self, identifier: str) -> ProjectView:
        """One flagship project, by its identifier."""
        return self.item("project", identifier)  # type: ignore[return-value]

    @example("{{ v.promoted_projects() | map(attribute='id') | join(', ') }}", "marina")
    def promoted_projects(self) -> list[ProjectView]:
        """The projects that may appear in promotion (not those under review)."""
        return self._all(self.model.promoted_projects())

    @example("{{ v.contact('desk').email }}", "desk@lakeshore.example")
    def contact(self, identifier: str) -> ContactView:
        """One contact of contacts.yml, by its identifier."""
        return self.item("contact", identifier)  # type: ignore[return-value]

    def event(self, identifier: str) -> EventView:
        """One event of events.yml, by its identifier."""
        return self.item("event", identifier)  # type: ignore[return-value]

    def partnerships(self) -> list[PartnershipView]:
        """The partnerships, the latest signed first."""
        return self._all(self.model.partnerships)

    @example("{{ v.pages() | map(attribute='title') | join(', ') }}", "Accessibility statement")
    def pages(self) -> list[PageView]:
        """The free pages (about, legal notice…), in their order."""
        return self._all(self.model.pages)

    def page(self, identifier: str) -> PageView:
        """One free page of pages/, by its identifier."""
        return self.item("page", identifier)  # type: ignore[return-value]

    @example("{{ v.has_page('sites') }} {{ v.has_page('home') }}", "False True")
    def has_page(self, kind: str, item_id: str | None = None) -> bool:
        """True when the site has this page (the pages of incentives, sites and stories exist only with items)."""
        return self._links.has(kind, item_id)

    def sites(self) -> list[SiteView]:
        """The sites and premises, by identifier."""
        return self._all(self.model.sites)

    def site(self, identifier: str) -> SiteView:
        """One site of sites/, by its identifier."""
        return self.item("site", identifier)  # type: ignore[return-value]

    def incentives(self) -> list[IncentiveView]:
        """The incentives and support schemes, in the order of incentives.yml."""
        return self._all(self.model.incentives)

    def stories(self) -> list[StoryView]:
        """The success stories, in the order of stories.yml."""
        return self._all(self.model.stories)

    def arguments(self) -> list[ArgumentView]:
        """The "why here" arguments, in the order of arguments.yml."""
        return self._all(self.model.arguments)

    def destinations(self) -> list[DestinationView]:
        """The international destinations, in the order of destinations.yml."""
        return self._all(self.model.destinations)

    def network(self) -> list[OrganisationView]:
        """The organisations of the network, in the order of network.yml."""
        return self._all(self.model.network)

    @example("{{ v.upcoming_events() | map(attribute='id') | join(', ') }}", "water-expo-2027")
    def upcoming_events(self) -> list[EventView]:
        """Events not over yet, the soonest first."""
        return self._all([event for event in self.model.events if event.data.end >= self.today])

    def past_events(self) -> list[EventView]:
        """Events over, the latest first."""
        return self._all([event for event in reversed(self.model.events) if event.data.end < self.today])

    # --- maps and charts ------------------------------------------------------------------------------

    def _places(self) -> list[tuple[Place, Shown[Any]]]:
        found: list[tuple[Place, Shown[Any]]] = []
        for project in self.promoted_projects():
            place = project.item.data.place
            found.append((Place(project.id, "project", place.lon, place.lat), project))
        for site in self.sites():
            place = site.item.data.place
            found.append((Place(site.id, "site", place.lon, place.lat), site))
        return found

    def territory_map(self) -> TerritoryMapView | None:
        """The territory's flagship projects and sites, numbered on its coast; None without places or map data."""
        places = self._places()
        if not places:
            return None
        try:
            geometry = territory_geometry(tuple(place for place, _shown in places))
        except AtlasMissing:
            self.missing_map_data = True
            return None
        shown = {(place.kind, place.id): item for place, item in places}
        markers = []
        for marker in geometry.markers:
            item = shown[(marker.place.kind, marker.place.id)]
            markers.append(
                MarkerView(
                    marker.number,
                    marker.place.id,
                    round(marker.x, 1),
                    round(marker.y, 1),
                    marker.place.kind,
                    item.title,
                    item.city,  # type: ignore[attr-defined]
                    self.t(f"maps.kinds.{marker.place.kind}"),
                    self.url(marker.place.kind, marker.place.id),
                    item.lang_attrs,
                    "" if item.text_language == self.code else item.text_language,
                )
            )
        return TerritoryMapView(
            "territory-map",
            geometry.width,
            geometry.height,
            geometry.land,
            markers,
            self.t("maps.territory_title", territory=self.territory.name),
            self.t("maps.territory_description", count=len(markers)),
            ATTRIBUTION,
            ATTRIBUTION_URL,
        )

    def world_map(self) -> WorldMapView | None:
        """The destinations' countries on the world, priority and high-potential apart; None without map data."""
        destinations = self.destinations()
        tiers: dict[str, str] = {}
        for destination in destinations:
            for code in destination.item.data.countries:
                tiers.setdefault(code, destination.tier)
        if not tiers:
            return None
        places = self._places()
        centre = (
            (sum(p.lon for p, _ in places) / len(places), sum(p.lat for p, _ in places) / len(places))
            if places
            else None
        )
        try:
            geometry = world_geometry(tuple(sorted(tiers)), centre or (0.0, 0.0))
        except AtlasMissing:
            self.missing_map_data = True
            return None
        legend = {tier: self.t(f"labels.destinations_{tier}") for tier in ("priority", "high-potential")}
        return WorldMapView(
            "world-map",
            geometry.width,
            geometry.height,
            geometry.land,
            [CountryView(code, self.country(code), tiers[code], geometry.countries[code]) for code in sorted(tiers)],
            round(geometry.home[0], 1) if centre else -1,
            round(geometry.home[1], 1) if centre else -1,
            self.territory.name,
            self.t("maps.world_title"),
            self.t("maps.world_description", territory=self.territory.name),
            legend,
            [
                DestinationEntry(d.name, d.tier, [self.country(c) for c in d.item.data.countries], d.lang_attrs)
                for d in destinations
            ],
            ATTRIBUTION,
            ATTRIBUTION_URL,
        )

    def chart(self, figure_id: str) -> ChartView | None:
        """The series of a figure as bars (or a line, for a long series), with its values for this language."""
        item = self.model.figures[figure_id]
        series = sorted(item.data.series, key=lambda point: point.year)
        if len(series) < 2:
            return None
        figure = self.figure(figure_id)
        width, height, top, bottom = 560, 220, 28, 30
        baseline = height - bottom
        highest = max(point.value for point in series) or 1.0
        step = width / len(series)
        bars = []
        for index, point in enumerate(series):
            bar_height = max(1.0, (baseline - top) * point.value / highest) if point.value > 0 else 0.0
            bars.append(
                BarView(
                    point.year,
                    self.number(point.value, item.data.display),
                    round(index * step + step * 0.2, 1),
                    round(baseline - bar_height, 1),
                    round(step * 0.6, 1),
                    round(bar_height, 1),
                )
            )
        line = ""
        if len(series) > 8:
            line = "M" + "L".join(f"{bar.x + bar.width / 2:.1f} {bar.y:.1f}" for bar in bars)
        return ChartView(
            f"chart-{figure_id}",
            figure,
            width,
            height,
            baseline,
            bars,
            line,
            self.t("charts.title", label=figure.label, unit=figure.unit),
            self.t("charts.description", first=series[0].year, last=series[-1].year, source=figure.source_name),
        )

    def charts(self, figures: Sequence[FigureView]) -> list[ChartView]:
        """The charts of those figures that have a series over years."""
        return [chart for figure in figures if (chart := self.chart(figure.id)) is not None]

    # --- open data ------------------------------------------------------------------------------------

    @property
    @example("{{ v.data_licence is none }}", "True")
    def data_licence(self) -> DataLicence | None:
        """The open licence of the data files, as the content declares it (None: no data files)."""
        return self.model.territory.data.data_licence

    def open_data(self) -> list[DataTableView]:
        """The data files of the site, each with its title, row count, addresses and fields explained."""
        return [
            DataTableView(
                name=shape.name,
                title=self.t(f"data.tables.{shape.name}"),
                rows=shape.count(self.model),
                csv=data_file(shape.name, "csv"),
                json=data_file(shape.name, "json"),
                fields=[
                    DataFieldView(
                        name=f"{name}_{self.source_language}" if name in shape.translated else name,
                        meaning=self.t(f"data.fields.{name}"),
                        per_language=name in shape.translated,
                    )
                    for name in shape.fields
                ],
            )
            for shape in published_tables(self.model)
        ]

    # --- documents and staff pages --------------------------------------------------------------------

    def downloads(self) -> list[Entry]:
        """The documents of the pitch kit in this language, in the order of the downloads page."""
        return for_downloads(self._kit, self.model, self.code)

    def packs(self) -> list[tuple[EventView, Pack]]:
        """The packs of the fairs whose visitors speak this language, with their event, soonest first."""
        by_event = {pack.event: pack for pack in self._packs}
        return [
            (self.event(event.id), by_event[event.id])
            for event in self.model.events
            if event.id in by_event and self.code in event.data.languages
        ]

    def translation_status(self) -> dict[str, Any]:
        """For the staff's status page: counts per language, the texts that need work, language names."""
        entries = status(self.model)
        return {
            "table": summary(entries),
            "todo": [entry for entry in entries if entry.state is not State.UP_TO_DATE],
            "names": {lang.code: lang.name for lang in self.model.languages},
        }


# --- item views ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DataFieldView:
    name: str  # as it heads its CSV column (per-language fields: the source language's column)
    meaning: str
    per_language: bool


@dataclass(frozen=True)
class DataTableView:
    name: str
    title: str
    rows: int
    csv: str  # address below the site's root
    json: str
    fields: list[DataFieldView]


class Shown(Generic[DataT]):
    """An item of content seen in one language: its texts in that language (or a fallback), its data."""

    def __init__(self, view: View, item: Item[DataT]) -> None:
        self.view = view
        self.item = item
        self.id = item.id

    @cached_property
    def text_language(self) -> str:
        """The language of the texts shown: the view's, or the first fallback that has them."""
        return self.view.text_language(self.item)

    @cached_property
    def texts(self) -> Any:
        return self.item.texts[self.text_language]

    @property
    def is_fallback(self) -> bool:
        """True when the texts are shown in another language than the view's."""
        return self.text_language != self.view.code

    @property
    def is_stale(self) -> bool:
        """True when the translation shown was made from an older version of the source text."""
        return self.view.is_stale(self.item)

    @property
    def lang_attrs(self) -> Markup:
        """The language attributes of an element holding these texts (empty unless they fell back)."""
        return self.view.language_attributes(self.text_language)

    @property
    def body(self) -> str:
        """The long text (Markdown) in the language shown."""
        return self.item.bodies.get(self.text_language, "")

    @property
    def title(self) -> str:
        return str(self.texts.title)

    @property
    def summary(self) -> str:
        return str(self.texts.summary)

    @property
    def url(self) -> str:
        """The address of the item's page in this language."""
        return self.view.url(self.item.kind, self.id)

    def _contacts(self, ids: Sequence[str]) -> list[ContactView]:
        """The item's contacts; without any, the territory's main contact (every page names someone to call)."""
        return [self.view.contact(c) for c in ids] or [self.view.main_contact]


class MediaView(Shown[Media]):
    @property
    def alt(self) -> str:
        return str(self.texts.alt)

    @property
    def credit(self) -> str:
        return self.item.data.credit

    @property
    def licence(self) -> str:
        return self.item.data.licence

    @property
    def file(self) -> str:
        """The image file, relative to the content folder (what printed documents load)."""
        return self.item.data.file

    @property
    def src(self) -> str:
        """The image's address in the site, below its root (a drawing's; a photograph's original is not
        published: use ``picture``)."""
        return media_address(self.item.data.file)

    @cached_property
    def picture(self) -> Picture:
        """The files offered for the image (widths and formats), its intrinsic width and height."""
        return picture_of(self.item.data.file, read_facts(self.view.model.root / self.item.data.file))


class ContactView(Shown[Contact]):
    @property
    def name(self) -> str:
        return str(self.texts.name)

    @property
    def role(self) -> str:
        return str(self.texts.role)

    @property
    def organisation_name(self) -> str:
        return str(self.view.item("network", self.item.data.organisation).texts.name)

    @property
    def email(self) -> str:
        return self.item.data.email

    @property
    def phone(self) -> str | None:
        return self.item.data.phone


class SectorView(Shown[Sector]):
    @property
    def figures(self) -> list[FigureView]:
        return self.view.figures(self.item.data.figures)

    @property
    def companies(self) -> list[str]:
        return list(self.item.data.companies)

    @property
    def clusters(self) -> list[str]:
        return list(self.item.data.clusters)

    @property
    def projects(self) -> list[ProjectView]:
        """The sector's projects that may appear in promotion."""
        return [self.view.project(p) for p in self.item.data.projects if _promoted(self.view.model, p)]

    @property
    def contacts(self) -> list[ContactView]:
        return self._contacts(self.item.data.contacts)


def _promoted(model: Model, project_id: str) -> bool:
    return model.items["project"][project_id].data.status is not ProjectStatus.UNDER_REVIEW


class Milestone:
    def __init__(self, date: str, label: str) -> None:
        self.date = date
        self.label = label


class ProjectView(Shown[Project]):
    @property
    def city(self) -> str:
        return self.item.data.place.city

    @property
    def status(self) -> str:
        """active, planned, completed or under_review."""
        return self.item.data.status.value

    @property
    def status_label(self) -> str:
        return self.view.t(f"status.{self.status}")

    @property
    def image(self) -> MediaView | None:
        image = self.item.data.image
        return None if image is None else self.view.item("media", image)  # type: ignore[return-value]

    @property
    def sectors(self) -> list[SectorView]:
        return [self.view.sector(s) for s in self.item.data.sectors]

    @property
    def figures(self) -> list[FigureView]:
        return self.view.figures(self.item.data.figures)

    @property
    def milestones(self) -> list[Milestone]:
        return [
            Milestone(self.view.date(m.date), self.view.t(f"milestones.{m.what}")) for m in self.item.data.milestones
        ]

    @property
    def website(self) -> str | None:
        return None if self.item.data.website is None else str(self.item.data.website)

    @property
    def contacts(self) -> list[ContactView]:
        return self._contacts(self.item.data.contacts)


class PartnershipTargetView:
    def __init__(self, name: str, sectors: list[SectorView]) -> None:
        self.name = name
        self.sectors = sectors


class PartnershipView(Shown[Partnership]):
    @property
    def signed(self) -> dt.date:
        return self.item.data.signed

    @property
    def place(self) -> str:
        return self.item.data.place

    @property
    def figures(self) -> list[FigureView]:
        return self.view.figures(self.item.data.figures)

    @property
    def targets(self) -> list[PartnershipTargetView]:
        names = self.texts.targets
        return [
            PartnershipTargetView(names.get(t.id, t.id), [self.view.sector(s) for s in t.sectors])
            for t in self.item.data.targets
        ]


class ArgumentView(Shown[Argument]):
    @property
    def number(self) -> int:
        """Its place in the list of arguments, from 1."""
        return [argument.id for argument in self.view.model.arguments].index(self.id) + 1

    @property
    def text(self) -> str:
        return str(self.texts.text)

    @property
    def figures(self) -> list[FigureView]:
        return self.view.figures(self.item.data.figures)

    @property
    def projects(self) -> list[ProjectView]:
        return [self.view.project(p) for p in self.item.data.projects if _promoted(self.view.model, p)]


class DestinationView(Shown[Destination]):
    @property
    def name(self) -> str:
        return str(self.texts.name)

    @property
    def text(self) -> str:
        return str(self.texts.text)

    @property
    def missions(self) -> list[str]:
        return list(self.texts.missions)

    @property
    def tier(self) -> str:
        return self.item.data.tier

    @property
    def sister_cities(self) -> list[SisterCity]:
        return list(self.item.data.sister_cities)

    @property
    def country_names(self) -> list[str]:
        """The destination's countries, named in this language."""
        return [self.view.country(code) for code in self.item.data.countries]

    @property
    def contacts(self) -> list[ContactView]:
        return self._contacts(self.item.data.contacts)


class EventView(Shown[Event]):
    @property
    def name(self) -> str:
        return self.item.data.name

    @property
    def city(self) -> str:
        """The city's name in this language (the event's text may write it otherwise: Cannes, 戛纳)."""
        return str(getattr(self.texts, "city", None) or self.item.data.city)

    @property
    def country(self) -> str:
        return self.item.data.country

    @property
    def start(self) -> dt.date:
        return self.item.data.start

    @property
    def end(self) -> dt.date:
        return self.item.data.end

    @property
    def dates(self) -> str:
        """The event's days as one span in this language."""
        return self.view.date_range(self.start, self.end)

    @property
    def stand(self) -> str | None:
        return self.item.data.stand

    @property
    def website(self) -> str | None:
        return None if self.item.data.website is None else str(self.item.data.website)

    @property
    def description(self) -> str:
        return str(self.texts.description)

    @property
    def sectors(self) -> list[SectorView]:
        return [self.view.sector(s) for s in self.item.data.sectors]


class OrganisationView(Shown[Organisation]):
    @property
    def name(self) -> str:
        return str(self.texts.name)

    @property
    def text(self) -> str:
        return str(self.texts.text)

    @property
    def website(self) -> str | None:
        return None if self.item.data.website is None else str(self.item.data.website)


class FactView:
    def __init__(self, label: str | None, value: str, kind: str) -> None:
        self.label = label  # printed before the value, when the text gives one
        self.value = value
        self.kind = kind  # text, phone, email or url


class BlockView:
    def __init__(self, heading: str, facts: list[FactView]) -> None:
        self.heading = heading
        self.facts = facts


class ComplaintWayView:
    def __init__(self, text: str, url: str | None) -> None:
        self.text = text
        self.url = url


class StatementView:
    """An accessibility statement: its facts, and its sentences with their places filled in."""

    def __init__(self, view: View, data: Statement, texts: StatementText) -> None:
        self.view = view
        self.status = data.status.value
        self.standard = data.standard
        self.audit_date = data.audit_date
        self.rate = data.rate
        self.contact_email = data.contact_email
        self.contact_form = None if data.contact_form is None else str(data.contact_form)
        self.contact_address = data.contact_address
        self._texts = texts
        self._ways = data.complaint

    def _filled(self, text: str | None) -> str | None:
        if text is None:
            return None
        values = {"publisher": self.view.publisher, "site": self.view.site_url, "standard": self.standard}
        if self.audit_date is not None:
            values["date"] = self.view.date(self.audit_date)
        if self.rate is not None:
            values["rate"] = self.view.number(self.rate)
        return fill(text, values)

    @property
    def commitment(self) -> str | None:
        return self._filled(self._texts.commitment)

    @property
    def conformity(self) -> str | None:
        return self._filled(self._texts.conformity)

    @property
    def results(self) -> str | None:
        """What the last audit found; without an audit, the sentence that says so."""
        if self.audit_date is None:
            return self._filled(self._texts.no_audit)
        return self._filled(self._texts.results)

    @property
    def feedback(self) -> str | None:
        return self._filled(self._texts.feedback)

    @property
    def complaint(self) -> str | None:
        return self._filled(self._texts.complaint)

    @property
    def complaint_ways(self) -> list[ComplaintWayView]:
        words = self._texts.complaint_ways
        return [
            ComplaintWayView(
                self._filled(words.get(way.id, way.id)) or way.id, None if way.url is None else str(way.url)
            )
            for way in self._ways
        ]


class PageView(Shown[FreePage]):
    @property
    def kind(self) -> str:
        return self.item.data.kind.value

    def _texts_in_chain(self) -> list[Any]:
        """This page's texts, in the languages it may be shown in: a word missing in one comes from the next."""
        return [self.item.texts[code] for code in self.view.chain if code in self.item.texts]

    @property
    def blocks(self) -> list[BlockView]:
        """A legal notice's blocks: each party's heading, and its facts with their labels."""
        texts = self._texts_in_chain()

        def word(group: str, key: str) -> str | None:
            return next((getattr(t, group)[key] for t in texts if key in getattr(t, group)), None)

        # The data's values are written in the source language: another language's wording of a value is used
        # only on the way to it, never in its place (an English "Spain" on the Spanish page).
        source = self.view.model.source_language
        chain = self.view.chain[: self.view.chain.index(source) + 1] if source in self.view.chain else self.view.chain
        own = [self.item.texts[code] for code in chain if code in self.item.texts]
        found = []
        for block in self.item.data.blocks:
            facts = []
            for fact in block.facts:
                value = next((t.values[block.id][fact.id] for t in own if fact.id in t.values.get(block.id, {})), None)
                facts.append(FactView(word("labels", fact.id), value or fact.value, fact.kind.value))
            found.append(BlockView(word("headings", block.id) or block.id, facts))
        return found

    @property
    def statement(self) -> StatementView | None:
        data = self.item.data.statement
        texts = next((t.statement for t in self._texts_in_chain() if t.statement is not None), None)
        if data is None or texts is None:
            return None
        return StatementView(self.view, data, texts)


class SourceView:
    def __init__(self, view: View, source: Source) -> None:
        self.name = source.name
        self.url = str(source.url)
        self.language = source.language or view.source_language


class AccessView:
    def __init__(self, to: str, minutes: int, text: str) -> None:
        self.to = to  # port, airport, motorway, rail
        self.minutes = minutes
        self.text = text  # "12 min to the airport", as the language writes it


class SiteView(Shown[Site]):
    @property
    def kind(self) -> str:
        return self.item.data.kind.value

    @property
    def kind_label(self) -> str:
        return self.view.t(f"sites.kinds.{self.kind}")

    @property
    def city(self) -> str:
        return self.item.data.place.city

    @property
    def figures(self) -> list[FigureView]:
        return self.view.figures(self.item.data.figures)

    @property
    def access(self) -> list[AccessView]:
        """The travel times the content gives, each as a phrase of the language."""
        times = self.item.data.access
        return [
            AccessView(to, minutes, self.view.t(f"sites.access.{to}", minutes=self.view.number(minutes)))
            for to in ("port", "airport", "motorway", "rail")
            if (minutes := getattr(times, to)) is not None
        ]

    @property
    def access_source(self) -> SourceView | None:
        source = self.item.data.access.source
        return None if source is None else SourceView(self.view, source)

    @property
    def sectors(self) -> list[SectorView]:
        return [self.view.sector(s) for s in self.item.data.sectors]

    @property
    def project(self) -> ProjectView | None:
        project = self.item.data.project
        return None if project is None or not _promoted(self.view.model, project) else self.view.project(project)

    @property
    def contacts(self) -> list[ContactView]:
        return self._contacts(self.item.data.contacts)

    @property
    def image(self) -> MediaView | None:
        image = self.item.data.image
        return None if image is None else self.view.item("media", image)  # type: ignore[return-value]

    @property
    def website(self) -> str | None:
        return None if self.item.data.website is None else str(self.item.data.website)


class IncentiveView(Shown[Incentive]):
    @property
    def name(self) -> str:
        return str(self.texts.name)

    @property
    def eligibility(self) -> str:
        return str(self.texts.eligibility)

    @property
    def amount(self) -> str:
        return str(self.texts.amount)

    @property
    def authority(self) -> str:
        return str(self.texts.authority)

    @property
    def kind(self) -> str:
        return self.item.data.kind.value

    @property
    def kind_label(self) -> str:
        return self.view.t(f"incentives.kinds.{self.kind}")

    @property
    def reference(self) -> str | None:
        return self.item.data.reference

    @property
    def source(self) -> SourceView:
        return SourceView(self.view, self.item.data.source)

    @property
    def year(self) -> int:
        return self.item.data.year

    @property
    def sectors(self) -> list[SectorView]:
        return [self.view.sector(s) for s in self.item.data.sectors]


class StoryView(Shown[Story]):
    @property
    def company(self) -> str:
        return self.item.data.company

    @property
    def text(self) -> str:
        return str(self.texts.text)

    @property
    def year(self) -> int:
        return self.item.data.year

    @property
    def city(self) -> str | None:
        return self.item.data.city

    @property
    def source(self) -> SourceView:
        return SourceView(self.view, self.item.data.source)

    @property
    def website(self) -> str | None:
        return None if self.item.data.website is None else str(self.item.data.website)

    @property
    def sectors(self) -> list[SectorView]:
        return [self.view.sector(s) for s in self.item.data.sectors]


SHOWN_BY_KIND: dict[str, type[Shown[Any]]] = {
    "site": SiteView,
    "incentive": IncentiveView,
    "story": StoryView,
    "page": PageView,
    "sector": SectorView,
    "project": ProjectView,
    "contact": ContactView,
    "media": MediaView,
    "event": EventView,
    "partnership": PartnershipView,
    "argument": ArgumentView,
    "destination": DestinationView,
    "network": OrganisationView,
}
