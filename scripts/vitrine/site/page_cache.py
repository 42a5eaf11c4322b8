"""Pages are rendered again only when what they show has changed.

A page's HTML from the theme depends on two things: what every page of its language shares (the code and
templates, the MkDocs configuration, the navigation, the content's data and interface strings: ``shared_key``),
and what is its own (its rendered Markdown, its title and front matter: ``page_key``). Besides, its template reads
the texts of some items: a sector page its sector's, the home page those of every sector it lists. Which ones is
learnt while the page renders: every item's ``texts`` and ``bodies`` note who reads them (``track_text_reads``), each
on its own (a page listing sectors shows their summaries, not their long texts).

The cache keeps, for each page, its two keys, a fingerprint of each item text it read, and the HTML. When a text
is edited, only the pages that read it are rendered again; a change to anything shared renders every page. A
build from the cache writes the same bytes as a build without it (tests/integration/test_page_cache.py).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field, fields, is_dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from vitrine.model import Item, Model
from vitrine.whole_files import write_whole

CACHE_FORMAT = "2"  # 2: pages are kept repaired (markup.py)
# Packages whose code shapes a page's HTML; a new version of one renders every page again.
RENDERING_PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "markdown", "pymdown-extensions", "jinja2")
# The template a page is given when its HTML comes from the cache: it writes that HTML as it is.
CACHED_TEMPLATE = "vitrine/cached-page.html"

_reads: ContextVar[set[str] | None] = ContextVar("vitrine_text_reads", default=None)


def _note(key: str) -> None:
    reads = _reads.get()
    if reads is not None:
        reads.add(key)


class _NotedTexts(dict[str, Any]):
    """An item's texts (or bodies) per language, noting every read in the page being rendered."""

    __slots__ = ("_key",)

    def __init__(self, key: str, values: dict[str, Any]) -> None:
        super().__init__(values)
        self._key = key

    def __getitem__(self, language: str) -> Any:
        _note(self._key)
        return super().__getitem__(language)

    def get(self, language: str, default: Any = None) -> Any:
        _note(self._key)
        return super().get(language, default)

    def __contains__(self, language: object) -> bool:
        _note(self._key)
        return super().__contains__(language)

    def __iter__(self) -> Iterator[str]:
        _note(self._key)
        return super().__iter__()

    def keys(self) -> Any:
        _note(self._key)
        return super().keys()

    def values(self) -> Any:
        _note(self._key)
        return super().values()

    def items(self) -> Any:
        _note(self._key)
        return super().items()

    def __len__(self) -> int:
        _note(self._key)
        return super().__len__()


class NotedList(list[Any]):
    """A list that notes every read in the page being rendered (the kit's documents: the downloads pages)."""

    __slots__ = ("_key",)

    def __init__(self, key: str, values: Iterable[Any]) -> None:
        super().__init__(values)
        self._key = key

    def __iter__(self) -> Iterator[Any]:
        _note(self._key)
        return super().__iter__()

    def __getitem__(self, index: Any) -> Any:
        _note(self._key)
        return super().__getitem__(index)

    def __len__(self) -> int:
        _note(self._key)
        return super().__len__()

    def __contains__(self, value: object) -> bool:
        _note(self._key)
        return super().__contains__(value)


def item_key(item: Item[Any]) -> str:
    return f"{item.kind}/{item.id}"


def body_key(item: Item[Any]) -> str:
    return f"{item.kind}/{item.id}#body"


def track_text_reads(model: Model) -> None:
    """Make every item's texts and bodies note their readers (they behave as the dictionaries they were)."""
    for item in model.all_items():
        key = item_key(item)
        if not isinstance(item.texts, _NotedTexts):
            item.texts = _NotedTexts(key, item.texts)
        if not isinstance(item.bodies, _NotedTexts):
            item.bodies = _NotedTexts(body_key(item), item.bodies)


class Reading:
    """The item texts read between ``start`` and ``stop`` (one page's rendering)."""

    def __init__(self) -> None:
        self.found: set[str] = set()
        self._token: Any = None

    def start(self) -> None:
        self.found = set()
        self._token = _reads.set(self.found)

    def stop(self) -> set[str]:
        if self._token is not None:
            _reads.reset(self._token)
            self._token = None
        return self.found


