"""Movement maps: curved arrows whose width grows with people, on the offline basemap.

:func:`flows` reads a movement table and returns a ``folium.Map``;
:func:`flow_map` draws a :class:`geo.movements.FlowTable` already prepared. A
:class:`FlowLayer` draws one layer: the arrows as SVG paths of class ``geo-flow``
with an SVG arrowhead marker (sized in stroke widths, so it matches its line), and
the places as circles sized by the people leaving or arriving, named where the name
fits (:mod:`geo.render.labels` decides, in the browser, at every zoom). Zoomed out
past the opening view, lines and circles shrink with the map, heads with them.

A table by period gets a time slider (:class:`geo.render.timeline.Timeline`): one
layer per period, one shown at a time, all on one width scale.
Every user string reaches the page as JSON inside the script and is set with
``textContent`` (tooltips, labels) or escaped (layer names), never parsed as HTML.

>>> import pandas as pd
>>> moves = pd.DataFrame({"from": ["Saraqib", "Ariha"], "to": ["Atmeh", "the Turkish border"], "n": [4500, 800]})
>>> m = flows(moves, origin="from", destination="to", value="n", title="Movements", created="2026-01-01")
>>> [f.value for f in m.flow_table.flows]
[4500.0, 800.0]
"""

from __future__ import annotations

import html as _html
import math
import warnings
from collections.abc import Sequence

import folium
from branca.element import Element
from jinja2 import Template

from geo.arrows import ARC_POINTS, MIN_WIDTH_PX
from geo.movements import DEFAULT_TOP, FlowTable, Layer, fmt, prepare, unplaced_text
from geo.render.areas import AREA_COLORS, AddOverlay, AreaLayer, add_areas, area_layer, resolve_areas
from geo.render.element import LayerControl, LiteralMacro
from geo.render.labels import rank, use_labels
from geo.render.layout import DEFAULT_DISCLAIMER, Legend
from geo.render.vector import add_decoder, delta_line, map_of, safe_json

__all__ = [  # the areas' names lived here first: kept for code that imports them from this module
    "AREA_COLORS", "AddOverlay", "AreaLayer", "FlowLayer", "area_layer", "flow_map", "flows", "resolve_areas",
]  # fmt: skip
_add_areas = add_areas  # its old, private name here (geo.render.bubbles imports it): use geo.render.areas.add_areas

ARROW = "#c2410c"  # a dark orange: reads on the pale basemap and over a blue choropleth
ARROW_OPACITY = 0.85
NODE_FILL = "#ffffff"
NODE_LINE = "#3f3f3f"
NODE_MAX_RADIUS = 14.0  # px, the busiest place; circle areas are proportional to people
NODE_MIN_RADIUS = 2.5
LABELS = 30  # at most this many places named (the busiest, where the name fits); every circle has a tooltip
LABEL_PX = (6.6, 14.0)  # a bold 11px label: width of a character and height, in screen pixels
THIN = 5.0  # px: lines thinner than this get a longer arrowhead, or it would vanish
PAD = 0.08  # share of the extent added around the arrows
DIGITS = 4  # decimals of degrees kept for arc points (about 10 m)

_HEADER = """<style>
.geo-legend i.line{width:34px}
.geo-flow{marker-end:url(#geo-head)}.geo-flow.thin{marker-end:url(#geo-head-thin)}
</style>"""

# Markers live in their own zero-size SVG; Leaflet's paths refer to them by id from the overlay SVG.
_MARKERS = """<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>
<marker id="geo-head" viewBox="0 0 10 10" refX="1" refY="5" markerUnits="strokeWidth" markerWidth="2.4"
 markerHeight="2.4" orient="auto"><path d="M0,0L10,5L0,10z" fill="{color}" fill-opacity="{opacity}"/></marker>
<marker id="geo-head-thin" viewBox="0 0 10 10" refX="1" refY="5" markerUnits="strokeWidth" markerWidth="4.5"
 markerHeight="4.5" orient="auto"><path d="M0,0L10,5L0,10z" fill="{color}" fill-opacity="{opacity}"/></marker>
</defs></svg>"""

