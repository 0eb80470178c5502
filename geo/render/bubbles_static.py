"""The static twin of the proportional symbol map: the same circles, names and legend in PNG, SVG or PDF.

Circles are the web map's radii in pixels times :data:`PT_PER_PX` (the factor the
flows' twin uses), drawn largest first in one collection; names are placed as in
the browser — right of the circle, else left, above or below — measured on the
figure, clear of each other, of the basemap's labels and of the legend boxes.
The legend box holds the nested reference circles, the zero marker and the note.

A table by period becomes small multiples, one panel per period on the one circle scale of the web
map, with one legend, title and footer (as the choropleth and flow twins); ``at`` draws one period.

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
from dataclasses import dataclass

from geo.errors import InputError
from geo.points import PointTable
from geo.render.bubbles import LABELS, default_title, label_list, padded_bounds, place_names
from geo.render.flows import resolve_areas
from geo.render.layout import DEFAULT_DISCLAIMER
from geo.render.static import Z_DATA, add_figure_legend, add_legend, new_figure, new_grid, save_figure, text
from geo.render.symbols import (
    FILL,
    FILL_OPACITY,
    LINE,
    ZERO_RADIUS,
    kind_of,
    legend_key,
    legend_note,
    legend_title,
    period_note,
    radii,
)

PT_PER_PX = 0.6  # as geo.render.flows_static: a web map pixel is 0.6 pt on the 8-inch page
PANEL_SCALE = 0.6  # small multiples: panels are about a third as wide as one map, circles a little smaller
PANEL_LABELS = 5  # names a panel prints at most: a small panel has room for few


def bubble_figure(
    table: PointTable,
    *,
    at: str | None = None,
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
    """A matplotlib ``Figure`` of the points; ``areas`` adds the choropleth under them, as on the web map.

    A table by period is drawn as small multiples, one panel per period; ``at`` draws that one period
    (framed as the whole series, as the web map is).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if at is not None and not table.by_period:
        raise InputError("at= needs a table by period (period=COLUMN)")
    shown = table.at(at) if at is not None else table  # an unknown period is an InputError naming the periods
    bounds = padded_bounds(table)
    al = resolve_areas(areas, areas_value, areas_pcode, areas_place, units=table.units)
    frame = dict(
        title=title or default_title(table), source=source, as_of=as_of, created=created, disclaimer=disclaimer,
        data_countries=al.countries if al else (), skip_names=place_names(table, labels),
    )  # fmt: skip
    if table.by_period and at is None:
        return _small_multiples(table, bounds, al, subtitle, labels, frame)
    fig, ax = new_figure(bounds, subtitle=(shown.period or None) if subtitle is None else subtitle, **frame)
    FigureCanvasAgg(fig)  # a renderer, to measure the names before placing them
    basemap_texts = list(ax.texts)
    if al:
        _draw_areas(ax, al)
        add_legend(ax, al.legend_rows, al.legend_title, loc="lower right", anchor=(1.0, 0.08))
    rs = _draw_circles(ax, shown)
    key = _Key.of(shown, note_width=42)
    w, h = key.size_in(ax)
    box = ax.inset_axes((*_corner(ax, shown, w, h), w, h), zorder=9)
    key.draw(box)
    boxes = [box] + ([ax.get_legend()] if ax.get_legend() is not None else [])
    _place_names(fig, ax, shown, rs, labels, basemap_texts, boxes)
    return fig


