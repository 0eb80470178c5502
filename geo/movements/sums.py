"""Summing and choosing flows: people per origin–destination pair and period, the largest pairs drawn.

Rows that cannot be on an arrow (no figure, an empty or unknown end, the same place at both ends, no
period when the map is by period) are set aside with their reason. The ``top`` pairs over all periods are the ones
drawn in every layer, so that a pair does not appear and vanish as a reader moves through time; the
rest are summed as "smaller flows" in each layer.
"""

from __future__ import annotations

import math
from collections import defaultdict

from geo.arrows import endpoints
from geo.movements.model import Flow, Layer, Node, Place, Unplaced
from geo.movements.table import Rows

Pair = tuple[str, str]  # (origin key, destination key)


def why_unplaced(origin: str, destination: str, po: Place | None, pd_: Place | None, level: str | None) -> str:
    """Why a row is on no arrow ("" when it is on one).

    >>> why_unplaced("Saraqib", "", None, None, None), why_unplaced("Nowhere", "Atmeh", None, object(), None)
    ('empty destination', 'unknown origin')
    """
    if not origin:
        return "empty origin"
    if not destination:
        return "empty destination"
    if po is None and pd_ is None:
        return "unknown origin and destination"
    if po is None:
        return "unknown origin"
    if pd_ is None:
        return "unknown destination"
    if po.key == pd_.key:
        return f"origin is the destination: {po.label}" if not level else f"both in {po.label}"
    return ""


class PairSums:
    """People per (origin, destination, period), with the table rows behind each sum."""

    def __init__(self):
        self.value: dict[tuple[str, str, str], float] = defaultdict(float)
        self.rows: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        self.places: dict[str, Place] = {}
        self._ends: dict[Pair, tuple] = {}

    def add(self, po: Place, pd_: Place, period: str, value: float, row: int) -> None:
        self.places.setdefault(po.key, po)
        self.places.setdefault(pd_.key, pd_)
        self.value[(po.key, pd_.key, period)] += value
        self.rows[(po.key, pd_.key, period)].append(row)

    def totals(self) -> dict[Pair, float]:
        """People per pair over all periods."""
        out: dict[Pair, float] = defaultdict(float)
        for (ok, dk, _period), v in self.value.items():
            out[(ok, dk)] += v
        return out

    def ranked(self, top: int | None, min_value: float | None) -> list[Pair]:
        """The pairs drawn: the ``top`` largest over all periods, at or above ``min_value`` (None/0: all)."""
        totals = self.totals()
        ranked = sorted(totals, key=lambda pair: (-totals[pair], self._order(pair)))
        keep = [p for p in ranked if totals[p] > 0 and (min_value is None or totals[p] >= min_value)]
        return keep[:top] if top else keep

    def layer(self, name: str, period: str | None, kept: list[Pair]) -> Layer:
        """The layer of one period (None: the total): the kept pairs as flows, the others summed as smaller."""
        vals: dict[Pair, float] = defaultdict(float)
        rows: dict[Pair, list[int]] = defaultdict(list)
        for (ok, dk, p), v in self.value.items():
            if period is None or p == period:
                vals[(ok, dk)] += v
                rows[(ok, dk)].extend(self.rows[(ok, dk, p)])
        flows = []
        for pair in kept:
            if vals.get(pair, 0) > 0:
                start, end = self.ends(pair)
                o, d = self.places[pair[0]], self.places[pair[1]]
                flows.append(Flow(o, d, vals[pair], period or "", tuple(sorted(rows[pair])), start, end))
        flows.sort(key=lambda f: (-f.value, self._order((f.origin.key, f.destination.key))))
        # a kept pair with no one in this layer (0 in that period) is on no arrow: it joins the smaller flows
        kept_set = set(kept)
        rest = [p for p in vals if p not in kept_set or vals[p] <= 0]
        return Layer(
            name, period or "", tuple(flows), len(rest), math.fsum(vals[p] for p in rest), self.nodes(vals),
            sum(len(rows[p]) for p in rest),
        )  # fmt: skip

    def nodes(self, vals: dict[Pair, float]) -> tuple[Node, ...]:
        """Circles: people leaving and arriving at each place, smaller flows included, largest first."""
        leaving: dict[tuple, float] = defaultdict(float)
        arriving: dict[tuple, float] = defaultdict(float)
        where: dict[tuple, tuple[Place, tuple[float, float]]] = {}
        for pair, v in vals.items():
            po, pd_ = self.places[pair[0]], self.places[pair[1]]
            # a border is a line: its circles sit where the arrows meet it, one per point
            start, end = self.ends(pair) if (po.is_line or pd_.is_line) else ((po.lat, po.lon), (pd_.lat, pd_.lon))
            ko = (po.key, start if po.is_line else None)
            kd = (pd_.key, end if pd_.is_line else None)
            where.setdefault(ko, (po, start))
            where.setdefault(kd, (pd_, end))
            leaving[ko] += v
            arriving[kd] += v
        nodes = [Node(p, pt[0], pt[1], leaving.get(k, 0.0), arriving.get(k, 0.0)) for k, (p, pt) in where.items()]
        nodes = [n for n in nodes if n.size > 0]
        nodes.sort(key=lambda n: (-n.size, n.place.label, n.lat, n.lon))
        return tuple(nodes)

    def ends(self, pair: Pair) -> tuple[tuple[float, float], tuple[float, float]]:
        """Where the pair's arrow starts and ends (worked out once per pair: borders take a search)."""
        if pair not in self._ends:
            self._ends[pair] = endpoints(self.places[pair[0]], self.places[pair[1]])
        return self._ends[pair]

    def _order(self, pair: Pair) -> tuple:
        return self.places[pair[0]].label, self.places[pair[1]].label, pair


def sum_pairs(
    rows: Rows, places: dict[str, Place], *, level: str | None = None, by_period: bool = False
) -> tuple[PairSums, list[Unplaced]]:
    """Every row either summed into its pair (and period) or set aside as :class:`Unplaced`, with the reason."""
    sums = PairSums()
    unplaced: list[Unplaced] = []
    blank = rows.no_figure or (False,) * len(rows)
    for o, d, v, period, number, no_figure in zip(
        rows.origins, rows.destinations, rows.values, rows.periods, rows.numbers, blank
    ):
        po, pd_ = places.get(o), places.get(d)
        reason = f"no figure: {o or '?'} → {d or '?'}" if no_figure else why_unplaced(o, d, po, pd_, level)
        if not reason and by_period and not period:
            reason = "empty period"  # a map by period has no place for it: said, not dropped
        if reason:
            unplaced.append(Unplaced(number, o, d, v, period, reason))
        else:
            sums.add(po, pd_, period, v, number)
    return sums, unplaced
