"""The Markdown files of the site's pages: one per page and language, written under ``docs/``.

mkdocs-static-i18n reads pages from disk (``sectors/health.en.md``), one build per language. Each file holds the
page's title and description, the template that lays it out, the item it shows, and the long text with its
figures cited; the template draws everything else from the View. Which pages exist is ``vitrine/urls.py``'s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import yaml

from vitrine.model import Model
from vitrine.urls import PlannedPage, plan
from vitrine.view import FigureView, View

# libyaml's writer, ten times faster than PyYAML's own (0.14 s a build for 253 headers); the same text for ordinary
# values, and the same values read back for the rest.
HeaderDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# How one language cites a figure in a long text (the site's citation macro, in that language).
Citation = Callable[[View], Callable[[FigureView], str]]


def title_and_summary(view: View, page: PlannedPage) -> tuple[str, str]:
    if page.item_id is not None:
        shown = view.item(page.kind, page.item_id)
        return shown.title, shown.summary
    if page.kind == "home":
        return view.territory.name, view.territory.description
    return view.t(f"pages.{page.kind}.title"), view.t(f"pages.{page.kind}.summary")


def render_page(view: View, page: PlannedPage, cite: Callable[[FigureView], str]) -> str:
    """The Markdown file of ``page`` in ``view``'s language: a header block, then the long text."""
    title, summary = title_and_summary(view, page)
    header: dict[str, Any] = {
        "title": title,
        "description": " ".join(summary.split()),
        "template": f"vitrine/{page.template}",
        "vitrine": {"kind": page.kind, "id": page.item_id},
    }
    if page.kind == "home":
        header["hide"] = ["navigation", "toc"]
    if page.source_only:
        header["robots"] = "noindex"
    body = ""
    if page.item_id is not None:
        shown = view.item(page.kind, page.item_id)
        body = view.cite_figures(shown.body, cite)
        header["vitrine"]["text_language"] = shown.text_language
    front = yaml.dump(header, Dumper=HeaderDumper, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{body.strip()}\n"


def page_files(model: Model, citation: Citation) -> Iterator[tuple[str, str]]:
    """Every generated page file: (path relative to docs/, text)."""
    views = {language.code: View(model, language.code) for language in model.languages}
    cites = {code: citation(view) for code, view in views.items()}
    for page in plan(model):
        for language in model.languages:
            if page.source_only and language.code != model.source_language:
                continue
            yield f"{page.path}.{language.code}.md", render_page(views[language.code], page, cites[language.code])
