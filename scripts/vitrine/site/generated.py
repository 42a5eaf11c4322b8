"""The files MkDocs reads that the content makes (pages, fonts, images), written into ``docs/``: only those whose
bytes changed, and removing those no longer made.

Unchanged files are left alone so that ``mkdocs serve`` does not see a change and rebuild forever.
"""

from __future__ import annotations

import json
from pathlib import Path

from vitrine.site.assets import font_assets, media_files
from vitrine.site.fragments import citation
from vitrine.site.page_files import page_files
from vitrine.site.state import SiteState

GENERATED_LIST = ".vitrine-generated.json"


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def write_generated(docs_dir: Path, files: dict[str, bytes]) -> int:
    """Write generated files that changed, delete those no longer generated; return how many were written."""
    listing = docs_dir / GENERATED_LIST
    previous: list[str] = json.loads(listing.read_text()) if listing.is_file() else []
    written = sum(write_if_changed(docs_dir / name, data) for name, data in files.items())
    for stale in set(previous) - set(files):
        (docs_dir / stale).unlink(missing_ok=True)
    write_if_changed(listing, json.dumps(sorted(files), indent=0).encode())
    return written


def generate(state: SiteState, docs_dir: Path, font_cache: Path, image_cache: Path) -> int:
    """Write every file MkDocs reads that the content makes (pages, fonts, images); return how many changed."""
    files = {
        name: text.encode() for name, text in page_files(state.model, lambda view: citation(state.fragments, view))
    }
    fonts = font_assets(state.model, font_cache)
    state.font_css = fonts.font_css
    files.update(fonts.files)
    files.update(media_files(state.model, image_cache))
    return write_generated(docs_dir, files)
