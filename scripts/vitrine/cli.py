"""The ``vitrine`` command: build, check, serve, schema.

Exit codes: 0 success, 1 the content has errors (or the build failed), 2 the command was misused.
"""

from __future__ import annotations

import logging
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import rich.console
import rich.progress

from vitrine.model import Model
from vitrine.pipeline import check as check_content
from vitrine.pipeline import prepare
from vitrine.problems import ContentErrors, Problem, Severity
from vitrine.progress import Count
from vitrine.scaffold import KINDS as NEW_KINDS

if TYPE_CHECKING:
    from vitrine.kit.build import KitReport

PACKAGE_PROJECT = Path(__file__).resolve().parents[2]
# The content folder of ``mkdocs serve`` (mkdocs.yml: content_dir: !ENV [VITRINE_CONTENT, content]).
CONTENT_ENV = "VITRINE_CONTENT"
PREVIEW_LANGUAGE_ENV = "VITRINE_PREVIEW_LANGUAGE"  # mkdocs.yml: preview_language
# MkDocs' live preview writes the whole site again at every rebuild, into a temporary folder: 900 files and 15 MB
# for the reference content, 0.05-0.4 s on this disk and 0.03 s in memory. A container's small /dev/shm (64 MB)
# could not hold a large site: below this much free space the preview stays on the disk.
PREVIEW_IN_MEMORY = Path("/dev/shm")
PREVIEW_MEMORY_AT_LEAST = 1 << 30  # bytes free


def preview_environment(content: Path, language: str) -> dict[str, str]:
    """What ``vitrine serve`` sets for MkDocs' live preview (``make bench`` times the same)."""
    import os
    import shutil

    environment = {
        CONTENT_ENV: str(content),
        PREVIEW_LANGUAGE_ENV: language,
        "VITRINE_PREVIEW": "true",
        "NO_MKDOCS_2_WARNING": "1",  # Material's notice about MkDocs 2, at every rebuild
    }
    try:
        if (
            os.access(PREVIEW_IN_MEMORY, os.W_OK)
            and shutil.disk_usage(PREVIEW_IN_MEMORY).free >= PREVIEW_MEMORY_AT_LEAST
        ):
            environment["TMPDIR"] = str(PREVIEW_IN_MEMORY)
    except OSError:
        pass
    return environment


