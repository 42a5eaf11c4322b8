"""The checks of the resolve stage: what no single file's schema can tell.

Each check reads the validated content and returns its problems: references to items that do not exist, units
and milestones without words, texts missing in the source language, figures cited in texts, one-sided links
between sectors and projects, and the flags staff left for each other.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import unicodedata
from pathlib import Path
from typing import Any
from xml.parsers import expat

from pydantic import BaseModel

from vitrine import fonts, formatting
from vitrine.images import ImageError, read_facts
from vitrine.model import Item, Model
from vitrine.problems import Collector, Problem, Severity
from vitrine.safety import Finding, markup_findings, svg_findings
from vitrine.schema import (
    CONTENT_TYPES,
    CONTENT_TYPES_BY_KIND,
    FIGURE_CITATION,
    REFERS_TO,
    FreePage,
    PageKind,
    ProjectStatus,
    Territory,
)
from vitrine.schema_messages import field_name
from vitrine.strings import string_keys
from vitrine.urls import ALL_EVENTS_CALENDAR, EVENTS_FOLDER
from vitrine.validate import ValidContent

Reference = tuple[str, str, tuple[str | int, ...]]


def references_of(model: BaseModel, path: tuple[str | int, ...] = ()) -> list[Reference]:
    """Every (kind, identifier, path) that ``model`` refers to, found through the schema's markers."""
    found: list[Reference] = []
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        kind = extra.get(REFERS_TO)
        if isinstance(kind, str):
            if isinstance(value, list):
                found.extend((kind, item, (*path, name, index)) for index, item in enumerate(value))
            elif value is not None:
                found.append((kind, value, (*path, name)))
        elif isinstance(value, BaseModel):
            found.extend(references_of(value, (*path, name)))
        elif isinstance(value, list):
            for index, entry in enumerate(value):
                if isinstance(entry, BaseModel):
                    found.extend(references_of(entry, (*path, name, index)))
    return found


def check_references(valid: ValidContent, territory: Item[Territory]) -> list[Problem]:
    found = Collector()
    languages = {lang.code for lang in territory.data.languages}
    everything: list[Item[Any]] = [territory, *(i for kind in valid.items.values() for i in kind.values())]
    for item in everything:
        for kind, identifier, path in references_of(item.data):
            known = languages if kind == "language" else set(valid.items[kind]) | valid.invalid.get(kind, set())
            if identifier in known or (kind != "language" and valid.exists(kind, identifier)):
                continue
            if kind != "language" and any(slug_of(n) == identifier for n in known if not IDENTIFIER.fullmatch(n)):
                continue  # there, under a file name that cannot be an address: check_file_names says so, once
            where = "territory.yml" if kind == "language" else CONTENT_TYPES_BY_KIND[kind].describes()
            add = (
                f"declare “{identifier}” in {where}"
                if kind == "language"
                else f"create {where.replace('<id>', identifier)}"
                if "<id>" in where
                else f"add “{identifier}” to {where}"
            )
            suggestion = ", ".join(sorted(known)) or "none yet"
            what = "declared language" if kind == "language" else CONTENT_TYPES_BY_KIND[kind].title.split(" ", 1)[-1]
            found.error(
                item.origin.file,
                item.origin.line(*path),
                field_name(path, whole=""),
                f"“{identifier}” does not match any {what} (looked in {where}).",
                f"use one of: {suggestion}; or {add}.",
            )
    return found.problems


