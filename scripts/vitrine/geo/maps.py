"""Maps drawn at build time: the territory's places on its coast, and the world's countries by tier.

Each map is computed once as plain geometry in pixels (path data and marker positions); the site and the kit draw
it with their own templates, so both show the same map.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from vitrine.geo.atlas import atlas
from vitrine.geo.shapes import Point, bounds, clip_ring, equal_earth, local_projection, path_data, simplified

TERRITORY_SIZE = (800, 560)
WORLD_SIZE = (960, 500)
# Markers (16 pixels in radius) closer than this are spread around their centre, so that each can be reached.
CROWDED = 36


@dataclass(frozen=True)
class Place:
    id: str
    kind: str  # project, site…
    lon: float
    lat: float


@dataclass(frozen=True)
class PlacedMarker:
    place: Place
    number: int  # its number on the map and in the list beside it
    x: float
    y: float


@dataclass(frozen=True)
class TerritoryGeometry:
    width: int
    height: int
    land: str  # path data of the land within the frame
    markers: list[PlacedMarker]


def _frame(points: list[Point], width: int, height: int, margin: float, minimum: float) -> tuple[float, ...]:
    """The projected rectangle around ``points``, with a margin, at least ``minimum`` wide, at the map's ratio."""
    left, top, right, bottom = bounds(points)
    span_x, span_y = max(right - left, minimum), max(bottom - top, minimum * height / width)
    centre_x, centre_y = (left + right) / 2, (top + bottom) / 2
    span_x, span_y = span_x * (1 + 2 * margin), span_y * (1 + 2 * margin)
    if span_x / span_y > width / height:
        span_y = span_x * height / width
    else:
        span_x = span_y * width / height
    return centre_x - span_x / 2, centre_y - span_y / 2, centre_x + span_x / 2, centre_y + span_y / 2


def spread(markers: list[PlacedMarker]) -> list[PlacedMarker]:
    """Markers that would cover each other are set on a small circle around their common centre."""
    groups: list[list[PlacedMarker]] = []
    for marker in markers:
        group = next((g for g in groups if math.hypot(g[0].x - marker.x, g[0].y - marker.y) < CROWDED), None)
        if group is None:
            groups.append([marker])
        else:
            group.append(marker)
    placed = []
    for group in groups:
        if len(group) == 1:
            placed.append(group[0])
            continue
        cx, cy = sum(m.x for m in group) / len(group), sum(m.y for m in group) / len(group)
        radius = CROWDED * 0.6 / math.sin(math.pi / len(group))
        for index, marker in enumerate(group):
            angle = -math.pi / 2 + 2 * math.pi * index / len(group)
            placed.append(
                PlacedMarker(marker.place, marker.number, cx + radius * math.cos(angle), cy + radius * math.sin(angle))
            )
    return sorted(placed, key=lambda marker: marker.number)


@lru_cache(maxsize=16)
def territory_geometry(places: tuple[Place, ...]) -> TerritoryGeometry:
    """The coast and the places of the territory, in pixels of a TERRITORY_SIZE map."""
    width, height = TERRITORY_SIZE
    project = local_projection(sum(place.lat for place in places) / len(places))
    projected = [project(place.lon, place.lat) for place in places]
    left, top, right, bottom = _frame(projected, width, height, margin=0.18, minimum=0.35)
    scale = width / (right - left)

    def to_pixels(point: Point) -> Point:
        return (point[0] - left) * scale, (point[1] - top) * scale

    rings = []
    for polygon in atlas("10m").land:
        for ring in polygon:
            cut = clip_ring([project(lon, lat) for lon, lat in ring], left, top, right, bottom)
            if len(cut) >= 3:
                rings.append(simplified([to_pixels(point) for point in cut], 0.6))
    markers = [
        PlacedMarker(place, number, *to_pixels(point))
        for number, (place, point) in enumerate(zip(places, projected, strict=True), start=1)
    ]
    return TerritoryGeometry(width, height, path_data(rings), spread(markers))


@dataclass(frozen=True)
class WorldGeometry:
    width: int
    height: int
    land: str  # every country
    countries: dict[str, str]  # alpha-2 code -> path data, for the countries the map highlights
    home: Point  # where the territory is


SOUTH = -58.0  # the world map stops above Antarctica
NORTH = 84.0


def unwrapped(ring: list[Point]) -> list[Point]:
    """A ring with continuous longitudes: one that crosses the 180th meridian (Russia, Fiji) goes on past it."""
    points: list[Point] = []
    shift = 0.0
    for lon, lat in ring:
        if points and abs(lon + shift - points[-1][0]) > 180:
            shift += 360 if points[-1][0] > lon + shift else -360
        points.append((lon + shift, lat))
    return points


def on_the_map(ring: list[Point]) -> list[list[Point]]:
    """The pieces of a ring between the map's edges: past the 180th meridian, a piece comes back on the other side."""
    points = unwrapped(ring)
    pieces = []
    for offset in (0.0, -360.0, 360.0):
        shifted = [(lon + offset, lat) for lon, lat in points]
        piece = clip_ring(shifted, -180.0, SOUTH, 180.0, NORTH)
        if len(piece) >= 3:
            pieces.append(piece)
    return pieces


@lru_cache(maxsize=8)
def world_geometry(highlighted: tuple[str, ...], home: tuple[float, float]) -> WorldGeometry:
    """The world (Equal Earth, without Antarctica), with the given countries apart, in pixels of a WORLD_SIZE map."""
    width, height = WORLD_SIZE
    detailed, coarse = atlas("50m"), atlas("110m")  # highlighted countries in detail, the rest lighter
    left, right = equal_earth(-180, 0)[0], equal_earth(180, 0)[0]
    top, bottom = equal_earth(0, NORTH)[1], equal_earth(0, SOUTH)[1]
    scale = min(width / (right - left), height / (bottom - top))
    offset_x = (width - (right - left) * scale) / 2

    def to_pixels(lon: float, lat: float) -> Point:
        x, y = equal_earth(lon, lat)
        return (x - left) * scale + offset_x, (y - top) * scale

    def draw(polygons: list[list[list[Point]]]) -> str:
        rings = []
        for polygon in polygons:
            for ring in polygon:
                for piece in on_the_map(ring):
                    rings.append(simplified([to_pixels(lon, lat) for lon, lat in piece], 0.5))
        return path_data(rings, digits=0)

    return WorldGeometry(
        width,
        height,
        draw(coarse.land),
        {code: draw(detailed.countries.get(code, [])) for code in highlighted},
        to_pixels(*home),
    )
