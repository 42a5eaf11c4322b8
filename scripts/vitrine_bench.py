"""``make bench``: build time, CPU time and peak memory of Vitrine, measured on a scratch copy of the project.

Prints Markdown tables and writes test-output/bench/bench.json. It never fails on time (targets are reported as met
or missed); it exits non-zero only when a build itself fails.

Measured, each as a child process (wall time; CPU time = user + system of the process and of the processes it
waited for, such as the kit's workers; peak memory = the largest resident size of any single one of them):

1. the reference content: a clean build (site + kit, no cache, no generated page), the same build with nothing
   changed, then a build after one sentence was added to the first paragraph of a French sector text;
2. the site alone (``--without-kit``) into a new folder, twice: the first renders again the pages that list the
   kit's documents (without the kit they list none); the second, caches warm, against a bare ``mkdocs build`` of
   the same generated pages (Material, search and mkdocs-static-i18n with the same languages and menus; no vitrine
   plugin, so Material's own page template), in the same run; the clean site build of 3. is set against it too;
3. synthetic content ten times larger (60 sectors, 200 projects, 7 languages), site alone from a clean state,
   against the same clean build of the reference content.

The project itself (site/, .vitrine/, docs/) is never touched: everything runs in a copy under the temporary
folder, with the copy's own package imported first (PYTHONPATH) and the environment (.venv, node_modules) linked.

Usage: .venv/bin/python scripts/vitrine_bench.py  (make bench)
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
BIN = PROJECT / ".venv" / "bin"
PYTHON, VITRINE, MKDOCS = BIN / "python", BIN / "vitrine", BIN / "mkdocs"
REPORT = PROJECT / "test-output" / "bench" / "bench.json"
# Not copied: outputs, caches and the environment (linked instead).
SKIPPED = {"site", ".vitrine", "test-output", "node_modules", ".venv", ".git", ".mypy_cache", ".ruff_cache"}
SKIPPED |= {".pytest_cache", "vitrine-error.log"}
LINKED = (".venv", "node_modules")

SECTORS, PROJECTS = 60, 200
EDITED_TEXT = Path("sectors") / "health.fr.md"
ADDED_SENTENCE = " Cette phrase a été ajoutée par la mesure des temps de construction."
TARGET_BARE_RATIO = 1.25
TARGET_SCALE_RATIO = 10.0
TARGET_MEMORY = 2 * 1024**3
TARGET_PREVIEW = 2.0  # seconds: the live preview shows an edited page
MIB = 1024**2

PHASE = re.compile(r"^\s*… (.+)$")
PAGES = re.compile(r"^\s+.+ \(([\w-]+)\): (\d+) pages$")
KIT = re.compile(r"Pitch kit: (\d+) documents .*?, (\d+) made and (\d+) unchanged, in ([\d.]+) s")
FRONT_TITLE = re.compile(r"^title: (.+)$", re.MULTILINE)
ORDER = re.compile(r"^order: *(\d+)", re.MULTILINE)


@dataclass
class Run:
    key: str
    label: str
    command: list[str]
    wall: float = 0.0  # seconds
    cpu: float = 0.0  # seconds, user + system, with the processes it waited for
    user: float = 0.0
    system: float = 0.0
    peak: int = 0  # bytes: ru_maxrss, the largest single process
    returncode: int | None = None
    pages: dict[str, int] = field(default_factory=dict)
    phases: list[tuple[str, float]] = field(default_factory=list)  # progress lines and the seconds until the next
    kit: dict[str, float] = field(default_factory=dict)
    other_cpu: float = 0.0  # seconds of CPU the rest of the machine used meanwhile (/proc/stat), a noise gauge
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def page_count(self) -> int:
        return sum(self.pages.values())


def measure(key: str, label: str, command: Sequence[str | Path], cwd: Path, env: dict[str, str]) -> Run:
    """Run ``command`` as a child and measure it: os.wait4 gives its CPU time (with that of the processes it waited
    for) and the peak resident size of the largest of them. Its progress lines are timed as they arrive."""
    run = Run(key, label, [str(part) for part in command])
    machine_before = machine_cpu()
    print(f"  {label} …", file=sys.stderr, flush=True)
    started = time.perf_counter()
    marks: list[tuple[float, str]] = []
    lines: list[str] = []
    process = subprocess.Popen(
        run.command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace"
    )
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line.rstrip("\n"))
        if found := PHASE.match(line):
            marks.append((time.perf_counter() - started, found.group(1).strip()))
    _pid, status, usage = os.wait4(process.pid, 0)
    run.wall = time.perf_counter() - started
    process.returncode = run.returncode = os.waitstatus_to_exitcode(status)
    run.user, run.system = usage.ru_utime, usage.ru_stime
    run.cpu = run.user + run.system
    run.other_cpu = round(max(0.0, machine_cpu() - machine_before - run.cpu), 1)
    run.peak = usage.ru_maxrss * 1024  # kilobytes on Linux
    ends = [at for at, _ in marks[1:]] + [run.wall]
    run.phases = [(name, round(end - at, 2)) for (at, name), end in zip(marks, ends, strict=False)]
    languages = [i for i, (name, _) in enumerate(run.phases) if name.startswith("Rendering the pages in")]
    if languages:  # the steps after MkDocs (search indexes, font slices…) print no line: they end the last language
        name, spent = run.phases[languages[-1]]
        run.phases[languages[-1]] = (f"{name.rstrip('…')} + the steps after MkDocs", spent)
    for line in lines:
        if found := PAGES.match(line):
            run.pages[found.group(1)] = int(found.group(2))
        if found := KIT.search(line):
            documents, made, _unchanged, seconds = found.groups()
            run.kit = {"documents": int(documents), "made": int(made), "seconds": float(seconds)}
    if not run.ok:
        run.error = "\n".join(lines[-25:])
        print(f"    failed (exit {run.returncode}):\n{run.error}", file=sys.stderr)
    else:
        print(f"    {run.wall:.1f} s wall, {run.cpu:.1f} s CPU, {run.peak / MIB:.0f} MiB", file=sys.stderr)
    return run


def machine_cpu() -> float:
    """Seconds of CPU the whole machine has spent busy since it started (0 where /proc/stat is missing)."""
    try:
        fields = Path("/proc/stat").read_text(encoding="ascii").split("\n", 1)[0].split()[1:]
    except OSError:
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(value) for value in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


# --- the scratch copy ------------------------------------------------------------------------------------------


def copy_project(target: Path) -> Path:
    """The working tree without its outputs and caches; the environment linked, not copied."""

    def ignored(folder: str, names: list[str]) -> set[str]:
        top = Path(folder).resolve() == PROJECT
        return {name for name in names if name == "__pycache__" or (top and name in SKIPPED)}

    shutil.copytree(PROJECT, target, symlinks=True, ignore=ignored)
    for name in LINKED:
        (target / name).symlink_to(PROJECT / name)
    return target


def clean(project: Path, *outs: Path) -> None:
    """What a clean build starts from: no site, no cache, no generated page (as scripts/benchmark-build does)."""
    for folder in (project / "site", project / ".vitrine", project / "docs" / "assets" / "generated", *outs):
        shutil.rmtree(folder, ignore_errors=True)
    for pattern in ("*.md", ".vitrine-generated.json"):
        for file in (project / "docs").rglob(pattern):
            file.unlink()


def child_environment(project: Path) -> dict[str, str]:
    """The copy's package first on the path (the editable install points at the project's own scripts/)."""
    env = {key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "VITRINE_CONTENT"}}
    env.update(PYTHONPATH=str(project / "scripts"), PYTHONUNBUFFERED="1", PYTHONDONTWRITEBYTECODE="1")
    return env


def imported_package(project: Path, env: dict[str, str]) -> str:
    found = subprocess.run(
        [str(PYTHON), "-c", "import vitrine; print(vitrine.__file__)"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not Path(found).resolve().is_relative_to(project.resolve()):
        raise SystemExit(f"The copy's package is not the one imported: {found}")
    return found


def edit_french_paragraph(content: Path) -> str:
    """Add a sentence to the first paragraph of the body of a French sector text; return the file."""
    file = content / EDITED_TEXT
    text = file.read_text(encoding="utf-8")
    front, separator, body = text.partition("\n---\n")  # the front matter opens the file with its own "---"
    paragraphs = body.split("\n\n")
    first = next(i for i, p in enumerate(paragraphs) if p.strip() and not p.lstrip().startswith("#"))
    paragraphs[first] = paragraphs[first].rstrip("\n") + ADDED_SENTENCE
    file.write_text(front + separator + "\n\n".join(paragraphs), encoding="utf-8")
    return EDITED_TEXT.as_posix()


# --- synthetic content -----------------------------------------------------------------------------------------


def numbered_title(text: str, number: int) -> str:
    """The text file with `` N`` at the end of its title (the titles are one line, quoted or not)."""

    def numbered(found: re.Match[str]) -> str:
        value = found.group(1).rstrip()
        if len(value) > 1 and value[0] in "\"'" and value[-1] == value[0]:
            return f"title: {value[:-1]} {number}{value[-1]}"
        return f"title: {value} {number}"

    front, separator, body = text.partition("\n---\n")
    return FRONT_TITLE.sub(numbered, front, count=1) + separator + body


def clone_items(folder: Path, total: int) -> int:
    """Copies of the items of ``folder`` (their data file and every text file) under new identifiers, until there
    are ``total``; the copies keep their references to the reference's items, which stay valid."""
    originals = sorted(path.name.removesuffix(".yml") for path in folder.glob("*.yml"))
    count, copy = len(originals), 0
    while count < total:
        copy += 1
        for original in originals:
            if count >= total:
                break
            new = f"{original}-x{copy}"
            for file in folder.glob(f"{original}.*"):
                suffix = file.name.removeprefix(original)
                text = file.read_text(encoding="utf-8")
                if suffix == ".yml":
                    text = ORDER.sub(lambda found, shift=10 * copy: f"order: {int(found.group(1)) + shift}", text, 1)
                elif suffix.endswith(".md"):
                    text = numbered_title(text, copy + 1)
                (folder / f"{new}{suffix}").write_text(text, encoding="utf-8")
            count += 1
    return count


