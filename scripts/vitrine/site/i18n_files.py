"""mkdocs-static-i18n's language files made once per process, then copied.

For each language it builds, mkdocs-static-i18n makes a new MkDocs ``File`` for every file of ``docs/``, and again
for each page's versions in the other languages: about 1,040 a language, each through a dozen ``pathlib`` paths,
some 0.15 s a language and 1 s of every rebuild of the live preview. The same file, language and configuration
always give the same result, so the first one made is kept and each later call gets a copy of it, with its own
table of versions (mkdocs-static-i18n fills that table in later, file by file). Likewise, whether a file lies in
``docs/`` is asked of every file of the site and the theme for each language; each answer is kept.

This is the only module that knows how mkdocs-static-i18n makes its files; ``install`` is idempotent.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

import mkdocs_static_i18n.reconfigure as reconfigure
import mkdocs_static_i18n.suffix as suffix_structure
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

_ITS_OWN = suffix_structure.create_i18n_file
_IS_RELATIVE_TO = reconfigure.is_relative_to
KEPT_AT_MOST = 50_000  # files; the live preview of a large site makes a few thousand per content folder

_made: dict[tuple[Any, ...], File] = {}


def install() -> None:
    """From now on, in this process (the language processes are forked from it, and find it installed)."""
    suffix_structure.create_i18n_file = language_file
    reconfigure.is_relative_to = _is_relative_to


@lru_cache(maxsize=KEPT_AT_MOST)
def _is_relative_to(path: str, folder: str) -> bool:
    return bool(_IS_RELATIVE_TO(path, folder))


def language_file(
    file: File, current_language: str, default_language: str, all_languages: list[str], config: MkDocsConfig
) -> File:
    """What mkdocs-static-i18n's ``create_i18n_file`` returns for these arguments: a new object each time."""
    key = (
        file.src_uri,
        file.dest_uri,
        file.inclusion,
        current_language,
        default_language,
        tuple(all_languages),
        config.docs_dir,
        config.site_dir,
        config.use_directory_urls,
    )
    first = _made.get(key)
    if first is None:
        if len(_made) >= KEPT_AT_MOST:
            _made.clear()
        first = copy.copy(_ITS_OWN(file, current_language, default_language, all_languages, config))
        _made[key] = first
    made: Any = copy.copy(first)
    made.alternates = {current_language: made}
    return made  # type: ignore[no-any-return]
