"""Choropleth maps: figures by area, classed and coloured, with every row accounted for.

:func:`choropleth` joins the figures to areas (:func:`geo.join.join_areas`:
by P-code, by name through the gazetteer, or points into polygons), classes
them with mapclassify, colours them with a ColorBrewer ramp and returns a
``folium.Map`` that carries:

* ``m.unmatched``: the rows that matched no area, with the reason (also in a warning);
* ``m.joined``: one row per area drawn (value, rows summed, names or codes);
* ``m.choices``: how names were read ("'Idlib' → Idleb (SY07; …)");
* ``m.bins``: the upper bounds of the classes.

Save it with :func:`geo.render.base.save_html` (one offline file) or
:func:`save_static` (PNG / SVG / PDF).

>>> import pandas as pd
>>> df = pd.DataFrame({"pcode": ["SY07", "SY02", "SY01"], "idps": [520000, 120000, 0]})
>>> m = choropleth(df, value="idps", pcode="pcode", title="IDPs", created="2026-01-01")
>>> len(m.unmatched), float(m.joined.set_index("key").loc["SY07", "value"])
(0, 520000.0)
"""

from __future__ import annotations

import math
import os
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from geo.errors import InputError
from geo.render.layout import DEFAULT_DISCLAIMER

NODATA = "#cfcfcf"
SCHEMES = {
    "quantiles": "Quantiles",
    "naturalbreaks": "NaturalBreaks",
    "fisherjenks": "FisherJenks",
    "equalinterval": "EqualInterval",
    "jenkscaspall": "JenksCaspall",
    "headtailbreaks": "HeadTailBreaks",
    "maxbreaks": "MaximumBreaks",
    "percentiles": "Percentiles",
    "stdmean": "StdMean",
}
MAX_AREA_LABELS = 40


@dataclass
class Classes:
    """How values map to colours: upper bounds, a colour per class, and the legend's labels."""

    bins: list[float]
    colors: list[str]
    labels: list[str]
    scheme: str
    index: np.ndarray = field(repr=False, default=None)


def _fmt(x: float, decimals: int) -> str:
    return f"{x:,.{decimals}f}"


def _decimals(values) -> int:
    values = np.asarray(values, dtype=float)
    if np.all(np.isclose(values, np.round(values))):
        return 0
    span = np.nanmax(np.abs(values)) if len(values) else 1
    return 0 if span >= 100 else 1 if span >= 10 else 2


def ramp(colors: str | Sequence[str], k: int) -> list[str]:
    """``k`` colours: a ColorBrewer name ("YlOrRd", "Blues"), a matplotlib colormap, or an explicit list."""
    if not isinstance(colors, str) or "," in colors or colors.startswith("#"):
        listed = [c.strip() for c in (colors.split(",") if isinstance(colors, str) else colors) if c.strip()]
        if len(listed) < k:
            raise InputError(f"{k} classes need {k} colours; got {len(listed)}: {', '.join(listed)}")
        return listed[:k]
    from branca.utilities import color_brewer

    try:
        got = color_brewer(colors, max(k, 3))
        if k < 3:  # ColorBrewer starts at 3 classes: take the light and dark ends
            got = [got[0], got[-1]][-k:] if k == 2 else [got[-1]]
        return [c.lower() for c in got][:k] if len(got) >= k else got
    except (ValueError, KeyError, TypeError):
        pass
    import matplotlib
    from matplotlib.colors import to_hex

    try:
        cmap = matplotlib.colormaps[colors]
    except KeyError:
        raise InputError(f"unknown colours {colors!r}: give a ColorBrewer name (YlOrRd, Blues, Oranges…), "
                         "a matplotlib colormap, or a list '#fee,#fc9,#e34'") from None  # fmt: skip
    return [to_hex(cmap(0.15 + 0.85 * i / max(1, k - 1))) for i in range(k)]


