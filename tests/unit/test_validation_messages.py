"""Validation, file by file, as staff read its messages: each kind of file has its handler, and each mistake its
words (file, line, field, what was found, what to write). The files are parsed in memory: no build."""

from __future__ import annotations

from pathlib import Path

import pytest

from vitrine.load import Document, LoadedContent, parse_yaml, split_front_matter
from vitrine.problems import Problem, Severity
from vitrine.validate import ValidContent, validate

TERRITORY = """\
id: lakeshore
site_url: "https://invest.lakeshore.example/"
source_language: en
languages:
  - {code: en, name: "English"}
  - {code: de, name: "Deutsch"}
brand: {primary: "#14532d", accent: "#b45309"}
main_contact: desk
publisher: "Lakeshore Development Agency"
"""
FIGURE = """\
- id: residents
  value: 12500
  unit: people
  year: 2024
  source: {name: Stats, url: "https://stats.example/"}
"""


def document(path: str, text: str) -> Document:
    if path.endswith(".md"):
        front, body, start = split_front_matter(text)
        assert front is not None
        data, lines, problem = parse_yaml(front, path, line_offset=start - 1)
        assert problem is None
        return Document(path, data, lines, body, start + front.count("\n") + 1)
    data, lines, problem = parse_yaml(text, path)
    assert problem is None, problem
    return Document(path, data, lines)


def validated(files: dict[str, str]) -> ValidContent:
    documents = {path: document(path, text) for path, text in {"territory.yml": TERRITORY, **files}.items()}
    return validate(LoadedContent(Path("content"), documents, []))


def only(problems: list[Problem], severity: Severity = Severity.ERROR) -> Problem:
    chosen = [p for p in problems if p.severity is severity]
    assert len(chosen) == 1, [p.format() for p in problems]
    return chosen[0]


def test_valid_files_make_items_with_their_texts() -> None:
    valid = validated({"figures.yml": FIGURE, "figures.de.yml": "residents: {label: Einwohner}\n"})
    assert valid.problems == []
    figure = valid.items["figure"]["residents"]
    assert figure.data.value == 12500 and figure.texts["de"].label == "Einwohner"
    assert valid.territory is not None and valid.territory.id == "lakeshore"


def test_a_missing_field_says_what_to_add() -> None:
    problem = only(validated({"figures.yml": FIGURE.replace("  year: 2024\n", "")}).problems)
    assert (problem.file, problem.line, problem.field) == ("figures.yml", 1, "year")
    assert problem.message == "this required field is missing from a key figure."
    assert problem.hint == "add a line “year: …” with the year the figure refers to, like 2024."


def test_an_unknown_field_lists_the_allowed_ones() -> None:
    problems = validated(
        {"figures.yml": FIGURE.replace("  unit:", "  unit:").rstrip("\n") + "\n  colour: red\n"}
    ).problems
    problem = next(p for p in problems if "not a field" in p.message)
    assert problem.message == "“colour” is not a field of a key figure."
    assert problem.hint is not None and problem.hint.startswith(
        "check the spelling; the fields allowed here are: id, value"
    )


def test_a_misspelt_field_is_one_problem_that_names_the_field_meant() -> None:
    problems = validated({"figures.yml": FIGURE.replace("  unit:", "  unitt:")}).problems
    assert [p.field for p in problems] == ["unitt"]  # not also "unit is missing"
    assert problems[0].line == 3
    assert problems[0].message == "“unitt” is not a field of a key figure: did you mean “unit”?"
    assert problems[0].hint == "write “unit:” instead of “unitt:”."


def test_a_wrong_type_quotes_what_was_found() -> None:
    problem = only(validated({"figures.yml": FIGURE.replace("year: 2024", "year: last year")}).problems)
    assert problem.line == 4 and problem.field == "year"
    assert problem.message == "found “last year”, expected the year the figure refers to, like 2024."


def test_a_number_out_of_bounds_gives_the_bound() -> None:
    problem = only(validated({"figures.yml": FIGURE.replace("year: 2024", "year: 1200")}).problems)
    assert problem.message == "found “1200”, expected the year the figure refers to, like 2024, at least 1800."


def test_a_choice_outside_the_list_names_the_choices() -> None:
    problem = only(validated({"figures.yml": FIGURE + "  display: tiny\n"}).problems)
    assert problem.field == "display" and "expected one of 'full' or 'compact'" in problem.message


def test_a_list_file_that_is_not_a_list() -> None:
    problem = only(validated({"figures.yml": "residents: 12500\n"}).problems)
    assert problem.message.startswith("this file should hold a list of items (a key figure each)")


def test_a_group_expected_where_a_text_is_written() -> None:
    problem = only(validated({"figures.yml": "- just a line\n"}).problems)
    assert problem.message == "found “just a line” where the fields of a key figure were expected."


def test_a_duplicate_identifier_points_at_the_first_one() -> None:
    problem = only(validated({"figures.yml": FIGURE + FIGURE}).problems)
    assert problem.line == 6 and problem.message == "the identifier “residents” is used twice (first on line 1)."


def test_a_text_for_an_item_that_does_not_exist() -> None:
    problem = only(validated({"figures.yml": FIGURE, "figures.de.yml": "resident: {label: Einwohner}\n"}).problems)
    assert (problem.file, problem.line, problem.field) == ("figures.de.yml", 1, "resident")
    assert (
        problem.message == "“resident” is not an identifier of figures.yml."
        and problem.hint == "use one of: residents."
    )


def test_a_folder_text_without_its_data_file() -> None:
    problem = only(validated({"sectors/water.en.md": "---\ntitle: W\nsummary: S\n---\nText.\n"}).problems)
    assert problem.message == "there is no sectors/water.yml for this text."
    assert problem.hint == "create sectors/water.yml, or rename this file after an existing one."


def test_a_text_in_an_undeclared_language() -> None:
    problem = only(validated({"figures.yml": FIGURE, "figures.it.yml": "residents: {label: Abitanti}\n"}).problems)
    assert problem.message == "this file is written for the language “it”, which territory.yml does not declare."
    assert problem.hint == "declare “it” under languages in territory.yml, or rename the file with one of: de, en."


def test_a_text_with_the_wrong_extension() -> None:
    problem = only(validated({"sectors/water.yml": "order: 1\n", "sectors/water.en.yml": "title: W\n"}).problems)
    assert problem.message == "the texts of a sector are written in .md files."
    assert problem.hint == "rename the file to water.en.md."


def test_a_file_outside_the_content_model_is_a_warning() -> None:
    problem = only(validated({"notes.yml": "- a\n"}).problems, Severity.WARNING)
    assert problem.file == "notes.yml" and "not part of the content model" in problem.message


def test_a_strings_file_that_is_not_a_group() -> None:
    problem = only(validated({"strings/en.yml": "- home\n"}).problems)
    assert problem.message == "this file should hold groups of interface texts."


@pytest.mark.parametrize("text", ["id: x\n", "- a\n"])
def test_a_territory_that_is_not_valid_leaves_no_territory(text: str) -> None:
    valid = validate(LoadedContent(Path("content"), {"territory.yml": document("territory.yml", text)}, []))
    assert valid.territory is None and valid.problems
    assert all(p.file == "territory.yml" for p in valid.problems)


def test_no_territory_file() -> None:
    problem = only(validate(LoadedContent(Path("content"), {}, [])).problems)
    assert problem.message == "the content folder has no territory.yml."
