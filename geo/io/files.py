"""Files in and out: UTF-8 text with a clear error, and atomic writes (temp file, then rename)."""

from __future__ import annotations

import contextlib
import math
import os
import re
import sys
import tempfile
from collections.abc import Iterator
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


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """'west,south,east,north' → a tuple of floats, checked."""
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        raise InputError(f"--bbox wants west,south,east,north in degrees, got {text!r}") from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise InputError(f"--bbox {text!r} is not a box west<east, south<north within the globe")
    return west, south, east, north


def _blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


# A cell a spreadsheet would run as a formula (=HYPERLINK(...), +cmd, @SUM, a leading tab or CR): CSVs we
# write quote it with a leading apostrophe, the usual guard, and read_table takes the apostrophe off again.
# Text that already starts with apostrophes before such a character gets one more, so reading back is exact.
_FORMULA = re.compile(r"^'*[=+\-@\t\r]")
_NUMBER_LIKE = re.compile(r"^'*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")  # a plain number such as -5 stays as it is


def _formula_like(value) -> bool:
    return isinstance(value, str) and bool(_FORMULA.match(value)) and not _NUMBER_LIKE.match(value)


def guard_cell(value):
    """``value`` safe for a spreadsheet: text that would start a formula gets a leading apostrophe.

    >>> guard_cell("=HYPERLINK(1)"), guard_cell("-5"), guard_cell("Idlib"), guard_cell(3)
    ("'=HYPERLINK(1)", '-5', 'Idlib', 3)
    >>> all(unguard_cell(guard_cell(v)) == v for v in ["=1+1", "'=x", "''@y", "-5", "'", "Idlib", "@"])
    True
    """
    return "'" + value if _formula_like(value) else value


def unguard_cell(value):
    """The inverse of :func:`guard_cell`, for tables read back in."""
    if isinstance(value, str) and value.startswith("'") and _formula_like(value[1:]):
        return value[1:]
    return value
