"""The true geometry of a match: a point, a border line, or an area polygon.

Areas asked for with a direction ("southern Idlib", "north-western Syria")
are cut to that half or quarter of their bounding box, so the map shows the
part the text speaks of.
"""

from __future__ import annotations

import functools

import shapely
from shapely.geometry import Point, box

from geo import boundaries

_PARTS = {
    "north": (0.0, 0.5, 1.0, 1.0),
    "south": (0.0, 0.0, 1.0, 0.5),
    "east": (0.5, 0.0, 1.0, 1.0),
    "west": (0.0, 0.0, 0.5, 1.0),
    "northwest": (0.0, 0.5, 0.5, 1.0),
    "northeast": (0.5, 0.5, 1.0, 1.0),
    "southwest": (0.0, 0.0, 0.5, 0.5),
    "southeast": (0.5, 0.0, 1.0, 0.5),
    "central": (0.25, 0.25, 0.75, 0.75),
}
_extra: dict[str, object] = {}  # geometries of user areas added for this run, by feature id


def register(uid: str, geom) -> None:
    """Remember the geometry of a user area added to the gazetteer."""
    _extra[uid] = geom
    area.cache_clear()
    area_part_point.cache_clear()


@functools.lru_cache(maxsize=4096)
def area(uid: str):
    """The polygon (or line) of a feature by id, or None: shipped countries, admin-1 areas, borders, user areas."""
    kind, code = uid.split(":", 1)
    if uid in _extra:
        return _extra[uid]
    if kind == "admin0":
        gdf = boundaries.admin0()
        hit = gdf[gdf["iso_a2"] == code]
        if hit.empty:
            hit = gdf[gdf["name"] == code]
    elif kind == "admin1":
        gdf = boundaries.admin1()
        if "." in code:
            iso, rest = code.split(".", 1)
            hit = gdf[(gdf["iso_a2"] == iso) & ((gdf["hasc"] == rest) | (gdf["name"] == rest))]
        else:
            hit = gdf[gdf["pcode"] == code]
    elif kind == "border":
        a, b = code.split("-")
        hit = boundaries.borders(a, b)
    else:
        return None
    return hit.geometry.iloc[0] if len(hit) else None


def part(geom, direction: str):
    """The part of an area a direction names (its bounding box cut in halves or quarters)."""
    if direction not in _PARTS:
        return geom
    minx, miny, maxx, maxy = geom.bounds
    fx0, fy0, fx1, fy1 = _PARTS[direction]
    w, h = maxx - minx, maxy - miny
    cut = shapely.intersection(geom, box(minx + fx0 * w, miny + fy0 * h, minx + fx1 * w, miny + fy1 * h))
    return cut if not cut.is_empty else geom


def geometry_for(match):
    """Geometry of a :class:`geo.geocode.Match` (None when unmatched)."""
    if not match.matched:
        return None
    geom = area(match.id) if match.id.split(":", 1)[0] in ("admin0", "admin1", "border") or match.id in _extra else None
    if geom is None:
        return Point(match.lon, match.lat)
    if match.qualifier and match.kind in ("country", "admin1", "admin2", "admin3"):
        return part(geom, match.qualifier)
    return geom


@functools.lru_cache(maxsize=1024)
def area_part_point(uid: str, direction: str) -> tuple[float, float] | None:
    """A (lat, lon) inside the part of area ``uid`` that ``direction`` names, or None if the area is unknown."""
    geom = area(uid)
    if geom is None:
        return None
    point = part(geom, direction).representative_point()
    return round(point.y, 6), round(point.x, 6)
