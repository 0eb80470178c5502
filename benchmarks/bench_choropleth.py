"""Choropleth speed and size: geo against geopandas explore() on the same Syria admin-1 data, and 1M points.

Run from the repository root:

    python benchmarks/bench_choropleth.py [--points 1000000]

Prints, in one process: render time and HTML bytes of geo's offline map and
of ``GeoDataFrame.explore()`` (which loads its libraries from CDNs, so its
bytes are data and markup only) with the ratio; then a choropleth of N random
points inside Syria aggregated into governorates (time, peak memory,
conservation).
"""

from __future__ import annotations

import argparse
import resource
import time
import warnings

import numpy as np
import pandas as pd


def best_of(n: int, func):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        out = func()
        times.append(time.perf_counter() - t)
    return min(times), out


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    t0 = time.perf_counter()
    from geo.render.assets import leaflet_css, leaflet_js
    from geo.render.base import render_html
    from geo.render.choropleth import choropleth

    pcodes = [f"SY{i:02d}" for i in range(1, 15)]
    rng = np.random.default_rng(4)
    df = pd.DataFrame({"pcode": pcodes, "idps": rng.integers(0, 500_000, len(pcodes))})

    def ours() -> str:
        m = choropleth(df, "idps", pcode="pcode", title="IDPs by governorate", source="bench", created="2026-01-01")
        return render_html(m)

    cold = time.perf_counter()
    html = ours()
    cold = time.perf_counter() - cold
    print(f"first geo choropleth in a fresh process (imports mapclassify/scipy, reads shapefiles): {cold:.2f} s")
    print(f"  (process start to first map: {time.perf_counter() - t0:.2f} s)")

    from geo.boundaries import admin1

    gdf = admin1("SY").merge(df, on="pcode", how="left")

    def theirs() -> str:
        return gdf.explore(column="idps", tooltip=["name", "pcode", "idps"]).get_root().render()

    theirs()  # same warm start for both
    t_ours, html = best_of(args.repeat, ours)
    t_theirs, page = best_of(args.repeat, theirs)
    leaflet = len(leaflet_js().encode()) + len(leaflet_css().encode())
    ours_bytes = len(html.encode())
    theirs_bytes = len(page.encode())
    print(f"Syria admin-1 (14 governorates + UNDOF), best of {args.repeat}:")
    print(f"  geo choropleth + render : {t_ours:.3f} s, {ours_bytes:,} bytes (self-contained)")
    print(f"  of which inlined Leaflet: {leaflet:,} bytes; the rest {ours_bytes - leaflet:,} bytes")
    print(f"  geopandas explore()     : {t_theirs:.3f} s, {theirs_bytes:,} bytes (+ CDN libraries)")
    print(f"  ratio bytes without Leaflet / explore: {(ours_bytes - leaflet) / theirs_bytes:.2f} (target <= 0.40)")
    print(f"  ratio time geo / explore: {t_ours / t_theirs:.2f}")

    # N random points inside Syria, summed into governorates
    import geopandas as gpd
    import shapely

    syria = shapely.union_all(admin1("SY").geometry.values)
    west, south, east, north = syria.bounds
    xs, ys = [], []
    have = 0
    while have < args.points:
        x = rng.uniform(west, east, args.points)
        y = rng.uniform(south, north, args.points)
        inside = shapely.contains_xy(syria, x, y)
        xs.append(x[inside])
        ys.append(y[inside])
        have += int(inside.sum())
    x = np.concatenate(xs)[: args.points]
    y = np.concatenate(ys)[: args.points]
    people = rng.integers(1, 100, args.points)
    points = gpd.GeoDataFrame({"people": people}, geometry=gpd.points_from_xy(x, y), crs=4326)
    before = rss_mb()
    t = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = choropleth(points, "people", title="1M points", created="2026-01-01")
        html = render_html(m)
    elapsed = time.perf_counter() - t
    drawn = float(np.nansum(m.joined["value"]))
    lost = float(m.unmatched["value"].sum())
    print(f"{args.points:,} random points in Syria → governorates: {elapsed:.2f} s, "
          f"peak RSS {rss_mb():,.0f} MB (was {before:,.0f} MB before the join), "
          f"HTML {len(html.encode()):,} bytes")  # fmt: skip
    print(f"  conservation: input {people.sum():,} = drawn {drawn:,.0f} + unmatched {lost:,.0f} "
          f"({len(m.unmatched)} points on no polygon): {people.sum() == drawn + lost}")  # fmt: skip


if __name__ == "__main__":
    main()