def _small_multiples(table: PointTable, bounds, al, subtitle, labels: int, frame: dict):
    """A panel per period (its circles, names and note), one legend under them all, one title and footer."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    each = table.each_period()
    key = _Key.of(table, scale=PANEL_SCALE, note_width=0)  # the one legend, under the panels, on their scale
    fig, axes = new_grid(bounds, len(each), subtitle=subtitle, names=list(table.periods),
                         legend_height=max(1.0, key.height_pt / 72 + 0.15), **frame)  # fmt: skip
    FigureCanvasAgg(fig)
    for ax, sub in zip(axes, each):
        basemap_texts = list(ax.texts)
        if al:
            _draw_areas(ax, al, linewidth=0.4)
        rs = _draw_circles(ax, sub, scale=PANEL_SCALE)
        note = period_note(sub)
        box = {"facecolor": "white", "alpha": 0.9, "edgecolor": "#bbb"}
        if not sub.points:  # nothing else in the panel: the note says why, where the circles would be
            ax.text(0.5, 0.5, text(note), transform=ax.transAxes, ha="center", va="center", fontsize=8, color="#333",
                    zorder=9, bbox=box)  # fmt: skip
            continue
        facts = ax.text(0, 0, text("\n".join(textwrap.wrap(note, 34))), transform=ax.transAxes, fontsize=6,
                        va="bottom", ha="left", color="#333", zorder=9, bbox=box)  # fmt: skip
        # in the corner where it hides the fewest people, as the legend of a single map
        frame, bbox = ax.get_window_extent(), facts.get_window_extent()
        w, h = bbox.width / frame.width, bbox.height / frame.height
        facts.set_position(_corner(ax, sub, w, h, margin=0.025, corners=3 if ax is axes[0] else 4))
        _place_names(fig, ax, sub, rs, min(labels, PANEL_LABELS), basemap_texts, [facts], font=6.5)
    width, height = fig.get_size_inches()
    w, h = key.width_pt / 72 / width, key.height_pt / 72 / height
    key.draw(fig.add_axes((0.02, fig.geo_legend_y - h / 2, w, h)), frame=False)
    if al:
        add_figure_legend(fig, al.legend_rows, al.legend_title, x=0.04 + w)
    note = legend_note(table)
    fig.text(0.98, fig.geo_legend_y, text("\n".join(textwrap.wrap(note, 60))), fontsize=7, color="#333", ha="right",
             va="center", linespacing=1.3)  # fmt: skip
    return fig


def _draw_areas(ax, al, linewidth: float = 0.6) -> None:
    """The choropleth under the circles; the frame stays the basemap's (geopandas sets an aspect of its own)."""
    aspect = ax.get_aspect()
    al.joined.plot(ax=ax, color=al.joined["color"], edgecolor="white", linewidth=linewidth, alpha=0.8, zorder=Z_DATA)
    ax.set_aspect(aspect)
    ax.set_xlabel("")  # geopandas names the axes after the CRS; a map needs no axis labels
    ax.set_ylabel("")


def _draw_circles(ax, table: PointTable, scale: float = 1.0) -> list[float]:
    """The circles of ``table`` on ``ax``, largest first, on the table's scale; returns their radii in points."""
    from matplotlib.colors import to_rgba

    rs = [r * PT_PER_PX * scale for r in radii(table)]
    if table.points:
        x0, x1 = ax.get_xlim()
        y0, y1 = ax.get_ylim()
        faces, dashes = [], []
        for p in table.points:
            kind = kind_of(p)
            faces.append(to_rgba(FILL, 0.0 if kind == 1 else FILL_OPACITY))
            dashes.append((0, (3, 2)) if kind == 2 else "solid")
        dots = ax.scatter(
            [p.lon for p in table.points], [p.lat for p in table.points], s=[(2 * r) ** 2 for r in rs],
            facecolors=faces, edgecolors=LINE, linewidths=0.6 * max(scale, 0.8), linestyles=dashes,
            zorder=Z_DATA + 1,
        )  # fmt: skip
        dots.set_gid("geo-bubbles")  # largest first: each circle lies over the larger ones
        ax.set_xlim(x0, x1)  # a circle at the frame's edge must not widen it
        ax.set_ylim(y0, y1)
    return rs


