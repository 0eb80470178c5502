"""Proportional symbol maps: one circle per community, camp or site, its area proportional to the people there.

:func:`bubbles` reads a table of figures at places and returns a ``folium.Map``;
:func:`bubble_map` draws a :class:`geo.points.PointTable` already prepared. The
circles are SVG paths of class ``geo-bubble`` (crisp in print, each one
hoverable), written into the page as one compact JSON array and drawn by one
loop, largest first so that every smaller circle lies on top of the larger ones
around it. One tooltip serves every circle and is filled with ``textContent``;
the names of the largest places are placed in the browser, at every zoom, where
they overlap neither each other, the basemap's labels nor the map's boxes.

The circles' sizes, styles and legend are :mod:`geo.render.symbols` (shared
with the static twin): area proportional to the value, one scale for the whole
map, nested reference circles at round values, zero a small hollow circle; rows
with no value are listed in the legend note and ``m.point_table``, not drawn.

A table by period (``period=``) gets a time slider (:class:`geo.render.timeline.Timeline`): one layer of
circles per period, one shown at a time, every period on the one scale of the largest point of any
period; under the slider, the period's total and what of it is not drawn ("No rows for 2024-02.").

>>> import pandas as pd
>>> sites = pd.DataFrame({"site": ["Atmeh", "Kafr Lusin", "Sarmada"], "idps": [12000, 4500, 0]})
>>> m = bubbles(sites, value="idps", place="site", created="2026-01-01")
>>> [(p.label, p.value) for p in m.point_table.points]
[('Atmeh', 12000.0), ('Kafr Lusin', 4500.0), ('Sarmada', 0.0)]
>>> [round(r, 1) for r in radii(m.point_table)]
[24.0, 14.7, 3.0]
"""

from __future__ import annotations

import html as _html
import math
import warnings
from collections.abc import Sequence

import folium
from branca.element import Element
from jinja2 import Template

from geo.errors import InputError
from geo.points import PointTable, prepare
from geo.render.element import LayerControl, LiteralMacro
from geo.render.flows import AddOverlay, AreaLayer, _add_areas, area_layer, resolve_areas
from geo.render.layout import DEFAULT_DISCLAIMER, Legend
from geo.render.symbols import (
    HOVER,
    BubbleLegend,
    kind_of,
    legend_key,
    legend_note,
    legend_rows,
    legend_title,
    period_note,
    radii,
    styles,
)
from geo.render.vector import map_of, safe_json

LABELS = 10  # the largest places named, where the name fits
PAD = 0.06  # share of the extent added around the points
DIGITS = 5  # decimals of degrees written for a point (about a metre)

_HEADER = """<style>
.geo-bubble-tip{white-space:pre-wrap;max-width:360px}
.geo-bubble-label{position:absolute;white-space:nowrap;font:bold 11px Arial,Helvetica,sans-serif;color:#222;
text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff;pointer-events:none}
.geo-legend svg.geo-bubble-key{display:block;margin:3px 0 2px;overflow:visible}
</style>"""

