"""The menu stays the same size however many pages a section has: a page's weight does not grow with its siblings."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from support.project import REFERENCE_CONTENT, copy_content
from vitrine.pipeline import prepare
from vitrine.site.navigation import MAX_LISTED, bounded, i18n_languages, navigation


def test_a_small_section_lists_its_pages_and_a_large_one_only_its_index() -> None:
    few = [f"sectors/s{n}.md" for n in range(MAX_LISTED)]
    assert bounded("sectors/index.md", few) == ["sectors/index.md", *few]
    many = [f"sectors/s{n}.md" for n in range(MAX_LISTED + 1)]
    assert bounded("sectors/index.md", many) == ["sectors/index.md"]


def sector_links(menu: list[Any]) -> list[str]:
    section = next(entry for entry in menu if isinstance(entry, dict) and "Secteurs" in entry)
    return list(section["Secteurs"])


def test_every_sector_is_in_the_menu_of_the_reference_content() -> None:
    model = prepare(REFERENCE_CONTENT)
    assert sector_links(navigation(model, "fr")) == ["sectors/index.md"] + [f"sectors/{s.id}.md" for s in model.sectors]


def test_with_many_sectors_the_menu_keeps_only_their_index(tmp_path: Path) -> None:
    content = copy_content(REFERENCE_CONTENT, tmp_path / "content")
    for number in range(MAX_LISTED):
        for file in (content / "sectors").glob("health.*"):
            shutil.copyfile(file, content / "sectors" / file.name.replace("health", f"health-{number}"))
    model = prepare(content)
    assert len(model.sectors) > MAX_LISTED
    assert sector_links(navigation(model, "fr")) == ["sectors/index.md"]


def test_the_preview_of_one_language_builds_it_and_the_source_languages_home_only() -> None:
    model = prepare(REFERENCE_CONTENT)
    languages = {entry["locale"]: entry for entry in i18n_languages(model, "ja")}
    assert {code for code, entry in languages.items() if entry["build"]} == {"ja", model.source_language}
    assert languages[model.source_language]["nav"] == [] and languages["ja"]["nav"]
    assert all(entry["build"] and entry["nav"] for entry in i18n_languages(model))
    assert all(entry["nav"] for entry in i18n_languages(model, model.source_language))
