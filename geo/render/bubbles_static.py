"""The static twin of the proportional symbol map: the same circles, names and legend in PNG, SVG or PDF.

Circles are the web map's radii in pixels times :data:`PT_PER_PX` (the factor the
flows' twin uses), drawn largest first in one collection; names are placed as in
the browser — right of the circle, else left, above or below — measured on the
figure, clear of each other, of the basemap's labels and of the legend boxes.
The legend box holds the nested reference circles, the zero marker and the note.

>>> import pandas as pd
>>> from geo.points import prepare
>>> pt = prepare(pd.DataFrame({"site": ["Atmeh", "Sarmada"], "n": [1200, 300]}), value="n", place="site")
>>> fig = bubble_figure(pt, created="2026-01-01")
>>> [c.get_gid() for c in fig.axes[0].collections if c.get_gid()]
['geo-bubbles']
"""

from __future__ import annotations

import os
import textwrap

from geo.points import PointTable
from geo.render.bubbles import LABELS, default_title, label_list, padded_bounds, place_names
from geo.render.flows import resolve_areas
from geo.render.layout import DEFAULT_DISCLAIMER
from geo.render.static import Z_DATA, add_legend, new_figure, save_figure, text
from geo.render.symbols import (
    FILL,
    FILL_OPACITY,
    LINE,
    ZERO_RADIUS,
    kind_of,
    legend_key,
    legend_note,
    legend_title,
    radii,
)

PT_PER_PX = 0.6  # as geo.render.flows_static: a web map pixel is 0.6 pt on the 8-inch page


