"""The fonts of each language, found on the machine through fontconfig (Debian's fonts-noto-core and fonts-noto-cjk).

A language names its font family in territory.yml; the site subsets it (``site/font_subsets.py``), the kit
embeds it. Both use the same stack: the language's own family, then a Latin family for names and numbers.
"""

from __future__ import annotations

import subprocess
from functools import lru_cache
from pathlib import Path

LATIN_FAMILY = "Noto Sans"
WEIGHTS = {400: "Regular", 700: "Bold"}


class FontNotFound(Exception):
    pass


@lru_cache(maxsize=32)
def find_font(family: str, style: str) -> tuple[Path, int]:
    """The file (and face index, for collections) of ``family`` in ``style``, through fontconfig."""
    try:
        found = subprocess.run(
            ["fc-match", "--format=%{file}|%{index}|%{family}", f"{family}:style={style}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        raise FontNotFound(f"fontconfig could not look up the font “{family}”: {error}") from error
    file, index, families = found.split("|", 2)
    if family.lower() not in families.lower():
        raise FontNotFound(
            f"the font “{family}” is not installed (fontconfig offers “{families}” instead). "
            "Run make build, which installs the fonts, or install Debian's fonts-noto-core and fonts-noto-cjk."
        )
    return Path(file), int(index or 0)


def families_for(family: str) -> list[str]:
    """The font stack of a language: its own family, then a Latin one for names and numbers it lacks."""
    return [family] if family == LATIN_FAMILY else [family, LATIN_FAMILY]


def css_stack(family: str) -> str:
    """The CSS font-family value of a language's stack. Only letters, digits, spaces and hyphens of the names are
    kept, so that it can sit in a <style> element as it is (the template does not escape it)."""
    names = ("".join(c for c in name if c.isalnum() or c in " -") for name in families_for(family))
    return ", ".join(f'"{name} Vitrine"' for name in names)


def font_files(family: str) -> list[Path]:
    """The files of every weight of a language's font stack that the machine has."""
    found: list[Path] = []
    for name in families_for(family):
        for style in WEIGHTS.values():
            try:
                found.append(find_font(name, style)[0])
            except FontNotFound:
                continue
    return found


def is_installed(family: str) -> bool:
    try:
        find_font(family, "Regular")
    except FontNotFound:
        return False
    return True


def fontconfig_language(code: str) -> str:
    """A BCP 47 code as fontconfig names languages: pt-PT -> pt, zh -> zh-cn, zh-Hant -> zh-tw."""
    parts = code.split("-")
    if parts[0] == "zh":
        traditional = any(part in ("Hant", "TW", "HK", "MO") for part in parts[1:])
        return "zh-tw" if traditional else "zh-cn"
    return parts[0].lower()


@lru_cache(maxsize=64)
def families_writing(code: str) -> list[str]:
    """The installed families whose fonts can write the language (fontconfig's orthographies), Noto first; empty
    when fontconfig does not know the language."""
    try:
        listed = subprocess.run(
            ["fc-list", f":lang={fontconfig_language(code)}", "family"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    names = {name.strip() for line in listed.splitlines() for name in line.split(",") if name.strip()}
    return sorted(names, key=lambda name: (not name.startswith("Noto Sans"), len(name), name))
