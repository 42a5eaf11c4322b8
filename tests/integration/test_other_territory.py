"""The same tool builds another territory's content folder into another output folder."""

from __future__ import annotations

import json
from pathlib import Path

from support.project import soup


def test_minimal_territory_builds_both_languages(minimal_site: Path) -> None:
    assert (minimal_site / "index.html").is_file()
    assert (minimal_site / "de" / "index.html").is_file()
    home = soup(minimal_site / "index.html")
    assert home.html is not None and home.html["lang"] == "en"
    assert home.h1 is not None and home.h1.get_text(strip=True) == "Lakeshore"
    german = soup(minimal_site / "de" / "index.html")
    assert german.html is not None and german.html["lang"] == "de"
    assert german.h1 is not None and german.h1.get_text(strip=True) == "Seeufer"


def test_untranslated_page_shows_a_notice_in_the_readers_language(minimal_site: Path) -> None:
    page = soup(minimal_site / "de" / "sectors" / "water" / "index.html")
    notice = page.select_one(".vitrine-notice")
    assert notice is not None
    assert "noch nicht auf Deutsch" in notice.get_text()
    original = notice.find("a", hreflang="en")
    assert original is not None and str(original["href"]).rstrip("/").endswith("sectors/water")
    story = page.select_one(".vitrine-story")
    assert story is not None and story["lang"] == "en"
    # A translated page has no "not translated" notice.
    translated = soup(minimal_site / "de" / "projects" / "marina" / "index.html")
    assert translated.select_one(".vitrine-notice:not(.vitrine-notice--stale)") is None


def test_numbers_follow_the_readers_language(minimal_site: Path) -> None:
    english = soup(minimal_site / "figures" / "index.html").select_one("#residents")
    german = soup(minimal_site / "de" / "figures" / "index.html").select_one("#residents")
    assert english is not None and "12,500" in english.get_text()
    assert german is not None and "12.500" in german.get_text()


def test_a_figure_cited_in_a_text_prints_its_source_and_year(minimal_site: Path) -> None:
    cite = soup(minimal_site / "sectors" / "water" / "index.html").select_one(".vitrine-story .vitrine-cite")
    assert cite is not None
    assert "12,500 people" in cite.get_text() and "2024" in cite.get_text()
    link = cite.find("a")
    assert link is not None and link["href"] == "https://stats.lakeshore.example/residents"


def test_each_language_has_its_own_404_page(minimal_site: Path) -> None:
    english = soup(minimal_site / "404.html")
    german = soup(minimal_site / "de" / "404.html")
    assert english.html is not None and english.html["lang"] == "en"
    assert german.html is not None and german.html["lang"] == "de"
    assert english.h1 is not None and english.h1.get_text(strip=True) == "Page not found"
    assert german.h1 is not None and german.h1.get_text(strip=True) == "Seite nicht gefunden"


def test_alternate_links_are_absolute_with_x_default(minimal_site: Path) -> None:
    page = soup(minimal_site / "de" / "sectors" / "water" / "index.html")
    alternates = {
        str(link["hreflang"]): str(link["href"]) for link in page.find_all("link", rel="alternate", hreflang=True)
    }
    assert alternates == {
        "en": "https://invest.lakeshore.example/sectors/water/",
        "de": "https://invest.lakeshore.example/de/sectors/water/",
        "x-default": "https://invest.lakeshore.example/sectors/water/",
    }


def test_each_language_searches_its_own_index(minimal_site: Path) -> None:
    english = json.loads((minimal_site / "search" / "search_index.json").read_text())
    german = json.loads((minimal_site / "de" / "search" / "search_index.json").read_text())
    assert english["config"]["lang"] == ["en"] and german["config"]["lang"] == ["de"]
    english_titles = {doc["title"] for doc in english["docs"]}
    german_titles = {doc["title"] for doc in german["docs"]}
    assert "Der neue Yachthafen" in german_titles and "Der neue Yachthafen" not in english_titles
    assert "The new marina" in english_titles and "The new marina" not in german_titles
    for doc in german["docs"]:  # addresses are relative to the German root
        assert (minimal_site / "de" / doc["location"].split("#")[0] / "index.html").is_file(), doc["location"]
    page = soup(minimal_site / "de" / "sectors" / "water" / "index.html").find("script", id="__config")
    assert page is not None
    assert json.loads(page.get_text())["base"] == "../../../de/"


def test_stale_translation_shows_a_notice(minimal_site: Path) -> None:
    # The German text of the marina has no fingerprint of its source: it counts as stale.
    page = soup(minimal_site / "de" / "projects" / "marina" / "index.html")
    notice = page.select_one(".vitrine-notice--stale")
    assert notice is not None and "Übersetzung veraltet" in notice.get_text()
    assert notice.find("a", hreflang="en") is not None
    assert soup(minimal_site / "projects" / "marina" / "index.html").select_one(".vitrine-notice") is None


def test_the_home_page_title_names_the_site_once(minimal_site: Path) -> None:
    for path, expected in (("index.html", "Lakeshore"), ("de/index.html", "Seeufer")):
        title = soup(minimal_site / path).title
        assert title is not None and title.get_text() == expected
    sector = soup(minimal_site / "sectors" / "water" / "index.html").title
    assert sector is not None and sector.get_text() == "Water technologies - Lakeshore"


def test_forwarding_pages_carry_their_language_and_direction(minimal_site: Path) -> None:
    page = soup(minimal_site / "go" / "de-figures" / "index.html").html
    assert page is not None and page["lang"] == "de" and page["dir"] == "ltr"


def test_the_link_to_the_original_is_in_the_pages_language_with_the_languages_name_in_its_own(
    minimal_site: Path,
) -> None:
    notice = soup(minimal_site / "de" / "sectors" / "water" / "index.html").select_one(".vitrine-notice a[hreflang]")
    assert notice is not None and not notice.has_attr("lang")
    name = notice.find("span", lang="en")
    assert name is not None and name.get_text() == "English"


def test_the_accessibility_statement_comes_from_the_content(minimal_site: Path) -> None:
    page = soup(minimal_site / "accessibility" / "index.html")
    text = page.get_text(" ", strip=True)
    assert "Lakeshore Development Agency wants https://invest.lakeshore.example/ to be usable by everyone." in text
    assert "The audit of May 4, 2026 found 64% of the criteria met." in text
    complaint = page.select_one("article a[href='https://ombudsman.lakeshore.example/']")
    assert complaint is not None and complaint.get_text() == "Write to the Lakeshore accessibility ombudsman"
    footer = soup(minimal_site / "index.html").select_one(".vitrine-footer__conformity")
    assert footer is not None and "partially compliant" in footer.get_text()
