"""Template markers in the data are text, never Jinja (found by the hostile-strings browser test)."""

from __future__ import annotations

import warnings

import pandas as pd

from geo.render.base import render_html

MARKERS = "{{ 7*7 }} {% raw %} {# x"


def test_choropleth_title_source_and_units_keep_template_markers_as_text():
    from geo.render.choropleth import choropleth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = choropleth(pd.DataFrame({"gov": ["Idlib"], "v": [5]}), "v", place="gov", title=MARKERS,
                       subtitle=MARKERS, source=MARKERS, units=MARKERS, created="2026-01-01")  # fmt: skip
    html = render_html(m)
    assert html.count("{{ 7*7 }} {% raw %} {# x") >= 3


def test_flow_period_names_keep_template_markers_as_text():
    from geo.movements import prepare
    from geo.render.flows import flow_map

    moves = pd.DataFrame({"from": ["Saraqib", "Ariha"], "to": ["Atmeh", "Dana"], "n": [10, 5], "p": [MARKERS, "b"]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        html = render_html(flow_map(prepare(moves, "from", "to", "n", period="p"), created="2026-01-01"))
    assert "{{ 7*7 }}" in html and ">49<" not in html
