"""Repairs to the theme's markup that the HTML standard rejects, applied to every page once it is rendered.

Material writes a few attributes the Nu HTML Checker reports as errors. Overriding its partials would mean
copying them whole (and following every upstream change); these repairs are small, named, and each one does
nothing once the theme stops writing the markup it repairs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Repair:
    why: str
    apply: Callable[[str], str]


def _without_autocomplete_on_toggles(html: str) -> str:
    # The drawer and search toggles are checkboxes: `autocomplete` is only allowed on text-like inputs.
    return re.sub(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"', r"\1", html)


def _without_empty_tabindex(html: str) -> str:
    # Section labels get `tabindex=""` (the theme's way of saying "not focusable"): an empty value is invalid.
    return re.sub(r'(<label\b[^>]*?) tabindex=""', r"\1", html)


def _toc_title_without_dangling_label(html: str) -> str:
    # Pages outside the navigation (legal pages) have no "__toc" checkbox, so the table of contents' title
    # may not be a label pointing at it: it becomes plain text with the same look.
    if 'id="__toc"' in html:
        return html
    return re.sub(
        r'<label class="md-nav__title" for="__toc">(.*?)</label>',
        r'<div class="md-nav__title">\1</div>',
        html,
        flags=re.S,
    )


def _direction_on_the_root(html: str) -> str:
    # The theme puts the direction on <body> only; on <html> it also reaches the page's scroll bars, and
    # checkers and assistive tools read the document's direction there.
    body = re.search(r'<body dir="(rtl|ltr)"', html)
    if body is None or re.search(r"<html\b[^>]*\bdir=", html):
        return html
    return re.sub(r"<html\b", f'<html dir="{body.group(1)}"', html, count=1)


def _search_dialog_named(html: str) -> str:
    # The search box is a dialog without a name (axe-core: aria-dialog-name): it takes the name the theme gives
    # its search field, in the page's language.
    field = re.search(r'<input type="text" class="md-search__input"[^>]*aria-label="([^"]*)"', html)
    if field is None or re.search(r'<div class="md-search"[^>]*aria-label=', html):
        return html
    return html.replace(
        '<div class="md-search" data-md-component="search" role="dialog">',
        f'<div class="md-search" data-md-component="search" role="dialog" aria-label="{field.group(1)}">',
        1,
    )


REPAIRS = (
    Repair("autocomplete on checkboxes", _without_autocomplete_on_toggles),
    Repair("empty tabindex on section labels", _without_empty_tabindex),
    Repair("table of contents title pointing at a missing checkbox", _toc_title_without_dangling_label),
    Repair("direction on <body> only", _direction_on_the_root),
    Repair("search dialog without a name", _search_dialog_named),
)


def repair_theme_markup(html: str) -> str:
    for repair in REPAIRS:
        html = repair.apply(html)
    return html
