"""Languages the theme does not ship: Material has its interface words in one partial per language
(``partials/languages/pt.html``) and stops on a language without one (pt-PT, ga). For each such language of the
content, a partial is written that answers with the language's own code and direction, the words of the content's
``theme:`` group in its strings file, then the words of the theme's nearest language (pt for pt-PT), then English.
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

import mkdocs_static_i18n.config

from vitrine.model import Model
from vitrine.strings import THEME_GROUP

PARTIALS = files("material") / "templates" / "partials" / "languages"
FOLDER = Path("partials") / "languages"


def accept_every_language_code() -> None:
    """mkdocs-static-i18n accepts two-letter languages only; the content may use any BCP 47 code that CLDR knows
    (fil, haw, es-419), and the site's folders and file suffixes work the same with them."""
    mkdocs_static_i18n.config.RE_LOCALE = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$")


def is_shipped(code: str) -> bool:
    return (PARTIALS / f"{code}.html").is_file()


def nearest_shipped(code: str) -> str:
    """The theme's language closest to ``code``: its own, its base language's (pt for pt-PT), else English."""
    base = code.split("-")[0]
    return next((name for name in (code, base) if is_shipped(name)), "en")


def partial(code: str, direction: str, words: dict[str, Any]) -> str:
    own = {"language": code, "direction": direction, **{key: str(value) for key, value in words.items()}}
    return (
        f"{{#- Written by Vitrine: the theme has no words for “{code}”. -#}}\n"
        f'{{% import "partials/languages/{nearest_shipped(code)}.html" as nearest %}}\n'
        f"{{% macro t(key) %}}{{{{ {json.dumps(own, ensure_ascii=False)}[key] or nearest.t(key) }}}}{{% endmacro %}}\n"
    )


def theme_partials(model: Model) -> dict[str, str]:
    """The partial of every language of the content that the theme does not ship, by its path in a theme folder."""
    return {
        (FOLDER / f"{language.code}.html").as_posix(): partial(
            language.code,
            language.direction.value,
            dict(model.strings.get(language.code, {}).get(THEME_GROUP) or {}),
        )
        for language in model.languages
        if not is_shipped(language.code)
    }
