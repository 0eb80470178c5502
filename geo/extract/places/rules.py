"""Whether capitalised words in a sentence name a place: the rules, each a function of the sentence's words.

A run of words the gazetteer knows is a place (:func:`accept`) when it is an area, a camp, a crossing or
a border, or lies in a focus country; elsewhere when it is a big town, or a word right before it makes a
place likely (:func:`cue_before`: "in", "from", "toward", "fled" …). A small foreign town found with no such hint
is kept only if the text names its country (see :meth:`PlaceFinder.find`).

Known names are no place when they are part of a longer name (:func:`inside_other_name`: "David" in
"David Swanson"), name a body or a person (:func:`names_no_place`: "the Arakan Army", "Amina, a nurse"),
or are ordinary words (stop words, acronyms, lower-case words).
"""

from __future__ import annotations

import re

from geo import query as _query
from geo.extract import words as _words
from geo.extract.places.known import AREA_KINDS, KnownNames
from geo.extract.places.record import RawMention
from geo.extract.places.tokens import Tokens, fold, is_acronym, is_capitalised
from geo.extract.words import NOT_NAMES, PARTICLES, STOPWORDS
from geo.gazetteer import FOCUS_COUNTRIES
from geo.names import ARTICLES

ALWAYS_KINDS = AREA_KINDS | {"camp", "crossing", "border"}
MIN_POPULATION_ONE_WORD = 150_000  # outside the focus countries, with no hint, a one-word name must be a big city
MIN_POPULATION_MORE_WORDS = 50_000
MIN_POPULATION_INSIDE = 1_000  # a smaller village followed by more capitalised words is likely part of another name
DIRECTION_WORDS = frozenset(_query.DIRECTIONS) | _words.MORE_DIRECTIONS
# Kind words kept after a name: the gazetteer's own, and the names of other countries' admin levels.
KIND_SUFFIXES = frozenset({w for w, k in _query.KIND_WORDS.items() if k != "border"}) | _words.KIND_SUFFIXES
KIND_NOUNS = KIND_SUFFIXES | _words.KIND_NOUNS
# What stands between two names of one list: "Kutum, Kabkabiya and Saraf Omra", "Goma (North Kivu)"
LISTED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|as\s+well\s+as\s+|\(\s*)(?:the\s+)?", re.I)
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
_NOT_AFTER = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.I)
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
_NOT_DATELINE = STOPWORDS | NOT_NAMES  # "UN —", "MSF —" are bodies; "DRC —" a country as written
# Capitalised words next to a name that are no part of another name around it
_NOT_A_NAME_NEXT = STOPWORDS | KIND_SUFFIXES | ARTICLES | DIRECTION_WORDS


def may_start(w: Tokens, i: int) -> bool:
    """Word i may open a place's name: capitalised, or an article attached to a capitalised word."""
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


def cue_before(w: Tokens, pos: int) -> bool:
    """The sentence's words before ``pos`` make a name there likely a place: "fled to …", "near the …"."""
    before = w.text[max(w.start, pos - 40) : pos]
    if _FOR.search(before) and _LEAVING.search(w.text, w.start, pos):
        return True  # "most heading for Goma and a smaller number for Minova"
    return bool(_CUE.search(before)) and not _NOT_AFTER.search(before)


def possessive_inside(known: KnownNames, w: Tokens, i: int, j: int) -> bool:
    """A possessive joins words i..j that are not one known name: "Sudan's Blue Nile" is two ("Cox's Bazar" one)."""
    return any(w.possessive(k) for k in range(i, j)) and not known.candidates(w.phrase(i, j))


def accept(known: KnownNames, w: Tokens, i: int, j: int, cued: bool) -> tuple[str, bool, bool] | None:
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
    for c in known.candidates(w.phrase(i, j)):
        f = c.feature
        if c.how == "variant":
            return f.country, False, True  # kept only in a text about Syria: see PlaceFinder.find()
        if f.kind in ALWAYS_KINDS or f.country in FOCUS_COUNTRIES:
            if n == 1 and len(key) < 3:
                continue
            return "" if f.kind == "border" else f.country, True, False
        if f.population >= (MIN_POPULATION_ONE_WORD if n == 1 else MIN_POPULATION_MORE_WORDS) or cued:
            return f.country, True, False
        weak = weak or f.country
    return (weak, False, False) if weak else None


def inside_other_name(known: KnownNames, w: Tokens, i: int, j: int) -> bool:
    """A foreign town's or a small village's name inside a longer capitalised name.

    "David" in "David Swanson"; the village "Sahl" in "Sahl al-Ghab", "Saraf" in "Saraf Omra".
    """
    if any(
        c.feature.kind in ALWAYS_KINDS
        or (c.feature.country in FOCUS_COUNTRIES and c.feature.population >= MIN_POPULATION_INSIDE)
        for c in known.candidates(" ".join(w.words[i : j + 1]))
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


def names_no_place(w: Tokens, j: int) -> bool:
    """A name ending at word j that here names a body ("the Arakan Army") or a person ("Volodymyr, a 67-year-old")."""
    if j + 1 < len(w) and w.joined[j] and w.folded(j + 1) in _words.ORGANISATION_WORDS:
        return True
    return bool(_PERSON_AFTER.match(w.text, w.ends[j]))


def dateline(known: KnownNames, w: Tokens) -> RawMention | None:
    """The place a sentence opens with in capitals before a dash ("GOMA, 3 May 2024 —"), if the gazetteer knows it."""
    line = _DATELINE.match(w.text, w.start, w.end)
    if line and fold(line.group(1)) not in _NOT_DATELINE and known.candidates(line.group(1).title()):
        return RawMention(*line.span(), *line.span())
    return None


def could_be_name(known: KnownNames, word: str) -> bool:
    """A word that may be part of a name no gazetteer has: capitalised, no number, acronym, common word or country."""
    folded = fold(word)
    return (
        is_capitalised(word)
        and not word.isdigit()
        and not is_acronym(word)
        and folded not in STOPWORDS
        and folded not in NOT_NAMES
        and folded not in ARTICLES
        and not known.is_country(word)
    )


def not_english(word: str) -> bool:
    """A capitalised word that opens a sentence and does not look like an English word ("Farchana", not "Transit")."""
    folded = fold(word)
    return folded not in _words.CAMP_WORDS and not folded.endswith(_words.ENGLISH_ENDINGS)
