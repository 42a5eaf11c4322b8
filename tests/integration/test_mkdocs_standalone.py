"""mkdocs.yml stays a normal MkDocs configuration: `mkdocs build` and `mkdocs serve` work on their own."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from support.project import MINIMAL_CONTENT, PROJECT
from vitrine.cli import preview_environment

MKDOCS = Path(sys.executable).with_name("mkdocs")
VITRINE_BIN = Path(sys.executable).with_name("vitrine")


def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's configuration and templates with the minimal content, away from docs/."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(PROJECT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(PROJECT / "overrides", project / "overrides")
    shutil.copytree(
        PROJECT / "docs" / "assets", project / "docs" / "assets", ignore=shutil.ignore_patterns("generated")
    )
    (project / "scripts").mkdir()
    shutil.copytree(MINIMAL_CONTENT, project / "content")
    return project


def test_mkdocs_build_alone_generates_pages_once(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    environment = {k: v for k, v in os.environ.items() if k != "VITRINE_CONTENT"}
    command = [str(MKDOCS), "build", "--quiet", "-d", str(tmp_path / "out")]
    first = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "out" / "de" / "sectors" / "water" / "index.html").is_file()
    generated = project / "docs" / "sectors" / "water.en.md"
    assert generated.is_file()
    stamp = generated.stat().st_mtime_ns
    time.sleep(0.05)
    second = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stderr
    assert generated.stat().st_mtime_ns == stamp, "an unchanged page was rewritten (live reload would loop)"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def wait_for(url: str, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if needle in fetch(url):
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def builds_logged(log: Path) -> int:
    return log.read_text(encoding="utf-8", errors="replace").count("Building documentation")


def test_serve_rebuilds_once_when_content_changes(tmp_path: Path) -> None:
    """An edit in content/ rebuilds the preview once (the pages it writes into docs/ do not start another build),
    and so does a change to a hand-written file of docs/assets/."""
    project = project_copy(tmp_path)
    port = free_port()
    log = tmp_path / "serve.log"
    scratch = Path(preview_environment(project / "content", "").get("TMPDIR") or tempfile.gettempdir())
    copies_before = set(scratch.glob("mkdocs_*"))
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [str(VITRINE_BIN), "serve", "--addr", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
        )
    try:
        page = f"http://127.0.0.1:{port}/sectors/water/"
        assert wait_for(page, "Water technologies", 90), "the preview did not start"
        text = project / "content" / "sectors" / "water.en.md"
        text.write_text(text.read_text().replace("Water technologies", "Clean water technologies"))
        assert wait_for(page, "Clean water technologies", 90), "the preview did not rebuild after a content change"
        time.sleep(3)  # a second build would start within a second of the first one's end (0.5 s polling)
        assert builds_logged(log) == 2, log.read_text(encoding="utf-8")
        style = project / "docs" / "assets" / "vitrine.css"
        style.write_text(style.read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")
        deadline = time.monotonic() + 60
        while builds_logged(log) < 3 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert builds_logged(log) == 3, "the preview did not rebuild after docs/assets/vitrine.css changed"
        server.terminate()
        assert server.wait(timeout=20) == 0, log.read_text(encoding="utf-8")
        assert set(scratch.glob("mkdocs_*")) == copies_before, "the preview left its copy of the site behind"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def test_the_preview_of_another_language_builds_its_pages_and_the_source_home_only(tmp_path: Path) -> None:
    """vitrine serve --lang de: every German page, and of the source language only the home page (MkDocs builds
    that language first all the same), with no warning about pages left out."""
    project = project_copy(tmp_path)
    environment = {
        **{k: v for k, v in os.environ.items() if k != "VITRINE_CONTENT"},
        "VITRINE_PREVIEW_LANGUAGE": "de",
        "VITRINE_PREVIEW": "true",
    }
    out = tmp_path / "out"
    command = [str(MKDOCS), "build", "-d", str(out)]
    run = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert [line for line in run.stderr.splitlines() if line.startswith("WARNING")] == [], run.stderr
    german = {page.parent.relative_to(out / "de").as_posix() for page in (out / "de").rglob("index.html")}
    assert {".", "sectors/water"} <= german and len(german) > 10
    source = {page.parent.as_posix() for page in out.rglob("index.html") if page.relative_to(out).parts[0] != "de"}
    assert source == {out.as_posix()}


# What `vitrine serve` does when a file is saved, twice in one process (preview_shortcuts.py keeps what the first
# build made); it prints how many pages' Markdown the second build took from the first.
REBUILD_AFTER_AN_EDIT = """
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from vitrine.site import preview_shortcuts

site, text, before, after = sys.argv[1:]
def rebuild():
    config = load_config(config_file="mkdocs.yml", site_dir=site)
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")
    config.plugins.on_shutdown()
rebuild()
kept = len(preview_shortcuts._rendered)
page = Path(text)
page.write_text(page.read_text(encoding="utf-8").replace(before, after), encoding="utf-8")
rebuild()
print(kept, len(preview_shortcuts._rendered))
"""


def test_a_preview_rebuild_after_an_edit_writes_what_a_new_build_writes(tmp_path: Path) -> None:
    """The live preview keeps each page's HTML from Markdown and its search entries between rebuilds: after an
    edit, its site is byte for byte the one a new process builds from the edited content, without any cache."""
    project = project_copy(tmp_path)
    environment = {**{k: v for k, v in os.environ.items() if k != "VITRINE_CONTENT"}, "VITRINE_PREVIEW": "true"}
    edited = tmp_path / "edited"
    added = "\n\n## Suppliers\n\nValves and meters come from [the projects](../projects/index.md) nearby."
    text = "content/sectors/water.en.md"
    run = subprocess.run(
        [sys.executable, "-c", REBUILD_AFTER_AN_EDIT, str(edited), text, "a year.", "a year." + added],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    kept_first, kept_after = (int(count) for count in run.stdout.split())
    assert kept_first > 20 and kept_after == kept_first + 2, "the edited page in two languages, the others kept"
    fresh = tmp_path / "fresh"
    command = [str(MKDOCS), "build", "--quiet", "-d", str(fresh)]
    new = subprocess.run(
        command, cwd=project, env={**environment, "VITRINE_PAGE_CACHE": ""}, capture_output=True, text=True, timeout=300
    )
    assert new.returncode == 0, new.stderr
    files = sorted(path.relative_to(fresh) for path in fresh.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(edited) for path in edited.rglob("*") if path.is_file())
    assert [name for name in files if (edited / name).read_bytes() != (fresh / name).read_bytes()] == []
    page = (edited / "sectors" / "water" / "index.html").read_text(encoding="utf-8")
    assert 'id="suppliers"' in page and "Valves and meters" in page and 'href="../../projects/"' in page
    assert "Valves and meters" in (edited / "search" / "search_index.json").read_text(encoding="utf-8")
