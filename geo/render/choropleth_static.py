"""The static twin of a choropleth (PNG, SVG, PDF): the same areas, classes, colours and texts.

A choropleth by period becomes small multiples: one panel per period in a grid, every panel coloured
on the one classification of the web map, one legend, title and footer for all; ``at`` draws one period.

>>> import pandas as pd
>>> from geo.render.choropleth import choropleth
>>> df = pd.DataFrame({"p": ["SY07", "SY02", "SY07"], "n": [5, 7, 9], "month": ["2024-01", "2024-01", "2024-03"]})
>>> m = choropleth(df, "n", pcode="p", period="month", created="2026-01-01")
>>> fig = choropleth_figure(m)
>>> [ax.get_title(loc="left") for ax in fig.axes]
['2024-01', '2024-02', '2024-03']
"""

from __future__ import annotations

import textwrap

from geo.errors import InputError
from geo.render.choropleth import MAX_AREA_LABELS, NODATA


def choropleth_figure(m, at: str | None = None):
    """A matplotlib ``Figure`` of a map made by :func:`geo.render.choropleth.choropleth`.

    Without periods, or with ``at``, one map; by period, one panel per period.
    """
    from geo.render.static import DPI, Z_DATA, add_figure_legend, add_legend, new_figure, new_grid, text
    from geo.render.vector import simplify, tolerance_for

    plan = getattr(m, "_geo_static", None)
    if plan is None:
        raise InputError("this map was not made by geo.choropleth")
    periods = list(plan["periods"])
    if at is not None and at not in periods:
        raise InputError(f"no period {at!r}; the map has: {', '.join(periods[:12]) or 'none'}")
    frame = dict(
        title=plan["title"], source=plan["source"], as_of=plan["as_of"], created=plan["created"],
        disclaimer=plan["disclaimer"], data_countries=plan["countries"], skip_names=plan["skip_names"],
    )  # fmt: skip
    joined = m.joined.copy()
    shown = periods if at is None else [at]
    if len(shown) > 1:
        fig, axes = new_grid(plan["bounds"], len(shown), subtitle=plan["subtitle"], names=shown, **frame)
    else:
        subtitle = plan["subtitle"] if plan["subtitle"] is not None or not periods else shown[0]
        fig, ax = new_figure(plan["bounds"], subtitle=subtitle, **frame)
        axes = [ax]
    small = len(shown) > 1
    tol = tolerance_for(plan["bounds"], pixels=(3 if small else 8) * DPI)
    joined = joined.set_geometry(simplify(joined.geometry.values, tol))
    for ax, period in zip(axes, shown or [""]):
        x0, x1 = ax.get_xlim()
        y0, y1 = ax.get_ylim()
        aspect = ax.get_aspect()  # geopandas sets its own from the areas it plots: the panels must match
        classes = plan["classes"][period if periods else plan["classes"].columns[0]].to_numpy()
        has = classes >= 0
        if has.any():
            colors = [plan["colors"][c] for c in classes[has]]
            joined[has].plot(ax=ax, color=colors, edgecolor="white", linewidth=0.4 if small else 0.6, zorder=Z_DATA)
        if (~has).any():
            joined[~has].plot(ax=ax, color=NODATA, edgecolor="white", hatch="///", linewidth=0.4, zorder=Z_DATA)
        if periods:
            note = plan["notes"][periods.index(period)]
            if note:
                box = {"facecolor": "white", "alpha": 0.9, "edgecolor": "#bbb"}
                ax.text(0.5, 0.5, text(note), transform=ax.transAxes, ha="center", va="center", fontsize=9,
                        color="#333", zorder=9, bbox=box)  # fmt: skip
        if not small and len(joined) <= MAX_AREA_LABELS:
            named = joined[has | (joined["pcode"] != "").values]
            for p, name in zip(named.geometry.representative_point(), named["name"]):
                ax.text(p.x, p.y, text(name), fontsize=7, style="italic", ha="center", color="#222", zorder=6,
                        clip_on=True)  # fmt: skip
        ax.set_aspect(aspect)
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_xlabel("")
        ax.set_ylabel("")
    if small:
        add_figure_legend(fig, plan["legend_rows"], plan["legend_title"], note=plan["legend_note"])
        return fig
    add_legend(axes[0], plan["legend_rows"], plan["legend_title"], loc="lower right", anchor=(1.0, 0.08))
    if plan["legend_note"]:
        axes[0].text(0.01, 0.01, text("\n".join(textwrap.wrap(plan["legend_note"], 70))), transform=axes[0].transAxes,
                     fontsize=6.5, va="bottom", ha="left", color="#333", zorder=9,
                     bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "#bbb"})  # fmt: skip
    return fig
