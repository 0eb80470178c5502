from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, box

from geo.errors import InputError
from geo.join import JoinWarning, choices, join_areas


def _by_key(joined):
    return joined.set_index("key")["value"]


def test_pcode_join_sums_and_keeps_no_data_apart_from_zero():
    df = pd.DataFrame({"p": ["SY07", " sy02", "SY01"], "v": [100, 20, 0]})
    joined, unmatched = join_areas(df, "v", pcode="p")
    values = _by_key(joined)
    assert values["SY07"] == 100 and values["SY02"] == 20 and values["SY01"] == 0
    assert np.isnan(values["SY04"])  # no row: no data, not zero
    assert unmatched.empty
    assert set(joined["key"]) >= {f"SY{i:02d}" for i in range(1, 15)}


def test_unknown_pcodes_are_listed_with_their_row_and_reason():
    df = pd.DataFrame({"p": ["SY07", "SY99", ""], "v": [1, 2, 3]})
    with pytest.warns(JoinWarning, match="2 row"):
        joined, unmatched = join_areas(df, "v", pcode="p")
    assert list(unmatched["row"]) == [2, 3]
    assert "SY99" in unmatched["reason"].iloc[0]
    assert unmatched["reason"].iloc[1] == "no P-code"


@pytest.mark.parametrize("name", ["Idlib", "Idleb", "إدلب", "IDLIB governorate"])
def test_spellings_of_idlib_land_on_sy07(name):
    joined, unmatched = join_areas(pd.DataFrame({"gov": [name], "v": [10]}), "v", place="gov")
    assert unmatched.empty
    assert _by_key(joined)["SY07"] == 10


def test_damascus_is_the_governorate_and_the_choice_is_reported():
    joined, _ = join_areas(pd.DataFrame({"gov": ["Damascus"], "v": [5]}), "v", place="gov")
    assert _by_key(joined)["SY01"] == 5
    assert any(line.startswith("'Damascus' → Damascus (SY01") for line in choices(joined))


def test_duplicates_are_summed_with_a_warning():
    df = pd.DataFrame({"gov": ["Idlib", "Idleb", "Aleppo"], "v": [100, 50, 7]})
    with pytest.warns(JoinWarning, match=r"summed: Idleb \(SY07\): rows 1, 2"):
        joined, _ = join_areas(df, "v", place="gov")
    row = joined.set_index("key").loc["SY07"]
    assert row["value"] == 150 and row["rows"] == 2


def test_conservation_with_unmatched_names_and_blank_figures():
    df = pd.DataFrame({"gov": ["Idlib", "Nowhere-at-all-xyz", "Aleppo", "Hama"], "v": ["1,000", "250", "", 5]})
    with pytest.warns(JoinWarning):
        joined, unmatched = join_areas(df, "v", place="gov")
    assert joined["value"].sum() + unmatched["value"].sum() == 1255
    assert list(unmatched["gov"]) == ["Nowhere-at-all-xyz"]
    assert np.isnan(_by_key(joined)["SY02"])  # a blank figure is no data


def test_towns_and_camps_count_in_the_area_they_lie_in():
    df = pd.DataFrame({"site": ["Sarmada", "Atmeh camps"], "v": [3, 4]})
    joined, unmatched = join_areas(df, "v", place="site", country="SY")
    assert unmatched.empty
    assert _by_key(joined)["SY07"] == 7


def test_points_by_lat_lon_and_by_geometry():
    df = pd.DataFrame({"lat": [35.93, 36.2, 0.0, None], "lon": [36.63, 37.15, 0.0, 36.0], "v": [5, 7, 1, 2]})
    with pytest.warns(JoinWarning, match="2 row"):
        joined, unmatched = join_areas(df, "v", lat="lat", lon="lon")
    values = _by_key(joined)
    assert values["SY07"] == 5 and values["SY02"] == 7
    assert sorted(unmatched["reason"]) == ["no usable coordinates", "outside every area"]
    pts = gpd.GeoDataFrame({"v": [5, 7]}, geometry=[Point(36.63, 35.93), Point(37.15, 36.2)], crs=4326)
    joined, unmatched = join_areas(pts, "v")
    assert _by_key(joined)["SY07"] == 5 and unmatched.empty


