from __future__ import annotations

import numpy as np
import pytest

from geo import boundaries
from geo.errors import InputError
from geo.scale import aggregate_points


@pytest.fixture(scope="module")
def points():
    import geopandas as gpd

    rng = np.random.default_rng(3)
    n = 20_000
    return gpd.GeoDataFrame(
        {"people": rng.integers(0, 50, n)},
        geometry=gpd.points_from_xy(rng.uniform(34, 44, n), rng.uniform(31, 39, n)),  # Syria and around
        crs=4326,
    )


def test_geopandas_engine_conserves_people(points):
    totals, outside = aggregate_points(points, boundaries.admin1("SY"), "people")
    assert set(totals.index) <= {f"SY{i:02d}" for i in range(1, 15)}
    assert totals.sum() + outside == pytest.approx(points["people"].sum())
    assert outside > 0  # most of the box is outside Syria


def test_counts_points_without_a_value(points):
    totals, outside = aggregate_points(points, boundaries.admin1("SY"))
    assert totals.sum() + outside == len(points)


def test_reprojected_points_land_in_the_same_areas(points):
    a, _ = aggregate_points(points, boundaries.admin1("SY"), "people")
    b, _ = aggregate_points(points.to_crs(3857), boundaries.admin1("SY"), "people")
    assert a.to_dict() == b.to_dict()


def test_bad_columns_are_clear_errors(points):
    with pytest.raises(InputError, match="no column 'idps'"):
        aggregate_points(points, boundaries.admin1("SY"), "idps")
    with pytest.raises(InputError, match="no column 'ADM1_PCODE'"):
        aggregate_points(points, boundaries.admin1("SY"), "people", key="ADM1_PCODE")


def test_dask_engine_on_a_local_cluster_matches_geopandas(points):
    pytest.importorskip("dask_geopandas")
    distributed = pytest.importorskip("distributed")
    areas = boundaries.admin1("SY")
    expected, expected_out = aggregate_points(points, areas, "people")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        with distributed.Client(cluster) as client:
            totals, outside = aggregate_points(points, areas, "people", engine="dask", npartitions=4, client=client)
    assert totals.to_dict() == expected.to_dict()
    assert outside == pytest.approx(expected_out)
