"""Reading what `vitrine check` tells staff: each problem's file, line and words."""

from __future__ import annotations

import re
from pathlib import Path

from support.project import Run

PROBLEM_LINE = re.compile(r"^Error in (?P<file>.+?), line (?P<line>\d+)")


def errors_of(run: Run) -> list[tuple[str, int, str]]:
    found = []
    lines = run.stderr.splitlines()
    for index, text in enumerate(lines):
        match = PROBLEM_LINE.match(text)
        if match:
            found.append((match["file"], int(match["line"]), text + "\n" + "\n".join(lines[index + 1 : index + 2])))
    return found


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)
