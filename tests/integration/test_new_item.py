"""`vitrine new KIND SLUG`: the files of a new item, which validate at once and wait for their translations."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from support.project import BAHIA_CONTENT, Run, copy_content, tree_digest
from vitrine import scaffold
from vitrine.cli import main
from vitrine.schema import CONTENT_TYPES_BY_KIND

# One new item of each kind, with an identifier the reference content does not use.
NEW_ITEMS = [
    ("sector", "water-treatment"),
    ("project", "new-terminal"),
    ("event", "vivatech-2027"),
    ("figure", "water-use"),
    ("site", "north-business-park"),
    ("incentive", "innovation-loan"),
]


def languages_of(content: Path) -> tuple[str, list[str]]:
    """The source language and the other declared languages of a content folder."""
    territory = yaml.safe_load((content / "territory.yml").read_text(encoding="utf-8"))
    source = territory["source_language"]
    return source, [lang["code"] for lang in territory["languages"] if lang["code"] != source]


def here(*args: str | Path) -> Run:
    """A command run in this process, as the real one runs it (the subprocess costs a second a call on the
    reference content; `vitrine new` itself goes through the real command)."""
    result = CliRunner().invoke(main, [str(arg) for arg in args])
    return Run(result.exit_code, result.stdout, result.stderr)


def new_lines(before: dict[str, bytes], content: Path) -> dict[str, str]:
    """The files that changed or appeared, with what was added to them (their whole text when new)."""
    after = tree_digest(content)
    changed = {}
    for name, data in after.items():
        old = before.get(name)
        if old != data:
            assert old is None or data.startswith(old), f"{name}: what was written before is not kept as it was"
            changed[name] = data[len(old or b"") :].decode("utf-8")
    assert set(before) <= set(after), "a file disappeared"
    return changed


def assert_every_field_explained(text: str) -> None:
    """Each field line (``name: value``, ``- id: …``) comes right after a comment that explains it."""
    lines = [line for line in text.splitlines() if line.strip() not in ("", "---")]
    fields = 0
    for previous, line in itertools.pairwise(["", *lines]):
        if re.match(r"^\s*(- )?[a-z0-9_-]+:", line):
            fields += 1
            assert previous.lstrip().startswith("#"), f"no comment above “{line.strip()}”"
    assert fields >= 2


@pytest.mark.parametrize(("kind", "slug"), NEW_ITEMS)
def test_a_new_item_validates_at_once_and_waits_for_its_translations(
    vitrine: Callable[..., Run], reference_content: Path, kind: str, slug: str
) -> None:
    content_type = CONTENT_TYPES_BY_KIND[kind]
    source, others = languages_of(reference_content)
    before = tree_digest(reference_content)

    made = vitrine("new", kind, slug, "--content", reference_content)
    assert made.code == 0, made.output

    # Its data and its text in the source language, and nothing else: the other languages are not written.
    data_file, text_file = content_type.data_file(slug), content_type.text_file(slug, source)
    changed = new_lines(before, reference_content)
    assert set(changed) == {data_file, text_file}
    for file in changed:
        assert_every_field_explained(changed[file])
        assert file in made.stdout
    assert "TO COMPLETE" in changed[text_file]
    if content_type.layout == "folder":
        assert data_file not in before and text_file not in before
        assert changed[text_file].startswith("---\n")
    else:  # appended to the list files, which keep every byte they had
        assert f"- id: {slug}\n" in changed[data_file] and f"\n{slug}:\n" in changed[text_file]
    # It says what to do next.
    assert "vitrine check" in made.stdout and "vitrine status" in made.stdout

    checked = here("check", "--content", reference_content)
    assert checked.code == 0, checked.output
    assert f"“{slug}” is a draft" in checked.output  # kept out of the site until staff publish it

    status = here("status", "--content", reference_content, "--json")
    assert status.code == 0, status.output
    texts = json.loads(status.stdout)["texts"]
    states = {t["language"]: t["state"] for t in texts if t["kind"] == kind and t["id"] == slug}
    assert states == dict.fromkeys(others, "missing")
    table = here("status", "--content", reference_content)
    for language in others:
        assert f"[{language}] {kind} “{slug}” — {content_type.text_file(slug, language)}" in table.stdout


def test_a_comment_in_a_list_file_survives(vitrine: Callable[..., Run], reference_content: Path) -> None:
    figures, labels = reference_content / "figures.yml", reference_content / "figures.fr.yml"
    figures.write_text(
        figures.read_text(encoding="utf-8").replace(
            "- id: population\n", "# Staff: the census figure is refreshed every June.\n- id: population\n"
        )
        + "# Staff: keep this last line.\n",
        encoding="utf-8",
    )
    labels.write_text(labels.read_text(encoding="utf-8") + "# Libellés relus le 3 mars.\n", encoding="utf-8")
    before = {path: path.read_text(encoding="utf-8") for path in (figures, labels)}

    made = vitrine("new", "figure", "water-use", "--content", reference_content)
    assert made.code == 0, made.output

    for path, text in before.items():
        after = path.read_text(encoding="utf-8")
        assert after.startswith(text), f"{path.name} was not kept as it was"  # every comment, quote and line break
    assert "# Staff: the census figure is refreshed every June.\n- id: population\n" in figures.read_text("utf-8")
    assert "# Staff: keep this last line.\n" in figures.read_text("utf-8")
    assert "# Libellés relus le 3 mars.\n" in labels.read_text("utf-8")
    assert vitrine("check", "--content", reference_content).code == 0


@pytest.mark.parametrize(
    ("kind", "slug", "file"), [("sector", "health", "sectors/"), ("figure", "population", "figures.yml")]
)
def test_an_existing_identifier_is_refused(
    vitrine: Callable[..., Run], reference_content: Path, kind: str, slug: str, file: str
) -> None:
    before = tree_digest(reference_content)
    refused = vitrine("new", kind, slug, "--content", reference_content)
    assert refused.code == 2, refused.output
    assert f"“{slug}” exists already" in refused.stderr and file in refused.stderr
    assert "Traceback" not in refused.output
    assert tree_digest(reference_content) == before


@pytest.mark.parametrize(("slug", "suggestion"), [("Eau Propre", "eau-propre"), ("eau_é", "eau-e"), ("Water", "water")])
def test_an_identifier_that_cannot_be_an_address_is_refused(
    vitrine: Callable[..., Run], reference_content: Path, slug: str, suggestion: str
) -> None:
    before = tree_digest(reference_content)
    refused = vitrine("new", "sector", slug, "--content", reference_content)
    assert refused.code == 2, refused.output
    assert f"“{slug}” cannot be an identifier" in refused.stderr and f"like {suggestion}" in refused.stderr
    assert tree_digest(reference_content) == before


def test_an_unknown_kind_is_refused(vitrine: Callable[..., Run], reference_content: Path) -> None:
    before = tree_digest(reference_content)
    refused = vitrine("new", "widget", "water", "--content", reference_content)
    assert refused.code == 2, refused.output
    assert "widget" in refused.stderr and all(kind in refused.stderr for kind in scaffold.KINDS)
    assert tree_digest(reference_content) == before


def test_texts_for_an_identifier_that_has_no_data_are_not_merged(reference_content: Path) -> None:
    """A translation left behind for an identifier (figures.en.yml) is not adopted silently by a new figure."""
    labels = reference_content / "figures.en.yml"
    labels.write_text(labels.read_text(encoding="utf-8") + "water-use: {label: Water use}\n", encoding="utf-8")
    with pytest.raises(scaffold.Refused, match=r"figures\.en\.yml has texts for “water-use” already"):
        scaffold.create(reference_content, "figure", "water-use")


def test_list_files_that_do_not_exist_yet_are_created(vitrine: Callable[..., Run], minimal_content: Path) -> None:
    """The minimal territory has no incentives and no sites yet; its source language is English."""
    assert not (minimal_content / "incentives.yml").exists() and not (minimal_content / "sites").exists()
    for kind, slug in (("incentive", "start-up-grant"), ("site", "harbour-park")):
        made = vitrine("new", kind, slug, "--content", minimal_content)
        assert made.code == 0, made.output
        assert "created" in made.stdout
    assert (minimal_content / "incentives.en.yml").is_file() and (
        minimal_content / "sites/harbour-park.en.md"
    ).is_file()
    assert not (minimal_content / "incentives.de.yml").exists()
    checked = vitrine("check", "--content", minimal_content)
    assert checked.code == 0, checked.output


def test_the_text_is_written_in_the_source_language(vitrine: Callable[..., Run], tmp_path: Path) -> None:
    """The second territory writes Spanish first: the new text is the Spanish one."""
    content = copy_content(BAHIA_CONTENT, tmp_path / "content")
    made = vitrine("new", "project", "nuevo-muelle", "--content", content)
    assert made.code == 0, made.output
    assert sorted(p.name for p in (content / "projects").glob("nuevo-muelle.*")) == [
        "nuevo-muelle.es.md",
        "nuevo-muelle.yml",
    ]
    assert "Español" in made.stdout
    assert vitrine("check", "--content", content).code == 0


# --- the pure functions ------------------------------------------------------------------------------------

CONTEXT = scaffold.Context(
    source_language="en",
    languages={"en": "English", "de": "Deutsch"},
    today=dt.date(2026, 5, 4),
    main_contact="desk",
    units=("people",),
    places=((43.0, 5.0), (44.0, 6.0)),
    sector_orders=(1, 4),
)


@pytest.mark.parametrize("kind", scaffold.KINDS)
def test_the_placeholders_satisfy_the_schema(kind: str) -> None:
    content_type = CONTENT_TYPES_BY_KIND[kind]
    if content_type.layout == "folder":
        data = yaml.safe_load(scaffold.folder_data_text(kind, "new-one", CONTEXT))
        front = scaffold.folder_text_text(kind, "new-one", CONTEXT).split("---\n")[1]
        text = yaml.safe_load(front)
    else:
        [data] = yaml.safe_load(scaffold.list_entry_text(kind, "new-one", CONTEXT))
        text = yaml.safe_load(scaffold.list_text_entry_text(kind, "new-one", CONTEXT))["new-one"]
    parsed = content_type.data.model_validate(data)
    content_type.text.model_validate(text)
    required = {name for name, info in content_type.data.model_fields.items() if info.is_required()}
    assert required <= set(data)
    assert data["status"] == "draft" and "TO COMPLETE" in data["flag"]
    if kind == "sector":
        assert data["order"] == 5
    if "place" in data:
        assert (parsed.place.lat, parsed.place.lon) == (43.5, 5.5)  # type: ignore[attr-defined]


@pytest.mark.parametrize("value", ["no", "on", "yes", "2024", "1e3", "2024-01-01", "null", "port-traffic", "FR"])
def test_values_are_read_back_as_written(value: str) -> None:
    """The content reader is YAML 1.1 (PyYAML): an identifier such as “no” must be quoted, “port-traffic” need not."""
    written = scaffold.scalar(value)
    assert yaml.safe_load(f"key: {written}") == {"key": value}
    assert (written == value) is (value in ("port-traffic", "FR", "1e3"))


def test_a_list_written_in_the_compact_form_is_written_again_in_blocks() -> None:
    text, line = scaffold.append(
        "# Incentives.\n[{id: a, kind: grant, source: {name: x, url: 'https://a.example/'}, year: 2024}]\n",
        lambda indent: scaffold.list_entry_text("incentive", "b", CONTEXT, indent),
        "incentives.yml",
        "",
    )
    assert text.startswith("# Incentives.\n")
    assert [item["id"] for item in yaml.safe_load(text)] == ["a", "b"]
    assert text.splitlines()[line - 1].startswith("# Incentive “b”")


def test_an_indented_list_gets_an_item_at_its_own_column() -> None:
    text, _ = scaffold.append(
        "  - id: a\n    label: x\n",
        lambda indent: scaffold.list_entry_text("figure", "b", CONTEXT, indent),
        "figures.yml",
        "",
    )
    assert "\n  - id: b\n" in text and [item["id"] for item in yaml.safe_load(text)] == ["a", "b"]
