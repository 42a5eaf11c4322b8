"""Open data: the key figures (with their series), the flagship projects, the sites and the incentives, as CSV and
JSON under site/data/, under the licence the content declares (territory.yml: data_licence). Without a declared
licence nothing is published.

Every row carries a source and a year: a figure's or an incentive's own; for a project or a site, those of its
most recent sourced figure (else, for a project, its website and its latest milestone). Words are given in every
language of the site, as the site shows them (with the same fallbacks): one column per language in CSV
(``label_fr``, ``label_en``…), one object per field in JSON (``"label": {"fr": …, "en": …}``). Files are written
with stable ordering and no date, so that two builds of the same content give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from vitrine.model import Model
from vitrine.open_data import TABLES, TableShape, published_tables
from vitrine.urls import DATA_FOLDER
from vitrine.view import View

Row = dict[str, Any]


@dataclass(frozen=True)
class Table:
    shape: TableShape
    rows: list[Row] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.shape.name

    @property
    def fields(self) -> tuple[str, ...]:
        return self.shape.fields

    @property
    def translated(self) -> tuple[str, ...]:
        return self.shape.translated

    def csv_columns(self, languages: list[str]) -> list[str]:
        columns: list[str] = []
        for name in self.fields:
            columns += [f"{name}_{code}" for code in languages] if name in self.translated else [name]
        return columns


SHAPES = {shape.name: shape for shape in TABLES}


Sourced = tuple[str, str, int | None]  # source name, source address, year


def _newest_source(view: View, figure_ids: list[str]) -> Sourced | None:
    figures = [view.model.figures[f].data for f in figure_ids if f in view.model.figures]
    if not figures:
        return None
    newest = max(figures, key=lambda figure: (figure.year, figure.source.name))
    return newest.source.name, str(newest.source.url), newest.year


def _number(value: float) -> float | int:
    """12500, not 12500.0: the content writes whole numbers without decimals."""
    return int(value) if float(value).is_integer() else value


def _words(views: dict[str, View], read: Any) -> dict[str, str]:
    return {code: str(read(view)) for code, view in views.items()}


def key_figures(views: dict[str, View], source: View) -> Table:
    rows = []
    for figure_id, item in sorted(source.model.figures.items()):
        data = item.data
        rows.append(
            {
                "id": figure_id,
                "value": _number(data.value),
                "unit": data.unit,
                "unit_words": _words(views, lambda v, unit=data.unit: v.unit(unit)),
                "label": _words(views, lambda v, f=figure_id: v.figure(f).label),
                "year": data.year,
                "source_name": data.source.name,
                "source_url": str(data.source.url),
            }
        )
    return Table(SHAPES["key-figures"], rows)


def key_figure_series(source: View) -> Table:
    rows = [
        {
            "figure_id": figure_id,
            "year": point.year,
            "value": _number(point.value),
            "unit": item.data.unit,
            "source_name": item.data.source.name,
            "source_url": str(item.data.source.url),
        }
        for figure_id, item in sorted(source.model.figures.items())
        for point in item.data.series
    ]
    return Table(SHAPES["key-figure-series"], rows)


def _place_row(views: dict[str, View], item: Any, sourced: Sourced, **own: Any) -> Row:
    """A project's or a site's row: its words in every language, its place, and the fields of its own kind."""
    data = item.data
    name, url, year = sourced
    return {
        "id": item.id,
        "title": _words(views, lambda v: v.item(item.kind, item.id).title),
        "summary": _words(views, lambda v: v.item(item.kind, item.id).summary),
        **own,
        "city": data.place.city,
        "latitude": data.place.lat,
        "longitude": data.place.lon,
        "sectors": ";".join(data.sectors),
        "website": str(data.website or ""),
        "year": year,
        "source_name": name,
        "source_url": url,
    }


def flagship_projects(views: dict[str, View], source: View) -> Table:
    rows = []
    for project in source.model.projects:
        data = project.data
        found = _newest_source(source, list(data.figures))
        if found is None:
            years = [m.date if isinstance(m.date, int) else m.date.year for m in data.milestones]
            page = urljoin(source.site_url, source.url("project", project.id))
            found = (source.publisher, str(data.website or page), max(years) if years else None)
        rows.append(_place_row(views, project, found, status=str(data.status)))
    return Table(SHAPES["flagship-projects"], rows)


def sites(views: dict[str, View], source: View) -> Table:
    rows = []
    for site in source.model.sites:
        data = site.data
        found = _newest_source(source, list(data.figures))
        if found is None and data.access.source is not None:
            found = (data.access.source.name, str(data.access.source.url), None)
        page = urljoin(source.site_url, source.url("site", site.id))
        sourced = found or (source.publisher, page, None)
        rows.append(_place_row(views, site, sourced, kind=str(data.kind), project=data.project or ""))
    return Table(SHAPES["sites"], rows)


def incentives(views: dict[str, View], source: View) -> Table:
    translated = SHAPES["incentives"].translated
    rows = []
    for incentive in source.model.incentives:
        data = incentive.data
        row: Row = {"id": incentive.id, "kind": str(data.kind)}
        for name in translated:
            row[name] = _words(views, lambda v, i=incentive.id, n=name: getattr(_incentive(v, i), n))
        row |= {
            "sectors": ";".join(data.sectors),
            "reference": data.reference or "",
            "year": data.year,
            "source_name": data.source.name,
            "source_url": str(data.source.url),
        }
        rows.append(row)
    return Table(SHAPES["incentives"], rows)


def _incentive(view: View, identifier: str) -> Any:
    return next(shown for shown in view.incentives() if shown.id == identifier)


BUILDERS = {
    "key-figures": key_figures,
    "key-figure-series": lambda views, source: key_figure_series(source),
    "flagship-projects": flagship_projects,
    "sites": sites,
    "incentives": incentives,
}


def tables(model: Model, views: dict[str, View]) -> list[Table]:
    """The tables the content publishes (none without a declared licence, none for a kind without items)."""
    source = views[model.source_language]
    return [BUILDERS[shape.name](views, source) for shape in published_tables(model)]


def as_csv(table: Table, languages: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(table.csv_columns(languages))
    for row in table.rows:
        cells: list[Any] = []
        for name in table.fields:
            value = row[name]
            cells += [value.get(code, "") for code in languages] if name in table.translated else [value]
        writer.writerow(["" if cell is None else cell for cell in cells])
    return out.getvalue()


def as_json(table: Table, licence: dict[str, str], publisher: str, site_url: str) -> str:
    document = {"name": table.name, "publisher": publisher, "site": site_url, "licence": licence, "rows": table.rows}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def write_open_data(site: Path, model: Model, views: dict[str, View]) -> list[Path]:
    """Write site/data/<table>.csv and .json; the files written (none without a declared licence)."""
    declared = model.territory.data.data_licence
    found = tables(model, views)
    if declared is None or not found:
        return []
    licence = {"name": declared.name, "url": str(declared.url)}
    source = views[model.source_language]
    languages = [language.code for language in model.languages]
    folder = site / DATA_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in found:
        for suffix, text in (
            ("csv", as_csv(table, languages)),
            ("json", as_json(table, licence, source.publisher, source.site_url)),
        ):
            path = folder / f"{table.name}.{suffix}"
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
