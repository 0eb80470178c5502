"""geo.points: rows of figures at places → points, every row and every person accounted for."""

from __future__ import annotations

import math
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point as ShapelyPoint

from geo.errors import InputError
from geo.points import prepare

DATA = Path(__file__).resolve().parent / "data"
COD_ADM3 = DATA / "syr_admbnda_adm3_synthetic.gpkg"

SITES = pd.DataFrame(
    {
        "site": ["Atmeh", "Kafr Lusin", "al-Atmeh", "Nowhere-xyz", "Sarmada", "Idleb governorate", "Saraqib", ""],
        "idps": [1200, 800, 300, 40, None, 5000, 0, 7],
    }
)


def test_rows_on_one_place_are_summed_and_listed():
    pt = prepare(SITES, value="idps", place="site")
    atmeh = next(p for p in pt.points if p.label == "Atmeh")
    assert atmeh.value == 1500 and atmeh.rows == (1, 3)
    tip = atmeh.describe()
    assert tip.splitlines()[0] == "Atmeh: 1,500 people"
    assert "2 rows summed:" in tip and "row 3: al-Atmeh, 300" in tip and "matched: Atma (community, C4130)" in tip


def test_points_are_largest_first_and_zero_is_a_point():
    pt = prepare(SITES, value="idps", place="site")
    assert [p.value for p in pt.points] == [5000, 1500, 800, 0]
    assert pt.points[-1].label == "Saraqib"


def test_every_row_and_person_accounted_for():
    pt = prepare(SITES, value="idps", place="site")
    pt.check()
    assert pt.total == 7347 and pt.drawn == 7300 and pt.unmatched_value == 47
    assert pt.drawn_rows + len(pt.unplaced) == len(SITES) == pt.rows
    reasons = {u.written or f"row {u.row}": u.reason for u in pt.unplaced}
    assert reasons["Sarmada"] == "no value"  # no data is not zero: listed, not drawn
    assert reasons["Nowhere-xyz"].startswith("unknown place")
    assert reasons["row 8"] == "empty place"
    assert math.isnan(next(u.value for u in pt.unplaced if u.written == "Sarmada"))


def test_summary_is_one_line_in_the_agreed_words():
    pt = prepare(SITES, value="idps", place="site")
    assert pt.summary() == (
        "5 of 8 rows placed at 4 points; total 7,347 = 7,300 drawn + 47 unmatched; 3 not drawn: empty place: "
        "row 8; no value: 'Sarmada' (row 5); unknown place: 'Nowhere-xyz' (row 4)"
    )
    clean = prepare(SITES.iloc[:3], value="idps", place="site")
    assert clean.summary() == "3 of 3 rows placed at 2 points; total 2,300 = 2,300 drawn + 0 unmatched"


def test_an_area_is_a_point_inside_it_and_says_so():
    pt = prepare(SITES, value="idps", place="site")
    idleb = pt.points[0]
    assert idleb.is_area and idleb.parts[0].kind == "admin1" and idleb.parts[0].pcode == "SY07"
    assert "Idleb (admin1, SY07): an area, drawn at a point inside it" in idleb.describe()
    south = prepare(pd.DataFrame({"p": ["southern Idlib"], "n": [5]}), value="n", place="p").points[0]
    assert "the southern part of an area" in south.describe()
    assert (south.lat, south.lon) != (idleb.lat, idleb.lon)


def test_a_border_is_no_point():
    pt = prepare(pd.DataFrame({"p": ["the Turkish border", "Atmeh"], "n": [5, 6]}), value="n", place="p")
    assert len(pt.points) == 1
    assert pt.unplaced[0].reason.startswith("a border is a line, not a point")


