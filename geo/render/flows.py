"""Movement maps: curved arrows whose width grows with people, on the offline basemap.

:func:`flows` reads a movement table and returns a ``folium.Map``;
:func:`flow_map` draws a :class:`geo.movements.FlowTable` already prepared. Each
map layer (all periods, then one per period) is a ``FeatureGroup`` holding one
:class:`FlowLayer`: the arrows as SVG paths of class ``geo-flow`` with an SVG
arrowhead marker (sized in stroke widths, so it matches the line at every
zoom), and the places as circles sized by the people leaving or arriving.
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
from dataclasses import dataclass

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from geo.arrows import ARC_POINTS
from geo.movements import DEFAULT_TOP, FlowTable, Layer, fmt, prepare
from geo.render.element import LayerControl, LiteralMacro
from geo.render.layout import DEFAULT_DISCLAIMER, Legend
from geo.render.vector import map_of, safe_json

AREA_COLORS = "Blues"  # the choropleth under the arrows: a single blue hue, so the orange arrows stand out
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
.geo-flow-label{white-space:nowrap;font:bold 11px Arial,Helvetica,sans-serif;color:#222;
text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff}
</style>"""

# Markers live in their own zero-size SVG; Leaflet's paths refer to them by id from the overlay SVG.
_MARKERS = """<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>
<marker id="geo-head" viewBox="0 0 10 10" refX="1" refY="5" markerUnits="strokeWidth" markerWidth="2.4"
 markerHeight="2.4" orient="auto"><path d="M0,0L10,5L0,10z" fill="{color}" fill-opacity="{opacity}"/></marker>
<marker id="geo-head-thin" viewBox="0 0 10 10" refX="1" refY="5" markerUnits="strokeWidth" markerWidth="4.5"
 markerHeight="4.5" orient="auto"><path d="M0,0L10,5L0,10z" fill="{color}" fill-opacity="{opacity}"/></marker>
</defs></svg>"""

_DECODE = """<script>
function geoFlowLine(a, s) {
    var out = [], y = 0, x = 0;
    for (var i = 0; i < a.length; i += 2) { y += a[i]; x += a[i + 1]; out.push([y / s, x / s]); }
    return out;
}
function geoText(t, cls) {
    var e = document.createElement("span");
    if (cls) e.className = cls;
    e.textContent = t;
    return e;
}
</script>"""


