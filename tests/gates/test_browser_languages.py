"""The languages of the site in a real browser: direction, search, switcher, fallback notice."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Page, expect

from support.project import MINIMAL_CONTENT, REFERENCE_CONTENT, soup


def strings(language: str) -> dict[str, dict[str, str]]:
    return dict(yaml.safe_load((REFERENCE_CONTENT / "strings" / f"{language}.yml").read_text(encoding="utf-8")))


def test_arabic_pages_are_right_to_left_and_mirrored(page: Page, reference_url: str) -> None:
    page.goto(f"{reference_url}/ar/sectors/health/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    navigation = page.locator(".md-sidebar--primary").bounding_box()
    content = page.locator(".md-content").bounding_box()
    assert navigation is not None and content is not None
    assert navigation["x"] > content["x"], "the menu should sit on the right of the content"
    page.goto(f"{reference_url}/ar/")
    title = page.locator(".vitrine-hero h1").bounding_box()
    article = page.locator("article").bounding_box()
    assert title is not None and article is not None
    assert abs((title["x"] + title["width"]) - (article["x"] + article["width"])) < 40, "the title starts on the right"


def test_the_language_switcher_keeps_the_page(page: Page, reference_url: str) -> None:
    page.goto(f"{reference_url}/en/sectors/health/")
    page.locator(".md-header .md-select").hover()
    page.locator('.md-header .md-select__link[hreflang="de"]').click()
    expect(page).to_have_url(re.compile(r"/de/sectors/health/$"))
    page.locator(".md-header .md-select").hover()
    page.locator('.md-header .md-select__link[hreflang="fr"]').click()
    expect(page).to_have_url(re.compile(r"127\.0\.0\.1:\d+/sectors/health/$"))


def test_a_fallback_page_shows_the_notice_in_the_readers_language(page: Page, minimal_url: str) -> None:
    """Every text of the reference content is translated: the minimal territory leaves its sector in English."""
    assert not (MINIMAL_CONTENT / "sectors" / "water.de.md").exists(), "pick a page that is not translated"
    page.goto(f"{minimal_url}/de/sectors/water/")
    notice = page.locator(".vitrine-notice")
    expect(notice.locator(".admonition-title")).to_have_text("Seite nicht übersetzt")
    expect(notice).to_contain_text("English")
    assert page.locator("h1").get_attribute("lang") == "en"


@pytest.mark.parametrize("language", ["ja", "zh"])
def test_search_finds_only_pages_of_the_readers_language(page: Page, reference_url: str, language: str) -> None:
    """A word from a sector page, searched from that language's home, finds that page and no other language."""
    front = (REFERENCE_CONTENT / "sectors" / f"health.{language}.md").read_text(encoding="utf-8").split("---")[1]
    title = yaml.safe_load(front)["title"]
    results = page.locator(".md-search-result__item > a")
    page.goto(f"{reference_url}/{language}/")
    search = page.locator(".md-search__input")
    search.fill(title)
    # Material reads the field on a key being released (an input method sends one when it commits the text, as
    # typing does), or when its index is ready: fill() alone inserts the text with no key, so end with one.
    search.press("End")
    expect(results.first).to_be_visible(timeout=15_000)
    addresses = [str(results.nth(i).get_attribute("href")) for i in range(results.count())]
    assert any(f"/{language}/sectors/health/" in href for href in addresses), addresses
    assert all(f"/{language}/" in href for href in addresses), addresses


def unique_word_of_the_figures_page(site: Path, language: str) -> str:
    """A column heading of the key-figures table that no other page of the language has in its article."""
    root = site / language
    pages = {p: soup(p).select_one("article") for p in root.rglob("index.html") if "go" not in p.parts}
    figures = root / "figures" / "index.html"
    table = soup(figures)
    for heading in table.select("table.vitrine-figure-table thead th"):
        word = heading.get_text(strip=True)
        elsewhere = [p for p, article in pages.items() if p != figures and article and word in article.get_text()]
        if word and not elsewhere:
            return word
    raise AssertionError(f"every heading of {figures} is also on another page")


@pytest.mark.parametrize("language", ["ja", "ar"])
def test_search_finds_the_key_figures_page_by_a_word_only_it_has(
    page: Page, reference_site: Path, reference_url: str, language: str
) -> None:
    """The key-figures page is written by its template, not its Markdown: it is in the search index all the same."""
    word = unique_word_of_the_figures_page(reference_site, language)
    index = json.loads((reference_site / language / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [language], "the language's own lunr support"
    page.goto(f"{reference_url}/{language}/")
    search = page.locator(".md-search__input")
    search.fill(word)
    search.press("End")
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible(timeout=15_000)
    addresses = [str(results.nth(i).get_attribute("href")) for i in range(results.count())]
    pages = [urlsplit(href).path for href in addresses]
    assert f"/{language}/figures/" in pages, (word, addresses)
