"""The MkDocs plugin: hooks of a few lines that hand the work to the site's modules.

``vitrine build`` hands the plugin the model it resolved (``use``); ``mkdocs build`` and ``mkdocs serve`` on their
own work too: the plugin then loads the content folder of its configuration itself. On the first ``on_config`` of
a build it writes the generated pages and assets into ``docs_dir`` and sets up mkdocs-static-i18n's languages;
mkdocs-static-i18n then runs one build per language, calling the other events once per language.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from vitrine.documents import Entry, Pack
from vitrine.fonts import FontNotFound
from vitrine.geo.atlas import ATLAS
from vitrine.model import Model
from vitrine.pipeline import prepare
from vitrine.problems import ContentErrors
from vitrine.progress import Count, Progress, quiet
from vitrine.safety import clean_html
from vitrine.site import context, i18n_files, postbuild, preview_shortcuts, search, theme_listing
from vitrine.site.cards import publish_card
from vitrine.site.config import VitrinePluginConfig
from vitrine.site.fragments import environment
from vitrine.site.generated import generate, write_if_changed
from vitrine.site.markup import repair_theme_markup
from vitrine.site.navigation import i18n_languages
from vitrine.site.page_cache import CACHED_TEMPLATE, NotedList, PageCache, PageReuse, code_fingerprint
from vitrine.site.social_cards import CardStyle, CardText
from vitrine.site.state import CompiledTemplates, SiteState
from vitrine.site.theme_languages import accept_every_language_code, theme_partials
from vitrine.urls import card_address, media_address

IMAGE_CACHE = Path(".vitrine") / "cache" / "images"
CARD_CACHE = Path(".vitrine") / "cache" / "cards"
SEARCH_CACHE = Path(".vitrine") / "cache" / "search" / "page-entries.json"
# Compiled templates; the name says how they were compiled (on_env), which Jinja's own check does not see.
TEMPLATE_CACHE = Path(".vitrine") / "cache" / "templates-autoescaped"

log = logging.getLogger("mkdocs.plugins.vitrine")
# Material's search segments Chinese with jieba, which announces every dictionary load on the console.
logging.getLogger("jieba").setLevel(logging.WARNING)


class VitrinePlugin(BasePlugin[VitrinePluginConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.state: SiteState | None = None
        self._handed: tuple[Model, list[Entry], list[Pack]] | None = None
        self._progress: Progress = quiet
        self._pages = Count("", 0, 0)  # the pages of the language being built
        self._reported: tuple[set[str], bool] = (set(), False)  # what the pages before this one reported

    def use(
        self, model: Model, kit: Sequence[Entry] = (), packs: Sequence[Pack] = (), progress: Progress = quiet
    ) -> None:
        """Build from this resolved model, and list these kit documents and packs, instead of loading the content;
        tell ``progress`` how many pages of each language are done."""
        self._handed = (model, list(kit), list(packs))
        self._progress = progress

    # --- MkDocs events --------------------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        theme_listing.install()
        i18n_files.install()
        if self.state is None:
            self.state = self._start(config)
        state = self.state
        self._configure_languages(config, state.model)
        if str(state.theme_folder) not in config.theme.dirs:
            config.theme.dirs.append(str(state.theme_folder))
        language = self._language(config)
        # The direction of the language being built, as the content declares it (Material reads theme.direction).
        config.theme["direction"] = state.model.language(language).direction.value
        if self.config.preview:
            preview_shortcuts.prepare(config, language, state.model.source_language)
        search.segment_chinese_only_for(language)
        if not config.site_url:
            config.site_url = str(state.model.territory.data.site_url)
        territory = state.model.territory.data
        if territory.logo:
            config.theme["logo"] = media_address(territory.logo)
        if territory.favicon:
            config.theme["favicon"] = media_address(territory.favicon)
        return config

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        preview_shortcuts.watch(server, config.docs_dir, self.state.content_dir if self.state else None)
        return server

    def on_env(self, env: Any, config: MkDocsConfig, files: Any) -> Any:
        env.globals.update(context.template_globals(self._state(), self._language(config)))
        env.bytecode_cache = self._state().compiled
        # Material's environment writes texts as they are; ours are content, so they are escaped (page.content,
        # our rendered and cleaned Markdown, is marked safe in on_page_context).
        env.autoescape = True
        # Structured data (tojson) in the page's own script, not as \u escapes: a third of the bytes in Japanese.
        env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
        return env

    @event_priority(-50)  # after mkdocs-static-i18n has set the language switcher for this page
    def on_page_context(
        self, context_: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        state = self._state()
        reuse = self._reuse()
        view = state.view(self._language(config))
        reused = reuse.reused_output(page.url)
        if reused is not None:
            context_["vitrine_cached_page"] = Markup(reused)  # type: ignore[typeddict-unknown-key]
        else:
            view.forget_items()  # item views made for another page would not read their texts again
            self._reported = (view.missing_strings, view.missing_map_data)
            view.missing_strings, view.missing_map_data = set(), False  # what this page alone reports
            reuse.start_rendering()
        # Templates escape every text (on_env); the page's own rendered and cleaned Markdown is the exception.
        page.content = Markup(page.content or "")
        meta = page.meta.get("vitrine") or {}
        context_["entry"] = context.entry_of(state, self._language(config), meta)  # type: ignore[typeddict-unknown-key]
        context_["vitrine_alternates"] = context.absolute_alternates(  # type: ignore[typeddict-unknown-key]
            # mkdocs-static-i18n sets the page's links as an attribute of config.extra, as templates read it.
            getattr(config.extra, "alternate", None) or [],
            str(config.site_url or ""),
            state.model.source_language,
        )
        context_["vitrine_card"] = self._card(page, config)  # type: ignore[typeddict-unknown-key]
        return context_

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # The content check refuses dangerous markup with its line; this drops whatever might have slipped by.
        cleaned = clean_html(html)
        title = str(page.title or "")
        if self._reuse().look_up(page.url, page.file.src_uri, title, dict(page.meta), cleaned, page.toc):
            page.meta["template"] = CACHED_TEMPLATE  # chosen before on_page_context: its HTML is given there
        return cleaned

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        language = self._language(config)
        docs = Path(config.docs_dir)
        pages = sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*.md"))
        self._reuse().start_language(language, self._render_settings(config, language), nav.items, pages)
        return nav

    @event_priority(-150)  # after mkdocs-static-i18n (-100) has kept the files of the language being built
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        language = self._language(config)
        preview = self.config.preview_language
        if preview and language != preview and language == self._state().model.source_language:
            # The preview of another language: MkDocs builds the source language first all the same; its home page
            # is enough (the language switch of the previewed pages leads there).
            for file in [file for file in files.documentation_pages() if file.dest_uri != "index.html"]:
                files.remove(file)
        task = f"Pages in “{language}”"
        self._pages = Count(task, 0, sum(1 for _ in files.documentation_pages()))
        return files

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        reuse = self._reuse()
        # The cache keeps pages repaired: a page taken from it is written as it is.
        finished = output if reuse.reused_output(page.url) is not None else repair_theme_markup(output)
        reuse.finish(page.url, finished, self._page_notes(page.url, self._language(config)))
        self._pages = Count(self._pages.task, self._pages.done + 1, max(self._pages.total, self._pages.done + 1))
        self._progress(self._pages)
        return finished

    def on_pre_template(self, template: Any, /, *, template_name: str, config: MkDocsConfig) -> Any:
        if template_name == "404.html":
            # A missing page has no versions: the language switch leads to each language's home page (otherwise
            # it would keep the links of whichever page was rendered last). mkdocs-static-i18n sets them as an
            # attribute, which templates read before the item.
            config.extra.alternate = context.home_alternates(  # type: ignore[attr-defined]
                getattr(config.extra, "alternate", None) or config.extra.get("alternate") or [],
                self._state().model.source_language,
                str(config.site_url or ""),
            )
        return template

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        if template_name == "404.html":
            output_content = repair_theme_markup(output_content)
            self._state().not_found[self._language(config)] = output_content
        return output_content

    @event_priority(-50)  # before mkdocs-static-i18n (-100) builds the other languages from the first one's build
    def _count_pages(self, config: MkDocsConfig) -> None:
        reuse = self._reuse()
        rendered, reused = reuse.counts["rendered"], reuse.counts["reused"]
        log.info(f"Vitrine: “{reuse.language}”: {rendered} page(s) rendered, {reused} unchanged")

    @event_priority(-200)  # after mkdocs-static-i18n has built the other languages and merged the search index
    def _finish_site(self, config: MkDocsConfig) -> None:
        if getattr(config.plugins.get("i18n"), "building", False):
            return  # a nested language build: the outer build finishes the work once every language is done
        self._reuse().cache.prune()
        postbuild.finish(self._state(), Path(config.site_dir), preview=self.config.preview)

    on_post_build = CombinedEvent(_count_pages, _finish_site)

    # --- for the processes that build languages side by side (parallel.py) -----------------------------

    def pages_done(self) -> int:
        return self._pages.done

    def quieten(self) -> None:
        self._progress = quiet

    def not_found_page(self, language: str) -> str | None:
        return self._state().not_found.get(language)

    def keep_not_found_page(self, language: str, html: str) -> None:
        self._state().not_found[language] = html

    # --- helpers --------------------------------------------------------------------------------------

    def _start(self, config: MkDocsConfig) -> SiteState:
        """Once per build command: the model (handed over, or loaded), then the generated pages and assets."""
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        content_dir = (base / self.config.content_dir).resolve()
        started = time.perf_counter()
        if self._handed is not None:
            model, kit, packs = self._handed
        else:
            try:
                model, kit, packs = prepare(content_dir), [], []
            except ContentErrors as errors:
                raise PluginError(errors.report()) from None
        theme_dir = Path(config.theme.custom_dir or base / "overrides")
        state = SiteState(model, model.root.resolve(), environment(theme_dir), base / ".vitrine" / "theme", kit, packs)
        state.compiled = CompiledTemplates(base / TEMPLATE_CACHE)
        for name, text in theme_partials(model).items():
            write_if_changed(state.theme_folder / name, text.encode())
        code = code_fingerprint([theme_dir, state.theme_folder], [base / "package-lock.json", ATLAS / "package.json"])
        pages = PageCache(base / self.config.page_cache if self.config.page_cache else None)
        state.kit, state.packs = NotedList("list/kit", kit), NotedList("list/packs", packs)
        state.reuse = PageReuse(pages, model, code, {"kit": state.kit, "packs": state.packs})
        try:
            # Font subsets are cached beside mkdocs.yml, so that builds into scratch folders (tests) reuse them.
            state.font_cache = (base / ".vitrine" / "cache" / "fonts").resolve()
            state.search_cache = (base / SEARCH_CACHE).resolve()
            written = generate(state, Path(config.docs_dir), state.font_cache, base / IMAGE_CACHE)
        except FontNotFound as error:
            raise PluginError(str(error)) from None
        log.info(f"Vitrine: {written} generated file(s) updated in {time.perf_counter() - started:.1f} s")
        return state

    def _configure_languages(self, config: MkDocsConfig, model: Model) -> None:
        i18n = config.plugins.get("i18n")
        if i18n is None:
            raise PluginError("mkdocs.yml must enable the i18n plugin (mkdocs-static-i18n) after vitrine.")
        if getattr(i18n, "current_language", None) is not None:
            return  # a later language build of the same command: already configured
        accept_every_language_code()
        options = {key: value for key, value in i18n.config.items() if key != "languages"}
        options["languages"] = i18n_languages(model, self.config.preview_language)
        errors, _warnings = i18n.load_config(options, config.config_file_path)
        if errors:
            raise PluginError(f"The languages of the content could not be set up: {errors}")

    def _card(self, page: Page, config: MkDocsConfig) -> dict[str, str]:
        """The page's social card, drawn (or taken from the cache) into the site: its absolute address and text."""
        state = self._state()
        language = self._language(config)
        view = state.view(language)
        title = Markup(str(page.meta.get("title") or page.title or view.territory.name)).striptags()
        if self.config.preview:
            # Nobody shares the preview on this computer: the page names its card, which is neither drawn nor
            # copied (253 copies cost 0.7 s a rebuild).
            address = card_address(page.url)
        else:
            text = CardText(
                title=title,
                territory=view.territory.name,
                language=language,
                right_to_left=state.model.language(language).direction.value == "rtl",
                font_family=state.model.language(language).font,
            )
            style = CardStyle(background=view.brand.primary, accent=view.brand.accent)
            cache = Path(config.config_file_path).parent / CARD_CACHE
            address = publish_card(text, style, cache, Path(config.site_dir), page.url)
        base = str(config.site_url or "")
        return {"url": urljoin(base if base.endswith("/") else f"{base}/", address), "alt": title}

    def _render_settings(self, config: MkDocsConfig, language: str) -> list[Any]:
        """What MkDocs and the plugins set that every page's HTML may show (page_cache.py: the shared key)."""
        state = self._state()
        extra = {key: value for key, value in dict(config.extra).items() if key != "alternate"}  # set page by page
        return [
            [config.site_name, config.site_url, config.site_description, config.copyright, config.use_directory_urls],
            {key: config.theme[key] for key in config.theme},
            [config.markdown_extensions, config.mdx_configs, config.extra_css, config.extra_javascript, extra],
            dict(self.config),
            state.font_css.get(language),
        ]

    def _page_notes(self, url: str, language: str) -> dict[str, Any]:
        """What rendering the page reported (interface texts no language has, a map left out), added to what the
        build reports; for a page taken from the cache, what its rendering reported when it was made."""
        view = self._state().view(language)
        reuse = self._reuse()
        if reuse.reused_output(url) is not None:
            notes = reuse.reused_notes(url)
            view.missing_strings.update(notes.get("missing_strings", []))
            view.missing_map_data = view.missing_map_data or bool(notes.get("missing_map_data"))
            return notes
        notes = {"missing_strings": sorted(view.missing_strings), "missing_map_data": view.missing_map_data}
        before_strings, before_map = self._reported
        view.missing_strings = before_strings | view.missing_strings
        view.missing_map_data = before_map or view.missing_map_data
        return notes

    def _reuse(self) -> PageReuse:
        reuse = self._state().reuse
        if reuse is None:
            raise PluginError("The vitrine plugin was used before MkDocs loaded its configuration.")
        return reuse

    def _state(self) -> SiteState:
        if self.state is None:
            raise PluginError("The vitrine plugin was used before MkDocs loaded its configuration.")
        return self.state

    def _language(self, config: MkDocsConfig) -> str:
        current = getattr(config.plugins.get("i18n"), "current_language", None)
        return str(current or self._state().model.source_language)