def _lookup(strings: dict[str, Any], dotted: str) -> Any:
    node: Any = strings
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def check_vocabulary(valid: ValidContent, source: str) -> list[Problem]:
    """Units and milestone kinds must have words in the source language's interface texts."""
    found = Collector()
    if source not in valid.strings:
        return []  # the file is missing or unreadable: check_texts or the loader says so, once
    strings = valid.strings[source]
    strings_file = f"strings/{source}.yml"
    for figure in valid.items["figure"].values():
        if not isinstance(_lookup(strings, f"units.{figure.data.unit}"), str):
            found.error(
                figure.origin.file,
                figure.origin.line("unit"),
                "unit",
                f"the unit “{figure.data.unit}” has no words in {strings_file}.",
                f"add “{figure.data.unit}: …” under units in {strings_file}, or use a unit listed there.",
            )
    for project in valid.items["project"].values():
        for index, milestone in enumerate(project.data.milestones):
            if not isinstance(_lookup(strings, f"milestones.{milestone.what}"), str):
                found.error(
                    project.origin.file,
                    project.origin.line("milestones", index, "what"),
                    f"milestones[{index + 1}].what",
                    f"the milestone kind “{milestone.what}” has no words in {strings_file}.",
                    f"add it under milestones in {strings_file}, or use one listed there.",
                )
    return found.problems


def check_source_language(territory: Item[Territory], valid: ValidContent | None = None) -> list[Problem]:
    """The source language must be one of the site's languages, and the one texts are written in: every other
    check reads texts in it. Given the content, a declared language that most items have no text in, while another
    language has more, is taken for a wrong source language (rather than dozens of missing texts)."""
    found = Collector()
    source = territory.data.source_language
    declared = [lang.code for lang in territory.data.languages]
    if source not in declared:
        close = difflib.get_close_matches(source, declared, n=1)
        found.error(
            territory.origin.file,
            territory.origin.line("source_language"),
            "source_language",
            f"the source language “{source}” is not in the list of languages ({', '.join(declared)}).",
            f"write source_language: {close[0]}" if close else "add it under languages, or correct source_language.",
        )
        return found.problems
    if valid is None:
        return []
    items: list[Item[Any]] = [territory, *(i for kind in valid.items.values() for i in kind.values())]
    written = {code: sum(code in item.texts for item in items) for code in declared}
    best = max(declared, key=lambda code: written[code])
    if written[source] * 2 < len(items) and written[best] > written[source]:
        found.error(
            territory.origin.file,
            territory.origin.line("source_language"),
            "source_language",
            f"the source language is “{source}”, but most texts are written in “{best}”: {written[best]} of the "
            f"{len(items)} items have a text in “{best}”, {written[source]} in “{source}”.",
            f"write source_language: {best} (the language texts are written in first).",
        )
    return found.problems


def check_texts(valid: ValidContent, territory: Item[Territory], root: Path) -> list[Problem]:
    found = Collector()
    source = territory.data.source_language
    declared = [lang.code for lang in territory.data.languages]
    unreadable = valid.unreadable_files  # reported already, as what makes them unreadable
    if source not in valid.strings and f"strings/{source}.yml" not in unreadable:
        found.error(
            f"strings/{source}.yml",
            None,
            None,
            "the interface texts of the source language are missing.",
            f"create strings/{source}.yml (copy another language's file and translate it).",
        )
    for code in declared:
        if code not in valid.strings and code != source and f"strings/{code}.yml" not in unreadable:
            found.warning(
                f"strings/{code}.yml",
                None,
                None,
                f"the interface texts of “{code}” are missing: the interface is shown in the fallback language.",
                f"create strings/{code}.yml.",
            )
    territory_text = CONTENT_TYPES_BY_KIND["territory"].text_file(territory.id, source)
    if source not in territory.texts and territory_text not in unreadable and not _failed(valid, territory, source):
        found.error(
            territory_text,
            None,
            None,
            "the texts of the territory in the source language are missing.",
            f"create territory.{source}.yml with name, tagline, value_proposition, contact_call and description.",
        )
    reported = {problem.file for problem in valid.problems if problem.severity is Severity.ERROR}
    for content_type in CONTENT_TYPES:
        if content_type.kind == "territory":
            continue
        for item in valid.items[content_type.kind].values():
            if source in item.texts:
                continue
            where = content_type.text_file(item.id, source)
            if where in reported and content_type.layout == "folder":
                continue  # the text is there but has errors of its own, reported on its lines
            if where in unreadable or _failed(valid, item, source):
                continue
            if content_type.layout == "folder":
                hint = f"create {where} with a header block (title, summary) and the text."
            else:
                hint = f"add “{item.id}:” with its texts to {where}."
            found.error(
                item.origin.file,
                item.origin.line("id") if content_type.layout != "folder" else 1,
                None,
                f"{content_type.title} “{item.id}” has no text in the source language ({source}).",
                hint,
            )
    for field in ("logo", "favicon"):
        file = getattr(territory.data, field)
        why = _unusable_image(root, file) if file else None
        if why:
            found.error(
                territory.origin.file,
                territory.origin.line(field),
                field,
                why,
                "put the image in the content folder and write its path relative to it (media/logo.svg).",
            )
        elif file and file.lower().endswith(".svg"):  # published as it is: it must be as safe as the others
            for finding in drawing_findings((root / file).read_bytes()):
                found.error(file, finding.line, None, finding.what, finding.fix)
    for media in valid.items["media"].values():
        why = _unusable_image(root, media.data.file)
        if why:
            found.error(
                media.origin.file,
                media.origin.line("file"),
                "file",
                why,
                "put the image in the content folder and write its path relative to it (media/name.svg).",
            )
            continue
        if media.data.file.lower().endswith(".svg"):
            for finding in drawing_findings((root / media.data.file).read_bytes()):
                found.error(media.data.file, finding.line, None, finding.what, finding.fix)
        try:
            read_facts(root / media.data.file)
        except ImageError as error:
            what, _, hint = str(error).rpartition(": ")  # the images module says why, then what to do
            found.error(
                media.origin.file,
                media.origin.line("file"),
                "file",
                f"the image file “{media.data.file}” cannot be published: {what or error}.",
                hint if what else "replace it with a JPEG or PNG image.",
            )
    return found.problems


