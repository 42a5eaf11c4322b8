"""What one build of the site keeps between MkDocs' events: mkdocs-static-i18n runs one build per language, and
calls every event once per language."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache

from vitrine.documents import Entry, Pack
from vitrine.model import Model
from vitrine.site.page_cache import PageReuse
from vitrine.view import View
from vitrine.whole_files import write_whole


class CompiledTemplates(BytecodeCache):
    """The theme's templates compiled once: each language build makes its own Jinja environment, which would
    compile every template again, and so would every rebuild of the live preview (a new plugin each time). Kept in
    memory for the build, and in ``folder`` between builds (Jinja checks each template's source and its own
    version before it takes compiled code)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.kept: dict[str, bytes] = {}
        self.folder = folder

    def _file(self, key: str) -> Path | None:
        return None if self.folder is None else self.folder / f"{key}.bytecode"

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key not in self.kept and (file := self._file(bucket.key)) is not None and file.is_file():
            self.kept[bucket.key] = file.read_bytes()
        if bucket.key in self.kept:
            bucket.bytecode_from_string(self.kept[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()
        if (file := self._file(bucket.key)) is not None:
            write_whole(file, self.kept[bucket.key])


@dataclass
class SiteState:
    model: Model
    content_dir: Path
    fragments: Environment  # our own templates outside MkDocs (citations, forwarding pages)
    theme_folder: Path  # the theme's words for languages it does not ship (see theme_languages.py)
    kit: list[Entry] = field(default_factory=list)  # the documents the kit published, for the downloads pages
    packs: list[Pack] = field(default_factory=list)  # the packs of the fairs
    font_css: dict[str, str] = field(default_factory=dict)  # language -> address of its fonts' stylesheet
    font_cache: Path | None = None  # where font subsets are kept between builds
    search_cache: Path | None = None  # the search entries read from pages, kept between builds (search.py)
    views: dict[str, View] = field(default_factory=dict)
    not_found: dict[str, str] = field(default_factory=dict)  # language -> its rendered 404 page
    compiled: CompiledTemplates = field(default_factory=CompiledTemplates)
    reuse: PageReuse | None = None  # the pages taken from the cache of rendered pages (page_cache.py)

    def view(self, language: str) -> View:
        if language not in self.views:
            self.views[language] = View(self.model, language, kit=self.kit, packs=self.packs)
        return self.views[language]
