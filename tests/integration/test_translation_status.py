"""Translation freshness: missing, stale and up to date, as `vitrine status` reports them."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from support.project import Run


def states(run: Run) -> dict[tuple[str, str, str], str]:
    report = json.loads(run.stdout)
    return {(t["language"], t["kind"], t["id"]): t["state"] for t in report["texts"]}


def test_status_counts_per_language(vitrine: Callable[..., Run], minimal_content: Path) -> None:
    run = vitrine("status", "--content", minimal_content, "--json")
    assert run.code == 0, run.output
    report = json.loads(run.stdout)
    german = [t for t in report["texts"] if t["language"] == "de"]
    texts = Counter(t["state"] for t in german if t["kind"] != "interface text")
    interface = Counter(t["state"] for t in german if t["kind"] == "interface text")
    assert texts == {"missing": 6, "stale": 3}
    # The German strings file of the fixture is partial on purpose: the rest falls back to English.
    assert interface["up-to-date"] == 22 and interface["missing"] > 90
    assert report["languages"]["de"] == {"missing": 6 + interface["missing"], "stale": 3, "up-to-date": 22}
    assert states(run)[("de", "sector", "water")] == "missing"
    table = vitrine("status", "--content", minimal_content)
    assert "Deutsch (de)" in table.stdout and "sectors/water.de.md" in table.stdout


def test_changing_one_source_paragraph_makes_exactly_its_translations_stale(
    vitrine: Callable[..., Run], minimal_content: Path
) -> None:
    stamped = vitrine("translations", "stamp", "--content", minimal_content, "--lang", "de")
    assert stamped.code == 0, stamped.output
    before = states(vitrine("status", "--content", minimal_content, "--json"))
    assert before[("de", "project", "marina")] == "up-to-date"
    assert before[("de", "figure", "residents")] == "up-to-date"

    source = minimal_content / "projects" / "marina.en.md"
    source.write_text(source.read_text().replace("opened in June 2025", "opened on 1 June 2025"))
    after = states(vitrine("status", "--content", minimal_content, "--json"))

    changed = {key for key in before if before[key] != after[key]}
    assert changed == {("de", "project", "marina")}
    assert after[("de", "project", "marina")] == "stale"


def test_strict_check_fails_on_required_languages_only(vitrine: Callable[..., Run], minimal_content: Path) -> None:
    assert vitrine("check", "--strict", "--content", minimal_content).code == 0  # German is not required
    territory = minimal_content / "territory.yml"
    territory.write_text(
        territory.read_text().replace(
            '{code: de, name: "Deutsch", direction: ltr}', '{code: de, name: "Deutsch", direction: ltr, required: true}'
        )
    )
    run = vitrine("check", "--strict", "--content", minimal_content)
    assert run.code == 1
    assert "the de text of sector “water” is missing" in run.stderr
    assert "the de text of project “marina” is out of date" in run.stderr
    assert vitrine("check", "--content", minimal_content).code == 0  # without --strict, translations do not block


def test_reference_content_one_french_paragraph_makes_exactly_its_translations_stale(
    vitrine: Callable[..., Run], reference_content: Path
) -> None:
    before = states(vitrine("status", "--content", reference_content, "--json"))
    source = reference_content / "sectors" / "health.fr.md"
    text = source.read_text(encoding="utf-8")
    paragraph = next(p for p in text.split("\n\n") if len(p) > 200 and not p.startswith(("#", "---")))
    source.write_text(text.replace(paragraph, paragraph + " Une phrase ajoutée.", 1), encoding="utf-8")
    after = states(vitrine("status", "--content", reference_content, "--json"))
    changed = {key for key in before if before[key] != after[key]}
    assert changed == {(lang, "sector", "health") for lang in ("en", "de", "it", "ja", "zh", "ar")}
    assert all(after[key] == "stale" for key in changed)
    strict = vitrine("check", "--strict", "--content", reference_content)
    assert strict.code == 1 and "the en text of sector “health” is out of date" in strict.stderr
