"""Reading what a table's columns hold from its headers and HXL tags (geo.io.columns)."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.errors import InputError
from geo.io.columns import admin_columns, column_level, hierarchy, level_kind, point_columns


def frame(columns, hxl=None):
    df = pd.DataFrame(columns=columns)
    if hxl:
        df.attrs["hxl"] = dict(zip(columns, hxl))
    return df


@pytest.mark.parametrize(
    "columns, expect",
    [
        (["Mohafaza", "Mantika", "Nahya", "Community", "IDPs"],
         {1: "Mohafaza", 2: "Mantika", 3: "Nahya", 4: "Community"}),
        (["admin1Name_en", "admin1Pcode", "admin2Name_en", "admin3Name_en", "admin4Name_en", "people"],
         {1: "admin1Name_en", 2: "admin2Name_en", 3: "admin3Name_en", 4: "admin4Name_en"}),
        (["governorate", "district", "sub_district", "community", "families"],
         {1: "governorate", 2: "district", 3: "sub_district", 4: "community"}),
        (["ADM1_EN", "ADM1_PCODE", "ADM2_EN", "ADM3_EN", "ADM3_PCODE"], {1: "ADM1_EN", 2: "ADM2_EN", 3: "ADM3_EN"}),
        (["Governorate", "Sub-district", "Village name"], {1: "Governorate", 3: "Sub-district", 4: "Village name"}),
    ],
)  # fmt: skip
def test_header_families_give_the_hierarchy(columns, expect):
    found = admin_columns(frame(columns))
    assert {lv: cols["name"] for lv, cols in found.items() if "name" in cols} == expect


def test_pcode_columns_at_each_level():
    found = admin_columns(frame(["Gov", "admin1Pcode", "ADM2_PCODE", "Nahya Pcode", "Community_Pcode"]))
    assert {lv: cols.get("pcode") for lv, cols in found.items()} == {
        1: "admin1Pcode", 2: "ADM2_PCODE", 3: "Nahya Pcode", 4: "Community_Pcode"}  # fmt: skip


def test_hxl_tags_win_over_headers():
    df = frame(["Where", "Code", "Region", "people"], ["#adm3+name", "#adm3+code", "#adm1+name", "#affected+idps"])
    found = admin_columns(df)
    assert found[3] == {"name": "Where", "pcode": "Code"} and found[1]["name"] == "Region"


def test_a_column_about_something_else_is_not_the_tables_own_area():
    assert admin_columns(frame(["origin district", "destination district", "people"])) == {}


def test_parents_are_the_levels_above_the_names():
    df = frame(["Mohafaza", "Mantika", "Nahya", "Community", "Community_Pcode"])
    assert hierarchy(df, "Community") == (["Mohafaza", "Mantika", "Nahya"], ["admin1", "admin2", "admin3"])
    assert hierarchy(df, "Nahya") == (["Mohafaza", "Mantika"], ["admin1", "admin2"])
    assert hierarchy(df, "Community", ("Nahya",)) == (["Nahya"], ["admin3"])
    assert column_level(df, "Community_Pcode") == 4


def test_levels_by_number_name_or_code():
    assert [level_kind(v) for v in ("1", "adm2", "sub-district", "Nahya", 4, "camp")] == [
        "admin1", "admin2", "admin3", "admin3", "community", "camp"]  # fmt: skip
    with pytest.raises(InputError, match="--level 'parish'"):
        level_kind("parish")


def test_latitude_and_longitude_columns():
    assert point_columns(frame(["Site", "LATITUDE", "LONGITUDE"])) == ("LATITUDE", "LONGITUDE")
    assert point_columns(frame(["Latitude_y", "Longitude_x"])) == ("Latitude_y", "Longitude_x")
    assert point_columns(frame(["a", "b"], ["#geo+lat", "#geo+lon"])) == ("a", "b")
    assert point_columns(frame(["name", "people"])) is None


def test_hxl_roles_for_maps():
    from geo.io.columns import tagged_roles

    df = frame(["Gov", "P", "IDPs", "Month"], ["#adm1+name", "#adm1+code", "#affected+idps", "#date"])
    assert tagged_roles(df) == {"pcode": "P", "place": "Gov", "value": "IDPs", "period": "Month"}
    flows = frame(["From", "To", "n"], ["#adm1+name+origin", "#adm1+name+dest", "#affected+ind"])
    assert tagged_roles(flows)["origin"] == "From" and tagged_roles(flows)["destination"] == "To"
    sites = frame(["Site", "lat", "lon", "hh"], ["#loc+name", "#geo+lat", "#geo+lon", "#affected+hh"])
    assert tagged_roles(sites) == {"place": "Site", "lat": "lat", "lon": "lon", "value": "hh"}
    two = frame(["a", "b"], ["#affected+idps", "#inneed"])
    with pytest.raises(InputError, match=r"2 columns could be the figures to map: 'a' \(#affected\+idps\), 'b'"):
        tagged_roles(two)
    assert tagged_roles(frame(["Gov", "IDPs"])) == {}
    levels = frame(["g", "d"], ["#adm1+code", "#adm2+code"])
    assert tagged_roles(levels)["pcode"] == "d" and tagged_roles(levels, area_level=1)["pcode"] == "g"


def test_a_country_column_is_the_top_of_the_hierarchy():
    # global tables carry each row's country: a name, an ISO code, COD's ADM0_EN or HXL's #country
    assert hierarchy(frame(["Country", "Location", "IDPs"]), "Location") == (["Country"], ["country"])
    assert hierarchy(frame(["ADM0_EN", "ADM1_EN", "ADM2_EN"]), "ADM2_EN") == (["ADM0_EN", "ADM1_EN"],
                                                                              ["country", "admin1"])  # fmt: skip
    assert hierarchy(frame(["ISO3", "town"], ["#country+code", "#loc+name"]), "town") == (["ISO3"], ["country"])
    assert admin_columns(frame(["country of origin", "people"])) == {}
