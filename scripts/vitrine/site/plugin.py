"""The MkDocs plugin: turns the content folder into pages, and gives templates the model.

``mkdocs build`` and ``mkdocs serve`` work on their own with it: on the first ``on_config`` of a build it runs
load -> validate -> resolve, writes the generated pages and fonts into ``docs_dir`` (only files whose bytes
changed), and sets up mkdocs-static-i18n's languages and per-language navigation from the content.
mkdocs-static-i18n then runs one build per language, calling the other events once per language.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from vitrine.kit import manifest
from vitrine.pipeline import prepare
from vitrine.problems import ContentErrors
from vitrine.resolve import Model, View
from vitrine.site import fonts, search
from vitrine.site.forwarding import write_forwarding
from vitrine.site.headers import write_headers
from vitrine.site.markup import repair_theme_markup
from vitrine.site.pages import Links, PlannedPage, plan, site_files, write_generated

log = logging.getLogger("mkdocs.plugins.vitrine")
# Material's search segments Chinese with jieba, which announces every dictionary load on the console.
logging.getLogger("jieba").setLevel(logging.WARNING)

GENERATED_ASSETS = "assets/generated"
# The manifest of the pitch kit built for this site (set by ``vitrine build``): the downloads pages list it.
KIT_MANIFEST_ENV = "VITRINE_KIT_MANIFEST"
KIND_ORDER = {"deck": 0, "figures": 1, "sheet": 2}


class VitrinePluginConfig(Config):
    content_dir = config_options.Type(str, default="content")


def characters_of(model: Model, language: str) -> set[str]:
    """Every character the pages of ``language`` may show (its texts, and those it falls back to)."""
    chars: set[str] = set()
    chain = model.fallback_chain(language)

    def collect(value: Any) -> None:
        if isinstance(value, str):
            chars.update(value)
        elif isinstance(value, dict):
            for entry in value.values():
                collect(entry)
        elif isinstance(value, list):
            for entry in value:
                collect(entry)
        elif hasattr(value, "model_dump"):
            collect(value.model_dump(mode="json"))

    for code in chain:
        collect(model.strings.get(code, {}))
    for item in [model.territory, *(i for kind in model.items.values() for i in kind.values())]:
        collect(item.data)
        for code in chain:
            collect(item.texts.get(code))
            collect(item.bodies.get(code))
    for lang in model.languages:
        chars.update(lang.name)
    return chars


def absolute_alternates(alternates: list[dict[str, str]], site_url: str, default: str) -> list[dict[str, str]]:
    """The page's versions as absolute addresses, plus x-default (the source language's version)."""
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    found = [{"lang": alt["lang"], "href": urljoin(base, alt["link"].lstrip("/"))} for alt in alternates]
    found += [{"lang": "x-default", "href": alt["href"]} for alt in found if alt["lang"] == default]
    return found


class VitrinePlugin(BasePlugin[VitrinePluginConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.model: Model | None = None
        self.pages: list[PlannedPage] = []
        self.font_css: dict[str, str] = {}
        self.content_dir: Path = Path("content")
        self.views: dict[str, View] = {}
        self.not_found: dict[str, str] = {}
        self.kit: list[manifest.Entry] = []

    # --- once per build command ------------------------------------------------------------------

    def _prepare(self, config: MkDocsConfig) -> Model:
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self.content_dir = (base / self.config.content_dir).resolve()
        started = time.perf_counter()
        try:
            model = prepare(self.content_dir)
        except ContentErrors as errors:
            raise PluginError(errors.report()) from None
        self.pages = plan(model)
        kit_manifest = os.environ.get(KIT_MANIFEST_ENV)
        self.kit = manifest.read(Path(kit_manifest)) if kit_manifest else []
        docs_dir = Path(config.docs_dir)
        files = {name: text.encode() for name, text in site_files(model)}
        # Subsets are cached beside mkdocs.yml, so that builds into scratch folders (tests) reuse them.
        folder = (base / ".vitrine" / "cache" / "fonts").resolve()
        for language in model.languages:
            characters = characters_of(model, language.code)
            try:
                made = [
                    font
                    for family in fonts.families_for(language.font)
                    for font in fonts.build_fonts(family, characters, folder)
                ]
            except fonts.FontNotFound as error:
                raise PluginError(str(error)) from None
            css = fonts.font_face_css(made, "fonts/")
            files[f"{GENERATED_ASSETS}/fonts-{language.code}.css"] = css.encode()
            self.font_css[language.code] = f"{GENERATED_ASSETS}/fonts-{language.code}.css"
            files.update({f"{GENERATED_ASSETS}/fonts/{font.name}": (folder / font.name).read_bytes() for font in made})
        for media in model.media.values():
            files[f"{GENERATED_ASSETS}/media/{Path(media.data.file).name}"] = (
                self.content_dir / media.data.file
            ).read_bytes()
        written = write_generated(docs_dir, files)
        log.info(
            f"Vitrine: content checked and {written} generated file(s) updated in {time.perf_counter() - started:.1f} s"
        )
        return model

    def _configure_i18n(self, config: MkDocsConfig, model: Model) -> None:
        i18n = config.plugins.get("i18n")
        if i18n is None:
            raise PluginError("mkdocs.yml must enable the i18n plugin (mkdocs-static-i18n) after vitrine.")
        if getattr(i18n, "current_language", None) is not None:
            return  # a later language build of the same command: already configured
        options = {key: value for key, value in i18n.config.items() if key not in ("languages",)}
        options["languages"] = [
            {
                "locale": language.code,
                "name": language.name,
                "default": language.code == model.source_language,
                "build": True,
                "site_name": model.view(language.code).territory.name,
                "site_description": " ".join(model.view(language.code).territory.description.split()),
                "nav": self._navigation(model, language.code),
            }
            for language in model.languages
        ]
        errors, _warnings = i18n.load_config(options, config.config_file_path)
        if errors:
            raise PluginError(f"The languages of the content could not be set up: {errors}")

    def _navigation(self, model: Model, language: str) -> list[Any]:
        view = model.view(language)
        sectors = ["sectors/index.md", *(f"sectors/{s.id}.md" for s in model.sectors)]
        projects = ["projects/index.md", *(f"projects/{p.id}.md" for p in model.promoted_projects())]
        invest = [
            "why-here.md",
            "figures.md",
            "international.md",
            *(f"partnerships/{p.id}.md" for p in model.partnerships),
        ]
        return [
            {view.t("nav.home"): "index.md"},
            {view.t("nav.invest"): invest},
            {view.t("nav.sectors"): sectors},
            {view.t("nav.projects"): projects},
            {view.t("nav.events"): "events.md"},
            {view.t("pages.downloads.title"): "downloads.md"},
            {view.t("nav.contact"): "contact.md"},
        ]

    # --- MkDocs events --------------------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.model is None:
            self.model = self._prepare(config)
        self._configure_i18n(config, self.model)
        language = self._language(config)
        # The direction of the language being built, as the content declares it (Material reads theme.direction).
        config.theme["direction"] = self.model.language(language).direction.value
        search.segment_chinese_only_for(language)
        if not config.site_url:
            config.site_url = str(self.model.territory.data.site_url)
        return config

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.content_dir))
        return server

    def _language(self, config: MkDocsConfig) -> str:
        i18n = config.plugins.get("i18n")
        current = getattr(i18n, "current_language", None)
        assert self.model is not None
        return str(current or self.model.source_language)

    def on_env(self, env: Any, config: MkDocsConfig, files: Any) -> Any:
        assert self.model is not None
        language = self._language(config)
        view = self.views.setdefault(language, self.model.view(language))
        env.globals["v"] = view
        env.globals["links"] = Links(self.model, self.pages, language)
        env.globals["vitrine_font_css"] = self.font_css.get(language)
        env.globals["vitrine_font_stack"] = fonts.css_stack(self.model.language(language).font)
        env.globals["vitrine_search_worker"] = search.material_search_worker()
        env.globals["vitrine_translation_status"] = self._translation_status
        env.globals["vitrine_kit_documents"] = self._kit_documents
        env.globals["kit_size"] = lambda size: self._size(view, size)
        return env

    @event_priority(-50)  # after mkdocs-static-i18n has set the language switcher for this page
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        assert self.model is not None
        meta = page.meta.get("vitrine") or {}
        kind, item_id = meta.get("kind"), meta.get("id")
        context["entry"] = self.model.items[kind][item_id] if item_id and kind in self.model.items else None  # type: ignore[typeddict-unknown-key]
        context["vitrine_alternates"] = absolute_alternates(  # type: ignore[typeddict-unknown-key]
            # mkdocs-static-i18n sets the page's links as an attribute of config.extra, as templates read it.
            getattr(config.extra, "alternate", None) or [],
            str(config.site_url or ""),
            self.model.source_language,
        )
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return repair_theme_markup(output)

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        if template_name == "404.html":
            output_content = repair_theme_markup(output_content)
            self.not_found[self._language(config)] = output_content
        return output_content

    @event_priority(-200)  # after mkdocs-static-i18n has built the other languages and merged the search index
    def on_post_build(self, config: MkDocsConfig) -> None:
        """Give each language its own 404 page and its own search index.

        Each language build writes site/404.html (the last would win), and mkdocs-static-i18n merges every
        language into one search index: both are split here, once the last language is built.
        """
        assert self.model is not None
        i18n = config.plugins.get("i18n")
        if getattr(i18n, "building", False):
            return  # a nested language build: the outer build finishes the work once every language is done
        site = Path(config.site_dir)
        source = self.model.source_language
        for language, page in self.not_found.items():
            target = site / "404.html" if language == source else site / language / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page, encoding="utf-8")
        search.split_index(site, source, [lang.code for lang in self.model.languages if lang.code != source])
        write_forwarding(site, self.model)
        write_headers(site)  # last: it lists the inline scripts and styles of every page written above
        self._report_missing_strings()

    def _kit_documents(self, language: str) -> list[manifest.Entry]:
        """The kit's documents in ``language``: decks first, then key figures, then sector sheets in the
        sectors' order, each screen variant before its print variant; event decks last."""
        assert self.model is not None
        sectors = {sector.id: index for index, sector in enumerate(self.model.sectors)}
        return sorted(
            (entry for entry in self.kit if entry.language == language),
            key=lambda e: (
                e.event is not None,
                e.event or "",
                KIND_ORDER.get(e.kind, 9),
                sectors.get(e.sector or "", -1),
                e.variant != "screen",
            ),
        )

    @staticmethod
    def _size(view: View, size: int) -> str:
        if size >= 1024 * 1024:
            return view.t("kit.megabytes").replace("{size}", view.number(round(size / 1024 / 1024, 1)))
        return view.t("kit.kilobytes").replace("{size}", view.number(max(1, round(size / 1024))))

    def _translation_status(self) -> dict[str, Any]:
        """For the staff's status page: counts per language and the texts that need work."""
        from vitrine.translation.freshness import State, status, summary

        assert self.model is not None
        entries = status(self.model)
        return {
            "table": summary(entries),
            "todo": [entry for entry in entries if entry.state is not State.UP_TO_DATE],
            "names": {lang.code: lang.name for lang in self.model.languages},
        }

    def _report_missing_strings(self) -> None:
        for view in self.views.values():
            for key in sorted(view.missing_strings):
                log.warning(
                    f"Vitrine: the interface text “{key}” is missing from strings/{view.code}.yml "
                    f"and from its fallback languages."
                )
