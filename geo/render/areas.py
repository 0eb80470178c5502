"""A choropleth under another map's data: figures per area, classed and coloured, switchable in the layers control.

Used by the movement map (``geo flows --areas``) and open to any map that draws points or lines over areas:
:func:`area_layer` joins a table to admin areas by P-code or name and classes it (a single blue hue by
default, so orange arrows or circles stand out); :func:`add_areas` draws it on a map, under what comes next;
:class:`AddOverlay` lists it in a layers control under an escaped name.
"""

from __future__ import annotations

import html as _html
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import folium
from branca.element import MacroElement
from jinja2 import Template

from geo.render.element import LiteralMacro

AREA_COLORS = "Blues"  # a single blue hue, so the orange data drawn over it stands out


@dataclass
class AreaLayer:
    """The choropleth under the data: areas joined to their figures, classed and coloured."""

    joined: object  # GeoDataFrame: key, name, pcode, value, color, geometry (see geo.join.join_areas)
    legend_title: str
    legend_rows: list[dict]
    unmatched: object  # DataFrame of the area rows that matched no area
    countries: list[str]


def area_layer(
    areas,
    value: str,
    pcode: str | None = None,
    place: str | None = None,
    *,
    units: str = "people",
    country: str | Sequence[str] | None = None,
    colors: str = AREA_COLORS,
) -> AreaLayer:
    """Join an areas table (a DataFrame or file) to admin areas by P-code or name, and class it for colour."""
    import numpy as np

    from geo.errors import InputError
    from geo.join import join_areas
    from geo.render.choropleth import NODATA, class_of, classify

    if not value:
        raise InputError("a choropleth layer under the flows needs areas_value (the column of figures)")
    if pcode is None and place is None:
        raise InputError("say how areas are found: areas_pcode (P-codes such as SY07) or areas_place (names)")
    df = _table(areas)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # reported through ``unmatched``, once, by the caller
        joined, unmatched = join_areas(df, value, place=place, pcode=pcode, country=country)
    shown = joined["value"].astype(float)
    if shown.notna().sum() == 0:
        raise InputError(f"areas: none of the {len(df)} rows matched an area")
    k = classify(shown, "quantiles", 5, None, colors)
    joined = joined.copy()
    joined["color"] = [k.colors[class_of(v, k.bins)] if not np.isnan(v) else NODATA for v in shown]
    rows = [{"color": c, "label": lab} for c, lab in zip(k.colors, k.labels)]
    if shown.isna().any():
        rows.append({"color": NODATA, "label": "No data", "shape": "nodata"})
    title = f"{value} ({units})" if units else str(value)
    return AreaLayer(joined, title, rows, unmatched, list(joined.attrs.get("drawn_countries", [])))


def resolve_areas(areas, value=None, pcode=None, place=None, *, units: str = "people") -> AreaLayer | None:
    """``areas`` as an :class:`AreaLayer` (None when not given)."""
    if areas is None or isinstance(areas, AreaLayer):
        return areas
    return area_layer(areas, value, pcode, place, units=units)


def _table(data):
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        return data
    from geo.io import read_table

    return read_table(data)


class AddOverlay(LiteralMacro):
    """Put a layer drawn by script (such as a VectorLayer) into a layers control, under an escaped name."""

    _template = Template(
        """{% macro script(this, kwargs) %}
{{ this.control.get_name() }}.addOverlay({{ this.layer.get_name() }}, {{ this.label|tojson }});
{% endmacro %}"""
    )

    def __init__(self, control, layer, label: str):
        super().__init__()
        self._name = "AddOverlay"
        self.control, self.layer = control, layer
        self.label = _html.escape(label)  # Leaflet writes layer names into the control as HTML


def add_areas(m: folium.Map, al: AreaLayer, bounds) -> MacroElement:
    """Draw the areas on ``m`` (under whatever is added after), with escaped tooltips; returns the layer."""
    from geo.movements import fmt
    from geo.render.vector import VectorLayer, digits_for, esc, features, tolerance_for

    joined = al.joined.copy()
    tips, styles = [], []
    for r in joined.itertuples():
        figure = "No data" if r.value != r.value else f"{fmt(float(r.value))}"
        code = f" ({esc(r.pcode)})" if getattr(r, "pcode", "") else ""
        tips.append(f"<b>{esc(r.name)}</b>{code}<br>{esc(al.legend_title)}: {esc(figure)}")
        styles.append({"fillColor": r.color})
    joined["tip"], joined["style"] = tips, styles
    tol = tolerance_for(bounds)
    digits = digits_for(tol)
    layer = VectorLayer(
        features(joined, ["tip", "style"], tol, digits),
        style={"color": "#ffffff", "weight": 1, "fillOpacity": 0.7, "opacity": 1},
        digits=digits,
    )
    m.add_child(layer)
    return layer
