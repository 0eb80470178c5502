"""Reading a place query: the name, the kind of feature asked for, a direction.

Words such as "province", "camp", "crossing" or "border" select the kind of
feature and are not part of the name; "southern" or "north-western" narrow an
area to part of it; "the", "of" and "with" are dropped.

>>> q = parse("southern Idlib province")
>>> q.key, q.kind, q.direction
('idlib', 'admin1', 'south')
>>> parse("the Turkish-Syrian frontier").kind
'border'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from geo.names import fold

KIND_WORDS = {
    "country": "country",
    "province": "admin1",
    "provinces": "admin1",
    "governorate": "admin1",
    "governorates": "admin1",
    "gov": "admin1",
    "muhafazat": "admin1",
    "muhafazah": "admin1",
    "muhafaza": "admin1",
    "countryside": "admin1",
    "district": "admin2",
    "districts": "admin2",
    "mantiqa": "admin2",
    "subdistrict": "admin3",
    "nahiya": "admin3",
    "city": "place",
    "town": "place",
    "village": "place",
    "camp": "camp",
    "camps": "camp",
    "settlement": "camp",
    "settlements": "camp",
    "crossing": "crossing",
    "crossings": "crossing",
    "gate": "crossing",
    "border": "border",
    "borders": "border",
    "frontier": "border",
    "boundary": "border",
    "borderline": "border",
}
# Two-word kinds, checked before single words ("border crossing" is a crossing).
KIND_PAIRS = {
    ("border", "crossing"): "crossing",
    ("border", "gate"): "crossing",
    ("crossing", "point"): "crossing",
    ("border", "post"): "crossing",
    ("border", "point"): "crossing",
    ("border", "checkpoint"): "crossing",
    ("border", "station"): "crossing",
    ("sub", "district"): "admin3",
    ("idp", "camp"): "camp",
    ("idp", "camps"): "camp",
    # the words reports put after a site's name ("Kakuma refugee camp", "Bor PoC site", "Mineo reception centre")
    ("refugee", "camp"): "camp",
    ("refugee", "camps"): "camp",
    ("refugee", "settlement"): "camp",
    ("transit", "camp"): "camp",
    ("transit", "site"): "camp",
    ("transit", "sites"): "camp",
    ("relocation", "site"): "camp",
    ("relocation", "sites"): "camp",
    ("gathering", "site"): "camp",
    ("gathering", "sites"): "camp",
    ("idp", "site"): "camp",
    ("idp", "sites"): "camp",
    ("idp", "settlement"): "camp",
    ("poc", "site"): "camp",
    ("displacement", "site"): "camp",
    ("displacement", "sites"): "camp",
    ("reception", "centre"): "camp",
    ("reception", "center"): "camp",
    ("transit", "centre"): "camp",
    ("transit", "center"): "camp",
    ("detention", "centre"): "camp",
    ("detention", "center"): "camp",
    ("arrival", "centre"): "camp",
    ("accommodation", "centre"): "camp",
    ("collective", "centre"): "camp",
    ("collective", "centres"): "camp",
    ("evacuation", "centre"): "camp",
    ("evacuation", "center"): "camp",
}
DIRECTIONS = {
    "north": "north",
    "northern": "north",
    "south": "south",
    "southern": "south",
    "east": "east",
    "eastern": "east",
    "west": "west",
    "western": "west",
    "northwest": "northwest",
    "northwestern": "northwest",
    "northeast": "northeast",
    "northeastern": "northeast",
    "southwest": "southwest",
    "southwestern": "southwest",
    "southeast": "southeast",
    "southeastern": "southeast",
    "central": "central",
}
FILLER = frozenset({"the", "of", "with", "and", "near", "along", "in"})
_COORDS = re.compile(r"^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$")


@dataclass(frozen=True)
class Query:
    """A place query taken apart."""

    text: str
    key: str  # the folded name, without kind, direction and filler words
    kind: str | None = None
    direction: str | None = None
    coords: tuple[float, float] | None = None


@functools.lru_cache(maxsize=1 << 17)
def parse(text: str) -> Query:
    """Split a place query into its name key, the kind of feature and a direction."""
    text = str(text)
    match = _COORDS.match(text[:200])
    if match:
        lat, lon = float(match.group(1)), float(match.group(2))
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return Query(text, "", "coordinates", None, (lat, lon))
    words = fold(text[:500]).split()
    kind = None
    direction = None
    # "north western" is written as two words after folding "north-western".
    joined = []
    i = 0
    while i < len(words):
        pair = tuple(words[i : i + 2])
        if len(pair) == 2 and pair[0] in ("north", "south") and pair[1] in ("western", "eastern", "west", "east"):
            joined.append(pair[0] + pair[1])
            i += 2
            continue
        joined.append(words[i])
        i += 1
    words = joined
    kept = []
    i = 0
    while i < len(words):
        pair = tuple(words[i : i + 2])
        if len(pair) == 2 and pair in KIND_PAIRS:
            kind = kind or KIND_PAIRS[pair]
            i += 2
            continue
        word = words[i]
        if word in KIND_WORDS and (kept or i + 1 < len(words)):
            kind = kind or KIND_WORDS[word]
        elif word in DIRECTIONS and i + 1 < len(words) and not kept:
            direction = DIRECTIONS[word]
        elif word in FILLER and len(words) > 1:
            pass
        else:
            kept.append(word)
        i += 1
    return Query(text, " ".join(kept), kind, direction)


def strip_kind(name: str) -> tuple[str, str | None]:
    """Key and kind word of a name as stored in the gazetteer ("Atmeh camp" → "atmeh", "camp")."""
    q = parse(name)
    if not q.key or q.direction:  # "Eastern Sweida" is a village's name, not a part of Sweida
        return fold(name), None
    return q.key, q.kind
