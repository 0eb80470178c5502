"""Movement tables → flows ready to draw: places resolved, rows summed, small flows grouped.

A movement table has one row per origin–destination pair (and period), with a
count of people. :func:`prepare` reads it, places every origin and destination
with ONE call to :func:`geo.geocode.resolve` (so the places of the table give
each other context: "the Turkish border" next to Syrian towns is the
Syria–Turkey line), and returns a :class:`FlowTable`:

* duplicate pairs summed (per period, and in a total over all periods);
* rows whose origin or destination is unknown, empty, or the same place as the
  other end are kept aside as :class:`Unplaced`, never dropped silently;
* the ``top`` largest pairs at or above ``min_value`` drawn, the rest summarised
  ("+ 37 smaller flows, 12,400 people");
* optionally rolled up to admin 1 (``level="admin1"``);
* every row accounted for: drawn + smaller + unplaced == input, in people and
  in rows (:meth:`FlowTable.check`).

The arrows' geometry (ends on borders, curves, widths) is in :mod:`geo.arrows`,
shared by the web map and its static twin.

>>> import pandas as pd
>>> table = pd.DataFrame({"from": ["Maaret al-Numan", "Saraqib", "Saraqib", "Nowhere-xyz"],
...                       "to": ["the Turkish border", "Atmeh", "Atmeh", "Idlib city"],
...                       "idps": [12000, 3000, 1500, 40]})
>>> ft = prepare(table, origin="from", destination="to", value="idps")
>>> [(f.origin.label, f.destination.label, f.value) for f in ft.flows]
[('Maaret al-Numan', 'the Turkish border', 12000.0), ('Saraqib', 'Atmeh', 4500.0)]
>>> ft.summary()
"2 flows drawn, 16,500 people; 1 of 4 rows unplaced (40 people): unknown origin 'Nowhere-xyz'"
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from geo.arrows import ARC_BEND, ARC_POINTS, WidthScale, arc, control_point, endpoints, width_scale
from geo.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

    from geo.geocode import Match

DEFAULT_TOP = 50  # more arrows than this stop reading as a map; the rest are summarised in the legend
LEVELS = (None, "admin1")
TOTAL = "All periods"


@dataclass(frozen=True)
class Place:
    """One end of a flow: what the table said, what it matched, and where it is drawn."""

    key: str  # the matched feature id, shared by every spelling of the same place
    label: str  # as the table first wrote it (or the admin-1 name after a roll-up)
    lat: float
    lon: float
    kind: str
    matched: str = ""  # the gazetteer's name for it
    score: float = 0.0
    source: str = ""
    geometry: object = field(default=None, compare=False, repr=False)

    @property
    def is_line(self) -> bool:
        return self.kind == "border"


@dataclass(frozen=True)
class Flow:
    """People moving from one place to another (in one period, or in all)."""

    origin: Place
    destination: Place
    value: float
    period: str  # "" for the total over all periods
    rows: tuple[int, ...]  # the table rows summed into this flow (numbered as in the file, else from 1)
    start: tuple[float, float]  # (lat, lon) where the arrow starts
    end: tuple[float, float]  # (lat, lon) where it ends

    def describe(self, units: str = "people") -> str:
        """ "Saraqib → Atmeh: 4,500 people (2024-01)", for tooltips."""
        when = f" ({self.period})" if self.period else ""
        return f"{self.origin.label} → {self.destination.label}: {fmt(self.value)} {units}{when}"

    def arc(self, bend: float = ARC_BEND, points: int = ARC_POINTS) -> list[tuple[float, float]]:
        """The curved line of this arrow as (lat, lon) pairs: see :func:`arc`."""
        return arc(self.start, self.end, bend, points)

    def control(self, bend: float = ARC_BEND) -> tuple[float, float]:
        """The (lat, lon) control point of the arrow's curve: see :func:`control_point`."""
        return control_point(self.start, self.end, bend)


@dataclass(frozen=True)
class Node:
    """A place drawn as a circle, sized by the people leaving or arriving there."""

    place: Place
    lat: float
    lon: float
    leaving: float
    arriving: float

    @property
    def size(self) -> float:
        return max(self.leaving, self.arriving)

    def describe(self, units: str = "people") -> str:
        parts = [f"{fmt(self.leaving)} {units} leaving"] if self.leaving else []
        if self.arriving:
            parts.append(f"{fmt(self.arriving)} arriving")
        return f"{self.place.label}: {', '.join(parts)}"


