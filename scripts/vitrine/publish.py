"""Stage 5, publish: build into a fresh folder beside the target, and swap it in only when complete.

A build that fails (bad content, a template error, an interruption) leaves the previous output exactly as it
was: the half-built folder is removed and the target is never touched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staging(target: Path) -> Iterator[Path]:
    """Yield an empty folder to build into; on success it replaces ``target``, on failure it is removed."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        yield fresh
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    swap_in(fresh, target)


def swap_in(fresh: Path, target: Path) -> None:
    """Put ``fresh`` in the place of ``target``; the previous output is removed only after the swap."""
    previous: Path | None = None
    if target.exists():
        previous = target.with_name(f".{target.name}.old-{os.getpid()}")
        if previous.exists():
            shutil.rmtree(previous)
        target.rename(previous)
    try:
        fresh.rename(target)
    except OSError:
        if previous is not None:
            previous.rename(target)
        raise
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)
