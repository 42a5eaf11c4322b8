"""Build the website: the pipeline, then MkDocs (one build per language), into a staged output folder."""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from vitrine.kit.build import KitReport, prepare_kit, publish_kit
from vitrine.kit.manifest import dumps
from vitrine.kit.plan import GO_FOLDER
from vitrine.pipeline import prepare
from vitrine.publish import staging
from vitrine.resolve import Model

CONTENT_ENV = "VITRINE_CONTENT"
LANGUAGE_STEP = re.compile(r"Building '([\w-]+)' documentation")


class SiteBuildError(Exception):
    """The site could not be built; the message is meant for the person who ran the build."""


@dataclass
class SiteReport:
    out: Path
    seconds: float
    pages: dict[str, int]  # language code -> HTML pages
    languages: dict[str, str]  # language code -> name
    warnings: list[str] = field(default_factory=list)
    kit: KitReport | None = None


class _Collector(logging.Handler):
    """Keeps MkDocs' warnings for the summary and turns its per-language steps into progress lines."""

    def __init__(self, progress: Callable[[str], None]) -> None:
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
def _docs_folder(project: Path, content: Path) -> Iterator[Path]:
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


def build_site(
    project: Path, content: Path, out: Path, progress: Callable[[str], None], with_kit: bool = True
) -> SiteReport:
    """Check the content, render the pitch kit, build every language with MkDocs into a fresh folder, add the
    kit to it, then swap it into ``out``."""
    from vitrine.site.plugin import KIT_MANIFEST_ENV

    started = time.perf_counter()
    progress("Checking the content…")
    model = prepare(content)  # raises ContentErrors before anything is written
    kit = prepare_kit(project, model, progress) if with_kit else None
    collector = _Collector(progress)
    mkdocs_logger = logging.getLogger("mkdocs")
    saved = (mkdocs_logger.level, mkdocs_logger.propagate)
    # MkDocs' own messages go to the collector only: warnings for the summary, language steps as progress.
    mkdocs_logger.setLevel(logging.INFO)
    mkdocs_logger.propagate = False
    mkdocs_logger.addHandler(collector)
    previous_env = {name: os.environ.get(name) for name in (CONTENT_ENV, KIT_MANIFEST_ENV)}
    os.environ[CONTENT_ENV] = str(content.resolve())
    listing = Path(tempfile.mkstemp(prefix="vitrine-kit-", suffix=".json")[1])
    listing.write_text(dumps(kit.entries if kit else []), encoding="utf-8")
    os.environ[KIT_MANIFEST_ENV] = str(listing)
    try:
        with _docs_folder(project, content) as docs, staging(out) as fresh:
            progress("Rendering the pages…")
            config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(fresh), docs_dir=str(docs))
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
            if kit is not None:
                publish_kit(kit, model, fresh)
            pages = count_pages(fresh, model)
    except (Abort, MkDocsException) as error:
        raise SiteBuildError(str(error)) from None
    finally:
        mkdocs_logger.removeHandler(collector)
        mkdocs_logger.setLevel(saved[0])
        mkdocs_logger.propagate = saved[1]
        listing.unlink(missing_ok=True)
        for name, value in previous_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return SiteReport(
        out,
        time.perf_counter() - started,
        pages,
        {lang.code: lang.name for lang in model.languages},
        collector.warnings + (kit.warnings if kit else []),
        kit,
    )
