from __future__ import annotations

import json
import re
import warnings

import folium
import pandas as pd
import pytest

from geo.movements import prepare
from geo.render.base import external_refs, render_html, save_html
from geo.render.flows import FlowLayer, flow_map, flows, legend_note, legend_rows, node_radius

HOSTILE = "<img src=x onerror=alert(1)>"

MOVES = pd.DataFrame(
    {
        "from": ["Maaret al-Numan", "Saraqib", "Ariha", "Jisr al-Shughur", "Atmeh", "Nowhere-xyz"],
        "to": ["the Turkish border", "Atmeh", "Sarmada", "the Turkish border", "Saraqib", "Atmeh"],
        "n": [12000, 4500, 800, 2200, 700, 40],
        "month": ["2024-01", "2024-01", "2024-02", "2024-02", "2024-02", "2024-01"],
    }
)


def build(df=MOVES, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return flows(df, origin="from", destination="to", value="n", created="2026-01-01", **kw)


def flow_data(html: str) -> list[dict]:
    """The JSON each FlowLayer writes into the page."""
    return [json.loads(m) for m in re.findall(r"var d = (\{.*?\}), g = ", html)]


def test_returns_a_map_with_its_table():
    m = build()
    assert isinstance(m, folium.Map)
    assert [f.value for f in m.flow_table.flows] == [12000, 4500, 2200, 800, 700]


def test_one_arrow_per_drawn_flow_with_width_by_value():
    html = render_html(build())
    (layer,) = flow_data(html)
    widths = sorted(f[1] for f in layer["f"])
    assert len(layer["f"]) == 5
    assert widths[-1] == 18.0 and widths[-2] == pytest.approx(18 * 4500 / 12000, abs=0.01)
    assert "marker-end:url(#geo-head)" in html and 'id="geo-head"' in html


def test_periods_get_a_slider_one_layer_each_never_checkboxes():
    m = build(period="month")
    html = render_html(m)
    layers = flow_data(html)
    assert len(layers) == 2  # 2024-01, 2024-02: the total is not a position of the slider
    tips = [f[2] for f in layers[0]["f"]]
    assert "Maaret al-Numan → the Turkish border: 12,000 people (2024-01)" in tips
    assert 'type="range"' in html and "geoperiod" in html
    assert "L.control.layers" not in html  # no checkbox can stack two months
    assert "One width scale for all 2 periods (2024-01 to 2024-02)." in html


def test_offline_and_deterministic(tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    save_html(build(period="month"), a)
    save_html(build(period="month"), b)
    assert a.read_bytes() == b.read_bytes()
    assert external_refs(a.read_text()) == []


def test_hostile_strings_are_escaped():
    df = pd.DataFrame(
        {
            "from": ["Saraqib", "Ariha"],
            "to": ["Atmeh", "Atmeh"],
            "n": [5, 3],
            "month": [HOSTILE, "</script><script>alert(2)</script>"],
        }
    )
    html = render_html(build(df, period="month", title=HOSTILE, subtitle=HOSTILE, source=HOSTILE, units=HOSTILE))
    assert "<img src=x" not in html
    assert "</script><script>alert(2)" not in html
    # layer names reach Leaflet's control as HTML, so they are escaped before they get there
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_hostile_place_labels_are_data_not_markup():
    df = pd.DataFrame({"from": ["35.93,36.63"], "to": ["Atmeh"], "n": [5]})
    df.loc[0, "from"] = "35.93,36.63"
    ft = prepare(df, origin="from", destination="to", value="n")
    from dataclasses import replace

    bad = replace(ft.flows[0].origin, label=HOSTILE)
    layer = replace(ft.layers[0], flows=(replace(ft.flows[0], origin=bad),))
    m = folium.Map(tiles=None)
    group = folium.FeatureGroup().add_to(m)
    FlowLayer(layer, ft).add_to(group)
    html = m.get_root().render()
    assert "<img" not in html and "\\u003cimg" in html
    assert "textContent" in html


def test_legend_states_the_scale_and_the_grouped_flows():
    ft = prepare(MOVES, origin="from", destination="to", value="n", top=2)
    rows = legend_rows(ft)
    lines = [r for r in rows if r["shape"] == "line"]
    assert 2 <= len(lines) <= 3
    assert lines[0]["label"] == "10,000 people"
    note = legend_note(ft)
    assert "+ 3 smaller flows, 3,700 people not drawn." in note
    assert "1 row (40 people) not mapped" in note
    html = render_html(flow_map(ft, created="2026-01-01"))
    assert "+ 3 smaller flows, 3,700 people" in html


def test_unplaced_rows_warn():
    with pytest.warns(UserWarning, match="unknown origin 'Nowhere-xyz'"):
        flows(MOVES, origin="from", destination="to", value="n", created="2026-01-01")


def test_node_radius_area_proportional():
    assert node_radius(100, 100) == 14.0
    assert node_radius(25, 100) == 7.0
    assert node_radius(0, 100) == 2.5


def test_default_title_names_the_units():
    html = render_html(build(units="households"))
    assert "Movements of households" in html


def test_nothing_placed_is_a_clear_error():
    from geo.errors import InputError

    df = pd.DataFrame({"from": ["Nowhere-xyz"], "to": ["Elsewhere-qqq"], "n": [3]})
    with pytest.raises(InputError, match="no flow could be placed"):
        build(df)


# --- the static twin ---------------------------------------------------------------------------------------------


def test_static_twin_has_the_same_arrows_and_legend():
    from geo.render.flows_static import flow_figure

    ft = prepare(MOVES, origin="from", destination="to", value="n", top=3)
    fig = flow_figure(ft, created="2026-01-01")
    ax = fig.axes[0]
    arrows = [p for p in ax.patches if p.get_gid() == "geo-flow"]
    assert len(arrows) == len(ft.flows) == 3
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[: len(ft.scale.references)] == [f"{v:,} people" for v in ft.scale.references]
    notes = " ".join(t.get_text() for t in ax.texts).replace("\n", " ")
    assert "+ 2 smaller flows, 1,500 people not drawn." in notes


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_static_files_are_reproducible(tmp_path, suffix):
    from geo.render.flows_static import save_flow_figure

    ft = prepare(MOVES, origin="from", destination="to", value="n", period="month")
    a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    save_flow_figure(ft, a, created="2026-01-01", source=HOSTILE)
    save_flow_figure(ft, b, created="2026-01-01", source=HOSTILE)
    assert a.read_bytes() == b.read_bytes() and a.stat().st_size > 1000


def test_static_png_is_print_resolution(tmp_path):
    from matplotlib import image

    from geo.render.flows_static import save_flow_figure

    ft = prepare(MOVES, origin="from", destination="to", value="n")
    path = tmp_path / "m.png"
    save_flow_figure(ft, path, created="2026-01-01")
    height, width = image.imread(path).shape[:2]
    assert width >= 8 * 150 and height >= 7 * 150


def test_static_one_period_and_dollars_literal():
    from geo.errors import InputError
    from geo.render.flows_static import flow_figure

    ft = prepare(MOVES, origin="from", destination="to", value="n", period="month")
    fig = flow_figure(ft, period="2024-02", created="2026-01-01", title="$5 a day")
    arrows = [p for p in fig.axes[0].patches if p.get_gid() == "geo-flow"]
    assert len(arrows) == len(ft.layers[2].flows) == 3
    assert any(t.get_text() == r"\$5 a day" for t in fig.texts)
    with pytest.raises(InputError, match="no period '2030'"):
        flow_figure(ft, period="2030")


# --- the choropleth under the flows ------------------------------------------------------------------------------

AREAS = pd.DataFrame({"pcode": ["SY07", "SY02", "SY04", "SY99"], "idps": [2_900_000, 1_700_000, 500_000, 3]})


def test_areas_layer_under_the_flows_with_a_layer_control():
    m = build(areas=AREAS, areas_value="idps", areas_pcode="pcode")
    html = render_html(m)
    assert m.area_layer is not None and len(m.area_layer.unmatched) == 1  # SY99 is no area
    assert ".addOverlay(" in html and "idps (people)" in html
    assert html.index("vector_layer") < html.index("var d = {")  # areas drawn first: under the arrows
    assert "1 area row(s) matched no area." in html
    colors = dict(zip(m.area_layer.joined["pcode"], m.area_layer.joined["color"]))
    assert colors["SY07"] != colors["SY04"]


def test_areas_by_name_and_hostile_values_escaped():
    df = pd.DataFrame({"gov": ["Idlib", "Aleppo"], HOSTILE: [10, 20]})
    html = render_html(build(areas=df, areas_value=HOSTILE, areas_place="gov"))
    assert "<img src=x" not in html


def test_areas_need_a_value_and_a_key():
    from geo.errors import InputError

    with pytest.raises(InputError, match="areas_value"):
        build(areas=AREAS)
    with pytest.raises(InputError, match="areas_pcode"):
        build(areas=AREAS, areas_value="idps")


def test_static_twin_draws_the_areas_and_both_legends():
    from geo.render.flows_static import flow_figure

    ft = prepare(MOVES, origin="from", destination="to", value="n")
    fig = flow_figure(ft, created="2026-01-01", areas=AREAS, areas_value="idps", areas_pcode="pcode")
    ax = fig.axes[0]
    titles = [c.get_title().get_text() for c in ax.get_children() if hasattr(c, "get_title") and c is not ax]
    assert "idps (people)" in titles and "Movements (people)" in titles
    assert ax.get_xlabel() == ""


def test_geo_flows_is_the_map_builder_even_after_importing_the_data_module():
    import geo
    import geo.cli  # noqa: F401  (registers `geo flows`, which imports geo.movements)
    from geo.movements import prepare  # noqa: F401

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = geo.flows(MOVES, origin="from", destination="to", value="n", created="2026-01-01")
    assert isinstance(m, folium.Map) and len(m.flow_table.flows) == 5


# --- by period ---------------------------------------------------------------------------------------------------


def test_small_multiples_one_panel_per_period_on_one_scale():
    from geo.render.flows_static import flow_figure

    ft = prepare(MOVES, origin="from", destination="to", value="n", period="month")
    fig = flow_figure(ft, created="2026-01-01")
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["2024-01", "2024-02"]
    for ax, layer in zip(fig.axes, ft.shown):
        assert len([p for p in ax.patches if p.get_gid() == "geo-flow"]) == len(layer.flows)
    assert len(fig.legends) == 1  # one legend for every panel
    notes = " ".join(t.get_text() for ax in fig.axes for t in ax.texts).replace("\n", " ")
    assert "1 row (40 people) not mapped: unknown origin 'Nowhere-xyz'." in notes  # January's, in its panel


def test_period_facts_under_the_slider():
    from geo.render.flows import layer_facts

    df = MOVES.assign(month=["2024-01", "2024-01", "2024-03", "2024-03", "2024-03", "2024-01"])
    ft = prepare(df, origin="from", destination="to", value="n", period="month")
    jan, feb, mar = ft.shown
    assert layer_facts(ft, feb) == ["No rows for 2024-02."]
    assert layer_facts(ft, jan) == ["1 row (40 people) not mapped: unknown origin 'Nowhere-xyz'."]
    assert layer_facts(ft, mar) == []
    html = render_html(flow_map(ft, created="2026-01-01", at="2024-01"))
    assert "No rows for 2024-02." in html and 'aria-valuetext="2024-01"' in html


def test_static_names_stay_inside_their_frame():
    from types import SimpleNamespace as NS

    from geo.render.flows import label_sides

    node = NS(lat=36.0, lon=36.99, place=NS(label="western Aleppo countryside", key="w"))
    assert label_sides([node], [5], 0.001) == ["right"]
    assert label_sides([node], [5], 0.001, across=(36.0, 37.0)) == ["left"]  # no room on the right
