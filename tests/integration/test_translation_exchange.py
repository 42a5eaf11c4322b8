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


def test_a_stale_translation_is_paired_with_its_source_by_fingerprints_not_by_position(
    vitrine: Callable[..., Run], minimal_content: Path, tmp_path: Path
) -> None:
    source, german = minimal_content / "projects" / "marina.en.md", minimal_content / "projects" / "marina.de.md"
    header = source.read_text().split("---\n\n", 1)[0]
    source.write_text(f"{header}---\n\nThe marina opened.\n\nIt has a test basin.\n\nBoats come from far away.\n")
    german_header = german.read_text().split("---\n\n", 1)[0]
    german.write_text(
        f"{german_header}---\n\nDer Hafen wurde eröffnet.\n\nEr hat ein Testbecken.\n\nBoote kommen von weit her.\n"
    )
    assert vitrine("translations", "stamp", "--content", minimal_content, "projects/marina.de.md").code == 0
    assert "source_paragraphs: [" in german.read_text()
    # The source gains a paragraph at the top and rewrites its last one: the translation is now stale.
    paragraphs = ["A new first paragraph.", "The marina opened.", "It has a test basin.", "Boats come from everywhere."]
    source.write_text(f"{header}---\n\n" + "\n\n".join(paragraphs) + "\n")
    root = export(vitrine, minimal_content, tmp_path / "de.xlf").getroot()
    marina = root.find("x:file[@id='project/marina']", NS)
    assert marina is not None
    targets = {}
    for unit in marina.iterfind("x:unit", NS):
        target = unit.find("x:segment/x:target", NS)
        targets[unit.get("id")] = None if target is None else "".join(target.itertext())
    assert targets["body.1"] is None, "a new paragraph has no translation yet"
    assert targets["body.2"] == "Der Hafen wurde eröffnet."
    assert targets["body.3"] == "Er hat ein Testbecken."
    assert targets["body.4"] is None, "a rewritten paragraph is translated anew"
    assert targets["title"] == "Der neue Yachthafen"


def test_stamping_one_file_changes_only_its_fingerprint_lines(
    vitrine: Callable[..., Run], reference_content: Path
) -> None:
    french, german = reference_content / "arguments.fr.yml", reference_content / "arguments.de.yml"
    text = french.read_text(encoding="utf-8")
    french.write_text(text.replace('"Premier port français de Méditerranée"', '"Le premier port de Méditerranée"'))
    german.write_text("# Reviewed by the German desk.\n" + german.read_text(encoding="utf-8"), encoding="utf-8")
    before = german.read_text(encoding="utf-8").splitlines()
    run = vitrine("translations", "stamp", "--content", reference_content, "arguments.de.yml")
    assert run.code == 0, run.output
    after = german.read_text(encoding="utf-8").splitlines()
    changed = [line for line in after if line not in before] + [line for line in before if line not in after]
    assert len(changed) == 2 and all(line.strip().startswith("source_hash:") for line in changed), changed
    assert after[0] == "# Reviewed by the German desk."
    unknown = vitrine("translations", "stamp", "--content", reference_content, "arguments.xx.yml")
    assert unknown.code == 2 and "is not a translation file" in unknown.output
