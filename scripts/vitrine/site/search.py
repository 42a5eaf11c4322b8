"""One search index per language.

mkdocs-static-i18n merges the entries of every language into site/search/search_index.json, so a search on a
French page also returns English pages. This splits the merged index: the source language keeps the root
index, each other language gets <lang>/search/search_index.json with addresses relative to its own root, and
its pages point Material's search at it (see ``base`` in overrides/main.html).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from functools import lru_cache
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path
from typing import Any

from vitrine.whole_files import write_whole

INDEX = Path("search") / "search_index.json"


SETTING = re.compile(r'"search\.config\.(lang|pipeline|separator)":\s*"((?:[^"\\]|\\.)*)"')


LUNR = ("templates", "assets", "javascripts", "lunr", "min")


def lunr_language(code: str) -> str | None:
    """The language of Material's lunr support for ``code`` (lunr.he.min.js for he and he-IL), when the browser can
    run it: lunr.zh needs a program of Node's (@node-rs/jieba), and Chinese is cut into words at build time instead."""
    base = code.split("-")[0]
    script = files("material").joinpath(*LUNR, f"lunr.{base}.min.js")
    if not script.is_file() or 'require("@' in script.read_text(encoding="utf-8"):
        return None
    return base


@lru_cache(maxsize=32)
def material_search_settings(language: str) -> dict[str, Any]:
    """Material's search settings for a language (lunr language, pipeline, word separator): the language's own
    (its partial, else its lunr support), English's for what it does not set."""
    folder = files("material") / "templates" / "partials" / "languages"

    def read(names: tuple[str, ...]) -> dict[str, str]:
        found: dict[str, str] = {}
        for name in names:
            candidate = folder / f"{name}.html"
            if candidate.is_file():
                for key, raw in SETTING.findall(candidate.read_text(encoding="utf-8")):
                    found[key] = json.loads(f'"{raw}"')
        return found

    english = read(("en",))
    own = read(tuple(dict.fromkeys((language.split("-")[0], language))))
    pipeline = own.get("pipeline", english.get("pipeline", ""))
    return {
        "lang": [own.get("lang") or lunr_language(language) or "en"],
        "separator": own.get("separator") or english.get("separator", r"[\s\-]+"),
        "pipeline": [step.strip() for step in pipeline.split(",") if step.strip()],
    }


# Addresses below a language's root that are not pages to find: forwarding pages, the staff's pages.
NOT_SEARCHED = ("go/", "staff/")


def split_index(site: Path, source: str, others: list[str], memo_file: Path | None = None) -> dict[str, int]:
    """Rewrite the merged index into one per language, and add the pages MkDocs left out; return the number of
    entries of each language. ``memo_file`` keeps the entries read from pages between builds."""
    merged_path = site / INDEX
    if not merged_path.is_file():
        return {}
    memo = PageEntries(memo_file)
    merged: dict[str, Any] = json.loads(merged_path.read_text(encoding="utf-8"))
    per_language: dict[str, list[dict[str, Any]]] = {code: [] for code in [source, *others]}
    for entry in merged.get("docs", []):
        location = str(entry.get("location", ""))
        owner = next((code for code in others if location.startswith(f"{code}/")), source)
        if owner != source:
            entry = {**entry, "location": location[len(owner) + 1 :]}
        if not location_of_page(entry["location"]).startswith(NOT_SEARCHED):
            per_language[owner].append(entry)
    counts = {}
    for code, entries in per_language.items():
        root = site if code == source else site / code
        skip = tuple(f"{other}/" for other in others) + NOT_SEARCHED
        entries += template_pages(root, entries, skip, chinese=code.split("-")[0] == "zh", memo=memo)
        target = root / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        index = {**merged, "config": {**merged.get("config", {}), **material_search_settings(code)}, "docs": entries}
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[code] = len(entries)
    memo.save()
    return counts


def location_of_page(location: str) -> str:
    return location.split("#", 1)[0]


class ArticleText(HTMLParser):
    """The words of a page's article (its title apart), as a search index holds them."""

    SKIPPED = frozenset({"script", "style", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article>
        self.skipping = 0
        self.in_title = False
        self.title: list[str] = []
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        elif self.depth and (tag in self.SKIPPED or ("class", "headerlink") in attrs):
            self.skipping += 1
        elif self.depth and tag == "h1":
            self.in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.depth:
            self.depth -= 1
        elif self.skipping and (tag in self.SKIPPED or tag == "a"):
            self.skipping -= 1
        elif tag == "h1":
            self.in_title = False

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skipping:
            (self.title if self.in_title else self.words).append(data)

    def entry(self, location: str) -> dict[str, Any]:
        return {
            "location": location,
            "title": " ".join("".join(self.title).split()),
            "text": " ".join(" ".join(self.words).split()),
        }


HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def segmented_chinese(text: str) -> str:
    """Han runs cut into words, as Material's search plugin indexes Chinese (words between zero-width spaces)."""
    import jieba

    return HAN.sub(lambda run: "\u200b" + "\u200b".join(jieba.cut(run.group(0))) + "\u200b", text).strip("\u200b")


class PageEntries:
    """The entries already read from pages, by a digest of the page's HTML, its address and this module: reading
    the pages and cutting Chinese into words take most of this step, and most pages are the same as last time. The
    file keeps only what the last build used."""

    def __init__(self, file: Path | None) -> None:
        self.file = file
        self.known: dict[str, dict[str, Any] | None] = {}
        self.used: dict[str, dict[str, Any] | None] = {}
        if file is not None and file.is_file():
            try:
                loaded = json.loads(file.read_text(encoding="utf-8"))
                self.known = loaded if isinstance(loaded, dict) else {}
            except (OSError, ValueError):
                self.known = {}

    def entry(self, html: bytes, location: str, chinese: bool) -> dict[str, Any] | None:
        key = hashlib.sha256(b"\0".join([_CODE_DIGEST, location.encode(), b"zh" if chinese else b"", html])).hexdigest()
        found = self.known[key] if key in self.known else _read_entry(html.decode("utf-8"), location, chinese)
        self.used[key] = found
        return found

    def save(self) -> None:
        if self.file is None or self.used == self.known:
            return
        write_whole(self.file, json.dumps(self.used, ensure_ascii=False, separators=(",", ":")))


_CODE_DIGEST = hashlib.sha256(Path(__file__).read_bytes()).hexdigest().encode()


def _read_entry(html: str, location: str, chinese: bool) -> dict[str, Any] | None:
    reader = ArticleText()
    reader.feed(html)
    if not reader.words:
        return None
    entry = reader.entry(location)
    if chinese:
        entry = {**entry, "title": segmented_chinese(entry["title"]), "text": segmented_chinese(entry["text"])}
    return entry


def template_pages(
    root: Path,
    entries: list[dict[str, Any]],
    skip: tuple[str, ...],
    chinese: bool = False,
    memo: PageEntries | None = None,
) -> list[dict[str, Any]]:
    """Entries for the pages MkDocs did not index, because their templates, not their Markdown, write their words
    (the home page, key figures, why here, events, contact…); each page's whole article becomes its text."""
    indexed = {location_of_page(str(entry["location"])) for entry in entries}
    found = []
    for page in sorted(root.rglob("index.html")):
        location = page.parent.relative_to(root).as_posix() + "/"
        location = "" if location == "./" else location
        if location in indexed or location.startswith(skip):
            continue
        html = page.read_bytes()
        entry = memo.entry(html, location, chinese) if memo else _read_entry(html.decode("utf-8"), location, chinese)
        if entry is not None:
            found.append(entry)
    return found


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
