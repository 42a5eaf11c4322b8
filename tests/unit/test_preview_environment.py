"""vitrine serve: MkDocs' copy of the site goes into memory when there is room for it, on the disk otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from vitrine import cli


def test_the_preview_is_written_in_memory_when_it_has_room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "PREVIEW_IN_MEMORY", tmp_path)
    environment = cli.preview_environment(tmp_path / "content", "ja")
    assert environment["TMPDIR"] == str(tmp_path)
    assert environment[cli.CONTENT_ENV] == str(tmp_path / "content")
    assert environment[cli.PREVIEW_LANGUAGE_ENV] == "ja" and environment["VITRINE_PREVIEW"] == "true"


def test_a_small_or_missing_memory_folder_leaves_the_preview_on_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "PREVIEW_IN_MEMORY", tmp_path)
    monkeypatch.setattr(cli, "PREVIEW_MEMORY_AT_LEAST", 1 << 62)  # more than any disk holds
    assert "TMPDIR" not in cli.preview_environment(tmp_path, "")
    monkeypatch.setattr(cli, "PREVIEW_IN_MEMORY", tmp_path / "missing")
    monkeypatch.setattr(cli, "PREVIEW_MEMORY_AT_LEAST", 1)
    assert "TMPDIR" not in cli.preview_environment(tmp_path, "")
