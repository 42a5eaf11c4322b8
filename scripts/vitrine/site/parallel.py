"""The languages of the site built side by side, one process per core.

mkdocs-static-i18n builds the source language, then, from inside that build, every other language one after the
other (its ``on_post_build`` calls MkDocs' ``build`` once per language). ``languages_in_parallel`` hands each of
those calls to a forked process instead, up to one per core, and waits for them all just before the plugin merges
the search indexes. Each process writes its pages into the same output folder and brings back what the rest of the
build needs: its search entries, its 404 page, its warnings and its page count. Results are merged in the
languages' order, so that the output does not depend on which process finished first.

This is the only module that knows how mkdocs-static-i18n loops over languages: moving to another generator
changes this file alone.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import mkdocs_static_i18n.plugin as i18n_module
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from vitrine.progress import Count, Progress, quiet

PR_SET_PDEATHSIG = 1  # prctl(2): the child gets a signal when its parent dies


class LanguageBuildError(PluginError):
    """A language could not be built; the message says which, and why."""


class Reporting(Protocol):
    """What the processes share with the build's log collector (site/build.py)."""

    warnings: list[str]
    progress: Progress


class PageCounting(Protocol):
    """The MkDocs plugin, as this module uses it: its state and its page counter."""

    def pages_done(self) -> int: ...

    def quieten(self) -> None: ...

    def not_found_page(self, language: str) -> str | None: ...

    def keep_not_found_page(self, language: str, html: str) -> None: ...


@dataclass
class LanguageResult:
    language: str
    search_entries: list[Any] = field(default_factory=list)
    not_found: str | None = None
    warnings: list[str] = field(default_factory=list)
    pages: int = 0
    error: str | None = None


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class LanguageWorkers:
    """Runs each language build MkDocs is asked for in a forked process, at most ``workers`` at a time."""

    def __init__(
        self,
        i18n: Any,
        plugin: PageCounting,
        reporting: Reporting,
        workers: int,
        build: Callable[..., None],
        scratch: Path,
    ) -> None:
        self.i18n = i18n
        self.plugin = plugin
        self.reporting = reporting
        self.workers = workers
        self.build = build
        self.scratch = scratch
        self.order: list[str] = []
        self.running: dict[int, str] = {}  # process id -> language
        self.results: dict[str, LanguageResult] = {}

    def start(self, config: MkDocsConfig, dirty: bool = False) -> None:
        """In place of MkDocs' ``build`` for one language: fork a process that builds it, and return."""
        while len(self.running) >= self.workers:
            self._wait_for_one()
        language = str(self.i18n.current_language)
        self.order.append(language)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: build, write the result, and leave without running the parent's clean-up
            code = 1
            try:
                code = self._build_here(config, dirty, language)
            finally:
                os._exit(code)
        self.running[pid] = language

    def finish(self) -> None:
        """Wait for every language, then merge what they bring back, in the order the languages were started."""
        while self.running:
            self._wait_for_one()
        failed = [result for result in self.results.values() if result.error]
        if failed:
            raise LanguageBuildError(
                "; ".join(f"the pages in “{result.language}” could not be built: {result.error}" for result in failed)
            )
        for language in self.order:
            result = self.results.pop(language)
            self.i18n.search_entries.extend(result.search_entries)
            if result.not_found is not None:
                self.plugin.keep_not_found_page(language, result.not_found)
            self.reporting.warnings.extend(result.warnings)
        self.order.clear()

    def stop(self) -> None:
        """After a failure elsewhere: no process may go on writing into the output folder."""
        for pid in list(self.running):
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self.running.clear()

    def _wait_for_one(self) -> None:
        pid, status = self._next_finished()
        language = self.running.pop(pid)
        result_file = self.scratch / f"{language}.pickle"
        result = None
        if os.waitstatus_to_exitcode(status) == 0 and result_file.is_file():
            result = pickle.loads(result_file.read_bytes())
        if not isinstance(result, LanguageResult):
            result = LanguageResult(language, error=f"its process stopped (exit status {status})")
        self.results[language] = result
        self.reporting.progress(Count(f"Pages in “{language}”", result.pages, result.pages))

    def _next_finished(self) -> tuple[int, int]:
        """The first of our processes to finish (never another child of the build's, which os.wait might take)."""
        while True:
            for pid in self.running:
                finished, status = os.waitpid(pid, os.WNOHANG)
                if finished:
                    return pid, status
            time.sleep(0.02)

    def _build_here(self, config: MkDocsConfig, dirty: bool, language: str) -> int:
        _die_with_parent()
        self.plugin.quieten()
        self.reporting.progress = quiet
        self.reporting.warnings.clear()
        entries_before = len(self.i18n.search_entries)
        try:
            self.build(config, dirty=dirty)
            result = LanguageResult(
                language,
                list(self.i18n.search_entries[entries_before:]),
                self.plugin.not_found_page(language),
                list(self.reporting.warnings),
                self.plugin.pages_done(),
            )
        except BaseException as error:  # reported by the parent, in its own words
            result = LanguageResult(language, warnings=list(self.reporting.warnings), error=str(error) or repr(error))
        (self.scratch / f"{language}.pickle").write_bytes(pickle.dumps(result))
        return 0


def _die_with_parent() -> None:
    # Not on Linux: a killed build may leave its processes to finish their language.
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


@contextmanager
def languages_in_parallel(
    i18n: Any, plugin: PageCounting, reporting: Reporting, workers: int | None = None
) -> Iterator[None]:
    """While the site is built: each language after the first in its own process (nothing changes with one core)."""
    count = workers or cores()
    if count < 2 or i18n is None or not hasattr(i18n, "reconfigure_search_index"):
        yield
        return
    scratch = Path(tempfile.mkdtemp(prefix="vitrine-languages-"))
    pool = LanguageWorkers(i18n, plugin, reporting, count, i18n_module.build, scratch)
    merge_indexes = i18n.reconfigure_search_index

    def finish_then_merge(config: MkDocsConfig) -> None:
        pool.finish()
        merge_indexes(config)

    i18n_module.build = pool.start
    i18n.reconfigure_search_index = finish_then_merge
    try:
        yield
    finally:
        pool.stop()
        i18n_module.build = pool.build
        del i18n.reconfigure_search_index  # back to the class's own method
        shutil.rmtree(scratch, ignore_errors=True)
