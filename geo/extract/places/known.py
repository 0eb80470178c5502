"""What the gazetteer knows of a name in running text: exact names anywhere, close variants of Syrian names only.

Variants are kept to Syria because, in running text, variants of other countries' names match English
words ("Blue": Bolu in Turkey); Syria's villages are the ones reports spell in many ways.
"""

from __future__ import annotations

from geo import gazetteer as _gaz
from geo.extract.places.tokens import fold
from geo.gazetteer import Candidate, Gazetteer

# A transliteration variant counts in running text when its letters are 75 % alike: the score the gazetteer gives
# such a variant (it scales the letters' likeness between its floor and its top variant score).
VARIANT_MIN_RATIO = 75.0
VARIANT_MIN_SCORE = _gaz.SCORE_VARIANT - (_gaz.SCORE_VARIANT - _gaz.VARIANT_FLOOR) * (100 - VARIANT_MIN_RATIO) / (
    100 - _gaz.VARIANT_MIN_RATIO
)
VARIANT_COUNTRY = "SY"  # in running text, variants of other countries' names match English words ("Blue": Bolu)
AREA_KINDS = frozenset({"country", "admin1", "admin2", "admin3"})


class KnownNames:
    """One gazetteer, asked only through its lookup, with the answers for each name remembered."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._seen: dict[str, tuple[Candidate, ...]] = {}  # per finder, so no old gazetteer is kept alive

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        """Exact names anywhere, and transliteration variants of Syrian names when close enough."""
        if name not in self._seen:
            self._seen[name] = tuple(
                c
                for c in self.gaz.lookup(name, 100.0, (VARIANT_COUNTRY,))  # variants looked for there, even short
                if c.how in ("exact", "pcode")
                or (c.how == "variant" and c.score >= VARIANT_MIN_SCORE and c.feature.country == VARIANT_COUNTRY)
            )
        return self._seen[name]

    def is_country(self, word: str) -> bool:
        """A country's name or adjective ("Sudan", "Sudanese"): a place in its own right, never a village."""
        return bool(self.gaz.country_codes(fold(word)))

    def is_area(self, name: str) -> bool:
        """A country or an admin area: a direction before it is part of the mention ("north-western Syria")."""
        return any(c.feature.kind in AREA_KINDS for c in self.candidates(name))

    def is_border(self, phrase: str) -> bool:
        """A border the gazetteer has ("the Chadian border", "the border between Sudan and Chad"): by its countries."""
        return any(c.feature.kind == "border" for c in self.gaz.lookup(phrase, 100.0))
