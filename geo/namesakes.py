"""How geo tells namesakes apart, and when it would rather not answer.

What the unambiguous places of a request say (:class:`Context`: their countries, the countries the request is
about, their areas, where they lie); which candidates of a name stay in the running (:func:`contenders`) and how
they rank (:meth:`Context.rank`); which of them the evidence cannot tell apart (:func:`rivals`); and why a
candidate that matches is still not taken (:func:`refused`: a small place far abroad, a camp far abroad for a
bare name, a small town's historic or foreign name abroad, a town or an area for a camp or crossing, a
respelling of a place in a country the request is not in or far from all its towns, a loose likeness where
geo's list is not complete; :func:`far_province`). :mod:`geo.geocode` puts them together.
"""

from __future__ import annotations

import copy
import csv
import functools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from geo import query as _query
from geo.gazetteer import AREA_KINDS, DATA, FOCUS_COUNTRIES, KIND_RANK, SETTLEMENT_KINDS, Candidate, Feature, _group
from geo.names import fold, skeleton

NEAR_KM = 25.0  # candidates closer than this are the same place (a town and its governorate)
CONTEXT_BAND_KM = 150.0  # alternatives are listed nearest the other places of a request first
# A namesake this much farther from every other place of the request is not the one meant ("Tripoli" with Homs
# and Tartous is Lebanon's); two villages of one country rarely differ by this much and are told apart by area.
FAR_BAND_KM = 300.0
FAR_BANDS = 2  # 600 km and more: all as far
EVIDENCE = 7  # how many parts of Context.rank are evidence that tells namesakes apart
KIND_AT = 2  # where the kind sits in it
# Spellings that are only variants or typos of several places do not choose between them by a few points of
# letter likeness: "Taaleh" is as much Taala as Talleh. Candidates this close to the best compete on evidence.
VARIANT_MARGIN = 8.0
STRANGER_KM = 600.0  # a small place abroad this far from the rest of a request is not taken
STRANGER_MAX_POPULATION = 100_000  # cities are named across borders; villages seldom
SCATTERED = 3  # countries, none holding a third of a request's places, and half of them this far from their
SCATTERED_KM = 1500.0  # middle: a column mixing crises the world over (Context.scattered)
WIDE_KM = 1500.0  # a request whose places lie this far apart is about no one region (Context.wide)
FAR_AREA_KM = 3000.0  # a country or province this far from all the request's other places does not vouch for itself
AREA_FIRST = ("SY",)  # countries whose bare governorate names mean the governorate, not its capital
DOMINANT = 10  # a town this many times larger than its namesakes (and of DOMINANT_MIN people) is the one meant
DOMINANT_MIN = 5_000
SCATTERED_DOMINANT = 5  # the same in a column mixing many crises (Context.scattered), where nothing else tells
SWAMPS = 30  # a city this many times a village's counted people is the one meant, whatever the region leans to
SITE_KINDS = ("camp", "crossing")
CAPITAL_KM = 150.0  # a city named like a province, this close to the province's point, is its capital
# A variant or typo scoring below this is a loose likeness ("Irumu" and Ulm, "Kiwanja" and Kayanza): trusted only
# where geo's list is complete (see _complete), not anywhere on earth.
LOOSE_VARIANT = 86.0
# A respelling of a town in a country none of the request's places are in is taken only for a city this large
# ("Kartoum" in a report on Chad); a smaller one is likelier a place geo lacks ("Buhumba" of Goma is not Uganda's
# Buhimba).
MILLION_CITY = 1_000_000
# A respelt name that says it is an area ("Galgaduud region") is the area it resembles anywhere: every country's
# admin-1 areas are in geo. Without the word, a likeness of an area abroad is no better than one of a town.
AREA_WORDS = (
    "region", "state", "oblast", "province", "governorate", "prefecture", "department", "wilaya", "county", "canton",
    "voivodeship", "raion", "krai", "territory", "division", "municipality",
)  # fmt: skip


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def fits_level(kind: str, level: str) -> bool:
    """Whether a feature of ``kind`` is of the level a request asked for ("place" takes communities too)."""
    return kind == level or (level == "place" and kind in SETTLEMENT_KINDS)


