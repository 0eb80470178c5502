"""Figures as a person writes them ("5,000", "1.2 million"), checked: the rest is refused with its row number.

>>> import pandas as pd
>>> parse_figures(pd.Series(["5,000", "5 000", 5000.0, "1.2 million", ""]), "idps").tolist()
[5000.0, 5000.0, 5000.0, 1200000.0, nan]
"""

from __future__ import annotations

import math
import re

from geo.errors import InputError
from geo.io.files import _blank

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
