"""The plan of the site: which pages exist, at which address, with which template, in every language.

Pages are written as real Markdown files under ``docs/`` (``sectors/health.en.md``): mkdocs-static-i18n reads
them from disk, one build per language. Each file holds the page's title and description, the template that
lays it out, the item it shows, and the long text; the template draws everything else from the model.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from vitrine.resolve import FIGURE_CITATION, Model, View
from vitrine.schema import PageKind

GENERATED_LIST = ".vitrine-generated.json"

PAGE_KIND_TEMPLATES = {
    PageKind.ABOUT: "page.html",
    PageKind.PAGE: "page.html",
    PageKind.LEGAL_NOTICE: "legal-notice.html",
    PageKind.PERSONAL_DATA: "personal-data.html",
    PageKind.ACCESSIBILITY: "accessibility.html",
}

# Pages that show a list or the whole territory: (page kind, path without suffix, template).
STRUCTURAL_PAGES = (
    ("home", "index", "home.html"),
    ("sectors", "sectors/index", "sectors.html"),
    ("projects", "projects/index", "projects.html"),
    ("figures", "figures", "figures.html"),
    ("why-here", "why-here", "why-here.html"),
    ("international", "international", "international.html"),
    ("events", "events", "events.html"),
    ("contact", "contact", "contact.html"),
    ("downloads", "downloads", "downloads.html"),
    ("site-map", "site-map", "site-map.html"),
)

# The staff's view of translations: built in the source language only, linked from no public page.
STATUS_PAGE = "staff/translations"


@dataclass(frozen=True)
class PlannedPage:
    kind: str  # "home", "sector", "page"…
    item_id: str | None
    path: str  # without language suffix nor extension: "sectors/health"
    template: str
    source_only: bool = False  # staff pages exist in the source language only

    def url(self, language_prefix: str) -> str:
        """The address of the page below the site root, with a trailing slash ("en/sectors/health/")."""
        path = self.path[: -len("index")] if self.path.endswith("index") else f"{self.path}/"
        return f"{language_prefix}{path}"


def plan(model: Model) -> list[PlannedPage]:
    pages = [PlannedPage(kind, None, path, template) for kind, path, template in STRUCTURAL_PAGES]
    for sector in model.sectors:
        pages.append(PlannedPage("sector", sector.id, f"sectors/{sector.id}", "sector.html"))
    for project in model.projects:
        pages.append(PlannedPage("project", project.id, f"projects/{project.id}", "project.html"))
    for partnership in model.partnerships:
        pages.append(PlannedPage("partnership", partnership.id, f"partnerships/{partnership.id}", "partnership.html"))
    for page in model.pages:
        pages.append(PlannedPage("page", page.id, page.id, PAGE_KIND_TEMPLATES[page.data.kind]))
    pages.append(PlannedPage("translation-status", None, STATUS_PAGE, "translation-status.html", source_only=True))
    return pages


class Links:
    """Addresses of pages in one language, for templates: ``links.url('sector', 'health')``."""

    def __init__(self, model: Model, pages: list[PlannedPage], language: str) -> None:
        self.prefix = "" if language == model.source_language else f"{language}/"
        self._pages = {(page.kind, page.item_id): page for page in pages}
        self._free_pages = {page.data.kind.value: page.id for page in model.pages}

    def url(self, kind: str, item_id: str | None = None) -> str:
        return self._pages[(kind, item_id)].url(self.prefix)

    def free_page(self, page_kind: str) -> str | None:
        """The address of the free page of a kind (legal-notice…), or None when the content has none."""
        item_id = self._free_pages.get(page_kind)
        return None if item_id is None else self.url("page", item_id)


def _title_and_summary(model: Model, view: View, page: PlannedPage) -> tuple[str, str]:
    if page.item_id is None:
        if page.kind == "home":
            return view.territory.name, view.territory.description
        return view.t(f"pages.{page.kind}.title"), view.t(f"pages.{page.kind}.summary")
    text = view.text(model.items[page.kind][page.item_id])
    return text.title, text.summary


def cite_figures(body: str, view: View) -> str:
    """Replace each [[figure:id]] of a long text by the figure with its unit, source and year."""

    def figure_html(match: re.Match[str]) -> str:
        figure = view.figure(match["id"])
        # Always marked: the text around it may itself be a passage in another language (an untranslated page).
        lang = f' lang="{figure.language}"'
        return (
            f'<span class="vitrine-cite"{lang}><strong>{html.escape(figure.value)} {html.escape(figure.unit)}</strong>'
            f' <small>({html.escape(view.t("labels.source"))} <a href="{html.escape(figure.source_url)}"'
            f' rel="external noopener"><bdi lang="{figure.source_language}">{html.escape(figure.source_name)}</bdi></a>'
            f"{html.escape(view.t('labels.separator'))}"
            f"{figure.year})</small></span>"
        )

    return FIGURE_CITATION.sub(figure_html, body)


def render_page(model: Model, page: PlannedPage, language: str) -> str:
    """The Markdown file of ``page`` in ``language``: a header block, then the long text."""
    view = model.view(language)
    title, summary = _title_and_summary(model, view, page)
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
        item = model.items[page.kind][page.item_id]
        body = cite_figures(view.body(item), view)
        header["vitrine"]["text_language"] = view.text_language(item)
    front = yaml.safe_dump(header, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{body.strip()}\n"


def site_files(model: Model) -> Iterator[tuple[str, str]]:
    """Every generated page file: (path relative to docs/, text)."""
    for page in plan(model):
        for language in model.languages:
            if page.source_only and language.code != model.source_language:
                continue
            yield f"{page.path}.{language.code}.md", render_page(model, page, language.code)


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def write_generated(docs_dir: Path, files: dict[str, bytes]) -> int:
    """Write generated files that changed, delete those no longer generated; return how many were written.

    Unchanged files are left alone so that ``mkdocs serve`` does not see a change and rebuild forever.
    """
    listing = docs_dir / GENERATED_LIST
    previous: list[str] = json.loads(listing.read_text()) if listing.is_file() else []
    written = sum(write_if_changed(docs_dir / name, data) for name, data in files.items())
    for stale in set(previous) - set(files):
        (docs_dir / stale).unlink(missing_ok=True)
    write_if_changed(listing, json.dumps(sorted(files), indent=0).encode())
    return written
