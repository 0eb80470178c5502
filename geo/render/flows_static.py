"""The static twin of the movement map: the same arrows, circles and legend in PNG, SVG or PDF.

Arrows follow the same curves as the web map (:meth:`geo.movements.Flow.arc`), drawn
as matplotlib's filled "simple" ``FancyArrowPatch`` along that quadratic Bézier,
so the head sits on the line at any size. Widths are the web map's pixels times :data:`PT_PER_PX`, the same
factor the shared legend uses for its line swatches, so the legend reads true.

>>> import pandas as pd
>>> from geo.movements import prepare
>>> ft = prepare(pd.DataFrame({"o": ["Saraqib"], "d": ["Atmeh"], "n": [5]}), origin="o", destination="d", value="n")
>>> fig = flow_figure(ft, created="2026-01-01")
>>> len([p for p in fig.axes[0].patches if p.get_gid() == "geo-flow"])
1
"""

from __future__ import annotations

import os
import textwrap

from geo.movements import FlowTable
from geo.render.flows import (
    ARROW,
    ARROW_OPACITY,
    NODE_FILL,
    NODE_LINE,
    THIN,
    default_title,
    label_sides,
    legend_note,
    legend_rows,
    node_radius,
    padded_bounds,
    period_span,
    place_names,
    resolve_areas,
)
from geo.render.layout import DEFAULT_DISCLAIMER
from geo.render.static import Z_DATA, add_legend, new_figure, save_figure, text

PT_PER_PX = 0.6  # geo.render.static.add_legend draws a line row of width w px at w * 0.6 points


def flow_figure(
    table: FlowTable,
    *,
    period: str | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    source: str | None = None,
    as_of=None,
    created=None,
    disclaimer: str | None = DEFAULT_DISCLAIMER,
    areas=None,
    areas_value: str | None = None,
    areas_pcode: str | None = None,
    areas_place: str | None = None,
):
    """A matplotlib ``Figure`` of the flows: all periods, or one ``period`` of the table.

    ``areas`` adds the choropleth under the arrows, as in :func:`geo.render.flows.flow_map`.
    """
    from matplotlib import patheffects
    from matplotlib.patches import ArrowStyle, FancyArrowPatch
    from matplotlib.path import Path

    from geo.errors import InputError

    layers = {layer.period: layer for layer in table.layers}
    if period is not None and period not in layers:
        raise InputError(f"no period {period!r}; the table has: {', '.join(table.periods) or 'none'}")
    layer = layers[period or ""]
    bounds = padded_bounds(table)
    al = resolve_areas(areas, areas_value, areas_pcode, areas_place, units=table.units)
    if subtitle is None and table.periods:
        subtitle = period or period_span(table)
    fig, ax = new_figure(
        bounds, title=title or default_title(table), subtitle=subtitle, source=source, as_of=as_of,
        created=created, disclaimer=disclaimer, data_countries=al.countries if al else (),
        skip_names=place_names(table),
    )  # fmt: skip
    if al:
        al.joined.plot(ax=ax, color=al.joined["color"], edgecolor="white", linewidth=0.6, alpha=0.8, zorder=Z_DATA)
        ax.set_xlabel("")  # geopandas names the axes after the CRS; a map needs no axis labels
        ax.set_ylabel("")
        add_legend(ax, al.legend_rows, al.legend_title, loc="lower right", anchor=(1.0, 0.08))
        ax.add_artist(ax.get_legend())  # keep it: the flows legend below replaces the axes' legend
    for f in reversed(layer.flows):  # small first: the big arrows on top
        lw = table.scale.width(f.value) * PT_PER_PX
        head = 4.5 if table.scale.width(f.value) < THIN else 2.4  # the web map's marker sizes, in line widths
        # the arc is a quadratic Bézier: matplotlib's filled "simple" arrow follows it exactly, head included
        (lat0, lon0), (c_lat, c_lon), (lat1, lon1) = f.start, f.control(), f.end
        curve = Path([(lon0, lat0), (c_lon, c_lat), (lon1, lat1)], [Path.MOVETO, Path.CURVE3, Path.CURVE3])
        style = ArrowStyle("simple", head_length=head * lw, head_width=head * lw, tail_width=lw)
        arrow = FancyArrowPatch(
            path=curve, arrowstyle=style, mutation_scale=1, linewidth=0, color=ARROW, alpha=ARROW_OPACITY,
            zorder=Z_DATA + 1,
        )  # fmt: skip
        arrow.set_gid("geo-flow")
        ax.add_patch(arrow)
    biggest = max((n.size for n in table.nodes), default=0.0)
    halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]
    for n in reversed(layer.nodes):
        r = node_radius(n.size, biggest) * PT_PER_PX
        ax.scatter(
            [n.lon], [n.lat], s=(2 * r) ** 2, c=NODE_FILL, edgecolors=NODE_LINE, linewidths=0.8, alpha=0.9,
            zorder=Z_DATA + 0.5,  # under the arrows, so every arrowhead shows on its circle
        )  # fmt: skip
    # names placed as on the web map, measured in points on this figure
    x0, x1 = ax.get_xlim()
    pt_per_deg = ax.get_window_extent().width * 72 / fig.dpi / (x1 - x0)
    radii = [node_radius(n.size, biggest) * PT_PER_PX for n in layer.nodes]
    sides = label_sides(layer.nodes, radii, 1 / pt_per_deg, size=(4.6, 10.0))
    for n, r, side in zip(layer.nodes, radii, sides):
        if not side:
            continue
        ax.annotate(
            text(n.place.label), (n.lon, n.lat), xytext=(r + 2 if side == "right" else -r - 2, 0),
            textcoords="offset points", fontsize=7.5, fontweight="bold", va="center",
            ha="left" if side == "right" else "right", color="#222", path_effects=halo, zorder=Z_DATA + 5,
            clip_on=True,
        )  # fmt: skip
    add_legend(ax, legend_rows(table), title=f"Movements ({table.units})")
    note = legend_note(table, layer, interactive=False)
    ax.text(
        0.01, 0.01, text("\n".join(textwrap.wrap(note, 70))), transform=ax.transAxes, fontsize=6.5, va="bottom",
        ha="left", color="#333", zorder=9, bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "#bbb"},
    )  # fmt: skip
    return fig


def save_flow_figure(table: FlowTable, path: str | os.PathLike, **options) -> None:
    """Draw the flows (see :func:`flow_figure`) and write .png, .svg or .pdf, atomically and reproducibly."""
    save_figure(flow_figure(table, **options), path)
