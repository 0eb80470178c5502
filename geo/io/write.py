"""Outputs: geocoding results as CSV, GeoJSON or GeoPackage, tables with an optional HXL row; all atomic."""

from __future__ import annotations

import csv
import io as _io
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from geo.errors import InputError
from geo.io.files import _blank, atomic_path, guard_cell, write_text


def write_matches_csv(matches: Sequence, path: str | os.PathLike | None) -> None:
    """Geocoding results as CSV, to ``path`` or stdout."""
    from geo.geocode import COLUMNS

    buf = _io.StringIO()
    # RFC 4180 line ends: with "\n" alone the csv module leaves a bare "\r" in a name unquoted
    writer = csv.DictWriter(buf, COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for m in matches:
        writer.writerow({k: ("" if v is None else guard_cell(v)) for k, v in m.row().items()})
    if path is None or str(path) == "-":
        sys.stdout.write(buf.getvalue())
    else:
        write_text(path, buf.getvalue())


OUTPUT_FORMATS = {".csv": "CSV", ".geojson": "GeoJSON", ".json": "GeoJSON", ".gpkg": "GPKG"}


def output_format(path: str | os.PathLike) -> str:
    """'CSV', 'GeoJSON' or 'GPKG' from a file name; a clear error for anything else."""
    suffix = Path(path).suffix.lower()
    if suffix not in OUTPUT_FORMATS:
        raise InputError(
            f"{path}: cannot tell the format from {suffix or 'no extension'!r}; use .csv, .geojson or .gpkg"
        )
    return OUTPUT_FORMATS[suffix]


def write_geodata(gdf, path: str | os.PathLike) -> None:
    """A GeoDataFrame as GeoJSON or GeoPackage (by extension), atomically. Unplaced rows keep empty geometry."""
    driver = output_format(path)
    if driver == "CSV":
        raise InputError(f"{path}: geometry needs .geojson or .gpkg")
    layer = "".join(c if c.isalnum() else "_" for c in Path(path).stem) or "layer"
    with atomic_path(path) as tmp:
        gdf.to_file(tmp, driver=driver, **({"layer": layer} if driver == "GPKG" else {}))


# Hashtags for the columns geo writes and the usual COD / DTM column names; others get a blank tag.
HXL_TAGS = {
    "query": "#loc+name",
    "name": "#loc+name+matched",
    "lat": "#geo+lat",
    "lon": "#geo+lon",
    "latitude": "#geo+lat",
    "longitude": "#geo+lon",
    "kind": "#loc+type",
    "country": "#country+code",
    "admin1": "#adm1+name",
    "admin2": "#adm2+name",
    "admin3": "#adm3+name",
    "admin1_pcode": "#adm1+code",
    "admin2_pcode": "#adm2+code",
    "admin3_pcode": "#adm3+code",
    "score": "#meta+score",
    "source": "#meta+source",
    "id": "#loc+id",
    "how": "#meta+how",
    "qualifier": "#loc+direction",
    "alternatives": "#meta+alternatives",
    "note": "#meta+note",
    "idps": "#affected+idps",
    "individuals": "#affected+ind",
    "households": "#affected+hh",
    "families": "#affected+hh",
    "date": "#date",
    "adm0_en": "#country+name",
    "adm0_pcode": "#country+code",
    "adm1_en": "#adm1+name",
    "adm1_ar": "#adm1+name+i_ar",
    "adm1_pcode": "#adm1+code",
    "adm2_en": "#adm2+name",
    "adm2_ar": "#adm2+name+i_ar",
    "adm2_pcode": "#adm2+code",
    "adm3_en": "#adm3+name",
    "adm3_ar": "#adm3+name+i_ar",
    "adm3_pcode": "#adm3+code",
}


def hxl_tags(df) -> list[str]:
    """The hashtag row for a table: tags read with it first, then known column names, else blank.

    A ``pcode`` column is ``#admN+code`` when every coded row is an admin-N area, ``#loc+code`` otherwise.
    """
    known = df.attrs.get("hxl") or {}
    tags = []
    for col in df.columns:
        if col == "geometry":
            tags.append("#geo+wkt")
        elif col in known:
            tags.append(known[col])
        elif str(col).lower() == "pcode":
            tags.append(_pcode_tag(df, col))
        else:
            tags.append(HXL_TAGS.get(str(col).lower(), ""))
    return tags


def _pcode_tag(df, col) -> str:
    if "kind" in df.columns:
        coded = df.loc[df[col].fillna("").astype(str) != "", "kind"]
        levels = set(coded)
        if len(levels) == 1:
            kind = levels.pop()
            level = {"country": "country", "admin1": "adm1", "admin2": "adm2", "admin3": "adm3"}.get(kind)
            if level:
                return f"#{level}+code"
    return "#loc+code"


def write_table(df, path: str | os.PathLike, hxl: bool = False) -> None:
    """Write a table as CSV, GeoJSON or GeoPackage by extension, atomically ('-' is CSV to stdout).

    ``hxl=True`` puts an HXL hashtag row under the CSV header (see :func:`hxl_tags`);
    GeoJSON and GeoPackage have no place for one and ignore it. A GeoDataFrame
    written as CSV keeps its geometry as WKT unless it has lat/lon columns; a
    plain DataFrame written as GeoJSON/GPKG needs ``lat`` and ``lon`` columns.
    """
    import geopandas as gpd
    import pandas as pd

    driver = "CSV" if str(path) == "-" else output_format(path)
    if driver != "CSV":
        if not isinstance(df, gpd.GeoDataFrame):
            if not {"lat", "lon"} <= set(df.columns):
                raise InputError(f"{path}: a table without geometry or lat/lon columns cannot be written as {driver}")
            lat = pd.to_numeric(df["lat"], errors="coerce")
            lon = pd.to_numeric(df["lon"], errors="coerce")
            df = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(lon, lat), crs=4326)
        write_geodata(df, path)
        return
    out = df
    if isinstance(df, gpd.GeoDataFrame):
        if {"lat", "lon"} <= set(df.columns):
            out = df.drop(columns=df.geometry.name)
        else:
            out = df.to_wkt()
    out = _plain(out, df)
    buf = _io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([str(c) for c in out.columns])
    if hxl:
        writer.writerow(hxl_tags(out))
    for row in out.itertuples(index=False):
        writer.writerow(["" if _blank(v) else guard_cell(v) for v in row])
    if str(path) == "-":
        sys.stdout.write(buf.getvalue())
    else:
        write_text(path, buf.getvalue())


def _plain(out, original):
    out = out.copy()
    out.attrs = dict(original.attrs)
    return out