def drawing_findings(data: bytes) -> list[Finding]:
    """Why a drawing (SVG) may not be published: what ``svg_findings`` finds, or, in well-formed and safe XML, a
    first element that is not <svg> (a web page or another XML file named .svg)."""
    findings = svg_findings(data)
    if findings:
        return findings
    first: list[str] = []
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = lambda name, _attributes: first.append(name.split(" ")[-1]) if not first else None
    try:
        parser.Parse(data, True)
    except expat.ExpatError:
        return []  # svg_findings has read it already
    if first and first[0] != "svg":
        return [
            Finding(
                1,
                f"the file is not an SVG drawing: it starts with <{first[0]}>, where a drawing starts with <svg>.",
                "export it again from the drawing program, as SVG; or name a photograph .jpg or .png.",
            )
        ]
    return []


def _failed(valid: ValidContent, item: Item[Any], language: str) -> bool:
    """The item's text in ``language`` is there, but has errors of its own (reported on its lines); "*" stands for
    every item of a list whose texts file is misnamed."""
    return bool({(item.kind, item.id, language), (item.kind, "*", language)} & valid.failed_texts)


def _unusable_image(root: Path, file: str) -> str | None:
    """Why the image ``file`` cannot be read, or None. Only a file inside the content folder is: the site publishes
    it, and a path such as /proc/self/mem or ../../secret.png would read (and publish) what is not content."""
    try:
        inside = (root / file).resolve().is_relative_to(root.resolve())
        exists = (root / file).is_file()
    except (OSError, ValueError):  # a NUL character, a name too long for the file system
        inside, exists = True, False
    if not inside:
        return f"the image file “{file}” is outside the content folder."
    if not exists:
        return f"the image file “{file}” does not exist."
    return None