def synthetic_content(reference: Path, target: Path, project: Path, env: dict[str, str]) -> dict[str, Any]:
    """60 sectors and 200 projects in every language, their translations stamped as up to date, checked."""
    started = time.perf_counter()
    shutil.copytree(reference, target)
    sectors = clone_items(target / "sectors", SECTORS)
    projects = clone_items(target / "projects", PROJECTS)
    # The titles changed in every language: the translations are stamped again, as a translator would after review.
    languages = json.loads(helper(project, env, "--stamp", target))
    check = subprocess.run(
        [str(VITRINE), "check", "--content", str(target)], cwd=project, env=env, capture_output=True, text=True
    )
    status = json.loads(
        subprocess.run(
            [str(VITRINE), "status", "--json", "--content", str(target)],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    stale = sum(counts["stale"] + counts["missing"] for counts in status["languages"].values())
    return {
        "sectors": sectors,
        "projects": projects,
        "languages": languages,
        "valid": check.returncode == 0,
        "check": check.stdout.strip() if check.returncode == 0 else check.stderr.strip()[-2000:],
        "translations_not_up_to_date": stale,
        "seconds_to_generate": round(time.perf_counter() - started, 1),
    }


# --- bare MkDocs -----------------------------------------------------------------------------------------------


def helper(project: Path, env: dict[str, str], *arguments: str | Path) -> str:
    """This file run with the copy's package: answers that need the content's model."""
    return subprocess.run(
        [str(PYTHON), __file__, *map(str, arguments)], cwd=project, env=env, capture_output=True, text=True, check=True
    ).stdout


def bare_mkdocs(project: Path, env: dict[str, str], scratch: Path) -> Path:
    """A configuration for ``mkdocs build`` of the pages the last build generated into docs/: mkdocs.yml without
    the vitrine plugin nor the theme overrides (whose templates need the plugin's context), the same Markdown
    extensions, search, and mkdocs-static-i18n with the languages and menus the plugin would hand it. The pages
    are copied to a folder of their own with their ``template:`` line removed, so that Material's main.html
    renders each of them."""
    from ruamel.yaml import YAML

    docs = scratch / "bare-docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(project / "docs", docs)
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            front, separator, body = text[4:].partition("\n---\n")
            front = re.sub(r"^template: .*\n?", "", front, flags=re.MULTILINE)
            page.write_text("---\n" + front + separator + body, encoding="utf-8")
    yaml = YAML()  # round trip: keeps the !!python tag of the toc's slugify
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(scratch / "bare-site")
    config["theme"].pop("custom_dir", None)
    plugins = []
    for plugin in config["plugins"]:
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name == "vitrine":
            continue
        if name == "i18n":
            plugin["i18n"]["languages"] = json.loads(helper(project, env, "--i18n-languages", project / "content"))
        plugins.append(plugin)
    config["plugins"] = plugins
    target = scratch / "mkdocs-bare.yml"
    with target.open("w", encoding="utf-8") as file:
        yaml.dump(config, file)
    return target


# --- report ----------------------------------------------------------------------------------------------------


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def ratio(numerator: Run | None, denominator: Run | None) -> float | None:
    if numerator is None or denominator is None or not (numerator.ok and denominator.ok) or denominator.wall <= 0:
        return None
    return numerator.wall / denominator.wall


def verdict(value: float | None, limit: float) -> str:
    return "n/a" if value is None else ("met" if value <= limit else "missed")


def report(runs: dict[str, Run], extra: dict[str, Any], scratch_note: str) -> dict[str, Any]:
    def seconds(value: float, run: Run) -> str:
        return f"{value:.1f}" if run.ok else "failed"

    rows = [
        (
            run.label,
            seconds(run.wall, run),
            seconds(run.cpu, run),
            f"{run.peak / MIB:.0f}" if run.ok else "failed",
            str(run.page_count) if run.pages else "—",
        )
        for run in runs.values()
    ]
    print(table(("build", "wall (s)", "CPU (s)", "peak memory (MiB)¹", "pages"), rows))
    print(
        "\n¹ ru_maxrss: the resident size of the largest single process (the build or one of its workers), "
        "not their sum. CPU = user + system of the build and of the processes it waited for."
    )

    bare_ratio = ratio(runs.get("site"), runs.get("bare"))
    clean_bare_ratio = ratio(runs.get("reference-site"), runs.get("bare"))
    scale_ratio = ratio(runs.get("big"), runs.get("reference-site"))
    big = runs.get("big")
    memory = big.peak if big is not None and big.ok else None
    targets = {
        "site from a clean state / bare mkdocs": {"value": clean_bare_ratio},
        "site / bare mkdocs": {
            "value": bare_ratio,
            "target": TARGET_BARE_RATIO,
            "verdict": verdict(bare_ratio, TARGET_BARE_RATIO),
        },
        "synthetic ×10 / reference (site, clean)": {
            "value": scale_ratio,
            "target": TARGET_SCALE_RATIO,
            "verdict": verdict(scale_ratio, TARGET_SCALE_RATIO),
        },
        "synthetic ×10 peak memory (bytes)": {
            "value": memory,
            "target": TARGET_MEMORY,
            "verdict": verdict(memory, TARGET_MEMORY),
        },
    }
    bare = runs.get("bare")
    target_rows = [
        (
            "site alone / bare mkdocs (same pages, same run)",
            "n/a" if bare_ratio is None else f"{bare_ratio:.2f}×",
            f"≤ {TARGET_BARE_RATIO}×",
            targets["site / bare mkdocs"]["verdict"],
        ),
        (
            "site alone from a clean state (social cards, font subsets, images made) / bare mkdocs",
            "n/a" if clean_bare_ratio is None else f"{clean_bare_ratio:.2f}×",
            "(no target)",
            "—",
        ),
        (
            "synthetic ×10 / reference, site clean build",
            "n/a" if scale_ratio is None else f"{scale_ratio:.2f}×",
            f"≤ {TARGET_SCALE_RATIO:.0f}×",
            targets["synthetic ×10 / reference (site, clean)"]["verdict"],
        ),
        *(
            (
                f"live preview ({name}): rebuild after an edit",
                f"{seconds['after_edit']:.1f} s",
                f"≤ {TARGET_PREVIEW:.0f} s",
                verdict(seconds["after_edit"], TARGET_PREVIEW),
            )
            for name, seconds in extra.get("preview", {}).items()
        ),
        (
            "synthetic ×10 peak memory",
            "n/a" if memory is None else f"{memory / 1024**3:.2f} GiB",
            "< 2 GiB",
            targets["synthetic ×10 peak memory (bytes)"]["verdict"],
        ),
    ]
    print()
    print(table(("target", "measured", "target", "met / missed"), target_rows))
    if bare is not None and not bare.ok:
        print(f"\nThe bare mkdocs build failed: {bare.error.splitlines()[-1] if bare.error else 'no output'}")

    notes = []
    clean_run = runs.get("clean")
    if clean_run is not None and clean_run.ok and clean_run.kit:
        kit = clean_run.kit
        per_document = kit["seconds"] / max(kit["documents"], 1)
        extra["kit"] = {**kit, "seconds_per_document": round(per_document, 3)}
        line = (
            f"Kit (clean build): {kit['documents']:.0f} documents in {kit['seconds']:.1f} s, "
            f"{per_document:.2f} s per document"
        )
        synthetic_documents = extra.get("documents", {}).get("synthetic")
        if synthetic_documents:
            estimate = per_document * synthetic_documents
            extra["kit"]["synthetic_documents"] = synthetic_documents
            extra["kit"]["synthetic_estimate_seconds"] = round(estimate, 1)
            line += f"; the synthetic content has {synthetic_documents} documents (≈ {estimate:.0f} s, not built)"
        notes.append(line + ".")
    for key in ("clean", "site", "big"):
        run = runs.get(key)
        if run is not None and run.ok and run.phases:
            top = sorted(run.phases, key=lambda phase: -phase[1])[:4]
            shown = "; ".join(f"{name.rstrip('…')} {spent:.1f} s" for name, spent in top)
            notes.append(f"Longest phases, {run.label}: {shown}.")
    synthetic = extra.get("synthetic")
    if synthetic:
        notes.append(
            f"Synthetic content: {synthetic['sectors']} sectors, {synthetic['projects']} projects, "
            f"{len(synthetic['languages'])} languages; vitrine check: {'valid' if synthetic['valid'] else 'INVALID'}"
            f" (generated in {synthetic['seconds_to_generate']} s, not timed)."
        )
    busy = [f"{run.key} ({run.other_cpu:.0f} s)" for run in runs.values() if run.other_cpu > 0.1 * run.wall]
    if busy:
        notes.append("Other processes used the CPU during: " + ", ".join(busy) + "; those times may be inflated.")
    notes.append(scratch_note)
    print()
    for note in notes:
        print(f"- {note}")
    return {
        "runs": {key: {**asdict(run), "ok": run.ok, "page_count": run.page_count} for key, run in runs.items()},
        "targets": targets,
        "notes": notes,
        **extra,
    }


# --- main ------------------------------------------------------------------------------------------------------


def main() -> int:
    total_started = time.perf_counter()
    scratch = Path(tempfile.mkdtemp(prefix="vitrine-bench-"))
    runs: dict[str, Run] = {}
    extra: dict[str, Any] = {
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    try:
        print(f"Copying the project into {scratch} …", file=sys.stderr)
        project = copy_project(scratch / "project")
        clean(project)
        env = child_environment(project)
        extra["package"] = imported_package(project, env)
        print(f"  the builds import {extra['package']}", file=sys.stderr)
        build: list[str | Path] = [VITRINE, "build"]

        def timed(key: str, label: str, command: Sequence[str | Path]) -> Run:
            runs[key] = measure(key, label, command, project, env)
            return runs[key]

        print("1. The reference content", file=sys.stderr)
        timed("clean", "clean build (site + kit, no cache)", build)
        timed("unchanged", "nothing changed (same command again)", build)
        extra["edited"] = edit_french_paragraph(project / "content")
        timed("edited", f"one French paragraph edited ({extra['edited']})", build)

        print("2. The site alone against a bare mkdocs build", file=sys.stderr)
        timed(
            "site-first",
            "site alone, first time (--without-kit, new folder: the pages that list the kit are rendered again)",
            [*build, "--without-kit", "--out", scratch / "site-alone-first"],
        )
        timed(
            "site",
            "site alone (--without-kit, caches warm, another new folder)",
            [*build, "--without-kit", "--out", scratch / "site-alone"],
        )
        try:
            bare_config = bare_mkdocs(project, env, scratch)
            timed("bare", "bare mkdocs build of the same pages", [MKDOCS, "build", "--quiet", "-f", bare_config])
            if runs["bare"].ok:
                runs["bare"].pages = {"all": sum(1 for _ in (scratch / "bare-site").rglob("index.html"))}
        except Exception as error:  # the bare build is a comparison: its failure is reported, never fatal
            runs["bare"] = Run("bare", "bare mkdocs build of the same pages", [], returncode=-1, error=repr(error))
            print(f"    the bare mkdocs build could not be prepared: {error!r}", file=sys.stderr)

        print("3. The live preview (vitrine serve): the rebuild after a paragraph is edited", file=sys.stderr)
        source = json.loads(helper(project, env, "--i18n-languages", project / "content"))[0]["locale"]
        extra["preview"] = {
            "every language": json.loads(helper(project, env, "--preview", project / "content")),
            f"--lang {source}": json.loads(helper(project, env, f"--preview={source}", project / "content")),
        }
        print(f"    {extra['preview']}", file=sys.stderr)

        print("4. Synthetic content ten times larger", file=sys.stderr)
        big_content = scratch / "content-x10"
        extra["synthetic"] = synthetic_content(project / "content", big_content, project, env)
        extra["documents"] = {
            "reference": int(helper(project, env, "--documents", project / "content")),
            "synthetic": int(helper(project, env, "--documents", big_content)),
        }
        clean(project)
        timed("reference-site", "reference, site alone, clean (--without-kit)", [*build, "--without-kit"])
        clean(project)
        timed(
            "big",
            f"synthetic ×10 ({SECTORS} sectors, {PROJECTS} projects), site alone, clean",
            [*build, "--without-kit", "--content", big_content, "--out", scratch / "site-x10"],
        )
    except (subprocess.CalledProcessError, OSError) as error:
        detail = getattr(error, "stderr", "") or ""
        print(f"The benchmark stopped: {error}\n{detail}", file=sys.stderr)
        extra["stopped"] = f"{error!r} {detail}"[-2000:]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    extra["total_seconds"] = round(time.perf_counter() - total_started, 1)
    print()
    result = report(runs, extra, f"Whole benchmark: {extra['total_seconds']:.0f} s on {os.cpu_count()} cores.")
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(result, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    print(f"\nJSON: {REPORT.relative_to(PROJECT)}")
    failed = [run for key, run in runs.items() if key != "bare" and not run.ok]
    return 1 if failed or "stopped" in extra else 0


def answer(question: str, content: str) -> None:
    """Run with the copy's package: what the benchmark needs from the content's model, as JSON."""
    from vitrine.pipeline import prepare

    model = prepare(Path(content))
    if question == "--stamp":  # every translation marked up to date, as `vitrine translations stamp --lang`
        from vitrine.translation.store import stamp

        translated = [lang.code for lang in model.languages if lang.code != model.source_language]
        for code in translated:
            for item in model.all_items():
                stamp(model, item, code)
        print(json.dumps([model.source_language, *translated]))
    elif question == "--i18n-languages":
        from vitrine.site.navigation import i18n_languages

        print(json.dumps(i18n_languages(model), ensure_ascii=False))
    elif question == "--documents":
        from vitrine.documents import documents

        print(len(documents(model)))
    elif question.startswith("--preview"):
        print(json.dumps(preview_rebuild(Path(content), question.removeprefix("--preview").lstrip("="))))


def preview_rebuild(content: Path, language: str) -> dict[str, float]:
    """What `vitrine serve` does when a file is saved, timed: MkDocs' live preview loads mkdocs.yml again (a new
    plugin, which reads the content again) and builds. One build to warm the caches, a sentence added to a French
    paragraph, then the build that a reader of the preview waits for."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from vitrine.cli import preview_environment

    os.environ.update(preview_environment(content, language))  # as vitrine serve sets it
    out = Path(tempfile.mkdtemp(prefix="vitrine-preview-", dir=os.environ.get("TMPDIR")))

    def rebuild() -> float:
        started = time.perf_counter()
        config = load_config(config_file="mkdocs.yml", site_dir=str(out))
        config.plugins.on_startup(command="serve", dirty=False)
        mkdocs_build(config, serve_url="http://127.0.0.1:8000/")
        config.plugins.on_shutdown()
        return time.perf_counter() - started

    try:
        first = rebuild()
        edit_french_paragraph(content)
        return {"first": round(first, 2), "after_edit": round(rebuild(), 2)}
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1].startswith("--"):
        answer(sys.argv[1], sys.argv[2])
    else:
        sys.exit(main())
