"""Reading inputs and writing outputs, safely.

Outputs are written atomically: to a temporary file beside the target, then
renamed, so an error halfway never leaves a truncated file or spoils an
existing one.
"""

from __future__ import annotations

import contextlib
import csv
import io as _io
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from geo.errors import FileFormatError, InputError


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


def read_text(path: str | os.PathLike) -> str:
    """Read a UTF-8 text file ('-' for stdin), with or without BOM; a clear error otherwise."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        label = "stdin"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file")
        if p.is_dir():
            raise InputError(f"{path}: is a folder, not a file")
        data = p.read_bytes()
        label = str(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileFormatError(
            f"{label}: not UTF-8 text (byte {exc.start}); save it as UTF-8 (e.g. 'CSV UTF-8' in Excel)"
        ) from None


def read_names(path: str | os.PathLike, column: str | None = None) -> tuple[list[str], int]:
    """Names from a file: one per line, or the ``column`` of a CSV. Returns (names, empty lines skipped)."""
    text = read_text(path)
    if column is None:
        lines = text.splitlines()
        names = [line.strip() for line in lines if line.strip()]
        return names, len(lines) - len(names)
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|") if sample.strip() else csv.excel
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(_io.StringIO(text), dialect))
    if not rows:
        raise InputError(f"{path}: empty file")
    header = [h.strip() for h in rows[0]]
    if column not in header:
        raise InputError(f"{path}: no column {column!r}; columns are: {', '.join(header)}")
    j = header.index(column)
    body = rows[1:]
    if body and all(cell.strip().startswith("#") for cell in body[0] if cell.strip()) and any(body[0]):
        body = body[1:]  # an HXL hashtag row
    values = [row[j].strip() if j < len(row) else "" for row in body]
    names = [v for v in values if v]
    return names, len(values) - len(names)


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """'west,south,east,north' → a tuple of floats, checked."""
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        raise InputError(f"--bbox wants west,south,east,north in degrees, got {text!r}") from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise InputError(f"--bbox {text!r} is not a box west<east, south<north within the globe")
    return west, south, east, north


def write_matches_csv(matches: Sequence, path: str | os.PathLike | None) -> None:
    """Geocoding results as CSV, to ``path`` or stdout."""
    from geo.geocode import COLUMNS

    buf = _io.StringIO()
    writer = csv.DictWriter(buf, COLUMNS, lineterminator="\n")
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
