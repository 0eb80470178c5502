"""Reading inputs and writing outputs, safely.

One reader for every command, :func:`read_table`: CSV (any delimiter, UTF-8
with or without BOM), XLSX, GeoJSON, Shapefile (plain or zipped) and
GeoPackage, with HXL hashtag rows recognised. Geometry comes back in
EPSG:4326, repaired where it was invalid. Every error names the file, in one
line.

Outputs are written atomically: to a temporary file beside the target, then
renamed, so an error halfway never leaves a truncated file or spoils an
existing one.

The stages live in small modules: ``files`` (text in, atomic writes),
``tables`` (the reader), ``hxl`` (hashtags), ``figures`` (numbers as people
write them) and ``write`` (outputs).
"""

from __future__ import annotations

from geo.io.figures import parse_figures
from geo.io.files import atomic_path, parse_bbox, read_text, write_text
from geo.io.hxl import hxl_column
from geo.io.tables import find_column, read_names, read_table
from geo.io.write import OUTPUT_FORMATS, hxl_tags, output_format, write_geodata, write_matches_csv, write_table

__all__ = [
    "OUTPUT_FORMATS", "atomic_path", "find_column", "hxl_column", "hxl_tags", "output_format", "parse_bbox",
    "parse_figures", "read_names", "read_table", "read_text", "write_geodata", "write_matches_csv", "write_table",
    "write_text",
]  # fmt: skip
