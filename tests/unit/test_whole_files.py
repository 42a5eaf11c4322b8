"""Cache files are written whole: the folder is made, and no partial file is left beside the result."""

from __future__ import annotations

from pathlib import Path

from vitrine.whole_files import write_whole


def test_text_and_bytes_are_written_whole_into_a_new_folder(tmp_path: Path) -> None:
    write_whole(tmp_path / "a" / "b" / "entries.json", '{"é": 1}')
    write_whole(tmp_path / "a" / "card.png", b"\x89PNG")
    write_whole(tmp_path / "a" / "card.png", b"\x89PNG again")  # replaced, not appended
    assert (tmp_path / "a" / "b" / "entries.json").read_text(encoding="utf-8") == '{"é": 1}'
    assert (tmp_path / "a" / "card.png").read_bytes() == b"\x89PNG again"
    assert sorted(path.name for path in tmp_path.rglob("*") if path.is_file()) == ["card.png", "entries.json"]