def find_project(start: Path) -> Path:
    """The folder holding mkdocs.yml: the current folder or a parent, else the package's own project."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "scripts").is_dir():
            return folder
    return PACKAGE_PROJECT


def _load_model(content_dir: Path | None, public: bool = True) -> Model:
    """The resolved model of ``content_dir`` (default: the project's content/), without what is not published yet
    unless ``public`` is False (the translation tools); ContentErrors if it has errors."""
    return prepare(content_dir or find_project(Path.cwd()) / "content", public)


def _is_translated_language(model: Model, language: str) -> bool:
    if language in {lang.code for lang in model.languages} and language != model.source_language:
        return True
    click.secho(
        f"“{language}” is not a translated language of this content: declare it in territory.yml.", fg="red", err=True
    )
    return False


class _Reporter:
    """Phases as lines; counts as progress bars on a terminal (rich), or one line per finished task otherwise
    (a log file or CI keeps a readable record)."""

    def __init__(self) -> None:
        self.bars: rich.progress.Progress | None = None
        self.tasks: dict[str, rich.progress.TaskID] = {}

    def __call__(self, message: str | Count) -> None:
        if isinstance(message, str):
            if self.bars is not None:
                self.bars.console.print(f"  … {message}", highlight=False)
            else:
                click.echo(f"  … {message}", err=True)
            return
        if self.bars is None and sys.stderr.isatty():
            self.bars = rich.progress.Progress(
                rich.progress.TextColumn("  {task.description}"),
                rich.progress.BarColumn(),
                rich.progress.MofNCompleteColumn(),
                rich.progress.TimeElapsedColumn(),
                console=rich.console.Console(stderr=True),
                transient=False,
            )
            self.bars.start()
        if self.bars is not None:
            if message.task not in self.tasks:
                self.tasks[message.task] = self.bars.add_task(message.task, total=message.total)
            self.bars.update(self.tasks[message.task], completed=message.done, total=message.total)
        elif message.done == message.total:
            click.echo(f"    {message.task}: {message.done} of {message.total} done", err=True)

    def close(self) -> None:
        if self.bars is not None:
            self.bars.stop()
            self.bars = None


_progress = _Reporter()


def _print_problems(problems: list[Problem]) -> tuple[int, int]:
    errors = [p for p in problems if p.severity is Severity.ERROR]
    warnings = [p for p in problems if p.severity is Severity.WARNING]
    for problem in errors:
        click.secho(problem.format(), fg="red", err=True)
    for problem in warnings:
        click.secho(problem.format(), fg="yellow", err=True)
    return len(errors), len(warnings)


def _guard(action: Callable[[], int]) -> None:
    """Run a command; content problems end in a plain message and exit 1, never in a traceback."""
    try:
        try:
            code = action()
        finally:
            _progress.close()
    except ContentErrors as errors:
        _print_problems(errors.problems)
        click.secho(errors.report().splitlines()[-1], fg="red", bold=True, err=True)
        code = 1
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)
        code = 1
    except BrokenPipeError:  # the output was piped into a program that stopped reading (| head)
        code = 0
    except Exception as error:
        log = Path.cwd() / "vitrine-error.log"
        log.write_text(traceback.format_exc(), encoding="utf-8")
        click.secho(f"Vitrine stopped on an unexpected problem: {error}", fg="red", err=True)
        click.echo(
            f"This is a bug in Vitrine, not in your content. The details are in {log}: "
            "send that file to the developers.",
            err=True,
        )
        code = 1
    sys.exit(code)


content_option = click.option(
    "--content",
    "content_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The content folder to use (default: content/ of the project).",
)


def out_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option(
        "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None, help=help_text
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Vitrine compiles a territory's content into a multilingual website."""
    logging.basicConfig(level=logging.WARNING, format="%(message)s")


@main.command()
@content_option
@click.option(
    "--strict",
    is_flag=True,
    help="Also fail on missing or stale translations of required languages, and on outdated key figures.",
)
def check(content_dir: Path | None, strict: bool) -> None:
    """Check the content and list every problem, with its file and line."""

    def run() -> int:
        project = find_project(Path.cwd())
        root = content_dir or project / "content"
        started = time.perf_counter()
        model, problems = check_content(root, strict)
        if strict and model is not None:
            from vitrine.translation.freshness import strict_problems

            problems = problems + strict_problems(model)
        errors, warnings = _print_problems(problems)
        elapsed = time.perf_counter() - started
        if errors:
            click.secho(
                f"{errors} error{'s' if errors != 1 else ''} to correct"
                f" ({warnings} note{'s' if warnings != 1 else ''} for staff).",
                fg="red",
                bold=True,
                err=True,
            )
            return 1
        assert model is not None
        counts = ", ".join(f"{len(items)} {kind}" for kind, items in model.items.items() if items)
        click.secho(f"The content is valid ({counts}; checked in {elapsed:.1f} s).", fg="green")
        if warnings:
            click.echo(f"{warnings} note{'s' if warnings != 1 else ''} for staff above (flags and warnings).")
        return 0

    _guard(run)


@main.command()
@content_option
@out_option("Where to write the site (default: site/ of the project).")
@click.option("--without-kit", is_flag=True, help="Build the website only, not the PDFs of the pitch kit.")
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="How many languages of the site to build at once (default: one per core).",
)
def build(content_dir: Path | None, out_dir: Path | None, without_kit: bool, jobs: int | None) -> None:
    """Check the content, then build the website and the pitch kit in every language."""
    from vitrine.build import build as build_everything
    from vitrine.schema_export import write_schemas
    from vitrine.site.build import SiteBuildError

    def run() -> int:
        project = find_project(Path.cwd())
        root = (content_dir or project / "content").resolve()
        out = (out_dir or project / "site").resolve()
        click.echo(f"Building the site from {root} …", err=True)
        if root == (project / "content").resolve():
            write_schemas(project)
        try:
            report = build_everything(project, root, out, _progress, with_kit=not without_kit, jobs=jobs)
            _progress.close()
        except SiteBuildError as error:
            click.secho(f"The site could not be built: {error}", fg="red", err=True)
            click.echo(f"Nothing was published: {out} is unchanged.", err=True)
            return 1
        if report.unchanged:
            click.secho(
                f"\nNothing to do: nothing changed since the last build, {report.out} is up to date "
                f"(checked in {report.seconds:.1f} s).",
                fg="green",
                bold=True,
            )
        else:
            click.secho(f"\nSite built in {report.seconds:.1f} s → {report.out}", fg="green", bold=True)
        for code, count in report.pages.items():
            click.echo(f"  {report.languages[code]} ({code}): {count} pages")
        if report.kit is not None:
            _print_kit_summary(report.kit)
        click.echo(f"  Warnings: {len(report.warnings)}")
        for warning in report.warnings[:20]:
            click.secho(f"    {warning}", fg="yellow")
        return 0

    _guard(run)


