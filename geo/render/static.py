"""The matplotlib twin of the web maps: PNG, SVG and PDF for reports, drawn offline.

:func:`new_figure` gives a figure with the same basemap as the HTML map
(``geo.render.basemap.layers``), the title block, a scale bar and the footer
(source, dates, disclaimer); map builders draw their data on the returned
axes and call :func:`add_legend`. :func:`save_figure` writes reproducible
files: PNG at 200 dpi, SVG with a fixed id salt and no date, PDF with no
creation date.

>>> fig, ax = new_figure((35.6, 32.3, 42.4, 37.4), title="IDPs", created="2026-01-01")
>>> round(fig.dpi)
200
"""

from __future__ import annotations

import math
import os
import textwrap
from pathlib import Path

from geo.errors import InputError
from geo.render.basemap import ADMIN1, BORDER, LAND, SEA, layers
from geo.render.layout import DEFAULT_DISCLAIMER, format_date
from geo.render.vector import simplify, tolerance_for

DPI = 200
FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
# z-order of the layers: data areas go between the basemap land (0-1) and the borders and labels (4-6)
Z_DATA = 2


def text(value) -> str:
    """A user string as matplotlib shows it literally (``$`` would start mathtext)."""
    return "" if value is None else str(value).replace("$", r"\$")


def _extent(bounds, aspect_ratio: float):
    """Bounds padded a little and widened/heightened to fill an axes of ``aspect_ratio`` (height/width)."""
    west, south, east, north = bounds
    padx, pady = (east - west) * 0.04, (north - south) * 0.04
    west, east, south, north = west - padx, east + padx, south - pady, north + pady
    k = 1 / math.cos(math.radians((south + north) / 2))  # degrees of latitude are longer than of longitude
    width, height = east - west, (north - south) * k
    if height / width < aspect_ratio:
        grow = (width * aspect_ratio - height) / k / 2
        south, north = south - grow, north + grow
    else:
        grow = (height / aspect_ratio - width) / 2
        west, east = west - grow, east + grow
    return west, south, east, north, k


def _nice_km(span_km: float) -> float:
    target = span_km / 5
    magnitude = 10 ** math.floor(math.log10(target))
    return max(step * magnitude for step in (1, 2, 5) if step * magnitude <= target)


def add_scale_bar(ax, extent) -> None:
    """A metric scale bar in the lower right of the axes."""
    west, south, east, north, _ = extent
    lat = south + (north - south) * 0.05
    km_per_deg = 111.32 * math.cos(math.radians(lat))
    km = _nice_km((east - west) * km_per_deg)
    x1 = east - (east - west) * 0.04
    x0 = x1 - km / km_per_deg
    ax.plot([x0, x1], [lat, lat], color="#222", linewidth=3, solid_capstyle="butt", zorder=7)
    ax.text((x0 + x1) / 2, lat + (north - south) * 0.012, f"{km:g} km", ha="center", va="bottom", fontsize=8, zorder=7)


def new_figure(
    bounds,
    *,
    title: str,
    subtitle: str | None = None,
    source: str | None = None,
    as_of=None,
    created=None,
    disclaimer: str | None = DEFAULT_DISCLAIMER,
    data_countries=(),
    skip_names=(),
    size: tuple[float, float] = (8.0, 7.5),
):
    """A (figure, axes) pair: basemap for ``bounds`` (west, south, east, north), title, scale bar and footer.

    The figure is not tied to pyplot (no global state, no display needed).
    """
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, dpi=DPI)
    # room above for the title block, below for the footer
    ax = fig.add_axes((0.02, 0.13, 0.96, 0.76))
    extent = _extent(bounds, size[1] * 0.76 / (size[0] * 0.96))
    draw_basemap(ax, extent, basemap_parts(extent, data_countries, skip_names, size[0] * 0.96))
    add_title(fig, title, subtitle)
    add_scale_bar(ax, extent)
    add_footer(fig, source, as_of, created, disclaimer, top=0.115)
    return fig, ax


PANEL_GAP = 0.12  # inches between panels of small multiples
PANEL_TITLE = 0.26  # inches above each panel for its period


