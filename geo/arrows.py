"""The geometry of an arrow, shared by the web map and its static twin so both draw the same arrows.

* :func:`endpoints`: where an arrow starts and ends; an arrow to a border ends at the point of the
  border nearest its origin, so several origins fan out along the line;
* :func:`arc`: a quadratic Bézier bowed to the right of travel, so A→B and B→A never overlap;
* :func:`width_scale`: line widths proportional to people, with round reference widths for the legend.

It knows nothing of tables or places: an arrow's end is anything with a position, and a line
geometry when it is a border (:class:`End`), so :mod:`geo.movements` uses it and never the reverse.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

MAX_WIDTH_PX = 18.0  # the largest flow's line width; others are proportional to it
MIN_WIDTH_PX = 1.5  # thinner lines vanish on screen and in print, so small flows are drawn at least this wide
ARC_BEND = 0.18  # control-point offset as a share of the arrow's length
ARC_POINTS = 25


class End(Protocol):
    """One end of an arrow: a point, or a line (a border) with the point where it is labelled."""

    lat: float
    lon: float
    geometry: object  # a shapely geometry in (lon, lat); read only when ``is_line``

    @property
    def is_line(self) -> bool: ...


@dataclass(frozen=True)
class WidthScale:
    """Line width in pixels proportional to people: ``px = value * px_per_unit`` (at least MIN_WIDTH_PX)."""

    px_per_unit: float
    references: tuple[float, ...]  # 2–3 round values for the legend, largest first

    def width(self, value: float) -> float:
        return round(max(MIN_WIDTH_PX, value * self.px_per_unit), 2)


def nice_floor(value: float) -> float:
    """The largest of 1, 2, 5 × 10^k not above ``value``.

    >>> nice_floor(48000), nice_floor(7), nice_floor(0.3)
    (20000, 5, 0.2)
    """
    if value <= 0:
        return 0
    exp = math.floor(math.log10(value))
    for step in (5, 2, 1):
        v = step * 10.0**exp
        if v <= value * (1 + 1e-12):
            return int(v) if exp >= 0 else round(v, -exp)
    return 10.0**exp  # pragma: no cover


def width_scale(max_value: float, max_width: float = MAX_WIDTH_PX) -> WidthScale:
    """Widths proportional to people, the largest flow ``max_width`` px, with round reference values.

    >>> s = width_scale(48000)
    >>> s.references, s.width(48000), s.width(10)
    ((20000, 10000), 18.0, 1.5)
    """
    if max_value <= 0:
        return WidthScale(0.0, ())
    per = max_width / max_value
    refs = []
    for share in (1.0, 0.3, 0.08):
        v = nice_floor(max_value * share)
        if v and v * per >= MIN_WIDTH_PX and v not in refs:
            refs.append(v)
    return WidthScale(per, tuple(refs))


def arc(
    start: tuple[float, float], end: tuple[float, float], bend: float = ARC_BEND, points: int = ARC_POINTS
) -> list[tuple[float, float]]:
    """A quadratic Bézier from ``start`` to ``end`` ((lat, lon) pairs), bowed to the right of travel.

    Bending to the right means A→B and B→A bow to opposite sides and never
    overlap. The curve is computed in a plane where a degree of longitude is
    shortened by cos(latitude), so it keeps its shape on the map.

    >>> a, b = arc((35.0, 36.0), (36.0, 36.0), points=3), arc((36.0, 36.0), (35.0, 36.0), points=3)
    >>> a[1][1] > 36.0 > b[1][1]  # north-bound bows east, south-bound bows west
    True
    """
    (lat0, lon0), (lat1, lon1) = start, end
    c_lat, c_lon = control_point(start, end, bend)
    out = []
    for i in range(points):
        t = i / (points - 1)
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
        out.append((round(a * lat0 + b * c_lat + c * lat1, 5), round(a * lon0 + b * c_lon + c * lon1, 5)))
    return out


def control_point(start: tuple[float, float], end: tuple[float, float], bend: float = ARC_BEND) -> tuple[float, float]:
    """The (lat, lon) control point of the arrow's quadratic Bézier: off the middle, to the right of travel.

    Worked out where a degree of longitude is shortened by cos(latitude), so the bow keeps its shape on
    the map; a Bézier survives that scaling, so the curve through this point in degrees is the same curve.
    """
    (lat0, lon0), (lat1, lon1) = start, end
    k = math.cos(math.radians((lat0 + lat1) / 2)) or 1e-9
    dx, dy = (lon1 - lon0) * k, lat1 - lat0
    # the right-hand normal of (dx, dy) is (dy, -dx); its length equals the arrow's, so bend is a share of it
    return (lat0 + lat1) / 2 - bend * dx, (lon0 + lon1) / 2 + bend * dy / k


def _nearest_on(line, lat: float, lon: float, other=None) -> tuple[float, float]:
    """The point of ``line`` nearest (lat, lon), or nearest the geometry ``other``.

    Distances are measured with longitude shrunk by cos(latitude), so "nearest" means nearest on the ground.
    """
    import shapely
    from shapely import affinity
    from shapely.ops import nearest_points

    k = math.cos(math.radians(lat)) or 1e-9
    squeezed = affinity.scale(line, xfact=k, yfact=1.0, origin=(0, 0))
    target = (
        affinity.scale(other, xfact=k, yfact=1.0, origin=(0, 0)) if other is not None else shapely.Point(lon * k, lat)
    )
    p = nearest_points(squeezed, target)[0]
    return round(p.y, 6), round(p.x / k, 6)


def endpoints(o: End, d: End) -> tuple[tuple[float, float], tuple[float, float]]:
    """Where an arrow from ``o`` to ``d`` starts and ends: a border end is the point of the line nearest the other end.

    >>> from types import SimpleNamespace as End
    >>> from shapely.geometry import LineString
    >>> border = End(lat=36.5, lon=37.0, is_line=True, geometry=LineString([(36.0, 36.5), (38.0, 36.5)]))
    >>> west, east = End(lat=35.5, lon=36.2, is_line=False), End(lat=35.5, lon=37.6, is_line=False)
    >>> endpoints(west, border)[1], endpoints(east, border)[1]  # two origins fan out along the border
    ((36.5, 36.2), (36.5, 37.6))
    """
    if o.is_line and d.is_line:
        start = _nearest_on(o.geometry, o.lat, o.lon, other=d.geometry)
        end = _nearest_on(d.geometry, start[0], start[1])
        return start, end
    start = _nearest_on(o.geometry, d.lat, d.lon) if o.is_line else (o.lat, o.lon)
    end = _nearest_on(d.geometry, o.lat, o.lon) if d.is_line else (d.lat, d.lon)
    return start, end
