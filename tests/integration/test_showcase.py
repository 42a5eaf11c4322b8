"""The showcase investors see first, read from the built reference site: maps (valid SVG, a linked marker for each
project and site, the list beside it, the attribution), charts (valid SVG, a table, numbers as each language writes
them), the investor essentials in every language, and a contact on every page that should have one."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup, Tag
from lxml import etree

from support.project import REFERENCE_CONTENT, soup
from vitrine.model import Model
from vitrine.pipeline import prepare
from vitrine.view import View

pytestmark = pytest.mark.slow  # the reference build

LANGUAGES = ["fr", "en", "de", "it", "ja", "zh", "ar"]


@cache
def model() -> Model:
    return prepare(REFERENCE_CONTENT)


def prefix(language: str) -> str:
    return "" if language == model().source_language else f"{language}/"


def page(site: Path, language: str, path: str) -> BeautifulSoup:
    return soup(site / prefix(language) / path / "index.html")


def svg_of(figure: Tag) -> etree._Element:
    svg = figure.find("svg")
    assert svg is not None
    return etree.fromstring(str(svg).encode())  # well-formed XML, or this raises


def target(site: Path, language: str, path: str, href: str) -> Path:
    address = urljoin(f"/{prefix(language)}{path}/", href)
    return site / address.lstrip("/") / "index.html"


@pytest.mark.parametrize("language", ["fr", "ja", "ar"])
@pytest.mark.parametrize("path", ["", "projects"])
def test_the_territory_map_places_every_project_and_site_with_a_link(
    reference_site: Path, language: str, path: str
) -> None:
    view = View(model(), language)
    expected = {view.url("project", p.id) for p in view.promoted_projects()}
    expected |= {view.url("site", s.id) for s in view.sites()}
    figure = page(reference_site, language, path).select_one("figure.vitrine-map--territory")
    assert figure is not None
    svg = svg_of(figure)
    namespace = {"s": "http://www.w3.org/2000/svg"}
    assert svg.find("s:title", namespace) is not None and svg.find("s:desc", namespace) is not None
    links = [str(a["href"]) for a in figure.select("svg a[href]")]
    assert len(links) == len(expected)
    for href in links:
        landing = target(reference_site, language, path, href)
        assert landing.is_file(), href
        assert landing.relative_to(reference_site).parent.as_posix() + "/" in expected
    listed = figure.select("ol.vitrine-map__list > li")
    assert len(listed) == len(expected)
    assert [li.get("value") for li in listed] == [str(n) for n in range(1, len(listed) + 1)]
    attribution = figure.select_one(".vitrine-map__attribution a")
    assert attribution is not None and attribution.get_text() == "Natural Earth"


@pytest.mark.parametrize("language", ["fr", "ja", "ar"])
def test_the_world_map_tells_priority_and_high_potential_apart_by_pattern(reference_site: Path, language: str) -> None:
    figure = page(reference_site, language, "international").select_one("figure.vitrine-map--world")
    assert figure is not None
    svg = svg_of(figure)
    countries = {c for d in model().destinations for c in d.data.countries}
    paths = figure.select("path.vitrine-map__country")
    assert len(paths) == len(countries)
    tiers = {str(p["class"][-1]).rsplit("--", 1)[1]: str(p["fill"]) for p in paths}
    assert tiers["priority"].startswith("#") and tiers["high-potential"].startswith("url(#")
    assert svg.find(".//{http://www.w3.org/2000/svg}pattern") is not None
    legend = [li.get_text(" ", strip=True) for li in figure.select(".vitrine-map__legend li")]
    view = View(model(), language)
    assert (
        view.t("labels.destinations_priority") in legend[0]
        and view.t("labels.destinations_high-potential") in legend[1]
    )
    destinations = page(reference_site, language, "international").select(".vitrine-card h3")
    assert len(destinations) == len(model().destinations), "the map's information is also given as a list"


@pytest.mark.parametrize("language", ["fr", "en", "ja", "ar"])
def test_every_series_has_a_chart_with_its_table_in_the_languages_numbers(reference_site: Path, language: str) -> None:
    view = View(model(), language)
    charts = {
        chart.find("svg")["aria-labelledby"].split("-title")[0]: chart  # type: ignore[index,union-attr]
        for chart in page(reference_site, language, "figures").select("figure.vitrine-chart")
    }
    with_series = [f for f in model().figures.values() if len(f.data.series) >= 2]
    assert with_series, "the reference content has figures with a series"
    assert set(charts) == {f"chart-{f.id}" for f in with_series}
    for item in with_series:
        chart = charts[f"chart-{item.id}"]
        svg_of(chart)
        rows = chart.select("table tbody tr")
        assert len(rows) == len(item.data.series)
        for row, point in zip(rows, sorted(item.data.series, key=lambda p: p.year), strict=True):
            assert row.th is not None and row.th.get_text() == str(point.year)
            value = view.number(point.value, item.data.display)
            assert value in row.get_text(), (item.id, value, row.get_text())
        assert len(chart.select("rect.vitrine-chart__bar")) == len(item.data.series)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_investor_essentials_exist_in_every_language(reference_site: Path, language: str) -> None:
    for kind, items in (("incentives", model().incentives), ("sites", model().sites), ("stories", model().stories)):
        assert items, f"the reference content has {kind}"
        path = "sites" if kind == "sites" else kind
        document = page(reference_site, language, path)
        assert document.html is not None and document.html["lang"] == language
        assert document.select_one("article h1") is not None
    view = View(model(), language)
    for site in model().sites:
        assert (reference_site / prefix(language) / view.url("site", site.id)[len(prefix(language)) :]).is_dir()


@pytest.mark.parametrize("language", ["fr", "ja", "ar"])
def test_every_sector_destination_site_and_project_page_names_a_contact(reference_site: Path, language: str) -> None:
    view = View(model(), language)
    pages = [view.url("sector", s.id) for s in view.sectors()]
    pages += [view.url("project", p.id) for p in view.promoted_projects()]
    pages += [view.url("site", s.id) for s in view.sites()]
    for address in pages:
        document = soup(reference_site / address / "index.html")
        contact = document.select_one(".vitrine-contacts .vitrine-contact a[href^='mailto:']")
        assert contact is not None, address
    for card in page(reference_site, language, "international").select("ul.vitrine-cards > li.vitrine-card"):
        assert card.select_one(".vitrine-contact a[href^='mailto:']") is not None, card.get_text()[:60]
