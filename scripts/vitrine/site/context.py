"""What the site's templates receive besides Material's own: the View (``v``), the item a page shows
(``entry``, an item view), the page's language versions as absolute addresses, and the theme's assets of the
language (its fonts' stylesheet and font stack, Material's script and search worker)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup

from vitrine.fonts import css_stack
from vitrine.site import search, theme_script
from vitrine.site.state import SiteState
from vitrine.view import Shown


def template_globals(state: SiteState, language: str) -> dict[str, Any]:
    return {
        "v": state.view(language),
        "vitrine_font_css": state.font_css.get(language),
        # CSS in a <style> element, where entities are not decoded: made safe by css_stack rather than escaped.
        "vitrine_font_stack": Markup(css_stack(state.model.language(language).font)),
        "vitrine_search_worker": search.material_search_worker(),
        "vitrine_theme_bundle": theme_script.material_bundle(),
    }


def entry_of(state: SiteState, language: str, meta: dict[str, Any]) -> Shown[Any] | None:
    """The item a page shows, as its item view (None for pages of lists: the home, the sectors…)."""
    kind, item_id = meta.get("kind"), meta.get("id")
    if not item_id or kind not in state.model.items:
        return None
    return state.view(language).item(str(kind), str(item_id))


def absolute_alternates(alternates: list[dict[str, str]], site_url: str, default: str) -> list[dict[str, str]]:
    """The page's versions as absolute addresses, plus x-default (the source language's version)."""
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    found = [{"lang": alt["lang"], "href": urljoin(base, alt["link"].lstrip("/"))} for alt in alternates]
    found += [{"lang": "x-default", "href": alt["href"]} for alt in found if alt["lang"] == default]
    return found


def home_alternates(alternates: list[dict[str, str]], source: str, site_url: str) -> list[dict[str, str]]:
    """The language switch's entries, each leading to its language's home page (below the site's own path)."""
    base = urlsplit(site_url).path.rstrip("/")
    return [
        {**alt, "link": f"{base}/" if alt.get("lang") == source else f"{base}/{alt.get('lang')}/"} for alt in alternates
    ]
