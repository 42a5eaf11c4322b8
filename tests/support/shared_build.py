"""Builds shared by every worker of a test run: the first worker to ask builds, the others wait and reuse it.

pytest-xdist runs tests in several processes, each with its own session fixtures; a build of the reference content
(7 languages, 119 PDFs) is made once per run instead of once per process, guarded by a lock file in the run's
temporary folder, which every worker shares.
"""

from __future__ import annotations

import fcntl
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

DONE = "build.json"


@contextmanager
def locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def shared_build(folder: Path, build: Callable[[Path], None]) -> Path:
    """``folder``/site, built by ``build`` once for the whole run. A failed build is tried again by the next
    worker that asks (and fails its tests with the same message), never reused."""
    with locked(folder.with_name(folder.name + ".lock")):
        done = folder / DONE
        if not done.is_file():
            build(folder)
            done.write_text(json.dumps({"site": "site"}), encoding="utf-8")
    return folder / "site"
