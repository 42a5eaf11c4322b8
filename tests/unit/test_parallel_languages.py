"""The languages built side by side (site/parallel.py), with a stand-in for MkDocs' build: each language runs in its
own process, what it brings back is merged in the languages' order whatever the order they finish in, and a
language that fails is named."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from vitrine.progress import Count, Progress
from vitrine.site.parallel import LanguageBuildError, LanguageWorkers


@dataclass
class FakeI18n:
    current_language: str = "fr"
    search_entries: list[Any] = field(default_factory=list)


@dataclass
class FakePlugin:
    pages: int = 0
    not_found: dict[str, str] = field(default_factory=dict)

    def pages_done(self) -> int:
        return self.pages

    def quieten(self) -> None:
        pass

    def not_found_page(self, language: str) -> str | None:
        return self.not_found.get(language)

    def keep_not_found_page(self, language: str, html: str) -> None:
        self.not_found[language] = html


class FakeReporting:
    def __init__(self, progress: Progress) -> None:
        self.warnings: list[str] = []
        self.progress = progress


def workers(tmp_path: Path, build: Any, count: int = 2) -> tuple[LanguageWorkers, FakeI18n, FakePlugin, list[Any]]:
    i18n, plugin, seen = FakeI18n(search_entries=[{"location": "fr"}]), FakePlugin(), list[Any]()
    reporting = FakeReporting(progress=seen.append)
    return LanguageWorkers(i18n, plugin, reporting, count, build, tmp_path), i18n, plugin, seen


def build_one(i18n: FakeI18n, plugin: FakePlugin, out: Path, delays: dict[str, float]) -> Any:
    def build(_config: Any, dirty: bool = False) -> None:
        language = i18n.current_language
        time.sleep(delays.get(language, 0))
        (out / f"{language}.html").write_text(f"{language} {os.getpid()}")
        i18n.search_entries.append({"location": f"{language}/"})
        plugin.not_found[language] = f"404 {language}"
        plugin.pages = len(language)

    return build


def test_each_language_in_its_own_process_merged_in_order(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    pool, i18n, plugin, seen = workers(tmp_path, None)
    pool.build = build_one(i18n, plugin, out, {"en": 0.4})  # the first to start finishes last
    for language in ("en", "de", "ja"):
        i18n.current_language = language
        pool.start(None)  # type: ignore[arg-type]
    pool.finish()
    assert i18n.search_entries == [{"location": "fr"}, {"location": "en/"}, {"location": "de/"}, {"location": "ja/"}]
    assert plugin.not_found == {"en": "404 en", "de": "404 de", "ja": "404 ja"}
    writers = {(out / f"{code}.html").read_text().split()[1] for code in ("en", "de", "ja")}
    assert str(os.getpid()) not in writers and len(writers) == 3
    assert sorted(str(count) for count in seen) == sorted(
        str(Count(f"Pages in “{code}”", len(code), len(code))) for code in ("en", "de", "ja")
    )


def test_no_more_processes_than_asked(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    pool, i18n, plugin, _seen = workers(tmp_path, None, count=2)
    pool.build = build_one(i18n, plugin, out, {"en": 0.2, "de": 0.2})
    started = time.perf_counter()
    for language in ("en", "de", "it"):
        i18n.current_language = language
        pool.start(None)  # type: ignore[arg-type]
        assert len(pool.running) <= 2
    pool.finish()
    assert time.perf_counter() - started >= 0.2


def test_a_language_that_fails_is_named(tmp_path: Path) -> None:
    pool, i18n, _plugin, _seen = workers(tmp_path, None)

    def build(_config: Any, dirty: bool = False) -> None:
        if i18n.current_language == "ar":
            raise RuntimeError("the template “sector.html” has an error on line 3")

    pool.build = build
    for language in ("en", "ar"):
        i18n.current_language = language
        pool.start(None)  # type: ignore[arg-type]
    with pytest.raises(LanguageBuildError, match=r"the pages in “ar” could not be built: the template"):
        pool.finish()


def test_a_process_that_dies_is_reported(tmp_path: Path) -> None:
    pool, _i18n, _plugin, _seen = workers(tmp_path, None)

    def build(_config: Any, dirty: bool = False) -> None:
        os._exit(3)

    pool.build = build
    pool.start(None)  # type: ignore[arg-type]
    with pytest.raises(LanguageBuildError, match="its process stopped"):
        pool.finish()