def bubble_figure(
    table: PointTable,
    *,
    title: str | None = None,
    subtitle: str | None = None,
    source: str | None = None,
    as_of=None,
    created=None,
    disclaimer: str | None = DEFAULT_DISCLAIMER,
    labels: int = LABELS,
    areas=None,
    areas_value: str | None = None,
    areas_pcode: str | None = None,
    areas_place: str | None = None,
):
    """A matplotlib ``Figure`` of the points; ``areas`` adds the choropleth under them, as on the web map."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import to_rgba

    bounds = padded_bounds(table)
    al = resolve_areas(areas, areas_value, areas_pcode, areas_place, units=table.units)
    fig, ax = new_figure(
        bounds, title=title or default_title(table), subtitle=subtitle, source=source, as_of=as_of,
        created=created, disclaimer=disclaimer, data_countries=al.countries if al else (),
        skip_names=place_names(table, labels),
    )  # fmt: skip
    FigureCanvasAgg(fig)  # a renderer, to measure the names before placing them
    basemap_texts = list(ax.texts)
    if al:
        al.joined.plot(ax=ax, color=al.joined["color"], edgecolor="white", linewidth=0.6, alpha=0.8, zorder=Z_DATA)
        ax.set_xlabel("")  # geopandas names the axes after the CRS; a map needs no axis labels
        ax.set_ylabel("")
        add_legend(ax, al.legend_rows, al.legend_title, loc="lower right", anchor=(1.0, 0.08))
    rs = [r * PT_PER_PX for r in radii(table)]
    if table.points:
        faces, dashes = [], []
        for p in table.points:
            kind = kind_of(p)
            faces.append(to_rgba(FILL, 0.0 if kind == 1 else FILL_OPACITY))
            dashes.append((0, (3, 2)) if kind == 2 else "solid")
        dots = ax.scatter(
            [p.lon for p in table.points], [p.lat for p in table.points], s=[(2 * r) ** 2 for r in rs],
            facecolors=faces, edgecolors=LINE, linewidths=0.6, linestyles=dashes, zorder=Z_DATA + 1,
        )  # fmt: skip
        dots.set_gid("geo-bubbles")  # largest first: each circle lies over the larger ones
    key = _legend_box(ax, table)
    boxes = [key] + ([ax.get_legend()] if ax.get_legend() is not None else [])
    _place_names(fig, ax, table, rs, labels, basemap_texts, boxes)
    return fig


def _legend_box(ax, table: PointTable):
    """The legend as a box of its own in the upper right: title, nested circles, the zero marker, the note."""
    from matplotlib.colors import to_rgba
    from matplotlib.patches import Circle

    fig = ax.figure
    width_pt = 150.0
    title = textwrap.wrap(text(legend_title(table)), 30)[:2] or [""]
    note = textwrap.wrap(legend_note(table), 42)
    key = [dict(c, r=c["r"] * PT_PER_PX) for c in legend_key(table)]
    big = max((c["r"] for c in key), default=0.0)
    zero = any(p.value == 0 for p in table.points)
    height_pt = 8 + 11 * len(title) + (2 * big + 8 if key else 0) + (12 if zero else 0) + 8.5 * len(note) + 6
    ax_box = ax.get_window_extent()
    px_per_pt = fig.dpi / 72
    w, h = width_pt * px_per_pt / ax_box.width, height_pt * px_per_pt / ax_box.height
    box = ax.inset_axes((*_corner(ax, table, w, h), w, h), zorder=9)
    box.set_xlim(0, width_pt)
    box.set_ylim(0, height_pt)
    box.set_xticks([])
    box.set_yticks([])
    box.patch.set_facecolor("white")
    box.patch.set_alpha(0.92)
    for spine in box.spines.values():
        spine.set_color("#bbb")
    top = height_pt - 8
    box.text(7, top, "\n".join(title), fontsize=8, fontweight="bold", va="top", linespacing=1.2)
    y = top - 11 * len(title) - 4
    if key:
        base = y - 2 * big
        cx = 8 + big
        for c in key:
            box.add_patch(Circle((cx, base + c["r"]), c["r"], facecolor=to_rgba(FILL, FILL_OPACITY), edgecolor=LINE,
                                 linewidth=0.6))  # fmt: skip
            ty = base + 2 * c["r"]
            box.plot([cx, cx + big + 5], [ty, ty], color="#555", linewidth=0.5, linestyle=(0, (2, 2)))
            box.text(cx + big + 8, ty, text(c["label"]), fontsize=7, va="center")
        y = base - 8
    if zero:
        r = ZERO_RADIUS * PT_PER_PX
        box.add_patch(Circle((8 + r, y - 4), r, facecolor="none", edgecolor=LINE, linewidth=0.6))
        box.text(8 + 2 * r + 5, y - 4, "0 (none reported)", fontsize=7, va="center")
        y -= 12
    box.text(7, y - 2, text("\n".join(note)), fontsize=6, color="#444", va="top", linespacing=1.25)
    return box


def _corner(ax, table: PointTable, w: float, h: float, margin: float = 0.012) -> tuple[float, float]:
    """Where the legend box hides the least of the data: upper right, upper left or lower left (axes fractions).

    The lower right holds the scale bar (and the areas' legend). People under the box are what it hides.
    """
    corners = [(1 - w - margin, 1 - h - margin), (margin, 1 - h - margin), (margin, margin + 0.03)]
    to_axes = ax.transData + ax.transAxes.inverted()
    where = to_axes.transform([(p.lon, p.lat) for p in table.points]) if table.points else []
    hidden = []
    for x0, y0 in corners:
        pad = 0.03  # about the largest circle's radius, in axes fractions
        under = [p.value for p, (x, y) in zip(table.points, where)
                 if x0 - pad <= x <= x0 + w + pad and y0 - pad <= y <= y0 + h + pad]  # fmt: skip
        hidden.append((sum(under) + len(under), len(hidden)))
    return corners[min(hidden)[1]]


def _place_names(fig, ax, table: PointTable, rs: list[float], limit: int, taken_texts, boxes) -> None:
    """Names of the largest points where they fit: right, left, above or below the circle (as the web map)."""
    from matplotlib import patheffects

    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    taken = [t.get_window_extent(renderer) for t in taken_texts if t.get_text().strip()]
    taken += [b.get_window_extent(renderer) for b in boxes]
    halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]
    px_per_pt = fig.dpi / 72
    for i, name in label_list(table, limit):
        p, r = table.points[i], rs[i] + 2
        label = ax.annotate(
            text(name), (p.lon, p.lat), xytext=(0, 0), textcoords="offset points", fontsize=7.5, fontweight="bold",
            color="#222", path_effects=halo, zorder=Z_DATA + 5, annotation_clip=True,
        )  # fmt: skip
        placed = False
        for offset, ha, va in (((r, 0), "left", "center"), ((-r, 0), "right", "center"),
                               ((0, r), "center", "bottom"), ((0, -r), "center", "top")):  # fmt: skip
            label.set_position(offset)
            label.set_ha(ha)
            label.set_va(va)
            bbox = label.get_window_extent(renderer)
            inside = frame.x0 <= bbox.x0 and bbox.x1 <= frame.x1 and frame.y0 <= bbox.y0 and bbox.y1 <= frame.y1
            if inside and not any(bbox.overlaps(t) for t in taken):
                taken.append(bbox.padded(1 * px_per_pt))
                placed = True
                break
        if not placed:
            label.remove()


def save_bubble_figure(table: PointTable, path: str | os.PathLike, **options) -> None:
    """Draw the points (see :func:`bubble_figure`) and write .png, .svg or .pdf, atomically and reproducibly."""
    save_figure(bubble_figure(table, **options), path)


def save_static(m, path: str | os.PathLike) -> None:
    """Write the static twin of a map made by :func:`geo.render.bubbles.bubbles` as .png (200 dpi), .svg or .pdf."""
    from geo.errors import InputError

    plan = getattr(m, "_geo_static", None)
    table = getattr(m, "point_table", None)
    if plan is None or table is None:
        raise InputError("this map was not made by geo.bubbles")
    save_bubble_figure(table, path, **plan)
