"""Problems found in the content, worded for the staff who edit it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import total_ordering


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@total_ordering
@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a look) in one place of the content folder; problems sort by file, then line (a
    problem of the whole file, without a line, first)."""

    file: str
    line: int | None
    field: str | None
    message: str
    hint: str | None = None
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        where = self.file if self.line is None else f"{self.file}, line {self.line}"
        label = "Error" if self.severity is Severity.ERROR else "Warning"
        field = f" — field “{self.field}”" if self.field else ""
        text = f"{label} in {where}{field}: {self.message}"
        if self.hint:
            text += f"\n    What to do: {self.hint}"
        return text

    def sort_key(self) -> tuple[str, int, str, str, str, str]:
        # Not the fields themselves: a line or a field may be None, which does not compare with a number or a text.
        return (self.file, self.line or 0, self.field or "", self.message, self.hint or "", self.severity.value)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return self.sort_key() < other.sort_key()


class ContentErrors(Exception):
    """Raised when the content cannot be built; carries every problem found, not only the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        errors = [p for p in self.problems if p.severity is Severity.ERROR]
        lines = [p.format() for p in errors]
        lines.append(f"{len(errors)} error{'s' if len(errors) != 1 else ''} in the content: nothing was published.")
        return "\n".join(lines)


def errors_in(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


@dataclass
class Collector:
    """The problems one stage finds, in the order it finds them; the stage goes on after each one."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def error(self, file: str, line: int | None, field: str | None, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(file, line, field, message, hint))

    def warning(self, file: str, line: int | None, field: str | None, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(file, line, field, message, hint, Severity.WARNING))