def classify(values, scheme: str = "quantiles", k: int = 5, breaks: Sequence[float] | None = None,
             colors: str | Sequence[str] = "YlOrRd") -> Classes:  # fmt: skip
    """Class the values (NaN = no data, left out) with mapclassify; user ``breaks`` are class upper bounds."""
    import mapclassify

    y = np.asarray(values, dtype=float)
    y = y[~np.isnan(y)]
    if len(y) == 0:
        raise InputError("no area has a figure to map")
    if breaks:
        bins = sorted(float(b) for b in breaks)
        if bins[-1] < y.max():
            bins.append(float(y.max()))
        classifier = mapclassify.UserDefined(y, bins=bins)
        name = "user breaks"
    else:
        key = scheme.lower().replace("_", "").replace(" ", "").replace("-", "")
        if key not in SCHEMES:
            raise InputError(f"unknown scheme {scheme!r}: use one of {', '.join(SCHEMES)} (or give breaks)")
        k = max(1, min(int(k), len(np.unique(y))))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # mapclassify warns when values repeat; the classes still hold
            if k == 1:
                classifier = mapclassify.UserDefined(y, bins=[float(y.max())])
            elif key in ("headtailbreaks", "stdmean"):
                classifier = getattr(mapclassify, SCHEMES[key])(y)
            else:
                classifier = getattr(mapclassify, SCHEMES[key])(y, k=k)
        name = key
    bins = [float(b) for b in classifier.bins]
    # mapclassify may return fewer bins than asked for (repeated values): the colours follow the bins
    palette = ramp(colors, len(bins))
    decimals = _decimals(np.concatenate([y, bins]))
    labels = []
    low = float(y.min())
    for i, high in enumerate(bins):
        if i == 0:
            labels.append(
                _fmt(low, decimals) if math.isclose(low, high) else f"{_fmt(low, decimals)} – {_fmt(high, decimals)}"
            )
        else:
            labels.append(f"> {_fmt(bins[i - 1], decimals)} – {_fmt(high, decimals)}")
    return Classes(bins=bins, colors=palette, labels=labels, scheme=name)


def class_of(value: float, bins: Sequence[float]) -> int:
    """Index of the class holding ``value`` (the first upper bound it does not exceed)."""
    return int(min(np.searchsorted(np.asarray(bins), value, side="left"), len(bins) - 1))


def _read(data, what: str):
    if isinstance(data, (str, os.PathLike)):
        from geo.io import read_table

        return read_table(data)
    if isinstance(data, pd.DataFrame):
        return data
    raise InputError(f"{what} must be a DataFrame, a GeoDataFrame or a file path, not {type(data).__name__}")


