"""Two clean builds of the same content, each with empty caches, write byte-identical trees: pages, fonts, social
cards, PDFs, PowerPoint files and packs (no build time or random name leaks into a file)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.project import MINIMAL_CONTENT, PROJECT, run_vitrine, tree_digest

pytestmark = pytest.mark.slow

# What a build reads from the project besides the content (the code comes from the installed package).
PROJECT_FILES = ("mkdocs.yml", "overrides", "docs", "scripts")


def fresh_project(target: Path) -> Path:
    """A copy of the project without its caches or generated pages."""
    target.mkdir()
    for name in PROJECT_FILES:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(
                source,
                target / name,
                ignore=shutil.ignore_patterns("*.md", "generated", ".vitrine-generated.json", "__pycache__"),
            )
        else:
            shutil.copyfile(source, target / name)
    (target / "node_modules").symlink_to(PROJECT / "node_modules")
    return target


def test_two_clean_builds_are_byte_identical(tmp_path: Path) -> None:
    trees = []
    for number in (1, 2):
        project = fresh_project(tmp_path / f"project-{number}")
        out = tmp_path / f"site-{number}"
        run = run_vitrine("build", "--content", MINIMAL_CONTENT, "--out", out, cwd=project)
        assert run.code == 0, run.output
        trees.append(tree_digest(out))
    first, second = trees
    assert any(name.endswith(".pdf") for name in first) and any(name.endswith(".pptx") for name in first)
    assert any(name.endswith(".woff2") for name in first) and any("cards" in name for name in first)
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert not different, different[:10]
