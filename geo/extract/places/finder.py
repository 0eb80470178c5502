"""The place finder: each sentence scanned for places, the text's mentions weighed together, then resolved."""

from __future__ import annotations

import re
from dataclasses import replace

from geo import query as _query
from geo.extract.places.borders import borders
from geo.extract.places.known import VARIANT_COUNTRY, KnownNames
from geo.extract.places.record import Place, RawMention
from geo.extract.places.rules import (
    DIRECTION_WORDS,
    KIND_SUFFIXES,
    LISTED,
    accept,
    cue_before,
    dateline,
    inside_other_name,
    may_start,
    names_no_place,
    possessive_inside,
)
from geo.extract.places.tokens import Tokens
from geo.extract.places.unknown import unknown_names
from geo.gazetteer import FOCUS_COUNTRIES, Gazetteer
from geo.geocode import resolve as _resolve

MAX_WORDS = 6  # the most words a name the gazetteer knows is looked up with
# What may follow a number that ends a name ("fled Delmas 30 since …"); not a noun it counts ("Goma 30 people")
_NUMBER_ENDS = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:and|or|since|in|on|to|from|after|before|where|which)\b")


class PlaceFinder:
    """Finds place mentions in sentences using one gazetteer (only through its lookup)."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or Gazetteer.default()
        self.known = KnownNames(self.gaz)

    def is_country(self, word: str) -> bool:
        """A country's name or adjective ("Sudan", "Sudanese"): a place in its own right, never a village."""
        return self.known.is_country(word)

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
            out.append(unknown_names(self.known, w, kept))
        return out

    def scan(self, text: str, start: int, end: int) -> list[RawMention]:
        """Raw mentions in ``text[start:end]`` (one sentence), in order."""
        return self._scan(Tokens.of(text, start, end))

    def _scan(self, w: Tokens) -> list[RawMention]:
        found: list[RawMention] = []
        taken = [False] * len(w)
        for raw, (first, last) in borders(self.known, w):
            found.append(raw)
            taken[first : last + 1] = [True] * (last + 1 - first)
        line = dateline(self.known, w)
        if line:
            found.append(line)
        i = 0
        while i < len(w):
            if taken[i] or not may_start(w, i):
                i += 1
                continue
            last = i
            while last + 1 < len(w) and last - i + 1 < MAX_WORDS and w.joined[last] and not taken[last + 1]:
                last += 1
            hit = self._longest(w, i, last, cue_before(w, w.starts[i]))
            if hit is None or inside_other_name(self.known, w, i, hit[0]):
                i += 1
                continue
            j, (country, strong, variant) = hit
            if not names_no_place(w, j):
                raw = self._extend(w, taken, i, j)
                found.append(replace(raw, country=country, strong=strong, variant=variant))
            i = j + 1
        found.sort(key=lambda r: r.start)
        return found

    def _longest(self, w: Tokens, i: int, last: int, cued: bool) -> tuple[int, tuple[str, bool, bool]] | None:
        """(j, verdict of :func:`accept`) for the longest run of words i..j (j ≤ last) that names a place."""
        for j in range(last, i - 1, -1):
            if possessive_inside(self.known, w, i, j):
                continue
            verdict = accept(self.known, w, i, j, cued)
            if verdict is not None:
                return j, verdict
        return None

    def _extend(self, w: Tokens, taken: list[bool], i: int, j: int) -> RawMention:
        """The mention of the name in words i..j, with the kind word after it and the direction before it."""
        start, end = w.starts[i], w.ends[j]
        core_start, core_end = start, end
        # a kind word after the name: "Idlib city", "Atmeh camps", "Bab al-Hawa border crossing", "Khartoum state"
        k = j + 1
        if k < len(w) and w.joined[j] and not taken[k]:
            w1 = w.folded(k)
            w2 = w.folded(k + 1) if k + 1 < len(w) and w.joined[k] else ""
            if (w1, w2) in _query.KIND_PAIRS:
                end = w.ends[k + 1]
            elif w1 in KIND_SUFFIXES:
                end = w.ends[k]
            elif w1.isdigit() and len(w1) <= 2 and _NUMBER_ENDS.match(w.text, w.ends[k]):
                end = w.ends[k]  # "Delmas 30": a numbered part of a town, not a count
        # a direction before an area ("north-western Syria"), or "-ern" before any place ("northern Gaza")
        d = w.folded(i - 1) if i > 0 and w.joined[i - 1] and not taken[i - 1] else ""
        if d in DIRECTION_WORDS and (d.endswith("ern") or self.known.is_area(w.text[core_start:core_end])):
            start = w.starts[i - 1]
            if d in ("western", "eastern", "west", "east") and i > 1 and w.joined[i - 2]:
                if w.folded(i - 2) in ("north", "south"):
                    start = w.starts[i - 2]
        return RawMention(start, end, core_start, core_end)

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
                    if LISTED.fullmatch(text, a.end, b.start):
                        keep[k] = changed = True
                        break
    return [r for r, k in zip(raws, keep) if k]


def _one_line(written: str) -> str:
    return " ".join(written.split())
