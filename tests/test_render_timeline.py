from __future__ import annotations

import folium
import pytest

from geo.errors import InputError
from geo.render.timeline import Timeline, start_index

EVIL = "<img src=x onerror=alert(1)>"


def _page(*groups, **kw) -> str:
    m = folium.Map(tiles=None)
    layers = [g.add_to(m) if g is not None else None for g in groups]
    Timeline(**kw, layers=layers).add_to(m)
    return m.get_root().render()


def test_slider_with_play_button_period_name_and_keyboard_label():
    page = _page(folium.FeatureGroup(show=False), folium.FeatureGroup(show=False), periods=["2024-01", "2024-02"])
    assert '<input type="range" min="0" max="1" step="1" value="1"' in page  # the latest period opens
    assert 'aria-valuetext="2024-02"' in page and 'aria-label="Play"' in page
    assert "<output>2024-02</output>" in page
    assert "geoperiod" in page and "addLayer" in page and "removeLayer" in page
    assert "https://" not in page.split("</style>")[-1]  # no script from anywhere but the page


def test_period_names_and_notes_are_text_never_markup():
    page = _page(folium.FeatureGroup(show=False), None, periods=[EVIL, "{{ 7*7 }}"], notes=[EVIL, ""], start=0)
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # in the HTML, escaped
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page  # in the script's JSON, set with textContent
    assert "{{ 7*7 }}" in page  # never evaluated as a template
    assert "null" in page  # the empty period has no layer


def test_one_layer_and_one_note_per_period():
    with pytest.raises(ValueError, match="one layer and one note per period"):
        Timeline(["a", "b"], [None])
    with pytest.raises(InputError, match="at least one period"):
        Timeline([])
    with pytest.raises(ValueError, match="start 5"):
        Timeline(["a"], start=5)


def test_start_index():
    assert start_index(("a", "b"), None) is None
    assert start_index(("a", "b"), "b") == 1
    with pytest.raises(InputError, match="no period 'c'; the periods are: a, b"):
        start_index(("a", "b"), "c")
