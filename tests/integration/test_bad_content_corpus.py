"""Bad content, case by case (tests/support/bad_cases.py): each copy of the minimal territory with one defect makes
`vitrine check` exit 1 with no traceback, name the file and (where the problem has one) the line, say it in plain
words, and not bury it under consequences. The check runs in this process, as `vitrine check` does (a subprocess
per case would cost 0.7 s); three cases go through the real command to show both paths agree."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from support.bad_cases import CASES, Case, apply
from support.messages import errors_of
from support.project import MINIMAL_CONTENT, Run
from vitrine.cli import main

# Words of the YAML reader and of Python that staff must never read.
JARGON = re.compile(
    r"Traceback|unexpected problem|ScannerError|ParserError|mapping values|could not find expected|"
    r"cannot start any token|<block end>|<scalar>|constructor|stream|Errno|NoneType|KeyError",
)
MOST_ERRORS = 3  # one defect, a few consequences at most


def check_here(content: Path) -> Run:
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    return Run(result.exit_code, result.stdout, result.stderr)


def broken_copy(tmp_path: Path, case: Case) -> Path:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL_CONTENT, content)
    apply(content, case[1])
    return content


def expected_line(content: Path, file: str, line: int | str | None) -> int | None:
    if line is None or isinstance(line, int):
        return line
    return next(
        i for i, text in enumerate((content / file).read_text(encoding="utf-8").splitlines(), 1) if line in text
    )


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_each_defect_is_named_with_its_file_and_line(tmp_path: Path, case: Case) -> None:
    _name, _edits, file, line, words = case
    content = broken_copy(tmp_path, case)
    run = check_here(content)
    assert run.code == 1, run.output
    assert not JARGON.search(run.output), run.stderr
    errors = errors_of(run)
    if file is None:  # no file to name: the folder itself
        assert words in run.stderr
        return
    assert 1 <= len(errors) + run.stderr.count(f"Error in {file}:") <= MOST_ERRORS, run.stderr
    named = [(at, text) for where, at, text in errors if where == file]
    if not named:  # a problem without a line ("Error in territory.yml: …")
        assert line is None and f"Error in {file}:" in run.stderr, run.stderr
        assert words in run.stderr, run.stderr
        return
    at, text = named[0]
    assert at == expected_line(content, file, line) if line is not None else at >= 1, run.stderr
    assert words in text, run.stderr
    assert "What to do:" in text, "every problem says what to write"


def test_the_corpus_is_large_and_names_lines(summary: Callable[[str], None]) -> None:
    with_line = sum(case[3] is not None for case in CASES)
    summary(f"Bad content: {len(CASES)} cases; {with_line} name the file and the line, the others the file or folder")
    assert len(CASES) >= 50
    assert with_line / len(CASES) > 0.8


@pytest.mark.parametrize("name", ["yaml-unclosed-quote", "figure-without-year", "svg-with-script"])
def test_the_real_command_says_the_same(vitrine: Callable[..., Run], tmp_path: Path, name: str) -> None:
    case = next(case for case in CASES if case[0] == name)
    content = broken_copy(tmp_path, case)
    here, there = check_here(content), vitrine("check", "--content", content)
    assert there.code == here.code == 1
    assert errors_of(there) == errors_of(here)
    assert "Traceback" not in there.output


def test_a_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINIMAL_CONTENT, content)
    water = content / "sectors" / "water.yml"
    water.write_bytes(b"\xef\xbb\xbf" + water.read_bytes())
    run = check_here(content)
    assert run.code == 0, run.stderr
