"""Whether a build would write the same site as the last one: a digest of everything the output depends on, kept
with a listing of the folder that build published.

When the digest is the same and the published folder is as that build left it (no file added, removed or
touched), the build stops after checking the content and the kit: nothing would change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from importlib import metadata
from pathlib import Path

import vitrine
from vitrine.documents import Entry, Pack
from vitrine.whole_files import write_whole

RECORDS = Path(".vitrine") / "cache" / "builds"
# What the site reads beside the content: the theme's overrides, hand-written files, the configuration, the code,
# the locked dependencies and the map data.
PROJECT_INPUTS = ("mkdocs.yml", "overrides", "docs", "requirements.lock", "package-lock.json")
GENERATED_IN_DOCS = (".md", ".vitrine-generated.json")
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "weasyprint", "babel", "pillow", "fonttools")


def _files(folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder]
    return sorted(path for path in folder.rglob("*") if path.is_file())


def _digest_files(digest: hashlib._Hash, root: Path, files: list[Path]) -> None:
    for file in files:
        digest.update(file.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())


def inputs_digest(
    project: Path, content: Path, kit: list[Entry], packs: list[Pack], with_kit: bool, fonts: list[Path]
) -> str:
    """One digest of the content, the project's own files, the code, the kit's documents and today's date (pages
    show upcoming events)."""
    digest = hashlib.sha256()
    digest.update(f"{dt.date.today()}|{with_kit}|{sys.version}".encode())
    for name in PACKAGES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    _digest_files(digest, content, _files(content))
    package = Path(vitrine.__file__).parent
    _digest_files(digest, package, [p for p in _files(package) if p.suffix == ".py"])
    for name in PROJECT_INPUTS:
        files = [
            file
            for file in _files(project / name)
            if not (name == "docs" and (file.name.endswith(GENERATED_IN_DOCS) or "generated" in file.parts))
        ]
        if (project / name).exists():
            _digest_files(digest, project, files)
    atlas = project / "node_modules" / "world-atlas" / "package.json"
    digest.update(atlas.read_bytes() if atlas.is_file() else b"no map data")
    for font in fonts:
        stat = font.stat()
        digest.update(f"{font}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    documents = [[entry.path, entry.sha256, entry.title] for entry in kit]
    digest.update(json.dumps([documents, [[pack.path, pack.sha256] for pack in packs]]).encode())
    return digest.hexdigest()


def listing(folder: Path) -> list[tuple[str, int, int]]:
    """Every file of a published folder, with its size and modification time."""
    return sorted(
        (path.relative_to(folder).as_posix(), path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    )


def _record_of(project: Path, out: Path) -> Path:
    return project / RECORDS / f"{hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:16]}.json"


def last_warnings(project: Path, out: Path, digest: str) -> list[str] | None:
    """The warnings of the last build into ``out`` when it had the same inputs and ``out`` is as it left it;
    None when the site must be built."""
    record = _record_of(project, out)
    if not record.is_file() or not out.is_dir():
        return None
    try:
        kept = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if kept.get("digest") != digest or [tuple(row) for row in kept.get("files", [])] != listing(out):
        return None
    return [str(warning) for warning in kept.get("warnings", [])]


def remember(project: Path, out: Path, digest: str, warnings: list[str]) -> None:
    record = _record_of(project, out)
    write_whole(record, json.dumps({"digest": digest, "warnings": warnings, "files": listing(out)}))


def forget(project: Path, out: Path) -> None:
    _record_of(project, out).unlink(missing_ok=True)
