"""Point data beyond one process: partitioned spatial joins with dask-geopandas.

For a few million points, :func:`aggregate_points` with ``engine="geopandas"``
(one sjoin) is enough. Past that, ``engine="dask"`` splits the points into
partitions, joins each to the areas on a local dask cluster (or the
``client`` you pass) and sums per area; the result feeds the same renderers
(``geo.choropleth`` takes the per-area table with ``pcode=``).

Needs the optional extra: ``pip install geo[dask]``.

>>> import geopandas as gpd
>>> from shapely.geometry import Point
>>> from geo import boundaries
>>> pts = gpd.GeoDataFrame({"people": [5, 7, 1]},
...     geometry=[Point(36.63, 35.93), Point(36.70, 36.18), Point(0, 0)], crs=4326)
>>> totals, outside = aggregate_points(pts, boundaries.admin1("SY"), value="people", key="pcode")
>>> totals.to_dict(), outside
({'SY07': 12.0}, 1.0)
"""

from __future__ import annotations

import pandas as pd

from geo.errors import InputError, MissingDependencyError


def aggregate_points(points, areas, value: str | None = None, key: str = "pcode", engine: str = "geopandas",
                     npartitions: int | None = None, client=None) -> tuple[pd.Series, float]:  # fmt: skip
    """Sum ``value`` (or count points) per area ``key``; returns (totals by key, total outside every area).

    Conservation holds: ``totals.sum() + outside`` equals the sum of ``value`` over all points.
    Points on a shared edge count once (for the first area they fall in).
    """
    if key not in areas.columns:
        raise InputError(f"areas have no column {key!r}; columns are: {', '.join(map(str, areas.columns))}")
    if value is not None and value not in points.columns:
        raise InputError(f"points have no column {value!r}; columns are: {', '.join(map(str, points.columns))}")
    pts = points[[value, "geometry"]].copy() if value else points[["geometry"]].assign(_count=1.0)
    col = value or "_count"
    pts[col] = pts[col].astype(float)
    pts = pts.to_crs(areas.crs) if pts.crs != areas.crs else pts
    total = float(pts[col].sum())
    shapes = areas[[key, "geometry"]]
    if engine == "geopandas":
        import geopandas as gpd

        joined = gpd.sjoin(pts, shapes, how="inner", predicate="intersects")
        joined = joined[~joined.index.duplicated()]
        totals = joined.groupby(key)[col].sum()
    elif engine == "dask":
        totals = _dask_totals(pts, shapes, key, col, npartitions, client)
    else:
        raise InputError(f"unknown engine {engine!r}: use 'geopandas' or 'dask'")
    totals = totals[totals.index.astype(str) != ""].sort_index().astype(float)
    return totals, round(total - float(totals.sum()), 9)


def _dask_totals(pts, shapes, key, col, npartitions, client) -> pd.Series:
    try:
        import dask_geopandas
    except ImportError:
        raise MissingDependencyError("engine='dask' needs the dask extra: pip install 'geo[dask]'") from None
    import os

    # The row index travels with each point, so a point on a shared edge is counted once after the join.
    dpts = dask_geopandas.from_geopandas(pts, npartitions=npartitions or max(2, os.cpu_count() or 2))
    joined = dask_geopandas.sjoin(dpts, shapes, how="inner", predicate="intersects")
    frame = joined[[key, col]].compute() if client is None else client.compute(joined[[key, col]]).result()
    frame = frame[~frame.index.duplicated()]
    return frame.groupby(key)[col].sum()
