"""Stage 3: cross-references, fallback to other languages, locale-aware formatting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from support.project import MINIMAL_CONTENT
from vitrine.formatting import format_date, format_number
from vitrine.pipeline import check, prepare
from vitrine.problems import ContentErrors
from vitrine.view import View


def test_minimal_content_resolves() -> None:
    model = prepare(MINIMAL_CONTENT)
    assert [lang.code for lang in model.languages] == ["en", "de"]
    assert model.source_language == "en"
    assert [s.id for s in model.sectors] == ["water"]


def test_text_falls_back_to_the_source_language() -> None:
    model = prepare(MINIMAL_CONTENT)
    german = View(model, "de")
    sector, project = german.sector("water"), german.project("marina")
    assert sector.is_fallback and sector.text_language == "en"
    assert sector.title == "Water technologies"
    assert sector.lang_attrs == ' lang="en"'
    assert not project.is_fallback and project.lang_attrs == ""
    assert project.title == "Der neue Yachthafen"
    assert german.t("nav.sectors") == "Branchen"
    assert german.t("labels.key_figures") == "Key figures"  # not translated: falls back to English


def test_figures_are_formatted_per_language() -> None:
    model = prepare(MINIMAL_CONTENT)
    english, german = View(model, "en").figure("residents"), View(model, "de").figure("residents")
    assert (english.value, english.unit, english.label) == ("12,500", "people", "Residents")
    assert (german.value, german.unit, german.label) == ("12.500", "Menschen", "Einwohner")
    assert german.series == [(2020, "11.800"), (2024, "12.500")]
    assert english.year == 2024 and english.source_url == "https://stats.lakeshore.example/residents"


@pytest.mark.parametrize(
    ("value", "language", "display", "expected"),
    [
        (1898561, "fr", "compact", "1,9 million"),
        (1898561, "en", "compact", "1.9 million"),
        (70.5, "fr", "full", "70,5"),
        (1924, "en", "full", "1,924"),
        (1924, "fr", "full", "1\u202f924"),
        (1898561, "ja", "compact", "189.9万"),
        (1898561, "de", "compact", "1,9 Millionen"),
    ],
)
def test_number_formatting(value: float, language: str, display: str, expected: str) -> None:
    assert format_number(value, language, display) == expected


def test_dates_and_years() -> None:
    assert format_date(dt.date(2025, 4, 28), "fr") == "28 avril 2025"
    assert format_date(dt.date(2025, 4, 28), "en") == "April 28, 2025"
    assert format_date(2034, "fr") == "2034"


def test_upcoming_and_past_events_depend_on_the_day() -> None:
    model = prepare(MINIMAL_CONTENT)
    before, after = View(model, "en", today=dt.date(2020, 1, 1)), View(model, "en", today=dt.date(2030, 1, 1))
    assert [e.id for e in before.upcoming_events()] == ["water-expo-2027"] and before.past_events() == []
    assert after.upcoming_events() == [] and [e.id for e in after.past_events()] == ["water-expo-2027"]


def test_errors_block_the_model(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    model, problems = check(content)
    assert model is None
    assert any(p.file == "territory.yml" for p in problems)
    with pytest.raises(ContentErrors) as raised:
        prepare(content)
    assert "nothing was published" in str(raised.value)