def _strings_in(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], str]]:
    """Every text inside a value, with its path (for its line)."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, dict):
        return [found for key, entry in value.items() for found in _strings_in(entry, (*path, str(key)))]
    if isinstance(value, list):
        return [found for number, entry in enumerate(value) for found in _strings_in(entry, (*path, number))]
    return []


def check_markup(valid: ValidContent, territory: Item[Territory]) -> list[Problem]:
    """No text carries markup that would run a script, load another site into a page or take the page over."""
    found = Collector()

    def report(file: str, line: int, field_name: str | None, finding: Finding) -> None:
        found.error(file, line, field_name, finding.what, finding.fix)

    items: list[Item[Any]] = [territory, *(item for kind in valid.items.values() for item in kind.values())]
    for item in items:
        for language, origin in item.text_origins.items():
            for path, text in _strings_in(item.texts.get(language)):
                for finding in markup_findings(text):
                    report(origin.file, origin.line(*path) + finding.line - 1, str(path[-1]) if path else None, finding)
            body = item.bodies.get(language)
            if body:
                for finding in markup_findings(body):
                    report(origin.file, origin.document.body_line + finding.line - 1, None, finding)
    for language, origin in valid.strings_origins.items():
        for path, text in _strings_in(valid.strings.get(language, {})):
            for finding in markup_findings(text):
                report(origin.file, origin.line(*path), str(path[-1]) if path else None, finding)
    return found.problems


def check_citations(valid: ValidContent) -> list[Problem]:
    """Figures cited inside long texts, as [[figure:port-traffic]], must exist."""
    found = Collector()
    known = set(valid.items["figure"]) | valid.invalid.get("figure", set())
    for kind in valid.items.values():
        for item in kind.values():
            for language, body in item.bodies.items():
                origin = item.text_origins[language]
                for match in FIGURE_CITATION.finditer(body):
                    if match["id"] in known or "figure" in valid.unreadable_kinds:
                        continue
                    found.error(
                        origin.file,
                        origin.document.body_line + body[: match.start()].count("\n"),
                        None,
                        f"the text cites the figure “{match['id']}”, which figures.yml does not have.",
                        f"use one of: {', '.join(sorted(known)) or 'none yet'}; or add it to figures.yml.",
                    )
    return found.problems


def check_sector_links(valid: ValidContent) -> list[Problem]:
    """A project and its sectors should name each other; a one-sided link is shown in one place only."""
    found = Collector()
    sectors, projects = valid.items["sector"], valid.items["project"]
    for project in projects.values():
        if project.data.status is ProjectStatus.UNDER_REVIEW:
            continue
        for index, sector_id in enumerate(project.data.sectors):
            sector = sectors.get(sector_id)
            if sector is not None and project.id not in sector.data.projects:
                found.warning(
                    sector.origin.file,
                    sector.origin.line("projects"),
                    "projects",
                    f"the project “{project.id}” belongs to this sector ({project.origin.file}, line "
                    f"{project.origin.line('sectors', index)}), but the sector does not list it.",
                    f"add {project.id} to projects here, or remove {sector_id} from its sectors.",
                )
    for listing in sectors.values():
        for index, project_id in enumerate(listing.data.projects):
            listed = projects.get(project_id)
            if listed is not None and listing.id not in listed.data.sectors:
                found.warning(
                    listed.origin.file,
                    listed.origin.line("sectors"),
                    "sectors",
                    f"the sector “{listing.id}” lists this project ({listing.origin.file}, line "
                    f"{listing.origin.line('projects', index)}), but the project does not name the sector.",
                    f"add {listing.id} to sectors here, or remove {project_id} from that sector's projects.",
                )
    return found.problems


def flagged(model: Model) -> list[Problem]:
    """Items that carry a flag for staff: listed by ``vitrine check``, never shown to the public."""
    found = Collector()
    for item in model.all_items():
        flag = getattr(item.data, "flag", None)
        if flag:
            found.warning(item.origin.file, item.origin.line("flag"), None, f"flagged: {flag}")
    return found.problems


def outdated_figures(model: Model, today: dt.date, strict: bool = False) -> list[Problem]:
    """Key figures older than the territory's limit (``figures_outdated_after``): warnings, or errors when strict."""
    limit = model.territory.data.figures_outdated_after
    if limit is None:
        return []
    found = Collector()
    report = found.error if strict else found.warning
    for figure in model.items["figure"].values():
        age = today.year - figure.data.year
        if age > limit:
            report(
                figure.origin.file,
                figure.origin.line("year"),
                "year",
                f"the figure “{figure.id}” is from {figure.data.year}, {age} years ago: older than the "
                f"{limit} years set in territory.yml (figures_outdated_after).",
                f"look for a newer value at its source ({figure.data.source.name}), then update value and year.",
            )
    return found.problems


