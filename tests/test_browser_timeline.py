"""The time slider in headless Chromium with the network cut off, driven as a reader would.

A three-month flow map shows exactly each month's flows in turn, whether the slider is dragged,
stepped with the keyboard or played; a choropleth by month keeps every area drawn at every
position while the colours change to the month's.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from mapbrowser import OUTPUT, Reader

pytestmark = pytest.mark.browser

MONTHS = ("2024-01", "2024-02", "2024-03")
MOVES = pd.DataFrame(
    {
        "from": ["Maaret al-Numan", "Saraqib", "Khan Shaykhun", "Ariha", "Jisr al-Shughur", "Kafr Nabl", "Saraqib",
                 "Atmeh", "Maaret al-Numan"],
        "to": ["the Turkish border", "Atmeh", "Idlib city", "Sarmada", "the Turkish border", "Dana", "Dana",
               "Saraqib", "Dana"],
        "n": [12000, 4500, 7000, 800, 2200, 5000, 3000, 700, 900],
        "month": ["2024-01", "2024-01", "2024-01", "2024-02", "2024-02", "2024-03", "2024-03", "2024-02", "2024-03"],
    }
)  # fmt: skip


@pytest.fixture(scope="module")
def flow_map(tmp_path_factory):
    from geo.render.base import save_html
    from geo.render.flows import flows

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = flows(MOVES, origin="from", destination="to", value="n", period="month", created="2026-01-01",
                  title="Movements in Idlib by month")  # fmt: skip
    path = tmp_path_factory.mktemp("maps") / "flows-months.html"
    save_html(m, path)
    expected = {layer.period: sorted(f.describe() for f in layer.flows) for layer in m.flow_table.shown}
    assert [len(v) for v in expected.values()] == [3, 3, 3]
    return path, expected


def drag_to(reader: Reader, index: int, count: int, steps: int = 8) -> None:
    """Drag the slider's thumb (from where it is) to position ``index`` of ``count``, with the mouse."""
    box = reader.page.locator(".geo-timeline input").bounding_box()
    thumb = 8  # half of Chromium's range thumb
    now = int(reader.page.locator(".geo-timeline input").input_value())

    def x(i):
        return box["x"] + thumb + i / (count - 1) * (box["width"] - 2 * thumb)

    y = box["y"] + box["height"] / 2
    reader.page.mouse.move(x(now), y)
    reader.page.mouse.down()
    reader.page.mouse.move(x(index), y, steps=steps)
    reader.page.mouse.up()
    reader.settle()


def shown(reader: Reader) -> str:
    return reader.page.locator(".geo-timeline output").inner_text()


def test_dragging_shows_exactly_each_months_flows_in_turn(browser, flow_map):
    path, expected = flow_map
    reader = Reader(browser, path)
    assert shown(reader) == "2024-03"  # the latest month opens
    assert reader.arrow_tips() == expected["2024-03"]
    for i in (0, 1, 2, 1, 0):
        drag_to(reader, i, 3)
        month = MONTHS[i]
        assert shown(reader) == month
        assert reader.arrow_tips() == expected[month]  # that month's flows, and no other month's
        assert reader.page.locator("path.geo-flow").count() == len(expected[month])
        if i == 1:
            OUTPUT.mkdir(exist_ok=True)
            reader.page.screenshot(path=str(OUTPUT / "timeline-flows-feb.png"))
    assert reader.errors == [] and reader.blocked == []
    reader.close()


def test_keyboard_steps_and_play_button(browser, flow_map):
    path, expected = flow_map
    reader = Reader(browser, path)
    slider = reader.page.locator(".geo-timeline input")
    slider.focus()
    reader.page.keyboard.press("Home")
    reader.settle()
    assert shown(reader) == "2024-01" and reader.arrow_tips() == expected["2024-01"]
    reader.page.keyboard.press("ArrowRight")
    reader.settle()
    assert shown(reader) == "2024-02" and reader.arrow_tips() == expected["2024-02"]
    assert slider.get_attribute("aria-valuetext") == "2024-02"
    reader.page.keyboard.press("End")
    reader.settle()
    assert shown(reader) == "2024-03"
    # play from the end starts again at the first month and stops at the last
    reader.js("window.seen = []; m.on('geoperiod', e => window.seen.push(e.period)); return 0;")
    reader.page.locator(".geo-timeline button").click()
    assert reader.page.locator(".geo-timeline button").get_attribute("aria-label") == "Pause"
    reader.page.wait_for_function("window.seen.length >= 3", timeout=10_000)
    reader.page.wait_for_timeout(1700)
    assert reader.js("return window.seen;") == list(MONTHS)
    assert reader.page.locator(".geo-timeline button").get_attribute("aria-label") == "Play"
    assert reader.arrow_tips() == expected["2024-03"]
    assert reader.errors == []
    reader.close()


