"""JSON Schema files for the staff's editor: completion and checking of content/**/*.yml as they type."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from vitrine.schema import CONTENT_TYPES, UiStrings

SCHEMA_FOLDER = ".vscode/schemas"


def schemas() -> dict[str, tuple[dict[str, Any], list[str]]]:
    """File name -> (JSON Schema, globs of the content files it applies to)."""
    found: dict[str, tuple[dict[str, Any], list[str]]] = {}
    for content_type in CONTENT_TYPES:
        if content_type.layout == "list":
            data = TypeAdapter(list[content_type.data]).json_schema()  # type: ignore[name-defined]
            texts = TypeAdapter(dict[str, content_type.text]).json_schema()  # type: ignore[name-defined]
            data_globs = [f"content/{content_type.location}.yml"]
            text_globs = [f"content/{content_type.location}.*.yml"]
        elif content_type.layout == "single":
            data = content_type.data.model_json_schema()
            texts = content_type.text.model_json_schema()
            data_globs = [f"content/{content_type.location}.yml"]
            text_globs = [f"content/{content_type.location}.*.yml"]
        else:
            data = content_type.data.model_json_schema()
            texts = {}
            data_globs = [f"content/{content_type.location}/*.yml"]
            text_globs = []
        data["title"] = content_type.title
        found[f"{content_type.kind}.schema.json"] = (data, data_globs)
        if texts:
            texts["title"] = f"texts of {content_type.title}"
            found[f"{content_type.kind}-texts.schema.json"] = (texts, text_globs)
    found["strings.schema.json"] = (UiStrings.model_json_schema(), ["content/strings/*.yml"])
    return found


def write_schemas(project: Path) -> list[Path]:
    folder = project / SCHEMA_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (schema, _globs) in schemas().items():
        path = folder / name
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written


def vscode_settings() -> dict[str, Any]:
    """The yaml.schemas setting that maps each schema to its files (kept in .vscode/settings.json)."""
    return {f"./{SCHEMA_FOLDER}/{name}": globs for name, (_schema, globs) in schemas().items()}
