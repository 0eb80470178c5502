"""One reader for every command: CSV, XLSX, GeoJSON, Shapefile (plain or zipped), GeoPackage, HXL rows.

Geometry comes back in EPSG:4326, repaired where it was invalid; every error names the file, in one line.
"""

from __future__ import annotations

import csv
import io as _io
import os
import re
import warnings
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import FileFormatError, GeometryError, InputError
from geo.io.files import _blank, _existing, read_text, unguard_cell
from geo.io.hxl import hxl_column

if TYPE_CHECKING:  # pandas and geopandas are imported on first use
    import geopandas as gpd
    import pandas as pd


TABLE_SUFFIXES = {".csv": "CSV", ".tsv": "CSV", ".txt": "CSV", ".xlsx": "XLSX", ".xlsm": "XLSX"}
GEO_SUFFIXES = {".geojson": "GeoJSON", ".json": "GeoJSON", ".shp": "Shapefile", ".zip": "zip", ".gpkg": "GPKG"}
_DELIMITERS = ",;\t|"
_HASHTAG = re.compile(r"^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$")


def read_table(
    path: str | os.PathLike,
    sheet: str | int | None = None,
    layer: str | None = None,
    assume_crs: str | int | None = None,
) -> pd.DataFrame | gpd.GeoDataFrame:
    """Read a table or a layer, whatever it came as; one clear error line naming the file otherwise.

    * CSV (``.csv``, ``.tsv``, ``.txt`` or stdin ``-``): any of ``, ; tab |`` as
      delimiter, UTF-8 with or without BOM. Cells are kept as text, except
      columns that hold only plain numbers ("12", "36.2"; not "0703", which is
      a code): figures such as "5,000" are for :func:`parse_figures`.
    * XLSX (``sheet``: a name or a 0-based index; the first sheet otherwise):
      cells keep the types Excel stored.
    * GeoJSON, Shapefile (``.shp`` with its ``.dbf`` and ``.prj``, or all of
      them in a ``.zip``), GeoPackage (``layer`` when it holds several):
      a GeoDataFrame in EPSG:4326. Another CRS is reprojected; a missing CRS
      is an error unless ``assume_crs`` ("EPSG:32637", 4326) says what it is;
      invalid geometries are repaired with ``make_valid`` and a warning
      naming the rows.

    An HXL hashtag row under the header (``#adm1+name``, ``#affected+idps``)
    is removed and kept as ``df.attrs["hxl"] = {column: "#tag+attr"}``; find
    columns by tag with :func:`hxl_column`. ``df.attrs["source"]`` is the
    path, and ``df.attrs["first_row"]`` the row number in the file (as a
    spreadsheet shows it) of ``df.iloc[0]``, so messages can point at rows.
    """
    label = str(path)
    if label == "-":
        return _read_csv(read_text(path), label)
    p = _existing(path)
    suffix = p.suffix.lower()
    if p.stat().st_size == 0:
        raise InputError(f"{path}: empty file")
    if suffix in GEO_SUFFIXES:
        return _read_geo(p, label, GEO_SUFFIXES[suffix], layer, assume_crs)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(p, label, sheet)
    if suffix == ".xls":
        raise FileFormatError(f"{path}: an old Excel 97 .xls workbook; save it as .xlsx or CSV UTF-8")
    if suffix in TABLE_SUFFIXES or not suffix:
        return _read_csv(read_text(p), label)
    raise FileFormatError(
        f"{path}: cannot tell the format from {suffix!r}; use .csv, .xlsx, .geojson, .shp, .zip or .gpkg"
    )


def _delimiter(text: str) -> str:
    """The delimiter of a CSV text, chosen for consistent field counts across the first lines.

    csv.Sniffer proposes it, but its quote guess is not used: apostrophes in
    transliterated names (Ma'arrat an-Nu'man) fool it into quoting with ``'``.
    """
    lines = [line for line in text[:65536].splitlines()[:50] if line.strip()]
    if not lines:
        return ","

    def counts(d: str) -> list[int]:
        return [len(r) for r in csv.reader(lines, delimiter=d, quotechar='"')]

    def mode(d: str) -> int:
        c = counts(d)
        return max(set(c), key=lambda n: (c.count(n), n))

    def fits(d: str) -> float:
        # the share of lines with the usual number of fields: a title line above the table is the odd one out
        c = counts(d)
        return c.count(mode(d)) / len(c) if mode(d) > 1 else 0.0

    try:
        sniffed = csv.Sniffer().sniff("\n".join(lines), delimiters=_DELIMITERS).delimiter
    except csv.Error:
        sniffed = None
    best = max(_DELIMITERS, key=lambda d: (fits(d), mode(d)))
    if sniffed and fits(sniffed) >= fits(best):
        return sniffed
    return best if fits(best) > 0 else ","


