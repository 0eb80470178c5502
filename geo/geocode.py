"""Geocoding many names at once, offline, with context; and a geopy geocoder.

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
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geo import query as _query
from geo.gazetteer import (
    AREA_KINDS,
    DEFAULT_MIN_SCORE,
    FOCUS_COUNTRIES,
    KIND_RANK,
    SETTLEMENT_KINDS,
    Candidate,
    Feature,
    Gazetteer,
    _group,
    fuzzy_cutoff,
)
from geo.names import fold, skeleton

COLUMNS = [
    "query", "name", "lat", "lon", "kind", "admin1", "country", "score", "source",
    "id", "pcode", "how", "qualifier", "alternatives", "note",
    "admin2", "admin3", "admin1_pcode", "admin2_pcode", "admin3_pcode",
]  # fmt: skip
NEAR_KM = 25.0  # candidates closer than this are the same place (a town and its governorate)
CONTEXT_BAND_KM = 150.0  # alternatives are listed nearest the other places of a request first
# A namesake this much farther from every other place of the request is not the one meant ("Tripoli" with Homs
# and Tartous is Lebanon's); two villages of one country rarely differ by this much and are told apart by area.
FAR_BAND_KM = 300.0
EVIDENCE = 7  # how many parts of _Context.rank are evidence that tells namesakes apart
KIND_AT = 2  # where the kind sits in it
# Spellings that are only variants or typos of several places do not choose between them by a few points of
# letter likeness: "Taaleh" is as much Taala as Talleh. Candidates this close to the best compete on evidence.
VARIANT_MARGIN = 8.0
STRANGER_KM = 600.0  # a small place abroad this far from the rest of a request is not taken
STRANGER_MAX_POPULATION = 100_000  # cities are named across borders; villages seldom
AREA_FIRST = ("SY",)  # countries whose bare governorate names mean the governorate, not its capital
NEIGHBOURS = 5  # rows either side that say where a row of a table grouped by area is
DOMINANT = 10  # a town this many times larger than its namesakes (and of DOMINANT_MIN people) is the one meant
DOMINANT_MIN = 5_000
SITE_KINDS = ("camp", "crossing")
CAPITAL_KM = 150.0  # a city named like a province, this close to the province's point, is its capital
# A variant or typo scoring below this is a loose likeness ("Irumu" and Ulm, "Kiwanja" and Kayanza): trusted only
# where geo's list is complete (see _complete), not anywhere on earth.
LOOSE_VARIANT = 86.0


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


def _fits_level(kind: str, level: str) -> bool:
    return kind == level or (level == "place" and kind in SETTLEMENT_KINDS)


class _Context:
    """What the unambiguous places of a request say: their countries, their areas, where they lie."""

    def __init__(
        self, anchors: list[Feature], default: Sequence[str] = FOCUS_COUNTRIES, level: str | None = None,
        given: Sequence[str] = (),
    ):  # fmt: skip
        self.anchors = anchors
        self.countries = {f.country for f in anchors if f.country} or set(default)
        # the countries the request is about: those given, and those holding a third of its places (a column of
        # names from twenty crises is about none); a name alone is about the default region
        counts = Counter(f.country for f in anchors if f.country)
        self.given = tuple(given)
        self.home = set(given) | {c for c, n in counts.items() if 3 * n >= sum(counts.values())}
        if not counts:
            self.home |= set(default)
        self.admin1 = {(f.country, f.admin1) for f in anchors if f.admin1}
        self.admin2 = {f.admin2_pcode for f in anchors if f.admin2_pcode}
        self.admin3 = {f.admin3_pcode for f in anchors if f.admin3_pcode}
        pts = sorted({(round(f.lat, 1), round(f.lon, 1)) for f in anchors})  # ~10 km: distances are in bands
        self.points = pts
        self.centre = (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)) if pts else None
        self.level = level
        self._far: dict[str, int] = {}
        self._radians = None

    def far(self, f: Feature) -> int:
        """How far from the nearest other place of the request, in bands of :data:`FAR_BAND_KM`."""
        if not self.points:
            return 0
        if f.uid not in self._far:
            self._far[f.uid] = int(self.nearest_km(f) // FAR_BAND_KM)
        return self._far[f.uid]

    def nearest_km(self, f: Feature) -> float:
        """How far ``f`` is from the nearest of the request's unambiguous places."""
        if self._radians is None:
            import numpy as np

            self._radians = np.radians(np.asarray(self.points, dtype=float))
        return _nearest_km(f.lat, f.lon, self._radians)

    def rank(self, cand: Candidate) -> tuple:
        """Best first among :func:`_contenders`: the country, the level asked for, the kind (a bare name means
        the area), whether the request's other places are in the same governorate, district and sub-district,
        and how far they are. These first parts (:data:`EVIDENCE`) tell namesakes apart; the rest only orders
        what is left."""
        f = cand.feature
        if f.kind == "border":  # the border whose both sides are where the request is
            outside = sum(side not in self.countries for side in f.uid.split(":", 1)[1].split("-"))
        else:
            outside = 0 if (not f.country or f.country in self.countries) else 1
        other_level = 0 if not self.level or _fits_level(f.kind, self.level) else 1
        # in (or around) a governorate and a district where the request's other places are
        area1 = 0 if f.kind == "country" or (f.country, f.admin1) in self.admin1 else 1
        area2 = 0 if f.kind in ("country", "admin1") or (f.admin2_pcode and f.admin2_pcode in self.admin2) else 1
        area3 = 0 if f.kind in AREA_KINDS[:3] or (f.admin3_pcode and f.admin3_pcode in self.admin3) else 1
        band = int(_km(f.lat, f.lon, *self.centre) // CONTEXT_BAND_KM) if self.centre else 0
        return (outside, other_level, KIND_RANK.get(f.kind, 9), area1, area2, area3, self.far(f),
                -round(cand.score, 1), band, -f.population)  # fmt: skip


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
    strays = _strangers(anchors)
    anchors = [f for f in anchors if f.uid not in strays]  # one stray village must not vouch for itself
    near = tuple(sorted({f.country for f in anchors if f.country}))
    if not countries and near and set(near) != set(FOCUS_COUNTRIES):
        # typos are looked for where the request's other places are, not only in the focus countries
        for key in [k for k, found in cands.items() if not found and k[0].strip()]:
            found = gaz.lookup(key[0], min_fuzzy, near, key[1])
            cands[key] = [c for c in found if _passes(c.feature, countries, bbox)]
    if level == "auto":
        level = _usual_level(anchors)
    context = _Context(anchors, countries or FOCUS_COUNTRIES, level, given=countries or ())
    answers = {key: _choose(key[0], found, context, min_score, gaz) for key, found in cands.items()}
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
        local_context = _Context(local, context.countries, context.level, context.given)
        here = _choose(key[0], cands[key], local_context, min_score, gaz)
        if here.matched and here.admin2_pcode in {f.admin2_pcode for f in local}:
            why = "ambiguous: chose the one in the area of the rows around it"
            out[i] = replace(here, note="; ".join(n for n in (why, here.note) if n), alternatives=m.alternatives)
    return out


def _contenders(found: list[Candidate], min_score: float, level: str | None = None) -> list[Candidate]:
    """The candidates still in the running: of the level asked for if there are any, and matching the name as
    well as the best (exactly, or within :data:`VARIANT_MARGIN` when the best is itself a variant or a typo)."""
    good = [c for c in found if c.score >= min_score]
    if level and any(_fits_level(c.feature.kind, level) for c in good):
        good = [c for c in good if _fits_level(c.feature.kind, level)]
    if not good:
        return good
    top = max(good, key=lambda c: c.score)
    margin = VARIANT_MARGIN if top.how in ("variant", "fuzzy") else 0.0
    return [c for c in good if c.score >= top.score - margin]


def _anchors(cands: dict, min_score: float, countries) -> dict:
    """The places of a request that are not in doubt, by name: names that need no context to be answered (the
    focus countries are no evidence here, or "Tripoli" alone would vouch for Lebanon next to Benghazi)."""
    alone = _Context([], countries or ())
    anchors = {}
    for key, found in cands.items():
        good = sorted(_contenders(found, min_score), key=alone.rank)
        if good and good[0].feature.kind not in ("border", "coordinates") and not _rivals(good[0], good, alone):
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


def _rivals(best: Candidate, good: list[Candidate], context: _Context) -> list[Candidate]:
    """Other candidates for the same name that the request's evidence cannot tell from the best."""
    f, evidence = best.feature, context.rank(best)[:EVIDENCE]
    if f.kind == "country":
        return []  # a country's name means the country, not a village named after it ("Moldova")
    out = []
    for c in good[1:]:
        g = c.feature
        if g.uid == f.uid or _km(f.lat, f.lon, g.lat, g.lon) <= NEAR_KM:
            continue  # a governorate and its capital town are one answer, not two
        theirs = context.rank(c)[:EVIDENCE]
        if _group(g.kind) == _group(f.kind) and theirs == evidence:
            out.append(c)
        elif g.country != f.country and _across(theirs) <= _across(evidence):
            out.append(c)  # "Mara" the Tanzanian region and "Al Ma'ra" the Syrian district: the kind is no evidence
    return out


def _across(evidence: tuple) -> tuple:
    """The evidence that tells namesakes in two countries apart: not the kind, nor district and sub-district,
    which an area has for free ("Beni" the Congolese town is not outranked by El Beni, Bolivia's department)."""
    return evidence[:KIND_AT] + (evidence[KIND_AT + 1],) + evidence[KIND_AT + 4 :]


def _nearest_km(lat: float, lon: float, radians) -> float:
    """Distance to the nearest of many points (an array of (lat, lon) in radians), all at once."""
    import numpy as np

    p1, dl = math.radians(lat), radians[:, 1] - math.radians(lon)
    a = np.sin((radians[:, 0] - p1) / 2) ** 2 + math.cos(p1) * np.cos(radians[:, 0]) * np.sin(dl / 2) ** 2
    return float(12742.0 * np.arcsin(np.sqrt(np.minimum(1.0, a.min()))))


def _stranger(f: Feature, context: _Context) -> bool:
    """A village abroad and far from every other place of the request ("Tawila" in a report on Darfur is not the
    Tawilah of Yemen, however exactly spelt): likelier a place geo lacks than the one meant."""
    return (
        f.kind in SETTLEMENT_KINDS
        and f.population < STRANGER_MAX_POPULATION
        and bool(context.points)
        and f.country not in context.countries
        and context.nearest_km(f) >= STRANGER_KM
    )


def _strangers(anchors: list[Feature]) -> set[str]:
    """The anchors that are such strangers to the others (each judged against the rest)."""
    countries = Counter(a.country for a in anchors)
    out = set()
    for a in anchors:
        if countries[a.country] == 1 and a.kind in SETTLEMENT_KINDS and len(anchors) > 1:
            if _stranger(a, _Context([b for b in anchors if b.uid != a.uid])):
                out.add(a.uid)
    return out


def _refused(best: Candidate, q, context: _Context) -> str:
    """Why the best candidate is not taken, though it matches ("" when it is): a small place far abroad, a town
    or an area for a camp or crossing, a loose likeness where geo's list is not complete."""
    f = best.feature
    if _stranger(f, context):
        return (
            "only a small place of that name far from the request's other places and in another country; "
            "give --country, or --places with the right one"
        )
    # a crossing is named after its border town wherever the request's places are ("Adré crossing"); a camp is
    # often named after the village its people came from ("Beit Jibrin camp" near Bethlehem): the town must be in
    # a country the request is about
    town_there = f.kind in SETTLEMENT_KINDS and f.country in (context.home if q.kind == "camp" else context.countries)
    if q.kind in SITE_KINDS and f.kind != q.kind and not town_there:
        # "X camp" may be at the town of X where the request is, never at an area, or a town in another country
        return f"no {q.kind} of that name; only a {f.kind} (not taken for one: an area, or a town elsewhere)"
    if best.how in ("variant", "fuzzy") and best.score < LOOSE_VARIANT and not _complete(f, context):
        return (
            f"no match: only a loose likeness ({best.score:.0f}) of a place where geo's list is not complete "
            "(towns of 500+ people): likelier a place geo lacks; give --places with your country's places"
        )
    return ""


def _complete(f: Feature, context: _Context) -> bool:
    """Whether geo knows every place of that kind there, so that a loose spelling is likelier a respelling of
    one it knows than of one it lacks: the user's own places (``--places``), and in the countries the request
    is about, OCHA's communities of Syria, districts, camps and crossings; everywhere, countries and admin-1
    areas. GeoNames keeps only towns of 500 people or more: "Minbya" is not the Minbu it resembles, but a town
    geo lacks."""
    if f.uid.startswith("place:") or f.kind in ("country", "admin1"):
        return True  # the user's own list; and every country's admin-1 areas are known ("Galgaduud region")
    return f.country in context.home and (f.uid.startswith("community:") or f.kind not in SETTLEMENT_KINDS)


def _dominant_namesake(good: list[Candidate], context: _Context) -> Candidate | None:
    """A town of the same country ten times larger than the best, which only the request's areas preferred: in a
    request about Ouaddaï and Sila, "Goz Beïda" is the town of 60,000 in Sila, not a village of that name in
    Ouaddaï. Both must have a population (OCHA's Syrian communities and the user's places have none, and there
    the area decides)."""
    f = good[0].feature
    if f.kind not in SETTLEMENT_KINDS or not f.population:
        return None
    evidence = context.rank(good[0])[: KIND_AT + 1]  # country, level, kind: not the areas, nor the distance
    bigger = [
        c for c in good[1:]
        if c.feature.country == f.country and c.feature.kind in SETTLEMENT_KINDS
        and c.feature.population >= max(DOMINANT_MIN, DOMINANT * f.population)
        and context.rank(c)[: KIND_AT + 1] == evidence
    ]  # fmt: skip
    return max(bigger, key=lambda c: c.feature.population) if bigger else None


def _capital_town(best: Candidate, good: list[Candidate], q) -> Candidate | None:
    """Outside Syria a bare province name that is also its capital's name means the city ("fled to Kharkiv",
    "Amman", "Baghdad"); in Syria's displacement reporting a bare "Idlib" or "Hama" means the governorate, as
    OCHA writes it. A kind word or a direction ("Kharkiv oblast", "southern Kharkiv") still means the area."""
    f = best.feature
    if f.kind != "admin1" or f.country in AREA_FIRST or q.kind or q.direction:
        return None
    area = fold(f.name)
    towns = [c for c in good if c.feature.kind in SETTLEMENT_KINDS and c.feature.country == f.country
             and c.score >= best.score and _capital_of(c.feature, area, f)]  # fmt: skip
    return max(towns, key=lambda c: c.feature.population) if towns else None


def _capital_of(town: Feature, area: str, f: Feature) -> bool:
    """The town is in that area, or is a city of the same name just beside it (Kyiv is its own area, in the
    middle of Kyiv oblast; Sanaa city is Amanat al-Asimah, in Sana'a governorate)."""
    if fold(town.admin1) == area:
        return True
    same_name = skeleton(town.name) == skeleton(area, folded=True)  # "Khān Yūnis" the town, "Khan Younis" the area
    return same_name and _km(town.lat, town.lon, f.lat, f.lon) <= CAPITAL_KM


def _choose(name, found, context, min_score, gaz) -> Match:
    if not name.strip():
        return Match(name, note="empty name")
    q = _query.parse(name)
    if q.direction and context.level:  # "southern Idlib" is part of an area whatever the level: a town has no south
        context = copy.copy(context)
        context.level = None
    good = _contenders(found, min_score, context.level)
    if len(good) > 1:
        good.sort(key=context.rank)
    if not good:
        near = f"; closest: {_describe(found[0].feature)} scored {found[0].score:.0f}" if found else ""
        return Match(
            name, alternatives=near.removeprefix("; closest: "), note=f"no match scoring {min_score:.0f} or more{near}"
        )
    if q.kind in SITE_KINDS and good[0].feature.kind != q.kind:  # no such camp: "X camp" may be at the town of X
        good = [c for c in good if c.feature.kind in SETTLEMENT_KINDS] or good
    best = _dominant_namesake(good, context) or good[0]
    f = best.feature
    refused = _refused(best, q, context)
    if refused:
        return Match(name, alternatives=_describe(f), note=refused)
    town = _capital_town(best, good, q)
    if town is not None:
        best, f = town, town.feature
    rivals = _rivals(best, good, context)
    if town is not None:  # a province's capital, not a smaller town of that name abroad ("Gao": Mali's)
        rivals = [c for c in rivals if c.feature.population >= f.population]
    others = "; ".join(_describe(c.feature) for c in rivals[:5]) + (f"; and {len(rivals) - 5} more" * (len(rivals) > 5))
    note = ""
    if rivals and f.kind == "border" and not context.anchors:  # "the Turkish border" alone: the longest, said so
        note = "ambiguous: chose the longest border of that country; name the other country to choose"
    elif rivals:
        largest = max(c.feature.population for c in rivals)
        if f.kind == "border" or f.population < max(DOMINANT_MIN, DOMINANT * largest):
            what = "borders of that country" if f.kind == "border" else "places of that name"
            advice = "name the other country" if f.kind == "border" else "give --country, --parent or the P-code"
            return Match(
                name,
                alternatives="; ".join(_describe(c.feature) for c in [best, *rivals][:6]),
                note=f"ambiguous: {len(rivals) + 1} {what} and nothing in the request to choose between them; {advice}",
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
        country = named[0] if named else f.uid.split(":", 1)[1].split("-")[0]
    note = "; ".join(n for n in (note, f.note) if n)
    return Match(
        query=name, name=f.name, lat=lat, lon=lon, kind=f.kind, admin1=f.admin1, country=country,
        score=round(best.score, 1), source=f.source, id=f.uid, pcode=f.pcode, how=best.how,
        qualifier=q.direction or "", alternatives=others if note else "", note=note, admin2=f.admin2,
        admin3=f.admin3, admin1_pcode=f.admin1_pcode, admin2_pcode=f.admin2_pcode, admin3_pcode=f.admin3_pcode,
    )  # fmt: skip


def summary(matches: Sequence[Match]) -> str:
    """One line: "41 of 43 names placed; unmatched: A; ambiguous (see alternatives): B"."""
    placed = sum(m.matched for m in matches)
    empty = sum(1 for m in matches if not m.query.strip())
    line = f"{placed} of {len(matches) - empty} names placed"
    left = [m for m in matches if m.query.strip() and not m.matched]
    for label, group in (
        ("unmatched", [m.query for m in left if not m.note.startswith(("ambiguous", "only a small"))]),
        ("ambiguous (see alternatives)", [m.query for m in left if m.note.startswith("ambiguous")]),
        ("only far namesakes (see alternatives)", [m.query for m in left if m.note.startswith("only a small")]),
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
        locs = [_location(_choose(text, [c], _Context([]), self.min_score, gaz)) for c in found]
        return locs or None

    def reverse(self, query, *, exactly_one: bool = True, **_ignored):
        raise NotImplementedError("reverse geocoding is not offered by the offline gazetteer")


def _location(match: Match) -> Location:
    address = ", ".join(p for p in (match.name, match.admin1 if match.admin1 != match.name else "", match.country) if p)
    return Location(address, (match.lat, match.lon), match.row())
