"""Work the live preview leaves out, so that a saved change shows within two seconds.

``vitrine serve`` rebuilds every page of every language after each save, in one long-lived process. Most pages are
the same as the time before, and the page cache (page_cache.py) already gives their final HTML. Before it, MkDocs
and Material do this for every page all the same, and the preview keeps their results instead:

- MkDocs turns the page's Markdown into HTML (``Page.render``): 0.3-0.5 s a rebuild for 253 pages;
- Material's search reads that HTML into entries (``SearchIndex.add_entry_from_context``): 0.2-0.3 s.

Each result depends only on what is in its key, so the result of last time is given again, as a copy, when
nothing in the key changed. What MkDocs reported while rendering (a link to a missing page) is reported again
each time, as it would be.

Besides, each language build copies the theme's files into the same folder again; the preview copies each once a
rebuild. And it leaves out two pages no one sees on this computer: the site maps, and the 404 pages of languages
other than the source (the preview answers a missing address with the site's own 404.html).

Only the live preview installs this (``prepare``, for each language); a build for a host takes MkDocs' own path.
``watch`` says what the preview rebuilds after.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import signal
import threading
from pathlib import Path
from typing import Any

from material.plugins.search import plugin as material_search
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

KEPT_AT_MOST = 20_000  # pages; a key that no longer matches is never asked for again

_RENDER = Page.render
_COPY = File.copy_file
_ADD_ENTRIES = material_search.SearchIndex.add_entry_from_context
_rendered: dict[str, tuple[Any, ...]] = {}
_entries: dict[str, list[dict[str, Any]]] = {}
_files_digest: dict[int, tuple[Files, str]] = {}


def prepare(config: MkDocsConfig, language: str, source_language: str) -> None:
    """For the language being built (idempotent): the shortcuts installed in this process, the theme's pages the
    preview does not show left out, and the terminal kept to what staff act on."""
    Page.render = _render  # type: ignore[method-assign,assignment]
    material_search.SearchIndex.add_entry_from_context = _add_entries
    File.copy_file = _copy_once  # type: ignore[method-assign,assignment]
    config.theme.static_templates.discard("sitemap.xml")  # hosts read it (postbuild.py writes it); 0.1 s a rebuild
    if language != source_language:
        # Built after the source language: the preview answers a missing address with the source language's.
        config.theme.static_templates.discard("404.html")
    # MkDocs' steps and what to correct, not each language's settings (about 80 lines a rebuild).
    logging.getLogger("mkdocs.plugins.mkdocs_static_i18n").setLevel(logging.WARNING)


def watch(server: Any, docs_dir: str, content_dir: Path | None) -> None:
    """What the preview rebuilds after: the content, and the hand-written files of docs/assets/.

    docs/ also holds what the build writes from the content: watched whole, it made every edit rebuild the site
    twice (once more for the pages just written), and the browser reload twice."""
    if content_dir is not None:
        server.watch(str(content_dir))
    server.unwatch(docs_dir)
    assets = Path(docs_dir) / "assets"
    if assets.is_dir():
        server.watch(str(assets), recursive=False)
    if threading.current_thread() is threading.main_thread():
        # A stop request or a closed terminal ends the preview as Ctrl+C does, so that MkDocs deletes its
        # temporary copy of the site (in memory: cli.preview_environment) instead of leaving it behind.
        for stop in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(stop, signal.default_int_handler)


class _Reports(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _render(page: Page, config: MkDocsConfig, files: Files) -> None:
    key = _digest(
        page.markdown,
        page.file.src_uri,
        page.file.dest_uri,
        page.file.url,
        _digest_of_files(files),
        str(getattr(getattr(files, "plugin", None), "current_language", "")),
        repr(config["markdown_extensions"]),
        repr(sorted((config["mdx_configs"] or {}).items())),
        repr(config.validation.links),  # how loudly MkDocs reports each kind of link
        logging.getLogger("mkdocs.structure.pages").getEffectiveLevel(),
    )
    kept = _rendered.get(key)
    if kept is None:
        reports = _Reports()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(reports)
        try:
            _RENDER(page, config, files)
        finally:
            logger.removeHandler(reports)
        if len(_rendered) >= KEPT_AT_MOST:
            _rendered.clear()
        links = {target.src_uri: anchors for target, anchors in (page.links_to_anchors or {}).items()}
        kept = (
            page.content,
            copy.deepcopy(page.toc),
            page._title_from_render,
            set(page.present_anchor_ids or ()),
            links if page.links_to_anchors is not None else None,
            reports.records,
        )
        _rendered[key] = kept
        return
    content, toc, title, anchors, links, records = kept
    for record in records:  # what MkDocs said while rendering the page, said again
        logging.getLogger(record.name).handle(record)
    page.content = content
    page.toc = copy.deepcopy(toc)
    page._title_from_render = title
    page.present_anchor_ids = set(anchors)
    if links is not None:
        targets = {file.src_uri: file for file in files}
        page.links_to_anchors = {targets[uri]: dict(found) for uri, found in links.items() if uri in targets}


def _copy_once(file: File, dirty: bool = False) -> None:
    # MkDocs' "dirty" copy: only when the copy is missing or older than its source. A rebuild starts from an empty
    # folder, so the first language copies every file and the others find them there.
    _COPY(file, dirty=True)


def _add_entries(index: Any, page: Page) -> None:
    meta = page.meta
    toc = [(item.id, item.url) for item in _flattened(page.toc)]
    key = _digest(
        page.url,
        page.content,
        page.title,
        repr(toc),
        repr([meta.get("title"), meta.get("tags"), meta.get("search")]),
        material_search.jieba is not None,
    )
    kept = _entries.get(key)
    if kept is None:
        before = len(index.entries)
        _ADD_ENTRIES(index, page)
        if len(_entries) >= KEPT_AT_MOST:
            _entries.clear()
        _entries[key] = copy.deepcopy(index.entries[before:])
        return
    index.entries.extend(copy.deepcopy(kept))


def _flattened(items: Any) -> list[Any]:
    found = []
    for item in items or ():
        found.append(item)
        found.extend(_flattened(item.children))
    return found


def _digest_of_files(files: Files) -> str:
    """Every file a page may link to, with its address: once per language build (the same ``Files``)."""
    known = _files_digest.get(id(files))
    if known is not None and known[0] is files:
        return known[1]
    digest = _digest(*sorted((file.src_uri, file.dest_uri, file.url) for file in files if isinstance(file, File)))
    _files_digest.clear()  # one language at a time
    _files_digest[id(files)] = (files, digest)
    return digest


def _digest(*parts: Any) -> str:
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(repr(part).encode("utf-8", "surrogatepass"))
        hashed.update(b"\0")
    return hashed.hexdigest()
