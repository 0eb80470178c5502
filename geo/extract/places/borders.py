"""Borders named in a sentence by their countries: "the Turkish border", "the Syria–Turkey border",
"the border with Chad", "the border between Sudan and Chad" (only those the gazetteer has).

Not a border: "the border crossing" (a crossing is found as a place of its own) and the people who guard
it ("Moldovan border police").
"""

from __future__ import annotations

from geo.extract import words as _words
from geo.extract.places.known import KnownNames
from geo.extract.places.record import RawMention
from geo.extract.places.tokens import Tokens, fold, is_capitalised

BORDER_WORDS = frozenset({"border", "borders", "frontier", "borderline", "boundary"})


def borders(known: KnownNames, w: Tokens) -> list[tuple[RawMention, tuple[int, int]]]:
    """Each border named in the sentence, and the words (first, last) that name it, in order."""
    out = []
    i = 0
    while i < len(w):
        if w.folded(i) not in BORDER_WORDS:
            i += 1
            continue
        hit = _with(known, w, i) or _before(known, w, i)
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


def _with(known: KnownNames, w: Tokens, i: int) -> tuple[int, int] | None:
    """ "the border with Chad", "the border between Sudan and Chad" (not "… with Russia on 14 August")."""
    if i + 2 >= len(w) or w.folded(i + 1) not in ("with", "between"):
        return None
    for last in range(min(len(w) - 1, i + 6), i + 1, -1):
        names = all(is_capitalised(w.words[k]) or w.folded(k) in ("and", "the") for k in range(i + 2, last + 1))
        if names and known.is_border(w.phrase(i, last)):
            return i, last
    return None


def _before(known: KnownNames, w: Tokens, i: int) -> tuple[int, int] | None:
    """ "the Chadian border", "the Syria–Turkey border", "the Sudan and South Sudan border"."""
    for first in range(max(0, i - 5), i):
        words = w.words[first:i]
        if not all(w.joined[k] for k in range(first, i)) or not is_capitalised(words[0]):
            continue
        if not all(is_capitalised(word) or fold(word) == "and" for word in words):
            continue
        if known.is_border(w.phrase(first, i)):
            return first, i
    return None
