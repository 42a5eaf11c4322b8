"""A marker planted in every field for staff only (the schema marks them internal): the shared reference build
carries them, and a test searches every output for the marker."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from vitrine.pipeline import prepare

CANARY = "QXCANARY7731"


def plant_canaries(content: Path) -> int:
    """Write the canary into every internal field of every item; how many fields were planted."""
    model = prepare(content)
    yaml = YAML()
    yaml.preserve_quotes = True
    documents: dict[str, object] = {}
    planted = 0
    for item in model.all_items():
        fields = type(item.data).internal_fields()
        if not fields:
            continue
        file = item.origin.file
        if file not in documents:
            documents[file] = yaml.load((content / file).read_text(encoding="utf-8"))
        node = documents[file]
        for step in item.origin.path:
            node = node[step]  # type: ignore[index]
        for field in fields:
            value = f"{CANARY} {field} of {item.kind} {item.id}"
            node[field] = [value] if field == "prospects" else value  # type: ignore[index]
            planted += 1
    for file, data in documents.items():
        with (content / file).open("w", encoding="utf-8") as out:
            yaml.dump(data, out)
    return planted


def planted_canaries(content: Path) -> int:
    """How many internal fields of ``content`` carry the canary (read only)."""
    model = prepare(content)
    return sum(
        CANARY in str(getattr(item.data, field))
        for item in model.all_items()
        for field in type(item.data).internal_fields()
    )
