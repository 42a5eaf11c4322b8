"""Looks, for a person to judge: the home, projects and international pages in French, Japanese and Arabic, on a
phone and on a desktop, as screenshots in test-output/screenshots/. The test checks what a machine can: the language's
own fonts loaded, nothing wider than the window, and a picture that is not blank."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PIL import Image
from playwright.sync_api import Browser

from support.project import PROJECT, REFERENCE_CONTENT
from vitrine.fonts import families_for
from vitrine.pipeline import prepare
from vitrine.view import View

SCREENSHOTS = PROJECT / "test-output" / "screenshots"
WIDTHS = {"phone": (360, 740), "desktop": (1280, 900)}


# The pages an investor meets first: the front door, the projects on their map, the world of our destinations.
PAGES = {"home": "", "projects": "projects/", "international": "international/"}


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("language", ["fr", "ja", "ar"])
def test_screenshots_of_the_showcase(
    browser: Browser, reference_url: str, language: str, name: str, summary: Callable[[str], None]
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    model = prepare(REFERENCE_CONTENT)
    address = f"{reference_url}/{'' if language == 'fr' else language + '/'}{PAGES[name]}"
    written = []
    for device, (width, height) in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
        page = context.new_page()
        page.goto(address, wait_until="load")
        page.evaluate("() => document.fonts.ready")
        fonts = page.evaluate("() => [...document.fonts].map((f) => `${f.family} ${f.weight}: ${f.status}`)")
        # The regular face of each family of the language's stack must have loaded (the page's text uses it);
        # a bold face the page has no bold text for may stay unloaded, but no face may fail.
        for family in families_for(View(model, language).language.font):
            assert f'"{family} Vitrine" 400: loaded' in fonts or f"{family} Vitrine 400: loaded" in fonts, fonts
        assert not [font for font in fonts if font.endswith(": error")], fonts
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        page.evaluate("() => document.querySelectorAll('img[loading=lazy]').forEach((i) => { i.loading = 'eager'; })")
        # Every picture drawn (half a second sooner than waiting for the network to fall quiet).
        page.wait_for_function("() => [...document.images].every((image) => image.complete)")
        target = SCREENSHOTS / f"{name}-{language}-{device}-{width}px.png"
        page.screenshot(path=str(target), full_page=True)
        context.close()
        with Image.open(target) as picture:
            assert picture.width == width and picture.height >= height
            colours = picture.convert("RGB").resize((width // 4, picture.height // 4)).getcolors(maxcolors=1 << 20)
            assert colours is not None and len(colours) > 50, f"{target} looks blank"
        written.append(target)
    summary(f"Screenshots to look at ({name}, {language}), in {SCREENSHOTS}: {', '.join(p.name for p in written)}")