def test_points_are_counted_when_no_value_column():
    pts = gpd.GeoDataFrame(geometry=[Point(36.63, 35.93)] * 3, crs=4326)
    joined, _ = join_areas(pts, None)
    assert _by_key(joined)["SY07"] == 3


def test_user_boundaries_by_key_and_by_name():
    areas = gpd.GeoDataFrame(
        {"ADM2_PCODE": ["SY0701", "SY0702"], "ADM2_EN": ["Harim", "Idleb"], "ADM2_AR": ["حارم", "إدلب"]},
        geometry=[box(36.4, 36.0, 36.9, 36.4), box(36.4, 35.6, 36.9, 36.0)],
        crs=4326,
    )
    df = pd.DataFrame({"code": ["SY0701", "sy0702", "SY0799"], "v": [1, 2, 3]})
    with pytest.warns(JoinWarning):
        joined, unmatched = join_areas(df, "v", pcode="code", areas=areas)
    assert list(joined["name"]) == ["Harim", "Idleb"]
    assert list(joined["value"]) == [1, 2] and list(unmatched["code"]) == ["SY0799"]
    joined, unmatched = join_areas(pd.DataFrame({"d": ["harim", "إدلب"], "v": [4, 5]}), "v", place="d", areas=areas)
    assert list(joined["value"]) == [4, 5] and unmatched.empty


def test_bad_input_is_one_clear_error():
    with pytest.raises(InputError, match="no column 'nope'"):
        join_areas(pd.DataFrame({"a": [1]}), "nope", pcode="a")
    with pytest.raises(InputError, match="row 2"):
        join_areas(pd.DataFrame({"p": ["SY07", "SY01"], "v": ["5", "lots"]}), "v", pcode="p")
    with pytest.raises(InputError, match="place="):
        join_areas(pd.DataFrame({"p": ["SY07"], "v": [1]}), "v")


def test_points_on_a_shared_edge_count_once():
    from geo.join import points_in_areas

    areas = [box(0, 0, 1, 1), box(1, 0, 2, 1)]
    found = points_in_areas([0.5, 1.0, 1.5, 3.0], [0.5, 0.5, 0.5, 0.5], areas)
    assert list(found) == [0, 0, 1, -1]


def test_user_boundaries_prefer_their_own_level_and_report_shared_names():
    areas = gpd.GeoDataFrame(
        {
            "ADM3_PCODE": ["SY010000", "SY020101", "SY050201", "SY020200"],
            "ADM3_EN": ["Damascus", "Tell Hamdan", "Tell Hamdan", "Jisr"],
            "ADM1_EN": ["Damascus", "Aleppo", "Hama", "Damascus"],
        },
        geometry=[box(36, 33, 36.5, 33.5), box(37, 36, 37.5, 36.5), box(36.5, 35, 37, 35.5), box(36.5, 33, 37, 33.5)],
        crs=4326,
    )
    df = pd.DataFrame({"sub": ["Damascus", "Tell Hamdan"], "v": [1, 2]})
    with pytest.warns(JoinWarning, match="ambiguous: 2 areas are named 'Tell Hamdan'"):
        joined, unmatched = join_areas(df, "v", place="sub", areas=areas)
    assert joined.set_index("key").loc["SY010000", "value"] == 1
    assert "SY020101, SY050201" in unmatched["reason"].iloc[0]
    assert joined.attrs["drawn_countries"] == ["SY"]


@pytest.mark.filterwarnings("ignore::geo.join.JoinWarning")
def test_conservation_holds_for_any_rows():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    names = st.sampled_from(["Idlib", "Idleb", "Aleppo", "Damascus", "Sarmada", "Zzyzx-qq", "", "إدلب", "SY07"])
    figures = st.one_of(st.integers(0, 10**6), st.floats(0, 1e6, allow_nan=False), st.just(""))

    @settings(max_examples=40, deadline=None)
    @given(st.lists(st.tuples(names, figures), min_size=1, max_size=12))
    def check(rows):
        df = pd.DataFrame(rows, columns=["gov", "v"]).astype({"v": object})
        joined, unmatched = join_areas(df, "v", place="gov")
        total = pd.to_numeric(df["v"].replace("", np.nan)).sum()
        assert len(unmatched) + int(joined["rows"].sum()) == len(df)
        assert np.isclose(np.nansum(joined["value"]) + np.nansum(unmatched["value"]), total)

    check()
