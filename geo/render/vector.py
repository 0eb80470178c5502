"""Compact, escaped GeoJSON for Leaflet: geometry simplified to the zoom shown, coordinates rounded.

Folium's GeoJSON tooltips insert property values into the page as HTML without
escaping, so geo's layers carry their tooltip/popup as HTML written here, from
escaped strings, and every JSON blob is made safe to sit inside a ``<script>``.

>>> safe_json({"name": "</script><img src=x onerror=alert(1)>"})
'{"name":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
"""

from __future__ import annotations

import html
import json

import numpy as np
import shapely
from branca.element import Element
from jinja2 import Template

from geo.render.element import LiteralMacro

# Screen pixels across the shown extent: simplification stops mattering below one of them.
PIXELS_ACROSS = 1600


def safe_json(obj) -> str:
    """JSON that cannot close a ``<script>`` or start markup: ``<``, ``>``, ``&`` and line separators escaped."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, code in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, code)
    return text


def esc(value) -> str:
    """HTML-escape anything (None → empty)."""
    return html.escape("" if value is None else str(value), quote=True)


def tolerance_for(bounds, pixels: int = PIXELS_ACROSS) -> float:
    """Degrees per screen pixel when ``bounds`` (west, south, east, north) fill about ``pixels`` pixels."""
    west, south, east, north = bounds
    return max(east - west, north - south) / pixels


def digits_for(tolerance: float) -> int:
    """Decimal places that keep a tenth of the simplification tolerance (3 for Syria's extent)."""
    return int(min(6, max(1, np.ceil(-np.log10(tolerance / 2)))))


def simplify(geoms, tolerance: float, coverage: bool = True):
    """Simplify geometries; areas that tile the ground keep their shared edges (no slivers between them)."""
    geoms = np.asarray(list(geoms), dtype=object)
    if tolerance <= 0 or len(geoms) == 0:
        return geoms
    polygonal = all(g is not None and g.geom_type in ("Polygon", "MultiPolygon") for g in geoms)
    if coverage and polygonal:
        try:
            return shapely.coverage_simplify(geoms, tolerance)
        except Exception:  # not a clean coverage (overlaps): simplify one by one
            pass
    return shapely.simplify(geoms, tolerance, preserve_topology=True)


def rounded(geoms, digits: int):
    """Geometries with coordinates rounded and repaired; parts that collapse are dropped."""
    out = shapely.transform(np.asarray(list(geoms), dtype=object), lambda xy: np.round(xy, digits))
    return [_single_kind(g if g is None or g.is_valid else shapely.make_valid(g)) for g in out]


def _single_kind(geom):
    """A mixed collection (clipping and repair make them) → its parts of the highest dimension."""
    if geom is None or geom.geom_type != "GeometryCollection":
        return geom
    from shapely.geometry import MultiLineString, MultiPoint, MultiPolygon

    parts = []
    for g in geom.geoms:
        parts.extend(getattr(g, "geoms", [g]))
    for kind, multi in (("Polygon", MultiPolygon), ("LineString", MultiLineString), ("Point", MultiPoint)):
        same = [g for g in parts if g.geom_type == kind and not g.is_empty]
        if same:
            return same[0] if len(same) == 1 else multi(same)
    return None


def features(gdf, properties: list[str] | None = None, tolerance: float = 0.0, digits: int = 6) -> dict:
    """A GeoJSON FeatureCollection (a dict) from a GeoDataFrame in EPSG:4326, simplified and rounded."""
    gdf = gdf.to_crs(4326) if gdf.crs is not None and gdf.crs.to_epsg() != 4326 else gdf
    geoms = rounded(simplify(gdf.geometry.values, tolerance), digits)
    props = properties or []
    out = []
    for geom, (_, row) in zip(geoms, gdf[props].iterrows()):
        if geom is None or geom.is_empty:
            continue
        values = {k: _plain(row[k]) for k in props}
        out.append({"type": "Feature", "properties": values, "geometry": json.loads(shapely.to_geojson(geom))})
    return {"type": "FeatureCollection", "features": out}


def _plain(value):
    if value is None:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    return value


def polyline(ints) -> str:
    """Integers as text, five bits a character (the "encoded polyline" of web maps): small deltas take one or two.

    >>> polyline([38500, -12, 0, 7]), polyline([5])
    ('gejAV?M', 'I')
    """
    out = []
    for v in ints:
        v = int(v)
        v = ~(v << 1) if v < 0 else v << 1  # the sign goes into the lowest bit
        while v >= 0x20:
            out.append(chr((0x20 | (v & 0x1F)) + 63))
            v >>= 5
        out.append(chr(v + 63))
    return "".join(out)


def delta_line(coords, scale: int) -> str:
    """A line of coordinate pairs as one :func:`polyline` string of integer deltas in units of ``1 / scale``."""
    ints = np.rint(np.asarray(coords, dtype=float)[:, :2] * scale).astype(np.int64)
    ints[1:] -= ints[:-1].copy()
    return polyline(ints.ravel())


def encode(collection: dict, digits: int) -> dict:
    """A FeatureCollection with every coordinate list as one string of deltas (about a quarter of the bytes).

    Each innermost ``[[x, y], ...]`` becomes a :func:`delta_line` string in units of ``10**-digits``
    degrees; the layer's script decodes it (``geoDecode``) before Leaflet sees it.
    """
    scale = 10**digits

    def walk(coords, depth):
        return delta_line(coords, scale) if depth == 0 else [walk(c, depth - 1) for c in coords]

    depth = {"Point": -1, "LineString": 0, "MultiPoint": 0, "Polygon": 1, "MultiLineString": 1, "MultiPolygon": 2}
    out = []
    for f in collection["features"]:
        g = f["geometry"]
        if g["type"] == "GeometryCollection":
            raise ValueError("GeometryCollection is not supported in a VectorLayer; explode it first")
        d = depth[g["type"]]
        coords = delta_line([g["coordinates"]], scale) if d < 0 else walk(g["coordinates"], d)
        out.append({**f, "geometry": {"type": g["type"], "coordinates": coords}})
    return {"type": "FeatureCollection", "scale": scale, "features": out}


# geoLine reads one delta_line string back into [a, b] pairs; geoDecode a whole encoded FeatureCollection.
_DECODER = """<script>
function geoLine(t, s) {
    var out = [], a = 0, b = 0, i = 0;
    function next() {
        var r = 0, shift = 0, c;
        do { c = t.charCodeAt(i++) - 63; r |= (c & 31) << shift; shift += 5; } while (c >= 32);
        return r & 1 ? ~(r >> 1) : r >> 1;
    }
    while (i < t.length) { a += next(); b += next(); out.push([a / s, b / s]); }
    return out;
}
function geoDecode(fc) {
    var s = fc.scale;
    var depth = {Point: -1, LineString: 0, MultiPoint: 0, Polygon: 1, MultiLineString: 1, MultiPolygon: 2};
    function walk(c, d) { return d === 0 ? geoLine(c, s) : c.map(function(p) { return walk(p, d - 1); }); }
    fc.features.forEach(function(f) {
        var g = f.geometry, d = depth[g.type];
        g.coordinates = d < 0 ? geoLine(g.coordinates, s)[0] : walk(g.coordinates, d);
    });
    return fc;
}
</script>"""


def add_decoder(element) -> None:
    """Put ``geoLine`` and ``geoDecode`` into the page of ``element``, once however many layers use them."""
    header = element.get_root().header
    if "geo_decoder" not in header._children:
        header.add_child(Element(_DECODER), name="geo_decoder")


class VectorLayer(LiteralMacro):
    """A GeoJSON layer styled per feature from ``properties.style``, with escaped HTML tooltips/popups.

    ``data`` is a plain GeoJSON FeatureCollection (see :func:`features`); it is written
    delta-coded to ``digits`` decimals (:func:`encode`). Each feature may carry ``style``
    (Leaflet path options), ``cls`` (CSS classes added to its path), ``tip`` (HTML shown on
    hover) and ``pop`` (HTML shown on click); build those strings with :func:`esc`.
    ``interactive=False`` layers take no mouse events and are not counted as data paths.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJson(geoDecode({{ this.data_json }}), {
            {%- if this.pane %}pane: {{ this.pane|tojson }},{% endif %}
            interactive: {{ this.interactive|tojson }},
            style: function(f) { return Object.assign({}, {{ this.style_json }}, f.properties.style || {}); },
            pointToLayer: function(f, ll) { return L.circleMarker(ll, {radius: f.properties.r || 4}); },
            onEachFeature: function(f, layer) {
                if (f.properties.cls) {  // after Leaflet's own classes, so "leaflet-interactive" stays first
                    layer.on("add", function() { L.DomUtil.addClass(layer._path, f.properties.cls); });
                }
                if (f.properties.tip) { layer.bindTooltip(f.properties.tip, {sticky: true}); }
                if (f.properties.pop) { layer.bindPopup(f.properties.pop); }
            }
        }).addTo({{ this.map_name() }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        data: dict,
        *,
        style: dict | None = None,
        pane: str | None = None,
        interactive: bool = True,
        digits: int = 5,
    ):
        super().__init__()
        self._name = "VectorLayer"
        self.data_json = safe_json(encode(data, digits))
        self.style_json = safe_json(style or {})
        self.pane = pane
        self.interactive = interactive

    def map_name(self) -> str:
        return map_of(self).get_name()

    def render(self, **kwargs):
        add_decoder(self)
        super().render(**kwargs)


def map_of(element):
    """The folium Map an element sits in (elements may be nested in a group such as the basemap)."""
    import folium

    node = element
    while node is not None and not isinstance(node, folium.Map):
        node = node._parent
    if node is None:
        raise ValueError(f"{element._name} is not inside a folium.Map")
    return node
