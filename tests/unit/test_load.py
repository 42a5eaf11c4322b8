"""Stage 1: files become data with the line of every value; unreadable files become problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from vitrine import load
from vitrine.load import load_content, load_file, parse_yaml, split_front_matter


def test_every_value_remembers_its_line() -> None:
    data, lines, problem = parse_yaml("- id: a\n  value: 1\n- id: b\n  value: 2\n  source:\n    name: x\n", "f.yml")
    assert problem is None
    assert data[1]["source"]["name"] == "x"
    assert lines[(0, "value")] == 2
    assert lines[(1, "id")] == 3
    assert lines[(1, "source", "name")] == 6


def test_malformed_yaml_is_a_problem_with_its_line() -> None:
    data, _lines, problem = parse_yaml("title: ok\nsummary: [unclosed\nother: 1\n", "sectors/x.fr.md")
    assert data is None and problem is not None
    assert problem.file == "sectors/x.fr.md"
    assert problem.line is not None and problem.line >= 2
    assert "cannot be read" in problem.message and problem.hint


def test_front_matter_lines_count_from_the_top_of_the_file(tmp_path: Path) -> None:
    (tmp_path / "sectors").mkdir()
    (tmp_path / "sectors" / "a.fr.md").write_text("---\ntitle: T\nsummary: S\n---\n\nBody text.\n")
    loaded = load_content(tmp_path)
    document = loaded.documents["sectors/a.fr.md"]
    assert document.lines[("summary",)] == 3
    assert document.body is not None and document.body.strip() == "Body text."
    assert document.body_line == 5


def test_markdown_without_header_block_is_reported(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "about.fr.md").write_text("Just text\n")
    loaded = load_content(tmp_path)
    assert [p.file for p in loaded.problems] == ["pages/about.fr.md"]
    assert "header block" in loaded.problems[0].message


def test_split_front_matter_without_closing_line() -> None:
    front, body, _start = split_front_matter("---\ntitle: x\n")
    assert front is None and body.startswith("---")


def test_missing_content_folder(tmp_path: Path) -> None:
    loaded = load_content(tmp_path / "nope")
    assert loaded.problems and "does not exist" in loaded.problems[0].message


def test_a_huge_text_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "sectors" / "water.en.md"
    huge.parent.mkdir()
    with huge.open("w", encoding="utf-8") as out:
        out.write("---\ntitle: Water\n---\n")
        out.write(("A paragraph of text. " * 50 + "\n\n") * 50_000)  # about 50 MB
    document, problem = load_file(tmp_path, huge)
    assert document is None and problem is not None
    assert problem.file == "sectors/water.en.md" and "MB" in problem.message and problem.hint


def _yaml_parts(folder: Path) -> list[tuple[str, str, int]]:
    """The YAML of every content file under ``folder``: (name, text, line offset), front matter included."""
    parts = []
    for file in sorted(folder.rglob("*")):
        if file.suffix == ".yml":
            parts.append((file.as_posix(), file.read_text(encoding="utf-8"), 0))
        elif file.suffix == ".md":
            front, _body, start = split_front_matter(file.read_text(encoding="utf-8"))
            if front is not None:
                parts.append((file.as_posix(), front, start - 1))
    return parts


def test_libyaml_reads_every_content_file_as_the_reader_in_python_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """Well-formed files are read by libyaml (C) for speed: the data and every line are the same."""
    project = Path(__file__).resolve().parents[2]
    parts = [part for folder in ("content", "tests/fixtures") for part in _yaml_parts(project / folder)]
    assert len(parts) > 300
    fast = [load._parse_with_libyaml(text, offset) for _name, text, offset in parts]
    assert all(result is not None for result in fast)
    monkeypatch.setattr(load, "_parse_with_libyaml", lambda text, offset: None)
    slow = [load._parse_yaml(text, name, offset) for name, text, offset in parts]  # not what parse_yaml kept
    assert [(data, lines) for data, lines, _problem in slow] == [result[:2] for result in fast if result is not None]


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # an alias: the reader in Python refuses it in plain words
        "a: &x 1\n",
        "a: " + "[" * 60 + "]" * 60 + "\n",  # nesting libyaml would compose by recursion in C
        "a: 1\na: 2\n",  # twice the same field
        "date: 2024-02-30\n",
        "title: [unclosed\n",
        "n: " + "9" * 200 + "\n",
    ],
)
def test_what_libyaml_cannot_read_plainly_is_left_to_the_reader_in_python(text: str) -> None:
    assert load._parse_with_libyaml(text, 0) is None
    _data, _lines, problem = parse_yaml(text, "x.yml")
    assert problem is not None and problem.hint


def test_a_text_read_again_gives_the_same_data_as_a_new_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The live preview reads every content file after each save: a text read before is not parsed again, and
    each reader gets data of its own (changing it changes nothing for the next reader)."""
    text = "title: Eau\nfigures:\n  - id: jobs\n    value: 1200\n"
    first = parse_yaml(text, "sectors/water.fr.md", 3)
    parsed: list[str] = []
    monkeypatch.setattr(load, "_parse_with_libyaml", lambda *_args: parsed.append("again"))
    first[0]["figures"][0]["value"] = 0
    first[1].clear()
    again = parse_yaml(text, "sectors/water.fr.md", 3)
    assert parsed == []
    assert again[0] == {"title": "Eau", "figures": [{"id": "jobs", "value": 1200}]}
    assert again[1][("figures", 0, "value")] == 7
    assert again[0] is not first[0]
    elsewhere = parse_yaml(text, "sectors/water.fr.md", 10)  # another place in the file: other lines
    assert parsed == ["again"] and elsewhere[1][("figures", 0, "value")] == 14
    broken = parse_yaml("title: [unclosed\n", "sectors/broken.fr.md")
    assert broken[2] is not None and parse_yaml("title: [unclosed\n", "sectors/broken.fr.md")[2] == broken[2]
