"""XLIFF 2.0 exchange with translators: export, import, and a round trip that changes nothing."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from support.project import Run, tree_digest

NS = {"x": "urn:oasis:names:tc:xliff:document:2.0"}


def export(vitrine: Callable[..., Run], content: Path, target: Path) -> ET.ElementTree[ET.Element]:
    run = vitrine("translations", "export", "--content", content, "--lang", "de", "--out", target)
    assert run.code == 0, run.output
    return ET.parse(target)


def translate_everything(tree: ET.ElementTree[ET.Element], path: Path) -> None:
    """What a translator does: fill every target (keeping the placeholders) and mark it translated."""
    for segment in tree.getroot().iterfind(".//x:segment", NS):
        source = segment.find("x:source", NS)
        assert source is not None
        old = segment.find("x:target", NS)
        if old is not None:
            segment.remove(old)
        target = ET.fromstring(ET.tostring(source))
        target.tag = target.tag.replace("source", "target")
        target.text = "DE " + (target.text or "")
        segment.append(target)
        segment.set("state", "translated")
    tree.write(path, encoding="utf-8", xml_declaration=True)


def test_export_holds_missing_and_stale_texts_with_markdown_protected(
    vitrine: Callable[..., Run], minimal_content: Path, tmp_path: Path
) -> None:
    root = export(vitrine, minimal_content, tmp_path / "de.xlf").getroot()
    assert root.get("srcLang") == "en" and root.get("trgLang") == "de"
    files = {f.get("id") for f in root.iterfind("x:file", NS)}
    assert {"sector/water", "project/marina", "figure/residents", "territory/lakeshore"} <= files
    water = root.find("x:file[@id='sector/water']", NS)
    assert water is not None
    units = {u.get("id"): u for u in water.iterfind("x:unit", NS)}
    assert set(units) == {"title", "summary", "body.1", "body.2", "body.3"}
    cited = units["body.1"].find("x:segment/x:source", NS)
    assert cited is not None and "[[figure" not in ET.tostring(cited, encoding="unicode")
    assert cited.find("x:ph", NS) is not None  # the citation is a placeholder a translator cannot break
    heading = units["body.2"].find("x:segment/x:source", NS)
    assert heading is not None and heading.text == "Skills"  # "## " is kept out of the text
    marina = root.find("x:file[@id='project/marina']/x:unit[@id='title']/x:segment/x:target", NS)
    assert marina is not None and marina.text == "Der neue Yachthafen"  # stale: starts from the old translation


def test_round_trip_without_edits_changes_nothing(
    vitrine: Callable[..., Run], minimal_content: Path, tmp_path: Path
) -> None:
    export(vitrine, minimal_content, tmp_path / "de.xlf")
    before = tree_digest(minimal_content)
    run = vitrine("translations", "import", "--content", minimal_content, tmp_path / "de.xlf")
    assert run.code == 0, run.output
    assert "0 texts imported" in run.stdout
    assert tree_digest(minimal_content) == before


def test_import_of_a_translated_file_makes_everything_up_to_date(
    vitrine: Callable[..., Run], minimal_content: Path, tmp_path: Path
) -> None:
    tree = export(vitrine, minimal_content, tmp_path / "de.xlf")
    translate_everything(tree, tmp_path / "de-done.xlf")
    run = vitrine("translations", "import", "--content", minimal_content, tmp_path / "de-done.xlf")
    assert run.code == 0, run.output
    report = json.loads(vitrine("status", "--content", minimal_content, "--json").stdout)
    texts = [t["state"] for t in report["texts"] if t["language"] == "de" and t["kind"] != "interface text"]
    assert texts == ["up-to-date"] * 9
    water = (minimal_content / "sectors" / "water.de.md").read_text()
    assert "## DE Skills" in water  # the heading stays a heading
    assert "[[figure:residents]]" in water  # the citation survives
    assert vitrine("check", "--content", minimal_content).code == 0
    second = vitrine(
        "translations", "export", "--content", minimal_content, "--lang", "de", "--out", tmp_path / "again.xlf"
    )
    assert "(0 texts" in second.stdout


def test_a_file_made_from_an_older_source_is_refused(
    vitrine: Callable[..., Run], minimal_content: Path, tmp_path: Path
) -> None:
    tree = export(vitrine, minimal_content, tmp_path / "de.xlf")
    translate_everything(tree, tmp_path / "de-done.xlf")
    source = minimal_content / "sectors" / "water.en.md"
    source.write_text(source.read_text().replace("forty technicians", "fifty technicians"))
    before = tree_digest(minimal_content)
    run = vitrine("translations", "import", "--content", minimal_content, tmp_path / "de-done.xlf")
    assert run.code == 1
    assert "no longer matches its source text" in run.stderr and "sector/water" in run.stderr
    assert tree_digest(minimal_content) == before
