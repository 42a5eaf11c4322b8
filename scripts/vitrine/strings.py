"""Interface strings (content/strings/<lang>.yml): looking a key up in the nested groups of a strings file,
listing its keys, and filling in its places.

A string is text with named places, ``"{count} pages"``; a string that depends on a number may instead be a group
of CLDR plural categories (``{one: "{count} page", other: "{count} pages"}``), chosen with the language's rules.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from babel import Locale

PLACE = re.compile(r"\{(?P<name>[A-Za-z_][\w-]*)\}")
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def lookup(strings: Mapping[str, Any], dotted: str) -> Any:
    """The value at ``dotted`` ("labels.source") in nested groups, or None when a part is missing."""
    node: Any = strings
    for part in dotted.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def is_plural_group(value: Any) -> bool:
    """A group of plural forms: only CLDR category names as keys, "other" among them."""
    return isinstance(value, Mapping) and "other" in value and set(value) <= set(PLURAL_CATEGORIES)


def plural_form(group: Mapping[str, Any], count: float, locale: Locale) -> Any:
    """The form of ``group`` for ``count`` in ``locale`` (CLDR rules); "other" when the group lacks that form."""
    category = locale.plural_form(abs(count))
    return group.get(category, group["other"])


def fill(text: str, values: Mapping[str, str]) -> str:
    """Put each value at its place: fill("{size} KB", {"size": "12"}) -> "12 KB". Unknown places stay as written."""
    return PLACE.sub(lambda match: values.get(match["name"], match.group(0)), text)


# A group a strings file may hold for a language the theme (Material) does not ship: the theme's own words
# (search box, "skip to content"…), by the theme's keys.
THEME_GROUP = "theme"
# Groups a language writes only when it needs them: they are not compared with the source language's file.
OPTIONAL_GROUPS = (THEME_GROUP, "units_compact")


def string_keys(strings: Mapping[str, Any], path: tuple[str, ...] = ()) -> dict[str, tuple[str, ...]]:
    """Every text of a strings file by its dotted key ("labels.source"), with its path, but those of the optional
    groups; a group of plural forms is one text."""
    found: dict[str, tuple[str, ...]] = {}
    for key, value in strings.items():
        here = (*path, str(key))
        if not path and here[0] in OPTIONAL_GROUPS:
            continue
        if isinstance(value, Mapping) and not is_plural_group(value):
            found.update(string_keys(value, here))
        else:
            found[".".join(here)] = here
    return found