def new_grid(
    bounds,
    panels: int,
    *,
    title: str,
    subtitle: str | None = None,
    source: str | None = None,
    as_of=None,
    created=None,
    disclaimer: str | None = DEFAULT_DISCLAIMER,
    data_countries=(),
    skip_names=(),
    names: list[str] | None = None,
    legend_height: float = 1.0,
):
    """Small multiples: a (figure, [axes]) pair of ``panels`` maps of ``bounds`` in a grid, each with the basemap
    and its name above it (``names``), under one title block and over one footer, with ``legend_height``
    inches left free under the panels for the shared legend (:func:`add_figure_legend`).

    Panels are read left to right, then down; one scale bar, in the first panel, holds for all.
    """
    from matplotlib.figure import Figure

    cols = panels if panels <= 3 else min(4, math.ceil(math.sqrt(panels)))  # 4 as 2 × 2, 12 as 4 × 3
    rows = math.ceil(panels / cols)
    width = 8.0 if cols <= 3 else 10.0
    margin = 0.16
    panel_w = (width - 2 * margin - (cols - 1) * PANEL_GAP) / cols
    west, south, east, north = bounds
    k = 1 / math.cos(math.radians((south + north) / 2))
    aspect = min(1.3, max(0.55, (north - south) * k / max(east - west, 1e-9) * 1.08))
    panel_h = panel_w * aspect
    head = 0.85 if subtitle else 0.6
    foot = 0.5 + (0.13 * len(textwrap.wrap(disclaimer, 140)) if disclaimer else 0)
    height = head + rows * (panel_h + PANEL_TITLE) + (rows - 1) * PANEL_GAP + legend_height + foot
    fig = Figure(figsize=(width, height), dpi=DPI)
    extent = _extent(bounds, aspect)
    parts = basemap_parts(extent, data_countries, skip_names, panel_w, cities=6)
    axes = []
    for i in range(panels):
        r, c = divmod(i, cols)
        left = margin + c * (panel_w + PANEL_GAP)
        top = head + r * (panel_h + PANEL_TITLE + PANEL_GAP) + PANEL_TITLE
        ax = fig.add_axes((left / width, 1 - (top + panel_h) / height, panel_w / width, panel_h / height))
        draw_basemap(ax, extent, parts, font=0.8)
        if names:
            ax.set_title(text(names[i]), fontsize=10, fontweight="bold", loc="left", pad=3)
        axes.append(ax)
    add_title(fig, title, subtitle, top=1 - 0.12 / height)
    add_scale_bar(axes[0], extent)
    add_footer(fig, source, as_of, created, disclaimer, top=foot / height)
    fig.geo_legend_y = (foot + legend_height / 2) / height  # where add_figure_legend centres the shared legend
    return fig, axes


def basemap_parts(extent, data_countries=(), skip_names=(), width_in: float = 8.0, cities: int | None = None) -> dict:
    """The basemap's pieces for an axes showing ``extent``, simplified to half a pixel at 200 dpi."""
    west, south, east, north, _ = extent
    parts = layers((west, south, east, north), data_countries, skip_names)
    if cities is not None:  # small panels: the biggest towns only
        kept = [lab for lab in parts["labels"] if lab[3] != "city"]
        parts["labels"] = kept + [lab for lab in parts["labels"] if lab[3] == "city"][:cities]
    # half a pixel at 200 dpi is plenty: full-resolution coastlines only make the files slow and big
    tol = tolerance_for((west, south, east, north), pixels=int(width_in * DPI))
    for key in ("land", "admin1", "borders"):
        parts[key] = parts[key].set_geometry(simplify(parts[key].geometry.values, tol, coverage=False))
    return parts


def draw_basemap(ax, extent, parts: dict, font: float = 1.0) -> None:
    """Sea, land, admin-1 lines, borders and labels on ``ax``, framed to ``extent`` (from :func:`_extent`)."""
    west, south, east, north, k = extent
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(k)
    ax.set_facecolor(SEA)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_color("#888")
    if len(parts["land"]):
        parts["land"].plot(ax=ax, color=LAND["fillColor"], edgecolor=LAND["color"], linewidth=0.4, zorder=0)
    if len(parts["admin1"]):
        parts["admin1"].plot(ax=ax, color=ADMIN1["color"], linewidth=0.4, linestyle=(0, (3, 3)), zorder=1)
    if len(parts["borders"]):
        parts["borders"].plot(ax=ax, color=BORDER["color"], linewidth=1.1 * font, zorder=4)
    ax.apply_aspect()  # the axes' final box, so that label sizes in pixels can be placed
    placed: list[tuple[float, float, float, float]] = []
    for lat, lon, name, kind in sorted(parts["labels"], key=lambda lab: lab[3] == "city"):  # countries first
        size = (7 if kind == "city" else 8) * font
        label = " " + text(name) if kind == "city" else text(name).upper()
        x, y = ax.transData.transform((lon, lat))
        w, h = len(label) * size * 0.62 * fig_px(ax), size * 1.3 * fig_px(ax)
        box = (x, y - h / 2, x + w, y + h / 2) if kind == "city" else (x - w / 2, y, x + w / 2, y + h)
        gap = 2 * fig_px(ax)
        if any(box[0] < b[2] + gap and b[0] < box[2] + gap and box[1] < b[3] + gap and b[1] < box[3] + gap
               for b in placed):  # fmt: skip
            continue  # a name printed over another reads as neither
        placed.append(box)
        if kind == "city":
            ax.plot(lon, lat, "o", markersize=3 * font, markerfacecolor="white", markeredgecolor="#333", zorder=5)
            ax.text(lon, lat, label, fontsize=size, va="center", ha="left", color="#333", zorder=6, clip_on=True)
        else:
            ax.text(lon, lat, label, fontsize=size, color="#777", ha="center", zorder=6, clip_on=True)
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_xlabel("")
    ax.set_ylabel("")


