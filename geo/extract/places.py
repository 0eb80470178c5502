"""Place mentions in running text, found through the gazetteer's own names.

Each sentence is scanned for the longest run of capitalised words whose
folded form is a name in the gazetteer ("Ma'arrat an-Nu'man", "Bab al-Hawa"),
or a transliteration variant of a name in the focus region. A mention keeps
the words that change what it means: a direction before an area ("southern
Idlib", "northwest Syria"), a kind word after ("Idlib city", "Atmeh camps",
"Bab al-Hawa crossing", "western Aleppo countryside"), and borders named by
their country ("the Turkish border", "the border with Turkey").

Ordinary words are kept out three ways: the words must be capitalised in the
text, common English words are never places on their own, and a name found
only outside the focus countries must belong to a large city.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from geo import query as _query
from geo.gazetteer import FOCUS_COUNTRIES, Feature, Gazetteer, _unpack
from geo.names import ARTICLES, fold, skeleton

# A word, with the apostrophes written inside Arabic names ("Ma'arrat") but not an English possessive ("Idlib's").
_TOKEN = re.compile(r"[^\W\d_][^\W_]*(?:['’‘ʿʾ`](?![sS]\b)[^\W_]+)*|\d+")
_GAP = re.compile(r"[ \t]{1,2}|[ \t]?[-‐–][ \t]?|[ \t]?\n[ \t]?")
MAX_WORDS = 6
# The gazetteer keeps features as plain tuples, in the order of Feature's fields.
_KIND, _COUNTRY, _POPULATION = (list(Feature.__dataclass_fields__).index(f) for f in ("kind", "country", "population"))
VARIANT_MIN_RATIO = 75.0
AREA_KINDS = frozenset({"country", "admin1", "admin2", "admin3"})
ALWAYS_KINDS = AREA_KINDS | {"camp", "crossing", "border"}
MIN_POPULATION_ONE_WORD = 150_000  # outside the focus countries, a one-word name must be a big city
MIN_POPULATION_MORE_WORDS = 50_000
BORDER_WORDS = frozenset({"border", "borders", "frontier", "borderline", "boundary"})
# Words that are never a place on their own, however they are written (sentence starts, titles, headings).
STOPWORDS = frozenset(
    """
    a about above according across added after again against agency aid all almost along already also although
    among an and another any april are area areas around as at august authorities back bad be because been before
    being best between big both but by camp camps can central children city close cold come conflict could
    countryside crossing day days december deal dire district do due during each early east eastern either else
    emergency end even every families family february few first five flash following for four friday from further
    get government had half has have he health her here high his how however humanitarian i if in including
    international into is it its january july june just key last late least long main many march may me media
    medical meanwhile mid monday month months more most much must national near need new news next nine no north
    northern northeast northwest northeastern northwestern not november now october of off old on once one only or
    other our out over own partners past people per province region report reports response said same saturday
    say says second see seen september seven she since six so some south southern southeast southwest state still
    such sunday support tell ten than that the their them then there these they third this those three through
    thursday to today total town tuesday two un under until up update us via village war was we wednesday week
    weeks well were west western what when where which while who will winter with within without women world year
    years yes yet you eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty
    fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions dozen dozens
    """.split()
)
_DIRECTION_WORDS = _query.DIRECTIONS
_KIND_SUFFIXES = {
    **{w: k for w, k in _query.KIND_WORDS.items() if k not in ("border",)},
}


_MOVED = re.compile(
    r"\b(?:fled|flee|fleeing|displaced|moved|moving|arrived|arriving|returned|returning|escaped|escaping|left|"
    r"leaving|headed|heading|reached|reaching|relocated|pushed)\b",
    re.I,
)
_CUE = re.compile(
    r"\b(?:from|toward|towards|to|into|fled|fleeing|flee|left|leaving|reached|reaching|escaping|escaped|"
    r"(?:arrived|arriving|arrive)\s+(?:in|at)|sought\s+(?:shelter|refuge|safety)\s+in)\s+(?:the\s+)?$",
    re.I,
)
_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?", re.I)
_NOT_NAMES = frozenset(
    """
    government forces army regime opposition rebels russian russia un unicef who ocha unhcr wfp iom msf ngo ngos
    red crescent cross mr mrs ms dr minister president spokesperson spokesman agency cluster partners
    """.split()
)


@dataclass(frozen=True)
class Place:
    """A place as written in the text, where it is in the text, and what the gazetteer made of it."""

    text: str
    start: int
    end: int
    name: str = ""
    kind: str = ""
    lat: float | None = None
    lon: float | None = None
    id: str = ""
    score: float = 0.0
    direction: str = ""

    @property
    def placed(self) -> bool:
        return self.lat is not None


@dataclass(frozen=True)
class _Raw:
    start: int
    end: int
    core_start: int
    core_end: int
    unknown: bool = False  # a name the gazetteer lacks, kept because the text says people moved from or to it


@functools.lru_cache(maxsize=100_000)
def _fold(word: str) -> str:
    return fold(word)


def _is_capitalised(word: str) -> bool:
    first = word[0]
    return first.isupper() or ("\u0600" <= first <= "\u06ff")


def _is_acronym(word: str) -> bool:
    return word.isupper() and len(word) > 1 and word.isascii()


class PlaceFinder:
    """Finds place mentions in sentences using one gazetteer."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or Gazetteer.default()

    # ------------------------------------------------------------------ scan
    def scan(self, text: str, start: int, end: int) -> list[_Raw]:
        """Raw mentions in ``text[start:end]`` (one sentence), in order."""
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]
        joined = [
            i + 1 < len(toks) and _GAP.fullmatch(text, toks[i][1], toks[i + 1][0]) is not None for i in range(len(toks))
        ]
        found: list[_Raw] = []
        taken = [False] * len(toks)
        for raw, span in self._borders(text, toks, joined):
            found.append(raw)
            for k in range(span[0], span[1] + 1):
                taken[k] = True
        i = 0
        while i < len(toks):
            if taken[i] or not self._may_start(toks, joined, i):
                i += 1
                continue
            hit = None
            last = i
            while last + 1 < len(toks) and last - i + 1 < MAX_WORDS and joined[last] and not taken[last + 1]:
                last += 1
            for j in range(last, i - 1, -1):
                if self._accept(toks, i, j):
                    hit = j
                    break
            if hit is None or self._inside_other_name(toks, joined, i, hit):
                i += 1
                continue
            found.append(self._extend(text, toks, joined, taken, i, hit))
            i = hit + 1
        found.sort(key=lambda r: r.start)
        if _MOVED.search(text, start, end):
            found = self._unknown(text, start, toks, joined, found)
        return found

    def _unknown(self, text, start, toks, joined, found: list[_Raw]) -> list[_Raw]:
        """Capitalised names right after "fled", "from", "toward" … (or listed with one) that no gazetteer has."""
        covered = [any(r.start <= t[0] < r.end for r in found) for t in toks]
        out = list(found)
        cued_ends = {r.end for r in found if _CUE.search(text, max(start, r.start - 40), r.start)}
        i = 0
        while i < len(toks):
            word = toks[i][2]
            f = _fold(word)
            j = i
            if (
                f in ARTICLES
                and _is_capitalised(word)
                and i + 1 < len(toks)
                and joined[i]
                and not covered[i + 1]
                and self._could_be_name(toks[i + 1][2], _fold(toks[i + 1][2]))
            ):
                j = i + 1  # "Al-Abzemo"
            elif covered[i] or not self._could_be_name(word, f):
                i += 1
                continue
            while j + 1 < len(toks) and j - i < 3 and joined[j] and not covered[j + 1]:
                nxt = toks[j + 1][2]
                if self._could_be_name(nxt, _fold(nxt)):
                    j += 1
                elif _fold(nxt) in ARTICLES and j + 2 < len(toks) and joined[j + 1] and not covered[j + 2]:
                    if not self._could_be_name(toks[j + 2][2], _fold(toks[j + 2][2])):
                        break
                    j += 2
                else:
                    break
            s0, e0 = toks[i][0], toks[j][1]
            listed = any(_LISTED.fullmatch(text, e, s0) for e in cued_ends if e <= s0)
            if listed or _CUE.search(text, max(start, s0 - 40), s0):
                out.append(_Raw(s0, e0, s0, e0, unknown=True))
                cued_ends.add(e0)
            i = j + 1
        return sorted(out, key=lambda r: r.start)

    def _could_be_name(self, word: str, folded: str) -> bool:
        return (
            _is_capitalised(word)
            and not word.isdigit()
            and not _is_acronym(word)
            and folded not in STOPWORDS
            and folded not in _NOT_NAMES
            and folded not in self.gaz.countries
            and folded not in ARTICLES
        )

    def _may_start(self, toks, joined, i) -> bool:
        word = toks[i][2]
        if word.isdigit() or _is_acronym(word):
            return False
        if _fold(word) in ARTICLES:
            # "al-Bab", "Al Bab": an article starts a name only when attached to a capitalised word
            return (
                i + 1 < len(toks)
                and joined[i]
                and _is_capitalised(toks[i + 1][2])
                and (_is_capitalised(word) or _hyphenated(toks, i))
            )
        return _is_capitalised(word)

    def _key(self, toks, i, j) -> tuple[str, int]:
        words = []
        significant = 0
        for k in range(i, j + 1):
            f = _fold(toks[k][2])
            if not f:
                continue
            if f in ARTICLES and k < j:
                continue
            significant += 1
            words.append(f)
        return " ".join(words), significant

    def _accept(self, toks, i, j) -> bool:
        for k in range(i, j + 1):
            word = toks[k][2]
            if word.isdigit() or _is_acronym(word):
                return False
            if _fold(word) not in ARTICLES and not _is_capitalised(word):
                return False
        if _fold(toks[j][2]) in ARTICLES:
            return False
        key, n = self._key(toks, i, j)
        if not key or (n == 1 and key in STOPWORDS) or key in STOPWORDS:
            return False
        entries = self.gaz.exact.get(key)
        if entries and self._plausible(entries, n, key):
            return True
        if n >= 2 or len(key) >= 6:
            # a transliteration variant ("Jindires" for Jindayris), only of Syrian names and only if close
            for other in self.gaz.variants.get(skeleton(key, folded=True), ()):
                if fuzz.ratio(key, other) >= VARIANT_MIN_RATIO and any(
                    self.gaz.rows[_unpack(e)[0]][_COUNTRY] == "SY" for e in self.gaz.exact.get(other, ())
                ):
                    return True
        return False

    def _plausible(self, entries, n: int, key: str) -> bool:
        for e in entries:
            row = self.gaz.rows[_unpack(e)[0]]
            kind, country, population = row[_KIND], row[_COUNTRY], row[_POPULATION]
            if kind in ALWAYS_KINDS or country in FOCUS_COUNTRIES:
                if n == 1 and len(key) < 3:
                    continue
                return True
            if population >= (MIN_POPULATION_ONE_WORD if n == 1 else MIN_POPULATION_MORE_WORDS):
                return True
        return False

    def _inside_other_name(self, toks, joined, i, j) -> bool:
        """A foreign town's name inside a longer capitalised name ("David" in "David Swanson")."""
        key, _ = self._key(toks, i, j)
        if any(self.gaz.rows[_unpack(e)[0]][_COUNTRY] in FOCUS_COUNTRIES for e in self.gaz.exact.get(key, ())):
            return False
        neighbours = []
        if j + 1 < len(toks) and joined[j]:
            neighbours.append(toks[j + 1][2])
        if i > 0 and joined[i - 1]:
            neighbours.append(toks[i - 1][2])
        for word in neighbours:
            f = _fold(word)
            if _is_capitalised(word) and f not in STOPWORDS and f not in _KIND_SUFFIXES and f not in ARTICLES:
                return True
        return False

    def _is_area(self, key: str) -> bool:
        for e in self.gaz.exact.get(key, ()):
            if self.gaz.rows[_unpack(e)[0]][_KIND] in AREA_KINDS:
                return True
        return False

    def _extend(self, text, toks, joined, taken, i, j) -> _Raw:
        start, end = toks[i][0], toks[j][1]
        core_start, core_end = start, end
        key, _ = self._key(toks, i, j)
        # a kind word after the name: "Idlib city", "Atmeh camps", "Bab al-Hawa border crossing"
        k = j + 1
        if k < len(toks) and joined[j] and not taken[k]:
            w1 = _fold(toks[k][2])
            w2 = _fold(toks[k + 1][2]) if k + 1 < len(toks) and joined[k] else ""
            if (w1, w2) in _query.KIND_PAIRS:
                end = toks[k + 1][1]
            elif w1 in _KIND_SUFFIXES:
                end = toks[k][1]
        # a direction before an area: "southern Idlib", "north-western Syria"
        if self._is_area(key) and i > 0 and joined[i - 1] and not taken[i - 1]:
            d = _fold(toks[i - 1][2])
            if d in _DIRECTION_WORDS:
                start = toks[i - 1][0]
                if d in ("western", "eastern", "west", "east") and i > 1 and joined[i - 2]:
                    if _fold(toks[i - 2][2]) in ("north", "south"):
                        start = toks[i - 2][0]
        return _Raw(start, end, core_start, core_end)

    def _country(self, toks, joined, i) -> int | None:
        """Index of the last token of a country name or demonym starting at token i, or None."""
        for n in (3, 2, 1):
            j = i + n - 1
            if j >= len(toks) or not all(joined[k] for k in range(i, j)):
                continue
            if not all(_is_capitalised(toks[k][2]) for k in range(i, j + 1)):
                continue
            if " ".join(_fold(toks[k][2]) for k in range(i, j + 1)) in self.gaz.countries:
                return j
        return None

    def _borders(self, text, toks, joined):
        """ "the Turkish border", "the Syria–Turkey border", "the border with Turkey"."""
        out = []
        i = 0
        while i < len(toks):
            word = _fold(toks[i][2])
            first = i
            last = None
            if word in BORDER_WORDS and i + 2 < len(toks) and _fold(toks[i + 1][2]) in ("with", "between"):
                j = self._country(toks, joined, i + 2)
                if j is not None:
                    last = j
                    if j + 2 < len(toks) and _fold(toks[j + 1][2]) == "and":
                        j2 = self._country(toks, joined, j + 2)
                        last = j2 if j2 is not None else last
            else:
                j = self._country(toks, joined, i)
                if j is not None:
                    nxt = j + 1
                    if nxt < len(toks) and joined[j] and _fold(toks[nxt][2]) == "and":
                        nxt += 1
                    j2 = self._country(toks, joined, nxt) if nxt < len(toks) and (joined[j] or nxt > j + 1) else None
                    if j2 is not None and joined[j2]:
                        j = j2
                    b = j + 1
                    if b < len(toks) and joined[j] and _fold(toks[b][2]) in BORDER_WORDS:
                        after = _fold(toks[b + 1][2]) if b + 1 < len(toks) else ""
                        if after not in ("crossing", "crossings", "gate", "point"):
                            last = b
            if last is None:
                i += 1
                continue
            start = toks[first][0]
            if first > 0 and _fold(toks[first - 1][2]) == "the" and joined[first - 1]:
                start = toks[first - 1][0]
            out.append((_Raw(start, toks[last][1], start, toks[last][1]), (first, last)))
            i = last + 1
        return out

    # --------------------------------------------------------------- resolve
    def resolve(self, text: str, raws: list[_Raw]) -> list[Place]:
        """Places for raw mentions, resolved together so that they give each other context."""
        from geo.geocode import resolve

        names = []
        for r in raws:
            if r.unknown:
                continue
            names.append(" ".join(text[r.start : r.end].split()))
            names.append(" ".join(text[r.core_start : r.core_end].split()))
        unique = list(dict.fromkeys(names))
        matches = dict(zip(unique, resolve(unique, gazetteer=self.gaz)))
        out = []
        for r in raws:
            written = text[r.start : r.end]
            if r.unknown:
                out.append(Place(written, r.start, r.end))
                continue
            m = matches[" ".join(written.split())]
            if not m.matched:
                m = matches[" ".join(text[r.core_start : r.core_end].split())]
            if not m.matched:
                out.append(Place(written, r.start, r.end))
                continue
            out.append(Place(written, r.start, r.end, m.name, m.kind, m.lat, m.lon, m.id, m.score, m.qualifier))
        return out


def _hyphenated(toks, i) -> bool:
    """True when token i is joined to the next by one character, a hyphen ("al-Bab")."""
    return i + 1 < len(toks) and toks[i + 1][0] - toks[i][1] == 1  # the gap is one character: '-' or similar
