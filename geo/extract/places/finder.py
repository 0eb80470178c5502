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

import re
from dataclasses import replace

from geo import gazetteer as _gaz
from geo import query as _query
from geo.extract import words as _words
from geo.extract.places.record import Place, RawMention
from geo.extract.places.tokens import Tokens, fold, is_acronym, is_capitalised
from geo.extract.words import NOT_NAMES, PARTICLES, STOPWORDS
from geo.gazetteer import FOCUS_COUNTRIES, Candidate, Gazetteer
from geo.geocode import resolve as _resolve
from geo.names import ARTICLES

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
_NOT_DATELINE = STOPWORDS | NOT_NAMES  # "UN —", "MSF —" are bodies; "DRC —" a country as written
# Capitalised words next to a name that are no part of another name around it
_NOT_A_NAME_NEXT = STOPWORDS | _KIND_SUFFIXES | ARTICLES | _DIRECTION_WORDS
_NOT_AFTER = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.I)


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
        return bool(self.gaz.country_codes(fold(word)))

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
        sentences = [Tokens.of(text, s, e) for s, e in spans]
        raws = [self._scan(w) for w in sentences]
        named = {r.country for rs in raws for r in rs if r.strong and r.country}
        # A transliteration variant of a Syrian village ("Tawila": Tawilah) only where the text is about Syria.
        variants_ok = VARIANT_COUNTRY in named or not (named - set(FOCUS_COUNTRIES))
        out = []
        for w, rs in zip(sentences, raws):
            # elsewhere it is still a name: kept, unplaced, for the reviewer
            rs = [r if not r.variant or variants_ok else replace(r, unknown=True) for r in rs]
            kept = _with_listed(text, rs, [r.strong or r.variant or r.country in named for r in rs])
            out.append(self._unknown(w, kept))
        return out

    def scan(self, text: str, start: int, end: int) -> list[RawMention]:
        """Raw mentions in ``text[start:end]`` (one sentence), in order."""
        return self._scan(Tokens.of(text, start, end))

    def _scan(self, w: Tokens) -> list[RawMention]:
        found: list[RawMention] = []
        taken = [False] * len(w)
        for raw, (first, last) in self._borders(w):
            found.append(raw)
            taken[first : last + 1] = [True] * (last + 1 - first)
        line = self._dateline(w)
        if line:
            found.append(line)
        i = 0
        while i < len(w):
            if taken[i] or not self._may_start(w, i):
                i += 1
                continue
            last = i
            while last + 1 < len(w) and last - i + 1 < MAX_WORDS and w.joined[last] and not taken[last + 1]:
                last += 1
            hit = self._longest(w, i, last, self._cued(w.text, w.start, w.starts[i]))
            if hit is None or self._inside_other_name(w, i, hit[0]):
                i += 1
                continue
            j, (country, strong, variant) = hit
            if not self._names_no_place(w, j):
                raw = self._extend(w, taken, i, j)
                found.append(replace(raw, country=country, strong=strong, variant=variant))
            i = j + 1
        found.sort(key=lambda r: r.start)
        return found

    def _longest(self, w: Tokens, i: int, last: int, cued: bool) -> tuple[int, tuple[str, bool, bool]] | None:
        """(j, verdict) for the longest run of words i..j (j ≤ last) that names a place, or None."""
        for j in range(last, i - 1, -1):
            if self._possessive_inside(w, i, j):
                continue
            verdict = self._accept(w, i, j, cued)
            if verdict is not None:
                return j, verdict
        return None

    def _dateline(self, w: Tokens) -> RawMention | None:
        line = _DATELINE.match(w.text, w.start, w.end)
        if line and fold(line.group(1)) not in _NOT_DATELINE and self._candidates(line.group(1).title()):
            return RawMention(*line.span(), *line.span())
        return None

    def _names_no_place(self, w: Tokens, j: int) -> bool:
        """A known name that here names a body ("the Arakan Army") or a person ("Volodymyr, a 67-year-old")."""
        if j + 1 < len(w) and w.joined[j] and w.folded(j + 1) in _words.ORGANISATION_WORDS:
            return True
        return bool(_PERSON_AFTER.match(w.text, w.ends[j]))

    def _cued(self, text: str, start: int, pos: int) -> bool:
        before = text[max(start, pos - 40) : pos]
        if _FOR.search(before) and _LEAVING.search(text, start, pos):
            return True  # "most heading for Goma and a smaller number for Minova"
        return bool(_CUE.search(before)) and not _NOT_AFTER.search(before)

    def _possessive_inside(self, w: Tokens, i: int, j: int) -> bool:
        # "Sudan's Blue Nile": a possessive joins words only inside one known name, never at its end
        return any(w.possessive(k) for k in range(i, j)) and not self._candidates(w.phrase(i, j))

    def _unknown(self, w: Tokens, found: list[RawMention]) -> list[RawMention]:
        """Capitalised names right after "in", "from", "fled", "toward" … (or listed with a place) no gazetteer has."""
        n = len(w)
        covered = [any(r.start <= s < r.end for r in found) for s in w.starts]
        out = list(found)
        ends = {r.end for r in found}
        i = 0
        while i < n:
            word, f = w.words[i], w.folded(i)
            j = i
            if (
                ((f in ARTICLES and is_capitalised(word)) or f in _DIRECTION_WORDS)
                and i + 1 < n
                and w.joined[i]
                and not covered[i + 1]
                and self._could_be_name(w.words[i + 1])
            ):
                j = i + 1  # "Al-Abzemo", "West Darfur", "eastern Ghouta"
            elif word == "Camp" and i + 1 < n and w.joined[i] and w.words[i + 1].isdigit():
                j = i + 1  # "Camp 11"
            elif covered[i] or not self._could_be_name(word):
                i += 1
                continue
            while j + 1 < n and j - i < 3 and w.joined[j] and not covered[j + 1] and not w.possessive(j):
                nxt = w.words[j + 1]
                if self._could_be_name(nxt):
                    j += 1
                elif (
                    (fold(nxt) in ARTICLES or nxt in PARTICLES) and j + 2 < n and w.joined[j + 1] and not covered[j + 2]
                ):
                    if not self._could_be_name(w.words[j + 2]):
                        break
                    j += 2  # "Kafr el Dawar", "Mocimboa da Praia"
                else:
                    break
            s0, e0 = w.starts[i], w.ends[j]
            listed = any(_LISTED.fullmatch(w.text, e, s0) for e in ends if e <= s0)
            kind = j + 1 < n and w.joined[j] and w.folded(j + 1) in _KIND_NOUNS
            kind = kind and (i > 0 or _not_english(word))  # "Farchana camp, which …"; not "Transit camps …"
            if (listed or kind or self._cued(w.text, w.start, s0)) and not self._names_no_place(w, j):
                k = j + 1  # "Zamzam camp", "Rutshuru territory", "Teachers Village camp"
                while k < n and k <= j + 2 and w.joined[k - 1] and w.folded(k) in _KIND_SUFFIXES:
                    e0, k = w.ends[k], k + 1
                out.append(RawMention(s0, e0, w.starts[i], w.ends[j], unknown=True))
                ends.add(e0)
            i = j + 1
        return sorted(out, key=lambda r: r.start)

    def _could_be_name(self, word: str) -> bool:
        folded = fold(word)
        return (
            is_capitalised(word)
            and not word.isdigit()
            and not is_acronym(word)
            and folded not in STOPWORDS
            and folded not in NOT_NAMES
            and folded not in ARTICLES
            and not self.is_country(word)
        )

    def _may_start(self, w: Tokens, i: int) -> bool:
        word = w.words[i]
        if word.isdigit() or is_acronym(word) or (i > 0 and w.words[i - 1] in PARTICLES and w.hyphenated(i - 1)):
            return False  # "l'Artibonite" ends "Petite-Rivière-de-l'Artibonite"
        if fold(word) in ARTICLES:
            # "al-Bab", "Al Bab": an article starts a name only when attached to a capitalised word
            return (
                i + 1 < len(w)
                and w.joined[i]
                and is_capitalised(w.words[i + 1])
                and (is_capitalised(word) or w.hyphenated(i))
            )
        return is_capitalised(word)

    def _accept(self, w: Tokens, i: int, j: int, cued: bool) -> tuple[str, bool, bool] | None:
        """(country, strong, variant) when words i..j name a place the gazetteer knows; None otherwise."""
        for k in range(i, j + 1):
            word = w.words[k]
            if word.isdigit() or is_acronym(word):
                return None
            inside = i < k < j and word in _words.INSIDE_KNOWN_NAMES
            if fold(word) not in ARTICLES and not is_capitalised(word) and not inside:
                return None
        if w.folded(j) in ARTICLES:
            return None
        # the name as the gazetteer keys it: folded, with no article before a word
        words = [f for k in range(i, j + 1) if (f := w.folded(k)) and not (f in ARTICLES and k < j)]
        key, n = " ".join(words), len(words)
        if not key or key in STOPWORDS or (n == 1 and key in NOT_NAMES):
            return None
        if w.folded(i) in _query.FILLER | _words.PREPOSITIONS or w.folded(j) in _query.FILLER:
            return None  # "In Idlib", "At Torkham", "The Sudan": the lookup drops such words, the mention must not
        weak = ""
        for c in self._candidates(w.phrase(i, j)):
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

    def _inside_other_name(self, w: Tokens, i: int, j: int) -> bool:
        """A foreign town's or a small village's name inside a longer capitalised name.

        "David" in "David Swanson"; the village "Sahl" in "Sahl al-Ghab", "Saraf" in "Saraf Omra".
        """
        if any(
            c.feature.kind in ALWAYS_KINDS
            or (c.feature.country in FOCUS_COUNTRIES and c.feature.population >= MIN_POPULATION_INSIDE)
            for c in self._candidates(" ".join(w.words[i : j + 1]))
        ):
            return False
        neighbours = []
        if j + 1 < len(w) and w.joined[j]:
            k = j + 1
            if w.folded(k) in ARTICLES and k + 1 < len(w) and w.joined[k]:
                k += 1  # "Sahl al-Ghab": look past the article
            neighbours.append(w.words[k])
        if i > 0 and w.joined[i - 1]:
            k = i - 1
            if w.folded(k) in ARTICLES and k > 0 and w.joined[k - 1] and not is_capitalised(w.words[k]):
                k -= 1  # "al-Ghab" in "Sahl al-Ghab"
            neighbours.append(w.words[k])
        return any(is_capitalised(word) and fold(word) not in _NOT_A_NAME_NEXT for word in neighbours)

    def _is_area(self, name: str) -> bool:
        return any(c.feature.kind in AREA_KINDS for c in self._candidates(name))

    def _extend(self, w: Tokens, taken: list[bool], i: int, j: int) -> RawMention:
        start, end = w.starts[i], w.ends[j]
        core_start, core_end = start, end
        # a kind word after the name: "Idlib city", "Atmeh camps", "Bab al-Hawa border crossing", "Khartoum state"
        k = j + 1
        if k < len(w) and w.joined[j] and not taken[k]:
            w1 = w.folded(k)
            w2 = w.folded(k + 1) if k + 1 < len(w) and w.joined[k] else ""
            if (w1, w2) in _query.KIND_PAIRS:
                end = w.ends[k + 1]
            elif w1 in _KIND_SUFFIXES:
                end = w.ends[k]
            elif w1.isdigit() and len(w1) <= 2 and _NUMBER_ENDS.match(w.text, w.ends[k]):
                end = w.ends[k]  # "Delmas 30": a numbered part of a town, not a count
        # a direction before an area ("north-western Syria"), or "-ern" before any place ("northern Gaza")
        d = w.folded(i - 1) if i > 0 and w.joined[i - 1] and not taken[i - 1] else ""
        if d in _DIRECTION_WORDS and (d.endswith("ern") or self._is_area(w.text[core_start:core_end])):
            start = w.starts[i - 1]
            if d in ("western", "eastern", "west", "east") and i > 1 and w.joined[i - 2]:
                if w.folded(i - 2) in ("north", "south"):
                    start = w.starts[i - 2]
        return RawMention(start, end, core_start, core_end)

    def _borders(self, w: Tokens) -> list[tuple[RawMention, tuple[int, int]]]:
        """ "the Turkish border", "the Syria–Turkey border", "the border with Turkey": borders the gazetteer has."""
        out = []
        i = 0
        while i < len(w):
            if w.folded(i) not in BORDER_WORDS:
                i += 1
                continue
            hit = self._border_with(w, i) or self._border_before(w, i)
            after = w.folded(hit[1] + 1) if hit and hit[1] + 1 < len(w) else ""
            if hit is None or after in ("crossing", "crossings") or after in _words.BORDER_PEOPLE:
                i += 1
                continue
            first, last = hit
            start = w.starts[first]
            if first > 0 and w.folded(first - 1) == "the" and w.joined[first - 1]:
                start = w.starts[first - 1]
            out.append((RawMention(start, w.ends[last], start, w.ends[last]), (first, last)))
            i = last + 1
        return out

    def _border_with(self, w: Tokens, i: int) -> tuple[int, int] | None:
        """ "the border with Chad", "the border between Sudan and Chad" (not "… with Russia on 14 August")."""
        if i + 2 >= len(w) or w.folded(i + 1) not in ("with", "between"):
            return None
        for last in range(min(len(w) - 1, i + 6), i + 1, -1):
            names = all(is_capitalised(w.words[k]) or w.folded(k) in ("and", "the") for k in range(i + 2, last + 1))
            if names and self._is_border(w.phrase(i, last)):
                return i, last
        return None

    def _border_before(self, w: Tokens, i: int) -> tuple[int, int] | None:
        """ "the Chadian border", "the Syria–Turkey border", "the Sudan and South Sudan border"."""
        for first in range(max(0, i - 5), i):
            words = w.words[first:i]
            if not all(w.joined[k] for k in range(first, i)) or not is_capitalised(words[0]):
                continue
            if not all(is_capitalised(word) or fold(word) == "and" for word in words):
                continue
            if self._is_border(w.phrase(first, i)):
                return first, i
        return None

    def _is_border(self, phrase: str) -> bool:
        return any(c.feature.kind == "border" for c in self.gaz.lookup(phrase, 100.0))

    # --------------------------------------------------------------- resolve
    def resolve(self, text: str, raws: list[RawMention]) -> list[Place]:
        """Places for raw mentions, resolved together so that they give each other context."""
        names = [
            _one_line(text[s:e])
            for r in raws
            if not r.unknown
            for s, e in ((r.start, r.end), (r.core_start, r.core_end))
        ]
        unique = list(dict.fromkeys(names))
        matches = dict(zip(unique, _resolve(unique, gazetteer=self.gaz)))

        def match(r: RawMention):
            # the mention as written ("Idlib city"), else the name alone ("Idlib")
            for s, e in ((r.start, r.end), (r.core_start, r.core_end)):
                m = matches[_one_line(text[s:e])]
                if m.matched:
                    return m
            return None

        out = []
        for r in raws:
            written = text[r.start : r.end]
            m = None if r.unknown else match(r)
            if m is None:
                out.append(Place(written, r.start, r.end))
            else:
                out.append(
                    Place(
                        written, r.start, r.end, name=m.name, kind=m.kind, lat=m.lat, lon=m.lon, id=m.id, score=m.score,
                        direction=m.qualifier, country=m.country,
                    )
                )  # fmt: skip
        return out


def _with_listed(text: str, raws: list[RawMention], keep: list[bool]) -> list[RawMention]:
    """The mentions kept, and with them those listed next to one kept ("Kutum, Kabkabiya and Saraf Omra")."""
    keep = list(keep)
    changed = True
    while changed:  # a list is joined one neighbour at a time, from a kept place outward
        changed = False
        for k, r in enumerate(raws):
            if keep[k]:
                continue
            for n in (k - 1, k + 1):
                if 0 <= n < len(raws) and keep[n]:
                    a, b = (raws[n], r) if n < k else (r, raws[n])
                    if _LISTED.fullmatch(text, a.end, b.start):
                        keep[k] = changed = True
                        break
    return [r for r, k in zip(raws, keep) if k]


def _one_line(written: str) -> str:
    return " ".join(written.split())


def _not_english(word: str) -> bool:
    """A capitalised word that opens a sentence and does not look like an English word ("Farchana", not "Transit")."""
    folded = fold(word)
    return folded not in _words.CAMP_WORDS and not folded.endswith(_words.ENGLISH_ENDINGS)
