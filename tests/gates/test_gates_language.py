"""Passages in another language are marked as such: wherever a text falls back to another language (an
untranslated project shown in English on the Japanese site), and wherever a figure names its source (a French
report on the Japanese site), the element holding it carries that language's ``lang``, so a screen reader
switches voice. The texts to look for come from the content model itself."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest

from support.gates import pages_in, pages_of
from support.project import MINIMAL_CONTENT, REFERENCE_CONTENT
from vitrine.model import Model
from vitrine.pipeline import prepare
from vitrine.view import View


@dataclass(frozen=True)
class Passage:
    text: str  # the opening words of a text, or a whole name
    language: str  # the language it is written in
    whole: bool  # a source's name, checked where it is cited: the text of a link to the source
    url: str = ""  # the source's address

    def found_in(self, flat: str, holder: lxml.html.HtmlElement) -> bool:
        if not self.whole:
            return self.text in flat
        # An organisation's name, like "Provence Promotion", is also written in running text, where it is a
        # proper noun and keeps the page's language; cited as a source, it names a document.
        link = next((e for e in (holder, *holder.iterancestors()) if e.tag == "a"), None)
        return flat == self.text and link is not None and link.get("href") == self.url

    def __str__(self) -> str:
        return f'"{self.text}"' if self.whole else f'"{self.text}…"'


def passages_in_other_languages(model: Model, language: str) -> list[Passage]:
    """Every text shown in ``language`` that falls back to another one, and every source name of a figure written
    in another language, each with the language it is written in."""
    view = View(model, language)
    passages = {}
    for items in model.items.values():
        for item in items.values():
            shown = view.item(item.kind, item.id)
            if shown.is_fallback:
                opening = getattr(shown.texts, "summary", None) or getattr(shown.texts, "text", None)
                if opening:
                    words = " ".join(str(opening).split())[:40]
                    passages[words] = Passage(words, shown.text_language, whole=False)
    for item in model.figures.values():
        figure = view.figure(item.id)
        if figure.source_language != language:
            cited = Passage(figure.source_name, figure.source_language, whole=True, url=figure.source_url)
            passages.setdefault(f"{figure.source_name} {figure.source_url}", cited)
    return list(passages.values())


def unmarked_passages(site: Path, paths: list[str], passages: list[Passage]) -> tuple[int, list[str]]:
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
                for passage in passages:
                    if passage.found_in(flat, holder):
                        seen += 1
                        marked = next((e.get("lang") for e in holder.iterancestors() if e.get("lang")), None)
                        marked = holder.get("lang") or marked
                        if marked != passage.language:
                            findings.append(
                                f'{path}: <{holder.tag}> holds {passage} in {passage.language}, marked lang="{marked}"'
                            )
    return seen, findings


@pytest.mark.parametrize("language", ["fr", "en", "de", "it", "ja", "zh", "ar"])
def test_passages_in_another_language_carry_it(
    reference_site: Path, language: str, summary: Callable[[str], None]
) -> None:
    passages = passages_in_other_languages(prepare(REFERENCE_CONTENT), language)
    names = [passage for passage in passages if passage.whole]
    assert names, "every page language has some source written in another language"
    seen, findings = unmarked_passages(reference_site, pages_in(reference_site, language), passages)
    summary(
        f"Passages in another language ({language}): {len(passages) - len(names)} texts and {len(names)} source"
        f" names, seen {seen} times, {len(findings)} unmarked"
    )
    assert seen >= len(passages)
    assert findings == []


def test_texts_that_fall_back_carry_their_language(minimal_site: Path, summary: Callable[[str], None]) -> None:
    """The reference content is translated throughout: the minimal territory leaves German texts in English."""
    model = prepare(MINIMAL_CONTENT)
    passages = passages_in_other_languages(model, "de")
    texts = [passage for passage in passages if not passage.whole]
    assert texts, "the minimal territory has untranslated German texts"
    paths = [p for p in pages_of(minimal_site) if p.startswith("de/")]
    seen, findings = unmarked_passages(minimal_site, paths, passages)
    summary(f"Passages in another language (minimal territory, de): {len(texts)} texts, seen {seen} times")
    assert seen >= len(texts)
    assert findings == []


def test_an_unmarked_passage_is_reported_with_its_page(
    reference_site: Path, minimal_site: Path, tmp_path: Path
) -> None:
    minimal = Path(shutil.copytree(minimal_site, tmp_path / "minimal", ignore=shutil.ignore_patterns("kit")))
    page = minimal / "de" / "sectors" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert '<li class="vitrine-card" lang="en">' in html
    page.write_text(
        html.replace('<li class="vitrine-card" lang="en">', '<li class="vitrine-card">', 1), encoding="utf-8"
    )
    passages = passages_in_other_languages(prepare(MINIMAL_CONTENT), "de")
    _, findings = unmarked_passages(minimal, ["de/sectors/"], passages)
    assert len(findings) == 1, findings
    assert findings[0].startswith('de/sectors/: <p> holds "') and findings[0].endswith('…" in en, marked lang="de"')

    site = Path(shutil.copytree(reference_site, tmp_path / "site", ignore=shutil.ignore_patterns("kit")))
    figures = site / "ja" / "figures" / "index.html"
    html = figures.read_text(encoding="utf-8")
    planted = '<bdi lang="fr">Ports &amp; Corridors</bdi>'
    assert planted in html
    figures.write_text(html.replace(planted, "<bdi>Ports &amp; Corridors</bdi>", 1), encoding="utf-8")
    passages = passages_in_other_languages(prepare(REFERENCE_CONTENT), "ja")
    _, findings = unmarked_passages(site, ["ja/figures/"], passages)
    assert findings == ['ja/figures/: <bdi> holds "Ports & Corridors" in fr, marked lang="ja"']