def figures_in_the_future(model: Model, today: dt.date) -> list[Problem]:
    """A key figure gives what was measured: a year after this one is a typing mistake (or a forecast, which is
    not a key figure)."""
    found = Collector()
    for figure in model.items["figure"].values():
        years = [
            ("year", figure.data.year),
            *((f"series[{i + 1}].year", p.year) for i, p in enumerate(figure.data.series)),
        ]
        for field_label, year in years:
            if year > today.year:
                line = figure.origin.line("year") if field_label == "year" else figure.origin.line("series")
                found.error(
                    figure.origin.file,
                    line,
                    field_label,
                    f"the year {year} is in the future: a key figure gives what was measured, in a year gone by.",
                    "correct the year (the year the value refers to, as its source states it).",
                )
    return found.problems


IDENTIFIER = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def check_file_names(valid: ValidContent) -> list[Problem]:
    """An item's file name is its page's address: it must be written as addresses are."""
    found = Collector()
    for content_type in CONTENT_TYPES:
        if content_type.layout != "folder":
            continue
        for item_id in sorted({*valid.items[content_type.kind], *valid.invalid.get(content_type.kind, set())}):
            if IDENTIFIER.fullmatch(item_id):
                continue
            suggestion = slug_of(item_id) or "a-name"
            found.error(
                content_type.data_file(item_id),
                1,
                None,
                f"the file name “{item_id}” cannot be part of a web address (it becomes the page's address).",
                f"rename the file and its texts with lower-case letters, digits and hyphens only, like "
                f"{content_type.data_file(suggestion)}.",
            )
    return found.problems


def slug_of(text: str) -> str:
    """``text`` as an identifier: accents dropped, lower case, words joined by hyphens ("Eau Propre" -> eau-propre)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain))


def check_languages(territory: Item[Territory]) -> list[Problem]:
    """Every language must be one whose numbers and dates CLDR can write, declared once."""
    found = Collector()
    first: dict[str, int] = {}
    for index, language in enumerate(territory.data.languages):
        line = territory.origin.line("languages", index, "code")
        if language.code in first:
            found.error(
                territory.origin.file,
                line,
                f"languages[{index + 1}].code",
                f"the language “{language.code}” is declared twice (first on line {first[language.code]}).",
                "keep one of them, or correct the code of the other.",
            )
        first.setdefault(language.code, line)
        if not formatting.is_known_locale(language.code):
            found.error(
                territory.origin.file,
                territory.origin.line("languages", index, "code"),
                f"languages[{index + 1}].code",
                f"“{language.code}” is not a language whose numbers and dates Vitrine can write "
                "(CLDR does not know it).",
                "use the language's code in BCP 47: two letters (es, ga, eu), or with its region (pt-PT, es-419) or "
                "script (zh-Hant).",
            )
    return found.problems


def check_fonts(territory: Item[Territory]) -> list[Problem]:
    """Each language's font must be installed and able to write the language."""
    found = Collector()
    for index, language in enumerate(territory.data.languages):
        line = territory.origin.line("languages", index, "font")
        field = f"languages[{index + 1}].font"
        able = fonts.families_writing(language.code)
        suggestion = ", ".join(able[:6]) if able else "none found: install Debian's fonts-noto-core and fonts-noto-cjk"
        if not fonts.is_installed(language.font):
            found.error(
                territory.origin.file,
                line,
                field,
                f"the font “{language.font}” ({language.name}) is not installed on this machine.",
                f"check its spelling; installed fonts that can write {language.name}: {suggestion}.",
            )
        elif able and language.font not in able:
            found.error(
                territory.origin.file,
                line,
                field,
                f"the font “{language.font}” cannot write {language.name}: it lacks the letters of its script.",
                f"use a font that can: {suggestion}.",
            )
    return found.problems


