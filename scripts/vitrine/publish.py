"""Stage 5, publish: build into a fresh folder beside the target, and swap it in only when complete.

A build that fails (bad content, a template error, an interruption) leaves the previous output exactly as it
was: the half-built folder is removed and the target is never touched. A build killed outright (power cut, kill
-9) cannot clean up: it leaves its half-built folder beside the target, untouched otherwise, and the next build
removes it. The swap itself is one atomic exchange of the two folders (Linux ``renameat2``), so there is no moment
when the target is missing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

RENAME_EXCHANGE = 2
AT_FDCWD = -100
LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?:new|old)-(?P<pid>\d+)(?:-.*)?$")


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step; False when the system cannot (then the caller renames twice)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    done = renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE)
    return bool(done == 0)


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(target: Path) -> list[Path]:
    """Half-built folders that killed builds left beside ``target``: removed; the list of those removed."""
    removed = []
    for sibling in target.parent.glob(f".{target.name}.*"):
        found = LEFTOVER.match(sibling.name)
        if found and found["name"] == target.name and not _is_running(int(found["pid"])) and sibling.is_dir():
            shutil.rmtree(sibling, ignore_errors=True)
            removed.append(sibling)
    return removed


@contextmanager
def staging(target: Path) -> Iterator[Path]:
    """Yield an empty folder to build into; on success it replaces ``target``, on failure it is removed."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-{os.getpid()}-", dir=target.parent))
    try:
        yield fresh
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    swap_in(fresh, target)


def swap_in(fresh: Path, target: Path) -> None:
    """Put ``fresh`` in the place of ``target``; the previous output is removed only after the swap."""
    if target.exists() and _exchange(fresh, target):
        shutil.rmtree(fresh, ignore_errors=True)  # the previous output, now under the fresh folder's name
        return
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
