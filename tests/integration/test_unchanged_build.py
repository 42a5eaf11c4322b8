"""A build with nothing changed leaves the published folder as it was, in a fraction of a build; a change to the
published folder, or to the content, builds again."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from support.project import Run, tree_digest
from vitrine.build_inputs import listing

pytestmark = pytest.mark.slow


def test_nothing_changed_a_file_removed_then_one_text_changed(
    vitrine: Callable[..., Run], minimal_content: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"

    def build() -> Run:
        result = vitrine("build", "--content", minimal_content, "--out", out, "--without-kit")
        assert result.code == 0, result.output
        return result

    first = build()
    assert "Site built" in first.output
    # Not a terminal: no progress bar drawn, one plain line per finished language.
    assert re.search(r"Pages in “en”: (\d+) of \1 done", first.output), first.output
    assert "━" not in first.output
    files, before = listing(out), tree_digest(out)

    second = build()
    assert "Nothing to do" in second.output and "Rendering the pages" not in second.output
    assert listing(out) == files  # not a file written again: same sizes and times

    (out / "index.html").unlink()  # the published folder touched by hand: built again
    assert "Site built" in build().output and (out / "index.html").is_file()

    story = minimal_content / "projects" / "marina.en.md"
    story.write_text(story.read_text(encoding="utf-8") + "\nA new pontoon opened in 2026.\n", encoding="utf-8")
    third = build()
    assert "Site built" in third.output
    assert "A new pontoon opened in 2026." in (out / "projects" / "marina" / "index.html").read_text("utf-8")
    assert tree_digest(out) != before
