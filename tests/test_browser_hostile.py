"""Hostile strings from the data never run in a browser (hardening).

Area names from a user's boundary file, place names, titles, sources, units,
column names and period labels (shown beside the time slider, stepped through
with the keyboard and the play button) are filled with markup, event handlers,
template markers, direction marks and control characters. Each map is opened
in headless Chromium with the network blocked; every interactive shape is
hovered and clicked (tooltips and popups render their text), and then no
dialog may have fired, no injected code may have run (``window.__pwned``),
and no element may carry an inline event handler.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<img src=x onerror=window.__pwned=1;alert(1)>",
    "<script>window.__pwned=1</script>",
    '"onmouseover="window.__pwned=1',
    "'><svg onload=window.__pwned=1>",
    "</textarea><script>window.__pwned=1</script>",
    "</script><script>window.__pwned=1</script>",
    "{{ 7*7 }}{% raw %}",
    "javascript:window.__pwned=1",
    "\u202eIdlib\u200f",
    "Idlib\x00\x07\x1b",
    "x" * 100_000,
]


def hostile_areas(names, codes=("SY07", "SY02")):
    """Two real governorate polygons renamed with hostile strings, as a user's boundary file might be."""
    from geo import boundaries

    sy = boundaries.admin1("SY").set_index("pcode").loc[["SY07", "SY02"]].reset_index()
    return sy.assign(ADM1_EN=names[:2], ADM1_PCODE=list(codes))[["ADM1_EN", "ADM1_PCODE", "geometry"]]


def open_and_poke(browser, path: Path) -> dict:
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    page.goto(path.as_uri())
    page.wait_for_selector(".leaflet-container")
    page.wait_for_timeout(200)
    slider = page.locator(".geo-timeline input")
    if slider.count():  # every period's name is written beside the slider in turn, and its layer drawn
        slider.focus()
        for key in ("Home", "ArrowRight", "ArrowRight", "End"):
            page.keyboard.press(key)
            page.wait_for_timeout(50)
        page.locator(".geo-timeline button").click()
        page.wait_for_timeout(100)
    shapes = page.locator("path.leaflet-interactive")
    for i in range(min(shapes.count(), 30)):
        try:
            shapes.nth(i).hover(timeout=500, force=True)
            shapes.nth(i).click(timeout=500, force=True)
        except Exception:  # a shape under another one cannot be reached; the others still are
            pass
    result = page.evaluate(
        """() => ({
            pwned: window.__pwned === 1,
            handlers: Array.from(document.querySelectorAll('*')).filter(
                e => Array.from(e.attributes).some(a => a.name.toLowerCase().startsWith('on'))).length,
            injected: document.querySelectorAll('img[src="x"], svg[onload], textarea').length,
            text: document.body.innerText,
        })"""
    )
    result["dialogs"] = dialogs
    result["errors"] = errors
    page.close()
    return result


def assert_safe(result):
    assert result["dialogs"] == []
    assert not result["pwned"]
    assert result["handlers"] == 0
    assert result["injected"] == 0
    assert result["errors"] == []


def choropleth_file(tmp_path, names, title, source):
    from geo.render.base import save_html
    from geo.render.choropleth import choropleth

    data = pd.DataFrame({"code": ["SY07", "SY02", "SY99"], names[2][:50] or "v": [520000, 90000, 7],
                         "when": [names[5], names[6], names[5]]})  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = choropleth(data, value=data.columns[1], pcode="code", boundaries=hostile_areas(names),
                       boundary_key="ADM1_PCODE", title=title, subtitle=names[3], source=source, units=names[4],
                       created="2026-11-25", period="when")  # fmt: skip
    path = tmp_path / "choropleth.html"
    save_html(m, path)
    return path


def flows_file(tmp_path, names, title, source):
    from geo.admin import add_to_gazetteer, load_boundaries
    from geo.movements import prepare
    from geo.render.base import save_html
    from geo.render.flows import flow_map

    areas = tmp_path / "areas.geojson"
    # codes of their own, so the gazetteer adds them rather than keeping the shipped governorates
    hostile_areas(names, codes=("XZ01", "XZ02")).to_file(areas, driver="GeoJSON")
    gaz = add_to_gazetteer(load_boundaries(areas))
    moves = pd.DataFrame({"from": [names[0], "Saraqib"], "to": ["Atmeh", names[1]], "n": [100, 50],
                          "when": [names[5], names[6]]})  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = prepare(moves, "from", "to", "n", period="when", units=names[4], gazetteer=gaz)
        m = flow_map(table, title=title, subtitle=names[3], source=source, created="2026-11-25")
    path = tmp_path / "flows.html"
    save_html(m, path)
    return path


def bubbles_file(tmp_path, names, title, source):
    from geo.admin import add_to_gazetteer, load_boundaries
    from geo.render.base import save_html
    from geo.render.bubbles import bubbles

    areas = tmp_path / "bubble-areas.geojson"
    hostile_areas(names, codes=("XZ01", "XZ02")).to_file(areas, driver="GeoJSON")
    gaz = add_to_gazetteer(load_boundaries(areas))
    # areas named as places (their inside points), a town, coordinates with a hostile label, a zero and a blank,
    # in two periods with hostile names (and a row with none), over areas from a table of their own
    sites = pd.DataFrame({"site": [names[0], names[1], "Atmeh", "36.1,37.2", "Sarmada", "Dana", "Atmeh"],
                          "label": [names[2], names[5], names[6], names[7], names[3], names[4], names[0]],
                          "n": [500, 300, 200, 100, 0, None, 50],
                          "when": [names[5], names[6], names[5], names[6], names[5], names[6], ""]})  # fmt: skip
    areas_table = pd.DataFrame({"code": ["SY07", "SY02"], "n": [5, 7]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = bubbles(sites, value="n", place="site", label="label", gazetteer=gaz, units=names[4], title=title,
                    subtitle=names[3], source=source, created="2026-11-25", period="when", areas=areas_table,
                    areas_value="n", areas_pcode="code")  # fmt: skip
    path = tmp_path / "bubbles.html"
    save_html(m, path)
    return path


def test_curated_payloads_never_run(browser, tmp_path):
    names = [p for p in PAYLOADS if p.strip("\x00\x07\x1b")]
    names = (names * 2)[:8]
    for build in (choropleth_file, flows_file, bubbles_file):
        result = open_and_poke(browser, build(tmp_path, names, PAYLOADS[6], PAYLOADS[1]))
        assert_safe(result)
        # the template marker is shown as written, never evaluated
        assert "{{ 7*7 }}" in result["text"]
        # the last period's name is shown as text beside the slider
        assert names[6] in result["text"] or names[5] in result["text"]


TOKENS = list("<>\"'&/ ={}%;:()`\\") + ["script", "img", "onerror", "x", "\u202e", "\x00", "é", "{{", "{%", "}}"]
hostile_text = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=30).map("".join)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(hostile_text, min_size=8, max_size=8, unique=True))
def test_generated_strings_never_run(browser, tmp_path_factory, names):
    tmp = tmp_path_factory.mktemp("hostile")
    names = [f"{n} {i}" for i, n in enumerate(names)]  # distinct after folding, so each area keeps its own name
    for build in (choropleth_file, bubbles_file):
        try:
            path = build(tmp, names, names[6], names[7])
        except ValueError:  # a clear error is an allowed answer; a traceback of another kind is not
            continue
        assert_safe(open_and_poke(browser, path))
