"""The records of a place mention: :class:`RawMention` as the scan finds it, :class:`Place` once resolved."""

from __future__ import annotations

from dataclasses import dataclass


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
    sentence: str = ""
    country: str = ""

    @property
    def placed(self) -> bool:
        return self.lat is not None

    @property
    def label(self) -> str:
        """The name as written, on one line ("western Aleppo\ncountryside" → "western Aleppo countryside")."""
        return " ".join(self.text.split())

    def row(self) -> dict:
        """The review-table row of a place mention that no figure or movement row carries."""
        return {
            "kind": "place", "place": self.label, "lat": self.lat, "lon": self.lon, "place_kind": self.kind,
            "place_id": self.id, "text": self.label, "sentence": self.sentence, "start": self.start, "end": self.end,
            "confidence": round(self.score / 100, 2) if self.placed else 0.3,
            "note": "" if self.placed else "not in the gazetteer",
        }  # fmt: skip


@dataclass(frozen=True)
class RawMention:
    """Where a mention is (``start:end``, with its direction and kind words) and its name alone (``core_*``).

    The gazetteer is asked for the whole mention first ("Idlib city"), then for the name alone ("Idlib").
    """

    start: int
    end: int
    core_start: int
    core_end: int
    unknown: bool = False  # a name the gazetteer lacks, kept because of the words around it
    country: str = ""  # for a small foreign town found with no hint: kept only if the text names its country
    strong: bool = True  # False for a small foreign town found with no hint (see country) and for a variant
    variant: bool = False  # found as a transliteration variant of a Syrian name
