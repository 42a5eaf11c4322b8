"""The transfer budget: every home page, fonts, stylesheets, scripts and images included, compressed as the host
sends it, weighs at most 200 KB."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from playwright.sync_api import Browser, Request

from support.gates import REFERENCE_LANGUAGES
from support.project import REFERENCE_CONTENT
from support.weight import page_weight
from vitrine.fonts import find_font
from vitrine.pipeline import prepare
from vitrine.site.font_slices import covered_code_points, page_characters, script_characters

pytestmark = pytest.mark.slow

BUDGET = 200 * 1000


@pytest.mark.parametrize("language", REFERENCE_LANGUAGES)
def test_every_home_page_fits_the_transfer_budget(
    reference_site: Path, language: str, summary: Callable[[str], None]
) -> None:
    home = reference_site / ("index.html" if language == REFERENCE_LANGUAGES[0] else f"{language}/index.html")
    files = page_weight(reference_site, home)
    total = sum(files.values())
    fonts = sum(size for path, size in files.items() if path.endswith(".woff2"))
    summary(f"Home page ({language}): {total / 1000:.0f} KB compressed, of which fonts {fonts / 1000:.0f} KB")
    assert any(path.endswith(".js") for path in files) and fonts > 0, files
    heaviest = sorted(files.items(), key=lambda item: -item[1])[:5]
    assert total <= BUDGET, f"{language} home page: {total} bytes; the heaviest files: {heaviest}"


def _note_address(into: list[str], request: Request) -> None:
    into.append(request.url)


@pytest.mark.parametrize("language", ["ja", "zh"])
def test_a_chinese_or_japanese_page_downloads_the_slices_of_its_characters_and_no_other(
    browser: Browser,
    reference_site: Path,
    reference_url: str,
    language: str,
    tmp_path: Path,
    summary: Callable[[str], None],
) -> None:
    """In Chromium: the slices a page downloads hold every character of its text that the font draws, each holds
    at least one character of the page, and the transfer budget counts each of them. The home page needs few
    slices; another page needs others; the site has many more."""
    fonts = reference_site / "assets" / "generated" / "fonts"
    family = prepare(REFERENCE_CONTENT).language(language).font
    drawn = covered_code_points(*find_font(family, "Regular"), cache=tmp_path)
    downloaded: dict[str, set[str]] = {}
    figures: list[str] = []
    for address in ["", "sectors/health/", "figures/"]:
        context = browser.new_context()  # an empty cache: every file the page needs is requested
        page = context.new_page()
        requested: list[str] = []
        page.on("requestfinished", partial(_note_address, requested))
        page.goto(f"{reference_url}/{language}/{address}", wait_until="load")
        page.wait_for_timeout(300)  # the fonts the first layout asks for
        text = {c for c in script_characters(page.evaluate("document.body.innerText")) if ord(c) in drawn}
        context.close()
        slices = {url.rsplit("/", 1)[1] for url in requested if "cjk" in url}
        held = {name: {chr(point) for point in TTFont(fonts / name).getBestCmap()} for name in slices}
        html_file = reference_site / language / address / "index.html"
        on_the_page = page_characters(html_file.read_text(encoding="utf-8"))  # its text and attributes
        where = f"{language}/{address}"
        unheld = text - set().union(*held.values())
        assert not unheld, f"{where}: no slice the page downloads holds {sorted(unheld)}"
        unneeded = [name for name, characters in held.items() if not characters & on_the_page]
        assert unneeded == [], f"{where}: downloads slices that hold none of its characters"
        counted = {path.rsplit("/", 1)[1] for path in page_weight(reference_site, html_file) if "cjk" in path}
        assert slices <= counted, f"{where}: the budget leaves out {sorted(slices - counted)}"
        downloaded[address] = slices
        figures.append(
            f"{address or 'home'} {len(slices)} slices, {sum(map(len, held.values()))} characters for {len(text)} shown"
        )
    summary(f"Font slices ({language}): " + "; ".join(figures))
    assert 1 <= len(downloaded[""]) <= 3, downloaded
    assert downloaded["sectors/health/"] != downloaded[""], "another page needs other slices"
    assert len(list(fonts.glob("*cjk*.woff2"))) > 2 * len(downloaded[""])
