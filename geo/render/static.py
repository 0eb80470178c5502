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
    import datetime as _dt

    from matplotlib.figure import Figure

    fig = Figure(figsize=size, dpi=DPI)
    # room above for the title block, below for the footer
    ax = fig.add_axes((0.02, 0.13, 0.96, 0.76))
    box_w, box_h = size[0] * 0.96, size[1] * 0.76
    extent = _extent(bounds, box_h / box_w)
    west, south, east, north, k = extent
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(k)
    ax.set_facecolor(SEA)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_color("#888")
    parts = layers((west, south, east, north), data_countries, skip_names)
    # half a pixel at 200 dpi is plenty: full-resolution coastlines only make the files slow and big
    tol = tolerance_for((west, south, east, north), pixels=int(size[0] * DPI))
    for key in ("land", "admin1", "borders"):
        parts[key] = parts[key].set_geometry(simplify(parts[key].geometry.values, tol, coverage=False))
    if len(parts["land"]):
        parts["land"].plot(ax=ax, color=LAND["fillColor"], edgecolor=LAND["color"], linewidth=0.4, zorder=0)
    if len(parts["admin1"]):
        parts["admin1"].plot(ax=ax, color=ADMIN1["color"], linewidth=0.4, linestyle=(0, (3, 3)), zorder=1)
    if len(parts["borders"]):
        parts["borders"].plot(ax=ax, color=BORDER["color"], linewidth=1.1, zorder=4)
    for lat, lon, name, kind in parts["labels"]:
        if kind == "city":
            ax.plot(lon, lat, "o", markersize=3, markerfacecolor="white", markeredgecolor="#333", zorder=5)
            label = " " + text(name)
            ax.text(lon, lat, label, fontsize=7, va="center", ha="left", color="#333", zorder=6, clip_on=True)
        else:
            ax.text(lon, lat, text(name).upper(), fontsize=8, color="#777", ha="center", zorder=6, clip_on=True)
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_xlabel("")
    ax.set_ylabel("")
    # A long title (they often are: what, where, since when) shrinks, then wraps, instead of running off the page.
    title_size = 15.0
    per_line = int(size[0] * 105 / title_size)  # about how many bold characters fit across the page
    if len(title) > per_line:
        title_size = max(11.0, title_size * per_line / len(title))
        per_line = int(size[0] * 105 / title_size)
    title_lines = textwrap.wrap(text(title), per_line)[:2] or [""]
    fig.text(0.02, 0.975, "\n".join(title_lines), fontsize=title_size, fontweight="bold", va="top", linespacing=1.15)
    if subtitle:
        below = 0.975 - len(title_lines) * title_size * 1.3 / 72 / size[1]
        small = textwrap.wrap(text(subtitle), int(size[0] * 150 / 10.5))[:1]
        fig.text(0.02, below - 0.006, "\n".join(small), fontsize=10.5, color="#444", va="top")
    add_scale_bar(ax, extent)
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
    fig.text(0.02, 0.115, text("\n".join(lines)), fontsize=7, color="#333", va="top", linespacing=1.4)
    return fig, ax


def add_legend(ax, rows: list[dict], title: str | None = None, loc: str = "upper right", anchor=None) -> None:
    """A legend from the same rows as :class:`geo.render.layout.Legend` (box, nodata, line, circle)."""
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
    legend = ax.legend(
        handles=handles, title=text(title) if title else None, loc=loc, bbox_to_anchor=anchor, fontsize=8,
        title_fontsize=9,
    )  # fmt: skip
    legend.set_zorder(8)
    legend.get_frame().set_alpha(0.92)


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
