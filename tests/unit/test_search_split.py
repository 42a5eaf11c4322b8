"""mkdocs-static-i18n merges every language into one search index: it is split into one per language, each with
Material's settings for that language and addresses relative to the language's own root."""

from __future__ import annotations

import json
from pathlib import Path

from vitrine.site.search import INDEX, material_search_settings, split_index


def merged(site: Path) -> None:
    index = {
        "config": {"lang": ["en"], "separator": "x", "pipeline": ["stemmer"]},
        "docs": [
            {"location": "", "title": "Accueil", "text": "Bienvenue"},
            {"location": "sectors/health/", "title": "Santé", "text": "…"},
            {"location": "en/sectors/health/", "title": "Health", "text": "…"},
            {"location": "ja/sectors/health/#section", "title": "健康", "text": "…"},
            {"location": "japan/", "title": "Japon", "text": "a French page whose address starts like ja/"},
        ],
    }
    (site / INDEX).parent.mkdir(parents=True, exist_ok=True)
    (site / INDEX).write_text(json.dumps(index), encoding="utf-8")


def read(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_each_language_gets_its_own_entries_and_addresses(tmp_path: Path) -> None:
    merged(tmp_path)
    counts = split_index(tmp_path, "fr", ["en", "ja"])
    assert counts == {"fr": 3, "en": 1, "ja": 1}
    french, japanese = read(tmp_path / INDEX), read(tmp_path / "ja" / INDEX)
    assert [d["location"] for d in french["docs"]] == ["", "sectors/health/", "japan/"]  # type: ignore[attr-defined]
    assert [d["location"] for d in japanese["docs"]] == ["sectors/health/#section"]  # type: ignore[attr-defined]
    assert read(tmp_path / "en" / INDEX)["docs"] == [{"location": "sectors/health/", "title": "Health", "text": "…"}]


def test_each_index_carries_its_languages_search_settings(tmp_path: Path) -> None:
    merged(tmp_path)
    split_index(tmp_path, "fr", ["en", "ja"])
    assert read(tmp_path / INDEX)["config"] == {**material_search_settings("fr")}
    japanese = read(tmp_path / "ja" / INDEX)["config"]
    assert japanese == material_search_settings("ja") and material_search_settings("ja")["lang"] == ["ja"]


def test_material_settings_per_language() -> None:
    assert material_search_settings("de")["lang"] == ["de"]
    assert material_search_settings("xx")["lang"] == ["en"], "a language Material does not know searches as English"
    assert material_search_settings("zh")["separator"] != material_search_settings("en")["separator"]


def test_no_merged_index_means_nothing_to_split(tmp_path: Path) -> None:
    assert split_index(tmp_path, "fr", ["en"]) == {}


def page(site: Path, location: str, words: str) -> None:
    target = site / location / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"<html><body><article><h1>Titre</h1><p>{words}</p></article></body></html>", encoding="utf-8")


def test_pages_written_by_templates_are_indexed_and_kept_between_builds(tmp_path: Path) -> None:
    site, memo = tmp_path / "site", tmp_path / "cache" / "entries.json"
    merged(site)
    page(site, "figures", "Chiffres clés du territoire")
    page(site, "zh/figures", "关键数据")
    split_index(site, "fr", ["en", "zh"], memo)
    first = {code: read(site / code / INDEX if code else site / INDEX)["docs"] for code in ("", "zh")}
    assert {"location": "figures/", "title": "Titre", "text": "Chiffres clés du territoire"} in first[""]  # type: ignore[operator]
    assert any("\u200b" in entry["text"] for entry in first["zh"]), "Chinese is cut into words"  # type: ignore[attr-defined]
    kept = json.loads(memo.read_text(encoding="utf-8"))
    assert len(kept) == 2

    # A page whose HTML is the same is taken from the file: a planted entry shows it was not read again.
    key = next(k for k, entry in kept.items() if entry["location"] == "figures/")
    kept[key] = {**kept[key], "text": "from the cache"}
    memo.write_text(json.dumps(kept), encoding="utf-8")
    merged(site)  # each build writes the merged index again
    split_index(site, "fr", ["en", "zh"], memo)
    assert any(entry["text"] == "from the cache" for entry in read(site / INDEX)["docs"])  # type: ignore[attr-defined]

    # A page that changed is read again, and the file forgets what no page uses any more.
    page(site, "figures", "Nouveaux chiffres")
    merged(site)
    split_index(site, "fr", ["en", "zh"], memo)
    texts = [entry["text"] for entry in read(site / INDEX)["docs"]]  # type: ignore[attr-defined]
    assert "Nouveaux chiffres" in texts and "from the cache" not in texts
    assert len(json.loads(memo.read_text(encoding="utf-8"))) == 2


def test_an_unreadable_cache_file_is_read_again_from_the_pages(tmp_path: Path) -> None:
    site, memo = tmp_path / "site", tmp_path / "entries.json"
    merged(site)
    page(site, "figures", "Chiffres")
    memo.write_text("{not json", encoding="utf-8")
    split_index(site, "fr", ["en"], memo)
    assert any(entry["text"] == "Chiffres" for entry in read(site / INDEX)["docs"])  # type: ignore[attr-defined]
