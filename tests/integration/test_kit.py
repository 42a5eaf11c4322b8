"""The printable pitch kit of the reference content, opened as real PDFs: sizes, fonts, text, tags, QR codes."""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from functools import cache
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from pptx import Presentation
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from support.pdf_checks import MM, font_reports, qr_codes, squeezed, text_of
from support.project import REFERENCE_CONTENT, Run, run_vitrine, soup
from vitrine.documents import Document, Kind, Variant, documents
from vitrine.kit.plan import deck_contents, deck_slides
from vitrine.model import Item, Model
from vitrine.pipeline import prepare
from vitrine.schema import Event, Slide
from vitrine.view import View

PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
A4 = (210 * MM, 297 * MM)
SLIDE = (254 * MM, 142.875 * MM)
BLEED = 3 * MM


@cache
def reference_model() -> Model:
    return prepare(REFERENCE_CONTENT)


def manifest_of(site: Path) -> list[dict[str, object]]:
    data = json.loads((site / "kit" / "manifest.json").read_text(encoding="utf-8"))
    documents_found: list[dict[str, object]] = data["documents"]
    return documents_found


def planned() -> list[Document]:
    return documents(reference_model())


def printed() -> list[Document]:
    return [doc for doc in planned() if doc.format == "pdf"]


def pdf_entries(site: Path) -> list[dict[str, object]]:
    return [entry for entry in manifest_of(site) if entry["format"] == "pdf"]


def event_of(doc: Document) -> Item[Event] | None:
    return reference_model().items["event"][doc.event] if doc.event else None


def expected_slides(doc: Document) -> int:
    return len(deck_slides(reference_model(), deck_contents(reference_model(), event_of(doc))))


@pytest.mark.slow
def test_the_kit_has_every_document_in_every_language(reference_site: Path) -> None:
    model = reference_model()
    entries = {str(entry["path"]): entry for entry in manifest_of(reference_site)}
    assert set(entries) == {doc.path for doc in planned()}
    languages = [lang.code for lang in model.languages]
    for language in languages:
        mine = [e for e in entries.values() if e["language"] == language and e["event"] is None]
        assert sorted(str(e["kind"]) for e in mine if e["variant"] == "screen") == ["deck", "figures", *["sheet"] * 6]
        assert sum(e["variant"] == "print" for e in mine) == 7, "every sheet also has a print variant"
        assert [e["kind"] for e in mine if e["variant"] == "editable"] == ["deck"], "the deck is also a PowerPoint file"
    for event in model.events:
        decks = {e["language"] for e in entries.values() if e["event"] == event.id}
        assert decks == set(event.data.languages), event.id
    # 7 languages × (1 deck + 7 sheets × 2 variants) + one deck per event and language; each deck also as PowerPoint
    event_decks = sum(len(e.data.languages) for e in model.events)
    assert len(entries) == 7 * 15 + event_decks + (7 + event_decks)


@pytest.mark.slow
def test_the_manifest_tells_the_truth_about_each_file(reference_site: Path) -> None:
    for entry in manifest_of(reference_site):
        file = reference_site / str(entry["path"])
        data = file.read_bytes()
        assert entry["bytes"] == len(data), entry["path"]
        assert entry["sha256"] == hashlib.sha256(data).hexdigest(), entry["path"]
        if entry["format"] == "pptx":
            assert entry["pages"] == len(Presentation(str(file)).slides), entry["path"]
            assert entry["kind"] == "deck" and entry["variant"] == "editable", entry["path"]
        else:
            assert entry["pages"] == len(PdfReader(file).pages), entry["path"]
            assert entry["kind"] in {"deck", "sheet", "figures"} and entry["variant"] in {"screen", "print"}


@pytest.mark.slow
def test_page_sizes_and_page_counts(reference_site: Path) -> None:
    for doc in printed():
        reader = PdfReader(reference_site / doc.path)
        expected = expected_slides(doc) if doc.kind is Kind.DECK else 1
        assert len(reader.pages) == expected, f"{doc.path}: text runs over a slide or a page"
        for page in reader.pages:
            trim = (float(page.trimbox.width), float(page.trimbox.height))
            media = (float(page.mediabox.width), float(page.mediabox.height))
            size = SLIDE if doc.kind is Kind.DECK else A4
            assert trim == pytest.approx(size, abs=0.5), doc.path
            if doc.variant is Variant.PRINT:
                # 3 mm of bleed on every side, where the crop marks are drawn
                assert media == pytest.approx((size[0] + 2 * BLEED, size[1] + 2 * BLEED), abs=0.5), doc.path
                assert float(page.trimbox.left) - float(page.mediabox.left) == pytest.approx(BLEED, abs=0.2)
            else:
                assert media == pytest.approx(size, abs=0.5), f"{doc.path}: the screen variant has no bleed"


