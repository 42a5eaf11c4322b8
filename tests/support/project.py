"""The project as tests see it: its folders, the vitrine command run as staff run it, and small readers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

PROJECT = Path(__file__).resolve().parents[2]
REFERENCE_CONTENT = PROJECT / "content"
MINIMAL_CONTENT = PROJECT / "tests" / "fixtures" / "minimal"
# A second, fictional territory: Spanish source, Hebrew (right to left) and European Portuguese, Spanish law.
BAHIA_CONTENT = PROJECT / "tests" / "fixtures" / "bahia"
VITRINE = Path(sys.executable).with_name("vitrine")
TEST_OUTPUT = PROJECT / "test-output"


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_vitrine(*args: str | Path, cwd: Path = PROJECT, env: dict[str, str] | None = None) -> Run:
    environment = {**os.environ, **env} if env else None
    done = subprocess.run(
        [str(VITRINE), *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=600, env=environment
    )
    return Run(done.returncode, done.stdout, done.stderr)


def copy_content(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def tree_digest(folder: Path) -> dict[str, bytes]:
    """Every file of a folder with its bytes, to compare a folder before and after."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