def _print_kit_summary(kit: KitReport) -> None:
    total = sum(doc.entry.bytes for doc in kit.built)
    editable = sum(doc.entry.format == "pptx" for doc in kit.built)
    click.echo(
        f"  Pitch kit: {len(kit.built)} documents ({len(kit.built) - editable} PDF, {editable} PowerPoint; "
        f"{total / 1024 / 1024:.1f} MB), {kit.rendered} made and {len(kit.built) - kit.rendered} unchanged, "
        f"in {kit.seconds:.1f} s"
    )


@main.command()
@content_option
@out_option("The site folder the kit goes in, under kit/ (default: site/ of the project).")
@click.option("--event", "event", default=None, help="Only the deck of this event (its id in events.yml).")
@click.option("--lang", "language", default=None, help="Only the documents in this language.")
@click.option(
    "--pack",
    is_flag=True,
    help="With --event: every document of the fair in each of its languages, and their zip with an index sheet.",
)
def kit(content_dir: Path | None, out_dir: Path | None, event: str | None, language: str | None, pack: bool) -> None:
    """Build the pitch kit (all of it, or one event's, or one language's) into site/kit/."""
    from vitrine.documents import documents, pack_documents, select
    from vitrine.kit.build import prepare_kit, publish_kit

    def run() -> int:
        project = find_project(Path.cwd())
        model = _load_model(content_dir)
        out = (out_dir or project / "site").resolve()
        if event is not None and event not in model.items["event"]:
            known = ", ".join(sorted(model.items["event"])) or "none"
            click.secho(f"There is no event “{event}” in events.yml. Events: {known}.", fg="red", err=True)
            return 2
        if language is not None and language not in {lang.code for lang in model.languages}:
            known = ", ".join(lang.code for lang in model.languages)
            click.secho(f"“{language}” is not a language of this content. Languages: {known}.", fg="red", err=True)
            return 2
        if pack and event is None:
            click.secho(
                "--pack makes the pack of one fair: give it with --event (its id in events.yml).", fg="red", err=True
            )
            return 2
        if pack:
            assert event is not None
            chosen: list[Any] | None = pack_documents(model, event)
        else:
            chosen = select(documents(model), event, language) if event or language else None
        if chosen == []:
            click.secho(
                f"The event “{event}” has no deck in “{language}”: its languages are listed in events.yml.",
                fg="red",
                err=True,
            )
            return 2
        report = prepare_kit(project, model, _progress, chosen)
        publish_kit(report, model, out)
        click.secho(f"\nPitch kit built → {out / 'kit'}", fg="green", bold=True)
        _print_kit_summary(report)
        for made, _file in report.packs:
            click.echo(
                f"  Pack of {made.event}: {out / made.path} ({len(made.documents)} documents and an index sheet)"
            )
        for warning in report.warnings:
            click.secho(f"    {warning}", fg="yellow")
        return 0

    _guard(run)


