"""Tables of figures at places → points ready to draw: every row placed or set aside, rows on one point summed.

A table with one row per community, camp or site and a count of people (IDP
arrivals by community, camp populations, returnees by village) is the data of a
proportional symbol map. :func:`prepare` places every row — by name through the
gazetteer (within its parent area when a parent column is given), by P-code, or
by its own coordinates — and returns a :class:`PointTable`:

* rows that land on the same point (two spellings of a camp, two rows for one
  village) summed into one :class:`Point`, which keeps each row as written;
* an area given as a place ("Idleb governorate") drawn at a point inside it,
  and marked as such, since the figure belongs to the whole area;
* rows with no value, or that could not be placed, set aside with the reason
  (:class:`Unplaced`), never dropped silently;
* every row accounted for: drawn + unmatched == input, in people and in rows
  (:meth:`PointTable.check`), and said in one line (:meth:`PointTable.summary`).

With a ``period`` column (months, quarters, dates: :mod:`geo.periods`) rows are
summed per point *and period*: each :class:`Point` belongs to one period, and
:meth:`PointTable.at` gives the table of one period, its circles sized on the
scale of the largest point of every period. A period no row has (a month missing
between two others) is an empty table, not the period before; rows with an empty
period are set aside ("empty period"), not hidden.

The map of it is :mod:`geo.render.bubbles` (and its static twin
:mod:`geo.render.bubbles_static`).

>>> import pandas as pd
>>> table = pd.DataFrame({"site": ["Atmeh", "Kafr Lusin", "al-Atmeh", "Nowhere-xyz", "Sarmada"],
...                       "idps": [1200, 800, 300, 40, None]})
>>> pt = prepare(table, value="idps", place="site")
>>> [(p.label, p.value, len(p.parts)) for p in pt.points]
[('Atmeh', 1500.0, 2), ('Kafr Lusin', 800.0, 1)]
>>> for part in pt.summary().split("; "):  # one line, parted here to fit
...     print(part)
3 of 5 rows placed at 2 points
total 2,340 = 2,300 drawn + 40 unmatched
2 not drawn: no value: 'Sarmada' (row 5)
unknown place: 'Nowhere-xyz' (row 4)
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from geo.errors import InputError
from geo.movements import fmt

if TYPE_CHECKING:
    import pandas as pd

    from geo.geocode import Match
    from geo.periods import Periods

AREA_KINDS = ("country", "admin1", "admin2", "admin3")  # a figure for the whole area, drawn at a point inside it
DIGITS = 5  # rows within about a metre of each other are on the same point
SHOWN_ROWS = 8  # rows listed in a point's description; the rest are counted
NO_PERIOD = "empty period"  # the reason a placed row of a table by period is not drawn


@dataclass(frozen=True)
class Part:
    """One table row on a point: what the table said, what it matched, and its figure."""

    row: int  # as numbered in the file (the header is row 1), else from 1
    written: str  # the row's name as the table wrote it (its label column, else its place or P-code)
    value: float
    query: str = ""  # what was looked up (the place or P-code as written; "" for coordinates)
    matched: str = ""  # the gazetteer's name for it
    kind: str = ""  # place, camp, admin1… or "coordinates"
    pcode: str = ""
    qualifier: str = ""  # "south" for "southern Idlib"
    note: str = ""  # what the gazetteer said about its choice ("no polygon shipped: the point of Harim, …")

    @property
    def is_area(self) -> bool:
        return self.kind in AREA_KINDS

    def where(self) -> str:
        """ "Atmeh (place)", "Idleb (admin1, SY07): an area, drawn at a point inside it", "35.91234, 36.63210"."""
        if self.kind == "coordinates" or not self.matched:
            return ""
        inner = ", ".join(x for x in (self.kind, self.pcode) if x)
        text = f"{self.matched} ({inner})"
        if self.is_area:
            q = self.qualifier
            part = f"the {q if q == 'central' else q + 'ern'} part of an area" if q else "an area"
            text += f": {part}, drawn at a point inside it"
        return f"{text} ({self.note})" if self.note else text


@dataclass(frozen=True)
class Point:
    """A circle: one place and the sum of the rows on it, largest first in a :class:`PointTable`."""

    lat: float
    lon: float
    value: float
    parts: tuple[Part, ...]  # the rows summed here, in table order
    period: str = ""  # the period of every row here ("" in a table without periods)

    @property
    def rows(self) -> tuple[int, ...]:
        return tuple(p.row for p in self.parts)

    @property
    def label(self) -> str:
        """The name to print beside the circle: as the table first wrote it ("" for bare coordinates)."""
        first = self.parts[0]
        if first.kind == "coordinates" and first.written == first.query:
            return ""
        return first.written or first.matched

    @property
    def is_area(self) -> bool:
        """Every row here named an area: the circle stands for the whole area, not this spot."""
        return all(p.is_area for p in self.parts)

    @property
    def names(self) -> list[str]:
        """Every name the rows here are known by (as written, and as matched), for the basemap to leave alone."""
        return list(dict.fromkeys(x for p in self.parts for x in (p.written, p.matched) if x))

    def describe(self, units: str = "people", limit: int = SHOWN_ROWS) -> str:
        """The tooltip: name as written, value with units (and period), what it matched (or the rows summed)."""
        first = self.parts[0]
        head = self.label or f"{self.lat:.5f}, {self.lon:.5f}"
        when = f" ({self.period})" if self.period else ""
        lines = [f"{head}: {fmt(self.value)} {units}".rstrip() + when]
        wheres = list(dict.fromkeys(p.where() for p in self.parts if p.where()))
        if len(self.parts) == 1:
            if first.query and first.query != first.written:
                lines.append(f"as written: {first.query}")
        else:
            lines.append(f"{len(self.parts)} rows summed:")
            for p in self.parts[:limit]:
                name = p.written or p.query
                lines.append(f"  row {p.row}: {name + ', ' if name else ''}{fmt(p.value)}")
            if len(self.parts) > limit:
                rest = self.parts[limit:]
                lines.append(f"  and {len(rest):,} more rows, {fmt(math.fsum(p.value for p in rest))}")
        for where in wheres[:3]:
            lines.append(f"matched: {where}")
        if len(wheres) > 3:
            lines.append(f"and {len(wheres) - 3} more places at this point")
        if first.kind == "coordinates" or not wheres:
            lines.append(f"at {self.lat:.5f}, {self.lon:.5f}")
        return "\n".join(lines)


@dataclass(frozen=True)
class Unplaced:
    """A table row on no circle, and why: no value, an empty or unknown place, no usable coordinates."""

    row: int
    written: str
    value: float  # NaN when the row had no value
    reason: str
    period: str = ""  # as the table wrote it ("" without periods, or an empty period)


@dataclass(frozen=True)
class PointTable:
    """Everything a proportional symbol map draws, and every row it does not, with the reason.

    A table by period (``periods`` not empty) holds the circles of every period, each :class:`Point` with its
    ``period``; :meth:`at` is the table of one period (its ``period`` set), :meth:`each_period` all of them.
    """

    points: tuple[Point, ...]  # largest first (ties by name, then position); by period, period by period
    unplaced: tuple[Unplaced, ...]  # in table order
    total: float  # sum of the value column over every row that has one
    rows: int
    units: str = "people"
    value_name: str = ""  # the value column, for titles and legends
    unmatched: object = field(default=None, compare=False, repr=False)  # the unplaced rows as the table had them
    notes: tuple[str, ...] = ()  # how the table was read: columns found by themselves, parents, warnings
    periods: tuple[str, ...] = ()  # in order, the missing ones included (see geo.periods.order)
    missing: tuple[str, ...] = ()  # periods between the others that no row has
    period: str = ""  # the one period of a table made by at()
    largest: float | None = None  # the figure the scale is drawn for (None: this table's own largest point)
    period_input: dict = field(default_factory=dict, compare=False, repr=False)  # period → (rows, total) as read

    @property
    def by_period(self) -> bool:
        """A table of every period (a slider on the web, small multiples in print), not one period's or none."""
        return bool(self.periods) and not self.period

    @property
    def biggest(self) -> float:
        """The figure of the largest circle: by period, the largest point of *every* period, so one scale holds."""
        if self.largest is not None:
            return self.largest
        return max((p.value for p in self.points), default=0.0)

    @property
    def drawn(self) -> float:
        return math.fsum(p.value for p in self.points)

    @property
    def drawn_rows(self) -> int:
        return sum(len(p.parts) for p in self.points)

    @property
    def unmatched_value(self) -> float:
        return math.fsum(u.value for u in self.unplaced if u.value == u.value)

    @property
    def no_value(self) -> tuple[Unplaced, ...]:
        """The rows with no figure (listed, not drawn: no data is not zero)."""
        return tuple(u for u in self.unplaced if u.value != u.value)

    @property
    def no_period(self) -> tuple[Unplaced, ...]:
        """The rows of a table by period whose period is empty (placed, but in no period to draw them)."""
        return tuple(u for u in self.unplaced if u.reason == NO_PERIOD)

    def span(self) -> str:
        """ "2024-01 to 2024-03" (or the one period; "" without periods)."""
        if not self.periods:
            return ""
        first, last = self.periods[0], self.periods[-1]
        return first if first == last else f"{first} to {last}"

    def at(self, period: str) -> PointTable:
        """The table of one ``period``: its circles (on this table's scale), its rows set aside, its total.

        A period no row has is an empty table; a period the table does not have is an InputError.
        """
        if not self.by_period:
            raise InputError("at(period) needs a table by period (prepare(..., period=COLUMN))")
        tables = self._periods
        if period not in tables:
            raise InputError(f"no period {period!r}; the periods are: {', '.join(self.periods[:12])}")
        return tables[period]

    def each_period(self) -> tuple[PointTable, ...]:
        """The table of every period, in order (none without periods)."""
        return tuple(self._periods.values()) if self.by_period else ()

    @functools.cached_property
    def _periods(self) -> dict[str, PointTable]:
        points: dict[str, list[Point]] = {p: [] for p in self.periods}
        unplaced: dict[str, list[Unplaced]] = {p: [] for p in self.periods}
        for pt in self.points:
            points[pt.period].append(pt)
        for u in self.unplaced:
            if u.period in unplaced:
                unplaced[u.period].append(u)
        out = {}
        for p in self.periods:
            rows, total = self.period_input.get(p, (0, 0.0))  # as the input had them: check() holds them to it
            out[p] = PointTable(
                points=tuple(points[p]), unplaced=tuple(unplaced[p]), total=total, rows=rows, units=self.units,
                value_name=self.value_name, periods=self.periods, missing=self.missing, period=p,
                largest=self.biggest,
            )  # fmt: skip
        return out

    def bounds(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) around every point."""
        return self._extent

    @functools.cached_property
    def _extent(self) -> tuple[float, float, float, float]:
        if not self.points:
            raise InputError("no row could be placed on the map: " + self.summary())
        lats = [p.lat for p in self.points]
        lons = [p.lon for p in self.points]
        return min(lons), min(lats), max(lons), max(lats)

    def summary(self) -> str:
        """One line: "541 of 541 rows placed at 541 points; total 110,925 = 110,925 drawn + 0 unmatched".

        By period the points are the places drawn in any period: "… at 12 points over 3 periods (1 with no rows:
        2024-02); total …".
        """
        places = len({(p.lat, p.lon) for p in self.points}) if self.periods else len(self.points)
        s = "" if places == 1 else "s"
        line = f"{self.drawn_rows:,} of {self.rows:,} rows placed at {places:,} point{s}"
        if self.by_period:
            line += f" over {len(self.periods)} period{'' if len(self.periods) == 1 else 's'}"
            if self.missing:
                line += f" ({len(self.missing)} with no rows: {', '.join(self.missing[:5])})"
        line += f"; total {fmt(self.total)} = {fmt(self.drawn)} drawn + {fmt(self.unmatched_value)} unmatched"
        if self.unplaced:
            line += f"; {len(self.unplaced):,} not drawn: {unplaced_text(self.unplaced)}"
        return line

    def check(self) -> None:
        """Assert conservation: drawn + unmatched == input, in value and in rows (and so in every period)."""
        for table in (self, *self.each_period()):
            got = table.drawn + table.unmatched_value
            if not math.isclose(got, table.total, rel_tol=1e-9, abs_tol=1e-6):
                raise AssertionError(f"drawn + unmatched = {got} but the input adds up to {table.total}")
            if table.drawn_rows + len(table.unplaced) != table.rows:
                raise AssertionError(f"{table.drawn_rows} rows drawn + {len(table.unplaced)} not, but {table.rows} in")
        if self.by_period:
            rows = sum(t.rows for t in self.each_period()) + sum(1 for u in self.unplaced if not u.period)
            if rows != self.rows:
                raise AssertionError(f"{rows} rows in the periods and without one, but {self.rows} in")

    def unplaced_frame(self) -> pd.DataFrame:
        """The rows on no circle, as the table had them, after ``row`` (file numbering) and before ``reason``."""
        import pandas as pd

        if self.unmatched is not None:
            return self.unmatched
        cols = ["row", "place", "value", "reason"]
        return pd.DataFrame([[u.row, u.written, u.value, u.reason] for u in self.unplaced], columns=cols)


def unplaced_text(unplaced: Sequence[Unplaced], limit: int = 5) -> str:
    """Reasons and the rows behind them: "no value: 'Sarmada' (row 6); unknown place: 'Nowhere' (row 5)".

    >>> unplaced_text([Unplaced(5, "Nowhere", 40.0, "unknown place"), Unplaced(7, "", 3.0, "empty place")])
    "empty place: row 7; unknown place: 'Nowhere' (row 5)"
    """
    groups: dict[str, list[Unplaced]] = defaultdict(list)
    for u in unplaced:
        groups[u.reason.split(": ", 1)[0].split(" (", 1)[0]].append(u)
    parts = []
    for head in sorted(groups):
        rows = groups[head]
        shown = ", ".join(f"{u.written[:40]!r} (row {u.row})" if u.written else f"row {u.row}" for u in rows[:limit])
        more = f" and {len(rows) - limit:,} more" if len(rows) > limit else ""
        parts.append(f"{head}: {shown}{more}")
    return "; ".join(parts)


# --- reading the table -------------------------------------------------------------------------------------------


def read_frame(data) -> pd.DataFrame:
    """A DataFrame from a DataFrame (rows numbered from 1 in messages) or a file (:func:`geo.io.read_table`)."""
    import pandas as pd

    from geo import io as _io

    if isinstance(data, pd.DataFrame):
        df = data.reset_index(drop=True)
        df.attrs = dict(data.attrs)
        return df
    return _io.read_table(data)


def column(df: pd.DataFrame, name: str, what: str) -> pd.Series:
    """The column a user named, by header or by HXL hashtag (``#affected+idps``), or one clear error."""
    from geo.io import hxl_column

    found = name if name in df.columns else (hxl_column(df, name) if str(name).startswith("#") else None)
    if found is None:
        raise InputError(f"no {what} column {name!r}; columns are: {', '.join(map(str, df.columns))}")
    return df[found]


# --- placing the rows --------------------------------------------------------------------------------------------


def _norm_code(value: str) -> str:
    """A P-code as compared: without spaces or hyphens, in capitals ("sy-02" is SY02)."""
    return "".join(str(value).split()).replace("-", "").upper()


def _texts(series) -> list[str]:
    """A column as stripped text, a blank cell as "" (not "nan" or "<NA>")."""
    return series.astype("string").fillna("").str.strip().tolist()


@dataclass(frozen=True)
class _Placed:
    """Where each row of a table is, one item per row, as :func:`_place_by_name` or :func:`_place_by_position`
    found it."""

    texts: list[str]  # the place as the row gives it: its name or P-code, or its coordinates as text
    spots: list[tuple[tuple[float, float] | None, str]]  # (lat, lon) and "", or None and the reason
    matches: list[Match | None]  # the gazetteer's match of a row placed by name or P-code
    queries: list[str]  # what each Part says was looked up: the texts, but nothing for a layer's geometry


def prepare(
    data,
    value: str | None = None,
    place: str | None = None,
    pcode: str | None = None,
    lat: str | None = None,
    lon: str | None = None,
    *,
    label: str | None = None,
    period: str | None = None,
    parent: str | Sequence[str] | None = None,
    level: str | int | None = None,
    country: str | Sequence[str] | None = None,
    units: str = "people",
    min_score: float | None = None,
    gazetteer=None,
) -> PointTable:
    """Read, place and sum the rows of a table of figures at places (and periods).

    ``data`` is a DataFrame or a file (CSV, XLSX, GeoJSON…); columns are named by
    header or HXL hashtag (``#affected+idps``). Rows find their point by name
    (``place``: communities, towns, camps, areas — any spelling the gazetteer
    knows), by P-code (``pcode``: only a place carrying that very code, such as
    community ``C4130``), or by ``lat`` and ``lon`` columns; a GeoDataFrame of
    points needs none of them. Columns not given are read from the table's HXL
    hashtags, then its headers (see :func:`_roles`), and said in ``notes``.

    Names are matched inside their parents (:func:`geo.parents.resolve`): the
    ``parent`` column or columns, top level first (``["Mohafaza", "Nahya"]``),
    else the table's own hierarchy columns. ``level`` says what the names are
    (``community``, ``sub-district``, 3…), else the column's header does, else
    the kind most of them are. ``label`` names a column to call the points by
    (e.g. the community name of a table placed by P-code). ``gazetteer``
    replaces the shipped one (:func:`geo.admin.gazetteer_with` a COD-AB file,
    :func:`geo.places.gazetteer_with_places` a COD-PP file).

    ``period`` names a column of dates or periods: rows are summed per point and
    period, the periods put in reading order (:func:`geo.periods.order`: as dates
    when they read as dates, months missing between others added), and a row
    with an empty period is set aside (reason "empty period").

    Blank values are "no value": listed in ``unplaced``, not drawn (no data is not
    zero); zero is a value. Non-numeric or negative values raise
    :class:`geo.errors.InputError` naming the rows.
    """
    from geo import io as _io

    df = read_frame(data)
    notes: list[str] = []
    value, place, pcode, lat, lon, parents_given = _roles(df, value, place, pcode, lat, lon, parent, notes)
    first_row = int(df.attrs.get("first_row", 1))
    values = _io.parse_figures(column(df, value, "value"), value).tolist()
    written = _texts(column(df, label, "label")) if label else None
    whens, order = _periods_of(df, period)
    if place is not None or pcode is not None:
        placed = _place_by_name(
            df, place, pcode, parents_given, notes, level=level, country=country, min_score=min_score,
            gazetteer=gazetteer,
        )  # fmt: skip
    else:
        placed = _place_by_position(df, lat, lon)
    if written is None:
        written = _shown_names(placed, pcodes=pcode is not None)
    parts, unplaced = _split_rows(values, whens, written, placed, first_row=first_row, by_period=bool(period))
    table = PointTable(
        points=_points(parts, order), unplaced=tuple(unplaced), total=math.fsum(v for v in values if v == v),
        rows=len(df), units=units, value_name=str(value), unmatched=_unmatched_frame(df, unplaced, first_row),
        notes=tuple(notes), periods=order.labels, missing=order.missing,
        period_input=_period_input(values, whens, order),
    )  # fmt: skip
    table.check()
    return table


def _roles(df, value, place, pcode, lat, lon, parent, notes: list[str]) -> tuple:
    """``(value, place, pcode, lat, lon, parents)``: the columns given, the others found by the table's HXL hashtags,
    then its headers (:func:`geo.io.columns.locate`, which says so in ``notes``).

    Checked here, before any row is read, so that a request that cannot be met (two ways of placing rows, or
    none; parents of something that is not a name) is one clear error, not a half-placed table.
    """
    import geopandas as gpd

    from geo.io.columns import locate

    located = sum(x is not None for x in (place, pcode)) + (lat is not None or lon is not None)
    if located > 1:
        raise InputError("say how rows are placed with one of: place (names), pcode (P-codes), or lat and lon")
    if (lat is None) != (lon is None):
        raise InputError("lat and lon go together")
    parents = (parent,) if isinstance(parent, str) else tuple(parent or ())
    value, place, pcode, lat, lon = locate(df, value, place, pcode, lat, lon, notes=notes)
    if parents and place is None:
        raise InputError("parent= narrows names (place=), not P-codes or coordinates")
    if place is None and pcode is None and lat is None and not isinstance(df, gpd.GeoDataFrame):
        raise InputError("say how rows are placed: place= (names), pcode= (P-codes) or lat= and lon= (coordinates)")
    return value, place, pcode, lat, lon, parents


def _periods_of(df, period: str | None) -> tuple[list[str], Periods]:
    """Each row's period as a label ("" where empty; every row's without ``period``) and the periods in reading
    order, those missing between them included; a period column with no period at all is an error, not a
    table that would draw nothing."""
    from geo import periods as _periods

    if not period:
        return [""] * len(df), _periods.Periods(())
    whens = _periods.labels(column(df, period, "period")).tolist()
    order = _periods.order(whens)
    if not order.labels:
        raise InputError(f"no row has a period in column {period!r}")
    return whens, order


def _place_by_name(
    df, place, pcode, parents_given: tuple[str, ...], notes: list[str], *, level, country, min_score, gazetteer
) -> _Placed:
    """Each row placed by its name or P-code through the gazetteer. Names are looked up inside their parents and
    at their level, so that a village is not taken for a namesake elsewhere; parent values that name nothing
    are said in ``notes``."""
    col = column(df, place or pcode, "place" if place else "P-code")
    queries = _texts(col)
    parents, kinds, kind = None, [], None
    if place is not None:
        parents, kinds = _parents(df, str(col.name), parents_given, notes)
        kind = _level(df, str(col.name), level, queries)
    found = _by_name(queries, parents, kinds, pcodes=pcode is not None, level=kind, country=country,
                     min_score=min_score, gazetteer=gazetteer)  # fmt: skip
    spots = [((m.lat, m.lon), why) if m else (None, why) for m, why in found]
    matches = [m for m, _ in found]
    if parents:
        _say_unknown_parents(matches, notes)
    return _Placed(queries, spots, matches, queries)


def _parents(df, col: str, given: tuple[str, ...], notes: list[str]) -> tuple[list[tuple] | None, list]:
    """Each row's parent values (top level first; None where empty) and the parent columns' kinds: the columns
    given, else the table's own hierarchy columns, which are said in ``notes`` since nobody asked for them."""
    from geo.io.columns import hierarchy

    cols, kinds = hierarchy(df, col, given)
    if not cols:
        return None, kinds
    if not given:
        notes.append(f"matched inside the table's own columns {', '.join(map(repr, cols))} (parents)")
    cells = [_texts(df[c]) for c in cols]
    return [tuple(v or None for v in row) for row in zip(*cells)], kinds


def _level(df, col: str, level, queries: list[str]) -> str | None:
    """The kind of place the names are: as asked, else as the column's header or tag says, else "auto" (the kind
    most of them are) once there are five different names to judge by; with fewer, any kind."""
    from geo.io.columns import LEVEL_KINDS, column_level, level_kind

    kind = level_kind(level) or LEVEL_KINDS.get(column_level(df, col))
    return kind or ("auto" if len(set(queries)) >= 5 else None)


def _say_unknown_parents(matches: list[Match | None], notes: list[str]) -> None:
    """One warning line in ``notes`` for the parent values that name no area: their rows were placed without
    them, which the user should know (a misspelt governorate, a P-code of another country)."""
    from geo.parents import unknown_parents

    missing = unknown_parents([m for m in matches if m])
    if missing:
        shown = ", ".join(missing[:10]) + (f" and {len(missing) - 10} more" if len(missing) > 10 else "")
        notes.append(f"warning: {len(missing)} parent value(s) name no area; placed without them: {shown}")


def _by_name(
    names: list[str], parents, parent_kinds, *, pcodes: bool, level, country, min_score, gazetteer
) -> list[tuple[Match | None, str]]:
    """(match, reason) per row: names (or P-codes) through the gazetteer, each inside its parents when given."""
    from geo.parents import resolve

    kwargs = {"min_score": min_score} if min_score is not None else {}
    wanted = [i for i, n in enumerate(names) if n]
    got = resolve(
        [names[i] for i in wanted], [parents[i] for i in wanted] if parents else None, country=country,
        gazetteer=gazetteer, level=level, parent_levels=parent_kinds, **kwargs,
    )  # fmt: skip
    found: dict[int, Match] = dict(zip(wanted, got))
    out: list[tuple[Match | None, str]] = [(None, "empty P-code" if pcodes else "empty place")] * len(names)
    for i, m in sorted(found.items()):
        if not m.matched:
            why = "unknown P-code" if pcodes else "unknown place"
            if m.note.startswith("ambiguous: "):  # known, but several places have that name: said apart
                why, m = "ambiguous place", replace(m, note=m.note.removeprefix("ambiguous: "))
            out[i] = (None, f"{why}: {m.note}" if m.note else why)
        elif pcodes and _norm_code(m.pcode) != _norm_code(names[i]):
            # a code is an identifier: a name that happens to look like it is not the place meant
            near = f" (the nearest name is {m.name}, {m.pcode or m.kind})" if m.name else ""
            out[i] = (None, "unknown P-code" + near)
        elif m.kind == "border":
            out[i] = (None, f"a border is a line, not a point: {m.name}")
        else:
            out[i] = (m, "")
    return out


def _place_by_position(df, lat: str | None, lon: str | None) -> _Placed:
    """Each row placed by its own coordinates: ``lat`` and ``lon`` columns, else a layer's point geometry. The
    position as text stands in for a name; a geometry, which nobody wrote, is recorded as no query."""
    spots = _by_coordinates(df, lat, lon) if lat is not None else _by_geometry(df)
    texts = [f"{s[0]:.5f}, {s[1]:.5f}" if s else "" for s, _ in spots]
    return _Placed(texts, spots, [None] * len(spots), texts if lat else [""] * len(spots))


def _by_coordinates(df, lat: str, lon: str) -> list[tuple[tuple[float, float] | None, str]]:
    """(spot, reason) per row from its latitude and longitude cells: text, blanks and numbers beyond ±90 or ±180
    are "no usable coordinates", not a point."""
    import pandas as pd

    ys = pd.to_numeric(column(df, lat, "latitude"), errors="coerce").tolist()
    xs = pd.to_numeric(column(df, lon, "longitude"), errors="coerce").tolist()
    out = []
    for y, x in zip(ys, xs):
        if y != y or x != x or abs(y) > 90 or abs(x) > 180:
            out.append((None, "no usable coordinates"))
        else:
            out.append(((float(y), float(x)), ""))
    return out


def _by_geometry(gdf) -> list[tuple[tuple[float, float] | None, str]]:
    """(spot, reason) per feature of a layer, in degrees whatever its CRS (a layer with none is taken to be in
    degrees); no geometry, or a line or polygon, is "no point geometry"."""
    geoms = gdf.to_crs(4326).geometry if gdf.crs is not None else gdf.geometry
    out = []
    for g in geoms:
        if g is None or g.is_empty or g.geom_type != "Point":
            out.append((None, "no point geometry"))
        else:
            out.append(((float(g.y), float(g.x)), ""))
    return out


def _shown_names(placed: _Placed, *, pcodes: bool) -> list[str]:
    """The name each row is shown by when no label column is given: as written, except that a P-code is no
    name to show: the gazetteer's name for it is."""
    return [m.name if m else t for t, m in zip(placed.texts, placed.matches)] if pcodes else placed.texts


def _split_rows(
    values: list[float], whens: list[str], written: list[str], placed: _Placed, *, first_row: int, by_period: bool
) -> tuple[dict[tuple[float, float, str], list[Part]], list[Unplaced]]:
    """Every row either a :class:`Part` on its point and period (the point rounded to ``DIGITS``: rows about a
    metre apart are one point), or :class:`Unplaced` with the reason: nothing lost, nothing silent."""
    parts: dict[tuple[float, float, str], list[Part]] = defaultdict(list)
    unplaced: list[Unplaced] = []
    rows = zip(values, whens, placed.spots, placed.matches, strict=True)
    for i, (v, when, (spot, why), m) in enumerate(rows):
        row, name = i + first_row, written[i] or placed.texts[i]
        if v != v:
            unplaced.append(Unplaced(row, name, math.nan, "no value", when))
        elif spot is None:
            unplaced.append(Unplaced(row, name, float(v), why, when))
        elif by_period and not when:  # placed, but a map by period has no period to draw it in: said, not dropped
            unplaced.append(Unplaced(row, name, float(v), NO_PERIOD))
        else:
            query = placed.queries[i]
            if m:
                part = Part(row, written[i], float(v), query, m.name, m.kind, m.pcode, m.qualifier, m.note)
            else:
                part = Part(row, written[i], float(v), query, kind="coordinates")
            parts[(round(spot[0], DIGITS), round(spot[1], DIGITS), when)].append(part)
    return parts, unplaced


def _points(parts: dict[tuple[float, float, str], list[Part]], order: Periods) -> tuple[Point, ...]:
    """One :class:`Point` per position and period, its rows summed; period by period in reading order, then
    largest first, ties by name, then position, so that the order depends on the points alone."""
    points = [Point(y, x, math.fsum(p.value for p in ps), tuple(ps), when) for (y, x, when), ps in parts.items()]
    rank = {p: k for k, p in enumerate(order.labels)}
    points.sort(key=lambda p: (rank.get(p.period, 0), -p.value, p.label, p.lat, p.lon))
    return tuple(points)


def _period_input(values: list[float], whens: list[str], order: Periods) -> dict[str, tuple[int, float]]:
    """Rows and people per period as the table has them, placed or not (no value counts a row, not people):
    what :meth:`PointTable.check` holds each period's table to."""
    period_input: dict[str, tuple[int, float]] = {p: (0, 0.0) for p in order.labels}
    for v, when in zip(values, whens, strict=True):
        if when:
            rows_in, total_in = period_input[when]
            period_input[when] = (rows_in + 1, total_in + (float(v) if v == v else 0.0))
    return period_input


def _unmatched_frame(df, unplaced: list[Unplaced], first_row: int) -> pd.DataFrame:
    """The rows on no circle as the table had them, every column kept so the user can fix and re-run them,
    their file row first and the reason last; a layer's geometry is left out (the report is a plain table)."""
    import geopandas as gpd
    import pandas as pd

    unmatched = df.iloc[[u.row - first_row for u in unplaced]].copy()
    if isinstance(unmatched, gpd.GeoDataFrame):
        unmatched = unmatched.drop(columns=unmatched.geometry.name)
    unmatched = pd.DataFrame(unmatched).reset_index(drop=True)
    unmatched.insert(0, "row", [u.row for u in unplaced])
    unmatched["reason"] = [u.reason for u in unplaced]
    return unmatched
