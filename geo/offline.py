"""A geopy geocoder backed by geo's offline gazetteer (:class:`OfflineGazetteer`).

A module of its own so that ``geo geocode`` does not import geopy (and requests with it, a quarter of a second)
to answer from the offline index.
"""

from __future__ import annotations

from collections.abc import Sequence

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geo.gazetteer import DEFAULT_MIN_SCORE, Gazetteer, fuzzy_cutoff
from geo.geocode import Match, _choose, _countries, _passes, resolve
from geo.namesakes import Context


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
        locs = [_location(_choose(text, [c], Context([]), self.min_score, gaz)) for c in found]
        return locs or None

    def reverse(self, query, *, exactly_one: bool = True, **_ignored):
        raise NotImplementedError("reverse geocoding is not offered by the offline gazetteer")


def _location(match: Match) -> Location:
    address = ", ".join(p for p in (match.name, match.admin1 if match.admin1 != match.name else "", match.country) if p)
    return Location(address, (match.lat, match.lon), match.row())
