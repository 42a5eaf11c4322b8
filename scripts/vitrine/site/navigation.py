"""The site's languages and navigation, handed to mkdocs-static-i18n: one entry per language of the content, each
with its own site name, description and menu (in that language)."""

from __future__ import annotations

from typing import Any

from vitrine.model import Model
from vitrine.urls import plan
from vitrine.view import View

# A section lists its pages in the menu up to this many; beyond, only its index page (which lists them all), so
# that every page's weight stays the same however many siblings it has.
MAX_LISTED = 12


def bounded(index: str, children: list[str]) -> list[str]:
    """A section of the menu: its index page, then its pages when there are few enough to list."""
    return [index, *children] if len(children) <= MAX_LISTED else [index]


def navigation(model: Model, language: str) -> list[Any]:
    """The menu of one language: the page files of each section, under titles in that language."""
    view = View(model, language)
    pages = {(page.kind, page.item_id): page for page in plan(model)}

    def file(kind: str, item_id: str | None = None) -> str:
        return f"{pages[(kind, item_id)].path}.md"

    sectors = bounded(file("sectors"), [file("sector", s.id) for s in model.sectors])
    projects = bounded(file("projects"), [file("project", p.id) for p in model.promoted_projects()])
    essentials: list[Any] = []
    if ("incentives", None) in pages:
        essentials.append(file("incentives"))
    if ("sites", None) in pages:
        sites = bounded(file("sites"), [file("site", s.id) for s in model.sites])
        essentials.append({view.t("pages.sites.title"): sites})
    if ("stories", None) in pages:
        essentials.append(file("stories"))
    invest = [
        file("why-here"),
        file("figures"),
        *essentials,
        *bounded(file("international"), [file("partnership", p.id) for p in model.partnerships]),
    ]
    return [
        {view.t("nav.home"): file("home")},
        {view.t("nav.invest"): invest},
        {view.t("nav.sectors"): sectors},
        {view.t("nav.projects"): projects},
        {view.t("nav.events"): file("events")},
        {view.t("pages.downloads.title"): file("downloads")},
        {view.t("nav.contact"): file("contact")},
    ]


def i18n_languages(model: Model, only: str = "") -> list[dict[str, Any]]:
    """The ``languages`` option of mkdocs-static-i18n, from the content's languages (with ``only``, a language
    code: just it and the source language's home page are built)."""
    found = []
    for language in model.languages:
        view = View(model, language.code)
        # The preview of another language builds only the source language's home page (plugin.on_files).
        home_only = bool(only) and only != model.source_language and language.code == model.source_language
        found.append(
            {
                "locale": language.code,
                "name": language.name,
                "default": language.code == model.source_language,
                "build": not only or language.code in (only, model.source_language),
                "site_name": view.territory.name,
                "site_description": " ".join(view.territory.description.split()),
                "nav": [] if home_only else navigation(model, language.code),
            }
        )
    return found