@main.command()
@content_option
@click.option("--addr", default="127.0.0.1:8000", show_default=True, help="Address and port of the preview.")
@click.option(
    "--lang",
    "language",
    default="",
    help="Preview this language only (and the source language's home page): a change shows sooner still.",
)
def serve(content_dir: Path | None, addr: str, language: str) -> None:
    """Preview the site on this computer; it rebuilds when a file in content/ changes."""
    import os

    def run() -> int:
        project = find_project(Path.cwd())
        root = (content_dir or project / "content").resolve()
        if language:
            codes = [lang.code for lang in _load_model(root, public=False).languages]
            if language not in codes:
                click.secho(f"“{language}” is not a language of this content: use one of {', '.join(codes)}.", err=True)
                return 2
        click.echo(f"Preview of {root} on http://{addr}/ — it reloads when you save a file. Ctrl+C to stop.")
        # MkDocs' live preview reloads mkdocs.yml at every change, and mkdocs.yml reads the content folder (and the
        # language to preview) from these variables: this process becomes `mkdocs serve`, with them set.
        environment = {**os.environ, **preview_environment(root, language)}
        mkdocs = str(Path(sys.executable).with_name("mkdocs"))
        os.chdir(project)
        os.execve(mkdocs, [mkdocs, "serve", "--config-file", "mkdocs.yml", "--dev-addr", addr], environment)

    _guard(run)


@main.command()
def schema() -> None:
    """Write the JSON Schema files that editors use to check content/**/*.yml as you type."""
    from vitrine.schema_export import write_schemas

    def run() -> int:
        project = find_project(Path.cwd())
        for path in write_schemas(project):
            click.echo(f"wrote {path.relative_to(project)}")
        return 0

    _guard(run)


@main.command()
@content_option
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON, for other programs.")
@click.option("--lang", "languages", multiple=True, help="Only this language (may be repeated).")
def status(content_dir: Path | None, as_json: bool, languages: tuple[str, ...]) -> None:
    """Show, per language, which translations are missing, stale (the source changed) or up to date."""
    import json

    from vitrine.translation.freshness import State, summary
    from vitrine.translation.freshness import status as text_status

    def run() -> int:
        model = _load_model(content_dir, public=False)
        statuses = text_status(model, list(languages) or None)
        table = summary(statuses)
        if as_json:
            click.echo(
                json.dumps(
                    {
                        "source_language": model.source_language,
                        "languages": table,
                        "texts": [entry.as_dict() for entry in statuses],
                    },
                    indent=2,
                    ensure_ascii=False,
                )
            )
            return 0
        names = {lang.code: lang.name for lang in model.languages}
        click.echo(f"{'language':<22}{'missing':>9}{'stale':>9}{'up to date':>12}")
        for code, counts in table.items():
            label = f"{names.get(code, code)} ({code})"
            click.echo(f"{label:<22}{counts['missing']:>9}{counts['stale']:>9}{counts['up-to-date']:>12}")
        for state in (State.STALE, State.MISSING):
            chosen = [entry for entry in statuses if entry.state is state]
            if chosen:
                click.echo(f"\n{state.value.capitalize()} ({len(chosen)}):")
                for entry in chosen:
                    click.echo(f"  [{entry.language}] {entry.kind} “{entry.id}” — {entry.file}")
        return 0

    _guard(run)


