"""One ``vitrine build`` reads, checks and resolves the content once: the site and the kit are made from that one
model (the MkDocs plugin is handed it), and no data travels between them through the environment or a file."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from support.project import PROJECT
from vitrine import checks, load, validate
from vitrine.build import build


def counted(calls: Counter[str], name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls[name] += 1
        return function(*args, **kwargs)

    return wrapper


def test_one_build_loads_validates_and_resolves_the_content_once(
    minimal_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: Counter[str] = Counter()
    # Counted where the work is done (names each stage looks up when it runs), whoever calls the stage.
    monkeypatch.setattr(load, "load_file", counted(calls, "files read", load.load_file))
    monkeypatch.setattr(validate, "territory_file", counted(calls, "validations", validate.territory_file))
    monkeypatch.setattr(checks, "check_references", counted(calls, "resolutions", checks.check_references))
    environment = {name: value for name, value in os.environ.items() if name.startswith("VITRINE")}
    files = sum(1 for p in minimal_content.rglob("*") if p.suffix in (".yml", ".md"))

    report = build(PROJECT, minimal_content, tmp_path / "site", lambda message: None)

    assert report.pages == {"en": 14, "de": 13}
    assert report.kit is not None and len(report.kit.built) == 16  # 12 PDF and 4 editable PowerPoint decks
    assert calls == {"files read": files, "validations": 1, "resolutions": 1}
    ours = {name: value for name, value in os.environ.items() if name.startswith("VITRINE")}
    assert ours == environment, "the build left something in the environment"


def test_the_package_passes_no_build_data_through_the_environment() -> None:
    """Only ``vitrine serve`` sets a variable, in the environment of the MkDocs process it becomes."""
    setting = []
    for path in (PROJECT / "scripts" / "vitrine").rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if any(writes in line for writes in ("os.environ[", "putenv", "environ.update", "environ.setdefault")):
                setting.append(f"{path.name}:{number}: {line.strip()}")
    assert setting == []
