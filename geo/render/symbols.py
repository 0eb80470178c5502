"""Proportional symbols: how figures become circles (sizes, styles) and the legend that reads them back.

Circle *area* is proportional to the value (radius ∝ √value), the largest point
:data:`MAX_RADIUS` pixels, one scale for the whole map; circles too small to see
are drawn at :data:`MIN_RADIUS` (and the legend says how many); zero is a small
hollow circle, not nothing; a figure for a whole area is drawn dashed. The
legend shows two or three nested reference circles at round values, as on OCHA
and IOM DTM maps. Shared by the web map (:mod:`geo.render.bubbles`) and its
static twin (:mod:`geo.render.bubbles_static`, which draws these pixel sizes in
points).

>>> radius(100, 400), radius(0, 400)
(12.0, 3.0)
>>> references(190000)
[100000, 20000]
"""

from __future__ import annotations

import math

from geo.movements import fmt
from geo.points import NO_PERIOD, PointTable
from geo.render.layout import Legend

FILL = "#c2410c"  # the flows' dark orange: reads on the pale basemap and over a blue choropleth
LINE = "#7c2d12"
HOVER = "#111111"  # the ring around the circle under the mouse
FILL_OPACITY = 0.5  # translucent, so circles that overlap show each other's outlines
MAX_RADIUS = 24.0  # px, the largest point
MIN_RADIUS = 1.5  # px: smaller circles are drawn this size, so they stay visible (the legend says so)
ZERO_RADIUS = 3.0  # px, the hollow circle of a zero
KINDS = ("value", "zero", "area")  # how a circle is drawn: filled, hollow, dashed (an area's figure)


def styles() -> list[dict]:
    """Leaflet path options for each of :data:`KINDS`: filled, hollow (zero), dashed (an area's figure)."""
    base = {"color": LINE, "weight": 1, "opacity": 1, "fillColor": FILL, "fillOpacity": FILL_OPACITY}
    return [
        {**base, "className": "geo-bubble"},
        {**base, "fillOpacity": 0, "weight": 1.2, "className": "geo-bubble zero"},  # hollow, still hoverable
        {**base, "dashArray": "4 3", "className": "geo-bubble area"},
    ]


def kind_of(point) -> int:
    """Index into :data:`KINDS`."""
    if point.value == 0:
        return 1
    return 2 if point.is_area else 0


def radius(value: float, biggest: float) -> float:
    """Radius in px with the circle's area proportional to ``value``; the largest value gets :data:`MAX_RADIUS`.

    >>> radius(100, 400), radius(0, 400), radius(1, 10**8)
    (12.0, 3.0, 1.5)
    """
    if value <= 0 or biggest <= 0:
        return ZERO_RADIUS
    return round(max(MIN_RADIUS, MAX_RADIUS * math.sqrt(value / biggest)), 2)


def radii(table: PointTable) -> list[float]:
    """Each point's radius in px, on the table's scale (by period: the largest point of every period)."""
    biggest = table.biggest
    return [radius(p.value, biggest) for p in table.points]


def nice_below(x: float) -> float:
    """The largest of 1, 2, 5 × 10^k not above ``x``.

    >>> nice_below(190000), nice_below(4.9), nice_below(0.3)
    (100000, 2, 0.2)
    """
    k = math.floor(math.log10(x))
    for step in (5, 2, 1):
        v = step * 10.0**k
        if v <= x * (1 + 1e-12):
            return int(v) if v >= 1 else round(v, -k)
    return x  # pragma: no cover - 1 × 10^k is never above x


def references(biggest: float, gap_px: float = 14.0, smallest_px: float = 3.0) -> list[float]:
    """Up to three round values for the legend's nested circles, largest first.

    The largest is the roundest value not above the largest point; each next one is the largest round
    value whose circle's top lies ``gap_px`` below the previous one's (room for its label), while its
    circle is at least ``smallest_px`` in radius.

    >>> references(100000), references(190000), references(12), references(0)
    ([100000, 50000, 10000], [100000, 20000], [10, 2], [])
    """
    if biggest <= 0:
        return []
    out = [nice_below(biggest)]
    while len(out) < 3:
        room = radius(out[-1], biggest) - gap_px / 2  # the next circle's radius, at most
        if room < smallest_px:
            break
        out.append(nice_below(biggest * (room / MAX_RADIUS) ** 2))
    return out


def legend_title(table: PointTable) -> str:
    """ "IDP arrivals (people)": the value column and the units."""
    name = table.value_name or "Figures"
    return f"{name} ({table.units})" if table.units else name


def legend_key(table: PointTable) -> list[dict]:
    """The nested reference circles: ``{"value", "r", "label"}``, largest first."""
    biggest = table.biggest
    return [{"value": v, "r": radius(v, biggest), "label": fmt(v)} for v in references(biggest)]


def legend_rows(table: PointTable) -> list[dict]:
    """Rows under the nested circles: the hollow zero, when there is one."""
    if any(p.value == 0 for p in table.points):
        return [{"shape": "circle", "color": "transparent", "size": 2 * ZERO_RADIUS + 2, "label": "0 (none reported)"}]
    return []