@main.command("new")
@content_option
@click.argument("kind", type=click.Choice(NEW_KINDS))
@click.argument("slug")
def new_command(content_dir: Path | None, kind: str, slug: str) -> None:
    """Create the files of a new KIND of item called SLUG (its identifier, like water-treatment): every required
    field with a placeholder and a comment, in the source language, as a draft. The other languages are left to
    translate (vitrine status lists them)."""
    import datetime as dt

    from vitrine.scaffold import Refused, create, report

    def run() -> int:
        root = content_dir or find_project(Path.cwd()) / "content"
        try:
            made = create(root, kind, slug, dt.date.today())
        except Refused as refused:
            click.secho(f"Nothing was created: {refused}", fg="red", err=True)
            return refused.code
        for line in report(made, f" --content {content_dir}" if content_dir else ""):
            click.echo(line)
        return 0

    _guard(run)


@main.group()
def translations() -> None:
    """Exchange texts with translators."""


@translations.command("stamp")
@content_option
@click.option("--lang", "language", default=None, help="Every translation of this language.")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
def stamp_command(content_dir: Path | None, language: str | None, files: tuple[Path, ...]) -> None:
    """Record that translations match the current source texts (after a review): the given FILES (translation
    files of the content folder, like sectors/health.de.md), or every translation of one language. Only their
    fingerprint lines change."""
    from vitrine.translation.store import stamp, texts_in

    def run() -> int:
        model = _load_model(content_dir, public=False)
        if not files and language is None:
            click.secho("Give the translation files to stamp, or --lang for a whole language.", fg="red", err=True)
            return 2
        if language is not None and not _is_translated_language(model, language):
            return 2
        chosen = [(item, language) for item in model.all_items()] if language is not None else []
        root = model.root.resolve()
        for file in files:
            absolute = file.resolve() if file.is_absolute() or file.exists() else (root / file).resolve()
            relative = absolute.relative_to(root).as_posix() if absolute.is_relative_to(root) else str(file)
            found = texts_in(model, relative)
            if not found:
                click.secho(
                    f"{file} is not a translation file of {root}: give a file like sectors/health.de.md.",
                    fg="red",
                    err=True,
                )
                return 2
            chosen += found
        count = sum(stamp(model, item, code) for item, code in chosen)
        click.echo(f"{count} text{'s' if count != 1 else ''} marked as up to date.")
        return 0

    _guard(run)


@translations.command("export")
@content_option
@click.option("--lang", "language", required=True, help="The language to translate into.")
@click.option(
    "--out",
    "out_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The file to write (default: translations-<lang>.xlf in the current folder).",
)
def export_command(content_dir: Path | None, language: str, out_file: Path | None) -> None:
    """Write an XLIFF 2.0 file with the missing and stale texts of a language, for a translator."""
    from vitrine.translation.xliff import export

    def run() -> int:
        model = _load_model(content_dir, public=False)
        if not _is_translated_language(model, language):
            return 2
        target = out_file or Path.cwd() / f"translations-{language}.xlf"
        data = export(model, language)
        target.write_bytes(data)
        click.echo(f"wrote {target} ({data.count(b'<file ')} texts, {data.count(b'<unit ')} units to translate)")
        return 0

    _guard(run)


@translations.command("import")
@content_option
@click.argument("xliff_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_command(content_dir: Path | None, xliff_file: Path) -> None:
    """Write the translated units of an XLIFF file back into the content."""
    from vitrine.translation.xliff import ExchangeError, import_file

    def run() -> int:
        model = _load_model(content_dir, public=False)
        try:
            report = import_file(model, xliff_file)
        except ExchangeError as error:
            click.secho(f"Nothing was imported: {error}", fg="red", err=True)
            return 1
        for written in report.written:
            click.echo(f"updated {written}")
        for item in report.incomplete:
            click.secho(f"skipped {item}: not every unit is marked translated yet", fg="yellow")
        click.echo(f"{len(report.written)} texts imported, {len(report.incomplete)} incomplete.")
        return 0

    _guard(run)
