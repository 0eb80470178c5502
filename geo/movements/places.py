"""Placing the ends of flows: every distinct name resolved in ONE call, so the names give each other context.

"the Turkish border" next to Syrian towns is the Syria–Turkey line; "Tripoli" next to them is Lebanon's.
Every spelling of the same feature shares one :class:`~geo.movements.model.Place`, labelled as the table
first wrote it; ``level="admin1"`` replaces each place by the governorate (province) it lies in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from geo.movements.model import Place

if TYPE_CHECKING:
    from geo.geocode import Match


def place_names(
    names: Iterable[str],
    *,
    country: str | Sequence[str] | None = None,
    level: str | None = None,
    min_score: float | None = None,
    gazetteer=None,
) -> dict[str, Place]:
    """Each name that the gazetteer places → its :class:`Place` (names it cannot place are left out)."""
    from geo.geocode import resolve

    names = list(dict.fromkeys(n for n in names if n))
    kwargs = {"min_score": min_score} if min_score is not None else {}
    matches = resolve(names, country=country, gazetteer=gazetteer, **kwargs) if names else []
    places: dict[str, Place] = {}
    labels: dict[str, str] = {}  # the first spelling the table used for each feature
    for name, m in zip(names, matches):
        p = place_of(m, name)
        if p is not None:
            places[name] = replace(p, label=labels.setdefault(p.key, name))
    return roll_up(places) if level == "admin1" else places


def place_of(match: Match, label: str) -> Place | None:
    """Where a gazetteer match is drawn: a point, the inside of an area, or a border line (None: no match)."""
    from geo.shapes import geometry_for

    if not match.matched:
        return None
    geom = geometry_for(match)
    if match.kind == "border":
        lat, lon = match.lat, match.lon
    elif geom is not None and geom.geom_type != "Point":
        point = geom.representative_point()
        lat, lon = round(point.y, 6), round(point.x, 6)
    else:
        lat, lon = match.lat, match.lon
    key = match.id or f"{match.lat},{match.lon}"
    if match.qualifier and match.kind in ("country", "admin1", "admin2", "admin3"):
        key += f"#{match.qualifier}"  # "southern Idlib" is not "Idlib"
    return Place(
        key=key, label=label, lat=lat, lon=lon, kind=match.kind,
        matched=match.name, score=match.score, source=match.source, geometry=geom,
    )  # fmt: skip


def roll_up(places: dict[str, Place]) -> dict[str, Place]:
    """Each place replaced by the admin-1 area it lies in (borders, countries and places outside stay)."""
    import shapely

    from geo import boundaries

    areas = boundaries.admin1()
    tree = shapely.STRtree(areas.geometry.values)
    out: dict[str, Place] = {}
    for name, p in places.items():
        if p.kind in ("border", "country"):
            out[name] = p
            continue
        hits = tree.query(shapely.Point(p.lon, p.lat), predicate="intersects")
        if not len(hits):
            out[name] = p
            continue
        row = areas.iloc[int(sorted(hits)[0])]
        key = f"admin1:{row['pcode']}" if row["pcode"] else f"admin1:{row['iso_a2']}.{row['name']}"
        point = row.geometry.representative_point()
        out[name] = Place(
            key=key, label=str(row["name"]), lat=round(point.y, 6), lon=round(point.x, 6), kind="admin1",
            matched=str(row["name"]), score=p.score, source="Natural Earth", geometry=row.geometry,
        )  # fmt: skip
    return out
