"""The editable PowerPoint decks and the packs per fair of the reference kit, opened as real files: python-pptx,
Debian's LibreOffice, zip archives."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image
from pptx import Presentation
from pptx.util import Emu

from support.pdf_checks import render_pages, squeezed, text_of
from support.project import PROJECT, REFERENCE_CONTENT, TEST_OUTPUT
from vitrine.documents import Entry, Kind, Pack, Variant, documents, pack_documents
from vitrine.kit.build import write_powerpoint
from vitrine.kit.packs import INDEX_NAME, build_pack, in_zip
from vitrine.kit.plan import deck_contents, deck_slides
from vitrine.kit.render import environment
from vitrine.model import Model
from vitrine.pipeline import prepare
from vitrine.urls import KIT_FOLDER
from vitrine.view import View

pytestmark = pytest.mark.slow

A_NAMESPACE = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@cache
def reference_model() -> Model:
    return prepare(REFERENCE_CONTENT)


def manifest(site: Path) -> tuple[dict[str, Entry], list[Pack]]:
    data = json.loads((site / KIT_FOLDER / "manifest.json").read_text(encoding="utf-8"))
    entries = {entry["path"]: Entry(**entry) for entry in data["documents"]}
    return entries, [Pack(**pack) for pack in data["packs"]]


def slide_texts(slide: Any) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame and shape.text_frame.text.strip()]


def paragraphs(slide: Any) -> list[Any]:
    found = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            found += [p for p in shape.text_frame.paragraphs if p.text.strip()]
    return found


def editable_decks() -> list[str]:
    return [doc.path for doc in documents(reference_model()) if doc.variant is Variant.EDITABLE]


def test_every_deck_has_an_editable_twin_with_as_many_slides(reference_site: Path) -> None:
    entries, _packs = manifest(reference_site)
    model = reference_model()
    decks = [doc for doc in documents(model) if doc.kind is Kind.DECK and doc.variant is Variant.SCREEN]
    assert len(editable_decks()) == len(decks) >= 7 + len(model.events)
    for path in editable_decks():
        presentation = Presentation(str(reference_site / path))
        pdf = entries[path.removesuffix(".pptx") + ".pdf"]
        assert len(presentation.slides) == pdf.pages == entries[path].pages, path
        assert presentation.core_properties.title == pdf.title, path
        assert presentation.core_properties.language == pdf.language, path
        # Native text on every slide: never one picture per slide.
        for number, slide in enumerate(presentation.slides, 1):
            assert slide_texts(slide), f"{path}, slide {number} holds no text"


@pytest.mark.parametrize("language", ["fr", "en", "de", "it", "ja", "zh", "ar"])
def test_figure_values_are_text_and_their_sources_are_in_the_notes(reference_site: Path, language: str) -> None:
    model = reference_model()
    view = View(model, language)
    presentation = Presentation(str(reference_site / KIT_FOLDER / language / "deck.pptx"))
    kinds = [kind for kind, _shown in deck_slides(model, deck_contents(model, None))]
    slide = presentation.slides[kinds.index("figures")]
    text = squeezed(" ".join(slide_texts(slide)))
    notes = slide.notes_slide.notes_text_frame.text
    shown = view.figures(model.territory.data.kit.figures)[:6]
    assert shown
    for figure in shown:
        assert squeezed(figure.value) in text, (language, figure.id, figure.value)
        assert figure.source_name in notes and str(figure.year) in notes, (language, figure.id)
        assert figure.source_url in notes
    # Every slide that shows a figure tells its source in the notes, and every figure of the notes is on the slide.
    values = {figure.label: figure.value for figure in view.figures(list(model.items["figure"]))}
    checked = 0
    for number, each in enumerate(presentation.slides, 1):
        words = " ".join(slide_texts(each))
        if view.t("labels.source") in words:
            assert each.has_notes_slide and each.notes_slide.notes_text_frame.text.strip(), f"slide {number}"
        if not each.has_notes_slide:
            continue
        for line in each.notes_slide.notes_text_frame.text.splitlines():
            label = next((label for label in values if line.startswith(f"{label}: ")), None)
            if label is not None:
                assert squeezed(values[label]) in squeezed(words), (language, number, label)
                checked += 1
    assert checked >= 2 * len(shown), "the notes of the figures, sector and project slides name their figures"


def test_arabic_paragraphs_run_right_to_left_and_the_layout_is_mirrored(reference_site: Path) -> None:
    arabic = Presentation(str(reference_site / KIT_FOLDER / "ar" / "deck.pptx"))
    french = Presentation(str(reference_site / KIT_FOLDER / "fr" / "deck.pptx"))
    for number, slide in enumerate(arabic.slides, 1):
        for paragraph in paragraphs(slide):
            properties = paragraph._p.find(f"{A_NAMESPACE}pPr")
            assert properties is not None and properties.get("rtl") == "1", (number, paragraph.text)
    for slide in french.slides:
        for paragraph in paragraphs(slide):
            properties = paragraph._p.find(f"{A_NAMESPACE}pPr")
            assert properties is None or properties.get("rtl") != "1", paragraph.text
    # The title of a content slide starts on the right in Arabic, on the left in French.
    width = int(arabic.slide_width or Emu(0))

    def title_box(deck: Any) -> Any:
        return next(shape for shape in deck.slides[1].shapes if shape.has_text_frame and shape.text_frame.text)

    assert title_box(arabic).left + title_box(arabic).width == pytest.approx(width - title_box(french).left, abs=2)


@pytest.mark.parametrize("language", ["fr", "ja", "ar"])
def test_the_fonts_of_each_script_are_named(reference_site: Path, language: str) -> None:
    presentation = Presentation(str(reference_site / KIT_FOLDER / language / "deck.pptx"))
    expected = reference_model().language(language).font
    named: set[str] = set()
    for slide in presentation.slides:
        for paragraph in paragraphs(slide):
            for run in paragraph.runs:
                properties = run._r.find(f"{A_NAMESPACE}rPr")
                for script in ("latin", "ea", "cs"):
                    element = properties.find(f"{A_NAMESPACE}{script}") if properties is not None else None
                    if element is not None:
                        named.add(element.get("typeface"))
    assert expected in named, (language, named)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_cover_carries_the_same_qr_code_as_the_pdf(reference_site: Path, language: str) -> None:
    presentation = Presentation(str(reference_site / KIT_FOLDER / language / "deck.pptx"))
    pictures = [shape for shape in presentation.slides[0].shapes if shape.shape_type == 13]  # a picture
    found = []
    for picture in pictures:
        with Image.open(io.BytesIO(picture.image.blob)) as image:
            found += [code.text for code in zxingcpp.read_barcodes(image.convert("L"))]
    site_url = str(reference_model().territory.data.site_url)
    assert found == [f"{site_url}go/{language}-deck/"]


OFFICE_LANGUAGES = ("fr", "ja", "ar")


@pytest.fixture(scope="module")
def converted_by_libreoffice(reference_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The French, Japanese and Arabic decks converted to PDF by Debian's LibreOffice, in one run of it."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office, "make test installs libreoffice-impress"
    folder = tmp_path_factory.mktemp("libreoffice")
    sources = []
    for language in OFFICE_LANGUAGES:
        source = folder / f"{language}-deck.pptx"
        shutil.copyfile(reference_site / KIT_FOLDER / language / "deck.pptx", source)
        sources.append(str(source))
    profile = folder / "profile"  # its own profile: another worker may run LibreOffice at the same time
    result = subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *sources,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return {language: folder / f"{language}-deck.pdf" for language in OFFICE_LANGUAGES}


@pytest.mark.parametrize("language", OFFICE_LANGUAGES)
def test_libreoffice_opens_the_deck_and_keeps_its_script(
    reference_site: Path, converted_by_libreoffice: dict[str, Path], tmp_path: Path, language: str
) -> None:
    converted = converted_by_libreoffice[language]
    assert converted.is_file(), f"LibreOffice wrote no PDF for the {language} deck"
    text = squeezed(text_of(converted))
    view = View(reference_model(), language)
    assert squeezed(view.territory.name) in text, (language, text[:300])
    entries, _packs = manifest(reference_site)
    assert len(render_pages(converted, tmp_path, 20, 1, 99)) == entries[f"{KIT_FOLDER}/{language}/deck.pptx"].pages
    # For a person to look at: the decks as PDF, and as LibreOffice shows the PowerPoint file.
    folder = TEST_OUTPUT / "kit-decks"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{language}-*.png"):
        old.unlink()
    render_pages(reference_site / KIT_FOLDER / language / "deck.pdf", folder, 60, 1, 99, prefix=f"{language}-pdf")
    render_pages(converted, folder, 60, 1, 99, prefix=f"{language}-pptx")


def test_each_pack_holds_exactly_its_fairs_documents_and_an_index(reference_site: Path) -> None:
    model = reference_model()
    entries, packs = manifest(reference_site)
    assert {pack.event for pack in packs} == {event.id for event in model.events}
    for pack in packs:
        planned = {doc.path for doc in pack_documents(model, pack.event)}
        assert set(pack.documents) == planned and planned <= set(entries), pack.event
        event = model.items["event"][pack.event]
        for language in event.data.languages:
            assert f"{KIT_FOLDER}/{language}/{pack.event}.pdf" in planned
            assert f"{KIT_FOLDER}/{language}/{pack.event}.pptx" in planned
        archive = reference_site / pack.path
        data = archive.read_bytes()
        assert len(data) == pack.bytes
        with zipfile.ZipFile(io.BytesIO(data)) as opened:
            assert opened.testzip() is None
            assert sorted(opened.namelist()) == sorted([*(in_zip(path) for path in planned), INDEX_NAME])
            for path in planned:
                assert opened.read(in_zip(path)) == (reference_site / path).read_bytes(), path
            index = opened.read(INDEX_NAME)
        sheet = Path(reference_site.parent / f"index-{pack.event}.pdf")
        sheet.write_bytes(index)
        assert len(render_pages(sheet, reference_site.parent, 20, 1, 9, prefix=f"i-{pack.event}")) == 1, pack.event
        words = squeezed(text_of(sheet))
        for path in planned:
            assert squeezed(Path(path).name) in words, (pack.event, path)


def test_two_builds_give_identical_packs_and_decks(reference_site: Path, tmp_path: Path) -> None:
    model = reference_model()
    env = environment(PROJECT)
    stylesheet = (PROJECT / "overrides" / "kit" / "kit.css").read_text(encoding="utf-8")
    entries, packs = manifest(reference_site)
    built = {path: (entry, reference_site / path) for path, entry in entries.items()}
    event = "simi-2026"
    # Each build with a cache of its own: the index sheet is rendered again, the zip assembled again.
    first = build_pack(model, event, built, env, stylesheet, tmp_path / "one")
    second = build_pack(model, event, built, env, stylesheet, tmp_path / "two")
    assert first[0] == second[0]
    assert first[1].read_bytes() == second[1].read_bytes()
    published = next(pack for pack in packs if pack.event == event)
    assert (reference_site / published.path).read_bytes() == first[1].read_bytes()
    deck = next(doc for doc in documents(model) if doc.variant is Variant.EDITABLE and doc.language == "ar")
    write_powerpoint(PROJECT, model, deck, env, tmp_path / "a.pptx")
    write_powerpoint(PROJECT, model, deck, env, tmp_path / "b.pptx")
    assert (tmp_path / "a.pptx").read_bytes() == (tmp_path / "b.pptx").read_bytes()
    assert (tmp_path / "a.pptx").read_bytes() == (reference_site / deck.path).read_bytes()
