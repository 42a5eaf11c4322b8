"""The world's land and countries, from Natural Earth (public domain), as the npm package world-atlas ships them:
TopoJSON, decoded here into polygons of (longitude, latitude) points. Read once per process.

The package is installed into the project's node_modules/ by ``make build``; without it, maps are left out and
the build says so.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel.core import get_global

# The project that holds the package: scripts/vitrine/geo/atlas.py -> the project's root.
PROJECT = Path(__file__).resolve().parents[3]
ATLAS = PROJECT / "node_modules" / "world-atlas"
ATTRIBUTION = "Natural Earth"  # public domain; naturalearthdata.com asks to be credited, and we do
ATTRIBUTION_URL = "https://www.naturalearthdata.com/"

Point = tuple[float, float]  # longitude, latitude
Ring = list[Point]
Polygon = list[Ring]  # the outer ring, then its holes


class AtlasMissing(Exception):
    pass


@dataclass(frozen=True)
class Atlas:
    land: list[Polygon]
    countries: dict[str, list[Polygon]]  # ISO 3166 alpha-2 code -> its polygons


def _decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[list[Point]]) -> Ring:
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _polygons(geometry: dict[str, Any], arcs: list[list[Point]]) -> list[Polygon]:
    if geometry.get("type") == "Polygon":
        return [[_ring(ring, arcs) for ring in geometry["arcs"]]]
    if geometry.get("type") == "MultiPolygon":
        return [[_ring(ring, arcs) for ring in polygon] for polygon in geometry["arcs"]]
    return []


def numeric_to_alpha2() -> dict[str, str]:
    """ISO 3166 numeric codes (world-atlas's ids) to alpha-2 codes (the content's), from CLDR's aliases."""
    aliases: Mapping[str, list[str]] = get_global("territory_aliases")
    return {code: targets[0] for code, targets in aliases.items() if code.isdigit() and targets}


@lru_cache(maxsize=4)
def atlas(resolution: str) -> Atlas:
    """The land and the countries at one of Natural Earth's scales: "10m" (detailed), "50m" or "110m"."""
    path = ATLAS / f"countries-{resolution}.json"
    if not path.is_file():
        raise AtlasMissing(f"{path} is missing: run make build, which installs the map data (npm world-atlas).")
    topology = json.loads(path.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    codes = numeric_to_alpha2()
    countries: dict[str, list[Polygon]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = codes.get(str(geometry.get("id", "")).zfill(3))
        if code:
            countries.setdefault(code, []).extend(_polygons(geometry, arcs))
    land = [polygon for geometry in topology["objects"]["land"]["geometries"] for polygon in _polygons(geometry, arcs)]
    return Atlas(land, countries)
