"""Geocoding many names at once, offline, with context; and a geopy geocoder.

:func:`resolve` returns one :class:`Match` per input name, in input order;
:func:`geocode` returns the same as a GeoDataFrame with the true geometry
(point, border line or area polygon). Names that match nothing keep their
row, with no coordinates and score 0.

Disambiguation, in order: the ``country`` filter and ``bbox`` (hard filters),
then the other places of the same request (countries and distance), then the
kind of feature (bare "Idlib" is the governorate) and population.

>>> [m.kind for m in resolve(["Idlib", "Idlib city", "the Turkish border"])]
['admin1', 'place', 'border']
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geo import query as _query
from geo.gazetteer import DEFAULT_MIN_SCORE, FOCUS_COUNTRIES, KIND_RANK, Candidate, Feature, Gazetteer, fuzzy_cutoff

COLUMNS = [
    "query", "name", "lat", "lon", "kind", "admin1", "country", "score", "source",
    "id", "pcode", "how", "qualifier", "alternatives", "note",
]  # fmt: skip
AREA_KINDS = ("country", "admin1", "admin2", "admin3")
NEAR_KM = 25.0  # candidates closer than this are the same place (a town and its governorate)
CONTEXT_BAND_KM = 150.0  # candidates this much nearer to the other places of a request win


@dataclass(frozen=True)
class Match:
    """The answer for one input name: what it matched, where, how sure, and from which source."""

    query: str
    name: str = ""
    lat: float | None = None
    lon: float | None = None
    kind: str = ""
    admin1: str = ""
    country: str = ""
    score: float = 0.0
    source: str = ""
    id: str = ""
    pcode: str = ""
    how: str = ""
    qualifier: str = ""
    alternatives: str = ""
    note: str = ""

    @property
    def matched(self) -> bool:
        return self.lat is not None

    def row(self) -> dict:
        return {c: getattr(self, c) for c in COLUMNS}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def _countries(country: str | Sequence[str] | None) -> tuple[str, ...] | None:
    if not country:
        return None
    if isinstance(country, str):
        country = country.replace(";", ",").split(",")
    codes = tuple(sorted({c.strip().upper() for c in country if c.strip()}))
    return codes or None


def _passes(feature: Feature, countries, bbox) -> bool:
    if countries and feature.kind != "coordinates":
        if feature.kind == "border":
            if not set(feature.uid.split(":", 1)[1].split("-")) & set(countries):
                return False
        elif feature.country not in countries:
            return False
    if bbox:
        west, south, east, north = bbox
        if not (south <= feature.lat <= north and west <= feature.lon <= east):
            return False
    return True


class _Context:
    """Where the unambiguous places of a request lie (the focus countries when nothing does)."""

    def __init__(self, anchors: list[Feature], default: Sequence[str] = FOCUS_COUNTRIES):
        self.countries = {f.country for f in anchors if f.country} or set(default)
        pts = [(f.lat, f.lon) for f in anchors]
        self.centre = (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)) if pts else None

    def rank(self, cand: Candidate) -> tuple:
        f = cand.feature
        band = 0
        if self.centre:
            band = int(_km(f.lat, f.lon, *self.centre) // CONTEXT_BAND_KM)
        if f.kind == "border":  # the border whose both sides are where the request is
            outside = sum(side not in self.countries for side in f.uid.split(":", 1)[1].split("-"))
        else:
            outside = 0 if (not f.country or f.country in self.countries) else 1
        return (-round(cand.score, 1), outside, band, KIND_RANK.get(f.kind, 9), -f.population)


def resolve(
    names: Iterable[str],
    country: str | Sequence[str] | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    gazetteer: Gazetteer | None = None,
) -> list[Match]:
    """One :class:`Match` per name, in order; unmatched names have ``lat`` None and score 0.

    ``country`` is an ISO 3166-1 alpha-2 code or several ("SY,TR"); ``bbox`` is
    (west, south, east, north) in degrees.
    """
    gaz = gazetteer or Gazetteer.default()
    names = ["" if n is None else str(n) for n in names]
    countries = _countries(country)
    min_fuzzy = fuzzy_cutoff(min_score)
    cands: dict[str, list[Candidate]] = {}
    for name in dict.fromkeys(names):
        found = gaz.lookup(name, min_fuzzy, countries) if name.strip() else []
        cands[name] = [c for c in found if _passes(c.feature, countries, bbox)]
    anchors = []
    for found in cands.values():
        good = [c for c in found if c.score >= min_score]
        if good and good[0].feature.kind not in ("border", "coordinates"):
            top = [c for c in good if c.score == good[0].score]
            if len({(round(c.feature.lat), round(c.feature.lon)) for c in top}) == 1:
                anchors.append(top[0].feature)
    context = _Context(anchors, countries or FOCUS_COUNTRIES)
    answers = {name: _choose(name, found, context, min_score, countries, gaz) for name, found in cands.items()}
    return [answers[n] for n in names]


def _describe(f: Feature) -> str:
    return f"{f.name} ({f.kind}, {f.country or '?'}, {f.lat:.4f},{f.lon:.4f})"


def _choose(name, found, context, min_score, countries, gaz) -> Match:
    if not name.strip():
        return Match(name, note="empty name")
    good = sorted((c for c in found if c.score >= min_score), key=context.rank)
    if not good:
        near = f"; closest: {_describe(found[0].feature)} scored {found[0].score:.0f}" if found else ""
        return Match(
            name, alternatives=near.removeprefix("; closest: "), note=f"no match scoring {min_score:.0f} or more{near}"
        )
    best = good[0]
    f = best.feature
    q = _query.parse(name)
    others = []
    for c in good[1:]:
        if len(others) == 3:
            break
        far = _km(f.lat, f.lon, c.feature.lat, c.feature.lon) > NEAR_KM
        # a governorate and its capital town are one answer, not two
        rival = c.feature.kind == f.kind or c.feature.country != f.country
        # only a rival the request's context could not tell apart makes the name ambiguous
        undecided = context.rank(c)[:3] == context.rank(best)[:3]
        if far and rival and undecided and c.feature.uid != f.uid:
            others.append(_describe(c.feature))
    note = "ambiguous: chose by context, kind and population" if others else ""
    lat, lon = f.lat, f.lon
    if q.direction and f.kind in AREA_KINDS:  # "southern Idlib": a point inside that part, not the whole
        from geo.shapes import area_part_point

        lat, lon = area_part_point(f.uid, q.direction) or (lat, lon)
    country = f.country
    if f.kind == "border":  # the country the text named ("the Turkish border": TR), else the pair's first
        named = gaz.country_codes(q.key)
        country = named[0] if named else f.uid.split(":", 1)[1].split("-")[0]
    return Match(
        query=name, name=f.name, lat=lat, lon=lon, kind=f.kind, admin1=f.admin1, country=country,
        score=round(best.score, 1), source=f.source, id=f.uid, pcode=f.pcode, how=best.how,
        qualifier=q.direction or "", alternatives="; ".join(others), note=note,
    )  # fmt: skip


def summary(matches: Sequence[Match]) -> str:
    """One line: "41 of 43 names placed; unmatched: A, B"."""
    placed = sum(m.matched for m in matches)
    empty = sum(1 for m in matches if not m.query.strip())
    line = f"{placed} of {len(matches) - empty} names placed"
    missing = [m.query for m in matches if m.query.strip() and not m.matched]
    if missing:
        shown = ", ".join(_short(m) for m in missing[:10])
        more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
        line += f"; unmatched: {shown}{more}"
    if empty:
        line += f"; {empty} empty skipped"
    return line


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def geocode(
    names: Iterable[str],
    country: str | Sequence[str] | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    gazetteer: Gazetteer | None = None,
):
    """Geocode names offline; a GeoDataFrame with one row per name, in input order (EPSG:4326).

    Columns: ``query, name, lat, lon, kind, admin1, country, score, source, id,
    pcode, how, qualifier, alternatives, note`` and ``geometry`` — a point for
    towns, camps and crossings, the border line for borders, the polygon for
    areas (cut to the half or quarter a direction names: "southern Idlib").

    >>> gdf = geocode(["Idleb", "Maaret al-Numan", "Nowhere-on-earth"])
    >>> list(gdf["kind"]), int(gdf["lat"].isna().sum())
    (['admin1', 'place', ''], 1)
    """
    return to_geodataframe(resolve(names, country, bbox, min_score, gazetteer))


def to_geodataframe(matches: Sequence[Match]):
    """Matches as a GeoDataFrame: one row each, with the true geometry (see :func:`geocode`)."""
    import geopandas as gpd

    from geo.shapes import geometry_for

    rows = [m.row() for m in matches]
    geoms = [geometry_for(m) for m in matches]
    gdf = gpd.GeoDataFrame(rows, columns=COLUMNS, geometry=geoms, crs=4326)
    gdf.attrs["unmatched"] = [m.query for m in matches if not m.matched]
    return gdf


class OfflineGazetteer(Geocoder):
    """geopy geocoder backed by geo's offline gazetteer: no network, ever.

    >>> loc = OfflineGazetteer().geocode("Idleb")
    >>> loc.raw["pcode"], round(loc.latitude)
    ('SY07', 36)
    """

    def __init__(self, country: str | Sequence[str] | None = None, min_score: float = DEFAULT_MIN_SCORE,
                 gazetteer: Gazetteer | None = None, **kwargs):  # fmt: skip
        """``gazetteer``: e.g. ``geo.admin.gazetteer_with("syr_adm3.gpkg")`` to find your own admin areas too."""
        super().__init__(**kwargs)
        self.country = country
        self.min_score = min_score
        self.gazetteer = gazetteer

    def geocode(self, query, *, exactly_one: bool = True, country=None, limit: int | None = None, **_ignored):
        """Like any geopy geocoder: a ``Location`` (or a list), or None when nothing matches."""
        text = ", ".join(str(v) for v in query.values()) if isinstance(query, dict) else str(query)
        gaz = self.gazetteer or Gazetteer.default()
        countries = _countries(country or self.country)
        if exactly_one:
            match = resolve([text], countries, min_score=self.min_score, gazetteer=gaz)[0]
            return _location(match) if match.matched else None
        min_fuzzy = fuzzy_cutoff(self.min_score)
        found = [c for c in gaz.lookup(text, min_fuzzy, countries) if c.score >= self.min_score]
        found = [c for c in found if _passes(c.feature, countries, None)][: limit or None]
        locs = [_location(_choose(text, [c], _Context([]), self.min_score, countries, gaz)) for c in found]
        return locs or None

    def reverse(self, query, *, exactly_one: bool = True, **_ignored):
        raise NotImplementedError("reverse geocoding is not offered by the offline gazetteer")


def _location(match: Match) -> Location:
    address = ", ".join(p for p in (match.name, match.admin1 if match.admin1 != match.name else "", match.country) if p)
    return Location(address, (match.lat, match.lon), match.row())
