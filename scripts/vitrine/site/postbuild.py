"""The steps that follow MkDocs, once every language is built: each is named, and runs in this order."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vitrine.site import search
from vitrine.site.calendars import write_calendars
from vitrine.site.feeds import write_feeds
from vitrine.site.font_slices import slice_site_fonts
from vitrine.site.forwarding import write_forwarding
from vitrine.site.headers import write_headers
from vitrine.site.open_data import write_open_data
from vitrine.site.sitemap import write_sitemap
from vitrine.site.state import SiteState
from vitrine.site.theme_script import repair_bundles

log = logging.getLogger("mkdocs.plugins.vitrine")


@dataclass(frozen=True)
class Step:
    why: str
    run: Callable[[SiteState, Path], None]
    in_preview: bool = True  # False: only the host needs it, and the live preview leaves it out


def not_found_pages(state: SiteState, site: Path) -> None:
    # Each language build writes site/404.html (the last would win): each gets its own, kept as it was rendered.
    for language, page in state.not_found.items():
        prefix = "" if language == state.model.source_language else f"{language}/"
        target = site / prefix / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")


def search_indexes(state: SiteState, site: Path) -> None:
    source = state.model.source_language
    others = [lang.code for lang in state.model.languages if lang.code != source]
    search.split_index(site, source, others, state.search_cache)


def data_files(state: SiteState, site: Path) -> None:
    write_open_data(site, state.model, {language.code: state.view(language.code) for language in state.model.languages})


def site_map(state: SiteState, site: Path) -> None:
    source = state.model.source_language
    write_sitemap(site, [lang.code for lang in state.model.languages if lang.code != source])


def calendars_and_feeds(state: SiteState, site: Path) -> None:
    views = {language.code: state.view(language.code) for language in state.model.languages}
    write_calendars(site, views)
    write_feeds(site, views)


def forwarding_pages(state: SiteState, site: Path) -> None:
    write_forwarding(site, state.model, state.fragments)


def font_slices(state: SiteState, site: Path) -> None:
    if state.font_cache is not None:
        slice_site_fonts(state.model, site, state.font_cache)


def security_headers(state: SiteState, site: Path) -> None:
    write_headers(site)


def missing_strings(state: SiteState, site: Path) -> None:
    for view in state.views.values():
        for key in sorted(view.missing_strings):
            log.warning(
                f"Vitrine: the interface text “{key}” is missing from strings/{view.code}.yml "
                f"and from its fallback languages."
            )


def missing_map_data(state: SiteState, site: Path) -> None:
    if any(view.missing_map_data for view in state.views.values()):
        log.warning(
            "Vitrine: the maps were left out, because the map data is not installed: run make build, which "
            "installs it (npm world-atlas into node_modules/)."
        )


def theme_script(state: SiteState, site: Path) -> None:
    for bundle in repair_bundles(site):
        log.warning(
            f"Vitrine: the theme's script {bundle.name} has changed: its requests for sitemap.xml under each "
            "language (404 on a host) could not be switched off. Update vitrine/site/theme_script.py."
        )


POST_BUILD = (
    Step("each language's own 404 page", not_found_pages),
    Step("each language's own search index (mkdocs-static-i18n merges them)", search_indexes),
    Step(
        "the site map of every language, from the pages' own addresses (each language build sees only its own)",
        site_map,
        in_preview=False,
    ),
    Step("the open data (CSV and JSON) under the licence the content declares", data_files, in_preview=False),
    Step("each language's iCalendar files of the fairs and its Atom feed of news and fairs", calendars_and_feeds),
    Step("the /go/ forwarding pages of the kit's QR codes", forwarding_pages, in_preview=False),
    Step(
        "large script fonts cut into slices, so that a page downloads only what it shows (the preview, on this "
        "computer, keeps each language's whole subset: reading and rewriting every page would cost a second)",
        font_slices,
        in_preview=False,
    ),
    Step("the theme's script without its sitemap requests under each language (404 on a host)", theme_script),
    Step(
        "the host's security headers: last, they hash the inline scripts of every page written above",
        security_headers,
        in_preview=False,
    ),
    Step("interface texts that no language has, reported", missing_strings),
    Step("maps left out for want of map data, reported", missing_map_data),
)


def finish(state: SiteState, site: Path, preview: bool = False) -> None:
    for step in POST_BUILD:
        if step.in_preview or not preview:
            step.run(state, site)
