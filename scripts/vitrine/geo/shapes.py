"""Plane geometry for maps drawn at build time: projections, clipping to a frame, simplification, SVG paths.

Pure functions on lists of points: a map is projected once, cut to its frame, simplified to what a screen can
show, and written as compact SVG path data.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

Point = tuple[float, float]
Ring = list[Point]
Projection = Callable[[float, float], Point]  # (longitude, latitude) -> (x, y), y growing downwards


def local_projection(centre_lat: float) -> Projection:
    """Equirectangular around a latitude: true to scale in both directions for an area of a few hundred km."""
    factor = math.cos(math.radians(centre_lat))
    return lambda lon, lat: (lon * factor, -lat)


# Equal Earth (Šavrič, Patterson, Jenny, 2018): areas true to size, a familiar look for a world map.
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> Point:
    theta = math.asin(_M * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = math.radians(lon) * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, -y


def clip_ring(ring: Ring, left: float, top: float, right: float, bottom: float) -> Ring:
    """The part of a closed ring inside a rectangle (Sutherland-Hodgman): what lies outside is cut along the edge."""

    def cut(points: Ring, inside: Callable[[Point], bool], cross: Callable[[Point, Point], Point]) -> Ring:
        found: Ring = []
        for index, current in enumerate(points):
            previous = points[index - 1]
            if inside(current):
                if not inside(previous):
                    found.append(cross(previous, current))
                found.append(current)
            elif inside(previous):
                found.append(cross(previous, current))
        return found

    def at_x(x: float) -> Callable[[Point, Point], Point]:
        return lambda a, b: (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))

    def at_y(y: float) -> Callable[[Point, Point], Point]:
        return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)

    points = ring
    for inside, cross in (
        (lambda p: p[0] >= left, at_x(left)),
        (lambda p: p[0] <= right, at_x(right)),
        (lambda p: p[1] >= top, at_y(top)),
        (lambda p: p[1] <= bottom, at_y(bottom)),
    ):
        if not points:
            break
        points = cut(points, inside, cross)
    return points


def simplified(points: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker: the fewest points that stay within ``tolerance`` of the line."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = math.hypot(bx - ax, by - ay)
        farthest, distance = first, 0.0
        for index in range(first + 1, last):
            px, py = points[index]
            if length:
                gap = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            else:
                gap = math.hypot(px - ax, py - ay)
            if gap > distance:
                farthest, distance = index, gap
        if distance > tolerance:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def bounds(points: Sequence[Point]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def path_data(rings: Sequence[Ring], digits: int = 1) -> str:
    """SVG path data for closed rings (M … L … Z), with coordinates rounded to ``digits`` decimals."""

    def number(value: float) -> str:
        text = f"{value:.{digits}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return "0" if text in ("", "-0") else text

    parts = []
    for ring in rings:
        if len(ring) < 3:
            continue
        head, *rest = ring
        parts.append(
            f"M{number(head[0])} {number(head[1])}" + "".join(f"L{number(x)} {number(y)}" for x, y in rest) + "Z"
        )
    return "".join(parts)