# Labels: the largest places first, each right of its circle, else left, above or below, else left out; the
# boxes already taken are the basemap's labels and the map's controls (title, legend, footer, zoom).
_SCRIPT = """{% macro script(this, kwargs) %}
(function() {
    var d = {{ this.data_json }}, g = {{ this._parent.get_name() }}, m = {{ this.map_name() }};
    d.p.forEach(function(p) {
        var c = L.circleMarker([p[0], p[1]], Object.assign({radius: p[2]}, d.k[p[3]]));
        c.geoTip = p[4];
        c.addTo(g);
    });
    // One tooltip for every circle, and a ring in a pane of its own to show which circle it is about:
    // restyling a circle among thousands of overlapping ones repaints all of them.
    var tip = L.tooltip({className: "geo-bubble-tip", direction: "top"});
    if (!m.getPane("geoBubbleHover")) {
        m.createPane("geoBubbleHover").style.zIndex = 440;
        m.getPane("geoBubbleHover").style.pointerEvents = "none";
    }
    var ring = L.circleMarker([0, 0], {pane: "geoBubbleHover", interactive: false, fill: false, color: d.hc,
                                       weight: 2});
    function show(e) {
        var c = e.layer, el = document.createElement("span");
        el.textContent = c.geoTip;
        tip.options.offset = [0, -c.getRadius()];
        tip.setContent(el).setLatLng(c.getLatLng());
        m.openTooltip(tip);
        ring.setLatLng(c.getLatLng()).setRadius(c.getRadius()).addTo(m);
    }
    g.on("mouseover click", show);
    g.on("mouseout", function() { m.closeTooltip(tip); ring.remove(); });
    g.on("remove", function() { m.closeTooltip(tip); ring.remove(); });
    var labels = d.l.map(function(l) {
        var p = d.p[l[0]], el = document.createElement("span");
        el.className = "geo-bubble-label";
        el.textContent = l[1];
        var mk = L.marker([p[0], p[1]], {pane: "geoLabels", interactive: false, keyboard: false,
            icon: L.divIcon({className: "", html: el, iconSize: [0, 0], iconAnchor: [0, 0]})}).addTo(g);
        mk.geoOwn = true;
        return {el: el, ll: L.latLng(p[0], p[1]), r: p[2], w: 0, h: 0};
    });
    function hit(a, b) { return a[0] < b[2] + 1 && b[0] < a[2] + 1 && a[1] < b[3] + 1 && b[1] < a[3] + 1; }
    // What the names must keep clear of: the basemap's labels (where, anchor, size) and the map's boxes.
    // Measured once (and again after a resize): measuring after a zoom would make the browser lay out
    // every circle twice. Boxes are then worked out from the map's view, not read from the page, which
    // during a zoom animation still shows the old positions.
    var fixed = null;
    function measure() {
        var o = m.getContainer().getBoundingClientRect(), others = [], boxes = [];
        m.eachLayer(function(l) {
            if (!(l instanceof L.Marker) || l.geoOwn || l.options.pane !== "geoLabels" || !l._icon) return;
            var e = l._icon.firstChild;
            if (e && e.offsetWidth) {
                others.push({ll: l.getLatLng(), a: L.point(l.options.icon.options.iconAnchor || [0, 0]),
                             w: e.offsetWidth, h: e.offsetHeight});
            }
        });
        m.getContainer().querySelectorAll(".leaflet-control").forEach(function(e) {
            var r = e.getBoundingClientRect();
            if (r.width) boxes.push([r.left - o.left, r.top - o.top, r.right - o.left, r.bottom - o.top]);
        });
        labels.forEach(function(l) { l.el.style.display = ""; l.w = l.el.offsetWidth; l.h = l.el.offsetHeight; });
        fixed = {others: others, boxes: boxes};
    }
    function place() {
        if (!m.hasLayer(g) || !labels.length) return;
        if (!fixed) measure();
        var size = m.getSize(), boxes = fixed.boxes.slice();
        fixed.others.forEach(function(b) {
            var p = m.latLngToContainerPoint(b.ll).round().subtract(b.a);  // Leaflet places markers at whole pixels
            boxes.push([p.x, p.y, p.x + b.w, p.y + b.h]);
        });
        labels.forEach(function(l) {
            var c = m.latLngToContainerPoint(l.ll).round(), gap = l.r + 3, spot = null;
            var tries = [[c.x + gap, c.y - l.h / 2], [c.x - gap - l.w, c.y - l.h / 2],
                         [c.x - l.w / 2, c.y - gap - l.h], [c.x - l.w / 2, c.y + gap]];
            for (var i = 0; i < tries.length && !spot; i++) {
                var b = [tries[i][0], tries[i][1], tries[i][0] + l.w, tries[i][1] + l.h];
                var inside = b[0] >= 0 && b[1] >= 0 && b[2] <= size.x && b[3] <= size.y;
                if (inside && !boxes.some(function(t) { return hit(b, t); })) spot = b;
            }
            if (spot) {
                boxes.push(spot);
                l.el.style.cssText = "left:" + (spot[0] - c.x) + "px;top:" + (spot[1] - c.y) + "px";
            } else {
                l.el.style.display = "none";
            }
        });
    }
    m.on("moveend", place);
    m.on("resize", function() { fixed = null; place(); });
    g.on("add", function() { setTimeout(place, 0); });
    setTimeout(place, 0);  // once every box of the map (title, legend, footer) is in its corner
})();
{% endmacro %}"""