def _hxl_row(cells: Sequence) -> dict[int, str] | None:
    """Column index → normalised hashtag, if this row is an HXL hashtag row."""
    tags = {}
    for j, cell in enumerate(cells):
        if _blank(cell):
            continue
        tag = re.sub(r"\s+", "", str(cell)).lower()
        if not _HASHTAG.match(tag):
            return None
        tags[j] = tag
    return tags or None


def _filled(row) -> int:
    return sum(not _blank(c) for c in row)


def _header_index(rows: list[list], start: int) -> int:
    """The header row: the first filled one, unless it is a title above the table.

    DTM and cluster exports often open with a line or two such as "Site list,
    as of 1 March" in a single cell; such rows are skipped when a wider row follows.
    """
    ahead = [i for i in range(start, min(len(rows), start + 12)) if _filled(rows[i])]
    if max((_filled(rows[i]) for i in ahead), default=0) < 3:
        return start
    return next(i for i in ahead if _filled(rows[i]) > 1)


def _frame(rows: list[list], label: str, ragged: str | None = None):
    """A DataFrame from every record of a file (record i is row i + 1 of the file), header found in it.

    Blank rows inside the table are kept as empty rows so that row numbers stay
    those of the file; ``ragged`` is the delimiter of a CSV, whose rows may not
    be longer than the header.
    """
    import pandas as pd

    filled = [i for i, r in enumerate(rows) if _filled(r)]
    if not filled:
        raise InputError(f"{label}: empty file")
    h = _header_index(rows, filled[0])
    header = [str(c).strip() if not _blank(c) else "" for c in rows[h]]
    body = [list(r) for r in rows[h + 1 : filled[-1] + 1]]
    width = max([len(header)] + [len(r) for r in body]) if ragged is None else len(header)
    for n, row in enumerate(body):
        if len(row) > width:
            if any(not _blank(c) for c in row[width:]):
                raise FileFormatError(
                    f"{label}: row {h + n + 2} has {_filled(row)} cells but the header has {width}; "
                    f"is the delimiter {ragged!r} right, and are cells with delimiters quoted?"
                )
            del row[width:]
        elif len(row) < width:
            row.extend([None] * (width - len(row)))
    header += [""] * (width - len(header))
    seen: dict[str, int] = {}
    names = []
    for j, name in enumerate(header):
        name = name or f"column_{j + 1}"
        seen[name] = seen.get(name, 0) + 1
        names.append(name if seen[name] == 1 else f"{name}_{seen[name]}")  # two "Name" columns stay apart
    first_row = h + 2
    hxl = {}
    if body:
        tags = _hxl_row(body[0])
        if tags is not None:
            hxl = {names[j]: tag for j, tag in tags.items() if j < len(names)}
            body = body[1:]
            first_row += 1
    if not any(_filled(r) for r in body):
        raise InputError(f"{label}: a header but no data rows")
    body = [[unguard_cell(c) for c in r] for r in body]
    df = pd.DataFrame(body, columns=names)
    df.attrs.update(source=label, first_row=first_row)
    if h > filled[0]:
        df.attrs["title"] = " / ".join(str(c) for i in range(filled[0], h) for c in rows[i] if not _blank(c))
    if hxl:
        df.attrs["hxl"] = hxl
    return df


_PLAIN_NUMBER = re.compile(r"^-?(0|[1-9]\d*)(\.\d+)?$")


def _read_csv(text: str, label: str):
    import pandas as pd

    if not text.strip():
        raise InputError(f"{label}: empty file")
    try:
        delimiter = _delimiter(text)
        rows = list(csv.reader(_io.StringIO(text), delimiter=delimiter, quotechar='"'))
    except csv.Error as exc:  # a cell over 128 kB: not a table anyone typed
        raise FileFormatError(f"{label}: not readable as CSV ({exc})") from None
    df = _frame(rows, label, ragged=delimiter)
    for col in df.columns:
        values = df[col].fillna("").str.strip()
        filled = values[values != ""]
        if len(filled) and filled.str.match(_PLAIN_NUMBER).all():
            df[col] = pd.to_numeric(values.where(values != ""), errors="coerce")
        else:
            df[col] = df[col].where(values != "")  # blank cells are missing, not ""
    return df


