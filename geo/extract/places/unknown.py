"""Names no gazetteer has ("Kutupalong", "Hazano"), kept unplaced for the reviewer when the words around them
make them places: a word such as "in", "from", "toward" or "fled" right before them, a kind word after them
("the Kaxda sites"), or a place they are listed with ("Kutum, Kabkabiya and Saraf Omra").
"""

from __future__ import annotations

from geo.extract.places.known import KnownNames
from geo.extract.places.record import RawMention
from geo.extract.places.rules import (
    DIRECTION_WORDS,
    KIND_NOUNS,
    KIND_SUFFIXES,
    LISTED,
    could_be_name,
    cue_before,
    names_no_place,
    not_english,
)
from geo.extract.places.tokens import Tokens, fold, is_capitalised
from geo.extract.words import PARTICLES
from geo.names import ARTICLES


def unknown_names(known: KnownNames, w: Tokens, found: list[RawMention]) -> list[RawMention]:
    """``found`` and the names no gazetteer has among the sentence's other words, in order."""
    n = len(w)
    covered = [any(r.start <= s < r.end for r in found) for s in w.starts]
    out = list(found)
    ends = {r.end for r in found}
    i = 0
    while i < n:
        word, f = w.words[i], w.folded(i)
        j = i
        if (
            ((f in ARTICLES and is_capitalised(word)) or f in DIRECTION_WORDS)
            and i + 1 < n
            and w.joined[i]
            and not covered[i + 1]
            and could_be_name(known, w.words[i + 1])
        ):
            j = i + 1  # "Al-Abzemo", "West Darfur", "eastern Ghouta"
        elif word == "Camp" and i + 1 < n and w.joined[i] and w.words[i + 1].isdigit():
            j = i + 1  # "Camp 11"
        elif covered[i] or not could_be_name(known, word):
            i += 1
            continue
        while j + 1 < n and j - i < 3 and w.joined[j] and not covered[j + 1] and not w.possessive(j):
            nxt = w.words[j + 1]
            if could_be_name(known, nxt):
                j += 1
            elif (fold(nxt) in ARTICLES or nxt in PARTICLES) and j + 2 < n and w.joined[j + 1] and not covered[j + 2]:
                if not could_be_name(known, w.words[j + 2]):
                    break
                j += 2  # "Kafr el Dawar", "Mocimboa da Praia"
            else:
                break
        s0, e0 = w.starts[i], w.ends[j]
        listed = any(LISTED.fullmatch(w.text, e, s0) for e in ends if e <= s0)
        kind = j + 1 < n and w.joined[j] and w.folded(j + 1) in KIND_NOUNS
        kind = kind and (i > 0 or not_english(word))  # "Farchana camp, which …"; not "Transit camps …"
        if (listed or kind or cue_before(w, s0)) and not names_no_place(w, j):
            k = j + 1  # "Zamzam camp", "Rutshuru territory", "Teachers Village camp"
            while k < n and k <= j + 2 and w.joined[k - 1] and w.folded(k) in KIND_SUFFIXES:
                e0, k = w.ends[k], k + 1
            out.append(RawMention(s0, e0, w.starts[i], w.ends[j], unknown=True))
            ends.add(e0)
        i = j + 1
    return sorted(out, key=lambda r: r.start)
