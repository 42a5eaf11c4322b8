"""The transfer budget: every home page, fonts, stylesheets, scripts and images included, compressed as the host
sends it, weighs at most 200 KB."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from support.gates import REFERENCE_LANGUAGES
from support.weight import page_weight

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


@pytest.mark.parametrize("language", ["ja", "zh"])
def test_a_chinese_or_japanese_page_downloads_slices_of_its_font(reference_site: Path, language: str) -> None:
    home = page_weight(reference_site, reference_site / language / "index.html")
    health = page_weight(reference_site, reference_site / language / "sectors" / "health" / "index.html")
    slices = {path for path in home if "cjk" in path}
    assert 1 <= len(slices) <= 3, slices
    assert {path for path in health if "cjk" in path} != slices, "another page needs other slices"
    every_slice = list((reference_site / "assets" / "generated" / "fonts").glob("*cjk*.woff2"))
    assert len(every_slice) > 2 * len(slices)
