"""What a long build tells the person waiting: a sentence when a phase starts, and counts of pages and documents
as they are made (drawn as progress bars on a terminal, as plain lines otherwise; see ``cli.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Count:
    """``done`` of the ``total`` steps of one task (the pages of a language, the PDFs of the kit)."""

    task: str
    done: int
    total: int


Progress = Callable[[str | Count], None]


def quiet(_message: str | Count) -> None:
    """For callers that show nothing."""
