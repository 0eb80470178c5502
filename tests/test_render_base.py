from __future__ import annotations

import html as _html

import pytest

from geo.render.base import new_map, render_html, save_html, to_embed
from geo.render.layout import DEFAULT_DISCLAIMER

SYRIA = (35.6, 32.3, 42.4, 37.4)


@pytest.fixture(scope="module")
def page() -> str:
    m = new_map(SYRIA, title="T <b>", subtitle="S", source="OCHA", as_of="2026-01-15", created="2026-01-20")
    return render_html(m)


def test_new_map_has_the_furniture(page):
    for text in ("T &lt;b&gt;", "Source: OCHA; data as of 2026-01-15.", "Map created 2026-01-20", DEFAULT_DISCLAIMER):
        assert text in page
    assert "L.control.scale(" in page and "fitBounds(" in page and "setMaxBounds(" in page
    assert "Aleppo" in page and "TURKEY" not in page  # city labels; country names are styled, not upper-cased text
    assert '"Turkey"' in page


def test_same_map_same_bytes_even_after_a_jupyter_display(tmp_path):
    def make():
        return new_map(SYRIA, title="x", created="2026-01-20", tiles="OpenStreetMap.HOT")

    m = make()
    m._repr_html_()  # folium's own render leaves random ids behind
    save_html(m, tmp_path / "a.html")
    save_html(make(), tmp_path / "b.html")
    save_html(m, tmp_path / "c.html")
    a = (tmp_path / "a.html").read_bytes()
    assert a == (tmp_path / "b.html").read_bytes() == (tmp_path / "c.html").read_bytes()
    assert b"openstreetmap.fr/hot" in a  # tiles stay optional and online


def test_embed_fragment_is_an_iframe_with_the_whole_page(page):
    m = new_map(SYRIA, title="x", created="2026-01-20")
    fragment = to_embed(m)
    assert fragment.startswith('<div class="geo-map"') and "<iframe srcdoc=" in fragment
    assert "<script" not in fragment  # the page is escaped inside the attribute
    start = fragment.index('srcdoc="') + len('srcdoc="')
    assert _html.unescape(fragment[start : fragment.index('"', start)]) == render_html(m)


def test_tiles_by_name_and_keys(monkeypatch):
    import folium

    from geo.errors import InputError
    from geo.render.basemap import add_tiles

    monkeypatch.delenv("GEO_TILES_KEY", raising=False)
    with pytest.raises(InputError, match="unknown tiles"):
        add_tiles(folium.Map(tiles=None), "No.Such.Tiles")
    with pytest.raises(InputError, match="GEO_TILES_KEY"):
        add_tiles(folium.Map(tiles=None), "CartoDB.Positron")
    monkeypatch.setenv("GEO_TILES_KEY", "k123")
    m = add_tiles(folium.Map(tiles=None), "CartoDB.Positron")
    assert "key=k123" in m.get_root().render()


def test_the_basemap_reaches_every_view_the_reader_can_reach():
    import json
    import re

    import numpy as np

    from geo.render.basemap import BASE_COARSER, _near_and_far, cover_box, layers
    from geo.render.vector import tolerance_for

    reach = cover_box(SYRIA)
    west, south, east, north = reach
    assert west < SYRIA[0] - 10 and east > SYRIA[2] + 10 and south < SYRIA[1] - 5 and north > SYRIA[3] + 5
    parts = layers(SYRIA, ["SY"], reach=reach)
    land = _near_and_far(parts, "land", tolerance_for(SYRIA) * BASE_COARSER)
    assert np.allclose(land.total_bounds, reach, atol=1e-6)  # land to the very edge of the box
    assert land.index.is_unique  # a country's near and far land are one shape: no seam between them
    page = render_html(new_map(SYRIA, title="x", created="2026-01-20"))
    view = json.loads(re.search(r'var m = map_\w+, v = (\{"b".*?\});', page).group(1))
    assert view["c"] == [round(v, 5) for v in reach] and view["z"] == 4  # zoom and pan stop at the box