class BubbleLayer(LiteralMacro):
    """The circles and labels of a :class:`PointTable`, drawn into the ``FeatureGroup`` they are added to.

    ``data`` holds ``p``: ``[lat, lon, radius px, kind, tooltip text]`` per point, largest first; ``k``: the
    Leaflet path options of each kind (:data:`KINDS`); ``l``: ``[point index, name]`` of the places to label.
    """

    _template = Template(_SCRIPT)

    def __init__(self, table: PointTable, labels: int = LABELS):
        super().__init__()
        self._name = "BubbleLayer"
        rs = radii(table)
        points = [
            [round(p.lat, DIGITS), round(p.lon, DIGITS), r, kind_of(p), p.describe(table.units)]
            for p, r in zip(table.points, rs)
        ]
        self.data_json = safe_json({"p": points, "k": styles(), "hc": HOVER, "l": label_list(table, labels)})

    def render(self, **kwargs):
        root = self.get_root()
        if "geo_bubble_css" not in root.header._children:
            root.header.add_child(Element(_HEADER), name="geo_bubble_css")
        super().render(**kwargs)

    def map_name(self) -> str:
        return map_of(self).get_name()


def label_list(table: PointTable, limit: int = LABELS) -> list[list]:
    """``[point index, name]`` for the ``limit`` largest points that have a name (bare coordinates have none)."""
    out = []
    for i, p in enumerate(table.points):
        if len(out) >= limit or p.value <= 0:
            break
        if p.label:
            out.append([i, p.label])
    return out


def padded_bounds(table: PointTable) -> tuple[float, float, float, float]:
    """The points' extent with a margin for the circles and their names (at least 0.2° across)."""
    west, south, east, north = table.bounds()
    dx, dy = max(east - west, 0.2) * PAD, max(north - south, 0.2) * PAD
    if east - west < 0.2:
        west, east = (west + east) / 2 - 0.1, (west + east) / 2 + 0.1
    if north - south < 0.2:
        south, north = (south + north) / 2 - 0.1, (south + north) / 2 + 0.1
    return west - dx, south - dy, east + dx, north + dy


WINDOWS = ((800, 600), (1200, 800), (1440, 900), (1920, 1080))  # px: browser windows the basemap should fill
FIT_PADDING = (20, 180)  # px across and down that new_map's fitBounds keeps clear (title block, footer)


def opening_view(bounds, windows=WINDOWS) -> tuple[float, float, float, float]:
    """What any of ``windows`` shows when Leaflet opens ``bounds`` (the whole zoom that fits them), all together.

    A small extent opens at a zoom that shows up to twice as much as it, or more in a wide window;
    the basemap is drawn for this view, so that its land does not stop short of the window's edges.

    >>> [round(v, 2) for v in opening_view((36.3, 35.5, 37.3, 36.4))]
    [34.82, 34.94, 38.78, 36.95]
    """
    views = [_view(bounds, w) for w in windows]
    return (min(v[0] for v in views), min(v[1] for v in views), max(v[2] for v in views), max(v[3] for v in views))


def _view(bounds, window: tuple[int, int]) -> tuple[float, float, float, float]:
    west, south, east, north = bounds

    def merc(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    def lat_of(y: float) -> float:
        return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)

    width, height = max(math.radians(east - west), 1e-9), max(merc(north) - merc(south), 1e-9)
    room_w, room_h = window[0] - FIT_PADDING[0], window[1] - FIT_PADDING[1]
    zoom = max(0, min(18, math.floor(math.log2(min(room_w / width, room_h / height) * 2 * math.pi / 256))))
    per_radian = 256 * 2**zoom / (2 * math.pi)
    half_w, half_h = window[0] / 2 / per_radian, window[1] / 2 / per_radian
    x, y = math.radians((west + east) / 2), (merc(south) + merc(north)) / 2
    return (
        max(-180.0, math.degrees(x - half_w)), max(-85.0, lat_of(y - half_h)),
        min(180.0, math.degrees(x + half_w)), min(85.0, lat_of(y + half_h)),
    )  # fmt: skip


def place_names(table: PointTable, limit: int = LABELS) -> list[str]:
    """The names the map prints itself (in any period), so the basemap does not print the same towns beside them."""
    names = []
    for each in table.each_period() or (table,):
        for i, _ in label_list(each, limit):
            names += each.points[i].names
    return list(dict.fromkeys(names))


def default_title(table: PointTable) -> str:
    """ "idps by place" (the value column)."""
    return f"{table.value_name or 'Figures'} by place"


