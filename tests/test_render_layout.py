from __future__ import annotations

import folium

from geo.render.layout import DEFAULT_DISCLAIMER, Footer, Legend, ScaleBar, TitleBlock

EVIL = "<img src=x onerror=alert(1)>"


def _render(*elements) -> str:
    m = folium.Map(tiles=None)
    for e in elements:
        e.add_to(m)
    return m.get_root().render()


def test_every_string_is_escaped():
    html = _render(
        TitleBlock(EVIL, subtitle=EVIL),
        Legend(EVIL, [{"color": '"><script>x</script>', "label": EVIL}], note=EVIL),
        Footer(source=EVIL, as_of=EVIL, created="2026-01-01", disclaimer=EVIL),
    )
    assert "<img" not in html and "<script>x" not in html
    assert html.count("&lt;img src=x onerror=alert(1)&gt;") == 9  # the title twice: as text and on hover


def test_footer_defaults_and_options():
    html = _render(Footer(source="OCHA", as_of="2026-01-15", created="2026-01-20"))
    assert "Source: OCHA; data as of 2026-01-15." in html
    assert "Map created 2026-01-20" in html and DEFAULT_DISCLAIMER in html
    assert DEFAULT_DISCLAIMER not in _render(Footer(created="2026-01-20", disclaimer=None))


def test_legend_rows_and_scale_bar():
    rows = [
        {"color": "#fee", "label": "0 – 10"},
        {"color": "#ccc", "label": "No data", "shape": "nodata"},
        {"color": "#36c", "label": "10,000", "shape": "line", "width": 6},
        {"color": "#c33", "label": "camp", "shape": "circle", "size": 8},
    ]
    html = _render(Legend("IDPs (people)", rows), ScaleBar())
    assert 'class="nodata"' in html and 'class="line"' in html and 'class="circle"' in html
    assert "L.control.scale(" in html and "imperial: false" in html
    assert html.count(".geo-legend i.nodata{") == 1  # shared CSS once


def test_legend_and_footer_fold_on_small_screens():
    html = _render(Legend("IDPs", [{"color": "#fee", "label": "0 – 10"}]), Footer(created="2026-01-20"))
    assert '<details id="legend_' in html and '<details id="footer_' in html
    assert "(max-width: 600px), (max-height: 500px)" in html  # then closed, and the legend moves bottom right
    assert '"bottomright"' in html