def test_pcodes_must_match_the_code_itself():
    df = pd.DataFrame({"code": ["SY07", "sy-02", "SY99", "Idlib", ""], "name": ["Idleb", "Aleppo", "X", "Y", "Z"],
                       "n": [10, 20, 30, 40, 50]})  # fmt: skip
    pt = prepare(df, value="n", pcode="code")
    assert sorted((p.parts[0].pcode, p.value) for p in pt.points) == [("SY02", 20), ("SY07", 10)]
    reasons = [u.reason for u in pt.unplaced]
    assert reasons[0].startswith("unknown P-code") and reasons[2] == "empty P-code"
    # a name in the P-code column is not the code of anything, even if the gazetteer knows the name
    assert reasons[1].startswith("unknown P-code") and "Idleb" in reasons[1]
    # without a label column, a point placed by P-code is called by the gazetteer's name, not its code
    assert [p.label for p in pt.points] == ["Aleppo", "Idleb"]
    labelled = prepare(df, value="n", pcode="code", label="name")
    assert "as written: sy-02" in labelled.points[0].describe()


def test_coordinates_place_rows_and_same_point_sums():
    df = pd.DataFrame({"lat": [36.2, 36.2, "x", 95, 35.9], "lon": [36.6, 36.6, 36.0, 36.0, 36.7],
                       "n": [1, 2, 3, 4, 5], "site": ["Camp A", "Camp A annex", "B", "C", "D"]})  # fmt: skip
    pt = prepare(df, value="n", lat="lat", lon="lon")
    assert [(p.value, p.label) for p in pt.points] == [(5, ""), (3, "")]  # bare coordinates get no name
    assert [u.reason for u in pt.unplaced] == ["no usable coordinates"] * 2
    assert "at 36.20000, 36.60000" in pt.points[1].describe()
    named = prepare(df, value="n", lat="lat", lon="lon", label="site")
    assert named.points[1].label == "Camp A" and "row 2: Camp A annex, 2" in named.points[1].describe()


def test_a_layer_of_points_needs_no_columns():
    gdf = gpd.GeoDataFrame({"n": [3, 4]}, geometry=[ShapelyPoint(36.6, 36.2), None], crs=4326)
    pt = prepare(gdf, value="n")
    assert len(pt.points) == 1 and pt.unplaced[0].reason == "no point geometry"
    assert "geometry" not in pt.unplaced_frame().columns


def test_parent_column_picks_among_same_named_places():
    if not COD_ADM3.exists():
        pytest.skip("tests/data/syr_admbnda_adm3_synthetic.gpkg is made by tests/test_admin.py")
    from geo.admin import gazetteer_with

    gaz = gazetteer_with(COD_ADM3)
    df = pd.DataFrame({"nahya": ["Tell Hamdan", "Tell Hamdan", "Tell Hamdan"], "gov": ["Aleppo", "SY05", None],
                       "n": [1, 2, 3]})  # fmt: skip
    pt = prepare(df, value="n", place="nahya", parent="gov", gazetteer=gaz)
    assert sorted(p.parts[0].pcode for p in pt.points) == ["SY020101", "SY050201"]
    assert pt.unplaced[0].reason.startswith("ambiguous place: ")
    assert "ambiguous place: 'Tell Hamdan' (row 3)" in pt.summary()


def test_unmatched_rows_keep_their_columns_and_file_row_numbers(tmp_path):
    path = tmp_path / "sites.csv"
    SITES.assign(note="x").to_csv(path, index=False)
    pt = prepare(path, value="idps", place="site")
    frame = pt.unplaced_frame()
    assert list(frame.columns) == ["row", "site", "idps", "note", "reason"]
    assert list(frame["row"]) == [5, 6, 9]  # the header is row 1, as a spreadsheet shows it


def test_hxl_hashtags_name_the_columns():
    df = SITES.copy()
    df.attrs["hxl"] = {"site": "#loc+name", "idps": "#affected+idps"}
    pt = prepare(df, value="#affected+idps", place="#loc+name")
    assert pt.value_name == "#affected+idps" and len(pt.points) == 4


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"place": "site", "pcode": "site"}, "one of"),
        ({}, "say how rows are placed"),
        ({"lat": "site"}, "lat and lon go together"),
        ({"place": "nope"}, "no place column 'nope'"),
        ({"place": "site", "parent": "gov", "value": "nope"}, "no value column"),
        ({"lat": "a", "lon": "b", "parent": "site"}, "parent= narrows names"),
        ({"pcode": "site", "parent": "site"}, "not P-codes or coordinates"),
    ],
)
def test_bad_requests_are_one_clear_error(kwargs, message):
    kwargs = {"value": "idps", **kwargs}
    with pytest.raises(InputError, match=message):
        prepare(SITES, **kwargs)


