"""geo: maps of displacement from place names and figures, offline.

>>> import geo
>>> gdf = geo.geocode(["Idleb", "Ma'arat an Nu'man", "the Turkish border"])
>>> list(gdf["kind"])
['admin1', 'place', 'border']
"""

from __future__ import annotations

from geo.errors import GeoError, InputError
from geo.geocode import Match, OfflineGazetteer, geocode, resolve

__version__ = "0.1.0"
__all__ = ["GeoError", "InputError", "Match", "OfflineGazetteer", "geocode", "resolve", "__version__"]
