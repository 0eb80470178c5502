"""The static twin of the movement map: the same arrows, circles and legend in PNG, SVG or PDF.

Arrows follow the same curves as the web map (:meth:`geo.movements.Flow.arc`), drawn
as matplotlib's filled "simple" ``FancyArrowPatch`` along that quadratic Bézier,
so the head sits on the line at any size. Widths are the web map's pixels times :data:`PT_PER_PX`, the same
factor the shared legend uses for its line swatches, so the legend reads true.

A table by period becomes small multiples, one panel per period on the one width scale of the web
map, with one legend, title and footer; ``at`` draws one period.

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

from geo.movements import FlowTable, Layer
from geo.render.flows import (
    ARROW,
    ARROW_OPACITY,
    NODE_FILL,
    NODE_LINE,
    THIN,
    default_title,
    label_sides,
    layer_facts,
    legend_note,
    legend_rows,
    node_radius,
    padded_bounds,
    place_names,
    resolve_areas,
)
from geo.render.layout import DEFAULT_DISCLAIMER
from geo.render.static import Z_DATA, add_figure_legend, add_legend, new_figure, new_grid, save_figure, text

PT_PER_PX = 0.6  # geo.render.static.add_legend draws a line row of width w px at w * 0.6 points
PANEL_SCALE = 0.6  # small multiples: panels are about a third as wide as a single map, arrows a little thinner


def flow_figure(
    table: FlowTable,
    *,
    at: str | None = None,
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
    period: str | None = None,
):
    """A matplotlib ``Figure`` of the flows: one map, or small multiples of a table by period.

    ``at`` (or ``period``, its older name) draws that one period; a table by period without it
    draws a panel per period. ``areas`` adds the choropleth under the arrows, as in
    :func:`geo.render.flows.flow_map`.
    """
    at = at if at is not None else period
    layer = table.layer(at)  # an unknown period is an InputError naming the periods
    al = resolve_areas(areas, areas_value, areas_pcode, areas_place, units=table.units)
    frame = dict(
        title=title or default_title(table), source=source, as_of=as_of, created=created, disclaimer=disclaimer,
        data_countries=al.countries if al else (), skip_names=place_names(table),
    )  # fmt: skip
    bounds = padded_bounds(table)
    if table.periods and at is None:
        fig, axes = new_grid(bounds, len(table.shown), subtitle=subtitle, names=list(table.periods), **frame)
        for ax, each in zip(axes, table.shown):
            draw_flows(ax, table, each, al, scale=PANEL_SCALE)
            facts = " ".join(layer_facts(table, each))
            if facts:
                box = {"facecolor": "white", "alpha": 0.9, "edgecolor": "#bbb"}
                ax.text(0.02, 0.02, text("\n".join(textwrap.wrap(facts, 34))), transform=ax.transAxes, fontsize=6,
                        va="bottom", ha="left", color="#333", zorder=9, bbox=box)  # fmt: skip
        rows = [dict(r, width=r["width"] * PANEL_SCALE) if r["shape"] == "line" else r for r in legend_rows(table)]
        if al:
            rows += al.legend_rows
        add_figure_legend(fig, rows, f"Movements ({table.units})", note=legend_note(table, interactive=True))
        return fig
    if subtitle is None and table.periods:
        subtitle = at
    fig, ax = new_figure(bounds, subtitle=subtitle, **frame)
    if al:
        add_legend(ax, al.legend_rows, al.legend_title, loc="lower right", anchor=(1.0, 0.08))
        ax.add_artist(ax.get_legend())  # keep it: the flows legend below replaces the axes' legend
    draw_flows(ax, table, layer, al)
    add_legend(ax, legend_rows(table), title=f"Movements ({table.units})")
    note = legend_note(table, layer, interactive=False)
    ax.text(
        0.01, 0.01, text("\n".join(textwrap.wrap(note, 70))), transform=ax.transAxes, fontsize=6.5, va="bottom",
        ha="left", color="#333", zorder=9, bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "#bbb"},
    )  # fmt: skip
    return fig


def draw_flows(ax, table: FlowTable, layer: Layer, areas=None, scale: float = 1.0) -> None:
    """The areas (if any), circles, arrows and names of one layer on ``ax``; ``scale`` shrinks every width."""
    from matplotlib import patheffects
    from matplotlib.patches import ArrowStyle, FancyArrowPatch
    from matplotlib.path import Path

    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    aspect = ax.get_aspect()  # geopandas sets its own from what it plots
    if areas:
        areas.joined.plot(ax=ax, color=areas.joined["color"], edgecolor="white", linewidth=0.6, alpha=0.8,
                          zorder=Z_DATA)  # fmt: skip
    for f in reversed(layer.flows):  # small first: the big arrows on top
        lw = table.scale.width(f.value) * PT_PER_PX * scale
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
    radii = [node_radius(n.size, table.largest_node) * PT_PER_PX * scale for n in layer.nodes]
    for n, r in reversed(list(zip(layer.nodes, radii))):
        ax.scatter(
            [n.lon], [n.lat], s=(2 * r) ** 2, c=NODE_FILL, edgecolors=NODE_LINE, linewidths=0.8, alpha=0.9,
            zorder=Z_DATA + 0.5,  # under the arrows, so every arrowhead shows on its circle
        )  # fmt: skip
    # names placed as on the web map, measured in points on this figure
    pt_per_deg = ax.get_window_extent().width * 72 / ax.figure.dpi / (x1 - x0)
    font = 7.5 * max(scale, 0.8)
    sides = label_sides(layer.nodes, radii, 1 / pt_per_deg, size=(font * 0.62, font * 1.35), across=(x0, x1))
    halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]
    for n, r, side in zip(layer.nodes, radii, sides):
        if not side:
            continue
        ax.annotate(
            text(n.place.label), (n.lon, n.lat), xytext=(r + 2 if side == "right" else -r - 2, 0),
            textcoords="offset points", fontsize=font, fontweight="bold", va="center",
            ha="left" if side == "right" else "right", color="#222", path_effects=halo, zorder=Z_DATA + 5,
            clip_on=True,
        )  # fmt: skip
    ax.set_aspect(aspect)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_xlabel("")  # geopandas names the axes after the CRS; a map needs no axis labels
    ax.set_ylabel("")


def save_flow_figure(table: FlowTable, path: str | os.PathLike, **options) -> None:
    """Draw the flows (see :func:`flow_figure`) and write .png, .svg or .pdf, atomically and reproducibly."""
    save_figure(flow_figure(table, **options), path)
