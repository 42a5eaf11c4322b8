"""A failed build leaves the previous output exactly as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from support.project import Run, tree_digest
from vitrine.publish import staging


def test_failed_build_leaves_previous_site_byte_for_byte(
    vitrine: Callable[..., Run], minimal_content: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    first = vitrine("build", "--content", minimal_content, "--out", out, "--without-kit")
    assert first.code == 0, first.output
    before = tree_digest(out)
    assert len(before) > 20

    (minimal_content / "projects" / "marina.yml").write_text("place: [broken\n")
    second = vitrine("build", "--content", minimal_content, "--out", out, "--without-kit")

    assert second.code == 1
    assert "Traceback" not in second.output
    assert "projects/marina.yml" in second.stderr
    assert tree_digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]  # no half-built folder left


def test_template_failure_also_leaves_previous_site(minimal_content: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("previous")
    try:
        with staging(out) as fresh:
            (fresh / "index.html").write_text("half")
            raise RuntimeError("a renderer failed")
    except RuntimeError:
        pass
    assert (out / "index.html").read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_successful_build_replaces_the_output(
    vitrine: Callable[..., Run], minimal_content: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "stale.html").write_text("from an older build")
    run = vitrine("build", "--content", minimal_content, "--out", out, "--without-kit")
    assert run.code == 0, run.output
    assert not (out / "stale.html").exists()
    assert (out / "index.html").is_file()
