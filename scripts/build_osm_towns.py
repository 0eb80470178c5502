"""Regenerate ``geo/data/towns_osm.csv.gz``: towns of nine crisis countries that no other source of geo has, from
OpenStreetMap.

GeoNames' extracts are thinnest where displacement is worst: they hold 23 places of South Sudan, 112 of Sudan,
118 of the DR Congo. OpenStreetMap's mappers (many of them humanitarian, HOT) tagged the towns there:
``place=town`` and ``place=city`` nodes of South Sudan, Sudan, the DR Congo, the Central African Republic,
Chad, Somalia, Mali, Burkina Faso and Niger, 2,410 in all, as the September 2019 extracts of
github.com/ObiWanLansi/GeoData (commit 3f600c7) hold them. ``scripts/sources/osm-towns/osm_towns.csv`` is a
faithful copy of those nodes (id, point, name, English name, tag value, population where mapped), made by
``--from-geodata``; the build reads only that file, so it needs nothing but the repository.

Villages (``place=village``, 50,000 more nodes) are left out: tried in session 10 on the dev sets, they added
as many wrong answers as right ones (Niger's villages named Dori, Tokar and Jama took those names from
towns elsewhere, and Katana in Kivu from another Katana).

A node is kept when:

* it has a name in Latin letters (its English name if mapped, else its name);
* it is not named like a town of 20,000 people or more of its country (``LARGE``): such a node is a
  mapper's short name for another place ("Wau" for Wau Shilluk, by Malakal) or a second point of the town;
* no town geo already ships (GeoNames', OCHA's communities, the supplements' places, SimpleMaps' towns) is the
  same town, by the rules of ``build_towns.py`` (same name within 150 km, a respelling within 30 km, a name
  80 % alike within 10 km), and no earlier node of the file is (the same name within 150 km);
* it lies inside its country (within about 10 km of its outline): it takes the admin-1 area it falls in.

Its population is OpenStreetMap's figure where mappers gave one, else 0 (none known). Every match says
"OpenStreetMap (ODbL)" in ``source``; the file is under OpenStreetMap's licence (ODbL 1.0), kept apart from
the CC BY files.

Run:  python scripts/build_osm_towns.py                 (after build_towns.py, whose output it reads)
      python scripts/build_osm_towns.py --from-geodata PATH   (PATH: a clone of ObiWanLansi/GeoData; rewrites
                                                            the source copy first)
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sqlite3
import sys
import tempfile
import zipfile
from pathlib import Path

import pandas as pd
from build_towns import Shipped, shipped, write_towns

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from geo.gazetteer import name_keys  # noqa: E402

SOURCE = ROOT / "scripts" / "sources" / "osm-towns" / "osm_towns.csv"
OUT = ROOT / "geo" / "data" / "towns_osm.csv.gz"
FILES = {
    "SS": "south-sudan", "SD": "sudan", "CD": "congo-democratic-republic", "CF": "central-african-republic",
    "TD": "chad", "SO": "somalia", "ML": "mali", "BF": "burkina-faso", "NE": "niger",
}  # fmt: skip
FIELDS = ["id", "country", "lat", "lon", "name", "name_en", "place", "population"]
# A node named like a town of this many people in its country is a mapper's short name for another place ("Wau"
# for Wau Shilluk) or a second point of that town: kept, it would make the town's own name ambiguous.
LARGE = 20_000


def from_geodata(repo: Path) -> None:
    """Copy the town and city nodes of the nine countries out of GeoData's SQLite extracts into SOURCE."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for country, stem in FILES.items():
            with zipfile.ZipFile(repo / "Africa" / f"{stem}.sqlite.zip") as z:
                z.extractall(tmp)
                db = sqlite3.connect(Path(tmp) / z.namelist()[0])
            query = ("SELECT ID, LAT, LON, NAME, NAME_EN, VALUE, POPULATION FROM NODE "
                     "WHERE TAG = 'place' AND VALUE IN ('town', 'city') ORDER BY ID")  # fmt: skip
            for nid, lat, lon, name, name_en, value, population in db.execute(query):
                rows.append([nid, country, f"{lat:.7f}", f"{lon:.7f}", name or "", name_en or "", value,
                             population or ""])  # fmt: skip
            db.close()
    with open(SOURCE, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(FIELDS)
        out.writerows(sorted(rows, key=lambda r: (r[1], r[0])))
    print(f"wrote {SOURCE.relative_to(ROOT)}: {len(rows)} nodes")


def latin(text: str) -> bool:
    return bool(text.strip()) and all(ord(ch) < 0x250 for ch in text)


def known_towns() -> Shipped:
    """Every town geo ships before this file: build_towns' list, and SimpleMaps' towns."""
    known = shipped()
    with gzip.open(ROOT / "geo" / "data" / "towns.csv.gz", "rt", encoding="utf-8") as fh:
        extra = [(float(r["lat"]), float(r["lon"]), [r["name"], *r["alt_names"].split("|")])
                 for r in csv.DictReader(fh)]  # fmt: skip
    return Shipped(pd.concat([known, pd.DataFrame(extra, columns=known.columns)], ignore_index=True))


def large_towns() -> set[tuple[str, str]]:
    """(country, name key) of the towns of LARGE people or more that GeoNames has."""
    out = set()
    with gzip.open(ROOT / "geo" / "data" / "places.csv.gz", "rt", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if int(r["population"] or 0) >= LARGE:
                out |= {(r["country"], key) for key in name_keys([r["name"], *r["alt_names"].split("|")])}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from-geodata", type=Path, help="a clone of ObiWanLansi/GeoData: rewrite the source copy")
    args = parser.parse_args(argv)
    if args.from_geodata:
        from_geodata(args.from_geodata)
    known, large = known_towns(), large_towns()
    kept: list[dict] = []
    with open(SOURCE, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            names = [n for n in dict.fromkeys((r["name_en"], r["name"])) if n]
            if not names or not latin(names[0]):
                continue
            lat, lon = float(r["lat"]), float(r["lon"])
            if known.has(lat, lon, names) or Shipped(_frame(kept)).has(lat, lon, names[:1]):
                continue
            if any((r["country"], key) in large for key in name_keys(names)):
                continue  # "Wau" by Malakal (Wau Shilluk) would make South Sudan's city of 127,000 ambiguous
            kept.append({
                "id": r["id"], "name": names[0], "alt_names": "|".join(names[1:]), "lat": round(lat, 5),
                "lon": round(lon, 5), "country": r["country"], "population": int(r["population"] or 0),
                "place": r["place"],
            })  # fmt: skip
    write_towns(pd.DataFrame(kept), OUT)
    return 0


def _frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([(r["lat"], r["lon"], [r["name"]]) for r in rows], columns=["lat", "lon", "names"])


if __name__ == "__main__":
    sys.exit(main())
