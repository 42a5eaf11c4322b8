"""The theme's files are listed once per process for installed packages, every time for the project's folders."""

from __future__ import annotations

from pathlib import Path

import material
from jinja2 import FileSystemLoader

from vitrine.site import theme_listing


def test_the_listing_is_jinjas_own_and_sees_files_added_to_the_projects_folders(tmp_path: Path) -> None:
    installed = str(Path(material.__file__).parent / "templates")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "vitrine.css").write_text("a{}", encoding="utf-8")
    jinjas = theme_listing._JINJAS_OWN(FileSystemLoader([str(tmp_path), installed]))
    hidden = [name for name in jinjas if name.startswith(".") or "/." in name]
    expected = sorted(set(jinjas) - set(hidden))
    assert len(hidden) > 10_000, "Material's icons are hidden files, which MkDocs does not copy"
    theme_listing.install()
    try:
        assert FileSystemLoader([str(tmp_path), installed]).list_templates() == expected
        assert theme_listing._is_installed(installed) and not theme_listing._is_installed(str(tmp_path))
        (tmp_path / "assets" / "added.js").write_text("", encoding="utf-8")
        assert "assets/added.js" in FileSystemLoader([str(tmp_path), installed]).list_templates()
    finally:
        FileSystemLoader.list_templates = theme_listing._JINJAS_OWN  # type: ignore[method-assign]
