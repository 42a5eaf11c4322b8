"""Validation and cross-references, seen as staff see them: `vitrine check` on broken copies of the content."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from support.messages import errors_of, line_of, replace_in
from support.project import Run


def test_valid_content_passes(vitrine: Callable[..., Run], minimal_content: Path) -> None:
    run = vitrine("check", "--content", minimal_content)
    assert run.code == 0, run.output
    assert "The content is valid" in run.stdout


def test_four_kinds_of_mistake_are_all_reported_at_once(vitrine: Callable[..., Run], minimal_content: Path) -> None:
    # 1. a broken reference, 2. a wrong type, 3. a missing required field, 4. malformed YAML
    replace_in(minimal_content / "projects" / "marina.yml", "sectors: [water]", "sectors: [waterr]")
    replace_in(minimal_content / "figures.yml", "year: 2024", "year: last year")
    replace_in(minimal_content / "contacts.yml", '  email: "desk@lakeshore.example"\n', "")
    replace_in(minimal_content / "sectors" / "water.yml", 'companies: ["Lakeshore Pumps"]', "companies: [unclosed")

    run = vitrine("check", "--content", minimal_content)

    assert run.code == 1
    assert "Traceback" not in run.output
    errors = errors_of(run)
    files = sorted(file for file, _line, _text in errors)
    assert files == ["contacts.yml", "figures.yml", "projects/marina.yml", "sectors/water.yml"], run.stderr
    by_file = {file: (line, text) for file, line, text in errors}

    line, text = by_file["projects/marina.yml"]
    assert line == line_of(minimal_content / "projects" / "marina.yml", "sectors:")
    assert "“waterr” does not match any sector" in text and "use one of: water" in text

    line, text = by_file["figures.yml"]
    assert line == line_of(minimal_content / "figures.yml", "year: last year")
    assert "found “last year”, expected the year the figure refers to" in text

    line, text = by_file["contacts.yml"]
    assert "field “email”" in text and "missing" in text
    assert "What to do: add a line “email: …”" in text

    line, text = by_file["sectors/water.yml"]
    assert "cannot be read" in text
    assert line >= line_of(minimal_content / "sectors" / "water.yml", "companies:")
    assert "4 errors to correct" in run.stderr


def test_unknown_field_names_the_allowed_ones(vitrine: Callable[..., Run], minimal_content: Path) -> None:
    replace_in(minimal_content / "sectors" / "water.yml", "order: 1", "ordre: 1")
    run = vitrine("check", "--content", minimal_content)
    assert run.code == 1
    assert "“ordre” is not a field of a sector: did you mean “order”?" in run.stderr
    assert "write “order:” instead of “ordre:”" in run.stderr


def test_text_in_an_undeclared_language(vitrine: Callable[..., Run], minimal_content: Path) -> None:
    (minimal_content / "sectors" / "water.it.md").write_text("---\ntitle: Acqua\nsummary: Pompe.\n---\nTesto.\n")
    run = vitrine("check", "--content", minimal_content)
    assert run.code == 1
    assert "sectors/water.it.md" in run.stderr and "does not declare" in run.stderr


def test_missing_source_text_and_unknown_unit(vitrine: Callable[..., Run], minimal_content: Path) -> None:
    (minimal_content / "sectors" / "water.en.md").unlink()
    replace_in(minimal_content / "figures.yml", "unit: people", "unit: persons")
    run = vitrine("check", "--content", minimal_content)
    assert run.code == 1
    assert "has no text in the source language (en)" in run.stderr
    assert "create sectors/water.en.md" in run.stderr
    assert "the unit “persons” has no words in strings/en.yml" in run.stderr


def test_duplicate_identifier(vitrine: Callable[..., Run], minimal_content: Path) -> None:
    figures = minimal_content / "figures.yml"
    figures.write_text(figures.read_text() + figures.read_text())
    run = vitrine("check", "--content", minimal_content)
    assert run.code == 1
    assert "the identifier “residents” is used twice" in run.stderr


def test_usage_error_exits_2(vitrine: Callable[..., Run]) -> None:
    run = vitrine("build", "--no-such-option")
    assert run.code == 2


def test_text_citing_an_unknown_figure(vitrine: Callable[..., Run], minimal_content: Path) -> None:
    text = minimal_content / "sectors" / "water.en.md"
    replace_in(text, "[[figure:residents]]", "[[figure:resident]]")
    run = vitrine("check", "--content", minimal_content)
    assert run.code == 1
    assert f"Error in sectors/water.en.md, line {line_of(text, '[[figure:resident]]')}" in run.stderr
    assert "cites the figure “resident”" in run.stderr and "use one of: residents" in run.stderr


def test_one_sided_sector_link_is_a_warning(vitrine: Callable[..., Run], minimal_content: Path) -> None:
    replace_in(minimal_content / "sectors" / "water.yml", "projects: [marina]", "projects: []")
    run = vitrine("check", "--content", minimal_content)
    assert run.code == 0
    assert "Warning in sectors/water.yml" in run.stderr
    assert "the project “marina” belongs to this sector" in run.stderr


def test_a_misspelt_interface_key_is_an_error_with_a_suggestion(
    vitrine: Callable[..., Run], minimal_content: Path
) -> None:
    strings = minimal_content / "strings" / "de.yml"
    replace_in(strings, "  home:", "  hom:")
    run = vitrine("check", "--content", minimal_content)
    assert run.code == 1
    assert f"Error in strings/de.yml, line {line_of(strings, 'hom:')} — field “nav.hom”" in run.stderr
    assert "did you mean “nav.home”?" in run.stderr


def test_interface_keys_a_language_lacks_are_listed_in_one_warning(
    vitrine: Callable[..., Run], minimal_content: Path
) -> None:
    run = vitrine("check", "--content", minimal_content)
    assert run.code == 0
    warning = next(line for line in run.stderr.splitlines() if line.startswith("Warning in strings/de.yml"))
    assert (
        "interface texts are missing, shown in the fallback language: " in warning and "pages.sectors.title" in warning
    )


def test_a_font_that_is_not_installed_is_an_error_with_the_fonts_that_would_serve(
    vitrine: Callable[..., Run], minimal_content: Path
) -> None:
    territory = minimal_content / "territory.yml"
    replace_in(
        territory, '{code: de, name: "Deutsch", direction: ltr}', '{code: de, name: "Deutsch", font: "Noto Sanz"}'
    )
    run = vitrine("check", "--content", minimal_content)
    assert run.code == 1
    assert f"Error in territory.yml, line {line_of(territory, 'Noto Sanz')} — field “languages[2].font”" in run.stderr
    assert "the font “Noto Sanz” (Deutsch) is not installed" in run.stderr
    assert "installed fonts that can write Deutsch: Noto Sans" in run.stderr
    assert "Traceback" not in run.output


def test_a_font_that_cannot_write_the_language_is_an_error(vitrine: Callable[..., Run], minimal_content: Path) -> None:
    territory = minimal_content / "territory.yml"
    replace_in(
        territory,
        '  - {code: de, name: "Deutsch", direction: ltr}\n',
        '  - {code: de, name: "Deutsch", direction: ltr}\n  - {code: ja, name: "日本語", font: "Noto Sans Hebrew"}\n',
    )
    run = vitrine("check", "--content", minimal_content)
    assert run.code == 1
    assert "the font “Noto Sans Hebrew” cannot write 日本語" in run.stderr and "Noto Sans CJK JP" in run.stderr


def test_a_language_code_cldr_does_not_know(vitrine: Callable[..., Run], minimal_content: Path) -> None:
    territory = minimal_content / "territory.yml"
    replace_in(
        territory,
        '  - {code: de, name: "Deutsch", direction: ltr}\n',
        '  - {code: de, name: "Deutsch", direction: ltr}\n  - {code: qq, name: "Qq"}\n',
    )
    run = vitrine("check", "--content", minimal_content)
    assert run.code == 1
    assert "“qq” is not a language whose numbers and dates Vitrine can write" in run.stderr


def test_a_missing_required_legal_page_names_what_to_create(vitrine: Callable[..., Run], minimal_content: Path) -> None:
    territory = minimal_content / "territory.yml"
    replace_in(territory, "legal_pages: [accessibility]", "legal_pages: [accessibility, legal-notice]")
    run = vitrine("check", "--content", minimal_content)
    assert run.code == 1
    assert f"Error in territory.yml, line {line_of(territory, 'legal_pages')}" in run.stderr
    assert "the law of the territory requires a legal notice, and pages/ has none" in run.stderr
    assert (
        "create pages/legal-notice.yml with the line “kind: legal-notice”, and its text pages/legal-notice.en.md"
        in run.stderr
    )


def test_an_accessibility_statement_without_its_complaint_words(
    vitrine: Callable[..., Run], minimal_content: Path
) -> None:
    text = minimal_content / "pages" / "accessibility.en.md"
    replace_in(text, "    ombudsman:", "    ombudsmen:")
    run = vitrine("check", "--content", minimal_content)
    assert run.code == 1
    assert "the way to complain “ombudsman” of pages/accessibility.yml has no words in this text" in run.stderr


def test_an_event_that_ends_before_it_starts(vitrine: Callable[..., Run], minimal_content: Path) -> None:
    events = minimal_content / "events.yml"
    replace_in(events, "end: 2027-05-12", "end: 2027-05-08")
    run = vitrine("check", "--content", minimal_content)
    assert run.code == 1
    assert f"Error in events.yml, line {line_of(events, 'end:')} — field “end”" in run.stderr
    assert "the event ends (2027-05-08) before it starts (2027-05-10)" in run.stderr


def test_an_outdated_key_figure_is_a_warning_and_an_error_when_strict(
    vitrine: Callable[..., Run], minimal_content: Path
) -> None:
    territory = minimal_content / "territory.yml"
    territory.write_text(territory.read_text(encoding="utf-8") + "figures_outdated_after: 1\n", encoding="utf-8")
    replace_in(minimal_content / "figures.yml", "year: 2024", "year: 2001")
    relaxed = vitrine("check", "--content", minimal_content)
    assert relaxed.code == 0
    assert "is from 2001" in relaxed.stderr and "Warning in figures.yml, line" in relaxed.stderr
    strict = vitrine("check", "--strict", "--content", minimal_content)
    assert strict.code == 1
    found = errors_of(strict)
    assert found and found[0][0] == "figures.yml" and "look for a newer value at its source" in found[0][2]


def test_a_wrong_source_language_is_reported_alone_not_as_a_flood(
    vitrine: Callable[..., Run], reference_content: Path
) -> None:
    replace_in(reference_content / "territory.yml", "source_language: fr", "source_language: frr")
    run = vitrine("check", "--content", reference_content)
    assert run.code == 1
    found = errors_of(run)
    assert [(file, line) for file, line, _ in found] == [
        ("territory.yml", line_of(reference_content / "territory.yml", "source_language: frr"))
    ]
    assert "write source_language: fr" in found[0][2]
    assert "other problems were found, most of them caused by this one" in run.stderr


def test_the_preview_refuses_a_language_the_content_does_not_have(
    vitrine: Callable[..., Run], minimal_content: Path
) -> None:
    run = vitrine("serve", "--content", minimal_content, "--lang", "ja")
    assert run.code == 2
    assert "“ja” is not a language of this content: use one of en, de." in run.stderr