def _read_xlsx(p: Path, label: str, sheet):
    head = p.read_bytes()[:8]
    if head[:4] != b"PK\x03\x04":
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise FileFormatError(
                f"{label}: an Excel 97 .xls workbook or a password-protected one; save it as a plain .xlsx"
            )
        raise FileFormatError(f"{label}: not an Excel workbook (it looks like text: rename it to .csv?)")
    import openpyxl

    try:
        book = openpyxl.load_workbook(p, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, XML and its own errors for a damaged file
        raise FileFormatError(f"{label}: cannot read as an Excel workbook ({_first_line(exc)})") from None
    try:
        names = book.sheetnames
        if sheet is None:
            ws = book.worksheets[0]
        elif isinstance(sheet, int) or (isinstance(sheet, str) and sheet.isdigit() and sheet not in names):
            if not 0 <= int(sheet) < len(names):
                raise InputError(f"{label}: no sheet {sheet}; sheets are: {', '.join(names)}")
            ws = book.worksheets[int(sheet)]
        elif sheet in names:
            ws = book[sheet]
        else:
            raise InputError(f"{label}: no sheet {sheet!r}; sheets are: {', '.join(names)}")
        try:
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
        except Exception as exc:
            raise FileFormatError(f"{label}: sheet {ws.title!r} is damaged ({_first_line(exc)})") from None
    finally:
        book.close()
    if not any(_filled(r) for r in rows):
        raise InputError(f"{label}: sheet {ws.title!r} is empty")
    # Excel reports a ragged right edge where cells were once formatted: cut it at the last filled column.
    width = max(j + 1 for r in rows for j, c in enumerate(r) if not _blank(c))
    df = _frame([r[:width] for r in rows], label)
    df.attrs["sheet"] = ws.title
    return df


def _read_geo(p: Path, label: str, kind: str, layer: str | None, assume_crs):
    import pyogrio

    target = str(p)
    if kind == "Shapefile":
        for ext in (".dbf", ".shx"):
            if not _sibling(p, ext):
                raise FileFormatError(f"{label}: the shapefile's {ext} file is missing; copy all its parts")
        if not _sibling(p, ".prj") and assume_crs is None:
            raise GeometryError(f"{label}: no .prj file, so the CRS is unknown; give it with --assume-crs EPSG:4326")
    elif kind == "zip":
        target, kind = _zip_member(p, label, layer, assume_crs)
        layer = None if kind == "Shapefile" else layer
    if kind == "GPKG":
        try:
            layers = [name for name, _ in pyogrio.list_layers(target)]
        except Exception as exc:
            raise FileFormatError(f"{label}: cannot read as a GeoPackage ({_first_line(exc)})") from None
        if layer is None and len(layers) > 1:
            raise InputError(f"{label}: {len(layers)} layers ({', '.join(layers)}); choose one with --layer")
        if layer is not None and layer not in layers:
            raise InputError(f"{label}: no layer {layer!r}; layers are: {', '.join(layers)}")
    try:
        gdf = pyogrio.read_dataframe(target, layer=layer)
    except Exception as exc:  # pyogrio raises its own errors and GDAL's; all mean "cannot read"
        raise FileFormatError(f"{label}: cannot read as {kind} ({_first_line(exc)})") from None
    if len(gdf) == 0:
        raise InputError(f"{label}: no features")
    if "geometry" not in gdf:
        raise GeometryError(f"{label}: no geometry")
    gdf = _check_geometry(gdf, label, assume_crs)
    gdf.attrs.update(source=label, first_row=1)
    return gdf


def _sibling(p: Path, ext: str) -> bool:
    return any(p.with_suffix(e).exists() for e in (ext, ext.upper()))


def _zip_member(p: Path, label: str, layer: str | None, assume_crs) -> tuple[str, str]:
    """The GDAL path of the layer inside a zip, and its kind."""
    try:
        with zipfile.ZipFile(p) as zf:
            bad = zf.testzip()
            members = zf.namelist()
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise FileFormatError(f"{label}: not a readable zip file ({exc}); is the download complete?") from None
    if bad:
        raise FileFormatError(f"{label}: {bad} is damaged inside the zip; is the download complete?")
    lower = {m.lower(): m for m in members}
    shps = [m for m in members if m.lower().endswith(".shp") and not m.startswith("__MACOSX")]
    others = [m for m in members if m.lower().endswith((".gpkg", ".geojson"))]
    vsi = f"/vsizip/{p.resolve()}/"
    if not shps and len(others) == 1:
        kind = "GPKG" if others[0].lower().endswith(".gpkg") else "GeoJSON"
        return vsi + others[0], kind
    if not shps:
        raise FileFormatError(f"{label}: no shapefile (.shp) inside the zip")
    if len(shps) > 1:
        stems = [Path(s).stem for s in shps]
        chosen = [s for s in shps if Path(s).stem == layer]
        if not chosen:
            raise InputError(f"{label}: {len(shps)} shapefiles inside ({', '.join(stems)}); choose one with --layer")
        shps = chosen
    shp = shps[0]
    stem = shp[:-4].lower()
    for ext in (".dbf", ".shx"):
        if stem + ext not in lower:
            raise FileFormatError(f"{label}: the shapefile's {ext} file is missing from the zip")
    if stem + ".prj" not in lower and assume_crs is None:
        raise GeometryError(f"{label}: no .prj file in the zip, so the CRS is unknown; give it with --assume-crs")
    return vsi + shp, "Shapefile"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _rows(index, first_row: int, limit: int = 10) -> str:
    nums = [str(i + first_row) for i in list(index)[:limit]]
    more = f" and {len(index) - limit} more" if len(index) > limit else ""
    return ", ".join(nums) + more


def _check_geometry(gdf, label: str, assume_crs):
    """EPSG:4326, valid, within the globe; or a clear error."""
    import numpy as np
    import shapely

    if gdf.crs is None:
        if assume_crs is None:
            raise GeometryError(f"{label}: no CRS recorded; give it with --assume-crs (e.g. EPSG:4326)")
        gdf = gdf.set_crs(assume_crs)
    gdf = gdf.reset_index(drop=True)
    missing = gdf.geometry.isna() | gdf.geometry.is_empty
    if missing.all():
        raise GeometryError(f"{label}: every geometry is empty")
    if missing.any():
        # kept, never dropped: our own outputs carry unplaced rows with no geometry
        warnings.warn(f"{label}: features {_rows(gdf.index[missing], 1)} have no geometry", stacklevel=3)
    if not gdf.crs.equals("EPSG:4326"):
        if gdf.crs.is_geographic and gdf.crs.to_epsg() != 4326 and gdf.crs.ellipsoid.name.startswith("WGS 84"):
            gdf = gdf.set_crs(4326, allow_override=True)  # CRS84 and friends: same coordinates, other axis order
        else:
            try:
                gdf = gdf.to_crs(4326)
            except Exception as exc:
                raise GeometryError(f"{label}: cannot reproject from {gdf.crs} ({_first_line(exc)})") from None
    bounds = gdf.geometry.bounds
    out = ~missing & ~(
        np.isfinite(bounds).all(axis=1)
        & (bounds["minx"] >= -180)
        & (bounds["maxx"] <= 180)
        & (bounds["miny"] >= -90)
        & (bounds["maxy"] <= 90)
    )
    if out.any():
        raise GeometryError(
            f"{label}: features {_rows(gdf.index[out], 1)} lie outside longitude -180..180 / latitude -90..90; "
            "is the CRS right (--assume-crs)?"
        )
    invalid = ~missing & ~gdf.geometry.is_valid
    if invalid.any():
        fixed = shapely.make_valid(gdf.geometry[invalid].values)
        if gdf.geom_type[invalid].str.contains("Polygon").all():
            # make_valid can leave stray lines and points from a bow-tie; an area stays an area
            fixed = [_polygonal(g) for g in fixed]
        gdf.loc[invalid, "geometry"] = fixed
        still = invalid & (gdf.geometry.isna() | gdf.geometry.is_empty)
        if still.any():
            raise GeometryError(f"{label}: features {_rows(gdf.index[still], 1)} have geometry that cannot be repaired")
        warnings.warn(
            f"{label}: repaired invalid geometry of features {_rows(gdf.index[invalid], 1)} (make_valid)", stacklevel=3
        )
    return gdf


def _polygonal(geom):
    import shapely

    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else geom


def read_names(path: str | os.PathLike, column: str | None = None) -> tuple[list[str], int]:
    """Names from a file: one per line, or the ``column`` of a table. Returns (names, empty cells skipped).

    ``column`` may be a header or an HXL hashtag (``#loc+name``).
    """
    if column is None:
        lines = read_text(path).splitlines()
        names = [line.strip() for line in lines if line.strip()]
        return names, len(lines) - len(names)
    df = read_table(path)
    col = find_column(df, column, path)
    values = ["" if _blank(v) else str(v).strip() for v in df[col]]
    names = [v for v in values if v]
    return names, len(values) - len(names)


def find_column(df, column: str, path: str | os.PathLike | None = None) -> str:
    """The column named ``column`` — a header, or an HXL tag such as ``#adm1+name`` — or a clear error."""
    if column in df.columns:
        return column
    if column.startswith("#"):
        found = hxl_column(df, column)
        if found is not None:
            return found
    where = path if path is not None else df.attrs.get("source", "table")
    raise InputError(f"{where}: no column {column!r}; columns are: {', '.join(map(str, df.columns))}")
