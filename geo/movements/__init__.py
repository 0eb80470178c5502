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
* periods in reading order (:mod:`geo.periods`: as dates when they read as dates),
  one width scale for all of them;
* optionally rolled up to admin 1 (``level="admin1"``);
* every row accounted for: drawn + smaller + unplaced == input, in people and
  in rows (:meth:`FlowTable.check`).

The stages are small modules: ``table`` (read the rows), ``places`` (place
their ends), ``sums`` (sum pairs, choose the drawn ones) and ``model`` (the
result). The arrows' geometry (ends on borders, curves, widths) is in
:mod:`geo.arrows`, shared by the web map and its static twin.

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

import math
from collections import defaultdict
from collections.abc import Sequence

from geo.arrows import width_scale
from geo.errors import InputError
from geo.movements.model import (
    DEFAULT_TOP,
    LEVELS,
    TOTAL,
    Flow,
    FlowTable,
    Layer,
    Node,
    Place,
    Unplaced,
    fmt,
    unplaced_text,
)
from geo.movements.places import place_names
from geo.movements.sums import sum_pairs
from geo.movements.table import read_rows

__all__ = [
    "DEFAULT_TOP", "LEVELS", "TOTAL", "Flow", "FlowTable", "Layer", "Node", "Place", "Unplaced", "fmt", "prepare",
    "unplaced_text",
]  # fmt: skip


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
    With ``period``, every period gets a layer (months missing between the
    others get an empty one) and rows without a period are unplaced.
    ``level="admin1"`` rolls every place up to the governorate (province) it
    lies in. ``gazetteer`` replaces the shipped one, e.g. with the areas of a
    COD-AB file added (:func:`geo.admin.gazetteer_with`) for sub-district
    tables. Raises :class:`geo.errors.InputError` for a missing column or a
    non-numeric, empty or negative value.
    """
    from geo import periods as _periods

    if level not in LEVELS:
        raise InputError(f"level {level!r} is not supported; use admin1 or leave it out")
    if top is not None and top < 0:
        raise InputError(f"top must be 0 (all) or more, got {top}")
    if min_value is not None and min_value < 0:
        raise InputError(f"min must be 0 or more, got {min_value}")
    rows = read_rows(data, origin, destination, value, period)
    places = place_names(
        [*rows.origins, *rows.destinations], country=country, level=level, min_score=min_score, gazetteer=gazetteer
    )
    sums, unplaced = sum_pairs(rows, places, level=level, by_period=bool(period))
    order = _periods.order(rows.periods) if period else _periods.Periods(())
    kept = sums.ranked(top, min_value)
    layers = [sums.layer(TOTAL if period else "All flows", None, kept)]
    layers += [sums.layer(p, p, kept) for p in order]
    # one scale for everything a reader sees: the periods' layers side by side, or the total alone
    shown = layers[1:] if period else layers
    period_totals: dict[str, float] = defaultdict(float)
    period_rows: dict[str, int] = defaultdict(int)
    for p, v in zip(rows.periods, rows.values):
        period_totals[p] += v
        period_rows[p] += 1
    table = FlowTable(
        layers=tuple(layers), unplaced=tuple(unplaced), total=math.fsum(rows.values), rows=len(rows), units=units,
        scale=width_scale(max((f.value for layer in shown for f in layer.flows), default=0.0)),
        periods=order.labels, level=level, period_totals=dict(period_totals), period_rows=dict(period_rows),
        missing=order.missing, largest_node=max((n.size for layer in shown for n in layer.nodes), default=0.0),
    )  # fmt: skip
    table.check()
    return table