def choropleth(
    data,
    value: str | None = None,
    place: str | None = None,
    pcode: str | None = None,
    lat: str | None = None,
    lon: str | None = None,
    *,
    boundaries=None,
    boundary_key: str | None = None,
    country: str | Sequence[str] | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    source: str | None = None,
    as_of=None,
    created=None,
    units: str = "people",
    scheme: str = "quantiles",
    classes: int = 5,
    breaks: Sequence[float] | None = None,
    colors: str | Sequence[str] = "YlOrRd",
    per_capita: str | None = None,
    per: float | None = None,
    tiles: str | None = None,
    disclaimer: str | None = DEFAULT_DISCLAIMER,
    min_score: float = 75.0,
):
    """A choropleth of ``value`` per area, as a ``folium.Map`` (offline-ready; see the module doc).

    ``data`` is a DataFrame, a GeoDataFrame of points, or a file (CSV, XLSX,
    GeoJSON, Shapefile, GPKG). Rows find their area by ``pcode``, by name
    (``place``) or by coordinates (``lat``/``lon``, or point geometry). Several
    rows for one area are summed (with a warning); rows that match nothing
    are listed in a warning and in ``m.unmatched``. ``value=None`` counts rows.

    ``boundaries`` (a GeoDataFrame or a file, e.g. an OCHA COD-AB admin-2
    layer) replaces the shipped admin-1 areas; ``boundary_key`` is its code
    column (guessed from ``*_PCODE``). ``per_capita`` names a population
    column (in the data, or in the boundaries) and ``per`` the rate base
    (default 100,000). ``scheme`` is a mapclassify scheme (quantiles,
    naturalbreaks, equalinterval, fisherjenks…) with ``classes`` classes, or
    give ``breaks`` (upper bounds). ``colors`` is a ColorBrewer name, a
    matplotlib colormap or a list. ``created`` defaults to today.
    """
    from geo.join import choices, join_areas
    from geo.render.base import new_map
    from geo.render.basemap import Labels
    from geo.render.layout import Legend
    from geo.render.vector import VectorLayer, digits_for, esc, features, tolerance_for

    df = _read(data, "data")
    areas = _read(boundaries, "boundaries") if boundaries is not None else None
    if per is not None and per_capita is None:
        raise InputError("per= needs per_capita= (the population column to divide by)")
    joined, unmatched = join_areas(
        df, value, place=place, pcode=pcode, lat=lat, lon=lon, areas=areas, key=boundary_key,
        country=country, min_score=min_score,
    )  # fmt: skip
    if joined["value"].notna().sum() == 0:
        raise InputError(f"none of the {len(df)} rows matched an area; first reasons: "
                         + "; ".join(unmatched["reason"].astype(str).head(3)))  # fmt: skip
    shown = joined["value"].astype(float)
    unit_label = units or ""
    if per_capita:
        per = 100_000 if per is None else float(per)
        population = _population(df, joined, per_capita, place, pcode, lat, lon, areas, boundary_key, country)
        with np.errstate(divide="ignore", invalid="ignore"):
            shown = pd.Series(np.where(population > 0, shown / population * per, np.nan), index=joined.index)
        joined["population"] = population
        unit_label = f"{units} per {per:,.0f} people".strip()
    joined["shown"] = shown
    k = classify(shown, scheme, classes, breaks, colors)
    has = shown.notna()
    cls = np.full(len(joined), -1)
    cls[has.values] = [class_of(v, k.bins) for v in shown[has]]
    joined["class"] = cls
    joined["color"] = [k.colors[c] if c >= 0 else NODATA for c in cls]
    ranks = shown.rank(ascending=False, method="min")
    n_ranked = int(has.sum())

    # the whole of every area drawn, no-data ones too: "no data" is part of what a choropleth says
    bounds = tuple(joined.total_bounds)
    label = value or "rows"
    title = title if title is not None else f"{label} by area"
    countries = joined.attrs.get("drawn_countries", [])
    labelled = len(joined) <= MAX_AREA_LABELS
    area_names = list(joined["name"]) if labelled else []
    m = new_map(bounds, title=title, subtitle=subtitle, source=source, as_of=as_of, created=created,
                disclaimer=disclaimer, tiles=tiles, data_countries=countries, skip_names=area_names)  # fmt: skip

    decimals = _decimals(shown.dropna())
    tips, pops, styles = [], [], []
    for i, r in enumerate(joined.itertuples()):
        head = f"<b>{esc(r.name)}</b>" + (f"<br>P-code: {esc(r.pcode)}" if r.pcode else "")
        if has.iat[i]:
            figure = f"{_fmt(shown.iat[i], decimals)} {esc(unit_label)}"
            if per_capita:
                figure += f" ({_fmt(r.value, 0)} {esc(units)})"
            body = f"<br>{figure}<br>Rank {int(ranks.iat[i])} of {n_ranked}"
        else:
            body = "<br>No data"
        src = f"<br>Source: {esc(source)}" if source else ""
        tips.append(head + body + src)
        rows = (
            f"<br>{r.rows} rows summed: {esc(r.queries)}"
            if r.rows > 1
            else (f"<br>From: {esc(r.queries)}" if r.rows else "")
        )
        pops.append(head + body + rows + src)
        style = {"fillColor": r.color}
        if not has.iat[i]:
            style.update(fillOpacity=0.55, dashArray="2 3")
        styles.append(style)
    joined["tip"], joined["pop"], joined["style"] = tips, pops, styles
    joined["cls"] = np.where(has, "geo-area geo-data", "geo-area geo-nodata")
    tol = tolerance_for(bounds)
    digits = digits_for(tol)
    layer = VectorLayer(
        features(joined, ["tip", "pop", "style", "cls"], tol, digits),
        style={"color": "#ffffff", "weight": 1, "fillOpacity": 0.85, "opacity": 1},
        digits=digits,
    )
    layer._name = "Areas"
    m.add_child(layer)
    rows = [{"color": c, "label": lab} for c, lab in zip(k.colors, k.labels)]
    if (~has).any():
        rows.append({"color": NODATA, "label": "No data", "shape": "nodata"})
    note = f"{len(unmatched)} row(s) not mapped (no matching area)" if len(unmatched) else ""
    legend_title = label if not unit_label else f"{label} ({unit_label})"
    Legend(legend_title, rows, note=note).add_to(m)
    if labelled:
        # areas without data or code (the UNDOF zone) stay unlabelled: their names only crowd their neighbours'
        named = joined[has.values | (joined["pcode"] != "").values]
        points = [(p.y, p.x, n, "area") for p, n in zip(named.geometry.representative_point(), named["name"])]
        Labels(points).add_to(m)

    m.unmatched = unmatched
    m.joined = joined
    m.choices = choices(joined)
    m.bins = k.bins
    m.warnings = list(joined.attrs.get("warnings", []))
    m._geo_static = dict(
        bounds=bounds, title=title, subtitle=subtitle, source=source, as_of=as_of, created=created,
        disclaimer=disclaimer, countries=countries, legend_title=legend_title, legend_rows=rows,
        skip_names=area_names,
    )  # fmt: skip
    return m


