from __future__ import annotations

import shapely

from geo import boundaries

GOVERNORATES = {
    "SY01": "Damascus", "SY02": "Aleppo", "SY03": "Rural Damascus", "SY04": "Homs", "SY05": "Hama",
    "SY06": "Lattakia", "SY07": "Idleb", "SY08": "Al-Hasakeh", "SY09": "Deir-ez-Zor", "SY10": "Tartous",
    "SY11": "Ar-Raqqa", "SY12": "Dar'a", "SY13": "As-Sweida", "SY14": "Quneitra",
}  # fmt: skip


def test_admin0_covers_the_world_validly():
    a0 = boundaries.admin0()
    assert len(a0) > 240
    assert a0.crs.to_epsg() == 4326
    assert a0.geometry.is_valid.all()
    assert {"SY", "TR", "IQ", "LB", "JO"} <= set(a0["iso_a2"])


def test_syria_governorates_carry_ocha_pcodes_and_arabic_names():
    sy = boundaries.admin1("SY")
    coded = sy[sy["pcode"] != ""]
    assert dict(zip(coded["pcode"], coded["name"])) == GOVERNORATES
    assert coded.set_index("pcode").loc["SY07", "name_ar"] == "إدلب"
    assert "Idlib" in coded.set_index("pcode").loc["SY07", "alt_names"].split("|")
    assert sy.geometry.is_valid.all()


def test_admin1_for_neighbours():
    a1 = boundaries.admin1()
    counts = a1["iso_a2"].value_counts()
    for iso, at_least in {"TR": 81, "IQ": 18, "LB": 6, "JO": 12}.items():
        assert counts[iso] >= at_least


def test_syria_admin1_matches_admin0_outline():
    sy0 = boundaries.admin0("SY").geometry.iloc[0]
    sy1 = shapely.union_all(boundaries.admin1("SY").geometry.values)
    assert sy0.symmetric_difference(sy1).area / sy0.area < 0.01


def test_syria_turkey_border_is_one_long_line():
    b = boundaries.borders("SY", "TR")
    assert len(b) == 1
    line = b.geometry.iloc[0]
    assert line.geom_type == "LineString"
    # Natural Earth 1:10m generalises the line: about 776 km against 822–911 km in national sources
    assert 750 <= b["length_km"].iloc[0] <= 920
    minx, miny, maxx, maxy = line.bounds
    assert 35.5 < minx < 36.5 and 42 < maxx < 42.5 and 35.7 < miny and maxy < 37.5
