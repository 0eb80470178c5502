"""What a movement map draws: places, flows, the circles at their ends, layers, and the rows on no arrow.

:class:`FlowTable` is the result of :func:`geo.movements.prepare`: a layer for the total over all
periods, then one per period (a period without a single flow is an empty layer, not a missing one),
every row that is on no arrow with its reason, the width scale shared by every layer shown, and
:meth:`FlowTable.check`, which proves that drawn + smaller + unplaced == input in every layer.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from geo.arrows import ARC_BEND, ARC_POINTS, WidthScale, arc, control_point
from geo.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

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
        """The curved line of this arrow as (lat, lon) pairs: see :func:`geo.arrows.arc`."""
        return arc(self.start, self.end, bend, points)

    def control(self, bend: float = ARC_BEND) -> tuple[float, float]:
        """The (lat, lon) control point of the arrow's curve: see :func:`geo.arrows.control_point`."""
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
    scale: WidthScale  # one width scale for every layer shown: the periods' layers when there are periods
    periods: tuple[str, ...] = ()  # in order, the missing ones included
    level: str | None = None
    period_totals: dict = field(default_factory=dict, compare=False, repr=False)  # input sum of each period
    period_rows: dict = field(default_factory=dict, compare=False, repr=False)  # input rows of each period
    missing: tuple[str, ...] = ()  # periods between the others that no row has (an empty layer each)
    largest_node: float = 0.0  # people at the busiest circle of the layers shown: every circle is sized against it

    @property
    def flows(self) -> tuple[Flow, ...]:
        """The drawn flows of the total layer, largest first."""
        return self.layers[0].flows

    @property
    def nodes(self) -> tuple[Node, ...]:
        return self.layers[0].nodes

    @property
    def shown(self) -> tuple[Layer, ...]:
        """The layers a map shows: one per period when there are periods (never stacked), else the total."""
        return self.layers[1:] if self.periods else self.layers[:1]

    def layer(self, period: str | None) -> Layer:
        """The layer of ``period`` ("" or None: the total); an unknown period is an InputError."""
        for layer in self.layers:
            if layer.period == (period or ""):
                return layer
        raise InputError(f"no period {period!r}; the table has: {', '.join(self.periods) or 'none'}")

    @property
    def unplaced_value(self) -> float:
        return math.fsum(u.value for u in self.unplaced)

    def span(self) -> str:
        """ "2024-01 to 2024-03" (or the one period; "" without periods)."""
        if not self.periods:
            return ""
        first, last = self.periods[0], self.periods[-1]
        return first if first == last else f"{first} to {last}"

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
        if self.periods:
            line += f" over {len(self.periods)} period{'' if len(self.periods) == 1 else 's'}"
            if self.missing:
                line += f" ({len(self.missing)} with no rows: {', '.join(self.missing[:5])})"
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
