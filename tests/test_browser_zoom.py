"""Every zoom a reader can reach, in headless Chromium with the network cut off.

From the opening view the reader zooms out until the map stops, then in until it stops, then back:
at every level the basemap reaches past every edge of the window and lies under the data, no two
labels overlap, and the basemap's labels never push a name of the data off the map. On a phone and
with a long title and a long legend, the panels leave the data in view.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
import shapely
from mapbrowser import OUTPUT, Reader, overlapping, shared
from shapely.geometry import box, shape

pytestmark = pytest.mark.browser

# places of northwest Syria a few kilometres apart: their names collide at the opening view
PLACES = ["Maaret al-Numan", "Saraqib", "Ariha", "Jisr al-Shughur", "Khan Shaykhun", "Kafr Nabl", "Atmeh", "Sarmada",
          "Dana", "Idlib city", "Binnish", "Taftanaz", "Harim", "Salqin", "Armanaz", "Kafr Takharim", "Maarrat Misrin",
          "Al-Atareb", "Afrin", "Azaz"]  # fmt: skip


@pytest.fixture(scope="module")
def maps(tmp_path_factory):
    from geo.render.base import save_html
    from geo.render.choropleth import choropleth
    from geo.render.flows import flows

    folder = tmp_path_factory.mktemp("maps")
    rows = [(PLACES[i], PLACES[(i * 7 + 3) % len(PLACES)], 500 + 700 * i) for i in range(len(PLACES))]
    rows += [(p, "the Turkish border", 3000) for p in PLACES[:6]]
    moves = pd.DataFrame(rows, columns=["from", "to", "n"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fm = flows(moves, origin="from", destination="to", value="n", top=0, created="2026-01-01",
                   title="Movements between twenty places in northwest Syria")  # fmt: skip
    save_html(fm, folder / "flows.html")
    govs = pd.DataFrame({"p": [f"SY{i:02d}" for i in range(1, 15)], "v": [(i * 37_000) % 250_000 for i in range(14)]})
    cm = choropleth(govs, "v", pcode="p", title="IDPs by governorate", created="2026-01-01")
    save_html(cm, folder / "choropleth.html")
    return {"flows": (folder / "flows.html", fm), "choropleth": (folder / "choropleth.html", cm)}


def land(reader: Reader):
    """The basemap's land as the page holds it (Leaflet's own GeoJSON of the layer), as one shapely geometry."""
    fc = reader.js(
        """let out = null;
        m.eachLayer(l => { if (!out && l.toGeoJSON && l.options.pane === "geoBase" && l.getLayers
            && l.getLayers().length && l.getLayers()[0].options.fill !== false) out = l.toGeoJSON(); });
        return out;"""
    )
    return shapely.union_all([shape(f["geometry"]) for f in fc["features"]])


def view(reader: Reader):
    b = reader.js("const b = m.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];")
    return box(*b)


def data_points(reader: Reader, kind: str) -> list[tuple[float, float]]:
    """(lon, lat) of every circle of a flow map, or of every area label of a choropleth."""
    if kind == "flows":
        return reader.js(
            """const out = []; m.eachLayer(l => { if (l instanceof L.CircleMarker && l.options.className
                === "geo-flow-node") { const p = l.getLatLng(); out.push([p.lng, p.lat]); } }); return out;"""
        )
    return reader.js(
        """const out = []; m.eachLayer(l => { if (l instanceof L.Marker && l.getElement()
            && l.getElement().querySelector(".geo-label.area")) { const p = l.getLatLng(); out.push([p.lng, p.lat]); }
        }); return out;"""
    )


def check_view(reader: Reader, kind: str, ground, reach) -> list[dict]:
    """At the zoom shown: the basemap reaches past every edge and lies under the data; no labels overlap."""
    shown = view(reader)
    px = (shown.bounds[3] - shown.bounds[1]) / reader.page.viewport_size["height"]  # degrees a pixel, about
    assert reach.buffer(1.5 * px).contains(shown), f"zoom {reader.zoom()}: the window shows beyond the basemap"
    for lon, lat in data_points(reader, kind):
        assert ground.contains(shapely.Point(lon, lat)), f"no land under {lat}, {lon}"
    labels = reader.visible_labels()
    assert overlapping(labels) == [], f"zoom {reader.zoom()}: labels overlap"
    return labels


@pytest.mark.parametrize("kind", ["flows", "choropleth"])
def test_zoom_out_and_in_basemap_under_the_data_and_no_label_overlaps(browser, maps, kind):
    path, m = maps[kind]
    reader = Reader(browser, path)
    ground = land(reader)
    reach = box(*ground.bounds)
    ground = ground.buffer(0.02)  # a circle on the coast may sit a pixel off the simplified shore
    shapely.prepare(ground)
    opening = reader.zoom()
    first = check_view(reader, kind, ground, reach)
    data_kind = "place" if kind == "flows" else "area"
    assert sum(lab["kind"] == data_kind for lab in first) >= 8  # the data are named at the opening view
    zooms = [opening]
    while reader.click_zoom("out"):  # as far out as the map allows
        check_view(reader, kind, ground, reach)
        zooms.append(reader.zoom())
    OUTPUT.mkdir(exist_ok=True)
    reader.page.screenshot(path=str(OUTPUT / f"zoomed-out-{kind}.png"))
    assert min(zooms) < opening  # the reader can zoom out, and land is under every view
    # pan to each corner of what the basemap holds: still land at every edge
    for dx, dy in ((-5000, -5000), (5000, 5000), (-5000, 5000), (5000, -5000)):
        reader.js(f"m.panBy([{dx}, {dy}], {{animate: false}}); return 0;")
        reader.settle()
        check_view(reader, kind, ground, reach)
    while reader.click_zoom("in"):  # and in, as far as it goes
        check_view(reader, kind, ground, reach)
        zooms.append(reader.zoom())
    assert max(zooms) >= opening + 3
    while reader.zoom() > opening and reader.click_zoom("out"):
        pass
    reader.page.screenshot(path=str(OUTPUT / f"zoomed-back-{kind}.png"))
    assert reader.errors == [] and reader.blocked == []
    reader.close()


@pytest.mark.parametrize("kind", ["flows", "choropleth"])
def test_the_basemaps_labels_never_push_a_data_label_off(browser, maps, kind):
    path, _ = maps[kind]
    reader = Reader(browser, path)
    data_kind = "place" if kind == "flows" else "area"
    for step in ("opening", "out"):
        if step == "out":
            reader.click_zoom("out")
        named = sorted(lab["text"] for lab in reader.visible_labels() if lab["kind"] == data_kind)
        # the same map with the basemap's own labels taken away names exactly the same places
        reader.js(
            """window.geoKept = Array.from(document.querySelectorAll(".geo-label.city, .geo-label.country"));
            window.geoKept.forEach(e => e.parentNode.removeChild(e)); m.geoDeclutter(); return 0;"""
        )
        reader.settle()
        alone = sorted(lab["text"] for lab in reader.visible_labels() if lab["kind"] == data_kind)
        assert named == alone
        reader.close()
        reader = Reader(browser, path)
    reader.close()


def panel_check(reader: Reader, data_selector: str, most: float) -> None:
    """Panels inside the window, not on each other, covering at most ``most`` of it, and off the data."""
    size = reader.page.viewport_size
    panels = reader.panels()
    for p in panels:
        assert p["x0"] >= 0 and p["y0"] >= 0 and p["x1"] <= size["width"] and p["y1"] <= size["height"], p
    assert overlapping(panels) == []
    covered = sum((p["x1"] - p["x0"]) * (p["y1"] - p["y0"]) for p in panels)
    assert covered <= most * size["width"] * size["height"]
    data = reader.js(
        f"""const rs = Array.from(document.querySelectorAll({data_selector!r})).map(e => e.getBoundingClientRect())
            .filter(r => r.width);
        return {{x0: Math.min(...rs.map(r => r.left)), y0: Math.min(...rs.map(r => r.top)),
                x1: Math.max(...rs.map(r => r.right)), y1: Math.max(...rs.map(r => r.bottom))}};"""
    )
    data_area = (data["x1"] - data["x0"]) * (data["y1"] - data["y0"])
    hidden = sum(shared(p, data) for p in panels)
    assert hidden <= 0.08 * data_area, f"panels cover {hidden / data_area:.0%} of the data"


def test_a_phone_keeps_the_map_usable(browser, tmp_path):
    from geo.render.base import save_html
    from geo.render.choropleth import choropleth

    df = pd.DataFrame(
        {"p": [f"SY{i:02d}" for i in range(1, 15)] * 2, "v": [(i * 37_000) % 250_000 for i in range(28)],
         "month": ["January 2024"] * 14 + ["February 2024"] * 14}
    )  # fmt: skip
    m = choropleth(df, "v", pcode="p", period="month", classes=7, created="2026-01-01", source="OCHA, UNHCR, IOM DTM",
                   title="Internally displaced people by governorate of displacement, northwest and northeast Syria, "
                   "January and February 2024")  # fmt: skip
    save_html(m, tmp_path / "phone.html")
    reader = Reader(browser, tmp_path / "phone.html", width=390, height=844)
    OUTPUT.mkdir(exist_ok=True)
    reader.page.screenshot(path=str(OUTPUT / "phone-choropleth.png"))
    panel_check(reader, "path.geo-area", most=0.3)
    legend = reader.page.locator("details.geo-legend")
    assert legend.evaluate("e => e.open") is False  # folded, a tap away
    assert reader.page.locator("details.geo-footer").evaluate("e => e.open") is False
    legend.locator("summary").click()
    assert legend.evaluate("e => e.open") and legend.locator(".row").first.is_visible()
    # the slider works under a thumb
    box_ = reader.page.locator(".geo-timeline input").bounding_box()
    reader.page.mouse.click(box_["x"] + 6, box_["y"] + box_["height"] / 2)
    reader.settle()
    assert reader.page.locator(".geo-timeline output").inner_text() == "January 2024"
    assert reader.errors == []
    reader.close()


def test_a_long_title_and_a_long_legend_leave_the_data_in_view(browser, tmp_path):
    from geo.render.base import save_html
    from geo.render.choropleth import choropleth

    df = pd.DataFrame({"p": [f"SY{i:02d}" for i in range(1, 15)], "v": [i * i * 1000 for i in range(14)]})
    title = "Internally displaced people hosted in each governorate " * 4
    m = choropleth(df, "v", pcode="p", title=title.strip(), breaks=[1000 * i * i for i in range(1, 13)],
                   colors="viridis", created="2026-01-01")  # fmt: skip
    save_html(m, tmp_path / "long.html")
    reader = Reader(browser, tmp_path / "long.html")
    reader.page.screenshot(path=str(OUTPUT / "long-title-legend.png"))
    h1 = reader.page.locator(".geo-title h1")
    assert h1.bounding_box()["height"] <= 4 * 22  # four lines at most; the rest on hover
    assert h1.get_attribute("title") == title.strip()
    legend = reader.page.locator(".geo-legend").bounding_box()
    assert legend["height"] <= 900 - 160
    panel_check(reader, "path.geo-area", most=0.35)
    reader.close()