@dataclass(frozen=True)
class Layer:
    """What one map layer shows: all periods together, or one period."""

    name: str
    period: str  # "" for the total
    flows: tuple[Flow, ...]  # drawn, largest first
    smaller_count: int  # placed pairs not drawn (below ``min_value`` or past ``top``)
    smaller_value: float
    nodes: tuple[Node, ...]  # largest first
    smaller_rows: int = 0  # table rows summed into those pairs

    def smaller_text(self, units: str = "people") -> str:
        """ "+ 37 smaller flows, 12,400 people" (empty when every flow is drawn)."""
        if not self.smaller_count:
            return ""
        s = "" if self.smaller_count == 1 else "s"
        return f"+ {self.smaller_count:,} smaller flow{s}, {fmt(self.smaller_value)} {units}"


@dataclass(frozen=True)
class Unplaced:
    """A table row that is on no arrow, and why."""

    row: int
    origin: str
    destination: str
    value: float
    period: str
    reason: str


@dataclass(frozen=True)
class FlowTable:
    """Everything a flow map draws, and every row it does not, with the reason."""

    layers: tuple[Layer, ...]  # the total first, then one per period in order
    unplaced: tuple[Unplaced, ...]
    total: float  # sum of the value column over every row
    rows: int
    units: str
    scale: WidthScale
    periods: tuple[str, ...] = ()
    level: str | None = None
    period_totals: dict = field(default_factory=dict, compare=False, repr=False)  # input sum of each period
    period_rows: dict = field(default_factory=dict, compare=False, repr=False)  # input rows of each period

    @property
    def flows(self) -> tuple[Flow, ...]:
        """The drawn flows of the total layer, largest first."""
        return self.layers[0].flows

    @property
    def nodes(self) -> tuple[Node, ...]:
        return self.layers[0].nodes

    @property
    def unplaced_value(self) -> float:
        return math.fsum(u.value for u in self.unplaced)

    def bounds(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) around every drawn arrow and node, arcs included."""
        return self._extent

    @functools.cached_property
    def _extent(self) -> tuple[float, float, float, float]:
        lats, lons = [], []
        for layer in self.layers:
            for f in layer.flows:
                for lat, lon in f.arc():
                    lats.append(lat)
                    lons.append(lon)
            for n in layer.nodes:
                lats.append(n.lat)
                lons.append(n.lon)
        if not lats:
            raise InputError("no flow could be placed on the map: " + self.summary())
        return min(lons), min(lats), max(lons), max(lats)

    def summary(self) -> str:
        """One line for stderr: what was drawn, grouped and left out."""
        layer = self.layers[0]
        drawn = math.fsum(f.value for f in layer.flows)
        s = "" if len(layer.flows) == 1 else "s"
        line = f"{len(layer.flows):,} flow{s} drawn, {fmt(drawn)} {self.units}"
        if layer.smaller_count:
            line += f"; {layer.smaller_text(self.units)}"
        if self.unplaced:
            line += (
                f"; {len(self.unplaced):,} of {self.rows:,} rows unplaced ({fmt(self.unplaced_value)} {self.units}): "
            )
            line += unplaced_text(self.unplaced)
        return line

    def check(self) -> None:
        """Assert conservation: drawn + smaller + unplaced == input, in value and in rows, in every layer."""
        for layer in self.layers:
            unplaced = [u for u in self.unplaced if not layer.period or u.period == layer.period]
            drawn = math.fsum(f.value for f in layer.flows)
            got = drawn + layer.smaller_value + math.fsum(u.value for u in unplaced)
            want = self.total if not layer.period else self.period_totals.get(layer.period, 0.0)
            if not math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-6):
                raise AssertionError(f"layer {layer.name!r}: drawn+smaller+unplaced = {got} but input = {want}")
            rows = sum(len(f.rows) for f in layer.flows) + layer.smaller_rows + len(unplaced)
            want_rows = self.rows if not layer.period else self.period_rows.get(layer.period, 0)
            if rows != want_rows:
                raise AssertionError(f"layer {layer.name!r}: drawn+smaller+unplaced = {rows} rows, input {want_rows}")

    def unplaced_frame(self) -> pd.DataFrame:
        """The rows on no arrow, for an unmatched report (columns row, origin, destination, value, period, reason)."""
        import pandas as pd

        cols = ["row", "origin", "destination", "value", "period", "reason"]
        df = pd.DataFrame([[getattr(u, c) for c in cols] for u in self.unplaced], columns=cols)
        if len(df) and all(float(v).is_integer() for v in df["value"]):
            df["value"] = df["value"].astype("int64")  # "40", not "40.0", in the report
        return df


def unplaced_text(unplaced: Sequence[Unplaced], limit: int = 5) -> str:
    """Reasons and the names behind them: "unknown origin 'Nowhere'; origin is the destination 'Idlib'".

    >>> unplaced_text([Unplaced(2, "Nowhere", "Atmeh", 5, "", "unknown origin"),
    ...                Unplaced(3, "", "Atmeh", 1, "", "empty origin")])
    "empty origin; unknown origin 'Nowhere'"
    """
    names: dict[str, list[str]] = defaultdict(list)
    for u in unplaced:
        head, _, tail = u.reason.partition(": ")
        if tail:
            found = [tail]
        elif head.startswith("unknown"):
            found = [u.origin] * ("origin" in head) + [u.destination] * ("destination" in head)
        else:
            found = []
        bucket = names[head]
        bucket.extend(n for n in found if n not in bucket)
    parts = []
    for head in sorted(names):
        shown = ", ".join(repr(n[:40]) for n in names[head][:limit])
        more = f" and {len(names[head]) - limit} more" if len(names[head]) > limit else ""
        parts.append(f"{head} {shown}{more}".strip())
    return "; ".join(parts)


def fmt(value: float) -> str:
    """Thousands separators; no decimals for whole numbers.

    >>> fmt(12400.0), fmt(2.5)
    ('12,400', '2.5')
    """
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


# --- reading the table -------------------------------------------------------------------------------------------


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


def _period_order(values: Sequence[str]) -> list[str]:
    import pandas as pd

    uniq = list(dict.fromkeys(v for v in values if v))
    try:
        parsed = pd.to_datetime(pd.Series(uniq, dtype="string"), format="ISO8601")
    except (ValueError, TypeError):
        return uniq  # not all dates: keep the table's order
    return [u for _, u in sorted(zip(parsed, uniq))]


def _period_text(series: pd.Series) -> pd.Series:
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(series):
        return series.dt.strftime("%Y-%m-%d").fillna("")
    text = series.astype("string").fillna("").str.strip()
    # dates read from spreadsheets arrive as "2024-01-05 00:00:00"
    return text.str.replace(r"^(\d{4}-\d{2}-\d{2})[ T]00:00:00$", r"\1", regex=True)


# --- places ------------------------------------------------------------------------------------------------------


def _place(match: Match, label: str) -> Place | None:
    from geo.shapes import geometry_for

    if not match.matched:
        return None
    geom = geometry_for(match)
    if match.kind == "border":
        lat, lon = match.lat, match.lon
    elif geom is not None and geom.geom_type != "Point":
        point = geom.representative_point()
        lat, lon = round(point.y, 6), round(point.x, 6)
    else:
        lat, lon = match.lat, match.lon
    key = match.id or f"{match.lat},{match.lon}"
    if match.qualifier and match.kind in ("country", "admin1", "admin2", "admin3"):
        key += f"#{match.qualifier}"  # "southern Idlib" is not "Idlib"
    return Place(
        key=key, label=label, lat=lat, lon=lon, kind=match.kind,
        matched=match.name, score=match.score, source=match.source, geometry=geom,
    )  # fmt: skip


def _roll_up(places: dict[str, Place]) -> dict[str, Place]:
    """Each place replaced by the admin-1 area it lies in (borders, countries and places outside stay)."""
    import shapely

    from geo import boundaries

    areas = boundaries.admin1()
    tree = shapely.STRtree(areas.geometry.values)
    out: dict[str, Place] = {}
    for name, p in places.items():
        if p.kind in ("border", "country"):
            out[name] = p
            continue
        hits = tree.query(shapely.Point(p.lon, p.lat), predicate="intersects")
        if not len(hits):
            out[name] = p
            continue
        i = int(sorted(hits)[0])
        row = areas.iloc[i]
        key = f"admin1:{row['pcode']}" if row["pcode"] else f"admin1:{row['iso_a2']}.{row['name']}"
        geom = row.geometry
        point = geom.representative_point()
        out[name] = Place(
            key=key, label=str(row["name"]), lat=round(point.y, 6), lon=round(point.x, 6), kind="admin1",
            matched=str(row["name"]), score=p.score, source="Natural Earth", geometry=geom,
        )  # fmt: skip
    return out


# --- the whole pipeline ------------------------------------------------------------------------------------------


def prepare(
    data,
    origin: str,
    destination: str,
    value: str,
    *,
    period: str | None = None,
    country: str | Sequence[str] | None = None,
    level: str | None = None,
    top: int | None = DEFAULT_TOP,
    min_value: float | None = None,
    units: str = "people",
    min_score: float | None = None,
    gazetteer=None,
) -> FlowTable:
    """Read, place, sum and select the flows of a movement table.

    ``data`` is a DataFrame or a file path; ``origin``, ``destination``,
    ``value`` and ``period`` name columns (by header, or by HXL hashtag such as
    ``#affected+idps``). ``top`` keeps the largest pairs (None or 0: all),
    ``min_value`` drops pairs smaller than it; both are summarised, not lost.
    ``level="admin1"`` rolls every place up to the governorate (province) it
    lies in. ``gazetteer`` replaces the shipped one, e.g. with the areas of a
    COD-AB file added (:func:`geo.admin.gazetteer_with`) for sub-district
    tables. Raises :class:`geo.errors.InputError` for a missing column or a
    non-numeric, empty or negative value.
    """
    import numpy as np
    import pandas as pd

    from geo.geocode import resolve

    if level not in LEVELS:
        raise InputError(f"level {level!r} is not supported; use admin1 or leave it out")
    if top is not None and top < 0:
        raise InputError(f"top must be 0 (all) or more, got {top}")
    if min_value is not None and min_value < 0:
        raise InputError(f"min must be 0 or more, got {min_value}")
    df = read_table(data)
    first_row = int(df.attrs.get("first_row", 1))  # as geo.io numbers rows: as in the file, else from 1
    o_col = column(df, origin, "origin")
    d_col = column(df, destination, "destination")
    values = figures(column(df, value, "value"), value, blank_ok=True).to_numpy()
    no_figure = np.isnan(values)  # movements with no figure: listed in the summary, on no arrow
    values = np.where(no_figure, 0.0, values)
    periods = _period_text(column(df, period, "period")) if period else pd.Series([""] * len(df), dtype="string")
    o_text = o_col.astype("string").fillna("").str.strip().tolist()
    d_text = d_col.astype("string").fillna("").str.strip().tolist()
    p_text = periods.tolist()
    n = len(df)

    names = list(dict.fromkeys(t for t in (*o_text, *d_text) if t))
    kwargs = {"min_score": min_score} if min_score is not None else {}
    matches = resolve(names, country=country, gazetteer=gazetteer, **kwargs) if names else []
    places: dict[str, Place] = {}
    labels: dict[str, str] = {}  # the first spelling the table used for each feature
    for name, m in zip(names, matches):
        if m.matched:
            p = _place(m, name)
            places[name] = replace(p, label=labels.setdefault(p.key, name))
    if level == "admin1":
        places = _roll_up(places)

    unplaced: list[Unplaced] = []
    pair_value: dict[tuple[str, str, str], float] = defaultdict(float)
    pair_rows: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    place_by_key: dict[str, Place] = {}
    for i in range(n):
        o, d, v, per = o_text[i], d_text[i], float(values[i]), p_text[i]
        po, pd_ = places.get(o), places.get(d)
        reason = ""
        if no_figure[i]:
            reason = f"no figure: {o or '?'} → {d or '?'}"
        elif not o:
            reason = "empty origin"
        elif not d:
            reason = "empty destination"
        elif po is None and pd_ is None:
            reason = "unknown origin and destination"
        elif po is None:
            reason = "unknown origin"
        elif pd_ is None:
            reason = "unknown destination"
        elif po.key == pd_.key:
            reason = f"origin is the destination: {po.label}" if not level else f"both in {po.label}"
        if reason:
            unplaced.append(Unplaced(i + first_row, o, d, v, per, reason))
            continue
        place_by_key.setdefault(po.key, po)
        place_by_key.setdefault(pd_.key, pd_)
        pair_value[(po.key, pd_.key, per)] += v
        pair_rows[(po.key, pd_.key, per)].append(i + first_row)

    order = _period_order(p_text) if period else []
    totals: dict[tuple[str, str], float] = defaultdict(float)
    for (ok, dk, _per), v in pair_value.items():
        totals[(ok, dk)] += v

    def label_of(pair):
        return (place_by_key[pair[0]].label, place_by_key[pair[1]].label, pair)

    ranked = sorted(totals, key=lambda pair: (-totals[pair], label_of(pair)))
    keep = [p for p in ranked if totals[p] > 0 and (min_value is None or totals[p] >= min_value)]
    if top:
        keep = keep[:top]
    kept = set(keep)
    ends_cache: dict[tuple[str, str], tuple] = {}

    def ends(pair):
        if pair not in ends_cache:
            ends_cache[pair] = endpoints(place_by_key[pair[0]], place_by_key[pair[1]])
        return ends_cache[pair]

    def make_layer(name: str, per: str | None) -> Layer:
        if per is None:
            vals = totals
            rows = defaultdict(list)
            for (ok, dk, _p), rs in pair_rows.items():
                rows[(ok, dk)].extend(rs)
        else:
            vals = {(ok, dk): v for (ok, dk, p), v in pair_value.items() if p == per}
            rows = {(ok, dk): rs for (ok, dk, p), rs in pair_rows.items() if p == per}
        flows = []
        for pair in keep:
            if pair in vals and vals[pair] > 0:
                start, end = ends(pair)
                flows.append(
                    Flow(
                        place_by_key[pair[0]],
                        place_by_key[pair[1]],
                        vals[pair],
                        per or "",
                        tuple(sorted(rows[pair])),
                        start,
                        end,
                    )
                )
        flows.sort(key=lambda f: (-f.value, label_of((f.origin.key, f.destination.key))))
        # a kept pair with no one in this layer (0 in that period) is on no arrow: it joins the smaller flows
        rest = [p for p in vals if p not in kept or vals[p] <= 0]
        return Layer(
            name, per or "", tuple(flows), len(rest), math.fsum(vals[p] for p in rest), _nodes(vals, ends),
            sum(len(rows[p]) for p in rest),
        )  # fmt: skip

    def _nodes(vals, ends_of) -> tuple[Node, ...]:
        leaving: dict[tuple, float] = defaultdict(float)
        arriving: dict[tuple, float] = defaultdict(float)
        where: dict[tuple, tuple[Place, tuple[float, float]]] = {}
        for pair, v in vals.items():
            po, pdest = place_by_key[pair[0]], place_by_key[pair[1]]
            # a border is a line: its circles sit where the arrows meet it, one per point
            start, end = ends_of(pair) if (po.is_line or pdest.is_line) else ((po.lat, po.lon), (pdest.lat, pdest.lon))
            ko = (po.key, start if po.is_line else None)
            kd = (pdest.key, end if pdest.is_line else None)
            where.setdefault(ko, (po, start))
            where.setdefault(kd, (pdest, end))
            leaving[ko] += v
            arriving[kd] += v
        nodes = [Node(p, pt[0], pt[1], leaving.get(k, 0.0), arriving.get(k, 0.0)) for k, (p, pt) in where.items()]
        nodes = [nd for nd in nodes if nd.size > 0]
        nodes.sort(key=lambda nd: (-nd.size, nd.place.label, nd.lat, nd.lon))
        return tuple(nodes)

    layers = [make_layer(TOTAL if period else "All flows", None)]
    layers += [make_layer(per, per) for per in order]
    period_totals: dict[str, float] = defaultdict(float)
    period_rows: dict[str, int] = defaultdict(int)
    for i in range(n):
        period_totals[p_text[i]] += float(values[i])
        period_rows[p_text[i]] += 1
    scale = width_scale(max((f.value for f in layers[0].flows), default=0.0))
    table = FlowTable(
        layers=tuple(layers), unplaced=tuple(unplaced), total=math.fsum(float(v) for v in values), rows=n,
        units=units, scale=scale, periods=tuple(order), level=level, period_totals=dict(period_totals),
        period_rows=dict(period_rows),
    )  # fmt: skip
    table.check()
    return table
