"""mkdocs-static-i18n's language files, made once and copied: the same as its own, and each copy its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from vitrine.site import i18n_files

LANGUAGES = ["fr", "en", "ja", "zh-Hant"]


def config(tmp_path: Path) -> MkDocsConfig:
    (tmp_path / "docs").mkdir(parents=True)
    made = MkDocsConfig()
    made.load_dict({"site_name": "Test", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
    errors, _warnings = made.validate()
    assert errors == []
    return made


def fields(file: File) -> dict[str, Any]:
    """Everything the file holds, its versions by language and address (they point at copies of their own)."""
    held = dict(vars(file))
    versions = held.pop("alternates")
    held["alternates"] = {language: (version.src_uri, version.url) for language, version in versions.items()}
    return held


@pytest.mark.parametrize(
    "source",
    ["index.fr.md", "index.zh-Hant.md", "sectors/water.en.md", "sectors/water.md", "assets/vitrine.css", "logo.ja.svg"],
)
@pytest.mark.parametrize("language", ["fr", "ja", "zh-Hant"])
def test_a_language_file_is_mkdocs_static_i18ns_own(tmp_path: Path, source: str, language: str) -> None:
    settings = config(tmp_path)
    file = File(source, settings.docs_dir, settings.site_dir, settings.use_directory_urls)
    own = i18n_files._ITS_OWN(file, language, "fr", LANGUAGES, settings)
    first = i18n_files.language_file(file, language, "fr", LANGUAGES, settings)
    again = i18n_files.language_file(file, language, "fr", LANGUAGES, settings)
    assert fields(first) == fields(own) == fields(again)
    assert again is not first and vars(again)["alternates"][language] is again


def test_each_copy_has_its_own_versions(tmp_path: Path) -> None:
    settings = config(tmp_path)
    file = File("sectors/water.fr.md", settings.docs_dir, settings.site_dir, settings.use_directory_urls)
    first = i18n_files.language_file(file, "fr", "fr", LANGUAGES, settings)
    vars(first)["alternates"]["en"] = first  # as mkdocs-static-i18n fills them in
    first.page = object()  # type: ignore[assignment]  # as MkDocs sets it
    again = i18n_files.language_file(file, "fr", "fr", LANGUAGES, settings)
    assert list(vars(again)["alternates"]) == ["fr"] and again.page is None
    assert again.url == "sectors/water/" and again.dest_uri == "sectors/water/index.html"


def test_another_site_folder_gives_other_files(tmp_path: Path) -> None:
    settings = config(tmp_path)
    file = File("sectors/water.en.md", settings.docs_dir, settings.site_dir, settings.use_directory_urls)
    first = i18n_files.language_file(file, "en", "fr", LANGUAGES, settings)
    elsewhere = config(tmp_path / "elsewhere")
    moved = i18n_files.language_file(file, "en", "fr", LANGUAGES, elsewhere)
    assert moved.abs_dest_path != first.abs_dest_path
    assert moved.abs_dest_path == i18n_files._ITS_OWN(file, "en", "fr", LANGUAGES, elsewhere).abs_dest_path
