"""The shape of the open data (site/data/): which tables exist, their fields, which fields are given in every
language, and how many rows the content gives each. The site writes the files (site/open_data.py); the View
describes them on the data page; both read this one list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from vitrine.model import Model


@dataclass(frozen=True)
class TableShape:
    name: str  # file name without extension
    fields: tuple[str, ...]
    translated: tuple[str, ...]  # fields given once per language
    count: Callable[[Model], int]


SOURCED = ("year", "source_name", "source_url")
TABLES: tuple[TableShape, ...] = (
    TableShape(
        "key-figures",
        ("id", "value", "unit", "unit_words", "label", *SOURCED),
        ("unit_words", "label"),
        lambda model: len(model.figures),
    ),
    TableShape(
        "key-figure-series",
        ("figure_id", "value", "unit", *SOURCED),
        (),
        lambda model: sum(len(item.data.series) for item in model.figures.values()),
    ),
    TableShape(
        "flagship-projects",
        ("id", "title", "summary", "status", "city", "latitude", "longitude", "sectors", "website", *SOURCED),
        ("title", "summary"),
        lambda model: len(model.projects),
    ),
    TableShape(
        "sites",
        ("id", "title", "summary", "kind", "city", "latitude", "longitude", "sectors", "project", "website", *SOURCED),
        ("title", "summary"),
        lambda model: len(model.sites),
    ),
    TableShape(
        "incentives",
        ("id", "kind", "name", "summary", "eligibility", "amount", "authority", "sectors", "reference", *SOURCED),
        ("name", "summary", "eligibility", "amount", "authority"),
        lambda model: len(model.incentives),
    ),
)


def published_tables(model: Model) -> list[TableShape]:
    """The tables of this content: none without a declared licence, and none for a kind without items."""
    if model.territory.data.data_licence is None:
        return []
    return [table for table in TABLES if table.count(model)]
