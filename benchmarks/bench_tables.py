"""Tables as they come (issue: HXL columns, admin hierarchies, the level the user means), measured through the CLI.

Claims recorded in BENCHMARKS.md:

* the 541-community table (``community_tables.py``) by sub-district name
  (``--column Nahya``) with a COD-AB-shaped admin-3 boundary file: at least
  98% of rows inside their own sub-district;
* by community name with ``--parent Nahya``: at least 97% on the very
  community (same P-code), no more than 0.5% in a wrong governorate; by
  community P-code: 100%;
* by community name with no option at all (the table's own Mohafaza, Mantika,
  Nahya columns are found and used);
* an HXL-tagged table of the 14 governorates maps with no column options.

The admin-3 file is made here, since OCHA's COD-AB polygons are not in the
repository: each sub-district is the union of the Voronoi cells of its OCHA
communities, clipped to Syria (Natural Earth), with COD-AB columns (ADM1_EN …
ADM3_PCODE). Its lines are approximate; what is measured is whether names find
their own area in a user's boundary file.

Run:  python benchmarks/bench_tables.py
"""

from __future__ import annotations

import csv
import io
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from click.testing import CliRunner  # noqa: E402

from geo.cli import main  # noqa: E402

TABLE = HERE / "data" / "communities_541.csv"


def admin3_file(path: Path) -> Path:
    """Sub-district polygons as Voronoi cells of OCHA's communities, in COD-AB's shape."""
    import geopandas as gpd
    import pandas as pd
    import shapely

    from geo import boundaries

    com = pd.read_csv(HERE.parent / "geo" / "data" / "communities.csv.gz", dtype=str, keep_default_na=False)
    pts = gpd.GeoDataFrame(com, geometry=gpd.points_from_xy(com["lon"].astype(float), com["lat"].astype(float)),
                           crs=4326).drop_duplicates("geometry")  # fmt: skip
    syria = boundaries.admin0("SY").geometry.union_all()
    cells = shapely.voronoi_polygons(shapely.MultiPoint(list(pts.geometry)), extend_to=syria.envelope.buffer(1))
    cells = gpd.GeoDataFrame(geometry=list(cells.geoms), crs=4326)
    joined = gpd.sjoin(cells, pts, predicate="contains").drop(columns="index_right")
    joined["geometry"] = joined.geometry.intersection(syria)
    adm3 = joined.dissolve(by="admin3_pcode", as_index=False, aggfunc="first")
    out = gpd.GeoDataFrame({
        "ADM0_EN": "Syrian Arab Republic", "ADM0_PCODE": "SY",
        "ADM1_EN": adm3["admin1"], "ADM1_PCODE": adm3["admin1_pcode"],
        "ADM2_EN": adm3["admin2"], "ADM2_PCODE": adm3["admin2_pcode"],
        "ADM3_EN": adm3["admin3"], "ADM3_AR": adm3["admin3_ar"], "ADM3_PCODE": adm3["admin3_pcode"],
    }, geometry=adm3.geometry.make_valid(), crs=4326)  # fmt: skip
    out.to_file(path, driver="GPKG", layer="syr_admbnda_adm3")
    return path


def geocode(*args) -> tuple[list[dict], str, float]:
    start = time.perf_counter()
    res = CliRunner().invoke(main, ["geocode", *map(str, args)])
    secs = time.perf_counter() - start
    if res.exit_code != 0:
        raise SystemExit(f"geo geocode {' '.join(map(str, args))} failed: {res.output}")
    return list(csv.DictReader(io.StringIO(res.stdout))), res.stderr, secs


def share(rows, truth, key) -> float:
    return sum(r[key] == t for r, t in zip(rows, truth)) / len(truth)


def main_() -> int:
    with open(TABLE, encoding="utf-8") as fh:
        table = list(csv.DictReader(fh))
    sub3 = [r["admin3Pcode"] for r in table]
    gov = [r["admin1Pcode"] for r in table]
    com = [r["Community_Pcode"] for r in table]
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        adm3 = admin3_file(Path(tmp) / "syr_admbnda_adm3.gpkg")
        print(f"made the admin-3 file (Voronoi cells of OCHA's communities): {time.perf_counter() - start:.1f} s")
        rows, err, secs = geocode("-i", TABLE, "--column", "Nahya", "--boundaries", adm3)
        print(f"--column Nahya --boundaries adm3: {share(rows, sub3, 'pcode'):.1%} inside their own sub-district "
              f"(target ≥ 98%); {secs:.1f} s; {err.strip().splitlines()[-1]}")  # fmt: skip
        rows, err, secs = geocode("-i", TABLE, "--column", "Nahya")
        print(f"--column Nahya, shipped gazetteer only: {share(rows, sub3, 'admin3_pcode'):.1%} in their own "
              f"sub-district")  # fmt: skip
    rows, err, secs = geocode("-i", TABLE, "--column", "Community", "--parent", "Nahya", "--country", "SY")
    wrong = sum(r["admin1_pcode"] not in ("", g) for r, g in zip(rows, gov)) / len(gov)
    print(f"--column Community --parent Nahya: {share(rows, com, 'pcode'):.1%} on the very community "
          f"(target ≥ 97%), {wrong:.1%} in a wrong governorate (target ≤ 0.5%); {secs:.1f} s")  # fmt: skip
    rows, err, secs = geocode("-i", TABLE, "--country", "SY")
    wrong = sum(r["admin1_pcode"] not in ("", g) for r, g in zip(rows, gov)) / len(gov)
    said = [line for line in err.splitlines() if "own columns" in line or "names from" in line]
    print(f"no options (the table's own hierarchy): {share(rows, com, 'pcode'):.1%} on the very community, "
          f"{wrong:.1%} in a wrong governorate; said: {' / '.join(said)}")  # fmt: skip
    rows, err, secs = geocode("-i", TABLE, "--column", "Community_Pcode")
    print(f"--column Community_Pcode: {share(rows, com, 'pcode'):.1%} on the very community (target 100%)")
    return 0


if __name__ == "__main__":
    sys.exit(main_())