def _population(df, joined, column, place, pcode, lat, lon, areas, key, country) -> pd.Series:
    """Population per drawn area: from the boundaries' column, else summed from the data's column."""
    if areas is not None and column in areas.columns:
        from geo.io import parse_figures
        from geo.join import _guess_key

        codes = areas[key or _guess_key(areas)].astype(str).str.strip()
        by_key = dict(zip(codes, parse_figures(areas[column], column)))
        return joined["key"].map(by_key).astype(float)
    if column not in df.columns:
        raise InputError(f"no population column {column!r} in the data or the boundaries")
    from geo.join import join_areas

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the same rows were reported by the main join
        pop, _ = join_areas(df, column, place=place, pcode=pcode, lat=lat, lon=lon, areas=areas, key=key,
                            country=country)  # fmt: skip
    return joined["key"].map(dict(zip(pop["key"], pop["value"]))).astype(float)


def to_figure(m):
    """The matplotlib twin of a map made by :func:`choropleth`: same areas, classes, colours and texts."""
    from geo.render.static import Z_DATA, add_legend, new_figure

    plan = getattr(m, "_geo_static", None)
    if plan is None:
        raise InputError("this map was not made by geo.choropleth")
    fig, ax = new_figure(
        plan["bounds"], title=plan["title"], subtitle=plan["subtitle"], source=plan["source"], as_of=plan["as_of"],
        created=plan["created"], disclaimer=plan["disclaimer"], data_countries=plan["countries"],
        skip_names=plan["skip_names"],
    )  # fmt: skip
    joined = m.joined.copy()
    from geo.render.static import DPI
    from geo.render.vector import simplify, tolerance_for

    tol = tolerance_for(plan["bounds"], pixels=8 * DPI)
    joined = joined.set_geometry(simplify(joined.geometry.values, tol))
    has = joined["class"] >= 0
    if has.any():
        joined[has].plot(ax=ax, color=joined.loc[has, "color"], edgecolor="white", linewidth=0.6, zorder=Z_DATA)
    if (~has).any():
        joined[~has].plot(ax=ax, color=NODATA, edgecolor="white", hatch="///", linewidth=0.6, zorder=Z_DATA)
    if len(joined) <= MAX_AREA_LABELS:
        from geo.render.static import text

        named = joined[has.values | (joined["pcode"] != "").values]
        for p, name in zip(named.geometry.representative_point(), named["name"]):
            ax.text(p.x, p.y, text(name), fontsize=7, style="italic", ha="center", color="#222", zorder=6,
                    clip_on=True)  # fmt: skip
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    add_legend(ax, plan["legend_rows"], plan["legend_title"], loc="lower right", anchor=(1.0, 0.08))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_xlabel("")
    ax.set_ylabel("")
    return fig


def save_static(m, path: str | os.PathLike) -> None:
    """Write the matplotlib twin of a choropleth as .png (200 dpi), .svg or .pdf."""
    from geo.render.static import save_figure

    save_figure(to_figure(m), path)