# geoFlowZoom: zoomed out past the opening view (map.geoZoom0), every width and radius shrinks with the map
# (never under its floor), and so do the legend's line swatches, so the legend still reads true.
_SCRIPT = """<script>
function geoText(t) {
    var e = document.createElement("span");
    e.textContent = t;
    return e;
}
function geoFlowZoom(m) {
    if (m.geoFlowItems) return m.geoFlowItems;
    var items = m.geoFlowItems = [];
    function scale() {
        var z0 = m.geoZoom0 === undefined ? m.getZoom() : m.geoZoom0, f = Math.min(1, Math.pow(2, m.getZoom() - z0));
        items.forEach(function(it) { it(f); });
        m.getContainer().querySelectorAll(".geo-legend i.line[data-w]").forEach(function(i) {
            i.style.height = Math.max(MIN_W, i.getAttribute("data-w") * f) + "px";
        });
    }
    m.on("zoomend geoview", scale);
    return items;
}
</script>"""


class FlowLayer(LiteralMacro):
    """The arrows and circles of one layer, drawn into the ``FeatureGroup`` (or map) it is added to.

    ``data`` holds ``f``: ``[arc as a polyline string of (lat, lon) deltas, width px, tooltip]`` per arrow,
    and ``n``: ``[lat, lon, radius px, tooltip, name or "", label rank]`` per place.
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
(function() {
    var d = {{ this.data_json }}, g = {{ this._parent.get_name() }}, m = {{ this.map_name() }};
    var items = geoFlowZoom(m);
    // circles first: the arrows and their heads are drawn over them, as in the static twin
    d.n.forEach(function(n) {
        var c = L.circleMarker([n[0], n[1]], {radius: n[2], color: d.nl, weight: 1.2, fillColor: d.nf,
            fillOpacity: 0.8, className: "geo-flow-node"}).bindTooltip(geoText(n[3])).addTo(g);
        items.push(function(f) { c.setRadius(Math.max(d.rmin, n[2] * f)); });
        if (!n[4]) return;
        var label = geoLabel(n[4], "place", n[5]);
        label.geoPlaces = [  // right of the circle, else left of it
            {set: function(e) { e.style.right = "auto"; e.style.left = (c.getRadius() + 3) + "px"; },
             dx: function() { return 0; }},
            {set: function(e) { e.style.left = "auto"; e.style.right = (c.getRadius() + 3) + "px"; },
             dx: function(w) { return -w - 2 * (c.getRadius() + 3); }}];
        L.marker([n[0], n[1]], {interactive: false, keyboard: false,
            icon: L.divIcon({className: "", html: label, iconSize: [0, 0]})}).addTo(g);
    });
    d.f.forEach(function(f) {
        var line = L.polyline(geoLine(f[0], d.s), {color: d.c, weight: f[1], opacity: d.o, lineCap: "butt",
            lineJoin: "round", className: f[1] < d.t ? "geo-flow thin" : "geo-flow"})
            .bindTooltip(geoText(f[2]), {sticky: true}).addTo(g);
        items.push(function(k) { line.setStyle({weight: Math.max(d.wmin, f[1] * k)}); });
    });
    geoDeclutter(m);
})();
{% endmacro %}"""
    )

    def __init__(self, layer: Layer, table: FlowTable, labels: int = LABELS):
        super().__init__()
        self._name = "FlowLayer"
        scale = 10**DIGITS
        arrows = []
        west, south, east, north = table.bounds()
        across = math.hypot(east - west, north - south) or 1.0
        # smallest first, so the big arrows are drawn on top and their tooltips win
        for f in reversed(layer.flows):
            arc = f.arc(points=arc_points(f, across))
            arrows.append([delta_line(arc, scale), table.scale.width(f.value), f.describe(table.units)])
        named = named_places(layer.nodes, labels)
        nodes = []
        for i, n in enumerate(layer.nodes):
            label = n.place.label if i in named else ""
            r = node_radius(n.size, table.largest_node)
            nodes.append([round(n.lat, 5), round(n.lon, 5), r, n.describe(table.units), label, rank("data", i)])
        nodes.reverse()  # small circles on top of big ones
        self.data_json = safe_json(
            {
                "s": scale, "c": ARROW, "o": ARROW_OPACITY, "t": THIN, "nf": NODE_FILL, "nl": NODE_LINE,
                "wmin": MIN_WIDTH_PX, "rmin": NODE_MIN_RADIUS, "f": arrows, "n": nodes,
            }
        )  # fmt: skip

    def render(self, **kwargs):
        root = self.get_root()
        add_decoder(self)
        use_labels(self)
        if "geo_flow_defs" not in root.header._children:
            root.header.add_child(Element(_HEADER + _SCRIPT.replace("MIN_W", str(MIN_WIDTH_PX))), name="geo_flow_defs")
            markers = _MARKERS.format(color=ARROW, opacity=ARROW_OPACITY)
            root.html.add_child(Element(markers), name="geo_flow_markers")
        super().render(**kwargs)

    def map_name(self) -> str:
        return map_of(self).get_name()