def fig_px(ax) -> float:
    """Pixels per typographic point on the figure of ``ax``."""
    return ax.figure.dpi / 72


def add_title(fig, title: str, subtitle: str | None = None, top: float = 0.975) -> None:
    """The title block, top left. A long title (they often are: what, where, since when) shrinks, then wraps
    onto two lines, instead of running off the page."""
    width, height = fig.get_size_inches()
    title_size = 15.0
    per_line = int(width * 105 / title_size)  # about how many bold characters fit across the page
    if len(title) > per_line:
        title_size = max(11.0, title_size * per_line / len(title))
        per_line = int(width * 105 / title_size)
    title_lines = textwrap.wrap(text(title), per_line)[:2] or [""]
    fig.text(0.02, top, "\n".join(title_lines), fontsize=title_size, fontweight="bold", va="top", linespacing=1.15)
    if subtitle:
        below = top - len(title_lines) * title_size * 1.3 / 72 / height
        small = textwrap.wrap(text(subtitle), int(width * 150 / 10.5))[:1]
        fig.text(0.02, below - 0.006 * 7.5 / height, "\n".join(small), fontsize=10.5, color="#444", va="top")


def add_footer(fig, source=None, as_of=None, created=None, disclaimer: str | None = DEFAULT_DISCLAIMER,
               top: float = 0.115) -> None:  # fmt: skip
    """Source and its date, the creation date (default today) and the disclaimer, from ``top`` (a figure
    fraction) down."""
    import datetime as _dt

    created = format_date(created if created is not None else _dt.date.today())
    lines = []
    if source or as_of:
        lines.append(
            (f"Source: {source}" if source else "")
            + ("; " if source and as_of else "")
            + (f"data as of {format_date(as_of)}" if as_of else "")
            + "."
        )
    lines.append(f"Map created {created} with geo.")
    if disclaimer:
        lines.extend(textwrap.wrap(disclaimer, 140))
    fig.text(0.02, top, text("\n".join(lines)), fontsize=7, color="#333", va="top", linespacing=1.4)


def legend_handles(rows: list[dict]) -> list:
    """Matplotlib handles for the rows of a :class:`geo.render.layout.Legend` (box, nodata, line, circle)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = []
    for row in rows:
        shape, label = row.get("shape", "box"), text(row["label"])
        if shape == "line":
            handles.append(Line2D([], [], color=row["color"], linewidth=row.get("width", 3) * 0.6, label=label))
        elif shape == "circle":
            handles.append(
                Line2D([], [], marker="o", linestyle="", markersize=row.get("size", 10) * 0.6,
                       markerfacecolor=row["color"], markeredgecolor="#555", label=label)
            )  # fmt: skip
        else:
            hatch = "////" if shape == "nodata" else None
            handles.append(Patch(facecolor=row["color"], edgecolor="#888", hatch=hatch, label=label))
    return handles


def add_legend(ax, rows: list[dict], title: str | None = None, loc: str = "upper right", anchor=None) -> None:
    """A legend from the same rows as :class:`geo.render.layout.Legend` (box, nodata, line, circle)."""
    legend = ax.legend(
        handles=legend_handles(rows), title=text(title) if title else None, loc=loc, bbox_to_anchor=anchor,
        fontsize=8, title_fontsize=9,
    )  # fmt: skip
    legend.set_zorder(8)
    legend.get_frame().set_alpha(0.92)


def add_figure_legend(fig, rows: list[dict], title: str | None = None, note: str | None = None, x: float = 0.02):
    """The one legend of small multiples (:func:`new_grid`), in the band under the panels, rows side by side;
    ``note`` (the shared scale, rows left out) beside it. Returns the legend."""
    y = getattr(fig, "geo_legend_y", 0.1)
    legend = fig.legend(
        handles=legend_handles(rows), title=text(title) if title else None, loc="center left",
        bbox_to_anchor=(x, y), ncols=min(len(rows), 3), fontsize=8, title_fontsize=9, frameon=False,
        alignment="left",
    )  # fmt: skip
    if note:
        fig.text(0.98, y, text("\n".join(textwrap.wrap(note, 60))), fontsize=7, color="#333", ha="right",
                 va="center", linespacing=1.3)  # fmt: skip
    return legend


def save_figure(fig, path: str | os.PathLike, dpi: int = DPI) -> None:
    """Write ``fig`` as .png, .svg or .pdf (by extension), atomically, the same bytes for the same figure."""
    import matplotlib

    from geo.io import atomic_path

    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"{path}: static maps are .png, .svg or .pdf")
    fmt = FORMATS[suffix]
    metadata = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None, "ModDate": None}}[fmt]
    with matplotlib.rc_context({"svg.hashsalt": "geo", "svg.fonttype": "path", "pdf.fonttype": 42}):
        with atomic_path(path) as tmp:
            fig.savefig(tmp, format=fmt, dpi=max(dpi, 150), metadata=metadata, facecolor="white")
