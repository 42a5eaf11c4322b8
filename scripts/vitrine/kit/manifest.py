"""``site/kit/manifest.json``: every published document with its language, kind, size, pages and checksum."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from vitrine.documents import Document, Entry, Pack
from vitrine.urls import KIT_FOLDER, go_address

MANIFEST = f"{KIT_FOLDER}/manifest.json"
MANIFEST_VERSION = 1


def describe(doc: Document, title: str, pages: int, size: int, sha256: str) -> Entry:
    return Entry(
        path=doc.path,
        language=doc.language,
        kind=doc.kind.value,
        event=doc.event,
        variant=doc.variant.value,
        pages=pages,
        bytes=size,
        sha256=sha256,
        title=title,
        sector=doc.sector,
        go=go_address(doc.code),
        format=doc.format,
    )


def read_all(path: Path) -> tuple[list[Entry], list[Pack]]:
    """The documents and the packs a manifest lists."""
    if not path.is_file():
        return [], []
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return [Entry(**entry) for entry in data.get("documents", [])], [Pack(**pack) for pack in data.get("packs", [])]


def read(path: Path) -> list[Entry]:
    return read_all(path)[0]


def merge(previous: list[Entry], fresh: list[Entry], known_paths: set[str]) -> list[Entry]:
    """The fresh entries, plus previous ones still planned that this run did not rebuild."""
    by_path = {entry.path: entry for entry in previous if entry.path in known_paths}
    by_path.update((entry.path, entry) for entry in fresh)
    return sorted(by_path.values(), key=lambda entry: entry.path)


def merge_packs(previous: list[Pack], fresh: list[Pack], events: set[str]) -> list[Pack]:
    by_event = {pack.event: pack for pack in previous if pack.event in events}
    by_event.update((pack.event, pack) for pack in fresh)
    return sorted(by_event.values(), key=lambda pack: pack.event)


def dumps(entries: list[Entry], packs: list[Pack] | None = None) -> str:
    payload = {
        "version": MANIFEST_VERSION,
        "documents": [asdict(entry) for entry in entries],
        "packs": [asdict(pack) for pack in packs or []],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
