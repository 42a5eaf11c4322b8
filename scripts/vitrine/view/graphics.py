"""Maps and charts as templates draw them: geometry in pixels, labels in the reader's language.

The View makes them (``v.territory_map()``, ``v.world_map()``, ``v.chart(figure)``); one macro file,
``overrides/shared/graphics.html``, draws them as SVG for the site and for the kit alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from vitrine.view.figures import FigureView


@dataclass(frozen=True)
class MarkerView:
    number: int  # on the map and in the list beside it
    id: str  # the project's or the site's identifier
    x: float
    y: float
    kind: str  # project or site
    label: str
    city: str
    kind_label: str
    url: str  # the page's address in this language, below the site's root
    lang_attrs: Markup  # when the label is in another language than the page's (lang, and dir when it differs)
    lang: str  # the label's language, when another than the page's (SVG elements take lang, not dir)


@dataclass(frozen=True)
class TerritoryMapView:
    id: str
    width: int
    height: int
    land: str  # SVG path data
    markers: list[MarkerView]
    title: str
    description: str
    attribution: str
    attribution_url: str


@dataclass(frozen=True)
class CountryView:
    code: str
    name: str
    tier: str  # priority or high-potential
    path: str


@dataclass(frozen=True)
class DestinationEntry:
    name: str
    tier: str
    countries: list[str]  # names, in this language
    lang_attrs: Markup


@dataclass(frozen=True)
class WorldMapView:
    id: str
    width: int
    height: int
    land: str
    countries: list[CountryView]
    home_x: float
    home_y: float
    home_label: str
    title: str
    description: str
    legend: dict[str, str]  # tier -> its words
    destinations: list[DestinationEntry]
    attribution: str
    attribution_url: str


@dataclass(frozen=True)
class BarView:
    year: int
    value: str  # formatted for the language
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class ChartView:
    id: str
    figure: FigureView
    width: int
    height: int
    baseline: float  # the y of the axis
    bars: list[BarView] = field(default_factory=list)
    line: str = ""  # path data, when the series is long enough to read as a line
    title: str = ""
    description: str = ""
