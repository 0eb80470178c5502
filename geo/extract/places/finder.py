"""Place mentions in running text, found through the gazetteer's own names and through the words around them.

Each sentence is scanned for the longest run of capitalised words that the
gazetteer knows (:meth:`Gazetteer.lookup`, exact names and, in the focus
region, transliteration variants): "Ma'arrat an-Nu'man", "Bab al-Hawa",
"Cox's Bazar". A mention keeps the words that change what it means: a
direction before an area ("southern Idlib", "eastern Sudan"), a kind word
after ("Idlib city", "Zamzam camp", "Khartoum state", "Bab al-Hawa
crossing"), and borders named by their country ("the Turkish border", "the
border with Chad").

Ordinary words are kept out three ways: the words must be capitalised in the
text, common English words are never places on their own, and a small town
outside the focus countries counts only where the text makes it likely: the
report names its country elsewhere, or a word such as "in", "from", "toward"
or "fled" stands right before it.

Names no gazetteer has ("Kutupalong", "Hazano") are still places when those
words stand before them, or when they are listed with a place ("Kutum,
Kabkabiya and Saraf Omra"); they are kept unplaced, for the reviewer.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from geo import gazetteer as _gaz
from geo import query as _query
from geo.extract import words as _words
from geo.extract.places.record import Place, RawMention
from geo.extract.words import NOT_NAMES, PARTICLES, STOPWORDS
from geo.gazetteer import FOCUS_COUNTRIES, Candidate, Gazetteer
from geo.names import ARTICLES, fold

# A word, with the apostrophes written inside Arabic names ("Ma'arrat") but not an English possessive ("Idlib's").
_TOKEN = re.compile(r"[^\W\d_][^\W_]*(?:['’‘ʿʾ`](?![sS]\b)[^\W_]+)*|\d+")
_POSSESSIVE_GAP = re.compile(r"['’][sS] ")  # "Cox's Bazar": a possessive inside a name the gazetteer knows
# What joins the words of one name: a space, a hyphen (not " – ": "Sudan – El Fasher" is two), a line end, a possessive
_GAP = re.compile(r"[ \t]{1,2}|[ \t]?[-‐–]|[-‐–][ \t]|[ \t]?\n[ \t]?|" + _POSSESSIVE_GAP.pattern)
MAX_WORDS = 6
# A transliteration variant counts in running text when its letters are 75 % alike: the score the gazetteer gives
# such a variant (it scales the letters' likeness between its floor and its top variant score).
VARIANT_MIN_RATIO = 75.0
VARIANT_MIN_SCORE = _gaz.SCORE_VARIANT - (_gaz.SCORE_VARIANT - _gaz.VARIANT_FLOOR) * (100 - VARIANT_MIN_RATIO) / (
    100 - _gaz.VARIANT_MIN_RATIO
)
VARIANT_COUNTRY = "SY"  # in running text, variants of other countries' names match English words ("Blue": Bolu)
AREA_KINDS = frozenset({"country", "admin1", "admin2", "admin3"})
ALWAYS_KINDS = AREA_KINDS | {"camp", "crossing", "border"}
MIN_POPULATION_ONE_WORD = 150_000  # outside the focus countries, with no hint, a one-word name must be a big city
MIN_POPULATION_MORE_WORDS = 50_000
MIN_POPULATION_INSIDE = 1_000  # a smaller village followed by more capitalised words is likely part of another name
BORDER_WORDS = frozenset({"border", "borders", "frontier", "borderline", "boundary"})
_DIRECTION_WORDS = frozenset(_query.DIRECTIONS) | _words.MORE_DIRECTIONS
# Kind words kept after a name: the gazetteer's own, and the names of other countries' admin levels.
_KIND_SUFFIXES = frozenset({w for w, k in _query.KIND_WORDS.items() if k != "border"}) | _words.KIND_SUFFIXES
_KIND_NOUNS = _KIND_SUFFIXES | _words.KIND_NOUNS
# Words right before a name that make it a place: prepositions of place and verbs of leaving or reaching.
_CUE = re.compile(
    r"\b(?:from|toward|towards|to|into|in|at|near|via|through|across|around|outside|between|fled|fleeing|flee|"
    r"left|leaving|reached|reaching|reach|escaped|escaping|abandoned|abandoning|evacuated|entered|entering|deserted|nearby|"
    r"out\s+of|(?:headed|heading|left|leaving|bound|departed)\s+for|"
    r"(?:camps?|sites?|settlements?|villages?|towns?|areas?|localities|communities|neighbou?rhoods?)\s+"
    r"(?:such\s+as|including|like|notably|namely)|"
    r"(?:town|city|village|villages|camps?|governorate|province|district|region|state|outskirts|residents|"
    r"people|families|inhabitants)\s+of)\s+(?:the\s+)?$",
    re.I,
)
_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|as\s+well\s+as\s+|\(\s*)(?:the\s+)?", re.I)
_FOR = re.compile(r"\bfor\s+(?:the\s+)?$", re.I)
_LEAVING = re.compile(r"\b(?:left|leaving|fled|fleeing|headed|heading|departed|departing|bound|set\s+off)\b", re.I)
# Who a capitalised name is, when it is a person: "Volodymyr, a 67-year-old from …", "Amina Yusuf, a nurse in …"
_PERSON_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'’-]+)?,\s+(?:a|an)\s+(?:\d+-year-old|(?:[\w-]+\s+)?(?:"
    + "|".join(sorted(_words.PERSON_NOUNS))
    + r")\b)"
)
# A dateline: "GOMA, 3 May 2024 —", "SAINT-MARC —" opening a sentence names where the report was written
_DATELINE = re.compile(r"([A-Z][A-Z'’]+(?:[ -][A-Z][A-Z'’]+){0,3})(?=(?:,[\w ]{4,20}?)?\s+[—–-]\s)")
# What may follow a number that ends a name ("fled Delmas 30 since …"); not a noun it counts ("Goma 30 people")
_NUMBER_ENDS = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:and|or|since|in|on|to|from|after|before|where|which)\b")
_NOT_AFTER = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.I)


@functools.lru_cache(maxsize=100_000)
def _fold(word: str) -> str:
    return fold(word)


def _is_capitalised(word: str) -> bool:
    first = word[0]  # "d'Eau" in "Saut-d'Eau" is capitalised after its elided article
    return first.isupper() or ("\u0600" <= first <= "\u06ff") or (word[1:2] in ("'", "’") and word[2:3].isupper())


def _is_acronym(word: str) -> bool:
    return word.isupper() and len(word) > 1 and word.isascii()


class PlaceFinder:
    """Finds place mentions in sentences using one gazetteer (only through its lookup)."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or Gazetteer.default()
        self._seen: dict[str, tuple[Candidate, ...]] = {}  # per finder, so no old gazetteer is kept alive

    def _candidates(self, name: str) -> tuple[Candidate, ...]:
        """Exact names anywhere, and transliteration variants of Syrian names when close enough."""
        if name not in self._seen:
            self._seen[name] = self._lookup(name)
        return self._seen[name]

    def _lookup(self, name: str) -> tuple[Candidate, ...]:
        found = self.gaz.lookup(name, 100.0)
        return tuple(
            c
            for c in found
            if c.how in ("exact", "pcode")
            or (c.how == "variant" and c.score >= VARIANT_MIN_SCORE and c.feature.country == VARIANT_COUNTRY)
        )

    def is_country(self, word: str) -> bool:
        """A country's name or adjective ("Sudan", "Sudanese"): a place in its own right, never a village."""
        return bool(self.gaz.country_codes(_fold(word)))

    # ------------------------------------------------------------------ scan
    def find(self, text: str, spans: list[tuple[int, int]]) -> list[list[RawMention]]:
        """Raw mentions per sentence.

        A small foreign town found with no hint stays if the text names its
        country somewhere, or if it is listed with a place that stays. A
        transliteration variant of a Syrian name stays only in a text about
        Syria (one that names Syrian places, or no place outside the focus
        countries): with 7,693 Syrian villages, "Tawila" in Darfur would
        otherwise land on Tawilah in Syria. Elsewhere it stays unplaced.
        """
        raws = [self.scan(text, s, e) for s, e in spans]
        named = {r.country for rs in raws for r in rs if r.strong and r.country}
        # A transliteration variant of a Syrian village ("Tawila": Tawilah) only where the text is about Syria.
        variants_ok = VARIANT_COUNTRY in named or not (named - set(FOCUS_COUNTRIES))
        out = []
        for (s, e), rs in zip(spans, raws):
            # elsewhere it is still a name: kept, unplaced, for the reviewer
            rs = [r if not r.variant or variants_ok else replace(r, unknown=True) for r in rs]
            keep = [r.strong or r.variant or r.country in named for r in rs]
            changed = True
            while changed:
                changed = False
                for k, r in enumerate(rs):
                    if keep[k]:
                        continue
                    for n in (k - 1, k + 1):
                        if 0 <= n < len(rs) and keep[n]:
                            a, b = (rs[n], r) if n < k else (r, rs[n])
                            if _LISTED.fullmatch(text, a.end, b.start):
                                keep[k] = changed = True
                                break
            kept = [r for r, k in zip(rs, keep) if k]
            out.append(self._unknown(text, s, e, kept))
        return out

    def scan(self, text: str, start: int, end: int) -> list[RawMention]:
        """Raw mentions in ``text[start:end]`` (one sentence), in order."""
        toks, joined = self._tokens(text, start, end)
        found: list[RawMention] = []
        taken = [False] * len(toks)
        for raw, span in self._borders(text, toks, joined):
            found.append(raw)
            for k in range(span[0], span[1] + 1):
                taken[k] = True
        line = _DATELINE.match(text, start, end)  # "UN —", "MSF —" are bodies; "DRC —" a country as written
        if line and _fold(line.group(1)) not in STOPWORDS | NOT_NAMES and self._candidates(line.group(1).title()):
            found.append(RawMention(*line.span(), *line.span()))
        i = 0
        while i < len(toks):
            if taken[i] or not self._may_start(text, toks, joined, i):
                i += 1
                continue
            hit = None
            last = i
            while last + 1 < len(toks) and last - i + 1 < MAX_WORDS and joined[last] and not taken[last + 1]:
                last += 1
            cued = self._cued(text, start, toks[i][0])
            for j in range(last, i - 1, -1):
                if self._possessive_inside(text, toks, i, j):
                    continue
                verdict = self._accept(text, toks, i, j, cued)
                if verdict is not None:
                    hit = (j, verdict)
                    break
            if hit is None or self._inside_other_name(toks, joined, i, hit[0]):
                i += 1
                continue
            if self._names_no_place(text, toks, joined, hit[0]):
                i = hit[0] + 1
                continue
            raw = self._extend(text, toks, joined, taken, i, hit[0])
            found.append(replace(raw, country=hit[1][0], strong=hit[1][1], variant=hit[1][2]))
            i = hit[0] + 1
        found.sort(key=lambda r: r.start)
        return found

    def _names_no_place(self, text, toks, joined, j) -> bool:
        """A known name that here names a body ("the Arakan Army") or a person ("Volodymyr, a 67-year-old")."""
        if j + 1 < len(toks) and joined[j] and _fold(toks[j + 1][2]) in _words.ORGANISATION_WORDS:
            return True
        return bool(_PERSON_AFTER.match(text, toks[j][1]))

    def _cued(self, text: str, start: int, pos: int) -> bool:
        before = text[max(start, pos - 40) : pos]
        if _FOR.search(before) and _LEAVING.search(text, start, pos):
            return True  # "most heading for Goma and a smaller number for Minova"
        return bool(_CUE.search(before)) and not _NOT_AFTER.search(before)

    def _possessive_inside(self, text, toks, i, j) -> bool:
        # "Sudan's Blue Nile": a possessive joins words only inside one known name, never at its end
        return any(_POSSESSIVE_GAP.fullmatch(text, toks[k][1], toks[k + 1][0]) for k in range(i, j)) and (
            not self._candidates(text[toks[i][0] : toks[j][1]])
        )

    def _tokens(self, text: str, start: int, end: int) -> tuple[list[tuple[int, int, str]], list[bool]]:
        toks = [
            (m.start(), m.end(), m.group())
            for m in _TOKEN.finditer(text, start, end)
            if not (m.group() in ("s", "S") and m.start() > 0 and text[m.start() - 1] in "'’")  # a possessive
        ]
        joined = [
            i + 1 < len(toks) and bool(_GAP.fullmatch(text, toks[i][1], toks[i + 1][0])) for i in range(len(toks))
        ]
        return toks, joined

    def _unknown(self, text, start, end, found: list[RawMention]) -> list[RawMention]:
        """Capitalised names right after "in", "from", "fled", "toward" … (or listed with a place) no gazetteer has."""
        toks, joined = self._tokens(text, start, end)
        covered = [any(r.start <= t[0] < r.end for r in found) for t in toks]
        out = list(found)
        ends = {r.end for r in found}
        i = 0
        while i < len(toks):
            word = toks[i][2]
            f = _fold(word)
            j = i
            if (
                ((f in ARTICLES and _is_capitalised(word)) or f in _DIRECTION_WORDS)
                and i + 1 < len(toks)
                and joined[i]
                and not covered[i + 1]
                and self._could_be_name(toks[i + 1][2], _fold(toks[i + 1][2]))
            ):
                j = i + 1  # "Al-Abzemo", "West Darfur", "eastern Ghouta"
            elif word == "Camp" and i + 1 < len(toks) and joined[i] and toks[i + 1][2].isdigit():
                j = i + 1  # "Camp 11"
            elif covered[i] or not self._could_be_name(word, f):
                i += 1
                continue
            while j + 1 < len(toks) and j - i < 3 and joined[j] and not covered[j + 1]:
                nxt = toks[j + 1][2]
                if _POSSESSIVE_GAP.fullmatch(text, toks[j][1], toks[j + 1][0]):
                    break
                if self._could_be_name(nxt, _fold(nxt)):
                    j += 1
                elif (
                    (_fold(nxt) in ARTICLES or nxt in PARTICLES)
                    and j + 2 < len(toks)
                    and joined[j + 1]
                    and not covered[j + 2]
                ):
                    if not self._could_be_name(toks[j + 2][2], _fold(toks[j + 2][2])):
                        break
                    j += 2
                else:
                    break
            s0, e0 = toks[i][0], toks[j][1]
            listed = any(_LISTED.fullmatch(text, e, s0) for e in ends if e <= s0)
            kind = j + 1 < len(toks) and joined[j] and _fold(toks[j + 1][2]) in _KIND_NOUNS
            kind = kind and (i > 0 or _not_english(toks[i][2]))  # "Farchana camp, which …"; not "Transit camps …"
            if (listed or kind or self._cued(text, start, s0)) and not self._names_no_place(text, toks, joined, j):
                k = j + 1  # "Zamzam camp", "Rutshuru territory", "Teachers Village camp"
                while k < len(toks) and k <= j + 2 and joined[k - 1] and _fold(toks[k][2]) in _KIND_SUFFIXES:
                    e0, k = toks[k][1], k + 1
                out.append(RawMention(s0, e0, toks[i][0], toks[j][1], unknown=True))
                ends.add(e0)
            i = j + 1
        return sorted(out, key=lambda r: r.start)

    def _could_be_name(self, word: str, folded: str) -> bool:
        return (
            _is_capitalised(word)
            and not word.isdigit()
            and not _is_acronym(word)
            and folded not in STOPWORDS
            and folded not in NOT_NAMES
            and folded not in ARTICLES
            and not self.is_country(word)
        )

    def _may_start(self, text, toks, joined, i) -> bool:
        word = toks[i][2]
        if (
            word.isdigit()
            or _is_acronym(word)
            or (i > 0 and toks[i - 1][2] in PARTICLES and _hyphenated(text, toks, i - 1))
        ):
            return False  # "l'Artibonite" ends "Petite-Rivière-de-l'Artibonite"
        if _fold(word) in ARTICLES:
            # "al-Bab", "Al Bab": an article starts a name only when attached to a capitalised word
            return (
                i + 1 < len(toks)
                and joined[i]
                and _is_capitalised(toks[i + 1][2])
                and (_is_capitalised(word) or _hyphenated(text, toks, i))
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

    def _accept(self, text, toks, i, j, cued: bool) -> tuple[str, bool, bool] | None:
        """(country, strong, variant) when tokens i..j name a place the gazetteer knows; None otherwise."""
        for k in range(i, j + 1):
            word = toks[k][2]
            if word.isdigit() or _is_acronym(word):
                return None
            inside = i < k < j and word in _words.INSIDE_KNOWN_NAMES
            if _fold(word) not in ARTICLES and not _is_capitalised(word) and not inside:
                return None
        if _fold(toks[j][2]) in ARTICLES:
            return None
        key, n = self._key(toks, i, j)
        if not key or key in STOPWORDS or (n == 1 and key in NOT_NAMES):
            return None
        if _fold(toks[i][2]) in _query.FILLER | _words.PREPOSITIONS or _fold(toks[j][2]) in _query.FILLER:
            return None  # "In Idlib", "At Torkham", "The Sudan": the lookup drops such words, the mention must not
        weak = ""
        for c in self._candidates(text[toks[i][0] : toks[j][1]]):
            f = c.feature
            if c.how == "variant":
                return f.country, False, True  # kept only in a text about Syria: see find()
            if f.kind in ALWAYS_KINDS or f.country in FOCUS_COUNTRIES:
                if n == 1 and len(key) < 3:
                    continue
                return "" if f.kind == "border" else f.country, True, False
            if f.population >= (MIN_POPULATION_ONE_WORD if n == 1 else MIN_POPULATION_MORE_WORDS) or cued:
                return f.country, True, False
            weak = weak or f.country
        return (weak, False, False) if weak else None

    def _inside_other_name(self, toks, joined, i, j) -> bool:
        """A foreign town's or a small village's name inside a longer capitalised name.

        "David" in "David Swanson"; the village "Sahl" in "Sahl al-Ghab", "Saraf" in "Saraf Omra".
        """
        span = " ".join(t[2] for t in toks[i : j + 1])
        if any(
            c.feature.kind in ALWAYS_KINDS
            or (c.feature.country in FOCUS_COUNTRIES and c.feature.population >= MIN_POPULATION_INSIDE)
            for c in self._candidates(span)
        ):
            return False
        neighbours = []
        if j + 1 < len(toks) and joined[j]:
            k = j + 1
            if _fold(toks[k][2]) in ARTICLES and k + 1 < len(toks) and joined[k]:
                k += 1  # "Sahl al-Ghab": look past the article
            neighbours.append(toks[k][2])
        if i > 0 and joined[i - 1]:
            k = i - 1
            if _fold(toks[k][2]) in ARTICLES and k > 0 and joined[k - 1] and not _is_capitalised(toks[k][2]):
                k -= 1  # "al-Ghab" in "Sahl al-Ghab"
            neighbours.append(toks[k][2])
        for word in neighbours:
            f = _fold(word)
            if (
                _is_capitalised(word)
                and f not in STOPWORDS
                and f not in _KIND_SUFFIXES
                and f not in ARTICLES
                and f not in _DIRECTION_WORDS
            ):
                return True
        return False

    def _is_area(self, name: str) -> bool:
        return any(c.feature.kind in AREA_KINDS for c in self._candidates(name))

    def _extend(self, text, toks, joined, taken, i, j) -> RawMention:
        start, end = toks[i][0], toks[j][1]
        core_start, core_end = start, end
        # a kind word after the name: "Idlib city", "Atmeh camps", "Bab al-Hawa border crossing", "Khartoum state"
        k = j + 1
        if k < len(toks) and joined[j] and not taken[k]:
            w1 = _fold(toks[k][2])
            w2 = _fold(toks[k + 1][2]) if k + 1 < len(toks) and joined[k] else ""
            if (w1, w2) in _query.KIND_PAIRS:
                end = toks[k + 1][1]
            elif w1 in _KIND_SUFFIXES:
                end = toks[k][1]
            elif w1.isdigit() and len(w1) <= 2 and _NUMBER_ENDS.match(text, toks[k][1]):
                end = toks[k][1]  # "Delmas 30": a numbered part of a town, not a count
        # a direction before an area ("north-western Syria"), or "-ern" before any place ("northern Gaza")
        d = _fold(toks[i - 1][2]) if i > 0 and joined[i - 1] and not taken[i - 1] else ""
        if d in _DIRECTION_WORDS and (d.endswith("ern") or self._is_area(text[core_start:core_end])):
            start = toks[i - 1][0]
            if d in ("western", "eastern", "west", "east") and i > 1 and joined[i - 2]:
                if _fold(toks[i - 2][2]) in ("north", "south"):
                    start = toks[i - 2][0]
        return RawMention(start, end, core_start, core_end)

    def _borders(self, text, toks, joined):
        """ "the Turkish border", "the Syria–Turkey border", "the border with Turkey": borders the gazetteer has."""
        out = []
        i = 0
        while i < len(toks):
            if _fold(toks[i][2]) not in BORDER_WORDS:
                i += 1
                continue
            hit = None
            if i + 2 < len(toks) and _fold(toks[i + 1][2]) in ("with", "between"):
                # "the border with Chad", "the border between Sudan and Chad"
                for last in range(min(len(toks) - 1, i + 6), i + 1, -1):
                    names = all(_is_capitalised(t[2]) or _fold(t[2]) in ("and", "the") for t in toks[i + 2 : last + 1])
                    if names and self._is_border(text[toks[i][0] : toks[last][1]]):  # not "… with Russia on 14 August"
                        hit = (i, last)
                        break
            if hit is None:
                # "the Chadian border", "the Syria–Turkey border", "the Sudan and South Sudan border"
                for first in range(max(0, i - 5), i):
                    words = [t[2] for t in toks[first:i]]
                    if not all(joined[k] for k in range(first, i)) or not _is_capitalised(words[0]):
                        continue
                    if not all(_is_capitalised(w) or _fold(w) == "and" for w in words):
                        continue
                    if self._is_border(text[toks[first][0] : toks[i][1]]):
                        hit = (first, i)
                        break
            after = _fold(toks[hit[1] + 1][2]) if hit and hit[1] + 1 < len(toks) else ""
            if hit is None or after in ("crossing", "crossings") or after in _words.BORDER_PEOPLE:
                i += 1
                continue
            first, last = hit
            start = toks[first][0]
            if first > 0 and _fold(toks[first - 1][2]) == "the" and joined[first - 1]:
                start = toks[first - 1][0]
            out.append((RawMention(start, toks[last][1], start, toks[last][1]), (first, last)))
            i = last + 1
        return out

    def _is_border(self, phrase: str) -> bool:
        return any(c.feature.kind == "border" for c in self.gaz.lookup(phrase, 100.0))

    # --------------------------------------------------------------- resolve
    def resolve(self, text: str, raws: list[RawMention]) -> list[Place]:
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
            out.append(
                Place(written, r.start, r.end, m.name, m.kind, m.lat, m.lon, m.id, m.score, m.qualifier, "", m.country)
            )
        return out


def _not_english(word: str) -> bool:
    """A capitalised word that opens a sentence and does not look like an English word ("Farchana", not "Transit")."""
    folded = _fold(word)
    return folded not in _words.CAMP_WORDS and not folded.endswith(_words.ENGLISH_ENDINGS)


def _hyphenated(text, toks, i) -> bool:
    """True when token i is joined to the next by a hyphen ("al-Bab"; not "at Torkham")."""
    return i + 1 < len(toks) and text[toks[i][1] : toks[i + 1][0]] in ("-", "‐", "‑", "–")
