from __future__ import annotations

import re

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point

from geo.errors import InputError
from geo.join import JoinWarning
from geo.render.assets import external_refs, leaflet_css, leaflet_js
from geo.render.base import render_html, save_html
from geo.render.choropleth import choropleth, classify, ramp, save_static

EVIL = "<img src=x onerror=alert(1)>"
PCODES = [f"SY{i:02d}" for i in range(1, 15)]


def _syria(**kw):
    df = pd.DataFrame({"pcode": PCODES, "idps": [(i * 37_000) % 250_000 for i in range(14)]})
    kw.setdefault("title", "IDPs by governorate")
    kw.setdefault("created", "2026-01-20")
    return choropleth(df, "idps", pcode="pcode", **kw)


@pytest.fixture(scope="module")
def syria_page() -> str:
    return render_html(_syria(source="OCHA", as_of="2026-01-15"))


def test_one_area_path_per_governorate_and_legend(syria_page):
    assert syria_page.count('"cls":"geo-area geo-data"') == 14
    assert syria_page.count('"cls":"geo-area geo-nodata"') == 1  # the UNDOF zone has no P-code and no data
    assert "idps (people)" in syria_page and "No data" in syria_page


def test_offline_and_small(syria_page):
    assert external_refs(syria_page) == []
    assert len(syria_page.encode()) < 1_000_000


def test_at_most_40_percent_of_explore_without_leaflet(syria_page):
    from geo.boundaries import admin1

    areas = admin1("SY").merge(pd.DataFrame({"pcode": PCODES, "idps": range(14)}), on="pcode", how="left")
    explore = len(areas.explore(column="idps").get_root().render().encode())
    ours = len(syria_page.encode()) - len(leaflet_js().encode()) - len(leaflet_css().encode())
    assert ours <= 0.4 * explore, (ours, explore)


