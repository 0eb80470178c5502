"""An offline vector basemap from ``shapefiles/``, and optional web tiles on top.

Drawn from the shipped Natural Earth layers, clipped to the map's extent and
simplified to its zoom: land by country, admin-1 lines, international borders
drawn clearly above the data, country names and the largest towns by
population (GeoNames, ``geo/data/places.csv.gz``). Web tiles (``add_tiles``)
sit above the vector land when the network is there and hide nothing when it
is not: the basemap panes are below Leaflet's tile pane.

Land and borders reach well beyond the data (:func:`cover_box`, :data:`COVER` times
its extent), coarser away from it, so that every view a reader can reach shows
land where there is land: :class:`geo.render.view.FitView` keeps zoom and pan
inside that box. The admin-1 lines (of the neighbours, on a choropleth), drawn about as
far as the opening view reaches, hide when the reader zooms out past it.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable

import folium
from jinja2 import Template

from geo.errors import InputError
from geo.render.element import LiteralMacro
from geo.render.labels import rank, use_labels
from geo.render.vector import VectorLayer, digits_for, features, map_of, safe_json, simplify, tolerance_for

LAND = {"fillColor": "#f4f1ea", "fillOpacity": 1, "color": "#b8b2a7", "weight": 0.6}
ADMIN1 = {"fill": False, "color": "#a9a39a", "weight": 0.6, "dashArray": "3 3"}
BORDER = {"fill": False, "color": "#4d4d4d", "weight": 1.6}
SEA = "#d7e6f0"
PANES = (("geoBase", 150), ("geoAdmin", 155), ("geoBorders", 420), ("geoLabels", 450))
CITIES = 14
BASE_COARSER = 3  # the basemap is context: simplified three times more than the data
COVER = 4.0  # the basemap reaches 4 times the view that fits the data: a zoom level out, two on most screens
SCREEN_ASPECT = 1.5  # width / height of the screen the reach is planned for (laptops 1.3-1.8)
RING_COARSER = 4  # beyond the data's surroundings the land is seen zoomed out: four times coarser still
ADMIN1_REACH = 1.5  # admin-1 lines reach 1.5 times the view that fits the data: about the opening view
ADMIN1_COARSER = 8  # they are faint, dashed context: their corners do not show (and each kB counts)


class Panes(LiteralMacro):
    """Map panes for the basemap: land under the tiles, borders and labels above the data."""

    _template = Template(
        """{% macro header(this, kwargs) %}<style>.leaflet-container{background:{{ this.sea }}}</style>{% endmacro %}
{% macro script(this, kwargs) %}
{%- for name, z in this.panes %}
{{ this.map_name() }}.createPane({{ name|tojson }});
{{ this.map_name() }}.getPane({{ name|tojson }}).style.zIndex = {{ z }};
{{ this.map_name() }}.getPane({{ name|tojson }}).style.pointerEvents = "none";
{%- endfor %}
(function(m) {  // the admin-1 lines reach only a little past the opening view: hidden once zoomed out of it
    function admin() { m.getPane("geoAdmin").style.display = m.getZoom() < m.geoZoom0 ? "none" : ""; }
    m.on("geoview zoomend", admin);
})({{ this.map_name() }});
{% endmacro %}"""
    )

    def __init__(self):
        super().__init__()
        self._name = "Panes"
        self.panes = PANES
        self.sea = SEA

    def map_name(self) -> str:
        return map_of(self).get_name()


class Labels(LiteralMacro):
    """Text labels (no icons, no mouse events) that give way to each other (:mod:`geo.render.labels`).

    ``points`` are ``(lat, lon, text, kind)``; kind is ``city`` (a town, with its dot), ``country`` or
    ``area`` (an area of the data, centred on its point). Areas outrank countries, countries towns;
    within a kind, the order given (the most populous town first).
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
{{ this.data_json }}.forEach(function(p) {
    L.marker([p[0], p[1]], {pane: {{ this.pane|tojson }}, interactive: false, keyboard: false,
        icon: L.divIcon({className: "", html: geoLabel(p[2], p[3], p[4]), iconSize: [0, 0]})
    }).addTo({{ this.map_name() }});
});
geoDeclutter({{ this.map_name() }});
{% endmacro %}"""
    )

    def __init__(self, points: Iterable[tuple], pane: str = "geoLabels"):
        super().__init__()
        self._name = "Labels"
        counts: dict[str, int] = {}
        rows = []
        for a, b, t, k in points:
            tier = {"area": "data", "country": "country"}.get(str(k), "city")
            counts[tier] = counts.get(tier, -1) + 1
            rows.append([round(float(a), 4), round(float(b), 4), str(t), str(k), rank(tier, counts[tier])])
        self.data_json = safe_json(rows)
        self.pane = pane

    def map_name(self) -> str:
        return map_of(self).get_name()

    def render(self, **kwargs):
        use_labels(self)
        super().render(**kwargs)


def cover_box(bounds, factor: float = COVER, aspect: float = SCREEN_ASPECT) -> tuple[float, float, float, float]:
    """How far the basemap reaches around ``bounds`` (west, south, east, north), never less than the land drawn
    near the data: ``factor`` times the view that fits the data on a screen ``aspect`` times as wide as tall.

    A window of another shape shows more on one side: a tall extent on a wide screen, a wide one on a phone.

    >>> [round(v, 1) for v in cover_box((35.6, 32.3, 42.4, 37.4))]
    [20.4, 24.6, 57.6, 45.0]
    """
    reach = _reach(bounds, factor, aspect)
    near = _box(_wide(bounds)).bounds
    return min(reach[0], near[0]), min(reach[1], near[1]), max(reach[2], near[2]), max(reach[3], near[3])


def _reach(bounds, factor: float, aspect: float = SCREEN_ASPECT) -> tuple[float, float, float, float]:
    """``factor`` times the view that fits ``bounds`` on a screen ``aspect`` times as wide as tall."""
    west, south, east, north = bounds
    k = math.cos(math.radians((south + north) / 2)) or 1e-9
    wide, tall = max(east - west, 0.2), max(north - south, 0.2) / k  # in degrees of longitude, as on screen
    half_w = factor * max(wide, aspect * tall) / 2
    half_h = factor * max(tall, wide / aspect) / 2 * k
    cx, cy = (west + east) / 2, (south + north) / 2
    return max(-180.0, cx - half_w), max(-85.0, cy - half_h), min(180.0, cx + half_w), min(85.0, cy + half_h)


def _box(bounds, grow: float = 0.3):
    from shapely.geometry import box

    west, south, east, north = bounds
    dx, dy = (east - west) * grow, (north - south) * grow
    return box(max(-180, west - dx), max(-90, south - dy), min(180, east + dx), min(90, north + dy))


def _wide(bounds, aspect: float = 2.2):
    """``bounds`` widened (about their centre) to at least ``aspect`` times as wide as tall, on screen."""
    west, south, east, north = bounds
    k = math.cos(math.radians((south + north) / 2))
    width, height = (east - west) * k, north - south
    if width < aspect * height:
        grow = (aspect * height - width) / k / 2
        west, east = west - grow, east + grow
    return west, south, east, north


@functools.cache
def _places():
    import pandas as pd

    from geo.gazetteer import DATA

    return pd.read_csv(DATA / "places.csv.gz", usecols=["name", "lat", "lon", "country", "population"])


def city_labels(bounds, n: int = CITIES, skip_names: Iterable[str] = ()) -> list[tuple]:
    """The ``n`` most populous towns inside ``bounds``, skipping any too close to a bigger one.

    Towns named like one of ``skip_names`` (any spelling: "Latakia" for "Lattakia") are left out,
    so an area labelled on the map does not get its capital's name printed beside it again.
    """
    from geo.names import skeleton

    skip = {skeleton(s) for s in skip_names}
    west, south, east, north = bounds
    places = _places()
    inside = places[places.lat.between(south, north) & places.lon.between(west, east)]
    inside = inside.sort_values(["population", "name"], ascending=[False, True])
    gap = max(east - west, north - south) / 14
    chosen: list[tuple] = []
    for row in inside.itertuples():
        if len(chosen) == n:
            break
        if skip and skeleton(row.name) in skip:
            continue
        if all(abs(row.lat - c[0]) > gap / 2 or abs(row.lon - c[1]) > gap for c in chosen):
            chosen.append((row.lat, row.lon, row.name, "city"))
    return chosen


def layers(bounds, data_countries: Iterable[str] = (), skip_names: Iterable[str] = (), reach=None) -> dict:
    """The basemap's pieces clipped to ``bounds`` as GeoDataFrames (land, admin1, borders) and labels.

    Shared with the matplotlib twin so the static map shows the same basemap. Countries in
    ``data_countries`` get no name label and no admin-1 lines: the data layer draws them.
    ``reach`` (a box, see :func:`cover_box`) adds ``land_ring`` and ``borders_ring``: the land and
    borders beyond those near the data, as far as the box, for a web map a reader can zoom out of.
    """
    import geopandas as gpd
    import shapely

    from geo import boundaries

    tolerance = tolerance_for(bounds) * BASE_COARSER
    skip = {s.upper() for s in data_countries}
    clip = _box(bounds)
    # land reaches further than the rest: a wide window shows more than the bounds, and a coast that
    # stops in mid-air looks broken
    land_clip = _box(_wide(bounds))
    land = boundaries.admin0()
    land = land[land.intersects(land_clip)].copy()
    land["geometry"] = land.geometry.intersection(land_clip)
    # the data layer draws its own countries' areas; here the others' admin-1 lines, each shared edge once:
    # faint context, coarser still, about as far as the opening view reaches (further would cost bytes on
    # every map; zoomed out, they hide)
    admin1 = boundaries.admin1()
    admin_box = shapely.box(*_reach(bounds, ADMIN1_REACH))
    admin1 = admin1[admin1.intersects(admin_box) & ~admin1["iso_a2"].isin(skip)]
    edges = shapely.union_all(shapely.boundary(simplify(admin1.geometry.values, tolerance * ADMIN1_COARSER)))
    admin1 = gpd.GeoDataFrame(geometry=[edges.intersection(admin_box)], crs=4326)
    borders = boundaries.borders()
    borders = borders[borders.intersects(clip)].copy()
    borders["geometry"] = borders.geometry.intersection(clip)
    labels = []
    view = _box(bounds, grow=-0.02)
    for row in land.itertuples():
        part = row.geometry.intersection(view)
        if part.is_empty or row.iso_a2 in skip or part.area < 0.004 * view.area:
            continue
        p = part.centroid if part.contains(part.centroid) else part.representative_point()
        labels.append((p.y, p.x, row.name, "country"))
    cities = city_labels(bounds, skip_names=skip_names)
    parts = {"land": land, "admin1": admin1, "borders": borders, "labels": labels + cities}
    if reach is not None:
        outer = shapely.box(*reach)
        for key, source, near_box in (
            ("land", boundaries.admin0(), land_clip),
            ("borders", boundaries.borders(), clip),
        ):
            ring = outer.difference(near_box)
            beyond = source[source.intersects(ring)].copy()
            beyond["geometry"] = beyond.geometry.intersection(ring)
            parts[f"{key}_ring"] = beyond[~beyond.geometry.is_empty]
    return parts


def add_basemap(
    m: folium.Map, bounds, data_countries: Iterable[str] = (), skip_names: Iterable[str] = (), reach=None
) -> folium.Map:
    """Draw the offline vector basemap for ``bounds`` (west, south, east, north) on ``m``; returns ``m``.

    ``data_countries`` are ISO codes of the countries the data layer covers (not named, no admin-1 lines);
    towns named like ``skip_names`` (the areas the map labels itself) get no label. ``reach`` (a box from
    :func:`cover_box`) draws land and borders that far, coarser beyond the data's surroundings.
    """
    tol = tolerance_for(bounds) * BASE_COARSER
    digits = digits_for(tol)
    parts = layers(bounds, data_countries, skip_names, reach=reach)
    Panes().add_to(m)
    pieces = (("land", LAND, "geoBase"), ("admin1", ADMIN1, "geoAdmin"), ("borders", BORDER, "geoBorders"))
    for key, style, pane in pieces:
        data = features(_near_and_far(parts, key, tol), [], 0.0, digits)
        VectorLayer(data, style=style, pane=pane, interactive=False, digits=digits).add_to(m)
    Labels(parts["labels"]).add_to(m)
    return m


def _near_and_far(parts: dict, key: str, tolerance: float):
    """``parts[key]`` simplified to ``tolerance``, and its ring (if any) coarser, joined into one feature a piece.

    Each country's near and far land are merged into one polygon, so that no seam shows where they meet.
    """
    import geopandas as gpd
    import pandas as pd

    near = parts[key].set_geometry(simplify(parts[key].geometry.values, tolerance))
    ring = parts.get(f"{key}_ring")
    if ring is None or not len(ring):
        return near
    ring = ring.set_geometry(simplify(ring.geometry.values, tolerance * RING_COARSER))
    both = gpd.GeoDataFrame(pd.concat([near[["geometry"]], ring[["geometry"]]]), crs=4326)
    if key != "land":
        return both
    return both.dissolve(level=0, sort=True).reset_index(drop=True)  # rows of one country share its index


def add_tiles(m: folium.Map, name: str, apikey: str | None = None) -> folium.Map:
    """Add web tiles by xyzservices name (``"OpenStreetMap.HOT"``, ``"CartoDB.Positron"``); returns ``m``.

    Tiles load only when online; the vector basemap under them keeps the map readable offline.
    Providers that need a key (CartoDB, Stadia, Thunderforest…) take ``apikey`` or the
    ``GEO_TILES_KEY`` environment variable; the key ends up in the HTML, as with any web map.
    """
    import os

    import xyzservices

    try:
        provider = xyzservices.providers.query_name(name)
    except ValueError:
        raise InputError(f"unknown tiles {name!r}; try OpenStreetMap.HOT or CartoDB.Positron") from None
    key = apikey or os.environ.get("GEO_TILES_KEY")
    if provider.requires_token() and not key:
        raise InputError(f"tiles {provider.name!r} need an API key: set GEO_TILES_KEY, or use OpenStreetMap.HOT")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # xyzservices warns about keys; the check above says it once, clearly
        url = provider.build_url(**({"apikey": key} if provider.requires_token() else {}))
    folium.TileLayer(
        tiles=url,
        attr=provider.html_attribution,
        name=provider.name,
        max_zoom=provider.get("max_zoom", 18),
        overlay=False,
    ).add_to(m)
    return m