def legend_note(table: PointTable) -> str:
    """What the legend says beyond the circles: the scale rule, sums, areas, and what is not drawn.

    By period, that one scale holds for every period; the table of one period (``table.at(p)``, as printed
    with ``--at``) says which period it is.
    """
    parts = ["Circle area proportional to the figure."]
    if table.periods:
        n = len(table.periods)
        if table.period:
            parts.insert(0, f"Period {table.period}.")
        parts.append(f"One circle scale for all {n} period{'' if n == 1 else 's'} ({table.span()}).")
    summed = sum(1 for p in table.points if len(p.parts) > 1)
    if summed:
        s = "" if summed == 1 else "s"
        parts.append(f"Rows on the same place are summed ({summed:,} circle{s}).")
    if any(p.is_area and p.value > 0 for p in table.points):
        parts.append("Dashed: a figure for a whole area, drawn at a point inside it.")
    biggest = table.biggest
    tiny = sum(1 for p in table.points if 0 < p.value and MAX_RADIUS * math.sqrt(p.value / biggest) < MIN_RADIUS)
    if tiny:
        parts.append(f"{tiny:,} smallest drawn at {MIN_RADIUS:g} px so they stay visible.")
    parts += not_drawn(table)
    return " ".join(parts)


def not_drawn(table: PointTable) -> list[str]:
    """What the rows on no circle were: not placed, without a figure, without a period (one sentence each)."""
    parts = []
    no_period = table.no_period
    unknown = [u for u in table.unplaced if u.value == u.value and u.reason != NO_PERIOD]
    if unknown:
        s = "" if len(unknown) == 1 else "s"
        value = fmt(math.fsum(u.value for u in unknown))
        parts.append(f"{len(unknown):,} row{s} ({value} {table.units}) not placed.")
    if table.no_value:
        n = len(table.no_value)
        parts.append(f"{n:,} row{'' if n == 1 else 's'} with no figure, not drawn.")
    if no_period:
        n = len(no_period)
        value = fmt(math.fsum(u.value for u in no_period))
        parts.append(f"{n:,} row{'' if n == 1 else 's'} ({value} {table.units}) without a period, not drawn.")
    return parts


def period_note(table: PointTable) -> str:
    """What the time slider says under one period (``table.at(p)``): its total, or that it has no rows,
    and what of it is not drawn.

    >>> import pandas as pd
    >>> from geo.points import prepare
    >>> pt = prepare(pd.DataFrame({"site": ["Atmeh", "Dana"], "n": [120, 30], "m": ["2024-01", "2024-03"]}),
    ...              value="n", place="site", period="m")
    >>> [period_note(t) for t in pt.each_period()]
    ['120 people at 1 place.', 'No rows for 2024-02.', '30 people at 1 place.']
    """
    if table.period in table.missing:
        return f"No rows for {table.period}."
    n = len(table.points)
    figure = " ".join(x for x in (fmt(table.drawn), table.units) if x)
    parts = [f"{figure} at {n:,} place{'' if n == 1 else 's'}." if n else "No circle to draw."]
    return " ".join(parts + not_drawn(table))


_KEY = """{% if this.key %}
<svg class="geo-bubble-key" width="{{ this.key_w }}" height="{{ this.key_h }}" aria-hidden="true">
{%- for c in this.key %}
<circle cx="{{ this.key_x }}" cy="{{ this.key_base - c.r }}" r="{{ c.r }}" fill="{{ this.fill }}"
 fill-opacity="{{ this.fill_opacity }}" stroke="{{ this.line }}" stroke-width="1"/>
<line x1="{{ this.key_x }}" y1="{{ this.key_base - 2 * c.r }}" x2="{{ this.key_x + this.key_r + 6 }}"
 y2="{{ this.key_base - 2 * c.r }}" stroke="#555" stroke-width="0.8" stroke-dasharray="2 2"/>
<text x="{{ this.key_x + this.key_r + 9 }}" y="{{ this.key_base - 2 * c.r + 4 }}" font-size="11"
 fill="#222">{{ c.label|e }}</text>
{%- endfor %}
</svg>{% endif %}"""
_ROWS = "{%- for row in this.rows %}"
if _ROWS not in Legend.body:  # pragma: no cover - a change to the shared legend must keep its rows loop
    raise ImportError("geo.render.layout.Legend.body has no rows loop to put the nested circles before")


class BubbleLegend(Legend):
    """The shared legend with nested reference circles (as on OCHA and IOM DTM maps) above its rows."""

    body = Legend.body.replace(_ROWS, _KEY + "\n" + _ROWS, 1)

    def __init__(self, title: str, key: list[dict], rows: list[dict], note: str | None = None, **kwargs):
        super().__init__(title, rows, note=note, **kwargs)
        self.key = [{"r": round(float(c["r"]), 2), "label": str(c["label"])} for c in key]
        self.key_r = max((c["r"] for c in self.key), default=0.0)
        widest = max((len(c["label"]) for c in self.key), default=0)
        self.key_x = round(self.key_r + 1, 2)
        self.key_base = round(2 * self.key_r + 2, 2)
        self.key_w = round(2 * self.key_r + 12 + 7 * widest, 2)
        self.key_h = self.key_base + 1 if self.key else 0
        self.fill, self.line, self.fill_opacity = FILL, LINE, FILL_OPACITY
