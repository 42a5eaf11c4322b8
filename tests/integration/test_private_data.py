"""Fields for staff only never reach the public: a canary is planted in every internal field of every item of the
reference content, everything is built (site, search, sitemap, social cards, PDFs, PowerPoint, packs), and every
output file is searched for it, compressed copies and documents opened."""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import brotli
import pytest
from pypdf import PdfReader
from ruamel.yaml import YAML

from support.project import Run
from vitrine.pipeline import prepare

pytestmark = pytest.mark.slow

CANARY = "QXCANARY7731"


def plant_canaries(content: Path) -> int:
    """Write the canary into every internal field of every item; how many fields were planted."""
    model = prepare(content)
    yaml = YAML()
    yaml.preserve_quotes = True
    documents: dict[str, object] = {}
    planted = 0
    for item in model.all_items():
        fields = type(item.data).internal_fields()
        if not fields:
            continue
        file = item.origin.file
        if file not in documents:
            documents[file] = yaml.load((content / file).read_text(encoding="utf-8"))
        node = documents[file]
        for step in item.origin.path:
            node = node[step]  # type: ignore[index]
        for field in fields:
            value = f"{CANARY} {field} of {item.kind} {item.id}"
            node[field] = [value] if field == "prospects" else value  # type: ignore[index]
            planted += 1
    for file, data in documents.items():
        with (content / file).open("w", encoding="utf-8") as out:
            yaml.dump(data, out)
    return planted


def texts_of(name: str, data: bytes) -> Iterator[tuple[str, str]]:
    """Every text a published file holds, opening compressed copies, PDFs, PowerPoint files and zips."""
    if name.endswith(".br"):
        yield from texts_of(name[:-3], brotli.decompress(data))
    elif name.endswith(".gz"):
        yield from texts_of(name[:-3], gzip.decompress(data))
    elif name.endswith(".pdf"):
        reader = PdfReader(io.BytesIO(data))
        yield name, " ".join(page.extract_text() or "" for page in reader.pages)
        yield name, str(reader.metadata or {})
    elif name.endswith((".pptx", ".zip")):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                yield from texts_of(f"{name}/{member}", archive.read(member))
    else:
        yield name, data.decode("utf-8", errors="replace")


def test_internal_fields_reach_no_output(
    vitrine: Callable[..., Run], reference_content: Path, tmp_path: Path, summary: Callable[[str], None]
) -> None:
    planted = plant_canaries(reference_content)
    assert planted > 100
    check = vitrine("check", "--content", reference_content)
    assert check.code == 0, check.output
    out = tmp_path / "site"
    run = vitrine("build", "--content", reference_content, "--out", out)
    assert run.code == 0, run.output

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
