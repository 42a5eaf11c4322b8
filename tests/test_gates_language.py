"""Passages in another language are marked as such: wherever a text falls back to another language (an
untranslated project shown in English on the Japanese site), the element holding it carries that language's
``lang``, so a screen reader switches voice. The texts to look for come from the content model itself."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import lxml.html
import pytest

from conftest import REFERENCE_CONTENT
from gates import pages_in
from vitrine.pipeline import prepare
from vitrine.resolve import Model


def fallback_passages(model: Model, language: str) -> dict[str, str]:
    """The opening words of every text shown in ``language`` that falls back to another one, with the language
    it is written in."""
    view = model.view(language)
    passages = {}
    for items in model.items.values():
        for item in items.values():
            if view.is_fallback(item):
                text = view.text(item)
                passage = getattr(text, "summary", None) or getattr(text, "text", None)
                if passage:
                    passages[" ".join(str(passage).split())[:40]] = view.text_language(item)
    return passages


def unmarked_passages(site: Path, paths: list[str], passages: dict[str, str]) -> tuple[int, list[str]]:
    """How many times the passages appear in the pages' bodies, and each appearance whose nearest ``lang``
    is not the passage's language ("page: <element> holds "…" in en, marked lang="ja")."""
    seen, findings = 0, []
    for path in paths:
        file = site / (path + "index.html" if path.endswith("/") or not path else path)
        body = lxml.html.fromstring(file.read_bytes()).find("body")
        for element in body.iter() if body is not None else []:
            for text, holder in ((element.text, element), (element.tail, element.getparent())):
                if not text or holder is None:
                    continue
                flat = " ".join(text.split())
                for passage, language in passages.items():
                    if passage in flat:
                        seen += 1
                        marked = next((e.get("lang") for e in holder.iterancestors() if e.get("lang")), None)
                        marked = holder.get("lang") or marked
                        if marked != language:
                            findings.append(
                                f'{path}: <{holder.tag}> holds "{passage}…" in {language}, marked lang="{marked}"'
                            )
    return seen, findings


@pytest.mark.parametrize("language", ["de", "it", "ja", "zh", "ar"])
def test_fallback_passages_carry_their_language(
    reference_site: Path, language: str, summary: Callable[[str], None]
) -> None:
    passages = fallback_passages(prepare(REFERENCE_CONTENT), language)
    assert len(passages) >= 20
    seen, findings = unmarked_passages(reference_site, pages_in(reference_site, language), passages)
    summary(f"Passages in another language ({language}): {len(passages)}, seen {seen} times, {len(findings)} unmarked")
    assert seen >= len(passages)
    assert findings == []


def test_an_unmarked_passage_is_reported_with_its_page(reference_site: Path, tmp_path: Path) -> None:
    site = Path(shutil.copytree(reference_site, tmp_path / "site", ignore=shutil.ignore_patterns("kit")))
    page = site / "ja" / "projects" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(
        html.replace('<li class="vitrine-card" lang="en">', '<li class="vitrine-card">', 1), encoding="utf-8"
    )
    passages = fallback_passages(prepare(REFERENCE_CONTENT), "ja")
    _, findings = unmarked_passages(site, ["ja/projects/"], passages)
    assert len(findings) == 1, findings
    assert findings[0].startswith('ja/projects/: <p> holds "') and findings[0].endswith('…" in en, marked lang="ja"')
