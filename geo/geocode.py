"""Geocoding many names at once, offline, with context (:mod:`geo.offline` wraps it as a geopy geocoder).

:func:`resolve` returns one :class:`Match` per input name, in input order;
:func:`geocode` returns the same as a GeoDataFrame with the true geometry
(point, border line or area polygon). Names that match nothing keep their
row, with no coordinates and score 0.

Disambiguation, in order: the ``country`` filter and ``bbox`` (hard filters),
then the other places of the same request (countries and distance), then the
kind of feature (bare "Idlib" is the governorate) and population.

>>> [m.kind for m in resolve(["Idlib", "Idlib city", "the Turkish border"])]
['admin1', 'community', 'border']
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from geo import query as _query
from geo.gazetteer import (
    AREA_KINDS,
    DEFAULT_MIN_SCORE,
    FOCUS_COUNTRIES,
    SETTLEMENT_KINDS,
    Candidate,
    Feature,
    Gazetteer,
    _group,
    fuzzy_cutoff,
)
from geo.names import fold
from geo.namesakes import (
    DOMINANT,
    DOMINANT_MIN,
    SCATTERED_DOMINANT,
    SITE_KINDS,
    STRANGER_MAX_POPULATION,
    Context,
    capital_town,
    contenders,
    dominant_namesake,
    far_province,
    other_name,
    own_place_beside,
    refused,
    rivals,
    small_other_name,
    stranger,
    strangers,
)

COLUMNS = [
    "query", "name", "lat", "lon", "kind", "admin1", "country", "score", "source",
    "id", "pcode", "how", "qualifier", "alternatives", "note",
    "admin2", "admin3", "admin1_pcode", "admin2_pcode", "admin3_pcode",
]  # fmt: skip
NEIGHBOURS = 5  # rows either side that say where a row of a table grouped by area is


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
    admin2: str = ""
    admin3: str = ""
    admin1_pcode: str = ""
    admin2_pcode: str = ""
    admin3_pcode: str = ""

    @property
    def matched(self) -> bool:
        return self.lat is not None

    def row(self) -> dict:
        return {c: getattr(self, c) for c in COLUMNS}


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
            if not set(feature.sides) & set(countries):
                return False
        elif feature.country not in countries:
            return False
    if bbox:
        west, south, east, north = bbox
        if not (south <= feature.lat <= north and west <= feature.lon <= east):
            return False
    return True


def resolve(
    names: Iterable[str],
    country: str | Sequence[str] | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    gazetteer: Gazetteer | None = None,
    level: str | None = None,
    within: Sequence[str | None] | None = None,
) -> list[Match]:
    """One :class:`Match` per name, in order; unmatched names have ``lat`` None and score 0.

    ``country`` is an ISO 3166-1 alpha-2 code or several ("SY,TR"); ``bbox`` is
    (west, south, east, north) in degrees. ``level`` (a kind: ``admin3``,
    ``community``, ``place`` …) is the kind of feature the names are, tried
    before any other; ``"auto"`` takes the kind most of the names
    unambiguously are (a column of communities, a list of governorates).
    ``within`` gives, name by name, the P-code of the area each lies in (or
    None), applied before the lookup (see :meth:`geo.gazetteer.Gazetteer.lookup`).

    A name several places share is answered only when the request decides
    between them: ``country``/``bbox``, ``within``, or the other names of
    the request (a namesake in a country, governorate or district where the
    request's other places are wins), or one being a town at least ten times
    larger than the others. Otherwise it is left unplaced, with the
    candidates in ``alternatives``: a wrong place on a map is worse than a
    missing one.
    """
    gaz = gazetteer or Gazetteer.default()
    names = ["" if n is None else str(n) for n in names]
    parents = [None] * len(names) if within is None else list(within)
    countries = _countries(country)
    min_fuzzy = fuzzy_cutoff(min_score)
    keys = list(dict.fromkeys(zip(names, parents)))
    cands: dict[tuple, list[Candidate]] = {}
    for name, parent in keys:
        found = gaz.lookup(name, min_fuzzy, countries, parent) if name.strip() else []
        cands[(name, parent)] = [c for c in found if _passes(c.feature, countries, bbox)]
    anchor_of = _anchors(cands, min_score, countries)
    anchors = list(anchor_of.values())
    strays = strangers(anchors)
    anchors = [f for f in anchors if f.uid not in strays]  # one stray village must not vouch for itself
    near = tuple(sorted({f.country for f in anchors if f.country}))
    if not countries and near and set(near) != set(FOCUS_COUNTRIES):
        # typos are looked for where the request's other places are, not only in the focus countries, also for a
        # name whose every candidate is elsewhere ("Seiyun" among Yemen's towns: Say'un, not Syria's Sein)
        again = [k for k, found in cands.items() if k[0].strip() and not any(c.feature.country in near for c in found)]
        for key in again:
            known = {c.feature.uid for c in cands[key]}
            found = [c for c in gaz.lookup(key[0], min_fuzzy, near, key[1]) if c.feature.uid not in known]
            cands[key] = cands[key] + [c for c in found if _passes(c.feature, countries, bbox)]
    if level == "auto":
        level = _usual_level(anchors)
    context = Context(anchors, countries or FOCUS_COUNTRIES, level, given=countries or ())
    answers = {
        key: _choose(key[0], found, context.about(gaz.country_of(key[1])), min_score, gaz)
        for key, found in cands.items()
    }
    keys = list(zip(names, parents))
    return _by_neighbours(keys, [answers[key] for key in keys], anchor_of, cands, context, min_score, gaz)


def _by_neighbours(keys, rows, anchor_of, cands, context, min_score, gaz) -> list[Match]:
    """In a table grouped by area (most rows share a district with the row before), a name several places share
    is the one in the area of the rows around it, if exactly one is."""
    if not any(m.note.startswith("ambiguous") and not m.matched for m in rows):
        return rows
    at = [anchor_of.get(key) for key in keys]
    seq = [f for f in at if f is not None and f.admin2_pcode]
    pairs = list(zip(seq, seq[1:]))
    if len(pairs) < 10 or sum(a.admin2_pcode == b.admin2_pcode for a, b in pairs) < 0.5 * len(pairs):
        return rows
    out = list(rows)
    for i, (key, m) in enumerate(zip(keys, rows)):
        if m.matched or not m.note.startswith("ambiguous"):
            continue
        local = [f for f in at[max(0, i - NEIGHBOURS) : i + NEIGHBOURS + 1] if f is not None]
        local_context = Context(local, context.countries, context.level, context.given)
        here = _choose(key[0], cands[key], local_context, min_score, gaz)
        if here.matched and here.admin2_pcode in {f.admin2_pcode for f in local}:
            why = "ambiguous: chose the one in the area of the rows around it"
            out[i] = replace(here, note="; ".join(n for n in (why, here.note) if n), alternatives=m.alternatives)
    return out


def _anchors(cands: dict, min_score: float, countries) -> dict:
    """The places of a request that are not in doubt, by name: names that need no context to be answered (the
    focus countries are no evidence here, or "Tripoli" alone would vouch for Lebanon next to Benghazi)."""
    alone = Context([], countries or ())
    anchors = {}
    for key, found in cands.items():
        good = sorted(contenders(found, min_score), key=alone.rank)
        if good and good[0].feature.kind not in ("border", "coordinates") and not rivals(good[0], good, alone):
            anchors[key] = good[0].feature
    return anchors


def _usual_level(anchors: list[Feature]) -> str | None:
    """The kind most of a table's unambiguous names are (communities, governorates …), if most share one."""
    kinds = [_group(f.kind) for f in anchors]
    if len(kinds) < 5:
        return None
    kind = max(set(kinds), key=lambda k: (kinds.count(k), k))
    if kinds.count(kind) < 0.6 * len(kinds):
        return None
    return "place" if kind == "settlement" else kind


def _describe(f: Feature) -> str:
    where = ", ".join(dict.fromkeys(p for p in (f.admin3, f.admin2, f.admin1, f.country or "?") if p))
    code = f" {f.pcode}" if f.pcode and f.kind != "country" else ""
    return f"{f.name} ({f.kind}{code}, {where}, {f.lat:.4f},{f.lon:.4f})"


def _choose(name, found, context, min_score, gaz) -> Match:
    if not name.strip():
        return Match(name, note="empty name")
    q = _query.parse(name)
    if q.direction and context.level:  # "southern Idlib" is part of an area whatever the level: a town has no south
        context = copy.copy(context)
        context.level = None
    # a small place far abroad is not the one meant: the request's own candidates compete without it ("Shabwa"
    # in a report on Yemen is the governorate Shabwah, not Sha Bwa of Yangon, however exactly spelt)
    near = [c for c in found if not stranger(c.feature, context)]
    good = contenders(near, min_score, context.level) or contenders(found, min_score, context.level)
    if context.scattered and good:  # in a column mixing many crises every country is far from the rest: such a
        top = max(c.score for c in good)  # place spelt as well stays a rival, ranked last ("Apia": Samoa's too)
        good += [c for c in contenders(found, min_score, context.level) if c not in good and c.score >= top]
    if not context.anchors:  # a name alone: a town's own name before a small town's historic or foreign one
        good = [c for c in good if not small_other_name(c, q)] or good
    if len(good) > 1:
        good.sort(key=lambda c: (context.scattered and stranger(c.feature, context), context.rank(c)))
    if not good:
        near = f"; closest: {_describe(found[0].feature)} scored {found[0].score:.0f}" if found else ""
        return Match(
            name, alternatives=near.removeprefix("; closest: "), note=f"no match scoring {min_score:.0f} or more{near}"
        )
    if q.kind in SITE_KINDS and good[0].feature.kind != q.kind:  # no such camp: "X camp" may be at the town of X
        good = [c for c in good if c.feature.kind in SETTLEMENT_KINDS] or good
    best = dominant_namesake(good, context, q) or good[0]
    best = own_place_beside(best, found, q, min_score) or best
    f = best.feature
    reason = refused(best, q, context)
    if reason:
        return Match(name, alternatives=_describe(f), note=reason)
    town = capital_town(best, good, q, gaz.lookup)
    if town is not None:
        best, f = town, town.feature
    reason = far_province(f, context)
    if reason and f.country not in gaz.country_codes(fold(name)):  # "the Kurdistan Region of Iraq" says where
        return Match(name, alternatives=_describe(f), note=reason)
    tied = rivals(best, good, context)
    if town is not None:  # a province's capital, not a smaller town of that name abroad ("Gao": Mali's)
        tied = [c for c in tied if c.feature.population >= f.population]
    others = "; ".join(_describe(c.feature) for c in tied[:5]) + (f"; and {len(tied) - 5} more" * (len(tied) > 5))
    note = ""
    if tied and f.kind == "border" and not context.anchors:  # "the Turkish border" alone: the longest, said so
        note = "ambiguous: chose the longest border of that country; name the other country to choose"
    elif tied:
        largest = max(c.feature.population for c in tied)
        # a namesake abroad with no population figure (0: geo's supplement, some GeoNames towns) may be any size
        # short of a city: "Moura" of Mali's massacre is not Portugal's town of 9,000 for want of a figure (in its
        # own country a town without one is a village: OCHA's communities that GeoNames' towns of 500 lack)
        unknown = f.population < STRANGER_MAX_POPULATION and any(
            c.feature.population == 0 and c.feature.kind in SETTLEMENT_KINDS and c.feature.country != f.country
            for c in tied
        )
        # in a column mixing many crises nothing else tells: five times larger will do, by its own name ("Jermuk"
        # is Armenia's spa town, not Çermik by its old name)
        ratio = SCATTERED_DOMINANT if context.scattered and not other_name(best, q) else DOMINANT
        if f.kind == "border" or unknown or f.population < max(DOMINANT_MIN, ratio * largest):
            what = "borders of that country" if f.kind == "border" else "places of that name"
            advice = "name the other country" if f.kind == "border" else "give --country, --parent or the P-code"
            return Match(
                name,
                alternatives="; ".join(_describe(c.feature) for c in [best, *tied][:6]),
                note=f"ambiguous: {len(tied) + 1} {what} and nothing in the request to choose between them; {advice}",
            )
        note = "ambiguous: chose by population, the others are much smaller"
    lat, lon = f.lat, f.lon
    if q.direction and _query.parse(f.name).direction:  # "North Gaza" the governorate: the direction is its name
        q = replace(q, direction=None)
    if q.direction and f.kind in AREA_KINDS:  # "southern Idlib": a point inside that part, not the whole
        from geo.shapes import area_part_point

        lat, lon = area_part_point(f.uid, q.direction) or (lat, lon)
    country = f.country
    if f.kind == "border":  # the country the text named ("the Turkish border": TR), else the pair's first
        named = gaz.border_countries(q)
        country = named[0] if named else f.sides[0]
    note = "; ".join(n for n in (note, f.note) if n)
    return Match(
        query=name, name=f.name, lat=lat, lon=lon, kind=f.kind, admin1=f.admin1, country=country,
        score=round(best.score, 1), source=f.source, id=f.uid, pcode=f.pcode, how=best.how,
        qualifier=q.direction or "", alternatives=others if note else "", note=note, admin2=f.admin2,
        admin3=f.admin3, admin1_pcode=f.admin1_pcode, admin2_pcode=f.admin2_pcode, admin3_pcode=f.admin3_pcode,
    )  # fmt: skip


FAR = ("only a small place", "only a province")  # notes of names whose only namesakes are far away


def summary(matches: Sequence[Match]) -> str:
    """One line: "41 of 43 names placed; unmatched: A; ambiguous (see alternatives): B"."""
    placed = sum(m.matched for m in matches)
    empty = sum(1 for m in matches if not m.query.strip())
    line = f"{placed} of {len(matches) - empty} names placed"
    left = [m for m in matches if m.query.strip() and not m.matched]
    for label, group in (
        ("unmatched", [m.query for m in left if not m.note.startswith(("ambiguous", *FAR))]),
        ("ambiguous (see alternatives)", [m.query for m in left if m.note.startswith("ambiguous")]),
        ("only far namesakes (see alternatives)", [m.query for m in left if m.note.startswith(FAR)]),
    ):
        if group:
            more = f" and {len(group) - 10} more" if len(group) > 10 else ""
            line += f"; {label}: {', '.join(_short(q) for q in group[:10])}{more}"
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
    (['admin1', 'community', ''], 1)
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
