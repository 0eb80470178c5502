from __future__ import annotations

import folium

from geo.render.basemap import Labels
from geo.render.labels import rank


def test_the_datas_names_outrank_countries_and_towns():
    assert rank("data", 0) > rank("data", 30) > rank("country", 0) > rank("country", 9) > rank("city", 0)
    assert rank("city", 0) > rank("city", 13) > 0


def test_labels_carry_their_rank_and_text_is_never_markup():
    m = folium.Map(tiles=None)
    points = [(35.0, 36.0, "<b>Aleppo</b>", "area"), (36.0, 37.0, "Kilis", "city"), (37, 38, "Turkey", "country")]
    Labels(points).add_to(m)
    Labels([(35.5, 36.5, "Idlib", "area")]).add_to(m)
    page = m.get_root().render()
    assert '"\\u003cb\\u003eAleppo\\u003c/b\\u003e","area",300000]' in page
    assert '"Kilis","city",100000]' in page and '"Turkey","country",200000]' in page
    assert page.count("function geoDeclutter") == 1  # the support is written once, however many label layers
    assert "el.textContent" in page or "e.textContent = text" in page
