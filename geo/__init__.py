"""geo: maps of displacement from place names and figures, offline.

The pipeline, one public function a stage:

* ``geo.extract(text, date=...)`` — figures, places, dates and movements from report text;
* ``geo.geocode(names, country=...)`` — names → points, border lines, area polygons (offline);
* ``geo.choropleth(data, value=..., place=... | pcode=...)`` — figures per admin area, a ``folium.Map``;
* ``geo.flows(data, origin=..., destination=..., value=...)`` — movements as arrows, a ``folium.Map``;
* ``geo.bubbles(data, value=..., place=... | pcode=... | lat=..., lon=...)`` — figures at places as circles;
* ``geo.save_html(map, path)`` — one self-contained HTML file that opens offline.

>>> import geo
>>> gdf = geo.geocode(["Idleb", "Ma'arat an Nu'man", "the Turkish border"])
>>> list(gdf["kind"])
['admin1', 'community', 'border']
"""

from __future__ import annotations

from geo.errors import GeoError, InputError
from geo.extract import Extraction, extract
from geo.geocode import Match, geocode, resolve

__version__ = "0.1.0"
__all__ = [
    "Extraction", "GeoError", "InputError", "Match", "OfflineGazetteer", "bubbles", "choropleth", "extract", "flows",
    "geocode", "resolve", "save_html", "__version__",
]  # fmt: skip

# The map builders pull in folium and matplotlib (half a second), the geopy geocoder geopy and requests (a
# quarter): load them on first use so that `geo geocode` stays quick to start.
_LAZY = {
    "OfflineGazetteer": ("geo.offline", "OfflineGazetteer"),
    "bubbles": ("geo.render.bubbles", "bubbles"),
    "choropleth": ("geo.render.choropleth", "choropleth"),
    "flows": ("geo.render.flows", "flows"),
    "save_html": ("geo.render.base", "save_html"),
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'geo' has no attribute {name!r}")
