"""A second territory, fictional, built from its own content folder with no change to the code: Spanish source,
English, Hebrew (right to left, not Arabic) and European Portuguese (a language the theme does not ship), under
Spanish law. Its site and kit are built in every language and checked here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pptx import Presentation

from support.pdf_checks import squeezed, text_of
from support.project import BAHIA_CONTENT, soup
from vitrine.pipeline import prepare
from vitrine.translation.freshness import STRING_KIND, interface_status, status, summary

pytestmark = pytest.mark.slow

LANGUAGES = {"es": "", "en": "en/", "he": "he/", "pt-PT": "pt-PT/"}
FRENCH_LAW = ("Défenseur des droits", "RGAA", "CNIL", "LCEN", "Directeur de la publication", "loi n° 2005-102")


def page(site: Path, language: str, address: str = "") -> Path:
    return site / LANGUAGES[language] / address / "index.html"


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_language_builds_with_its_code_and_direction(bahia_site: Path, language: str) -> None:
    html = soup(page(bahia_site, language)).html
    assert html is not None and html["lang"] == language
    assert html.get("dir") == ("rtl" if language == "he" else "ltr")
    for address in ("sectors/logistica-portuaria", "projects/muelle-norte", "figures", "legal-notice", "accessibility"):
        assert page(bahia_site, language, address).is_file(), (language, address)


def test_the_legal_notice_prints_what_spanish_law_requires(bahia_site: Path) -> None:
    notice = soup(page(bahia_site, "es", "legal-notice")).get_text(" ", strip=True)
    for words in ("NIF:", "A00000000", "Datos registrales:", "Registro Mercantil de Bahía de Ejemplo", "España"):
        assert words in notice, words
    assert "Spain" not in notice, "the source language shows the data's own wording"
    english = soup(page(bahia_site, "en", "legal-notice")).get_text(" ", strip=True)
    assert "Tax id (NIF): A00000000" in english and "Bahía de Ejemplo, Spain" in english
    link = soup(page(bahia_site, "es", "legal-notice")).select_one("a[href='mailto:legal@bahia-de-ejemplo.example']")
    assert link is not None


def test_the_accessibility_statement_follows_the_royal_decree(bahia_site: Path) -> None:
    statement = soup(page(bahia_site, "es", "accessibility"))
    text = statement.get_text(" ", strip=True)
    assert "Real Decreto 1112/2018" in text and "UNE-EN 301549:2022" in text and "72" in text
    links = {str(a["href"]) for a in statement.select("article a[href]")}
    assert "https://invierte.bahia-de-ejemplo.example/accesibilidad/reclamacion/" in links
    hebrew = soup(page(bahia_site, "he", "accessibility")).get_text(" ", strip=True)
    assert "1112/2018" in hebrew and "הצהרת נגישות" in hebrew


def test_no_french_authority_law_or_standard_appears_anywhere(bahia_site: Path) -> None:
    found = []
    for html in bahia_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        found += [f"{html.relative_to(bahia_site)}: {words}" for words in FRENCH_LAW if words in text]
    assert not found, found[:10]


def test_numbers_and_units_read_as_each_language_writes_them(bahia_site: Path) -> None:
    spanish = soup(page(bahia_site, "es", "figures")).get_text(" ", strip=True)
    assert "1,2 millones de habitantes" in spanish
    portuguese = soup(page(bahia_site, "pt-PT", "figures")).get_text(" ", strip=True)
    assert "1,2 milhões de habitantes" in portuguese
    english = soup(page(bahia_site, "en", "figures")).get_text(" ", strip=True)
    assert "1.2 million inhabitants" in english
    assert "\u202f" not in spanish.replace("\u202f%", ""), "no French spacing outside French"


def test_the_event_city_is_written_in_each_language(bahia_site: Path) -> None:
    assert "Seville" in soup(page(bahia_site, "en", "events")).get_text()
    assert "Sevilha" in soup(page(bahia_site, "pt-PT", "events")).get_text()
    assert "Sevilla" in soup(page(bahia_site, "es", "events")).get_text()


def test_the_theme_language_and_search_of_each_language(bahia_site: Path) -> None:
    portuguese = soup(page(bahia_site, "pt-PT"))
    search = portuguese.select_one("input.md-search__input")
    assert search is not None and search["placeholder"] == "Pesquisar", "the theme's words come from the content"
    index = json.loads((bahia_site / "he" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["he"]
    assert any("אנרגיה" in doc["text"] or "אנרגיה" in doc["title"] for doc in index["docs"])


def test_forwarding_pages_of_a_right_to_left_language_carry_it(bahia_site: Path) -> None:
    forwarding = [p for p in (bahia_site / "go").iterdir() if p.name.startswith("he-")]
    assert forwarding
    for folder in forwarding:
        html = soup(folder / "index.html").html
        assert html is not None and html["lang"] == "he" and html["dir"] == "rtl", folder.name


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_kit_is_built_in_every_language(bahia_site: Path, language: str) -> None:
    manifest = json.loads((bahia_site / "kit" / "manifest.json").read_text(encoding="utf-8"))
    mine = {entry["path"] for entry in manifest["documents"] if entry["language"] == language}
    assert {f"kit/{language}/deck.pdf", f"kit/{language}/deck.pptx"} <= mine
    assert f"kit/{language}/sheet-logistica-portuaria.pdf" in mine
    deck = squeezed(text_of(bahia_site / "kit" / language / "deck.pdf"))
    expected = {"he": "באיהדהאחמפלו"}.get(language, "BahíadeEjemplo")
    assert expected in deck or expected[::-1] in deck, (language, deck[:200])
    presentation = Presentation(str(bahia_site / "kit" / language / "deck.pptx"))
    assert presentation.core_properties.language == language
    if language == "he":
        frames = [shape.text_frame for slide in presentation.slides for shape in slide.shapes if shape.has_text_frame]
        paragraphs = [p for frame in frames for p in frame.paragraphs if p.text.strip()]
        assert paragraphs and all(p._p.pPr is not None and p._p.pPr.get("rtl") == "1" for p in paragraphs)


def test_the_pack_of_the_fair_holds_its_languages(bahia_site: Path) -> None:
    manifest = json.loads((bahia_site / "kit" / "manifest.json").read_text(encoding="utf-8"))
    (pack,) = manifest["packs"]
    languages = {re.match(r"kit/([^/]+)/", path).group(1) for path in pack["documents"]}  # type: ignore[union-attr]
    assert languages == {"es", "en", "pt-PT"}
    assert (bahia_site / pack["path"]).stat().st_size == pack["bytes"]


def test_every_text_is_translated_and_the_missing_interface_words_are_counted() -> None:
    model = prepare(BAHIA_CONTENT)
    texts = summary([text for text in status(model) if text.kind != STRING_KIND])
    for language in ("en", "he", "pt-PT"):
        assert texts[language]["missing"] == 0 and texts[language]["stale"] == 0, (language, texts[language])
    interface = summary(interface_status(model, ["en", "he", "pt-PT"]))
    assert interface["en"]["missing"] == 0
    # Hebrew and Portuguese translate the visible words only: the rest is shown in English, and counted.
    assert interface["he"]["missing"] > 0 and interface["pt-PT"]["missing"] > 0


def test_the_investor_essentials_of_another_territory(bahia_site: Path) -> None:
    site = soup(page(bahia_site, "es", "sites/zona-logistica-sur")).get_text(" ", strip=True)
    assert "5 min" in site and "Puerto de Ejemplo" in site
    for language in LANGUAGES:
        for address in ("incentives", "sites", "stories"):
            html = soup(page(bahia_site, language, address)).html
            assert html is not None and html["lang"] == language, (language, address)
    markers = soup(page(bahia_site, "he")).select("svg .vitrine-map__marker")
    assert len(markers) == 3, "the two projects and the site on the Hebrew home page map"