def named_places(nodes, limit: int = LABELS) -> set[int]:
    """Which nodes carry a name: the ``limit`` busiest, one per place (a border is named once, at its busiest point).

    Whether each name is shown, and on which side of its circle, is decided in the browser at every zoom.
    """
    keys: set[str] = set()
    out: set[int] = set()
    for i, n in enumerate(nodes):
        if len(out) < limit and n.place.key not in keys:
            keys.add(n.place.key)
            out.add(i)
    return out


def arc_points(flow, across: float) -> int:
    """Points for an arrow's curve: 25 for one spanning the map, fewer (down to 9) for short ones.

    A short arc is a few dozen pixels long; nine points draw it as smoothly and keep big maps small.
    """
    length = math.hypot(flow.end[0] - flow.start[0], flow.end[1] - flow.start[1])
    return max(9, min(ARC_POINTS, math.ceil(ARC_POINTS * length / across)))


def label_sides(
    nodes, radii, units_per_px: float, limit: int = LABELS, size=LABEL_PX, across: tuple | None = None
) -> list[str]:
    """Where each node's name goes: "right" of its circle, "left", or "" (no room, or named already).

    Greedy, busiest place first: a name goes right unless it would overlap a name already placed
    (or run past ``across``, the (west, east) longitudes of the frame), then left; else it is left
    out (the circle's tooltip still names it). ``units_per_px`` is degrees of longitude per screen
    unit, ``radii`` the circles' radii in the same screen units. A border is named once, at its
    busiest point. The web map decides in the browser instead (:mod:`geo.render.labels`); this is
    for the static twin.

    >>> from types import SimpleNamespace as NS
    >>> place = lambda name: NS(label=name, key=name)
    >>> nodes = [NS(lat=36.0, lon=36.0, place=place("Atmeh")), NS(lat=36.0, lon=36.01, place=place("Dana")),
    ...          NS(lat=36.0, lon=36.005, place=place("Qah"))]
    >>> label_sides(nodes, [5, 5, 5], 0.001)
    ['right', 'left', '']
    """
    char_w, height = size
    west, east = (v / units_per_px for v in across) if across else (-math.inf, math.inf)
    boxes: list[tuple[float, float, float, float]] = []
    named: set[str] = set()
    out = []
    for n, r in zip(nodes, radii):
        if len(named) >= limit or n.place.key in named:
            out.append("")
            continue
        k = 1 / (math.cos(math.radians(n.lat)) or 1e-9)  # on the map, a degree of latitude is longer
        x, y = n.lon / units_per_px, n.lat * k / units_per_px
        w = len(n.place.label) * char_w
        side = ""
        for name, x0 in (("right", x + r + 3), ("left", x - r - 3 - w)):
            box = (x0, y - height / 2, x0 + w, y + height / 2)
            if box[0] < west or box[2] > east:
                continue
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes):
                boxes.append(box)
                side = name
                break
        if side:
            named.add(n.place.key)
        out.append(side)
    return out