def areas_for(
    data,
    table: PointTable,
    areas=None,
    areas_value: str | None = None,
    areas_pcode: str | None = None,
    areas_place: str | None = None,
    *,
    country: str | Sequence[str] | None = None,
) -> AreaLayer | None:
    """The choropleth under the circles, or None.

    ``areas`` (a table or file, or an :class:`AreaLayer`) with ``areas_value`` per area found by
    ``areas_pcode`` or ``areas_place``, as under a flow map. Without ``areas``, ``areas_value`` is a column
    of ``data`` (the table the points came from): summed per area by ``areas_pcode``/``areas_place`` when
    given, else over the governorates (admin 1) its placed rows' points fall in.
    """
    from geo.points import column, read_frame

    if areas is None and areas_value is not None and table.by_period:
        # the rows of every period added up per area: a sum of monthly camp populations means nothing
        raise InputError("areas_value sums the table's own rows per area, every period together: with period=, "
                         "give areas= a table of its own (one figure per area), or leave period out")  # fmt: skip
    if areas is not None or areas_value is None:
        if areas is None and (areas_pcode or areas_place):
            raise InputError("areas_pcode and areas_place say how areas_value finds its areas: give areas_value")
        return resolve_areas(areas, areas_value, areas_pcode, areas_place, units=table.units)
    df = read_frame(data)
    value = str(column(df, areas_value, "areas value").name)
    if areas_pcode or areas_place:
        pcode = str(column(df, areas_pcode, "areas P-code").name) if areas_pcode else None
        place = str(column(df, areas_place, "areas place").name) if areas_place else None
        return area_layer(df, value, pcode, place, units=table.units, country=country)
    return summed_by_area(df, table, value, country=country)


def summed_by_area(df, table: PointTable, value: str, *, country=None) -> AreaLayer:
    """A choropleth of ``value`` (a column of the table ``df`` the points came from) summed over the
    governorates its placed rows' points fall in: the same figures as the circles, or another column."""
    import pandas as pd

    from geo.join import join_areas

    first = int(df.attrs.get("first_row", 1))
    where = [(p.lat, p.lon, part.row - first) for p in table.points for part in p.parts]
    frame = pd.DataFrame(where, columns=["lat", "lon", "at"])
    frame[value] = df[value].iloc[frame["at"].tolist()].to_numpy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the rows were placed already; points outside every area are not mapped
        joined, _ = join_areas(frame, value, lat="lat", lon="lon", country=country)
    per_area = pd.DataFrame({"key": joined["key"], value: joined["value"]}).dropna()
    al = area_layer(per_area, value, pcode="key", units=table.units, country=country)
    al.legend_title = f"{value} by governorate ({table.units})" if table.units else f"{value} by governorate"
    return al


def bubble_map(
    table: PointTable,
    *,
    title: str | None = None,
    subtitle: str | None = None,
    source: str | None = None,
    as_of=None,
    created=None,
    disclaimer: str | None = DEFAULT_DISCLAIMER,
    tiles: str | None = None,
    labels: int = LABELS,
    areas=None,
    areas_value: str | None = None,
    areas_pcode: str | None = None,
    areas_place: str | None = None,
    at: str | None = None,
) -> folium.Map:
    """Draw a prepared :class:`geo.points.PointTable`; returns the ``folium.Map`` (``m.point_table`` is the table).

    ``labels`` is how many of the largest places are named (0: none; by period, in each period). ``areas``
    (a table or file with ``areas_value`` per area, found by ``areas_pcode`` or ``areas_place``; or an
    :class:`geo.render.flows.AreaLayer`) adds a choropleth under the circles; the layers control switches
    it (and the circles, on a map without periods). ``m.area_layer`` holds it (with its unmatched rows).
    A table by period gets a time slider showing one period at a time, ``at`` first (default the last).
    """
    from geo.render.base import new_map
    from geo.render.timeline import Timeline, start_index

    if at is not None and not table.by_period:
        raise InputError("at= needs a table by period (period=COLUMN)")
    start = start_index(table.periods, at) if table.by_period else None
    bounds = padded_bounds(table)
    al = resolve_areas(areas, areas_value, areas_pcode, areas_place, units=table.units)
    # The basemap is drawn for the whole opening view, not just the points: a few communities open at a zoom
    # that shows far more than their extent, and the land would stop short of the window's edges.
    m = new_map(
        bounds, title=title or default_title(table), subtitle=subtitle, source=source, as_of=as_of,
        created=created, disclaimer=disclaimer, tiles=tiles, data_countries=al.countries if al else (),
        skip_names=place_names(table, labels), basemap_bounds=opening_view(bounds),
    )  # fmt: skip
    area_vector = _add_areas(m, al, bounds) if al else None
    if table.by_period:
        # one layer of circles a period, shown in turn by the slider (never two at once); all on the table's scale
        groups = []
        for each in table.each_period():
            group = None
            if each.points:
                group = folium.FeatureGroup(name=_html.escape(each.period), control=False, show=False)
                BubbleLayer(each, labels).add_to(group)
                group.add_to(m)
            groups.append(group)
        notes = [period_note(each) for each in table.each_period()]
        Timeline(table.periods, groups, notes, start=start, label="Period of the circles shown").add_to(m)
    else:
        # Leaflet writes layer names into the control as HTML
        name = _html.escape(f"Circles: {legend_title(table)}")
        group = folium.FeatureGroup(name=name, overlay=True, control=bool(al))
        BubbleLayer(table, labels).add_to(group)
        group.add_to(m)
    BubbleLegend(legend_title(table), legend_key(table), legend_rows(table), note=legend_note(table)).add_to(m)
    if al:
        note = f"{len(al.unmatched)} area row(s) matched no area." if len(al.unmatched) else None
        Legend(al.legend_title, al.legend_rows, note=note, position="bottomright").add_to(m)
        control = LayerControl(collapsed=False, position="topright").add_to(m)
        AddOverlay(control, area_vector, f"Areas: {al.legend_title}").add_to(m)
    m.point_table = table
    m.area_layer = al
    m._geo_static = dict(
        title=title, subtitle=subtitle, source=source, as_of=as_of, created=created, disclaimer=disclaimer,
        labels=labels, areas=al,
    )  # fmt: skip
    m.periods = table.periods if table.by_period else ()
    return m


