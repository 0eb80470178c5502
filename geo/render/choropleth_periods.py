"""A choropleth by period: figures per area and period, and the script that recolours the areas in place.

:func:`by_period` sums the rows of each area in each period (the rows were joined to areas once, so a
name is read the same way in every period); rows without a period join the unmatched rows, with that
reason. :class:`PeriodAreas` listens to the time slider (:class:`geo.render.timeline.Timeline`) and
recolours every area for the period shown, tooltips included: the areas are never redrawn, so each
stays on the map at every position of the slider, grey where it has no data in that period.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from jinja2 import Template

from geo.render.element import LiteralMacro
from geo.render.vector import map_of, safe_json

if TYPE_CHECKING:
    import pandas as pd

    from geo.periods import Periods


@dataclass(frozen=True)
class ByPeriod:
    """The figure of every drawn area in every period (NaN: no data), and the rows set aside for want of one."""

    periods: Periods
    values: pd.DataFrame  # index: the joined areas' index; columns: period labels in order
    no_period: pd.DataFrame  # rows matched to an area but with an empty period, as unmatched rows
    warnings: list[str]


def by_period(df: pd.DataFrame, value: str | None, period: str, joined, unmatched: pd.DataFrame) -> ByPeriod:
    """Sum ``value`` per joined area and per period label of column ``period`` (rows as joined by ``join_areas``)."""
    import pandas as pd

    from geo import periods as _periods
    from geo.io import find_column, parse_figures

    matches = joined.attrs["matches"]
    labels = _periods.labels(df[find_column(df, period)]).reset_index(drop=True)
    figures = (
        pd.Series(1.0, index=labels.index) if value is None else parse_figures(df[value], value).reset_index(drop=True)
    )
    keys = matches["key"].reset_index(drop=True)
    placed = keys != ""
    order = _periods.order(labels[placed])
    rows = pd.DataFrame({"key": keys, "period": labels, "value": figures.astype(float), "row": matches["row"]})
    dated = rows[placed & (labels != "")]
    sums = dated.groupby(["key", "period"], sort=False)["value"].sum(min_count=1).unstack()
    values = sums.reindex(index=list(joined["key"]), columns=list(order.labels))
    values.index = joined.index
    lost = placed & (labels == "")
    no_period = df.reset_index(drop=True)[lost.values].copy()
    no_period.insert(0, "row", matches["row"][lost.values].values)
    no_period = no_period.drop(columns=["value"], errors="ignore")
    no_period["value"] = figures[lost].values
    no_period["reason"] = "empty period"
    no_period = pd.DataFrame(no_period.drop(columns="geometry", errors="ignore")).reset_index(drop=True)
    return ByPeriod(order, values, no_period, _twice_in_a_period(dated, matches))


def _twice_in_a_period(dated: pd.DataFrame, matches: pd.DataFrame) -> list[str]:
    """ "Idleb (SY07) in 2024-01: rows 3, 7": rows naming the same area in the same period, summed."""
    how = matches["how"].reset_index(drop=True)
    named = dated[(how[dated.index] != "point") & ~how[dated.index].str.endswith("inside")]
    parts = []
    area = dict(zip(matches["key"], matches["area"]))
    for (key, period), numbers in named.groupby(["key", "period"], sort=False)["row"]:
        if len(numbers) > 1:
            parts.append(f"{area.get(key, key)} ({key}) in {period}: rows {', '.join(map(str, list(numbers)[:8]))}")
    return [f"several rows for one area in one period were summed: {'; '.join(parts[:10])}"] if parts else []


def joined_warnings(caught: list[warnings.WarningMessage]) -> list[str]:
    """The join's own warnings worth keeping by period: every area has rows in several periods, by design."""
    return [str(w.message) for w in caught if "several rows for one area were summed" not in str(w.message)]


class PeriodAreas(LiteralMacro):
    """Recolour the areas of ``layer`` (a VectorLayer whose features carry their index ``i``) on ``geoperiod``.

    ``data``: ``c`` the class of each area in each period (-1: no data), ``v`` its figure as text, ``w`` the
    count behind a rate (or null), ``r`` its rank and ``n`` the areas ranked, per period; ``h`` each area's
    escaped heading, ``u``/``uu`` the escaped units of the figure and of the count, ``t`` the escaped tail.
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
(function() {
    var m = {{ this.map_name() }}, layer = {{ this.layer.get_name() }}, d = {{ this.data_json }};
    function text(i, p) {
        var v = d.v[p][i], body = "No data";
        if (v !== null) {
            body = v + d.u + (d.w && d.w[p][i] !== null ? " (" + d.w[p][i] + d.uu + ")" : "");
            body += "<br>Rank " + d.r[p][i] + " of " + d.n[p];
        }
        return d.h[i] + "<br>" + body + d.t;
    }
    m.on("geoperiod", function(e) {
        var p = e.index;
        layer.eachLayer(function(l) {
            var i = l.feature.properties.i, c = d.c[p][i], el = l.getElement();
            l.setStyle(c < 0 ? {fillColor: d.nd, fillOpacity: 0.55, dashArray: "2 3"}
                             : {fillColor: d.pal[c], fillOpacity: d.fo, dashArray: null});
            if (el) { el.classList.toggle("geo-data", c >= 0); el.classList.toggle("geo-nodata", c < 0); }
            l.setTooltipContent(text(i, p));
            if (l.getPopup()) l.setPopupContent(text(i, p));
        });
    });
})();
{% endmacro %}"""
    )

    def __init__(self, layer, data: dict):
        super().__init__()
        self._name = "PeriodAreas"
        self.layer = layer
        self.data_json = safe_json(data)

    def map_name(self) -> str:
        return map_of(self).get_name()


def ranks(shown: pd.DataFrame) -> tuple[list[list[int]], list[int]]:
    """Rank of each area within each period (1 = the largest; 0 where no data), and how many are ranked."""
    r = shown.rank(ascending=False, method="min")
    out = [[0 if np.isnan(x) else int(x) for x in r[col]] for col in shown.columns]
    return out, [int(shown[col].notna().sum()) for col in shown.columns]
