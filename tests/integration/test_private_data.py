"""Fields for staff only never reach the public: the shared reference build carries a canary in every internal field
of every item (site, search, sitemap, social cards, PDFs, PowerPoint, packs), and every output file is searched for
it, compressed copies and documents opened."""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import brotli
import pytest

from support.canaries import CANARY, planted_canaries
from support.outputs import texts_of

pytestmark = pytest.mark.slow


def test_internal_fields_reach_no_output(reference_site: Path, summary: Callable[[str], None]) -> None:
    """The shared reference build carries a canary in every internal field (conftest.py)."""
    planted = planted_canaries(reference_site.parent / "content")
    assert planted > 100
    out = reference_site

    kinds: dict[str, int] = {}
    leaks = []
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        name = path.relative_to(out).as_posix()
        kind = "".join(path.suffixes[-2:]) if path.suffix in (".br", ".gz") else path.suffix or path.name
        kinds[kind] = kinds.get(kind, 0) + 1
        for where, text in texts_of(name, path.read_bytes()):
            if CANARY in text:
                leaks.append(where)
    summary(
        f"Private data: {planted} internal fields planted, {sum(kinds.values())} output files searched "
        f"({', '.join(f'{count} {kind}' for kind, count in sorted(kinds.items()))}), {len(leaks)} leaks"
    )
    assert {".html", ".json", ".xml", ".png", ".pdf", ".pptx", ".zip", ".html.br", ".html.gz"} <= set(kinds)
    assert not leaks, leaks[:10]


def test_the_search_opens_compressed_copies_and_archives() -> None:
    """The search above would see a leak hidden in a compressed copy or inside a zip."""
    page = f"<p>{CANARY}</p>".encode()
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as packed:
        packed.writestr("ppt/slides/slide1.xml", page)
    for name, data in [
        ("a.html.br", brotli.compress(page)),
        ("a.html.gz", gzip.compress(page)),
        ("deck.pptx", archive.getvalue()),
    ]:
        assert any(CANARY in text for _, text in texts_of(name, data)), name
