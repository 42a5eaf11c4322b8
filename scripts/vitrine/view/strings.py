"""Interface strings: looking a key up in the nested groups of a strings file, and filling in its parameters.

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