def test_same_input_same_bytes(tmp_path):
    save_html(_syria(), tmp_path / "a.html")
    save_html(_syria(), tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_hostile_strings_are_shown_as_text():
    df = pd.DataFrame({"gov": ["Idlib", EVIL, "Aleppo"], "idps": [5, 6, 7]})
    with pytest.warns(JoinWarning):
        m = choropleth(df, "idps", place="gov", title=EVIL, subtitle=EVIL, source="<script>alert(1)</script>",
                       units=EVIL, created="2026-01-20")  # fmt: skip
    page = render_html(m)
    assert "<img" not in page
    assert not re.search(r"<script>alert", page)
    assert "&lt;img src=x" in page
    assert list(m.unmatched["gov"]) == [EVIL]


def test_hostile_area_names_from_user_boundaries():
    from shapely.geometry import box

    areas = gpd.GeoDataFrame(
        {"code": ["A", "B"], "name": [EVIL, "</script><script>alert(2)</script>"]},
        geometry=[box(36, 35, 37, 36), box(37, 35, 38, 36)],
        crs=4326,
    )
    m = choropleth(pd.DataFrame({"c": ["A", "B"], "v": [1, 2]}), "v", pcode="c", boundaries=areas,
                   boundary_key="code", created="2026-01-20")  # fmt: skip
    page = render_html(m)
    assert "<img" not in page and "alert(2)</script>" not in page


def test_unmatched_rows_and_conservation():
    df = pd.DataFrame({"gov": ["Idlib", "Idleb", "Atlantis-xyz", "Hama"], "idps": [100, 50, 3, 0]})
    with pytest.warns(JoinWarning) as record:
        m = choropleth(df, "idps", place="gov", created="2026-01-20")
    messages = " ".join(str(w.message) for w in record)
    assert "Atlantis-xyz" in messages and "summed" in messages
    assert list(m.unmatched["gov"]) == ["Atlantis-xyz"]
    assert m.joined["value"].sum() + m.unmatched["value"].sum() == df["idps"].sum()


def test_no_data_is_not_zero():
    df = pd.DataFrame({"pcode": ["SY07", "SY02", "SY01"], "idps": [500, 100, 0]})
    m = choropleth(df, "idps", pcode="pcode", created="2026-01-20")
    by = m.joined.set_index("key")
    assert by.loc["SY01", "class"] == 0 and by.loc["SY01", "color"] != "#cfcfcf"
    assert by.loc["SY04", "class"] == -1 and by.loc["SY04", "color"] == "#cfcfcf"


def test_classes_schemes_and_breaks():
    values = pd.Series([0, 1, 2, 3, 10, 20, 30, 100, 200, np.nan])
    q = classify(values, "quantiles", 4)
    assert len(q.bins) == 4 and len(q.colors) == 4 and q.labels[0].startswith("0 – ")
    e = classify(values, "equalinterval", 4)
    assert e.bins[-1] == 200 and abs(e.bins[0] - 50) < 1e-9
    u = classify(values, breaks=[10, 100])
    assert u.bins == [10, 100, 200] and u.labels[-1] == "> 100 – 200"
    nb = classify(values, "naturalbreaks", 3)
    assert len(nb.bins) == 3
    assert classify(pd.Series([5.0, 5.0]), "quantiles", 5).bins == [5.0]
    with pytest.raises(InputError, match="unknown scheme"):
        classify(values, "astrology", 3)


def test_colour_ramps():
    assert ramp("YlOrRd", 5) == ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"]
    assert len(ramp("viridis", 4)) == 4
    assert ramp("#fee,#fc9,#e34", 3) == ["#fee", "#fc9", "#e34"]
    with pytest.raises(InputError):
        ramp("nonsense-colours", 3)


def test_point_data_are_summed_into_areas():
    pts = gpd.GeoDataFrame({"people": [5, 7, 1]}, geometry=[Point(36.63, 35.93), Point(36.70, 36.0), Point(0, 0)],
                           crs=4326)  # fmt: skip
    with pytest.warns(JoinWarning):
        m = choropleth(pts, "people", created="2026-01-20")
    assert m.joined.set_index("key").loc["SY07", "value"] == 12
    assert m.unmatched["value"].sum() == 1


def test_per_capita_rates():
    df = pd.DataFrame({"pcode": ["SY07", "SY02"], "idps": [500, 100], "pop": [1000, 10000]})
    m = choropleth(df, "idps", pcode="pcode", per_capita="pop", per=1000, created="2026-01-20")
    by = m.joined.set_index("key")
    assert by.loc["SY07", "shown"] == 500 and by.loc["SY02", "shown"] == 10
    assert "people per 1,000 people" in render_html(m)


def test_reads_files(tmp_path):
    path = tmp_path / "idps.csv"
    path.write_text("gov;idps\n#adm1+name;#affected+idps\nIdleb;1 000\nAleppo;20\n", encoding="utf-8")
    m = choropleth(path, "idps", place="gov", created="2026-01-20")
    assert m.joined.set_index("key").loc["SY07", "value"] == 1000


def test_static_twin(tmp_path):
    m = _syria()
    for suffix in (".png", ".svg", ".pdf"):
        save_static(m, tmp_path / f"m{suffix}")
        assert (tmp_path / f"m{suffix}").stat().st_size > 10_000


def test_nothing_matched_is_an_error():
    with pytest.warns(JoinWarning), pytest.raises(InputError, match="none of the 1 rows"):
        choropleth(pd.DataFrame({"p": ["XX99"], "v": [1]}), "v", pcode="p")


def test_per_capita_from_the_boundaries_population():
    from shapely.geometry import box

    areas = gpd.GeoDataFrame(
        {"ADM2_PCODE": ["SY0701", "SY0702"], "ADM2_EN": ["Harim", "Idleb"], "pop": [2000, 500]},
        geometry=[box(36.4, 36.0, 36.9, 36.4), box(36.4, 35.6, 36.9, 36.0)],
        crs=4326,
    )
    df = pd.DataFrame({"code": ["SY0701", "SY0702"], "idps": [100, 100]})
    m = choropleth(df, "idps", pcode="code", boundaries=areas, per_capita="pop", created="2026-01-20")
    assert list(m.joined["shown"]) == [5000.0, 20000.0]  # per 100,000 people by default


# --- by period -----------------------------------------------------------------------------------------------------

MONTHS = pd.DataFrame(
    {
        "pcode": ["SY07", "SY02", "SY07", "SY07", "SY02", "SY99", "SY04"],
        "idps": [100, 50, 400, 20, 10, 7, 3],
        "month": ["2024-01", "2024-01", "2024-03", "2024-03", "2024-03", "2024-03", ""],
    }
)


def _by_month(**kw):
    with pytest.warns(JoinWarning) as record:
        m = choropleth(MONTHS, "idps", pcode="pcode", period="month", created="2026-01-20", **kw)
    return m, " ".join(str(w.message) for w in record)


def test_by_period_sums_each_area_in_each_period_and_keeps_every_row():
    m, said = _by_month()
    assert m.periods == ("2024-01", "2024-02", "2024-03")  # the missing month is there, empty
    by = m.by_period.set_axis(m.joined["key"])
    assert by.loc["SY07"].tolist()[0] == 100 and by.loc["SY07", "2024-03"] == 420
    assert by.loc["SY02", "2024-03"] == 10 and np.isnan(by.loc["SY04", "2024-01"])
    assert by["2024-02"].isna().all()
    # SY99 matched no area; SY04's row has no period: both reported, and every figure is accounted for
    assert sorted(m.unmatched["reason"]) == ["empty period", "no area with P-code 'SY99'"]
    assert np.nansum(m.by_period.to_numpy()) + m.unmatched["value"].sum() == MONTHS["idps"].sum()
    assert "Idleb (SY07) in 2024-03: rows 3, 4" in said and "have no period" in said
    assert "several rows for one area were summed" not in said  # one row per month is not a duplicate


def test_one_classification_for_all_periods_and_the_opening_period():
    m, _ = _by_month()
    pooled = classify(m.by_period.to_numpy().ravel())
    assert m.bins == pooled.bins
    assert list(m.joined.set_index("key").loc[["SY07", "SY02"], "value"]) == [420, 10]  # the last month opens
    first, _ = _by_month(at="2024-01")
    assert list(first.joined.set_index("key").loc[["SY07", "SY02"], "value"]) == [100, 50]
    with pytest.raises(InputError, match="no period '2030-01'"):
        _by_month(at="2030-01")


def test_by_period_page_has_the_slider_the_recolouring_and_the_note():
    m, _ = _by_month()
    page = render_html(m)
    assert 'type="range"' in page and 'aria-valuetext="2024-03"' in page
    assert "No rows for 2024-02." in page
    assert "Classes shared by all 3 periods (2024-01 to 2024-03)" in page
    assert page.count('"cls":"geo-area geo-data"') == 2  # opening month: Idleb and Aleppo
    assert render_html(_by_month()[0]) == page  # same input, same bytes


def test_hostile_period_names_stay_text():
    df = pd.DataFrame({"p": ["SY07", "SY02"], "v": [1, 2], "when": [EVIL, "</script><script>alert(2)</script>"]})
    m = choropleth(df, "v", pcode="p", period="when", created="2026-01-20")
    page = render_html(m)
    assert "<img" not in page and "<script>alert(2)" not in page
    assert m.periods == (EVIL, "</script><script>alert(2)</script>")  # not dates: the table's order


def test_per_capita_by_period():
    df = pd.DataFrame({"pcode": ["SY07"] * 2, "idps": [500, 1000], "pop": [1000, 1000], "m": ["2024-01", "2024-02"]})
    m = choropleth(df, "idps", pcode="pcode", period="m", per_capita="pop", per=1000, created="2026-01-20")
    # the population of each month, not the two months' populations added up
    assert m.by_period.set_axis(m.joined["key"]).loc["SY07"].tolist() == [500.0, 1000.0]


def test_small_multiples_one_panel_per_period_and_one_at(tmp_path):
    from geo.render.choropleth import to_figure

    m, _ = _by_month()
    fig = to_figure(m)
    assert [ax.get_title(loc="left") for ax in fig.axes] == list(m.periods)
    assert len(fig.legends) == 1
    one = to_figure(m, at="2024-01")
    assert len(one.axes) == 1 and any(t.get_text() == "2024-01" for t in one.texts)
    for suffix in (".png", ".svg", ".pdf"):
        a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
        save_static(m, a)
        save_static(m, b)
        assert a.read_bytes() == b.read_bytes()


def test_natural_breaks_are_the_same_in_every_run():
    # mapclassify starts natural breaks from random points; geo seeds them, so that a map is the same bytes each
    # time, and leaves the caller's random state alone
    import subprocess
    import sys

    import numpy as np

    code = (
        "from geo.render.choropleth import classify; "
        "print(classify([3, 8, 9, 14, 20, 21, 40, 41, 42, 90, 95, 300, 310, 1000], 'naturalbreaks', 5).bins)"
    )
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
            for _ in range(4)}  # fmt: skip
    assert len(runs) == 1
    from geo.render.choropleth import classify

    np.random.seed(7)
    expected = np.random.random()
    np.random.seed(7)
    classify([1, 2, 3, 50, 60, 70, 900], "naturalbreaks", 3)
    assert np.random.random() == expected
