"""Stage 3, resolve: run the checks that span files, and gather what is valid into the model.

The checks are in ``checks.py``, the model in ``model.py``; what templates read, one language at a time, is the
``View`` of ``vitrine.view``.
"""

from __future__ import annotations

from pathlib import Path

from vitrine import checks
from vitrine.model import Model
from vitrine.problems import Problem, Severity
from vitrine.validate import ValidContent


def resolve(valid: ValidContent, root: Path) -> tuple[Model | None, list[Problem]]:
    """Check references and texts; return the model (or None when there are errors) and all problems."""
    problems = list(valid.problems)
    territory = valid.territory
    if territory is None:
        return None, problems
    source = territory.data.source_language
    problems += checks.check_references(valid, territory)
    problems += checks.check_languages(territory)
    problems += checks.check_fonts(territory)
    problems += checks.check_strings(valid, source)
    problems += checks.check_vocabulary(valid, source)
    problems += checks.check_texts(valid, territory, root)
    problems += checks.check_legal_pages(valid, territory)
    problems += checks.check_event_dates(valid)
    problems += checks.check_event_ids(valid)
    problems += checks.check_figure_values(valid)
    problems += checks.check_file_names(valid)
    problems += checks.check_citations(valid)
    problems += checks.check_markup(valid, territory)
    problems += checks.check_sector_links(valid)
    problems += checks.missing_contacts(valid)
    root_causes = checks.check_source_language(territory, valid)
    if root_causes:
        # Every text is looked up in the source language: with a wrong one, each text and unit is reported as
        # missing. The cause comes alone, and what follows from it is counted, not listed.
        following = [p for p in problems[len(valid.problems) :] if p.severity is Severity.ERROR]
        summary = Problem(
            territory.origin.file,
            None,
            None,
            f"{len(following)} other problems were found, most of them caused by this one: they are not listed.",
            "correct source_language, then run the check again.",
            Severity.WARNING,
        )
        return None, [*valid.problems, *root_causes, *([summary] if following else [])]
    if any(problem.severity is Severity.ERROR for problem in problems):
        return None, problems
    model = Model(root, territory, valid.strings, valid.items)
    model.warnings = [p for p in problems if p.severity is Severity.WARNING]
    return model, problems