def node_radius(size: float, biggest: float) -> float:
    """Circle radius in px with area proportional to people, the busiest place ``NODE_MAX_RADIUS``."""
    if biggest <= 0 or size <= 0:
        return NODE_MIN_RADIUS
    return round(max(NODE_MIN_RADIUS, NODE_MAX_RADIUS * math.sqrt(size / biggest)), 2)


def legend_rows(table: FlowTable) -> list[dict]:
    """The legend's rows: two or three reference widths, and the circles."""
    rows = [
        {"shape": "line", "color": ARROW, "width": table.scale.width(v), "label": f"{fmt(v)} {table.units}"}
        for v in table.scale.references
    ]
    if any(layer.nodes for layer in table.shown):
        rows.append({"shape": "circle", "color": NODE_FILL, "size": 12, "label": "place: people leaving or arriving"})
    return rows


def layer_facts(table: FlowTable, layer: Layer) -> list[str]:
    """What one layer leaves out: smaller flows grouped, rows not mapped, a period with no rows at all."""
    if layer.period and layer.period in table.missing:
        return [f"No rows for {layer.period}."]
    parts = []
    if layer.period and not layer.flows:
        parts.append("No flow to draw in this period.")
    if layer.smaller_count:
        parts.append(f"{layer.smaller_text(table.units)} not drawn.")
    unplaced = [u for u in table.unplaced if not layer.period or u.period == layer.period]
    no_figure = [u for u in unplaced if u.reason.startswith("no figure")]
    unplaced = [u for u in unplaced if u not in no_figure]
    if unplaced:
        s = "" if len(unplaced) == 1 else "s"
        value = fmt(math.fsum(u.value for u in unplaced))
        parts.append(f"{len(unplaced)} row{s} ({value} {table.units}) not mapped: {unplaced_text(unplaced, 2)}.")
    if no_figure:
        s = "" if len(no_figure) == 1 else "s"
        parts.append(f"{len(no_figure)} movement{s} without a figure not drawn.")
    return parts


def legend_note(table: FlowTable, layer: Layer | None = None, interactive: bool = True) -> str:
    """What the legend says beyond the rows: grouped flows, unplaced rows, periods, the width rule.

    On the web map by period (``interactive``) the facts of each period are shown under the slider
    (:func:`layer_facts`); the legend keeps what holds for all of them.
    """
    layer = layer or table.layers[0]
    parts = [] if table.periods and interactive else layer_facts(table, layer)
    if table.periods:
        if not interactive and layer.period:
            parts.insert(0, f"Period {layer.period}.")
        no_period = [u for u in table.unplaced if not u.period]
        if no_period and (interactive or layer.period):
            parts.append(f"{len(no_period)} row(s) without a period not mapped.")
        parts.append(f"One width scale for all {len(table.periods)} periods ({table.span()}).")
    if table.level:
        parts.append(f"Places grouped by {table.level}.")
    parts.append("Line width proportional to people.")
    return " ".join(parts)


