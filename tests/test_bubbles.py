"""geo.bubbles: the proportional symbol map and its static twin."""

from __future__ import annotations

import json
import math
import re
import warnings

import folium
import pandas as pd
import pytest

from geo.errors import InputError
from geo.points import prepare
from geo.render.base import external_refs, render_html, save_html
from geo.render.bubbles import LABELS, bubble_map, bubbles, label_list
from geo.render.symbols import MAX_RADIUS, ZERO_RADIUS, BubbleLegend, legend_key, radius, references

HOSTILE = "<img src=x onerror=alert(1)>"
SITES = pd.DataFrame(
    {
        "site": ["Atmeh", "Kafr Lusin", "al-Atmeh", "Sarmada", "Dana", "Idleb governorate", "Saraqib", "Nowhere-xyz",
                 "Azaz", "Afrin"],
        "idps": [40000, 10000, 5000, 22500, None, 30000, 0, 40, 12000, 9000],
        "gov": ["SY07", "SY07", "SY07", "SY07", "SY07", "SY07", "SY07", "SY07", "SY02", "SY02"],
        "hosted": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    }
)  # fmt: skip


def build(df=SITES, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return bubbles(df, value="idps", place="site", created="2026-01-01", **kw)


def bubble_data(html: str) -> dict:
    """The JSON the BubbleLayer writes into the page."""
    (found,) = re.findall(r"var d = (\{.*?\}), g = ", html)
    return json.loads(found)


def test_returns_a_map_with_its_table():
    m = build()
    assert isinstance(m, folium.Map)
    assert [p.label for p in m.point_table.points][:3] == ["Atmeh", "Idleb governorate", "Sarmada"]
    assert m.area_layer is None


def test_one_circle_a_point_area_proportional_largest_first():
    data = bubble_data(render_html(build()))
    points = data["p"]
    assert len(points) == 7  # 10 rows: al-Atmeh summed into Atmeh, Dana has no value, Nowhere-xyz unknown
    rs = [p[2] for p in points]
    assert rs == sorted(rs, reverse=True)  # larger circles first, so smaller ones are drawn over them
    assert rs[0] == MAX_RADIUS
    values = [p.value for p in build().point_table.points]
    for r, v in zip(rs, values):
        if v:
            assert (r / MAX_RADIUS) ** 2 == pytest.approx(v / values[0], abs=0.01)  # area ∝ value
    kinds = [p[3] for p in points]
    assert kinds[1] == 2 and kinds[-1] == 1 and rs[-1] == ZERO_RADIUS  # an area dashed, zero hollow
    styles = data["k"]
    assert styles[1]["fillOpacity"] == 0 and styles[2]["dashArray"] and 0 < styles[0]["fillOpacity"] < 1


def test_tooltips_name_the_place_its_match_and_the_value_with_units():
    points = bubble_data(render_html(build(units="individuals")))["p"]
    atmeh = points[0][4]
    assert atmeh.startswith("Atmeh: 45,000 individuals\n2 rows summed:")
    assert "matched: Atma (community, C4130)" in atmeh
    assert "an area, drawn at a point inside it" in points[1][4]


def test_the_largest_places_are_labelled():
    m = build()
    assert label_list(m.point_table) == [[i, p.label] for i, p in enumerate(m.point_table.points[:6])]
    assert bubble_data(render_html(build(labels=2)))["l"] == [[0, "Atmeh"], [1, "Idleb governorate"]]
    assert bubble_data(render_html(build(labels=0)))["l"] == []
    assert LABELS == 10


def test_legend_nested_round_circles_and_what_is_not_drawn():
    html = render_html(build())
    legend = html[html.index('class="geo-box geo-legend"') :]
    legend = legend[: legend.index("</div>\n")]
    assert legend.count("<circle") == 2 and ">20,000</text>" in legend and ">5,000</text>" in legend
    assert "0 (none reported)" in html
    assert "1 row (40 people) not placed." in html and "1 row with no figure, not drawn." in html
    assert "Circle area proportional to the figure." in html
    assert "Dashed: a figure for a whole area" in html


def test_reference_values_are_round_and_on_the_map_scale():
    assert references(45000) == [20000, 5000]
    key = legend_key(prepare(SITES, value="idps", place="site"))
    assert [c["r"] for c in key] == [radius(20000, 45000), radius(5000, 45000)]
    assert all(re.fullmatch(r"[125]0*", str(v)) for v in references(7_654_321))
    assert radius(45000, 45000) == MAX_RADIUS and radius(0, 45000) == ZERO_RADIUS


def test_offline_and_deterministic(tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    save_html(build(title="IDPs"), a)
    save_html(build(title="IDPs"), b)
    assert a.read_bytes() == b.read_bytes()
    html = a.read_text(encoding="utf-8")
    assert external_refs(html) == [] and "<script src=" not in html
    assert len(html.encode()) < 500_000


def test_hostile_strings_are_data_not_markup():
    df = SITES.copy()
    df["label"] = [HOSTILE, "{{ 7*7 }}", "</script><script>alert(1)</script>"] + ["x"] * 7
    m = build(df, label="label", title=HOSTILE, subtitle="{% raw %}", units=HOSTILE, source=HOSTILE)
    html = render_html(m)
    assert HOSTILE not in html and "<script>alert(1)" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # title, footer, legend: escaped
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html  # tooltips and labels: JSON, set as textContent
    assert "{{ 7*7 }}" in html and "{% raw %}" in html  # never evaluated as a template


def test_warns_about_rows_not_drawn():
    with pytest.warns(UserWarning, match=r"8 of 10 rows placed at 7 points; total 128,540 = 128,500 drawn \+ 40"):
        bubbles(SITES, value="idps", place="site", created="2026-01-01")


def test_nothing_placed_is_a_clear_error():
    with pytest.raises(InputError, match="no row could be placed"):
        build(pd.DataFrame({"site": ["Nowhere-xyz"], "idps": [5]}))


def test_areas_summed_from_the_circles_own_figures():
    m = build(areas_value="idps")
    joined = m.area_layer.joined.set_index("key")
    assert joined.loc["SY07", "value"] == 45000 + 10000 + 22500 + 30000 + 0
    assert joined.loc["SY02", "value"] == 21000
    html = render_html(m)
    assert "addOverlay" in html and "L.control.layers" in html
    assert "idps by governorate (people)" in html


def test_areas_from_another_column_by_pcode_or_from_a_file(tmp_path):
    m = build(areas_value="hosted", areas_pcode="gov")
    assert m.area_layer.joined.set_index("key").loc["SY02", "value"] == 19
    path = tmp_path / "areas.csv"
    pd.DataFrame({"code": ["SY07", "SY02"], "pin": [100, 200]}).to_csv(path, index=False)
    m = build(areas=path, areas_value="pin", areas_pcode="code")
    assert m.area_layer.joined.set_index("key").loc["SY02", "value"] == 200
    with pytest.raises(InputError, match="give areas_value"):
        build(areas_pcode="gov")


def test_a_prepared_table_draws_the_same_map():
    pt = prepare(SITES, value="idps", place="site")
    assert bubble_data(render_html(bubble_map(pt, created="2026-01-01")))["p"] == bubble_data(render_html(build()))["p"]


def test_legend_reuses_the_shared_legend_rows():
    legend = BubbleLegend("n (people)", [{"r": 10, "label": "1,000"}], [{"color": "#fff", "label": HOSTILE}])
    m = folium.Map(tiles=None)
    legend.add_to(m)
    html = m.get_root().render()
    assert "<circle" in html and "&lt;img" in html and HOSTILE not in html


def test_geo_bubbles_is_the_public_builder():
    import geo

    assert geo.bubbles is bubbles and "bubbles" in geo.__all__


# --- the static twin -------------------------------------------------------------------------------------------


def test_static_twin_draws_the_same_circles():
    from geo.render.bubbles_static import PT_PER_PX, bubble_figure

    pt = prepare(SITES, value="idps", place="site")
    fig = bubble_figure(pt, title="IDPs", created="2026-01-01")
    ax = fig.axes[0]
    (dots,) = [c for c in ax.collections if c.get_gid() == "geo-bubbles"]
    sizes = dots.get_sizes()
    assert len(sizes) == len(pt.points)
    assert math.sqrt(sizes[0]) / 2 == pytest.approx(MAX_RADIUS * PT_PER_PX)
    assert list(sizes) == sorted(sizes, reverse=True)
    faces = dots.get_facecolors()
    assert faces[-1][3] == 0  # zero: hollow
    texts = [t.get_text() for a in [ax, *ax.child_axes] for t in a.texts]  # the legend box is an inset
    assert "Atmeh" in texts and "20,000" in texts and "0 (none reported)" in texts
    assert any("Circle area proportional" in t for t in texts)


def test_static_names_do_not_overlap_each_other_or_the_basemap():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from geo.render.bubbles_static import bubble_figure

    pt = prepare(SITES, value="idps", place="site")
    fig = bubble_figure(pt, created="2026-01-01")
    renderer = FigureCanvasAgg(fig).get_renderer()
    ax = fig.axes[0]
    texts = [t for t in ax.texts if t.get_text().strip()]
    boxes = [t.get_window_extent(renderer) for t in texts]
    named = [t.get_text() in set(SITES["site"]) for t in texts]
    assert sum(named) >= 5
    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            if named[i] or named[j]:
                assert not a.overlaps(boxes[j]), (texts[i].get_text(), texts[j].get_text())


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_static_files_are_reproducible(tmp_path, suffix):
    from geo.render.bubbles_static import save_static

    m = build(title="IDPs $5 a day", areas_value="idps")
    a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    save_static(m, a)
    save_static(m, b)
    assert a.read_bytes() == b.read_bytes() and a.stat().st_size > 1000


def test_static_png_is_print_resolution(tmp_path):
    from PIL import Image

    from geo.render.bubbles_static import save_static

    path = tmp_path / "m.png"
    save_static(build(), path)
    with Image.open(path) as im:
        assert round(im.info["dpi"][0]) == 200


def test_static_needs_a_bubble_map():
    from geo.render.bubbles_static import save_static

    with pytest.raises(InputError, match="not made by geo.bubbles"):
        save_static(folium.Map(), "x.png")


def test_all_zero_draws_hollow_circles_and_no_reference_circles():
    m = build(pd.DataFrame({"site": ["Atmeh", "Kafr Lusin"], "idps": [0, 0]}))
    html = render_html(m)
    assert [p[2] for p in bubble_data(html)["p"]] == [ZERO_RADIUS, ZERO_RADIUS]
    assert '<svg class="geo-bubble-key"' not in html and "0 (none reported)" in html
