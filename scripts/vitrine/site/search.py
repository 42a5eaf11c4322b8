"""One search index per language.

mkdocs-static-i18n merges the entries of every language into site/search/search_index.json, so a search on a
French page also returns English pages. This splits the merged index: the source language keeps the root
index, each other language gets <lang>/search/search_index.json with addresses relative to its own root, and
its pages point Material's search at it (see ``base`` in overrides/main.html).
"""

from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

INDEX = Path("search") / "search_index.json"


SETTING = re.compile(r'"search\.config\.(lang|pipeline|separator)":\s*"((?:[^"\\]|\\.)*)"')


@lru_cache(maxsize=32)
def material_search_settings(language: str) -> dict[str, Any]:
    """Material's search settings for a language (lunr language, pipeline, word separator), English by default."""
    folder = files("material") / "templates" / "partials" / "languages"
    settings: dict[str, Any] = {}
    for name in ("en", language.split("-")[0], language):
        candidate = folder / f"{name}.html"
        if candidate.is_file():
            for key, raw in SETTING.findall(candidate.read_text(encoding="utf-8")):
                settings[key] = json.loads(f'"{raw}"')
    pipeline = [step for step in str(settings.get("pipeline", "")).split(",") if step.strip()]
    return {
        "lang": [settings.get("lang", "en")],
        "separator": settings.get("separator", r"[\s\-]+"),
        "pipeline": [step.strip() for step in pipeline],
    }


def split_index(site: Path, source: str, others: list[str]) -> dict[str, int]:
    """Rewrite the merged index into one per language; return the number of entries of each."""
    merged_path = site / INDEX
    if not merged_path.is_file():
        return {}
    merged: dict[str, Any] = json.loads(merged_path.read_text(encoding="utf-8"))
    per_language: dict[str, list[dict[str, Any]]] = {code: [] for code in [source, *others]}
    for entry in merged.get("docs", []):
        location = str(entry.get("location", ""))
        owner = next((code for code in others if location.startswith(f"{code}/")), source)
        if owner != source:
            entry = {**entry, "location": location[len(owner) + 1 :]}
        per_language[owner].append(entry)
    counts = {}
    for code, entries in per_language.items():
        target = site / INDEX if code == source else site / code / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        index = {**merged, "config": {**merged.get("config", {}), **material_search_settings(code)}, "docs": entries}
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[code] = len(entries)
    return counts


@lru_cache(maxsize=1)
def material_search_worker() -> str:
    """The path of Material's search worker, as its own base template names it (the name carries a hash)."""
    base = files("material") / "templates" / "base.html"
    found = re.search(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js", base.read_text(encoding="utf-8"))
    if found is None:
        raise RuntimeError("Material's base.html no longer names its search worker: update overrides/main.html.")
    return found.group(0)


def segment_chinese_only_for(language: str) -> None:
    """Let Material's search cut Han characters into words (jieba) for Chinese pages only.

    Material segments every run of Han characters when jieba is installed; Japanese kanji are Han too, and a
    Chinese dictionary would cut Japanese words wrongly, so segmentation is switched off for other languages.
    """
    try:
        import jieba
        from material.plugins.search import plugin as material_search
    except ImportError:
        return
    jieba.setLogLevel(logging.WARNING)
    material_search.jieba = jieba if language.split("-")[0] == "zh" else None
