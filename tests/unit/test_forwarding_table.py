"""The /go/ table of the kit's QR codes: one short code per document (both variants share it), made of stable
identifiers only, each forwarding to the page in the document's language with the campaign parameters."""

from __future__ import annotations

from functools import cache
from urllib.parse import parse_qs, urlsplit

from support.project import MINIMAL_CONTENT, PROJECT, REFERENCE_CONTENT
from vitrine.documents import Document, Kind, Variant, documents, forwarding_table, short_url
from vitrine.model import Model
from vitrine.pipeline import prepare
from vitrine.site.fragments import environment, forwarding_page
from vitrine.urls import plan
from vitrine.view import View


@cache
def reference() -> Model:
    return prepare(REFERENCE_CONTENT)


def test_one_address_per_document_both_variants_sharing_it() -> None:
    model = reference()
    table = forwarding_table(model)
    codes = [forward.code for forward in table]
    assert codes == sorted(set(codes))
    assert set(codes) == {doc.code for doc in documents(model)}
    sheet = Document(Kind.SHEET, "ja", Variant.PRINT, sector="health")
    assert sheet.code == Document(Kind.SHEET, "ja", sector="health").code == "ja-sheet-health"


def test_each_address_leads_to_the_page_of_its_kind_in_its_language() -> None:
    model = reference()
    prefixes = ["", *(f"{lang.code}/" for lang in model.languages)]
    addresses = {page.url(prefix) for page in plan(model) for prefix in prefixes}
    targets = {forward.code: forward for forward in forwarding_table(model)}
    assert targets["ja-sheet-health"].target.startswith("ja/sectors/health/?")
    assert targets["fr-figures"].target.startswith("figures/?"), "the source language sits at the root"
    assert targets["en-deck"].target.startswith("en/?")
    assert targets["de-mipim-2027"].target.startswith("de/events/?")
    for forward in targets.values():
        page, _, query = forward.target.partition("?")
        assert page in addresses, forward
        assert page.startswith("" if forward.language == "fr" else f"{forward.language}/")
        parameters = parse_qs(query)
        assert parameters["utm_medium"] == ["print"]
        assert parameters["utm_source"] == [forward.code.split("-", 1)[1]]


def test_the_campaign_is_the_event_or_the_standard_kit() -> None:
    targets = {forward.code: forward for forward in forwarding_table(reference())}
    assert parse_qs(urlsplit(targets["de-mipim-2027"].target).query)["utm_campaign"] == ["mipim-2027"]
    assert parse_qs(urlsplit(targets["de-deck"].target).query)["utm_campaign"] == ["kit"]


def test_the_printed_address_is_absolute() -> None:
    model = prepare(MINIMAL_CONTENT)
    doc = Document(Kind.FIGURES, "de")
    assert short_url(model, doc) == "https://invest.lakeshore.example/go/de-figures/"


def test_a_forwarding_page_refreshes_to_its_target_in_its_language() -> None:
    model = prepare(MINIMAL_CONTENT)
    html = forwarding_page(
        environment(PROJECT / "overrides"), View(model, "de"), "../../de/figures/?a=1&b=2", "https://x.example/de/"
    )
    assert html.startswith('<!doctype html>\n<html lang="de" dir="ltr">')
    assert '<meta http-equiv="refresh" content="0; url=../../de/figures/?a=1&amp;b=2">' in html
    assert "<title>Seeufer</title>" in html and html.endswith("</html>\n")