@dataclass(frozen=True)
class _Key:
    """The legend of the circles, in points: title, nested reference circles, the zero marker, the note."""

    title: list[str]
    circles: list[dict]  # {"r" (pt), "label"}, largest first
    zero: bool
    note: list[str]
    scale: float = 1.0  # of the circles: PANEL_SCALE on small multiples
    width_pt: float = 150.0

    @classmethod
    def of(cls, table: PointTable, scale: float = 1.0, note_width: int = 42) -> _Key:
        return cls(
            title=textwrap.wrap(text(legend_title(table)), 30)[:2] or [""],
            circles=[dict(c, r=c["r"] * PT_PER_PX * scale) for c in legend_key(table)],
            zero=any(p.value == 0 for p in table.points),
            note=textwrap.wrap(legend_note(table), note_width) if note_width else [],
            scale=scale,
        )

    @property
    def big(self) -> float:
        return max((c["r"] for c in self.circles), default=0.0)

    @property
    def height_pt(self) -> float:
        return 8 + 11 * len(self.title) + (2 * self.big + 8 if self.circles else 0) + 12 * self.zero + (
            8.5 * len(self.note)) + 6  # fmt: skip

    def size_in(self, ax) -> tuple[float, float]:
        """Its width and height as fractions of ``ax``."""
        ax_box = ax.get_window_extent()
        px_per_pt = ax.figure.dpi / 72
        return self.width_pt * px_per_pt / ax_box.width, self.height_pt * px_per_pt / ax_box.height

    def draw(self, box, frame: bool = True) -> None:
        """Draw into ``box``, an axes of exactly :attr:`width_pt` × :attr:`height_pt` (white, framed)."""
        from matplotlib.colors import to_rgba
        from matplotlib.patches import Circle

        height_pt = self.height_pt
        box.set_xlim(0, self.width_pt)
        box.set_ylim(0, height_pt)
        box.set_xticks([])
        box.set_yticks([])
        box.patch.set_facecolor("white")
        box.patch.set_alpha(0.92 if frame else 0.0)
        for spine in box.spines.values():
            spine.set_color("#bbb")
            spine.set_visible(frame)
        top = height_pt - 8
        box.text(7, top, "\n".join(self.title), fontsize=8, fontweight="bold", va="top", linespacing=1.2)
        y = top - 11 * len(self.title) - 4
        big = self.big
        if self.circles:
            base = y - 2 * big
            cx = 8 + big
            for c in self.circles:
                box.add_patch(Circle((cx, base + c["r"]), c["r"], facecolor=to_rgba(FILL, FILL_OPACITY), edgecolor=LINE,
                                     linewidth=0.6))  # fmt: skip
                ty = base + 2 * c["r"]
                box.plot([cx, cx + big + 5], [ty, ty], color="#555", linewidth=0.5, linestyle=(0, (2, 2)))
                box.text(cx + big + 8, ty, text(c["label"]), fontsize=7, va="center")
            y = base - 8
        if self.zero:
            r = ZERO_RADIUS * PT_PER_PX * self.scale
            box.add_patch(Circle((8 + r, y - 4), r, facecolor="none", edgecolor=LINE, linewidth=0.6))
            box.text(8 + 2 * r + 5, y - 4, "0 (none reported)", fontsize=7, va="center")
            y -= 12
        if self.note:
            box.text(7, y - 2, text("\n".join(self.note)), fontsize=6, color="#444", va="top", linespacing=1.25)


def _corner(ax, table: PointTable, w: float, h: float, margin: float = 0.012, corners: int = 3) -> tuple[float, float]:
    """Where a box hides the least of the data: upper right, upper left, lower left (axes fractions), or with
    ``corners=4`` lower right too.

    The lower right holds the scale bar (and the areas' legend). People under the box are what it hides.
    """
    corners = [(1 - w - margin, 1 - h - margin), (margin, 1 - h - margin), (margin, margin + 0.03),
               (1 - w - margin, margin)][:corners]  # fmt: skip
    to_axes = ax.transData + ax.transAxes.inverted()
    where = to_axes.transform([(p.lon, p.lat) for p in table.points]) if table.points else []
    hidden = []
    for x0, y0 in corners:
        pad = 0.03  # about the largest circle's radius, in axes fractions
        under = [p.value for p, (x, y) in zip(table.points, where)
                 if x0 - pad <= x <= x0 + w + pad and y0 - pad <= y <= y0 + h + pad]  # fmt: skip
        hidden.append((sum(under) + len(under), len(hidden)))
    return corners[min(hidden)[1]]


def _place_names(fig, ax, table: PointTable, rs: list[float], limit: int, taken_texts, boxes, font: float = 7.5):
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
            text(name), (p.lon, p.lat), xytext=(0, 0), textcoords="offset points", fontsize=font, fontweight="bold",
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


def save_static(m, path: str | os.PathLike, at: str | None = None) -> None:
    """Write the static twin of a map made by :func:`geo.render.bubbles.bubbles` as .png (200 dpi), .svg or .pdf:
    by period, small multiples, or the one period ``at``."""
    plan = getattr(m, "_geo_static", None)
    table = getattr(m, "point_table", None)
    if plan is None or table is None:
        raise InputError("this map was not made by geo.bubbles")
    save_bubble_figure(table, path, at=at, **plan)
