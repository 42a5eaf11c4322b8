"""``vitrine build``: the whole pipeline in one straight line, each phase named.

load -> validate -> resolve (once) -> the kit's PDFs (into their cache) -> when nothing the site depends on has
changed since the last build into the same folder, stop there -> the site (MkDocs, every language,
handed the same model) -> the kit published beside it -> text files precompressed -> swapped into place when
everything succeeded.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from vitrine.build_inputs import forget, inputs_digest, last_warnings, remember
from vitrine.compression import COMPRESSION_CACHE, precompress
from vitrine.fonts import font_files
from vitrine.pipeline import prepare
from vitrine.progress import Progress
from vitrine.publish import staging
from vitrine.site.build import build_site, count_pages, docs_folder

if TYPE_CHECKING:
    from vitrine.kit.build import KitReport
    from vitrine.model import Model


@dataclass
class BuildReport:
    out: Path
    seconds: float
    pages: dict[str, int]  # language code -> HTML pages
    languages: dict[str, str]  # language code -> name
    warnings: list[str] = field(default_factory=list)
    kit: KitReport | None = None
    unchanged: bool = False  # nothing changed since the last build into ``out``: it was left as it was


def build(
    project: Path, content: Path, out: Path, progress: Progress, with_kit: bool = True, jobs: int | None = None
) -> BuildReport:
    """Check the content, render the pitch kit, build every language of the site into a fresh folder (``jobs``
    languages at once, default one per core), add the kit to it, then swap it into ``out``. Content errors raise
    ContentErrors before anything is written."""
    started = time.perf_counter()

    progress("Checking the content…")
    model = prepare(content)

    kit = _prepare_kit(project, model, progress) if with_kit else None
    entries = kit.entries if kit else []
    packs = [pack for pack, _file in kit.packs] if kit else []

    fonts = sorted({file for lang in model.languages for file in font_files(lang.font)})
    inputs = inputs_digest(project, content, entries, packs, with_kit, fonts)
    site_warnings = last_warnings(project, out, inputs)
    if site_warnings is not None:
        progress("Nothing changed since the last build: the site is up to date.")
        return BuildReport(
            out,
            time.perf_counter() - started,
            count_pages(out, model),
            {lang.code: lang.name for lang in model.languages},
            site_warnings + (kit.warnings if kit else []),
            kit,
            unchanged=True,
        )
    forget(project, out)

    with docs_folder(project, content) as docs, staging(out) as fresh:
        progress("Rendering the pages…")
        warnings = build_site(project, model, entries, packs, docs, fresh, progress, jobs)
        if kit is not None:
            from vitrine.kit.build import publish_kit

            publish_kit(kit, model, fresh)
        pages = count_pages(fresh, model)
        progress("Compressing the text files for the host…")
        precompress(fresh, project / COMPRESSION_CACHE)
    remember(project, out, inputs, warnings)

    return BuildReport(
        out,
        time.perf_counter() - started,
        pages,
        {lang.code: lang.name for lang in model.languages},
        warnings + (kit.warnings if kit else []),
        kit,
    )


def _prepare_kit(project: Path, model: Model, progress: Progress) -> KitReport:
    # Imported here: WeasyPrint, cairo and python-pptx take over a second to load, which a site-only build spares.
    from vitrine.kit.build import prepare_kit

    return prepare_kit(project, model, progress)
