"""Reading inputs and writing outputs, safely.

One reader for every command, :func:`read_table`: CSV (any delimiter, UTF-8
with or without BOM), XLSX, GeoJSON, Shapefile (plain or zipped) and
GeoPackage, with HXL hashtag rows recognised. Geometry comes back in
EPSG:4326, repaired where it was invalid. Every error names the file, in one
line.

Outputs are written atomically: to a temporary file beside the target, then
renamed, so an error halfway never leaves a truncated file or spoils an
existing one.

>>> import pandas as pd
>>> parse_figures(pd.Series(["5,000", "5 000", 5000.0, "1.2 million", ""]), "idps").tolist()
[5000.0, 5000.0, 5000.0, 1200000.0, nan]
"""

from __future__ import annotations

import contextlib
import csv
import io as _io
import math
import os
import re
import sys
import tempfile
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import FileFormatError, GeometryError, InputError

if TYPE_CHECKING:  # pandas and geopandas are imported on first use
    import geopandas as gpd
    import pandas as pd


# ------------------------------------------------------------------ writing
@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it into place only if the block succeeds."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=target.suffix)
    os.close(fd)
    os.unlink(tmp)  # writers such as GDAL want to create the file themselves
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_text(path: str | os.PathLike, text: str) -> None:
    """Write UTF-8 text atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


# ------------------------------------------------------------------ reading text
def read_text(path: str | os.PathLike) -> str:
    """Read a UTF-8 text file ('-' for stdin), with or without BOM; a clear error otherwise."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        label = "stdin"
    else:
        data = _existing(path).read_bytes()
        label = str(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise FileFormatError(f"{label}: UTF-16 text; save it as UTF-8 (e.g. 'CSV UTF-8' in Excel)") from None
        raise FileFormatError(
            f"{label}: not UTF-8 text (byte {exc.start}); save it as UTF-8 (e.g. 'CSV UTF-8' in Excel)"
        ) from None


def _existing(path: str | os.PathLike) -> Path:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a folder, not a file")
    return p


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


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """'west,south,east,north' → a tuple of floats, checked."""
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        raise InputError(f"--bbox wants west,south,east,north in degrees, got {text!r}") from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise InputError(f"--bbox {text!r} is not a box west<east, south<north within the globe")
    return west, south, east, north


# ------------------------------------------------------------------ tables
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


def _blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


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


# ------------------------------------------------------------------ HXL
def _tag_parts(tag: str) -> tuple[str, frozenset[str]]:
    tag = re.sub(r"\s+", "", str(tag)).lower()
    if not tag.startswith("#"):
        tag = "#" + tag
    head, *attrs = tag.split("+")
    return head, frozenset(a for a in attrs if a)


def hxl_column(df, pattern: str) -> str | None:
    """The column whose HXL hashtag matches ``pattern``, or None.

    Attributes may come in any order and the column may carry more of them;
    the closest match (fewest extra attributes), then the leftmost, wins.

    >>> import pandas as pd
    >>> df = pd.DataFrame(columns=["Site", "IDPs"])
    >>> df.attrs["hxl"] = {"Site": "#loc+name", "IDPs": "#affected+ind+idps"}
    >>> hxl_column(df, "#affected+idps"), hxl_column(df, "#geo+lat")
    ('IDPs', None)
    """
    tags = df.attrs.get("hxl") or {}
    want_head, want_attrs = _tag_parts(pattern)
    best = None
    for col in df.columns:
        if col not in tags:
            continue
        head, attrs = _tag_parts(tags[col])
        if head == want_head and want_attrs <= attrs:
            extra = len(attrs - want_attrs)
            if best is None or extra < best[0]:
                best = (extra, col)
    return None if best is None else best[1]


# ------------------------------------------------------------------ figures
_UNITS = {"thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9}
_GROUPED = re.compile(r"^\d{1,3}(?P<sep>[, '\u00a0\u202f\u2009])\d{3}(?:(?P=sep)\d{3})*(?:\.\d+)?$")
_DECIMAL = re.compile(r"^\d+(?:\.\d+)?$|^\.\d+$")
_WITH_UNIT = re.compile(r"^(\d+(?:\.\d+)?)\s*([a-z]+)$")
_ARABIC_SEPARATORS = str.maketrans({"\u066c": ",", "\u066b": "."})  # Arabic thousands and decimal signs


def _figure(value) -> float | None:
    """A non-negative number as a person wrote it, or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) or type(value).__module__ == "numpy":
        try:
            number = float(value)
        except (TypeError, ValueError):
            return None
        return number if math.isfinite(number) and number >= 0 else None
    text = " ".join(str(value).translate(_ARABIC_SEPARATORS).split()).lower()
    text = "".join(str(int(c)) if c.isdecimal() else c for c in text)  # Arabic-Indic digits
    if _DECIMAL.match(text):
        # "12.500" is 12.5 to some and 12,500 to others (Turkish, German): refuse to guess
        return None if re.fullmatch(r"\d{1,3}\.\d{3}", text) else float(text)
    if _GROUPED.match(text):
        sep = _GROUPED.match(text).group("sep")
        return float(text.replace(sep, ""))
    unit = _WITH_UNIT.match(text)
    if unit and unit.group(2) in _UNITS:
        return float(unit.group(1)) * _UNITS[unit.group(2)]
    return None


def parse_figures(series, column: str | None = None, first_row: int | None = None):
    """Figures as floats: what a person means by "5,000", "5 000", 5000.0 or "1.2 million".

    Blank cells (empty, spaces, a missing value) become NaN: whether a blank
    means zero or "no data" is the caller's decision, and maps should show the
    two differently. Anything else that is not a non-negative number — "NaN"
    and "inf" written out, negatives, "1,2,3", "approx. 5000", "12.500"
    (12.5 or 12,500?), words — is refused with one error listing every such
    row, numbered as in the file when the series comes from :func:`read_table`
    (``attrs["first_row"]``: the header is row 1), else from ``first_row``
    (the file row of index label 0), else 1-based; a series whose index is not
    integers is numbered by position::

        people.csv: column 'idps' rows 4, 9: not a non-negative number ('approx. 5000', '-3')

    >>> import pandas as pd
    >>> parse_figures(pd.Series(["1,2,3"]), "idps")
    Traceback (most recent call last):
    ...
    geo.errors.InputError: column 'idps' row 1: not a non-negative number ('1,2,3')
    """
    import numpy as np
    import pandas as pd

    column = column if column is not None else series.name
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        values = series.astype(float)
        if (values.isna() | (np.isfinite(values) & (values >= 0))).all():
            return values  # the common case of a column Excel or pandas already read as numbers
    out = []
    bad = []
    numbered = pd.api.types.is_integer_dtype(series.index)
    for pos, (label, value) in enumerate(series.items()):
        if _blank(value) or value is pd.NA or value is pd.NaT:
            out.append(math.nan)
            continue
        number = _figure(value)
        if number is None:
            bad.append((int(label) if numbered else pos, value))
            out.append(math.nan)
        else:
            out.append(number)
    if bad:
        first = first_row if first_row is not None else series.attrs.get("first_row", 1)
        rows = ", ".join(str(label + first) for label, _ in bad[:10])
        rows += f" and {len(bad) - 10} more" if len(bad) > 10 else ""
        shown = ", ".join(repr(_short(v)) for _, v in bad[:10])
        source = series.attrs.get("source")
        prefix = f"{source}: " if source else ""
        word = "row" if len(bad) == 1 else "rows"
        raise InputError(f"{prefix}column {column!r} {word} {rows}: not a non-negative number ({shown})")
    return pd.Series(out, index=series.index, name=series.name, dtype=float)


def _short(value, limit: int = 30) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------------ outputs
def write_matches_csv(matches: Sequence, path: str | os.PathLike | None) -> None:
    """Geocoding results as CSV, to ``path`` or stdout."""
    from geo.geocode import COLUMNS

    buf = _io.StringIO()
    # RFC 4180 line ends: with "\n" alone the csv module leaves a bare "\r" in a name unquoted
    writer = csv.DictWriter(buf, COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for m in matches:
        writer.writerow({k: ("" if v is None else v) for k, v in m.row().items()})
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
        writer.writerow(["" if _blank(v) else v for v in row])
    if str(path) == "-":
        sys.stdout.write(buf.getvalue())
    else:
        write_text(path, buf.getvalue())


def _plain(out, original):
    out = out.copy()
    out.attrs = dict(original.attrs)
    return out
