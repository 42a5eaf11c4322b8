"""The site's languages and navigation, handed to mkdocs-static-i18n: one entry per language of the content, each
with its own site name, description and menu (in that language)."""

from __future__ import annotations

from typing import Any

from vitrine.model import Model
from vitrine.urls import plan
from vitrine.view import View


def navigation(model: Model, language: str) -> list[Any]:
    """The menu of one language: the page files of each section, under titles in that language."""
    view = View(model, language)
    pages = {(page.kind, page.item_id): page for page in plan(model)}

    def file(kind: str, item_id: str | None = None) -> str:
        return f"{pages[(kind, item_id)].path}.md"

    sectors = [file("sectors"), *(file("sector", s.id) for s in model.sectors)]
    projects = [file("projects"), *(file("project", p.id) for p in model.promoted_projects())]
    essentials: list[Any] = []
    if ("incentives", None) in pages:
        essentials.append(file("incentives"))
    if ("sites", None) in pages:
        essentials.append({view.t("pages.sites.title"): [file("sites"), *(file("site", s.id) for s in model.sites)]})
    if ("stories", None) in pages:
        essentials.append(file("stories"))
    invest = [
        file("why-here"),
        file("figures"),
        *essentials,
        file("international"),
        *(file("partnership", p.id) for p in model.partnerships),
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


def i18n_languages(model: Model) -> list[dict[str, Any]]:
    """The ``languages`` option of mkdocs-static-i18n, from the content's languages."""
    found = []
    for language in model.languages:
        view = View(model, language.code)
        found.append(
            {
                "locale": language.code,
                "name": language.name,
                "default": language.code == model.source_language,
                "build": True,
                "site_name": view.territory.name,
                "site_description": " ".join(view.territory.description.split()),
                "nav": navigation(model, language.code),
            }
        )
    return found
