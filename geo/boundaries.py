"""Boundaries shipped in ``shapefiles/``: countries, admin-1 areas, borders.

The files are built by ``scripts/build_shapefiles.py`` from Natural Earth (see
``shapefiles/README.md``). Each loader reads its file once per process.

>>> syria = admin1(country="SY")
>>> sorted(syria["pcode"])[1:4]  # the first is the UNDOF zone, which has none
['SY01', 'SY02', 'SY03']
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import InputError

if TYPE_CHECKING:  # geopandas is imported on first use: `geo geocode` to CSV never needs it
    import geopandas as gpd


def shapefiles_dir() -> Path:
    """Folder holding the shipped boundaries (``GEO_SHAPEFILES`` overrides it)."""
    env = os.environ.get("GEO_SHAPEFILES")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here / "shapefiles", here.parent / "shapefiles"):
        if (candidate / "admin0.gpkg").exists():
            return candidate
    raise InputError(f"shipped boundaries not found next to {here}; reinstall geo or set GEO_SHAPEFILES")


@functools.cache
def _read(name: str) -> gpd.GeoDataFrame:
    import geopandas as gpd

    gdf = gpd.read_file(shapefiles_dir() / f"{name}.gpkg")
    # GeoPackage layers promote single lines to multi-lines; undo that for one-part borders.
    gdf["geometry"] = [g.geoms[0] if g.geom_type.startswith("Multi") and len(g.geoms) == 1 else g for g in gdf.geometry]
    return gdf


def _select(gdf: gpd.GeoDataFrame, country: str | None) -> gpd.GeoDataFrame:
    if country is None:
        return gdf.copy()
    return gdf[gdf["iso_a2"] == country.upper()].copy()


def admin0(country: str | None = None) -> gpd.GeoDataFrame:
    """Country polygons (Natural Earth 1:10m) with ``iso_a2``, ``iso_n3`` and ``name``."""
    return _select(_read("admin0"), country)


def admin1(country: str | None = None) -> gpd.GeoDataFrame:
    """First-level areas for Syria and its neighbours, with ``pcode`` (Syria), ``name``, ``name_ar``."""
    return _select(_read("admin1"), country)


def borders(a: str | None = None, b: str | None = None) -> gpd.GeoDataFrame:
    """International borders as lines between countries ``a2_a`` and ``a2_b`` (sorted pair).

    >>> line = borders("TR", "SY").geometry.iloc[0]
    >>> line.geom_type
    'LineString'
    """
    gdf = _read("borders")
    for code in (a, b):
        if code:
            gdf = gdf[(gdf["a2_a"] == code.upper()) | (gdf["a2_b"] == code.upper())]
    return gdf.copy()


def inside_point(geom) -> tuple[float, float]:
    """A (lat, lon) that lies on the geometry: inside a polygon, on a line."""
    if geom.geom_type in ("LineString", "MultiLineString"):
        import shapely

        merged = shapely.line_merge(geom) if geom.geom_type == "MultiLineString" else geom
        longest = max(getattr(merged, "geoms", [merged]), key=lambda g: g.length)
        point = longest.interpolate(0.5, normalized=True)
    else:
        point = geom.representative_point()
    return round(point.y, 6), round(point.x, 6)
