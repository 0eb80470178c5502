"""geo.bubbles by period: rows summed per place and period, one circle scale, a time slider, small multiples."""

from __future__ import annotations

import json
import math
import re
import warnings

import pandas as pd
import pytest

from geo.errors import InputError
from geo.points import NO_PERIOD, prepare
from geo.render.base import external_refs, render_html, save_html
from geo.render.bubbles import bubble_map, bubbles
from geo.render.symbols import MAX_RADIUS, legend_key, period_note, radii

HOSTILE = "<img src=x onerror=alert(1)>"
# Three months written as a reader writes them, out of order; February has no row at all, so it is filled in
# as a month "with no rows"; one row has no month, one no figure, one an unknown place.
MONTHLY = pd.DataFrame(
    {
        "site": ["Azaz", "Idlib city", "Azaz", "al-Bab", "Jarablus", "Azaz", "Idlib city", "Nowhere-xyz", "Dana",
                 "Sarmada"],
        "idps": [4000, 20000, 12000, 3000, 9000, 500, 5000, 40, None, 700],
        "month": ["Mar 2024", "Mar 2024", "Jan 2024", "Jan 2024", "Apr 2024", "Apr 2024", "Jan 2024", "Mar 2024",
                  "Apr 2024", ""],
    }
)  # fmt: skip
ORDER = ("Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024")


def table():
    return prepare(MONTHLY, value="idps", place="site", period="month")


