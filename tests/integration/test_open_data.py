"""Open data (site/data/): the CSV and JSON files are read back and compared with the content: every published
figure, project, site and incentive, with its source and year, its words in every language, and the licence the
content declares; the data page lists every file. Content without a licence publishes no data."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from support.project import REFERENCE_CONTENT, soup
from vitrine.pipeline import prepare
from vitrine.view import View

pytestmark = pytest.mark.slow
TABLES = ("key-figures", "key-figure-series", "flagship-projects", "sites", "incentives")


def read_csv(site: Path, name: str) -> list[dict[str, str]]:
    with (site / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def read_json(site: Path, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8"))
    return data


def test_every_table_in_both_formats_with_the_licence(reference_site: Path) -> None:
    model = prepare(REFERENCE_CONTENT)
    licence = model.territory.data.data_licence
    assert licence is not None
    for name in TABLES:
        document = read_json(reference_site, name)
        assert document["licence"] == {"name": licence.name, "url": str(licence.url)}
        assert document["rows"] and len(document["rows"]) == len(read_csv(reference_site, name)), name
        for row in read_csv(reference_site, name):
            assert row["source_name"] and row["source_url"].startswith("http"), (name, row)
            assert row["year"].isdigit(), (name, row)


def test_the_key_figures_are_the_content_s(reference_site: Path) -> None:
    model = prepare(REFERENCE_CONTENT)
    rows = {row["id"]: row for row in read_csv(reference_site, "key-figures")}
    assert rows.keys() == model.figures.keys()
    views = {language.code: View(model, language.code) for language in model.languages}
    for figure_id, item in model.figures.items():
        row = rows[figure_id]
        assert float(row["value"]) == item.data.value
        assert int(row["year"]) == item.data.year
        assert row["source_url"] == str(item.data.source.url)
        for code, view in views.items():
            assert row[f"label_{code}"] == view.figure(figure_id).label, (figure_id, code)
    series = read_csv(reference_site, "key-figure-series")
    assert len(series) == sum(len(item.data.series) for item in model.figures.values())
    as_json = {row["id"]: row for row in read_json(reference_site, "key-figures")["rows"]}
    assert as_json["population"]["label"]["ja"] == views["ja"].figure("population").label


def test_projects_sites_and_incentives_are_the_published_ones(reference_site: Path) -> None:
    model = prepare(REFERENCE_CONTENT)
    projects = read_csv(reference_site, "flagship-projects")
    assert [row["id"] for row in projects] == [item.id for item in model.projects]
    assert "the-camp" not in {row["id"] for row in projects}  # under review: not published
    iter_row = next(row for row in projects if row["id"] == "iter")
    assert float(iter_row["latitude"]) == model.items["project"]["iter"].data.place.lat
    assert iter_row["title_ar"] == View(model, "ar").project("iter").title
    assert [row["id"] for row in read_csv(reference_site, "sites")] == [item.id for item in model.sites]
    incentives = read_csv(reference_site, "incentives")
    assert [row["id"] for row in incentives] == [item.id for item in model.incentives]
    assert all(row["name_zh"] and row["amount_de"] for row in incentives)


def test_the_data_page_lists_every_file_in_every_language(reference_site: Path) -> None:
    for folder in ("", "ja/", "ar/"):
        page = soup(reference_site / folder / "open-data" / "index.html")
        links = {str(a["href"]).rsplit("/", 1)[-1] for a in page.select("a[download]")}
        assert links == {f"{name}.{suffix}" for name in TABLES for suffix in ("csv", "json")}, folder
        assert page.select_one('a[rel~="license"]') is not None
        footer = soup(reference_site / folder / "index.html").select_one(".vitrine-footer")
        assert footer is not None and footer.select_one('a[href$="open-data/"]') is not None


def test_no_licence_no_data(minimal_site: Path) -> None:
    assert not (minimal_site / "data").exists()
    assert not (minimal_site / "open-data").exists()
