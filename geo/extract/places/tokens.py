"""The words of one sentence as the place finder reads them, and which of them run together into one name.

A word keeps the apostrophes written inside Arabic names ("Ma'arrat an-Nu'man") but not an English
possessive ("Idlib's"). Two words are joined, and may belong to one name, when only a space, a hyphen,
a line end or a possessive ("Cox's Bazar") stands between them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from geo.names import fold as _fold_name

# A word, with the apostrophes written inside Arabic names ("Ma'arrat") but not an English possessive ("Idlib's").
_TOKEN = re.compile(r"[^\W\d_][^\W_]*(?:['’‘ʿʾ`](?![sS]\b)[^\W_]+)*|\d+")
_POSSESSIVE_GAP = re.compile(r"['’][sS] ")  # "Cox's Bazar": a possessive inside a name the gazetteer knows
# What joins the words of one name: a space, a hyphen (not " – ": "Sudan – El Fasher" is two), a line end, a possessive
_GAP = re.compile(r"[ \t]{1,2}|[ \t]?[-‐–]|[-‐–][ \t]|[ \t]?\n[ \t]?|" + _POSSESSIVE_GAP.pattern)
_HYPHENS = ("-", "‐", "‑", "–")


@functools.lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """:func:`geo.names.fold`, remembered: the finder folds the same words many times over."""
    return _fold_name(word)


def is_capitalised(word: str) -> bool:
    first = word[0]  # "d'Eau" in "Saut-d'Eau" is capitalised after its elided article
    return first.isupper() or ("\u0600" <= first <= "\u06ff") or (word[1:2] in ("'", "’") and word[2:3].isupper())


def is_acronym(word: str) -> bool:
    return word.isupper() and len(word) > 1 and word.isascii()


@dataclass(frozen=True)
class Tokens:
    """The words of the sentence ``text[start:end]``, where each is, and whether each is joined to the next.

    >>> w = Tokens.of("Fighting in Bab al-Hawa's camps.", 0, 32)
    >>> w.words, w.joined
    (('Fighting', 'in', 'Bab', 'al', 'Hawa', 'camps'), (True, True, True, True, True, False))
    >>> w.phrase(2, 4), w.hyphenated(3), w.possessive(4)
    ('Bab al-Hawa', True, True)
    """

    text: str
    start: int
    end: int
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    joined: tuple[bool, ...]  # joined[k]: word k and word k + 1 may be one name

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Tokens:
        """The words of ``text[start:end]``, an English possessive's "s" left out."""
        matches = [
            m
            for m in _TOKEN.finditer(text, start, end)
            if not (m.group() in ("s", "S") and m.start() > 0 and text[m.start() - 1] in "'’")  # a possessive
        ]
        starts = tuple(m.start() for m in matches)
        ends = tuple(m.end() for m in matches)
        joined = tuple(
            k + 1 < len(starts) and bool(_GAP.fullmatch(text, ends[k], starts[k + 1])) for k in range(len(starts))
        )
        return cls(text, start, end, tuple(m.group() for m in matches), starts, ends, joined)

    def __len__(self) -> int:
        return len(self.words)

    def folded(self, k: int) -> str:
        return fold(self.words[k])

    def phrase(self, i: int, j: int) -> str:
        """The text of words i to j, as written."""
        return self.text[self.starts[i] : self.ends[j]]

    def hyphenated(self, k: int) -> bool:
        """True when word k is joined to the next by a hyphen ("al-Bab"; not "at Torkham")."""
        return k + 1 < len(self.words) and self.text[self.ends[k] : self.starts[k + 1]] in _HYPHENS

    def possessive(self, k: int) -> bool:
        """True when a possessive joins word k to the next ("Cox's Bazar", "Sudan's Blue Nile")."""
        return bool(_POSSESSIVE_GAP.fullmatch(self.text, self.ends[k], self.starts[k + 1]))