def _stable(value: Any) -> Any:
    """A value JSON cannot write, as text that is the same in the next build (no memory address)."""
    if isinstance(value, (set, frozenset)):
        return sorted(map(str, value))
    if is_dataclass(value) and not isinstance(value, type):
        return {member.name: getattr(value, member.name) for member in fields(value)}
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}"
    return re.sub(r" at 0x[0-9a-f]+", "", str(value))


def _digest(*parts: Any) -> str:
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=_stable)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    dump = getattr(value, "model_dump", None)
    return dump(mode="json") if callable(dump) else value


def text_fingerprints(item: Item[Any]) -> dict[str, str]:
    """What an item's short texts (title, summary…) and its long text say, in every language, each on its own: a
    page that lists a sector shows its summary, not its long text. (A translation's page also shows whether it is
    out of date: it reads the source language's texts too.)"""
    texts = {language: _plain(text) for language, text in dict.items(item.texts)}
    return {item_key(item): _digest(texts), body_key(item): _digest(dict(dict.items(item.bodies)))}


def _files_digest(folder: Path, pattern: str, skipped: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    if not folder.is_dir():
        return []
    return [
        (path.relative_to(folder).as_posix(), hashlib.sha256(path.read_bytes()).hexdigest())
        for path in sorted(folder.rglob(pattern))
        if path.is_file() and not path.name.endswith(skipped)
    ]


def code_fingerprint(template_folders: Iterable[Path], lock_files: Iterable[Path]) -> str:
    """The code and templates that render pages: ours (the package and the theme overrides) and the packages'
    (their versions; npm's lock and the geodata's package, whose absence leaves the maps out)."""
    package = Path(__file__).resolve().parents[1]
    return _digest(
        CACHE_FORMAT,
        _files_digest(package, "*.py"),
        [_files_digest(folder, "*") for folder in template_folders],
        [version(name) for name in RENDERING_PACKAGES],
        [hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "absent" for path in lock_files],
    )


def model_fingerprint(model: Model) -> str:
    """Everything in the content but the items' texts: their data, links and order, the interface strings, and
    the bytes of its images (a picture's files and size come from them)."""
    items = [(item.kind, item.id, _plain(item.data)) for item in model.all_items()]
    return _digest(items, model.strings, _files_digest(model.root, "*", skipped=(".yml", ".yaml", ".md")))


def _nav_outline(items: Iterable[Any]) -> list[Any]:
    return [
        (
            type(entry).__name__,
            str(getattr(entry, "title", "") or ""),
            str(getattr(entry, "url", "") or ""),
            _nav_outline(getattr(entry, "children", None) or []),
        )
        for entry in items
    ]


def _toc_outline(items: Iterable[Any]) -> list[Any]:
    return [(entry.title, entry.url, entry.level, _toc_outline(entry.children)) for entry in items]


def shared_key(code: str, model: str, language: str, settings: Any, nav_items: Iterable[Any], pages: list[str]) -> str:
    """What every page of a language build shares: code, content data, MkDocs settings, navigation, page list."""
    return _digest(code, model, language, settings, _nav_outline(nav_items), pages)


def page_key(shared: str, url: str, source: str, title: str, meta: dict[str, Any], html: str, toc: Any) -> str:
    return _digest(shared, url, source, title, meta, html, _toc_outline(toc))


@dataclass(frozen=True)
class Record:
    url: str
    key: str
    reads: dict[str, str]
    output: str
    notes: dict[str, Any] = field(default_factory=dict)  # what the page's rendering reported (missing texts…)


class PageCache:
    """Rendered pages on disk: ``<folder>/<language>/<address hash>.json`` and the HTML they name (in
    ``<folder>/html``, named by their own hash). Without a folder, nothing is kept and every page is rendered."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _record_path(self, language: str, url: str) -> Path:
        assert self.folder is not None
        return self.folder / language / f"{hashlib.sha256(url.encode()).hexdigest()[:24]}.json"

    def find(
        self, language: str, url: str, key: str, fingerprints: dict[str, str]
    ) -> tuple[str, dict[str, Any]] | None:
        """The page's HTML, and what its rendering reported, when its key and every text it read are unchanged;
        None otherwise."""
        if self.folder is None:
            return None
        try:
            record = Record(**json.loads(self._record_path(language, url).read_text(encoding="utf-8")))
            if record.key != key or any(fingerprints.get(name) != value for name, value in record.reads.items()):
                return None
            return (self.folder / "html" / record.output).read_text(encoding="utf-8"), record.notes
        except (OSError, ValueError, TypeError):
            return None

    def keep(self, language: str, url: str, key: str, reads: dict[str, str], html: str, notes: dict[str, Any]) -> None:
        if self.folder is None:
            return
        name = f"{hashlib.sha256(html.encode('utf-8')).hexdigest()[:32]}.html"
        output = self.folder / "html" / name
        if not output.exists():
            write_whole(output, html)
        record = {"url": url, "key": key, "reads": reads, "output": name, "notes": notes}
        write_whole(self._record_path(language, url), json.dumps(record))

    def prune(self) -> int:
        """Delete the HTML no record names any more (pages since rendered again); how many files went."""
        if self.folder is None or not (self.folder / "html").is_dir():
            return 0
        named = set()
        for record in self.folder.glob("*/*.json"):
            try:
                named.add(json.loads(record.read_text(encoding="utf-8"))["output"])
            except (OSError, ValueError, KeyError, TypeError):
                continue
        gone = 0
        for html in (self.folder / "html").glob("*.html"):
            if html.name not in named:
                html.unlink(missing_ok=True)
                gone += 1
        return gone


class PageReuse:
    """One build's use of the cache: which pages of the language being built are taken from it, and what the
    others read while they render. The plugin calls it at each event of a page (site/plugin.py)."""

    def __init__(self, cache: PageCache, model: Model, code: str, lists: dict[str, NotedList] | None = None) -> None:
        """``lists``: data besides the content that some pages show (the kit's documents), by name."""
        track_text_reads(model)
        self.cache = cache
        self.fingerprints = {key: value for item in model.all_items() for key, value in text_fingerprints(item).items()}
        for name, values in (lists or {}).items():
            self.fingerprints[f"list/{name}"] = _digest(list(values))
        self.model = model_fingerprint(model)
        self.code = code
        self.language = ""
        self.shared = ""
        self.keys: dict[str, str] = {}
        self.reused: dict[str, tuple[str, dict[str, Any]]] = {}
        self.reading = Reading()
        self.counts = {"reused": 0, "rendered": 0}

    def start_language(self, language: str, settings: Any, nav_items: Iterable[Any], pages: list[str]) -> None:
        self.language = language
        self.shared = shared_key(self.code, self.model, language, settings, nav_items, pages)
        self.keys.clear()
        self.reused.clear()
        self.counts = {"reused": 0, "rendered": 0}

    def look_up(self, url: str, source: str, title: str, meta: dict[str, Any], html: str, toc: Any) -> bool:
        """Whether the page's HTML can be taken from the cache (its Markdown is rendered already)."""
        key = page_key(self.shared, url, source, title, meta, html, toc)
        self.keys[url] = key
        found = self.cache.find(self.language, url, key, self.fingerprints)
        if found is not None:
            self.reused[url] = found
        return found is not None

    def reused_output(self, url: str) -> str | None:
        return self.reused[url][0] if url in self.reused else None

    def reused_notes(self, url: str) -> dict[str, Any]:
        """What the page's rendering reported when it was made (the build reports it again)."""
        return self.reused[url][1] if url in self.reused else {}

    def start_rendering(self) -> None:
        self.reading.start()

    def finish(self, url: str, output: str, notes: dict[str, Any]) -> None:
        """After the page's template: keep what it made, and the texts it read, unless it came from the cache."""
        if url in self.reused:
            self.counts["reused"] += 1
            return
        reads = self.reading.stop()
        self.counts["rendered"] += 1
        if url in self.keys:
            fingerprints = {name: self.fingerprints[name] for name in sorted(reads) if name in self.fingerprints}
            self.cache.keep(self.language, url, self.keys[url], fingerprints, output, notes)
