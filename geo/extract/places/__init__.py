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

The modules:

* :mod:`~geo.extract.places.record`: :class:`Place`, and the raw mention the scan finds before it;
* :mod:`~geo.extract.places.tokens`: a sentence's words, and which of them run together into one name;
* :mod:`~geo.extract.places.known`: what the gazetteer knows of a name (exact names, Syrian variants);
* :mod:`~geo.extract.places.rules`: whether known words name a place here (thresholds, cue words, guards);
* :mod:`~geo.extract.places.borders`: borders named by their countries;
* :mod:`~geo.extract.places.unknown`: names no gazetteer has, kept for the reviewer;
* :mod:`~geo.extract.places.finder`: :class:`PlaceFinder`, which runs the above and resolves the mentions.
"""

from __future__ import annotations

from geo.extract.places.borders import BORDER_WORDS
from geo.extract.places.finder import MAX_WORDS, PlaceFinder
from geo.extract.places.known import AREA_KINDS, VARIANT_COUNTRY, VARIANT_MIN_RATIO, VARIANT_MIN_SCORE
from geo.extract.places.record import Place
from geo.extract.places.rules import (
    ALWAYS_KINDS,
    MIN_POPULATION_INSIDE,
    MIN_POPULATION_MORE_WORDS,
    MIN_POPULATION_ONE_WORD,
)

# The thresholds and word sets stay importable from here, where they were before the split.
__all__ = [
    "ALWAYS_KINDS", "AREA_KINDS", "BORDER_WORDS", "MAX_WORDS", "MIN_POPULATION_INSIDE", "MIN_POPULATION_MORE_WORDS",
    "MIN_POPULATION_ONE_WORD", "VARIANT_COUNTRY", "VARIANT_MIN_RATIO", "VARIANT_MIN_SCORE", "Place", "PlaceFinder",
]  # fmt: skip