def flow_map(
    table: FlowTable,
    *,
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
    at: str | None = None,
) -> folium.Map:
    """Draw a prepared :class:`geo.movements.FlowTable`; returns the ``folium.Map`` (``m.flow_table`` is the table).

    A table by period gets a time slider that shows one period at a time (``at`` the one shown first;
    default the last). ``areas`` (a table or file with ``areas_value`` per area, found by ``areas_pcode``
    or ``areas_place``; or an :class:`AreaLayer`) adds a choropleth, e.g. IDPs hosted per governorate,
    under the arrows; the layers control switches it and the flows. ``m.area_layer`` holds it (with its
    unmatched rows).
    """
    from geo.render.base import new_map
    from geo.render.timeline import Timeline, start_index

    bounds = padded_bounds(table)
    al = resolve_areas(areas, areas_value, areas_pcode, areas_place, units=table.units)
    start = start_index(table.periods, at)
    m = new_map(
        bounds, title=title or default_title(table), subtitle=subtitle, source=source, as_of=as_of,
        created=created, disclaimer=disclaimer, tiles=tiles, data_countries=al.countries if al else (),
        skip_names=place_names(table),
    )  # fmt: skip
    area_vector = add_areas(m, al, bounds) if al else None
    groups = []
    for layer in table.shown:
        name = _html.escape(layer.name)  # Leaflet writes layer names into the control as HTML
        # periods take turns through the slider; without periods the flows are one layer the control switches
        group = folium.FeatureGroup(name=name, overlay=True, control=bool(al and not table.periods), show=False)
        if layer.flows or layer.nodes:
            FlowLayer(layer, table).add_to(group)
        group.add_to(m)
        groups.append(group)
    if table.periods:
        notes = [" ".join(layer_facts(table, layer)) for layer in table.shown]
        Timeline(table.periods, groups, notes, start=start, label="Period of the flows shown").add_to(m)
    else:
        groups[0].show = True
    Legend(f"Movements ({table.units})", legend_rows(table), note=legend_note(table)).add_to(m)
    if al:
        note = f"{len(al.unmatched)} area row(s) matched no area." if len(al.unmatched) else None
        Legend(al.legend_title, al.legend_rows, note=note, position="bottomright").add_to(m)
        control = LayerControl(collapsed=False, position="topright").add_to(m)
        AddOverlay(control, area_vector, al.legend_title).add_to(m)
    m.flow_table = table
    m.area_layer = al
    return m


def padded_bounds(table: FlowTable) -> tuple[float, float, float, float]:
    """The flows' extent with a margin, so arrowheads and labels stay inside the view."""
    west, south, east, north = table.bounds()
    dx, dy = max(east - west, 0.2) * PAD, max(north - south, 0.2) * PAD
    return west - dx, south - dy, east + dx, north + dy


def place_names(table: FlowTable) -> list[str]:
    """Every name the flows label, so the basemap does not label the same towns again."""
    names = []
    for layer in table.layers:
        for n in layer.nodes:
            names += [n.place.label, n.place.matched]
    return list(dict.fromkeys(x for x in names if x))


def period_span(table: FlowTable) -> str:
    """ "2024-01 to 2024-03" (or the one period)."""
    return table.span()


def default_title(table: FlowTable) -> str:
    """ "Movements of people" (of the table's units)."""
    return f"Movements of {table.units}" if table.units else "Movements"


def flows(
    data,
    origin: str,
    destination: str,
    value: str,
    *,
    period: str | None = None,
    country: str | Sequence[str] | None = None,
    level: str | None = None,
    top: int | None = DEFAULT_TOP,
    min_value: float | None = None,
    units: str = "people",
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
    at: str | None = None,
) -> folium.Map:
    """A movement map from a table of origin, destination and people; returns a ``folium.Map``.

    ``data`` is a DataFrame or a file (CSV, XLSX, ...); columns are named by header or HXL
    hashtag. Places are anything the offline gazetteer knows: towns, camps, areas ("southern
    Idlib"), coordinates ("35.93,36.63") or borders ("the Turkish border": each arrow ends at
    the point of the border nearest its origin). Duplicate pairs are summed; the ``top``
    largest pairs at or above ``min_value`` are drawn and the rest summarised in the legend.
    ``period`` (a date or period column) adds a time slider, one period shown at a time, all on
    one width scale (``at`` the period shown first); ``level="admin1"`` rolls places up to
    governorates. Rows that cannot be drawn (unknown places, origin = destination, no period)
    raise a warning and are listed in ``m.flow_table.unplaced``.
    Save with :func:`geo.render.base.save_html`.
    """
    table = prepare(
        data, origin, destination, value, period=period, country=country, level=level, top=top,
        min_value=min_value, units=units,
    )  # fmt: skip
    if table.unplaced:
        warnings.warn(table.summary(), UserWarning, stacklevel=2)
    return flow_map(
        table, title=title, subtitle=subtitle, source=source, as_of=as_of, created=created,
        disclaimer=disclaimer, tiles=tiles, areas=areas, areas_value=areas_value, areas_pcode=areas_pcode,
        areas_place=areas_place, at=at,
    )  # fmt: skip
