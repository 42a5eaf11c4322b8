"""The first three stages in one call: load, validate, resolve."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vitrine.checks import figures_in_the_future, flagged, outdated_figures
from vitrine.load import load_content
from vitrine.model import Model
from vitrine.problems import ContentErrors, Problem, errors_in
from vitrine.publication import public_model, publication_problems
from vitrine.resolve import resolve
from vitrine.validate import validate


def check(content_dir: Path, strict: bool = False) -> tuple[Model | None, list[Problem]]:
    """Every problem of the content folder, and the model when there is no error (``strict``: outdated key
    figures are errors, not warnings)."""
    loaded = load_content(content_dir)
    valid = validate(loaded)
    model, problems = resolve(valid, content_dir)
    if model is not None:
        problems = (
            problems
            + flagged(model)
            + outdated_figures(model, dt.date.today(), strict)
            + figures_in_the_future(model, dt.date.today())
            + publication_problems(model)
        )
    return model, problems


def prepare(content_dir: Path, public: bool = True) -> Model:
    """The resolved model, without what is not published yet unless ``public`` is False (the translation tools see
    everything); raises ContentErrors listing every error when the content has any."""
    model, problems = check(content_dir)
    if model is None or errors_in(problems):
        raise ContentErrors(problems)
    return public_model(model) if public else model
