"""Regenerate ``geo/data/communities.csv.gz``: Syria's communities from OCHA's locations list.

Source: ``scripts/sources/syria-communities/Locations.xlsx``, OCHA Syria populated
places (COD-PP), committed unchanged (sha256 checked below; provenance and licence in
the README beside it). Licence CC BY-IGO; credit "Syria populated places: OCHA".

One row per community (7,693): its P-code (``C1001`` …), English and Arabic names,
the qualified name OCHA uses to tell namesakes apart (``Yarmuk (Damascus)``), the
names and P-codes of its governorate, district and sub-district, and its point.
Nothing is added or corrected here; the gazetteer derives districts and
sub-districts (as points) from these rows.

Run:  python scripts/build_communities.py
"""

from __future__ import annotations

import gzip
import hashlib
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "scripts" / "sources" / "syria-communities" / "Locations.xlsx"
SHA256 = "423c03ef690cd2d5d337eb669f5df592f54e48fc37854090bfe1468554ec397e"
OUT = ROOT / "geo" / "data" / "communities.csv.gz"
COLUMNS = {
    "admin4Pcode": "pcode",
    "admin4Name_en": "name",
    "admin4Name_ar": "name_ar",
    "LocationName_en": "qualified",
    "LocationName_ar": "qualified_ar",
    "admin1Name_en": "admin1",
    "admin1Name_ar": "admin1_ar",
    "admin1Pcode": "admin1_pcode",
    "admin2Name_en": "admin2",
    "admin2Name_ar": "admin2_ar",
    "admin2Pcode": "admin2_pcode",
    "admin3Name_en": "admin3",
    "admin3Name_ar": "admin3_ar",
    "admin3Pcode": "admin3_pcode",
    "Latitude_y": "lat",
    "Longitude_x": "lon",
}


def main() -> int:
    digest = hashlib.sha256(SOURCE.read_bytes()).hexdigest()
    if digest != SHA256:
        print(f"{SOURCE}: sha256 {digest}, expected {SHA256}; the source changed", file=sys.stderr)
        return 1
    df = pd.read_excel(SOURCE, dtype=str).fillna("")
    df = df[list(COLUMNS)].rename(columns=COLUMNS)
    for col in df.columns:
        df[col] = df[col].str.strip()
    # The qualified names repeat the plain one where OCHA saw no namesake: keep only the informative ones.
    df.loc[df["qualified"] == df["name"], "qualified"] = ""
    df.loc[df["qualified_ar"] == df["name_ar"], "qualified_ar"] = ""
    df["lat"] = df["lat"].astype(float).round(6)
    df["lon"] = df["lon"].astype(float).round(6)
    df = df.sort_values("pcode", key=lambda s: s.str[1:].astype(int)).reset_index(drop=True)
    if df["pcode"].duplicated().any():
        raise SystemExit("duplicate community P-codes in the source")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:  # mtime=0: the same bytes on every run
        fh.write(df.to_csv(index=False).encode("utf-8"))
    print(f"wrote {OUT.relative_to(ROOT)}: {len(df)} communities, {OUT.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
