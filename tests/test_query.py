from __future__ import annotations

import pytest

from geo.query import parse


@pytest.mark.parametrize(
    "text, key, kind, direction",
    [
        ("Idlib province", "idlib", "admin1", None),
        ("Idleb governorate", "idleb", "admin1", None),
        ("Idlib city", "idlib", "place", None),
        ("southern Idlib", "idlib", None, "south"),
        ("north-western Syria", "syria", None, "northwest"),
        ("western Aleppo countryside", "aleppo", "admin1", "west"),
        ("Atmeh camps", "atmeh", "camp", None),
        ("Bab al-Hawa border crossing", "bab hawa", "crossing", None),
        ("the Turkish border", "turkish", "border", None),
        ("the Turkish-Syrian frontier", "turkish syrian", "border", None),
        ("border with Turkey", "turkey", "border", None),
        ("Moyale border point", "moyale", "crossing", None),
        ("Bunagana border post", "bunagana", "crossing", None),
        ("Torkham border checkpoint", "torkham", "crossing", None),
        ("Rural Damascus", "rural damascus", None, None),
        ("Camp", "camp", None, None),
        ("Kakuma refugee camp", "kakuma", "camp", None),
        ("Bor PoC site", "bor", "camp", None),
        ("Mineo reception centre", "mineo", "camp", None),
        ("Tajoura detention center", "tajoura", "camp", None),
        ("the Adré transit site", "adre", "camp", None),
        ("Ouallam relocation site", "ouallam", "camp", None),
    ],
)
def test_parse(text, key, kind, direction):
    q = parse(text)
    assert (q.key, q.kind, q.direction) == (key, kind, direction)


def test_coordinates():
    assert parse("36.63,35.93").coords == (36.63, 35.93)
    assert parse("36.63, 35.93").kind == "coordinates"
    assert parse("136.63,35.93").coords is None  # latitude out of range: not coordinates
