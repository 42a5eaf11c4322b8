"""The installed theme's files listed once per process, not once per language.

For each language, MkDocs asks Jinja for every file of the theme to copy its static files; Material's folder holds
some 14,500 icons, which MkDocs then leaves out, and walking and testing them costs about 0.3 s a language. An installed
package does not change while Vitrine runs, so its folders are walked once and their list given again (to the
language processes too: they are forked). The project's own theme folders (overrides/, .vitrine/theme) are walked
every time, so that a file added during the live preview is seen.
"""

from __future__ import annotations

import sysconfig
from functools import cache
from pathlib import Path

from jinja2 import FileSystemLoader

_JINJAS_OWN = FileSystemLoader.list_templates
INSTALLED = tuple(Path(sysconfig.get_paths()[key]).resolve() for key in ("purelib", "platlib"))


def install() -> None:
    """From now on, in this process (idempotent)."""
    FileSystemLoader.list_templates = _list_templates  # type: ignore[method-assign,assignment]


def _list_templates(loader: FileSystemLoader) -> list[str]:
    found: set[str] = set()
    for folder in loader.searchpath:
        found.update(_installed_files(str(folder)) if _is_installed(str(folder)) else _files(str(folder)))
    return sorted(found)


@cache
def _is_installed(folder: str) -> bool:
    return any(Path(folder).resolve().is_relative_to(root) for root in INSTALLED)


@cache
def _installed_files(folder: str) -> tuple[str, ...]:
    # Hidden files and folders (Material's .icons) are left out here: MkDocs leaves them out of what it copies
    # (its patterns ".*" and "*/.*"), after testing each of the 14,500 names against a dozen patterns.
    return tuple(name for name in _files(folder) if not any(part.startswith(".") for part in name.split("/")))


def _files(folder: str) -> tuple[str, ...]:
    return tuple(_JINJAS_OWN(FileSystemLoader([folder])))