def check_strings(valid: ValidContent, source: str) -> list[Problem]:
    """Each language's interface strings must use the keys of the source language's file: an unknown key is an
    error (a misspelt key would silently show the fallback), a missing one a warning."""
    found = Collector()
    reference = valid.strings.get(source)
    if reference is None:
        return []
    known = string_keys(reference)
    for language, strings in sorted(valid.strings.items()):
        if language == source:
            continue
        origin = valid.strings_origins[language]
        keys = string_keys(strings)
        for key, path in keys.items():
            if key in known:
                continue
            close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
            hint = f"did you mean “{close[0]}”?" if close else f"remove it, or add it to strings/{source}.yml first."
            found.error(
                origin.file,
                origin.document.line_of(path),
                key,
                f"“{key}” is not a key of the source language's interface texts (strings/{source}.yml).",
                hint,
            )
        missing = [key for key in known if key not in keys]
        if missing:
            shown = ", ".join(missing[:12]) + (f" and {len(missing) - 12} more" if len(missing) > 12 else "")
            found.warning(
                origin.file,
                None,
                None,
                f"{len(missing)} interface text{'s are' if len(missing) != 1 else ' is'} missing, shown in the "
                f"fallback language: {shown}.",
                f"add {'them' if len(missing) != 1 else 'it'}, translated (vitrine status --lang {language} lists "
                "them all).",
            )
    return found.problems


LEGAL_PAGE_TITLES = {
    PageKind.LEGAL_NOTICE: "a legal notice",
    PageKind.PERSONAL_DATA: "a personal-data page",
    PageKind.ACCESSIBILITY: "an accessibility statement",
    PageKind.ABOUT: "an about page",
    PageKind.PAGE: "a page",
}


def check_legal_pages(valid: ValidContent, territory: Item[Territory]) -> list[Problem]:
    """The pages the territory's law requires exist, and each prints what its kind needs."""
    found = Collector()
    source = territory.data.source_language
    pages: list[Item[FreePage]] = list(valid.items["page"].values())
    kinds = {page.data.kind for page in pages}
    for index, kind in enumerate(territory.data.legal_pages):
        if kind in kinds or valid.invalid.get("page"):
            continue
        found.error(
            territory.origin.file,
            territory.origin.line("legal_pages", index),
            f"legal_pages[{index + 1}]",
            f"the law of the territory requires {LEGAL_PAGE_TITLES[kind]}, and pages/ has none.",
            f"create pages/{kind.value}.yml with the line “kind: {kind.value}”, and its text "
            f"pages/{kind.value}.{source}.md (content/README.md shows what each kind holds).",
        )
    for page in pages:
        text = page.texts.get(source)
        where = page.text_origins.get(source)
        if page.data.kind is PageKind.LEGAL_NOTICE and not page.data.blocks:
            found.error(
                page.origin.file,
                page.origin.line("kind"),
                "blocks",
                "this legal notice prints none of the facts the law requires.",
                "add blocks: one per party (publisher, host…), each with its facts (content/README.md).",
            )
        for block in page.data.blocks:
            if text is not None and where is not None and block.id not in text.headings:
                found.error(
                    where.file,
                    where.line("headings"),
                    "headings",
                    f"the block “{block.id}” of {page.origin.file} has no heading in this text.",
                    f"add “{block.id}: …” under headings:.",
                )
        statement = page.data.statement
        if page.data.kind is PageKind.ACCESSIBILITY and statement is None:
            found.error(
                page.origin.file,
                page.origin.line("kind"),
                "statement",
                "this accessibility statement has none of its facts (status, standard, contact…).",
                "add statement: with status, standard, contact_email and the ways to complain (content/README.md).",
            )
        if statement is None or text is None or where is None:
            continue
        if text.statement is None:
            found.error(
                where.file,
                where.line(),
                "statement",
                "the accessibility statement has no sentences in this text.",
                "add statement: with commitment, conformity, feedback and complaint (content/README.md).",
            )
            continue
        for way in statement.complaint:
            if way.id not in text.statement.complaint_ways:
                found.error(
                    where.file,
                    where.line("statement"),
                    "statement.complaint_ways",
                    f"the way to complain “{way.id}” of {page.origin.file} has no words in this text.",
                    f"add “{way.id}: …” under complaint_ways:.",
                )
    return found.problems