@pytest.mark.slow
def test_pdfs_are_tagged_with_title_language_and_bookmarks(reference_site: Path) -> None:
    for entry in pdf_entries(reference_site):
        reader = PdfReader(reference_site / str(entry["path"]))
        root = reader.trailer["/Root"].get_object()
        assert isinstance(root, DictionaryObject)
        mark_info = root["/MarkInfo"].get_object()
        assert isinstance(mark_info, DictionaryObject) and mark_info["/Marked"], entry["path"]
        assert "/StructTreeRoot" in root, entry["path"]
        assert root["/Lang"] == entry["language"], entry["path"]
        assert reader.metadata is not None and reader.metadata.title == entry["title"], entry["path"]
        assert reader.outline, f"{entry['path']} has no bookmarks"
        if entry["kind"] == "deck":
            titles = [item for item in reader.outline if not isinstance(item, list)]
            assert len(titles) >= 1 and any(isinstance(item, list) for item in reader.outline), entry["path"]


@pytest.mark.slow
def test_every_font_is_embedded_and_has_every_glyph(reference_site: Path) -> None:
    problems = []
    for entry in pdf_entries(reference_site):
        for font in font_reports(reference_site / str(entry["path"])):
            if not font.embedded:
                problems.append(f"{entry['path']}: {font.name} is not embedded")
            if font.missing:
                problems.append(f"{entry['path']}: {font.name} lacks {font.missing}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["fr", "en", "de", "it", "ja", "zh", "ar"])
@pytest.mark.slow
def test_the_text_has_the_sector_titles_in_each_language(reference_site: Path, language: str) -> None:
    model = reference_model()
    view = View(model, language)
    deck = squeezed(text_of(reference_site / "kit" / language / "deck.pdf"))
    for sector in model.sectors:
        title = squeezed(view.text(sector).title)
        assert title in deck, f"{title} is missing from the {language} deck"
        sheet = squeezed(text_of(reference_site / "kit" / language / f"sheet-{sector.id}.pdf"))
        assert title in sheet
        assert squeezed(view.territory.name) in sheet
    figures = squeezed(text_of(reference_site / "kit" / language / "figures.pdf"))
    for figure_id in model.territory.data.headline_figures:
        shown = view.figure(figure_id)
        # Each part on its own, letters and digits only: extraction keeps numbers, words and mirrored
        # punctuation (« ») of right-to-left lines in visual order.
        parts = [*shown.value.split(), *shown.source_name.split()]
        assert all(letters(part) in letters(figures) for part in parts), (figure_id, parts)


@pytest.mark.slow
def test_every_qr_code_leads_to_a_go_address_that_forwards_in_the_right_language(reference_site: Path) -> None:
    model = reference_model()
    site_url = str(model.territory.data.site_url)
    checked = 0
    for doc in printed():
        pages = [1]
        if doc.kind is Kind.DECK and Slide.CONTACTS in deck_contents(model, event_of(doc)).slides:
            pages.append(expected_slides(doc))  # the contacts slide, last, carries the code too
        for page in pages:
            found = qr_codes(reference_site / doc.path, page, resolution=110)
            assert len(found) == 1, f"{doc.path} page {page}: {found}"
            address = found[0]
            assert address == f"{site_url}go/{doc.code}/", doc.path
            go_page = reference_site / urlsplit(address).path.lstrip("/") / "index.html"
            assert go_page.is_file(), f"{address} does not exist in the site"
            refresh = soup(go_page).find("meta", attrs={"http-equiv": "refresh"})
            assert refresh is not None
            target = urljoin(address, str(refresh["content"]).split("url=", 1)[1])
            parts = urlsplit(target)
            landing = reference_site / parts.path.lstrip("/") / "index.html"
            assert landing.is_file(), f"{address} forwards to {target}, which does not exist"
            document = soup(landing).html
            assert document is not None and document["lang"] == doc.language, f"{address} forwards to another language"
            query = parse_qs(parts.query)
            assert query == {"utm_source": [doc.name], "utm_medium": ["print"], "utm_campaign": [doc.campaign]}
            checked += 1
    assert checked >= len(printed())


@pytest.mark.slow
def test_the_downloads_page_lists_the_documents_of_its_language(reference_site: Path) -> None:
    model = reference_model()
    for language in model.languages:
        prefix = "" if language.code == model.source_language else f"{language.code}/"
        page = reference_site / prefix / "downloads" / "index.html"
        links = soup(page).select("a[type='application/pdf']")
        targets = {urljoin(f"/{prefix}downloads/", str(a["href"])).lstrip("/") for a in links}
        assert targets == {doc.path for doc in printed() if doc.language == language.code}, language.code
        editable = soup(page).select(f"a[type='{PPTX_TYPE}']")
        targets = {urljoin(f"/{prefix}downloads/", str(a["href"])).lstrip("/") for a in editable}
        assert targets == {doc.path for doc in planned() if doc.language == language.code and doc.format == "pptx"}
        for link in [*links, *editable]:
            assert (page.parent / str(link["href"])).resolve().is_file()
        for row in soup(page).select(".vitrine-downloads:not(.vitrine-downloads--packs) .vitrine-download"):
            for details in row.select(".vitrine-card__meta"):
                assert re.search(r"(PDF|PowerPoint) · .*\d.* · .*\d", details.get_text()), details.get_text()
        names = [a.get_text(" ", strip=True) for a in links]
        assert len(names) == len(set(names)), "two links with the same words lead to different files"


def letters(text: str) -> str:
    return "".join(re.findall(r"\w", text))


def _kit(*args: str | Path) -> Run:
    return run_vitrine("kit", *args)


@pytest.mark.slow
def test_vitrine_kit_builds_one_event_in_one_language_and_reuses_the_cache(
    reference_content: Path, tmp_path: Path
) -> None:
    # A text no earlier run has rendered, whatever the cache holds: the first run must render the deck.
    events = reference_content / "events.yml"
    marker = uuid.uuid4().hex[:8]
    events.write_text(events.read_text(encoding="utf-8").replace('name: "MIPIM 2027"', f'name: "MIPIM 2027 {marker}"'))
    out = tmp_path / "site"
    first = _kit("--content", reference_content, "--out", out, "--event", "mipim-2027", "--lang", "de")
    assert first.code == 0, first.output
    entries = manifest_of(out)
    assert [e["path"] for e in entries] == ["kit/de/mipim-2027.pdf", "kit/de/mipim-2027.pptx"]
    assert "2 documents (1 PDF, 1 PowerPoint" in first.output and "2 made and 0 unchanged" in first.output
    again = _kit("--content", reference_content, "--out", out, "--event", "mipim-2027", "--lang", "de")
    assert "0 made and 2 unchanged" in again.output, again.output
    assert marker in text_of(out / "kit" / "de" / "mipim-2027.pdf")
    # Another language is added to the manifest, the first document stays listed.
    assert _kit("--content", reference_content, "--out", out, "--event", "mipim-2027", "--lang", "it").code == 0
    assert [e["path"] for e in manifest_of(out)] == [
        "kit/de/mipim-2027.pdf",
        "kit/de/mipim-2027.pptx",
        "kit/it/mipim-2027.pdf",
        "kit/it/mipim-2027.pptx",
    ]


def test_vitrine_kit_explains_an_unknown_event_or_language(tmp_path: Path) -> None:
    unknown = _kit("--content", REFERENCE_CONTENT, "--out", tmp_path, "--event", "mipim-2031")
    assert unknown.code == 2 and "no event “mipim-2031”" in unknown.output and "mipim-2027" in unknown.output
    assert "Traceback" not in unknown.output
    language = _kit("--content", REFERENCE_CONTENT, "--out", tmp_path, "--lang", "pt")
    assert language.code == 2 and "“pt” is not a language" in language.output
    no_deck = _kit("--content", REFERENCE_CONTENT, "--out", tmp_path, "--event", "simi-2026", "--lang", "ja")
    assert no_deck.code == 2 and "has no deck in “ja”" in no_deck.output


@pytest.mark.slow
def test_only_documents_whose_inputs_changed_are_rendered_again(reference_content: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert _kit("--content", reference_content, "--out", out, "--lang", "de").code == 0
    health = reference_content / "sectors" / "health.de.md"
    marker = uuid.uuid4().hex[:8]  # a text no earlier run has rendered, whatever the cache holds
    health.write_text(health.read_text(encoding="utf-8").replace("summary: '", f"summary: '{marker} ", 1))
    second = _kit("--content", reference_content, "--out", out, "--lang", "de")
    assert second.code == 0, second.output
    # The German deck (its health slide) as PDF and PowerPoint, and the health sheet in both variants; nothing else.
    planned_de = [doc for doc in planned() if doc.language == "de"]
    assert f"{len(planned_de)} documents" in second.output
    assert f"4 made and {len(planned_de) - 4} unchanged" in second.output, second.output
    assert "Rendering 3 PDF(s)" in second.output, second.output
    assert marker in text_of(out / "kit" / "de" / "sheet-health-print.pdf")


def test_a_character_no_font_can_draw_is_reported(minimal_content: Path, tmp_path: Path) -> None:
    sector = minimal_content / "sectors" / "water.en.md"
    sector.write_text(sector.read_text(encoding="utf-8").replace("summary: ", "summary: \u0378 ", 1))
    result = _kit("--content", minimal_content, "--out", tmp_path / "site", "--lang", "en")
    assert result.code == 0, result.output
    assert "shows a character that no installed font can draw" in result.output, result.output
    assert "kit/en/sheet-water.pdf" in result.output


def test_a_sheet_that_runs_over_its_page_is_reported(minimal_content: Path, tmp_path: Path) -> None:
    sector = minimal_content / "sectors" / "water.en.md"
    # The first paragraph is cut to whole sentences that fit; the summary is printed whole.
    long_summary = " ".join(["The lake front offers quays, sheds and water for every kind of business."] * 40)
    sector.write_text(sector.read_text(encoding="utf-8").replace('summary: "', f'summary: "{long_summary} ', 1))
    result = _kit("--content", minimal_content, "--out", tmp_path / "site", "--lang", "en")
    assert "kit/en/sheet-water.pdf) has 2 pages instead of 1" in result.output, result.output
    assert "Shorten the summary or the first paragraph of sectors/water.en.md" in result.output
