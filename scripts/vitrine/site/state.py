"""What one build of the site keeps between MkDocs' events: mkdocs-static-i18n runs one build per language, and
calls every event once per language."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment

from vitrine.documents import Entry, Pack
from vitrine.model import Model
from vitrine.view import View


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
    views: dict[str, View] = field(default_factory=dict)
    not_found: dict[str, str] = field(default_factory=dict)  # language -> its rendered 404 page

    def view(self, language: str) -> View:
        if language not in self.views:
            self.views[language] = View(self.model, language, kit=self.kit, packs=self.packs)
        return self.views[language]
