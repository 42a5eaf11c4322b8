"""A failed build leaves the previous output exactly as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from support.project import PROJECT, VITRINE, Run, tree_digest
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


@pytest.mark.slow
def test_a_build_killed_at_any_point_leaves_the_previous_site(
    vitrine: Callable[..., Run], minimal_content: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    assert vitrine("build", "--content", minimal_content, "--out", out).code == 0
    before = tree_digest(out)
    story = minimal_content / "sectors" / "water.en.md"
    story.write_text(story.read_text(encoding="utf-8") + "\nA paragraph added after the first build.\n", "utf-8")
    seen = []
    for delay in (0.4, 1.2, 2.4, 4.0):
        build = subprocess.Popen(
            [VITRINE, "build", "--content", minimal_content, "--out", out],
            cwd=PROJECT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: the kit's workers are killed with it
        )
        time.sleep(delay)
        if build.poll() is not None:
            break  # it finished before this point: the later points cannot be reached
        os.killpg(build.pid, signal.SIGKILL)
        build.wait()
        seen.append((delay, tree_digest(out)))
    assert len(seen) >= 3
    final = vitrine("build", "--content", minimal_content, "--out", out)
    assert final.code == 0, final.output
    after = tree_digest(out)
    assert "A paragraph added after the first build." in (out / "sectors" / "water" / "index.html").read_text("utf-8")
    # Killed before the swap: the previous site, whole; killed after it: the new one, whole (builds are
    # reproducible, so it is byte for byte what the uninterrupted build wrote). Never a mixture.
    for delay, tree in seen:
        assert tree in (before, after), f"killed after {delay} s: a site that is neither the previous nor the new"
    assert seen[0][1] == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]  # what killed builds left is removed