def check_figure_values(valid: ValidContent) -> list[Problem]:
    """A figure's values are numbers that can be printed: not .nan, .inf or a number too large to hold (1e400)."""
    found = Collector()
    for figure in valid.items["figure"].values():
        values: list[tuple[str, tuple[str | int, ...], float]] = [("value", (), figure.data.value)]
        values += [(f"series[{i + 1}].value", ("series", i), p.value) for i, p in enumerate(figure.data.series)]
        for label, path, value in values:
            if not math.isfinite(value):
                found.error(
                    figure.origin.file,
                    figure.origin.line(*path, "value"),
                    label,
                    f"found “{value}”, expected a number that can be printed (not infinite, not “not a number”).",
                    "write the figure's value as its source gives it, like 12500 or 70.5.",
                )
    return found.problems


def check_event_dates(valid: ValidContent) -> list[Problem]:
    found = Collector()
    for event in valid.items["event"].values():
        if event.data.end < event.data.start:
            found.error(
                event.origin.file,
                event.origin.line("end"),
                "end",
                f"the event ends ({event.data.end}) before it starts ({event.data.start}).",
                "correct start or end: end is the last day, on or after the first.",
            )
        hours = {"opens": event.data.opens, "closes": event.data.closes, "timezone": event.data.timezone}
        given = [name for name, value in hours.items() if value is not None]
        if given and len(given) < len(hours):
            missing = [name for name in hours if name not in given]
            found.error(
                event.origin.file,
                event.origin.line(given[0]),
                given[0],
                f"the event's hours need opens, closes and timezone together; {', '.join(missing)} "
                f"{'is' if len(missing) == 1 else 'are'} missing.",
                f"add {' and '.join(f'{name}: …' for name in missing)}, or remove {', '.join(given)}.",
            )
        elif given and event.data.start == event.data.end and event.data.closes <= event.data.opens:
            found.error(
                event.origin.file,
                event.origin.line("closes"),
                "closes",
                f"the event closes ({event.data.closes}) before it opens ({event.data.opens}) on its only day.",
                "correct opens or closes (24-hour times, like 09:00 and 18:00).",
            )
    return found.problems


def check_event_ids(valid: ValidContent) -> list[Problem]:
    """An event's calendar file is named by its identifier, beside the calendar of every event: one name is taken."""
    found = Collector()
    taken = valid.items["event"].get(ALL_EVENTS_CALENDAR)
    if taken is not None:
        found.error(
            taken.origin.file,
            taken.origin.line("id"),
            "id",
            f"“{ALL_EVENTS_CALENDAR}” cannot be an event's identifier: it names the calendar of every event "
            f"({EVENTS_FOLDER}/{ALL_EVENTS_CALENDAR}.ics).",
            "choose another identifier, like the event's name and year (mipim-2027).",
        )
    return found.problems


def missing_contacts(valid: ValidContent) -> list[Problem]:
    """Every sector, project, site and destination names who to call (the page shows the main contact otherwise)."""
    found = Collector()
    for kind in ("sector", "project", "site", "destination"):
        for item in valid.items[kind].values():
            if getattr(item.data, "status", None) is ProjectStatus.UNDER_REVIEW or item.data.contacts:
                continue
            found.warning(
                item.origin.file,
                item.origin.line("id") if CONTENT_TYPES_BY_KIND[kind].layout == "list" else 1,
                "contacts",
                f"{CONTENT_TYPES_BY_KIND[kind].title.capitalize()} “{item.id}” names no contact: its page shows the "
                "main contact.",
                "add contacts: with the identifier of a contact of contacts.yml (the desk investors should call).",
            )
    return found.problems
