"""Looks, for a person to judge: the home page in French, Japanese and Arabic, on a phone and on a desktop, as
screenshots in test-output/screenshots/. The test checks what a machine can: every self-hosted font loaded,
nothing wider than the window, and a picture that is not blank."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PIL import Image
from playwright.sync_api import Browser

from conftest import PROJECT

SCREENSHOTS = PROJECT / "test-output" / "screenshots"
WIDTHS = {"phone": (360, 740), "desktop": (1280, 900)}


@pytest.mark.parametrize("language", ["fr", "ja", "ar"])
def test_home_page_screenshots(
    browser: Browser, reference_url: str, language: str, summary: Callable[[str], None]
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    address = f"{reference_url}/" if language == "fr" else f"{reference_url}/{language}/"
    written = []
    for device, (width, height) in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
        page = context.new_page()
        page.goto(address, wait_until="load")
        page.evaluate("() => document.fonts.ready")
        fonts = page.evaluate("() => [...document.fonts].map((f) => `${f.family} ${f.weight}: ${f.status}`)")
        assert fonts and all(font.endswith(": loaded") or font.endswith(": unloaded") for font in fonts), fonts
        assert any(font.endswith(": loaded") for font in fonts), fonts
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        target = SCREENSHOTS / f"home-{language}-{device}-{width}px.png"
        page.screenshot(path=str(target), full_page=True)
        context.close()
        with Image.open(target) as picture:
            assert picture.width == width and picture.height >= height
            colours = picture.convert("RGB").resize((width // 4, picture.height // 4)).getcolors(maxcolors=1 << 20)
            assert colours is not None and len(colours) > 50, f"{target} looks blank"
        written.append(target)
    summary(f"Screenshots to look at ({language}), in {SCREENSHOTS}: {', '.join(p.name for p in written)}")
