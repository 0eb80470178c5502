"""Reading a movement table: the origin, destination, figure and period of every row, as the file numbers it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.errors import InputError

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Rows:
    """The columns of a movement table that a flow map needs, one entry per row, blanks as ""."""

    origins: tuple[str, ...]
    destinations: tuple[str, ...]
    values: tuple[float, ...]  # 0 where the figure is blank (see ``no_figure``)
    periods: tuple[str, ...]  # "" for every row when the table has no period column
    numbers: tuple[int, ...]  # as in the file (the header is row 1), else counted from 1
    no_figure: tuple[bool, ...] = ()  # a movement the text gives no figure of: on no arrow, listed

    def __len__(self) -> int:
        return len(self.values)


def read_rows(data, origin: str, destination: str, value: str, period: str | None = None) -> Rows:
    """The rows of ``data`` (a DataFrame or a file); columns by header or HXL hashtag.

    A blank figure is kept as a movement without one (``no_figure``: ``geo extract`` writes those when a
    figure is shared by several destinations). Raises :class:`geo.errors.InputError` for a missing column
    or a non-numeric or negative figure.

    >>> import pandas as pd
    >>> rows = read_rows(pd.DataFrame({"o": [" Saraqib"], "d": ["Atmeh"], "n": ["1,200"]}), "o", "d", "n")
    >>> rows.origins, rows.values, rows.numbers
    (('Saraqib',), (1200.0,), (1,))
    """
    import pandas as pd

    from geo import periods as _periods

    df = read_table(data)
    first_row = int(df.attrs.get("first_row", 1))  # as geo.io numbers rows: as in the file, else from 1
    o_col = column(df, origin, "origin")
    d_col = column(df, destination, "destination")
    values = figures(column(df, value, "value"), value, blank_ok=True)
    blank = values.isna()
    when = _periods.labels(column(df, period, "period")) if period else pd.Series([""] * len(df), dtype="string")
    return Rows(
        origins=tuple(_text(o_col)),
        destinations=tuple(_text(d_col)),
        values=tuple(0.0 if b else float(v) for v, b in zip(values, blank)),
        periods=tuple(str(p) for p in when),
        numbers=tuple(range(first_row, first_row + len(df))),
        no_figure=tuple(bool(b) for b in blank),
    )


def _text(series: pd.Series) -> list[str]:
    return series.astype("string").fillna("").str.strip().tolist()


def read_table(data) -> pd.DataFrame:
    """A DataFrame from a DataFrame or a file (CSV, XLSX, GeoJSON...: see :func:`geo.io.read_table`)."""
    import pandas as pd

    from geo import io as _io

    if isinstance(data, pd.DataFrame):
        df = data.reset_index(drop=True)  # row numbers in messages count from the first row
        df.attrs = dict(data.attrs)
        return df
    return _io.read_table(data)


def column(df: pd.DataFrame, name: str, what: str) -> pd.Series:
    """The column a user named, by header or by HXL hashtag (``#affected+idps``)."""
    if name in df.columns:
        return df[name]
    if name.startswith("#"):
        from geo import io as _io

        found = _io.hxl_column(df, name)
        if found is not None:
            return df[found]
    cols = ", ".join(str(c) for c in df.columns)
    raise InputError(f"no {what} column {name!r}; columns are: {cols}")


def figures(series: pd.Series, name: str, blank_ok: bool = False) -> pd.Series:
    """Numbers from a column of counts ("12,400" allowed); non-numeric, empty or negative → one-line InputError.

    ``blank_ok``: empty cells stay NaN instead (a movement the text gives no figure of).

    Rows are numbered as in the file (``attrs["first_row"]`` from :func:`geo.io.read_table`), else from 1.
    """
    from geo import io as _io

    values = _io.parse_figures(series, name)
    blank = values.isna()
    if blank.any() and not blank_ok:
        first = series.attrs.get("first_row", 1)
        rows = [str(i + first) for i in list(series.index[blank])[:10]]
        more = f" and {int(blank.sum()) - 10} more" if blank.sum() > 10 else ""
        source = series.attrs.get("source")
        prefix = f"{source}: " if source else ""
        word = "row" if len(rows) == 1 else "rows"
        raise InputError(f"{prefix}column {name!r} {word} {', '.join(rows)}{more}: empty, a flow needs a number")
    return values.astype(float)
