"""Normalising place names as people really write them.

Two keys are derived from any spelling:

* :func:`fold` — lower case, no diacritics, no ayn/hamza marks, hyphens as
  spaces, the Arabic article dropped, Arabic script unified. "Ma'arrat
  an-Nu'man", "Maarrat al Nu‘man" and "MAARRAT AN NUMAN" fold alike.
* :func:`skeleton` — the fold reduced to its consonants, so that
  transliteration variants meet: Idlib / Idleb / Edlib, Maaret / Maarat /
  Ma'arrat, Deir ez-Zor / Dayr az-Zawr, Raqqa / Rakka, Hasakah / Hasakeh.

>>> fold("Ma'arrat an-Nu‘man")
'maarrat numan'
>>> skeleton("Maaret al-Numan") == skeleton("Ma‘arat an Nu‘mān")
True
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Signs written for ayn and hamza, or typed in their place.
APOSTROPHES = "'‘’ʿʾ`´ʻʼ′ʹ\u02bf\u02be"
# Arabic article as transliterated before a noun, with sun-letter assimilation.
ARTICLES = frozenset("al el il ul an ar as ash at ad az adh ath ath dh ed en er es et ez ud un ur us ut uz".split())
_LATIN_EXTRA = str.maketrans({"ı": "i", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l", "ħ": "h"})
_APOS = str.maketrans({c: "" for c in APOSTROPHES})
_ARABIC = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ـ": ""})
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
_NON_WORD = re.compile(r"[^\w]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean(text: str) -> str:
    """Remove control and direction characters and squeeze spaces; keep everything else."""
    text = str(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub(" ", text)
    return " ".join(text.split())


@functools.lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-free form of a name, with the Arabic article removed."""
    text = clean(text).casefold().translate(_APOS)
    if not text.isascii():
        text = _ARABIC_MARKS.sub("", text.translate(_LATIN_EXTRA).translate(_ARABIC))
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = _NON_WORD.sub(" ", text).replace("_", " ").split()
    out = []
    for i, word in enumerate(words):
        if i + 1 < len(words) and _article(word, words[i + 1]):
            continue
        if len(word) > 3 and word.startswith("ال"):
            word = word[2:]
        out.append(word)
    return " ".join(out)


def _article(word: str, following: str) -> bool:
    """Whether ``word`` is the Arabic article before ``following``: al, el, il, ul before any word; the others
    only where they assimilate to the word's first letter ("as-Sweida", "ash-Shaddadi", "Deir ez-Zor"), so that
    "the US-Mexico border" and "Mae La Un camp" keep their words."""
    if word not in ARTICLES:
        return False
    if word in ("al", "el", "il", "ul"):
        return True
    sound = word[1:] if word[0] in "aeiu" else word
    return following.startswith(sound)


_SKELETON_RULES = [
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters (Maarrat / Maarat), before the vowels go: "lala" stays l-l
    (re.compile(r"ou"), "u"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"q"), "k"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"([aeiouy])h$"), r"\1"),  # -eh / -ah / -a endings
    (re.compile(r"(?<=.)[aeiouyw]"), ""),  # vowels and glides, but keep a word's first letter
    (re.compile(r"^[aeiouy](?=.)"), "@"),  # an initial vowel, whichever it is (Idlib / Edlib)
]


def skeleton(text: str, folded: bool = False) -> str:
    """Consonant skeleton of a name, where transliteration variants meet."""
    words = (text if folded else fold(text)).split()
    out = []
    for word in words:
        if not word.isascii() or any(ch.isdigit() for ch in word):
            out.append(word)  # a number is no transliteration: "Camp 2E" is not Camp 22
            continue
        for pattern, repl in _SKELETON_RULES:
            word = pattern.sub(repl, word)
        out.append(word)
    return " ".join(out)


PCODE = re.compile(r"^\s*([A-Za-z]{2})[\s\-_]*((?:\d[\s\-_]*)*\d)?\s*$")


def pcode(text: str) -> str:
    """Normalise a P-code: ``sy0703``, ``SY07-03`` and ``SY 07 03`` all give ``SY0703``.

    Returns "" when the text is not shaped like a P-code.
    """
    match = PCODE.match(str(text))
    if not match:
        return ""
    digits = re.sub(r"[\s\-_]", "", match.group(2) or "")
    return match.group(1).upper() + digits
