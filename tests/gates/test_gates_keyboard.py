"""The keyboard alone: a reader who tabs through a page meets the skip link first, sees where the focus is at
every stop, and can change language and search without a mouse."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from support.serving import serve_folder

MAX_TABS = 40

FOCUSED = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
  return {
    tag: element.tagName.toLowerCase(),
    classes: element.className,
    text: (element.textContent || "").trim().slice(0, 40),
    href: element.getAttribute("href") || "",
    hreflang: element.getAttribute("hreflang") || "",
    ring: ring,
    shown: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight
      && box.right > 0 && box.left < innerWidth && style.visibility === "visible",
  };
}"""


@dataclass(frozen=True)
class Stop:
    tag: str
    classes: str
    text: str
    href: str
    hreflang: str
    ring: bool
    shown: bool

    def __str__(self) -> str:
        return f"<{self.tag} class='{self.classes}' href='{self.href}'> {self.text!r}"


def tab(page: Page) -> Stop:
    page.keyboard.press("Tab")
    return Stop(**page.evaluate(FOCUSED))


def tab_until(page: Page, wanted: str) -> list[Stop]:
    """Press Tab until the focused element matches the CSS selector ``wanted``; every stop on the way."""
    stops = []
    for _ in range(MAX_TABS):
        stops.append(tab(page))
        if page.evaluate("(selector) => document.activeElement.matches(selector)", wanted):
            return stops
    raise AssertionError(f"{wanted} not reached in {MAX_TABS} presses of Tab: {[str(s) for s in stops]}")


def unseen(stops: list[Stop]) -> list[str]:
    return [
        f"{stop}: {'no focus ring' if stop.shown else 'not on screen'}"
        for stop in stops
        if not (stop.ring and stop.shown)
    ]


@pytest.mark.parametrize("language", ["", "ar/"])
def test_the_skip_link_comes_first_and_leads_to_the_content(page: Page, reference_url: str, language: str) -> None:
    page.goto(f"{reference_url}/{language}")
    first = tab(page)
    assert first.classes.startswith("md-skip") and first.shown and first.ring, first
    page.keyboard.press("Enter")
    # Playwright learns of the jump to the anchor from the browser's events: on a busy machine, after press returns.
    page.wait_for_url("**#vitrine-content", timeout=10_000)
    after = tab(page)
    assert page.evaluate("() => document.activeElement.closest('.md-content') !== null"), after


@pytest.mark.parametrize("width", [1280, 360])
def test_the_language_switcher_works_from_the_keyboard(page: Page, reference_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{reference_url}/sectors/health/")
    stops = tab_until(page, 'a.md-select__link[hreflang="ja"]')
    assert unseen(stops) == []
    page.keyboard.press("Enter")
    page.wait_for_url("**/ja/sectors/health/")
    assert page.evaluate("() => document.documentElement.lang") == "ja"


def test_search_works_from_the_keyboard(page: Page, reference_url: str) -> None:
    page.goto(f"{reference_url}/en/")
    stops = tab_until(page, "input.md-search__input")
    assert unseen(stops) == []
    page.keyboard.type("port", delay=30)
    # Results are drawn again for each letter typed: wait for those of the whole word before moving into them.
    page.wait_for_selector('a.md-search-result__link[href*="h=port"]')
    page.keyboard.press("ArrowDown")
    result = Stop(**page.evaluate(FOCUSED))
    assert result.classes.startswith("md-search-result__link") and result.shown and result.ring, result
    page.keyboard.press("Enter")
    page.wait_for_url(result.href.split("?")[0] + "*")
    assert "/en/" in page.url


def test_every_stop_of_the_home_page_shows_its_focus(page: Page, reference_url: str) -> None:
    page.goto(f"{reference_url}/")
    stops = [tab(page) for _ in range(MAX_TABS)]
    assert len({stop.text + stop.href for stop in stops}) > 30
    assert unseen(stops) == []


def test_a_hidden_focus_ring_is_reported_with_the_element(
    browser: Browser, reference_site: Path, tmp_path: Path
) -> None:
    site = Path(shutil.copytree(reference_site, tmp_path / "site", ignore=shutil.ignore_patterns("kit")))
    with (site / "assets" / "vitrine.css").open("a", encoding="utf-8") as stylesheet:
        stylesheet.write("\n.md-tabs__link:focus-visible { outline: none !important; }\n")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        with serve_folder(site) as url:
            page = context.new_page()
            page.goto(f"{url}/")
            stops = tab_until(page, "a.md-tabs__link")
    finally:
        context.close()
    assert unseen(stops) == [f"{stops[-1]}: no focus ring"]
    assert str(stops[-1]).startswith("<a class='md-tabs__link")


def test_the_theme_script_waits_for_the_readers_first_gesture(page: Page, reference_url: str) -> None:
    """Material's script is not fetched while the page loads (its start-up would hold a phone's processor in the
    first seconds): the first key pressed fetches it, and the shortcut that key carries ("/": search) works."""
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url) if request.resource_type == "script" else None)
    page.goto(f"{reference_url}/ja/")
    page.wait_for_load_state("networkidle")
    assert scripts == []
    assert page.evaluate("() => document.documentElement.className") == "js"  # the search box is shown already
    page.keyboard.press("/")
    page.wait_for_function("() => document.activeElement.matches('input.md-search__input')")
    assert [url for url in scripts if "/assets/javascripts/bundle." in url], scripts