class FlowLayer(LiteralMacro):
    """The arrows and circles of one layer, drawn into the ``FeatureGroup`` (or map) it is added to.

    ``data`` holds ``f``: ``[delta-coded arc, width px, tooltip text]`` per arrow, and ``n``:
    ``[lat, lon, radius px, tooltip text, label text or ""]`` per place.
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
(function() {
    var d = {{ this.data_json }}, g = {{ this._parent.get_name() }};
    // circles first: the arrows and their heads are drawn over them, as in the static twin
    d.n.forEach(function(n) {
        L.circleMarker([n[0], n[1]], {radius: n[2], color: d.nl, weight: 1.2, fillColor: d.nf, fillOpacity: 0.8,
            className: "geo-flow-node"}).bindTooltip(geoText(n[3])).addTo(g);
        if (n[4]) {
            var label = geoText(n[4], "geo-flow-label");
            if (n[5]) label.style.cssText = "position:absolute;right:0;top:0";  // left of the circle
            L.marker([n[0], n[1]], {interactive: false, keyboard: false, icon: L.divIcon({className: "",
                html: label, iconSize: null, iconAnchor: n[5] ? [n[2] + 3, 7] : [-n[2] - 3, 7]})}).addTo(g);
        }
    });
    d.f.forEach(function(f) {
        L.polyline(geoFlowLine(f[0], d.s), {color: d.c, weight: f[1], opacity: d.o, lineCap: "butt",
            lineJoin: "round", className: f[1] < d.t ? "geo-flow thin" : "geo-flow"})
            .bindTooltip(geoText(f[2]), {sticky: true}).addTo(g);
    });
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
            arrows.append([_delta(arc, scale), table.scale.width(f.value), f.describe(table.units)])
        biggest = max((n.size for n in table.nodes), default=0.0)
        radii = [node_radius(n.size, biggest) for n in layer.nodes]
        sides = label_sides(layer.nodes, radii, degrees_per_px(padded_bounds(table)), limit=labels)
        nodes = []
        for n, r, side in zip(layer.nodes, radii, sides):
            label = n.place.label if side else ""
            nodes.append([round(n.lat, 5), round(n.lon, 5), r, n.describe(table.units), label, side == "left"])
        nodes.reverse()  # small circles on top of big ones
        self.data_json = safe_json(
            {
                "s": scale, "c": ARROW, "o": ARROW_OPACITY, "t": THIN, "nf": NODE_FILL, "nl": NODE_LINE,
                "f": arrows, "n": nodes,
            }
        )  # fmt: skip

    def render(self, **kwargs):
        root = self.get_root()
        if "geo_flow_defs" not in root.header._children:
            root.header.add_child(Element(_HEADER + _DECODE), name="geo_flow_defs")
            markers = _MARKERS.format(color=ARROW, opacity=ARROW_OPACITY)
            root.html.add_child(Element(markers), name="geo_flow_markers")
        super().render(**kwargs)

    def map_name(self) -> str:
        return map_of(self).get_name()


class ExclusiveLayers(LiteralMacro):
    """Showing one period's layer hides the other periods, so two periods are never drawn on top of each other.

    The total stays as the user sets it. The hiding waits for the layers control to finish its click
    (it re-adds every ticked layer in turn, and would undo a removal made while it works).
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
(function() {
    var m = {{ this.map_name() }};
    var layers = [{% for g in this.groups %}{{ g.get_name() }}{{ ", " if not loop.last }}{% endfor %}];
    m.on("overlayadd", function(e) {
        if (layers.indexOf(e.layer) < 0) return;
        setTimeout(function() {
            layers.forEach(function(l) { if (l !== e.layer && m.hasLayer(l)) m.removeLayer(l); });
        }, 0);
    });
})();
{% endmacro %}"""
    )

    def __init__(self, groups: Sequence[folium.FeatureGroup]):
        super().__init__()
        self._name = "ExclusiveLayers"
        self.groups = list(groups)

    def map_name(self) -> str:
        return map_of(self).get_name()


def arc_points(flow, across: float) -> int:
    """Points for an arrow's curve: 25 for one spanning the map, fewer (down to 9) for short ones.

    A short arc is a few dozen pixels long; nine points draw it as smoothly and keep big maps small.
    """
    length = math.hypot(flow.end[0] - flow.start[0], flow.end[1] - flow.start[1])
    return max(9, min(ARC_POINTS, math.ceil(ARC_POINTS * length / across)))


def _delta(points, scale: int) -> list[int]:
    out, py, px = [], 0, 0
    for lat, lon in points:
        y, x = round(lat * scale), round(lon * scale)
        out += [y - py, x - px]
        py, px = y, x
    return out


VIEWPORT = (1000, 650)  # px: a laptop browser window, less the page around the map


def degrees_per_px(bounds, viewport: tuple[int, int] = VIEWPORT) -> float:
    """Degrees of longitude a screen pixel covers at the zoom Leaflet opens ``bounds`` at (whole zoom levels).

    >>> round(1 / degrees_per_px((35.5, 32.0, 42.5, 37.5)))  # Syria opens at zoom 7: 91 px a degree
    91
    """
    west, south, east, north = bounds

    def merc(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / (2 * math.pi)  # share of the world

    share = max((east - west) / 360 / viewport[0], (merc(north) - merc(south)) / viewport[1], 1e-12)
    zoom = max(0, min(18, math.floor(math.log2(1 / (256 * share)))))
    return 360 / (256 * 2**zoom)


def label_sides(nodes, radii, units_per_px: float, limit: int = LABELS, size=LABEL_PX) -> list[str]:
    """Where each node's name goes: "right" of its circle, "left", or "" (no room, or named already).

    Greedy, busiest place first: a name goes right unless it would overlap a name already placed,
    then left; else it is left out (the circle's tooltip still names it). ``units_per_px`` is
    degrees of longitude per screen unit, ``radii`` the circles' radii in the same screen units.
    A border is named once, at its busiest point.

    >>> from types import SimpleNamespace as NS
    >>> place = lambda name: NS(label=name, key=name)
    >>> nodes = [NS(lat=36.0, lon=36.0, place=place("Atmeh")), NS(lat=36.0, lon=36.01, place=place("Dana")),
    ...          NS(lat=36.0, lon=36.005, place=place("Qah"))]
    >>> label_sides(nodes, [5, 5, 5], 0.001)
    ['right', 'left', '']
    """
    char_w, height = size
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
    if table.nodes:
        rows.append({"shape": "circle", "color": NODE_FILL, "size": 12, "label": "place: people leaving or arriving"})
    return rows


def legend_note(table: FlowTable, layer: Layer | None = None, interactive: bool = True) -> str:
    """What the legend says beyond the rows: grouped flows, unplaced rows, periods, the width rule."""
    layer = layer or table.layers[0]
    parts = []
    if layer.smaller_count:
        parts.append(f"{layer.smaller_text(table.units)} not drawn.")
    unplaced = [u for u in table.unplaced if not layer.period or u.period == layer.period]
    no_figure = [u for u in unplaced if u.reason.startswith("no figure")]
    unplaced = [u for u in unplaced if u not in no_figure]
    if unplaced:
        s = "" if len(unplaced) == 1 else "s"
        value = fmt(math.fsum(u.value for u in unplaced))
        parts.append(
            f"{len(unplaced)} row{s} ({value} {table.units}) not mapped: unknown places or origin = destination."
        )
    if no_figure:
        s = "" if len(no_figure) == 1 else "s"
        parts.append(f"{len(no_figure)} movement{s} without a figure not drawn.")
    if table.periods and interactive:
        parts.append("Periods: choose one in the layers control; all share one width scale.")
    elif layer.period:
        parts.append(f"Period {layer.period}.")
    elif table.periods:
        parts.append(f"All periods, {period_span(table)}.")
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
) -> folium.Map:
    """Draw a prepared :class:`geo.movements.FlowTable`; returns the ``folium.Map`` (``m.flow_table`` is the table).

    ``areas`` (a table or file with ``areas_value`` per area, found by ``areas_pcode`` or
    ``areas_place``; or an :class:`AreaLayer`) adds a choropleth, e.g. IDPs hosted per governorate,
    under the arrows; the layers control switches it, the flows, and the period layers.
    ``m.area_layer`` holds it (with its unmatched rows).
    """
    from geo.render.base import new_map

    bounds = padded_bounds(table)
    al = resolve_areas(areas, areas_value, areas_pcode, areas_place, units=table.units)
    if subtitle is None and table.periods:
        subtitle = period_span(table)
    m = new_map(
        bounds, title=title or default_title(table), subtitle=subtitle, source=source, as_of=as_of,
        created=created, disclaimer=disclaimer, tiles=tiles, data_countries=al.countries if al else (),
        skip_names=place_names(table),
    )  # fmt: skip
    area_vector = _add_areas(m, al, bounds) if al else None
    groups = []
    for i, layer in enumerate(table.layers):
        name = _html.escape(layer.name)  # Leaflet writes layer names into the control as HTML
        group = folium.FeatureGroup(name=name, overlay=True, control=bool(table.periods or al), show=(i == 0))
        FlowLayer(layer, table).add_to(group)
        group.add_to(m)
        groups.append(group)
    Legend(f"Movements ({table.units})", legend_rows(table), note=legend_note(table)).add_to(m)
    if al:
        note = f"{len(al.unmatched)} area row(s) matched no area." if len(al.unmatched) else None
        Legend(al.legend_title, al.legend_rows, note=note, position="bottomright").add_to(m)
    if table.periods or al:
        control = LayerControl(collapsed=False, position="topright").add_to(m)
        if area_vector is not None:
            AddOverlay(control, area_vector, al.legend_title).add_to(m)
    if table.periods:
        ExclusiveLayers(groups[1:]).add_to(m)
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


def resolve_areas(areas, value=None, pcode=None, place=None, *, units: str = "people") -> AreaLayer | None:
    """``areas`` as an :class:`AreaLayer` (None when not given)."""
    if areas is None or isinstance(areas, AreaLayer):
        return areas
    return area_layer(areas, value, pcode, place, units=units)


def period_span(table: FlowTable) -> str:
    """ "2024-01 to 2024-03" (or the one period)."""
    if not table.periods:
        return ""
    first, last = table.periods[0], table.periods[-1]
    return first if first == last else f"{first} to {last}"


def default_title(table: FlowTable) -> str:
    """ "Movements of people" (of the table's units)."""
    return f"Movements of {table.units}" if table.units else "Movements"


@dataclass
class AreaLayer:
    """The choropleth under the flows: areas joined to their figures, classed and coloured."""

    joined: object  # GeoDataFrame: key, name, pcode, value, color, geometry (see geo.join.join_areas)
    legend_title: str
    legend_rows: list[dict]
    unmatched: object  # DataFrame of the area rows that matched no area
    countries: list[str]


def area_layer(
    areas,
    value: str,
    pcode: str | None = None,
    place: str | None = None,
    *,
    units: str = "people",
    country: str | Sequence[str] | None = None,
    colors: str = AREA_COLORS,
) -> AreaLayer:
    """Join an areas table (a DataFrame or file) to admin areas by P-code or name, and class it for colour."""
    import numpy as np

    from geo.errors import InputError
    from geo.join import join_areas
    from geo.render.choropleth import NODATA, class_of, classify

    if not value:
        raise InputError("a choropleth layer under the flows needs areas_value (the column of figures)")
    if pcode is None and place is None:
        raise InputError("say how areas are found: areas_pcode (P-codes such as SY07) or areas_place (names)")
    df = _table(areas)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # reported through ``unmatched``, once, by the caller
        joined, unmatched = join_areas(df, value, place=place, pcode=pcode, country=country)
    shown = joined["value"].astype(float)
    if shown.notna().sum() == 0:
        raise InputError(f"areas: none of the {len(df)} rows matched an area")
    k = classify(shown, "quantiles", 5, None, colors)
    joined = joined.copy()
    joined["color"] = [k.colors[class_of(v, k.bins)] if not np.isnan(v) else NODATA for v in shown]
    rows = [{"color": c, "label": lab} for c, lab in zip(k.colors, k.labels)]
    if shown.isna().any():
        rows.append({"color": NODATA, "label": "No data", "shape": "nodata"})
    title = f"{value} ({units})" if units else str(value)
    return AreaLayer(joined, title, rows, unmatched, list(joined.attrs.get("drawn_countries", [])))


def _table(data):
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        return data
    from geo.io import read_table

    return read_table(data)


class AddOverlay(LiteralMacro):
    """Put a layer drawn by script (such as a VectorLayer) into a layers control, under an escaped name."""

    _template = Template(
        """{% macro script(this, kwargs) %}
{{ this.control.get_name() }}.addOverlay({{ this.layer.get_name() }}, {{ this.label|tojson }});
{% endmacro %}"""
    )

    def __init__(self, control, layer, label: str):
        super().__init__()
        self._name = "AddOverlay"
        self.control, self.layer = control, layer
        self.label = _html.escape(label)  # Leaflet writes layer names into the control as HTML


def _add_areas(m: folium.Map, al: AreaLayer, bounds) -> MacroElement:
    from geo.render.vector import VectorLayer, digits_for, esc, features, tolerance_for

    joined = al.joined.copy()
    tips, styles = [], []
    for r in joined.itertuples():
        figure = "No data" if r.value != r.value else f"{fmt(float(r.value))}"
        code = f" ({esc(r.pcode)})" if getattr(r, "pcode", "") else ""
        tips.append(f"<b>{esc(r.name)}</b>{code}<br>{esc(al.legend_title)}: {esc(figure)}")
        styles.append({"fillColor": r.color})
    joined["tip"], joined["style"] = tips, styles
    tol = tolerance_for(bounds)
    digits = digits_for(tol)
    layer = VectorLayer(
        features(joined, ["tip", "style"], tol, digits),
        style={"color": "#ffffff", "weight": 1, "fillOpacity": 0.7, "opacity": 1},
        digits=digits,
    )
    m.add_child(layer)
    return layer


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
) -> folium.Map:
    """A movement map from a table of origin, destination and people; returns a ``folium.Map``.

    ``data`` is a DataFrame or a file (CSV, XLSX, ...); columns are named by header or HXL
    hashtag. Places are anything the offline gazetteer knows: towns, camps, areas ("southern
    Idlib"), coordinates ("35.93,36.63") or borders ("the Turkish border": each arrow ends at
    the point of the border nearest its origin). Duplicate pairs are summed; the ``top``
    largest pairs at or above ``min_value`` are drawn and the rest summarised in the legend.
    ``period`` (a date or period column) adds one layer per period beside the total;
    ``level="admin1"`` rolls places up to governorates. Rows that cannot be drawn (unknown
    places, origin = destination) raise a warning and are listed in ``m.flow_table.unplaced``.
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
        areas_place=areas_place,
    )  # fmt: skip