def build(df=MONTHLY, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return bubbles(df, value="idps", place="site", period="month", created="2026-01-01", **kw)


def layers_data(html: str) -> list[dict]:
    """The JSON of every BubbleLayer in the page, in the order written (one per period with circles)."""
    return [json.loads(found) for found in re.findall(r"var d = (\{.*?\}), g = ", html)]


def timeline_data(html: str) -> dict:
    (found,) = re.findall(r"var m = map_\w+, d = (\{.*?\});\n", html)
    return json.loads(found)


# --- the table by period ---------------------------------------------------------------------------------------


def test_periods_read_as_dates_and_a_missing_month_is_filled_in():
    pt = table()
    assert pt.periods == ORDER and pt.missing == ("Feb 2024",)
    assert [t.period for t in pt.each_period()] == list(ORDER)
    assert pt.at("Feb 2024").points == () and pt.at("Feb 2024").rows == 0


def test_rows_are_summed_per_place_and_period_never_across_periods():
    pt = table()
    jan = pt.at("Jan 2024")
    assert [(p.label, p.value) for p in jan.points] == [("Azaz", 12000), ("Idlib city", 5000), ("al-Bab", 3000)]
    azaz = [(p.period, p.value) for p in pt.points if p.label == "Azaz"]
    assert azaz == [("Jan 2024", 12000), ("Mar 2024", 4000), ("Apr 2024", 500)]
    assert pt.at("Mar 2024").points[0].describe().startswith("Idlib city: 20,000 people (Mar 2024)\n")
    df = pd.DataFrame({"s": ["Atmeh", "al-Atmeh", "Atmeh"], "n": [1, 2, 4], "m": ["2024-01", "2024-01", "2024-02"]})
    twice = prepare(df, value="n", place="s", period="m")
    assert [(p.period, p.value, p.rows) for p in twice.points] == [("2024-01", 3, (1, 2)), ("2024-02", 4, (3,))]


def test_every_row_and_person_is_accounted_for_in_every_period():
    pt = table()
    pt.check()
    assert pt.drawn + pt.unmatched_value == pt.total == MONTHLY["idps"].sum()
    assert pt.drawn_rows + len(pt.unplaced) == pt.rows == len(MONTHLY)
    for each in pt.each_period():
        rows = MONTHLY[MONTHLY["month"] == each.period]
        assert each.total == rows["idps"].sum() and each.rows == len(rows)
        assert each.drawn + each.unmatched_value == each.total
    assert [(u.row, u.reason, u.period) for u in pt.no_period] == [(10, NO_PERIOD, "")]
    assert pt.summary() == (
        "7 of 10 rows placed at 4 points over 4 periods (1 with no rows: Feb 2024); total 54,240 = 53,500 drawn + "
        "740 unmatched; 3 not drawn: empty period: 'Sarmada' (row 10); no value: 'Dana' (row 9); unknown place: "
        "'Nowhere-xyz' (row 8)"
    )
    frame = pt.unplaced_frame()
    assert list(frame["row"]) == [8, 9, 10] and list(frame["reason"])[-1] == NO_PERIOD
    assert list(frame["month"]) == ["Mar 2024", "Apr 2024", ""]


def test_one_circle_scale_for_every_period():
    pt = table()
    assert pt.biggest == 20000 and all(t.biggest == 20000 for t in pt.each_period())
    jan = dict(zip([p.label for p in pt.at("Jan 2024").points], radii(pt.at("Jan 2024"))))
    assert jan["Azaz"] == pytest.approx(MAX_RADIUS * math.sqrt(12000 / 20000), abs=0.01)  # not the month's largest
    assert radii(pt.at("Mar 2024"))[0] == MAX_RADIUS
    assert legend_key(pt.at("Apr 2024")) == legend_key(pt)  # the legend reads every period alike


def test_the_slider_notes_say_each_periods_total_and_gaps():
    assert [period_note(t) for t in table().each_period()] == [
        "20,000 people at 3 places.",
        "No rows for Feb 2024.",
        "24,000 people at 2 places. 1 row (40 people) not placed.",
        "9,500 people at 2 places. 1 row with no figure, not drawn.",
    ]


def test_periods_that_are_not_dates_keep_the_tables_order():
    df = pd.DataFrame({"site": ["Azaz", "Azaz", "Idlib city"], "n": [1, 2, 3],
                       "when": ["after the offensive", "before the offensive", "after the offensive"]})  # fmt: skip
    pt = prepare(df, value="n", place="site", period="when")
    assert pt.periods == ("after the offensive", "before the offensive") and pt.missing == ()


def test_bad_period_requests_are_one_clear_error():
    with pytest.raises(InputError, match="no period column 'nope'"):
        prepare(MONTHLY, value="idps", place="site", period="nope")
    with pytest.raises(InputError, match="no row has a period in column 'month'"):
        prepare(MONTHLY.assign(month=""), value="idps", place="site", period="month")
    with pytest.raises(InputError, match="no period 'May 2024'; the periods are: Jan 2024, Feb 2024"):
        table().at("May 2024")
    with pytest.raises(InputError, match="needs a table by period"):
        prepare(MONTHLY, value="idps", place="site").at("Jan 2024")


# --- the web map -----------------------------------------------------------------------------------------------


def test_a_layer_of_circles_per_period_and_one_slider():
    m = build()
    html = render_html(m)
    layers = layers_data(html)
    assert len(layers) == 3  # February has no circle to draw: no layer, not the month before
    pt = m.point_table
    shown = [t for t in pt.each_period() if t.points]
    for data, each in zip(layers, shown):
        assert [p[4] for p in data["p"]] == [p.describe() for p in each.points]  # that period's figures only
        assert [p[2] for p in data["p"]] == radii(each)
    slider = timeline_data(html)
    assert slider["p"] == list(ORDER) and slider["s"] == 3  # the latest month opens
    assert slider["n"][1] == "No rows for Feb 2024."
    assert m.periods == ORDER
    assert "One circle scale for all 4 periods (Jan 2024 to Apr 2024)." in html
    assert "1 row (700 people) without a period, not drawn." in html


def test_at_chooses_the_opening_period():
    assert timeline_data(render_html(build(at="Jan 2024")))["s"] == 0
    with pytest.raises(InputError, match="no period 'May 2024'"):
        build(at="May 2024")
    with pytest.raises(InputError, match="at= needs period="):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            bubbles(MONTHLY, value="idps", place="site", at="Jan 2024")
    with pytest.raises(InputError, match="at= needs a table by period"):
        bubble_map(prepare(MONTHLY, value="idps", place="site"), at="Jan 2024")


def test_the_table_of_one_period_draws_as_a_map_of_its_own():
    from geo.render.bubbles_static import bubble_figure

    mar = table().at("Mar 2024")
    html = render_html(bubble_map(mar, created="2026-01-01"))
    assert 'type="range"' not in html and len(layers_data(html)) == 1
    assert "Period Mar 2024. Circle area proportional" in html
    assert "Mar 2024" in [t.get_text() for t in bubble_figure(mar, created="2026-01-01").texts]


def test_hostile_period_names_are_data_not_markup():
    df = MONTHLY.assign(month=[HOSTILE, "{{ 7*7 }}", HOSTILE, "</script><script>alert(1)</script>"] * 2 + ["x"] * 2)
    html = render_html(build(df))
    assert HOSTILE not in html and "<script>alert(1)" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # beside the slider: escaped
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html  # notes and tooltips: JSON, set as textContent
    assert "{{ 7*7 }}" in html  # never evaluated as a template


def test_offline_and_the_same_bytes_twice(tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    save_html(build(title="Arrivals by month"), a)
    save_html(build(title="Arrivals by month"), b)
    assert a.read_bytes() == b.read_bytes()
    assert external_refs(a.read_text(encoding="utf-8")) == []


def test_areas_under_circles_by_period_come_from_a_table_of_their_own(tmp_path):
    with pytest.raises(InputError, match="give areas= a table of its own"):
        build(areas_value="idps")
    areas = pd.DataFrame({"code": ["SY07", "SY02"], "hosted": [900, 300]})
    m = build(areas=areas, areas_value="hosted", areas_pcode="code")
    assert m.area_layer.joined.set_index("key").loc["SY02", "value"] == 300
    html = render_html(m)
    assert "addOverlay" in html and len(layers_data(html)) == 3


# --- the static twin -------------------------------------------------------------------------------------------


def dots(ax):
    return [c for c in ax.collections if c.get_gid() == "geo-bubbles"]


def test_small_multiples_a_panel_per_period_on_one_scale():
    from geo.render.bubbles_static import PANEL_SCALE, PT_PER_PX, bubble_figure

    pt = table()
    fig = bubble_figure(pt, title="Arrivals by month", created="2026-01-01")
    panels = [ax for ax in fig.axes if ax.get_title(loc="left")]
    assert [ax.get_title(loc="left") for ax in panels] == list(ORDER)
    for ax, each in zip(panels, pt.each_period()):
        drawn = dots(ax)
        if not each.points:
            assert drawn == [] and "No rows for Feb 2024." in [t.get_text() for t in ax.texts]
            continue
        sizes = [math.sqrt(s) / 2 for s in drawn[0].get_sizes()]
        assert sizes == pytest.approx([r * PT_PER_PX * PANEL_SCALE for r in radii(each)])
    texts = [t.get_text().replace("\n", " ") for t in [*fig.texts, *(t for ax in fig.axes for t in ax.texts)]]
    assert "Arrivals by month" in texts
    assert sum("One circle scale for all 4 periods" in t for t in texts) == 1  # one legend for all panels
    assert "20,000 people at 3 places." in texts


def test_static_at_draws_one_period_framed_as_the_whole_series():
    from geo.render.bubbles_static import PT_PER_PX, bubble_figure

    pt = table()
    fig = bubble_figure(pt, at="Mar 2024", created="2026-01-01")
    (drawn,) = dots(fig.axes[0])
    assert math.sqrt(drawn.get_sizes()[0]) / 2 == pytest.approx(MAX_RADIUS * PT_PER_PX)
    assert len(drawn.get_sizes()) == 2
    assert "Mar 2024" in [t.get_text() for t in fig.texts]  # the subtitle names the period
    whole = bubble_figure(pt, at="Jan 2024", created="2026-01-01")
    assert whole.axes[0].get_xlim() == fig.axes[0].get_xlim()
    with pytest.raises(InputError, match="no period 'May 2024'"):
        bubble_figure(pt, at="May 2024")


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_small_multiples_are_reproducible(tmp_path, suffix):
    from geo.render.bubbles_static import save_static

    m = build(title="Arrivals by month $5")
    a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    save_static(m, a)
    save_static(m, b)
    assert a.read_bytes() == b.read_bytes() and a.stat().st_size > 1000
    save_static(m, tmp_path / f"c{suffix}", at="Jan 2024")
    assert (tmp_path / f"c{suffix}").read_bytes() != a.read_bytes()
