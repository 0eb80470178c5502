from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
from shapely.geometry import LineString, Point, Polygon, box

from geo.render.vector import encode, features, polyline, safe_json, simplify


def _ints(text: str) -> list[int]:
    """Python twin of the page's geoLine, before the running sum: the integers of a polyline string."""
    out, r, shift = [], 0, 0
    for ch in text:
        c = ord(ch) - 63
        r |= (c & 31) << shift
        shift += 5
        if c < 32:
            out.append(~(r >> 1) if r & 1 else r >> 1)
            r, shift = 0, 0
    return out


def _decode(fc):
    """Python twin of the page's geoDecode, to check the encoding round-trips."""
    s = fc["scale"]

    def line(a):
        xy = np.cumsum(np.asarray(_ints(a), dtype=float).reshape(-1, 2), axis=0) / s
        return xy.tolist()

    depth = {"Point": -1, "LineString": 0, "Polygon": 1, "MultiPolygon": 2}
    out = []
    for f in fc["features"]:
        g = f["geometry"]
        d = depth[g["type"]]

        def walk(c, d):
            return line(c) if d == 0 else [walk(p, d - 1) for p in c]

        out.append(line(g["coordinates"])[0] if d < 0 else walk(g["coordinates"], d))
    return out


def test_safe_json_cannot_close_a_script():
    text = safe_json({"a": "</script><b>&\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><b>&\u2028"}


def test_encoding_round_trips_to_the_rounded_coordinates():
    gdf = gpd.GeoDataFrame(
        {"name": ["a", "b", "c"]},
        geometry=[box(36.1234, 35.5, 37.9876, 36.25), LineString([(36, 35), (36.5, 35.25)]), Point(36.2, 35.3)],
        crs=4326,
    )
    fc = features(gdf, ["name"], digits=3)
    back = _decode(encode(fc, 3))
    assert back[1] == [[36.0, 35.0], [36.5, 35.25]]
    assert back[2] == [36.2, 35.3]
    assert np.allclose(np.asarray(back[0][0]), np.asarray(fc["features"][0]["geometry"]["coordinates"][0]))


def test_coverage_simplify_keeps_shared_edges():
    wiggle = [(0, 0)] + [(i / 10, 0.001 * (i % 2)) for i in range(1, 10)] + [(1, 0)]
    top = Polygon([*wiggle, (1, 1), (0, 1)])
    bottom = Polygon([*wiggle, (1, -1), (0, -1)])
    a, b = simplify([top, bottom], 0.01)
    assert len(a.exterior.coords) < len(top.exterior.coords)
    assert a.intersection(b).area < 1e-12 and abs(a.union(b).area - 2) < 1e-9  # no gap, no overlap


def test_polyline_round_trips_any_integer_a_map_can_hold():
    values = [0, 1, -1, 15, -16, 31, 32, -33, 1023, 180_000_000, -180_000_000, 90_000_000]
    text = polyline(values)
    assert _ints(text) == values
    assert all(63 <= ord(c) <= 126 for c in text)  # printable, never "<" or "&"