def test_negative_or_text_values_name_their_rows():
    with pytest.raises(InputError, match=r"rows 1, 2: not a non-negative number"):
        prepare(pd.DataFrame({"p": ["Atmeh", "Dana"], "n": ["-5", "many"]}), value="n", place="p")


def test_nothing_placed_is_an_error_when_drawn():
    pt = prepare(pd.DataFrame({"p": ["Nowhere-xyz"], "n": [5]}), value="n", place="p")
    assert pt.points == () and pt.summary().startswith("0 of 1 rows placed at 0 points")
    with pytest.raises(InputError, match="no row could be placed"):
        pt.bounds()


# A monthly tracking table as it comes: the whole hierarchy in each row, Syria's headers, OCHA's codes.
TRACKING = pd.DataFrame(
    {
        "Mohafaza": ["Idleb", "Idleb", "Idleb", "Al-Hasakeh", "Aleppo"],
        "Mantika": ["Harim", "Harim", "Harim", "Al-Malikeyyeh", "Al Bab"],
        "Nahya": ["Dana", "Dana", "Salqin", "Jawadiyah", "Al Bab"],
        "Community": ["Atmeh", "Kafr Lusin", "Salqin", "Hamra", "Al Bab"],
        "Community_Pcode": ["C4130", "C8812", "C4140", "C4908", "C1202"],
        "IDP arrivals": [1200, 800, 300, 40, 0],
    }
)


def test_a_tracking_table_is_placed_by_its_community_pcodes_by_itself():
    pt = prepare(TRACKING, value="IDP arrivals")
    assert pt.notes == ("placed by P-codes from column 'Community_Pcode'",)
    assert sorted(p.parts[0].pcode for p in pt.points) == ["C1202", "C4130", "C4140", "C4908", "C8812"]
    assert pt.summary() == "5 of 5 rows placed at 5 points; total 2,340 = 2,340 drawn + 0 unmatched"


def test_names_are_matched_inside_the_tables_own_hierarchy():
    pt = prepare(TRACKING, value="IDP arrivals", place="Community")
    assert pt.notes == ("matched inside the table's own columns 'Mohafaza', 'Mantika', 'Nahya' (parents)",)
    assert sorted(p.parts[0].pcode for p in pt.points) == ["C1202", "C4130", "C4140", "C4908", "C8812"]
    # a parent that names nothing is said, and the name placed without it
    odd = TRACKING.assign(Nahya=["Dana", "Dana", "Nowhere-xyz", "Jawadiyah", "Al Bab"])
    pt = prepare(odd, value="IDP arrivals", place="Community")
    assert any(n.startswith("warning: 1 parent value(s) name no area") and "Nowhere-xyz" in n for n in pt.notes)
    assert len(pt.points) == 5


def test_hxl_tags_say_the_figures_and_where_rows_are():
    df = TRACKING.copy()
    df.attrs["hxl"] = {"Community": "#loc+name", "Community_Pcode": "#loc+code", "IDP arrivals": "#affected+idps"}
    pt = prepare(df)
    assert pt.notes == ("figures from column 'IDP arrivals' (#affected+idps)",
                        "placed by P-codes from column 'Community_Pcode' (#loc+code)")  # fmt: skip
    assert pt.value_name == "IDP arrivals" and len(pt.points) == 5
    with pytest.raises(InputError, match="which column holds the figures"):
        prepare(TRACKING)


def test_a_part_of_an_area_stays_an_area_whatever_the_columns_level():
    # geo extract's own column is called 'place', which reads as the community level
    df = pd.DataFrame({"place": ["southern Idlib", "Saraqib", "Ariha", "Kafr Nubl", "Maaret al-Numan"],
                       "n": [1, 2, 3, 4, 5]})  # fmt: skip
    south = prepare(df, value="n", place="place", country="SY").points[-1]
    assert south.label == "southern Idlib" and south.is_area and south.parts[0].qualifier == "south"
