"""A million point records aggregated into admin areas: one geopandas sjoin vs dask-geopandas.

Random points over Syria and its borders (a camp or household list scaled up),
summed per governorate. Reports time and peak memory of each engine, and
checks conservation (people inside areas + people outside = all people).
The dask run uses a local cluster of two worker processes (`pip install geo[dask]`).

Run:  python benchmarks/bench_scale_points.py [--rows 1000000]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo import boundaries  # noqa: E402
from geo.scale import aggregate_points  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    import geopandas as gpd

    rng = np.random.default_rng(5)
    pts = gpd.GeoDataFrame(
        {"people": rng.integers(1, 200, args.rows)},
        geometry=gpd.points_from_xy(rng.uniform(35.5, 42.5, args.rows), rng.uniform(32.3, 37.4, args.rows)),
        crs=4326,
    )
    areas = boundaries.admin1("SY")
    total = int(pts["people"].sum())
    start = time.perf_counter()
    totals, outside = aggregate_points(pts, areas, "people")
    secs = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"geopandas sjoin: {args.rows:,} points in {secs:.2f} s; peak RSS {rss:.0f} MB; "
        f"conserved: {totals.sum() + outside == total}"
    )
    try:
        import distributed
    except ImportError:
        print("dask: not installed (pip install 'geo[dask]')")
        return 0
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            start = time.perf_counter()
            dtotals, doutside = aggregate_points(pts, areas, "people", engine="dask", npartitions=8, client=client)
            dsecs = time.perf_counter() - start
            worker_mb = max(w["metrics"]["memory"] for w in client.scheduler_info()["workers"].values()) / 1e6
    same = dtotals.to_dict() == totals.to_dict()
    print(
        f"dask-geopandas, 2 local workers: {dsecs:.2f} s; largest worker memory {worker_mb:.0f} MB; "
        f"same totals as geopandas: {same}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