def test_hover_and_zoom_keep_to_the_month_shown(browser, flow_map):
    path, expected = flow_map
    reader = Reader(browser, path)
    drag_to(reader, 1, 3)
    widths = reader.stroke_widths()
    assert reader.click_zoom("out")
    assert reader.arrow_tips() == expected["2024-02"]
    smaller = reader.stroke_widths()
    assert max(smaller) < max(widths)  # zoomed out, lines (and their heads) shrink with the map
    assert reader.click_zoom("in")
    assert reader.arrow_tips() == expected["2024-02"]
    assert reader.stroke_widths() == widths
    # hover the middle of the largest arrow (drawn last)
    x, y = reader.js(
        """const paths = document.querySelectorAll("path.geo-flow"), p = paths[paths.length - 1];
        const pt = p.getPointAtLength(p.getTotalLength() / 2).matrixTransform(p.getScreenCTM());
        return [pt.x, pt.y];"""
    )
    reader.page.mouse.move(x, y)
    reader.page.wait_for_timeout(200)
    tip = reader.page.locator(".leaflet-tooltip").first.inner_text()
    assert tip == max(expected["2024-02"], key=lambda t: int(t.split(": ")[1].split()[0].replace(",", "")))
    assert tip.endswith("(2024-02)")
    assert reader.errors == []
    reader.close()


def test_a_month_without_rows_shows_as_empty_not_as_the_month_before(browser, tmp_path):
    from geo.render.base import save_html
    from geo.render.flows import flows

    df = MOVES[MOVES["month"] != "2024-02"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = flows(df, origin="from", destination="to", value="n", period="month", created="2026-01-01")
    assert m.flow_table.missing == ("2024-02",)
    save_html(m, tmp_path / "gap.html")
    reader = Reader(browser, tmp_path / "gap.html")
    drag_to(reader, 1, 3)
    assert shown(reader) == "2024-02"
    assert reader.arrow_tips() == [] and reader.page.locator("path.geo-flow-node").count() == 0
    assert reader.page.locator(".geo-timeline .note").inner_text() == "No rows for 2024-02."
    drag_to(reader, 0, 3)
    assert len(reader.arrow_tips()) == 3
    reader.close()


# --- the choropleth by month ---------------------------------------------------------------------------------------

AREAS = pd.DataFrame(
    {
        "pcode": ["SY07", "SY02", "SY04", "SY05", "SY07", "SY02", "SY04", "SY07", "SY02", "SY05", "SY08"],
        "idps": [50_000, 20_000, 5_000, 1_000, 250_000, 30_000, 2_000, 520_000, 90_000, 60_000, 7_000],
        "month": ["Jan 2024"] * 4 + ["Feb 2024"] * 3 + ["Mar 2024"] * 4,
    }
)


@pytest.fixture(scope="module")
def area_map(tmp_path_factory):
    from geo.render.base import save_html
    from geo.render.choropleth import choropleth

    m = choropleth(AREAS, "idps", pcode="pcode", period="month", title="IDPs by governorate", created="2026-01-01",
                   colors="Blues")  # fmt: skip
    path = tmp_path_factory.mktemp("maps") / "areas-months.html"
    save_html(m, path)
    plan = m._geo_static
    colors = {
        p: {int(i): (plan["colors"][c] if c >= 0 else "#cfcfcf") for i, c in enumerate(plan["classes"][p])}
        for p in m.periods
    }
    return path, m, colors


def area_fills(reader: Reader) -> dict[int, str]:
    """The colour each area is drawn in now, read from the page (by the area's index)."""
    return reader.js(
        """const out = {};
        m.eachLayer(l => { if (l.feature && l.feature.properties.i !== undefined) {
            out[l.feature.properties.i] = l.getElement().getAttribute("fill"); } });
        return out;"""
    )


def test_every_area_stays_drawn_while_the_colours_change(browser, area_map):
    path, m, colors = area_map
    reader = Reader(browser, path)
    n = len(m.joined)
    seen = []
    for i in (2, 0, 1, 2):
        drag_to(reader, i, 3)
        month = m.periods[i]
        assert shown(reader) == month
        assert reader.page.locator("path.geo-area").count() == n  # every area, at every position
        fills = {int(k): v for k, v in area_fills(reader).items()}
        assert fills == colors[month]
        with_data = sum(1 for c in m._geo_static["classes"][month] if c >= 0)
        assert reader.page.locator("path.geo-area.geo-data").count() == with_data
        assert reader.page.locator("path.geo-area.geo-nodata").count() == n - with_data
        seen.append(tuple(sorted(fills.items())))
    assert len(set(seen[:3])) == 3  # the months differ on the map
    reader.close()


def test_area_tooltip_follows_the_month(browser, area_map):
    path, m, _ = area_map
    reader = Reader(browser, path)
    drag_to(reader, 1, 3)  # Feb 2024: Idleb 250,000
    idleb = int(m.joined.index[m.joined["key"] == "SY07"][0])
    x, y = reader.js(
        f"""let el; m.eachLayer(l => {{ if (l.feature && l.feature.properties.i === {idleb}) el = l.getElement(); }});
        const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];"""
    )
    reader.page.mouse.move(x, y)
    reader.page.wait_for_timeout(200)
    tip = reader.page.locator(".leaflet-tooltip").first.inner_text()
    assert "250,000 people" in tip and "Rank 1 of 3" in tip
    drag_to(reader, 2, 3)
    reader.page.mouse.move(x + 1, y + 1)
    reader.page.wait_for_timeout(200)
    assert "520,000 people" in reader.page.locator(".leaflet-tooltip").first.inner_text()
    assert reader.errors == [] and reader.blocked == []
    reader.close()