def bubbles(
    data,
    value: str | None = None,
    place: str | None = None,
    pcode: str | None = None,
    lat: str | None = None,
    lon: str | None = None,
    *,
    label: str | None = None,
    period: str | None = None,
    at: str | None = None,
    parent: str | Sequence[str] | None = None,
    level: str | int | None = None,
    country: str | Sequence[str] | None = None,
    gazetteer=None,
    min_score: float | None = None,
    units: str = "people",
    labels: int = LABELS,
    title: str | None = None,
    subtitle: str | None = None,
    source: str | None = None,
    as_of=None,
    created=None,
    disclaimer: str | None = DEFAULT_DISCLAIMER,
    tiles: str | None = None,
    areas=None,
    areas_value: str | None = None,
    areas_pcode: str | None = None,
    areas_place: str | None = None,
) -> folium.Map:
    """A proportional symbol map: one circle per place, its area proportional to ``value``; a ``folium.Map``.

    ``data`` is a DataFrame or a file (CSV, XLSX, GeoJSON…); columns by header or HXL hashtag. Rows are
    placed by P-code (``pcode``), by coordinates (``lat`` and ``lon``) or by name (``place``, inside the
    ``parent`` columns or the table's own hierarchy); columns not given are read from the table's HXL tags
    and headers. See :func:`geo.points.prepare` for ``label``, ``level``, ``country``, ``gazetteer`` (e.g.
    with a COD-AB or COD-PP file added) and ``min_score``. Rows on the same point are summed; rows with
    no value or no place are listed in a warning and in ``m.point_table.unplaced``, and
    ``m.point_table.summary()`` accounts for every row and every person.

    ``period`` names a column of dates or periods: the map gets a time slider showing one period at a time
    (``at`` the one shown first, default the last), rows summed per place and period, every period's circles
    on one scale so that a bigger circle means more people whatever the period; a period with no rows shows
    as such, and rows with an empty period are listed, not drawn. Periods sort as dates when they read as
    dates (:mod:`geo.periods`).

    ``areas`` adds a choropleth under the circles, as :func:`geo.flows` does: a table or file with
    ``areas_value`` per area (by ``areas_pcode`` or ``areas_place``). Without ``areas``, ``areas_value``
    names a column of ``data`` itself: summed per area by ``areas_pcode``/``areas_place`` when given,
    else over the governorates the rows' points fall in (``areas_value=value``: the circles' own figures).
    Save with :func:`geo.save_html`, or the static twin with :func:`geo.render.bubbles_static.save_static`.
    """
    from geo.points import read_frame

    if at is not None and period is None:
        raise InputError("at= needs period= (the column of periods to choose from)")
    df = read_frame(data)
    table = prepare(
        df, value, place, pcode, lat, lon, label=label, period=period, parent=parent, level=level, country=country,
        units=units, min_score=min_score, gazetteer=gazetteer,
    )  # fmt: skip
    if table.unplaced:
        warnings.warn(table.summary(), UserWarning, stacklevel=2)
    al = areas_for(df, table, areas, areas_value, areas_pcode, areas_place, country=country)
    return bubble_map(
        table, title=title, subtitle=subtitle, source=source, as_of=as_of, created=created, disclaimer=disclaimer,
        tiles=tiles, labels=labels, areas=al, at=at,
    )  # fmt: skip
