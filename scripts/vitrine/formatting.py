"""Numbers, dates and units written the way each language writes them (CLDR data, through Babel)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date as babel_format_date
from babel.numbers import format_compact_decimal, format_decimal


@lru_cache(maxsize=64)
def is_known_locale(language: str) -> bool:
    """True when CLDR (through Babel) can write numbers and dates in ``language`` (a BCP 47 code)."""
    try:
        Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True


@lru_cache(maxsize=64)
def locale_for(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


COMPACT_FROM = 1_000_000


def is_compact(value: float, display: str) -> bool:
    """True when a figure shown "compact" is rounded to millions (below a million, numbers stay whole)."""
    return display == "compact" and abs(value) >= COMPACT_FROM


def format_number(value: float, language: str, display: str = "full") -> str:
    """1898561 -> "1 898 561" (fr) or "1.9 million" (en, compact; below a million numbers stay whole)."""
    locale = locale_for(language)
    if is_compact(value, display):
        # Some locales (ja, zh) only have the short compact form (190万).
        if "long" in locale.compact_decimal_formats:
            return format_compact_decimal(value, format_type="long", locale=locale, fraction_digits=1)
        return format_compact_decimal(value, format_type="short", locale=locale, fraction_digits=1)
    if float(value).is_integer():
        return format_decimal(int(value), locale=locale)
    return format_decimal(value, locale=locale, decimal_quantization=False)


def format_date(value: dt.date | int, language: str, style: str = "long") -> str:
    """A date in the reader's language; a bare year stays a year."""
    if isinstance(value, int):
        return str(value)
    return babel_format_date(value, format=style, locale=locale_for(language))


def format_date_range(start: dt.date, end: dt.date, language: str) -> str:
    from babel.dates import format_interval

    return format_interval(start, end, skeleton="yMMMd", locale=locale_for(language))


def open_graph_locale(code: str) -> str:
    """A language as Open Graph names locales (language_TERRITORY), with CLDR's likely territory: fr -> fr_FR,
    ja -> ja_JP, ar -> ar_EG, pt-PT -> pt_PT."""
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return code.replace("-", "_")
    territory = locale.territory
    if territory is None:
        likely_subtags = get_global("likely_subtags")
        keys = [f"{locale.language}_{locale.script}"] if locale.script else []
        likely = next((str(likely_subtags[key]) for key in [*keys, locale.language] if key in likely_subtags), "")
        territory = likely.split("_")[-1] if likely.count("_") >= 1 else None
    return f"{locale.language}_{territory}" if territory else locale.language
