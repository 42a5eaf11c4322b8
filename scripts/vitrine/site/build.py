"""Run MkDocs (one build per language, through mkdocs-static-i18n) on a resolved model, into a folder."""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from vitrine.documents import Entry, Pack
from vitrine.model import Model
from vitrine.progress import Progress
from vitrine.site.parallel import languages_in_parallel
from vitrine.site.plugin import VitrinePlugin
from vitrine.urls import GO_FOLDER

LANGUAGE_STEP = re.compile(r"Building '([\w-]+)' documentation")


class SiteBuildError(Exception):
    """The site could not be built; the message is meant for the person who ran the build."""


class _Collector(logging.Handler):
    """Keeps MkDocs' warnings for the summary and turns its per-language steps into progress lines."""

    def __init__(self, progress: Progress) -> None:
        super().__init__(logging.INFO)
        self.warnings: list[str] = []
        self.progress = progress

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno >= logging.WARNING:
            self.warnings.append(message)
        elif found := LANGUAGE_STEP.search(message):
            self.progress(f"Rendering the pages in “{found.group(1)}”…")


@contextmanager
def _collected(progress: Progress) -> Iterator[_Collector]:
    """MkDocs' own messages go to the collector only: warnings for the summary, language steps as progress."""
    collector = _Collector(progress)
    mkdocs_logger = logging.getLogger("mkdocs")
    saved = (mkdocs_logger.level, mkdocs_logger.propagate)
    mkdocs_logger.setLevel(logging.INFO)
    mkdocs_logger.propagate = False
    mkdocs_logger.addHandler(collector)
    try:
        yield collector
    finally:
        mkdocs_logger.removeHandler(collector)
        mkdocs_logger.setLevel(saved[0])
        mkdocs_logger.propagate = saved[1]


@contextmanager
def docs_folder(project: Path, content: Path) -> Iterator[Path]:
    """The project's docs/ for its own content; a scratch copy of its hand-written files for any other."""
    own_docs = project / "docs"
    if content.resolve() == (project / "content").resolve():
        own_docs.mkdir(exist_ok=True)
        yield own_docs
        return
    scratch = Path(tempfile.mkdtemp(prefix="vitrine-docs-"))
    try:
        if own_docs.is_dir():
            shutil.copytree(
                own_docs,
                scratch,
                dirs_exist_ok=True,
                ignore=shutil.ignore_patterns("*.md", "generated", ".vitrine-generated.json"),
            )
        yield scratch
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def build_site(
    project: Path,
    model: Model,
    kit: list[Entry],
    packs: list[Pack],
    docs: Path,
    out: Path,
    progress: Progress,
    jobs: int | None = None,
) -> list[str]:
    """Build every language of the site from ``model`` into ``out``, ``jobs`` at once (default: one per core);
    return MkDocs' warnings."""
    with _collected(progress) as collector:
        try:
            config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(out), docs_dir=str(docs))
            plugin = config.plugins.get("vitrine")
            if not isinstance(plugin, VitrinePlugin):
                raise SiteBuildError("mkdocs.yml must enable the vitrine plugin.")
            plugin.use(model, kit, packs, progress)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                with languages_in_parallel(config.plugins.get("i18n"), plugin, collector, jobs):
                    mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
        except (Abort, MkDocsException) as error:
            raise SiteBuildError(str(error)) from None
    return collector.warnings


def count_pages(site: Path, model: Model) -> dict[str, int]:
    """HTML pages per language (the source language sits at the root, the others in their folder)."""
    others = {lang.code for lang in model.languages if lang.code != model.source_language}
    counts: dict[str, int] = {lang.code: 0 for lang in model.languages}
    for page in site.rglob("index.html"):
        top = page.relative_to(site).parts[0]
        if top == GO_FOLDER:  # forwarding addresses of the kit's QR codes, not pages
            continue
        counts[top if top in others else model.source_language] += 1
    return counts