class Context:
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
        self._middle = None  # the points' distances from their middle, when first asked
        self.scattered = self._scattered(counts)
        self.level = level
        self._near: dict[str, float] = {}
        self._radians = None
        self._others: dict[bool, tuple] = {}  # for nearest_other_km: (anchors by point, their uids, radians)

    def about(self, country: str) -> Context:
        """The context of a name that its row says is in ``country`` (a parent area there, or the country itself):
        that country is given for it, as ``--country`` would be; nothing there is a stranger or abroad."""
        if not country or country in self.given:
            return self
        other = copy.copy(self)
        other.given = (*self.given, country)
        other.home = self.home | {country}
        other.countries = self.countries | {country}
        other.scattered = False
        return other

    def _scattered(self, counts: Counter) -> bool:
        """Whether the request is a column mixing crises the world over, about none of them: its places in
        :data:`SCATTERED` countries or more, none holding a third of them, half of them :data:`SCATTERED_KM`
        from their middle. That a namesake shares a country or a neighbourhood with another of its names is no
        evidence there ("Derna" is not Romania's village because Bucharest is ten rows down); its areas and a
        great difference in size still tell."""
        if self.home or len(counts) < SCATTERED:
            return False
        import numpy as np

        return float(np.median(self._from_middle())) >= SCATTERED_KM

    def wide(self) -> bool:
        """Whether the request's unambiguous places lie :data:`WIDE_KM` apart or more (twice the farthest from
        their middle: exact for two places, near enough for more): a request about no one region."""
        return len(self.points) > 1 and 2 * float(self._from_middle().max()) >= WIDE_KM

    def _from_middle(self):
        """How far each of the request's points is from their middle (computed once)."""
        if self._middle is None:
            import numpy as np

            self._middle = km_to_all(*self.centre, np.radians(np.asarray(self.points, dtype=float)))
        return self._middle

    def far(self, f: Feature) -> int:
        """How far from the nearest other place of the request, in bands of :data:`FAR_BAND_KM`, up to
        :data:`FAR_BANDS`: beyond, nearer is no evidence (Kursk's Korenevo and Moscow oblast's, 1,650 and 1,400 km
        from Orsk)."""
        return min(int(self.nearest_km(f) // FAR_BAND_KM), FAR_BANDS) if self.points else 0

    def nearest_km(self, f: Feature) -> float:
        """How far ``f`` is from the nearest of the request's unambiguous places (once per feature: ranking,
        the stranger rules and the far-province rule all ask)."""
        if f.uid not in self._near:
            if self._radians is None:
                import numpy as np

                self._radians = np.radians(np.asarray(self.points, dtype=float))
            self._near[f.uid] = _nearest_km(f.lat, f.lon, self._radians)
        return self._near[f.uid]

    def nearest_other_km(self, f: Feature, towns: bool = False) -> tuple[int, float]:
        """How many of the request's unambiguous places other than ``f`` there are, and how far ``f`` is from the
        nearest of them (``inf`` when none); with ``towns``, towns only (an area's point is not where its towns
        are). The points are gathered once per request, as for :meth:`nearest_km`."""
        import numpy as np

        if towns not in self._others:
            mine = [a for a in self.anchors if not towns or a.kind in SETTLEMENT_KINDS]
            by_point = Counter((round(a.lat, 1), round(a.lon, 1)) for a in mine)
            radians = np.radians(np.asarray(sorted(by_point), dtype=float).reshape(-1, 2))
            self._others[towns] = (by_point, {a.uid for a in mine}, radians)
        by_point, uids, radians = self._others[towns]
        own = (round(f.lat, 1), round(f.lon, 1))
        itself = f.uid in uids
        count = sum(by_point.values()) - itself
        if not count:
            return 0, math.inf
        if itself and by_point[own] == 1:  # itself is not another place: the nearest of the rest
            radians = radians[np.any(radians != np.radians(own), axis=1)]
        return count, _nearest_km(f.lat, f.lon, radians)

    def rank(self, cand: Candidate) -> tuple:
        """Best first among :func:`contenders`: the country, the level asked for, the kind (a bare name means
        the area), whether the request's other places are in the same governorate, district and sub-district,
        and how far they are. These first parts (:data:`EVIDENCE`) tell namesakes apart; the rest only orders
        what is left."""
        f = cand.feature
        if f.kind == "border":  # the border whose both sides are where the request is
            outside = sum(side not in self.countries for side in f.sides)
        else:  # in a column mixing crises the world over every country is as likely
            outside = 0 if (not f.country or f.country in self.countries or self.scattered) else 1
        other_level = 0 if not self.level or fits_level(f.kind, self.level) else 1
        # in (or around) a governorate and a district where the request's other places are
        area1 = 0 if f.kind == "country" or (f.country, f.admin1) in self.admin1 else 1
        area2 = 0 if f.kind in ("country", "admin1") or (f.admin2_pcode and f.admin2_pcode in self.admin2) else 1
        area3 = 0 if f.kind in AREA_KINDS[:3] or (f.admin3_pcode and f.admin3_pcode in self.admin3) else 1
        if self.scattered:  # nor is a namesake nearer the others, or the middle, the likelier
            far = band = 0
        else:
            far = self.far(f)
            band = int(km(f.lat, f.lon, *self.centre) // CONTEXT_BAND_KM) if self.centre else 0
        return (outside, other_level, KIND_RANK.get(f.kind, 9), area1, area2, area3, far, -round(cand.score, 1),
                band, -f.population)  # fmt: skip


def contenders(found: list[Candidate], min_score: float, level: str | None = None) -> list[Candidate]:
    """The candidates still in the running: of the level asked for if there are any, and matching the name as
    well as the best (exactly, or within :data:`VARIANT_MARGIN` when the best is itself a variant or a typo)."""
    good = [c for c in found if c.score >= min_score]
    if level and any(fits_level(c.feature.kind, level) for c in good):
        good = [c for c in good if fits_level(c.feature.kind, level)]
    if not good:
        return good
    top = max(good, key=lambda c: c.score)
    margin = VARIANT_MARGIN if top.how in ("variant", "fuzzy") else 0.0
    return [c for c in good if c.score >= top.score - margin]


def rivals(best: Candidate, good: list[Candidate], context: Context) -> list[Candidate]:
    """Other candidates for the same name that the request's evidence cannot tell from the best."""
    f, evidence = best.feature, context.rank(best)[:EVIDENCE]
    if f.kind == "country":
        return []  # a country's name means the country, not a village named after it ("Moldova")
    out = []
    for c in good[1:]:
        g = c.feature
        if g.uid == f.uid or km(f.lat, f.lon, g.lat, g.lon) <= NEAR_KM:
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


def km_to_all(lat: float, lon: float, radians):
    """Great-circle distances from one point to many (an array of (lat, lon) in radians), all at once."""
    import numpy as np

    p1, dl = math.radians(lat), radians[:, 1] - math.radians(lon)
    a = np.sin((radians[:, 0] - p1) / 2) ** 2 + math.cos(p1) * np.cos(radians[:, 0]) * np.sin(dl / 2) ** 2
    return 12742.0 * np.arcsin(np.sqrt(np.minimum(1.0, a)))


def _nearest_km(lat: float, lon: float, radians) -> float:
    """Distance to the nearest of many points (an array of (lat, lon) in radians)."""
    return float(km_to_all(lat, lon, radians).min())


def stranger(f: Feature, context: Context, cities: bool = True) -> bool:
    """A village abroad and far from every other place of the request ("Tawila" in a report on Darfur is not the
    Tawilah of Yemen, however exactly spelt): likelier a place geo lacks than the one meant. With ``cities``, a
    city under a million half a world away too (for a name's candidates; a city the request names by itself
    still vouches for its country: Bunia among Bolivian cities)."""
    limit = MILLION_CITY if cities else STRANGER_MAX_POPULATION
    if f.kind not in SETTLEMENT_KINDS or f.population >= limit or not context.points:
        return False
    if f.country in context.countries:
        return False
    # a town, STRANGER_KM away; a city under a million, half a world away ("Mati" in a report on Attica's fires
    # is the seaside village geo lacks, not the Philippine city of 100,000), unless the request's own places are
    # that far apart too, or only one of them vouches for a region: then it is about no one region ("Goma" after
    # Derna and Kharkiv is Goma)
    if f.population >= STRANGER_MAX_POPULATION:
        return len(context.points) > 1 and not context.wide() and context.nearest_km(f) >= FAR_AREA_KM
    return context.nearest_km(f) >= STRANGER_KM


def strangers(anchors: list[Feature]) -> set[str]:
    """The anchors that are such strangers to the others (each judged against the rest) that they do not vouch
    for their country: a small place far abroad; a country or province, named once, half a world away
    ("Tonga" in a report on Upper Nile is a town there, not the kingdom; "Brava" in one on Somalia is not Cape
    Verde's island). They are still answers when nothing else bears their name."""
    countries = Counter(a.country for a in anchors)
    out = set()
    for a in anchors:
        if countries[a.country] != 1 or len(anchors) < 2:
            continue
        others = Context([b for b in anchors if b.uid != a.uid])
        if a.kind in SETTLEMENT_KINDS and stranger(a, others, cities=False):
            out.add(a.uid)
        elif a.kind in ("country", "admin1") and len(others.anchors) > 1 and others.nearest_km(a) >= FAR_AREA_KM:
            out.add(a.uid)  # of two far places, neither is the stranger
    return out


@functools.lru_cache(maxsize=1)
def _aliases() -> frozenset[tuple[str, str]]:
    """(uid, name key) of the spellings geo's authors gave GeoNames towns (``aliases.csv``): names reports use."""
    with open(DATA / "aliases.csv", encoding="utf-8", newline="") as fh:
        return frozenset(
            (row["uid"], _query.strip_kind(name)[0]) for row in csv.DictReader(fh) for name in row["names"].split("|")
        )


def other_name(best: Candidate, q) -> bool:
    """Whether a GeoNames town matched only by one of its other names, the historic and foreign ones GeoNames
    lists ("Black River" of Lorain, Ohio; "Jermuk" of Çermik; "Nickelsdorf" of Poruba), neither its own name nor
    a spelling geo's authors gave it. Such a name of a small town is weak evidence: reports name a village abroad
    by today's name."""
    f = best.feature
    if best.how != "exact" or not f.uid.startswith("geonames:"):
        return False
    key = q.key or fold(q.text)
    return key not in (_query.strip_kind(f.name)[0], fold(f.name)) and (f.uid, key) not in _aliases()


def small_other_name(c: Candidate, q) -> bool:
    """A town under :data:`STRANGER_MAX_POPULATION` matched only by :func:`other_name`."""
    return c.feature.population < STRANGER_MAX_POPULATION and other_name(c, q)


def refused(best: Candidate, q, context: Context) -> str:
    """Why the best candidate is not taken, though it matches ("" when it is): a small place far abroad, a town
    or an area for a camp or crossing, a respelling of a place in a country none of the request's other places
    are in (or, for a name alone, of a small place outside the default region), a loose likeness where geo's list
    is not complete."""
    f = best.feature
    if stranger(f, context):
        return (
            "only a small place of that name far from the request's other places and in another country; "
            "give --country, or --places with the right one"
        )
    if not q.kind and f.kind in SITE_KINDS and _far_site(f, context):
        return (
            f"only a {f.kind} of that name, far from the request's other places and in another country; likelier "
            f'a town geo lacks; write "{f.kind}" if the {f.kind} is meant'
        )
    if small_other_name(best, q) and _abroad(f, context):
        return (
            "only another name (historic or foreign) of a small place in a country none of the request's other "
            "places are in; likelier a place geo lacks; give --country, or --places with the right one"
        )
    # a crossing is named after its border town wherever the request's places are ("Adré crossing"); a camp is
    # often named after the village its people came from ("Beit Jibrin camp" near Bethlehem): the town must be in
    # a country the request is about
    town_there = f.kind in SETTLEMENT_KINDS and f.country in (context.home if q.kind == "camp" else context.countries)
    if q.kind in SITE_KINDS and f.kind != q.kind and not town_there:
        # "X camp" may be at the town of X where the request is, never at an area, or a town in another country
        return f"no {q.kind} of that name; only a {f.kind} (not taken for one: an area, or a town elsewhere)"
    said_area = q.kind == "admin1" or _area_word(q)
    if best.how in ("variant", "fuzzy") and _abroad(f, context) and not (f.kind == "admin1" and said_area):
        if f.kind == "country" and best.score < LOOSE_VARIANT:
            return (
                "no match: only a loose likeness of a country none of the request's places are in "
                f'({best.score:.0f}: "Sirba" in a report on Darfur is not Serbia)'
            )
        if f.kind != "country" and f.population < MILLION_CITY:
            return (
                f"no match: only a respelling of a {f.kind} in another country than the request's places; "
                "likelier a place geo lacks; give --country, or --places with the right one"
            )
    if best.how in ("variant", "fuzzy") and _lone_respelling(f, context):
        return (
            "no match: only a respelling of a small place outside the default region, and no other place in the "
            "request says which country; likelier a place geo lacks; give --country"
        )
    if best.how in ("variant", "fuzzy") and _far_respelling(f, context):
        return (
            "no match: only a respelling of a small place far from all the request's other places; "
            "likelier a place geo lacks; give --places with your country's places"
        )
    if best.how in ("variant", "fuzzy") and best.score < LOOSE_VARIANT and not _complete(f, context):
        return (
            f"no match: only a loose likeness ({best.score:.0f}) of a place where geo's list is not complete "
            "(towns of 500, 1,000 or 5,000+ people): likelier a place geo lacks; "
            "give --places with your country's places"
        )
    return ""


def _far_site(f: Feature, context: Context) -> bool:
    """A camp or crossing a bare name reached (its kind word left out), in a country none of the request's other
    places are in and :data:`STRANGER_KM` from all of them: camps bear the names of towns ("Mahama" in a report
    on Kasaï is not Rwanda's Mahama camp, 1,000 km east). Only in a request about a country (one holding a third
    of its places, or given): in a column mixing twenty crises, a camp is often the one name of its country."""
    return bool(context.home - {f.country}) and _elsewhere(f, context) and context.nearest_other_km(f)[1] >= STRANGER_KM


def _lone_respelling(f: Feature, context: Context) -> bool:
    """A respelt town under :data:`STRANGER_MAX_POPULATION` outside the countries given and the default region,
    when nothing else in the request vouches for its country (a name alone, or among names geo does not place):
    a made-up "Vintarossa" is no Swedish village Vintrosa. A city of 100,000 still answers ("Kartoum")."""
    return (
        f.kind in SETTLEMENT_KINDS and f.population < STRANGER_MAX_POPULATION
        and f.country not in (*context.given, *FOCUS_COUNTRIES) and all(a.uid == f.uid for a in context.anchors)
    )  # fmt: skip


def _far_respelling(f: Feature, context: Context) -> bool:
    """A respelt town under :data:`STRANGER_MAX_POPULATION`, :data:`STRANGER_KM` from every other town the
    request names, in its own country too ("Emlili" among Tangier's and Tetouan's towns is not Imlili, 1,000 km
    south): a respelling is weaker evidence than an exact name, and far from the rest it is likelier a village
    geo lacks."""
    if f.kind not in SETTLEMENT_KINDS or f.population >= STRANGER_MAX_POPULATION:
        return False
    count, nearest = context.nearest_other_km(f, towns=True)
    return count >= 2 and nearest >= STRANGER_KM


def far_province(f: Feature, context: Context) -> str:
    """Why an admin-1 area is not taken ("" when it is): in a country none of the request's places are in, half a
    world from all of them ("Brava" in a report on Somalia is a town geo lacks, not Cape Verde's island)."""
    if f.kind != "admin1" or f.country in context.countries or not context.points:
        return ""
    if context.nearest_km(f) < FAR_AREA_KM:
        return ""
    return "only a province of that name half a world from the request's other places; give --country, or --places"


def _abroad(f: Feature, context: Context) -> bool:
    """A town, admin-1 area or country where none of the request's other unambiguous places are (a request of one
    name has none): the town itself, when the name has no other candidate, does not vouch for its country."""
    if f.kind not in (*SETTLEMENT_KINDS, "admin1", "country") or not f.country:
        return False
    return _elsewhere(f, context)


def _elsewhere(f: Feature, context: Context) -> bool:
    """The request names other unambiguous places than ``f``, none of them in its country, and that country is
    not given (by ``--country``, or by the row's parent: :meth:`Context.about`)."""
    others = [a for a in context.anchors if a.uid != f.uid]
    return bool(others) and f.country not in context.given and all(a.country != f.country for a in others)


def _complete(f: Feature, context: Context) -> bool:
    """Whether geo knows every place of that kind there, so that a loose spelling is likelier a respelling of
    one it knows than of one it lacks: the user's own places (``--places``), and in the countries the request
    is about, OCHA's communities of Syria, districts, camps and crossings; everywhere, countries and admin-1
    areas. GeoNames keeps only towns of 500 people or more: "Minbya" is not the Minbu it resembles, but a town
    geo lacks."""
    if f.uid.startswith("place:") or f.kind in ("country", "admin1"):
        return True  # the user's own list; and every country's admin-1 areas are known ("Galgaduud region")
    return f.country in context.home and (f.uid.startswith("community:") or f.kind not in SETTLEMENT_KINDS)


def dominant_namesake(good: list[Candidate], context: Context, q) -> Candidate | None:
    """A namesake so much larger than the best that it is the one meant, though only the request's areas preferred
    the best (see :func:`_dwarfs`): in a request about Ouaddaï and Sila, "Goz Beïda" is the town of 60,000 in
    Sila, not a village of that name in Ouaddaï."""
    f = good[0].feature
    if f.kind not in SETTLEMENT_KINDS:
        return None
    # the evidence that must be equal: country, level, kind (not the areas, nor the distance); for a name alone,
    # not the country either (the default region is no evidence against a city of a million)
    start = 0 if context.anchors else 1
    evidence = context.rank(good[0])[start : KIND_AT + 1]
    bigger = [
        c for c in good[1:]
        if c.feature.kind in SETTLEMENT_KINDS and _dwarfs(c, good[0], context, q)
        and context.rank(c)[start : KIND_AT + 1] == evidence
    ]  # fmt: skip
    return max(bigger, key=lambda c: c.feature.population) if bigger else None


def _dwarfs(c: Candidate, best: Candidate, context: Context, q) -> bool:
    """In the same country, a town of 5,000 or more and ten times the best's population; both must have one: the
    user's places and all but 113 of OCHA's 7,693 Syrian communities (its towns) have none, and there the area
    decides. From another country, one the request is about, a city of 100,000 or more, ten times the best and
    spelt as exactly: "Sanaa" in a report on Yemen that also names Aleppo is Yemen's capital, not a village of
    Aleppo with no population figure; from anywhere, a city of 100,000 thirty times a village with a figure,
    by its own name (``q``); or, for a name alone, a city of a million."""
    g, f = c.feature, best.feature
    if g.country == f.country:
        return bool(f.population) and g.population >= max(DOMINANT_MIN, DOMINANT * f.population)
    if c.score < best.score:
        return False
    if g.country in context.home and g.population >= max(STRANGER_MAX_POPULATION, DOMINANT * f.population):
        return True
    # a city of 100,000 thirty times a village with a figure, by the city's own name: "Arica" alone is Chile's
    # city of 240,000, not the Turkish village of 600 the region leans to (not by a historic name: "Sebastia" is
    # no more Sivas than before)
    swamps = f.population and g.population >= max(STRANGER_MAX_POPULATION, SWAMPS * f.population)
    if swamps and not other_name(c, q):
        return True
    # a name alone leans to the default region only so far: "Sanaa" alone is Yemen's capital
    return not context.anchors and g.population >= max(MILLION_CITY, DOMINANT * f.population)


def own_place_beside(best: Candidate, found: list[Candidate], q, min_score: float) -> Candidate | None:
    """The user's own place (``--places``) that a bare name means, rather than the camp or crossing geo ships
    beside it under the same name ("Ardamatta" is the user's village of Ardamata with its P-code, not the IDP camp
    at its edge, though the camp's "Ardamatta camp" is spelt as written)."""
    f = best.feature
    if q.kind or f.kind not in SITE_KINDS:
        return None
    own = [c for c in found if c.feature.uid.startswith("place:") and c.score >= min_score
           and km(f.lat, f.lon, c.feature.lat, c.feature.lon) <= NEAR_KM]  # fmt: skip
    return max(own, key=lambda c: c.score) if own else None


def _area_word(q) -> bool:
    """Whether the name ends in a word that says it is an area ("Galgaduud region", "Zaporizhzhia oblast")."""
    return q.key.rsplit(" ", 1)[-1] in AREA_WORDS


def capital_town(best: Candidate, good: list[Candidate], q, lookup=None) -> Candidate | None:
    """Outside Syria a bare province name that is also its capital's name means the city ("fled to Kharkiv",
    "Amman", "Baghdad"); in Syria's displacement reporting a bare "Idlib" or "Hama" means the governorate, as
    OCHA writes it. A kind word or a direction ("Kharkiv oblast", "southern Kharkiv") still means the area.
    With ``lookup`` (the gazetteer's), a bare name that spells only the province ("Zaporizhia") is its capital
    too, found under the province's own name."""
    f = best.feature
    if f.kind != "admin1" or f.country in AREA_FIRST or q.kind or q.direction:
        return None
    town = _capital_among(good, best)
    if town is None and lookup is not None and not _area_word(q):
        same = [replace(c, score=best.score, how=best.how) for c in lookup(f.name) if c.how == "exact"]
        town = _capital_among(same, best)
    return town


def _capital_among(cands: list[Candidate], best: Candidate) -> Candidate | None:
    f, area = best.feature, fold(best.feature.name)
    towns = [c for c in cands if c.feature.kind in SETTLEMENT_KINDS and c.feature.country == f.country
             and c.score >= best.score and _capital_of(c.feature, area, f)]  # fmt: skip
    return max(towns, key=lambda c: c.feature.population) if towns else None


def _capital_of(town: Feature, area: str, f: Feature) -> bool:
    """The town bears the area's own name ("Khān Yūnis" the town, "Khan Younis" the area), not only as one of
    its other names (Sinaloa de Leyva is no capital of Sinaloa; Rio Grande, once called Rio Grande do Sul, none of
    that state), and is in that area or just beside it (Kyiv is its own area, in the middle of Kyiv oblast; Sanaa
    city is Amanat al-Asimah, in Sana'a governorate)."""
    if skeleton(_query.strip_kind(town.name)[0], folded=True) != skeleton(area, folded=True):
        return False  # "Hualien City" is Hualien county's capital
    return fold(town.admin1) == area or km(town.lat, town.lon, f.lat, f.lon) <= CAPITAL_KM
