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
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from geo.errors import InputError
from geo.render.layout import DEFAULT_DISCLAIMER

if TYPE_CHECKING:
    from geo.periods import Periods

NODATA = "#cfcfcf"
SEED = 0  # for the schemes that draw random numbers (natural breaks)
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
                # natural breaks start k-means from random points: a fixed seed, so the same figures always get
                # the same classes (and the same map bytes); the caller's random state is left as it was
                state = np.random.get_state()
                np.random.seed(SEED)
                try:
                    classifier = getattr(mapclassify, SCHEMES[key])(y, k=k)
                finally:
                    np.random.set_state(state)
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
    period: str | None = None,
    at: str | None = None,
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
    gazetteer=None,
):
    """A choropleth of ``value`` per area, as a ``folium.Map`` (offline-ready; see the module doc).

    ``data`` is a DataFrame, a GeoDataFrame of points, or a file (CSV, XLSX,
    GeoJSON, Shapefile, GPKG). Rows find their area by ``pcode``, by name
    (``place``) or by coordinates (``lat``/``lon``, or point geometry). Several
    rows for one area are summed (with a warning); rows that match nothing
    are listed in a warning and in ``m.unmatched``. ``value=None`` counts rows.

    ``period`` names a column of dates or periods: the map gets a time slider
    and shows one period at a time (``at`` the one shown first, default the
    last), every area drawn in every period (grey where it has no data), all
    periods classed together so that a colour means the same figure in each.
    Periods sort as dates when they read as dates (:mod:`geo.periods`).

    ``boundaries`` (a GeoDataFrame or a file, e.g. an OCHA COD-AB admin-2
    layer) replaces the shipped admin-1 areas; ``boundary_key`` is its code
    column (guessed from ``*_PCODE``). ``per_capita`` names a population
    column (in the data, or in the boundaries) and ``per`` the rate base
    (default 100,000). ``scheme`` is a mapclassify scheme (quantiles,
    naturalbreaks, equalinterval, fisherjenks…) with ``classes`` classes, or
    give ``breaks`` (upper bounds). ``colors`` is a ColorBrewer name, a
    matplotlib colormap or a list. ``created`` defaults to today.
    ``gazetteer`` reads ``place`` names (e.g. one with a country's villages
    added: :func:`geo.places.gazetteer_with_places`).
    """
    from geo.join import choices
    from geo.render.base import new_map
    from geo.render.layout import Legend

    df = _read(data, "data")
    areas = _read(boundaries, "boundaries") if boundaries is not None else None
    if per is not None and per_capita is None:
        raise InputError("per= needs per_capita= (the population column to divide by)")
    if at is not None and period is None:
        raise InputError("at= needs period= (the column of periods to choose from)")
    join = dict(place=place, pcode=pcode, lat=lat, lon=lon, areas=areas, key=boundary_key, country=country,
                gazetteer=gazetteer)  # fmt: skip
    # called from here, not from a step: its warnings name the caller's line (stacklevel)
    joined, unmatched, values, periods = _join(df, value, period, min_score=min_score, **join)
    shown, people, unit = values, None, units or ""
    if per_capita:
        people = _people(df, joined, unmatched, values, periods, period, per_capita, min_score=min_score, **join)
        per = 100_000 if per is None else float(per)
        shown = _rates(values, people, per)
        unit = f"{units} per {per:,.0f} people".strip()
    fig = _classed(values, shown, people, units, unit, periods, at, scheme, classes, breaks, colors)
    _show_opening(joined, fig)

    label = value or "rows"
    title = title if title is not None else f"{label} by area"
    # the whole of every area drawn, no-data ones too: "no data" is part of what a choropleth says
    bounds = tuple(joined.total_bounds)
    countries = joined.attrs.get("drawn_countries", [])
    labelled = len(joined) <= MAX_AREA_LABELS
    area_names = list(joined["name"]) if labelled else []
    m = new_map(bounds, title=title, subtitle=subtitle, source=source, as_of=as_of, created=created,
                disclaimer=disclaimer, tiles=tiles, data_countries=countries, skip_names=area_names)  # fmt: skip
    heads = _headings(joined)
    tips, pops = _popups(joined, fig, heads, source)
    layer = _area_layer(joined, fig, tips, pops, bounds)
    m.add_child(layer)
    legend_title = label if not unit else f"{label} ({unit})"
    legend_rows = _legend_rows(fig)
    notes = _legend_notes(unmatched, periods)
    Legend(legend_title, legend_rows, note=" ".join(n for n in notes if n)).add_to(m)
    if labelled:
        _area_labels(joined, fig.shown).add_to(m)
    period_notes = _period_slider(m, layer, fig, heads, source) if periods else []

    m.unmatched = unmatched
    m.joined = joined
    m.choices = choices(joined)
    m.bins = fig.k.bins
    m.warnings = list(joined.attrs.get("warnings", []))
    m.periods = periods.labels
    m.by_period = shown if periods else None
    m._geo_static = dict(
        bounds=bounds, title=title, subtitle=subtitle, source=source, as_of=as_of, created=created,
        disclaimer=disclaimer, countries=countries, legend_title=legend_title, legend_rows=legend_rows,
        skip_names=area_names, colors=fig.k.colors, classes=fig.classes, periods=m.periods, notes=period_notes,
        legend_note=" ".join(notes[1:]),
    )  # fmt: skip
    return m


@dataclass(frozen=True)
class _Figures:
    """What the map shows: one row per drawn area, one column per period (a single column without periods).

    The steps that draw the areas, their popups, the legend and the slider all read the same figures, so they
    travel together.
    """

    values: pd.DataFrame  # the figures, summed per area
    shown: pd.DataFrame  # what is coloured: the figures, or their rates with per_capita
    people: np.ndarray | None  # with per_capita: the population each rate divides by
    units: str  # what the figures count
    unit: str  # what the shown figures count ("people per 100,000 people" with per_capita)
    periods: Periods
    start: int  # the column the map opens at
    k: Classes  # one classification for every period
    classes: pd.DataFrame  # the class of each shown figure, -1 where there is none

    @property
    def now(self) -> str:
        """The period the map opens at (the single unnamed column without periods)."""
        return self.values.columns[self.start]

    @property
    def decimals(self) -> int:
        """Decimals for every shown figure, in every period: one period's figures must not read finer than another's."""
        every = self.shown.to_numpy()
        return _decimals(every[~np.isnan(every)])


def _people(df, joined, unmatched, values, periods, period, column, **join) -> np.ndarray:
    """The population each rate divides by, per drawn area (rows) and period (columns).

    A population column in a table by period is the population of each period, not one to add up; a
    population of the boundaries, or of a table without periods, is one per area, the same in every period.
    """
    areas = join["areas"]
    if periods and not (areas is not None and column in areas.columns):
        from geo.render.choropleth_periods import by_period

        return by_period(df, column, period, joined, unmatched).values.to_numpy(dtype=float)
    population = _population(df, joined, column, **join)
    return np.repeat(population.to_numpy(dtype=float)[:, None], values.shape[1], axis=1)


def _rates(values: pd.DataFrame, people: np.ndarray, per: float) -> pd.DataFrame:
    """``values`` per ``per`` people; no rate (NaN, drawn as no data) where the population is missing or zero."""
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(people > 0, values.to_numpy() / people, np.nan)
    return pd.DataFrame(rate * per, index=values.index, columns=values.columns)


def _classed(values, shown, people, units, unit, periods, at, scheme, n_classes, breaks, colors) -> _Figures:
    """The figures classed once for every period (a colour means the same figure whatever the period shown),
    and the period the map opens at: ``at``, else the last."""
    from geo.render.timeline import start_index

    classed = classify(shown.to_numpy().ravel(), scheme, n_classes, breaks, colors)
    classes = shown.apply(lambda c: c.map(lambda v: class_of(v, classed.bins) if not np.isnan(v) else -1)).astype(int)
    start = start_index(periods.labels, at) if periods else 0
    start = len(periods) - 1 if start is None else start
    return _Figures(values, shown, people, units, unit, periods, start, classed, classes)


def _show_opening(joined, fig: _Figures) -> None:
    """The opening period's figures, classes and colours as columns of ``joined``: ``m.joined`` is the table users
    audit the map with."""
    cls = fig.classes[fig.now].to_numpy()
    if fig.people is not None:
        joined["population"] = pd.Series(fig.people[:, fig.start], index=joined.index)
    joined["value"] = fig.values[fig.now]
    joined["shown"] = fig.shown[fig.now]
    joined["class"] = cls
    joined["color"] = [fig.k.colors[c] if c >= 0 else NODATA for c in cls]


def _headings(joined) -> list[str]:
    """Each area's name and P-code, escaped: the first lines of its tooltip and popup in every period."""
    from geo.render.vector import esc

    return [f"<b>{esc(r.name)}</b>" + (f"<br>P-code: {esc(r.pcode)}" if r.pcode else "") for r in joined.itertuples()]


def _source_line(source: str | None) -> str:
    """The last line of every tooltip and popup, escaped: the source travels with the figure when it is copied."""
    from geo.render.vector import esc

    return f"<br>Source: {esc(source)}" if source else ""


def _popups(joined, fig: _Figures, heads: list[str], source: str | None) -> tuple[list[str], list[str]]:
    """Each area's tooltip and popup for the opening period, escaped.

    The tooltip says the figure and its rank; the popup adds the rows behind it, except by period, where the
    rows differ from one period to the next and the popup repeats the tooltip.
    """
    from geo.render.vector import esc

    shown = fig.shown[fig.now]
    has = shown.notna()
    ranked = int(has.sum())
    rank = shown.rank(ascending=False, method="min")
    decimals = fig.decimals
    src = _source_line(source)
    tips, pops = [], []
    for i, r in enumerate(joined.itertuples()):
        if has.iat[i]:
            figure = f"{_fmt(shown.iat[i], decimals)} {esc(fig.unit)}"
            if fig.people is not None:
                figure += f" ({_fmt(r.value, 0)} {esc(fig.units)})"
            body = f"<br>{figure}<br>Rank {int(rank.iat[i])} of {ranked}"
        else:
            body = "<br>No data"
        tips.append(heads[i] + body + src)
        if fig.periods:
            rows = ""
        elif r.rows > 1:
            rows = f"<br>{r.rows} rows summed: {esc(r.queries)}"
        else:
            rows = f"<br>From: {esc(r.queries)}" if r.rows else ""
        pops.append(heads[i] + body + rows + src)
    return tips, pops


def _area_layer(joined, fig: _Figures, tips: list[str], pops: list[str], bounds: tuple):
    """The areas as one vector layer, coloured for the opening period; each feature carries its index ``i`` for
    the slider to recolour. No-data areas are drawn too, grey and dashed: "no data" is not zero."""
    from geo.render.vector import VectorLayer, digits_for, features, tolerance_for

    has = fig.shown[fig.now].notna()
    styles = [{"fillColor": fig.k.colors[c]} if c >= 0 else {"fillColor": NODATA, "fillOpacity": 0.55,
              "dashArray": "2 3"} for c in joined["class"]]  # fmt: skip
    joined["tip"], joined["pop"], joined["style"] = tips, pops, styles
    joined["cls"] = np.where(has, "geo-area geo-data", "geo-area geo-nodata")
    joined["i"] = range(len(joined))
    tol = tolerance_for(bounds)
    digits = digits_for(tol)
    layer = VectorLayer(
        features(joined, ["tip", "pop", "style", "cls", "i"], tol, digits),
        style={"color": "#ffffff", "weight": 1, "fillOpacity": 0.85, "opacity": 1},
        digits=digits,
    )
    layer._name = "Areas"
    return layer


def _legend_rows(fig: _Figures) -> list[dict]:
    """A row per class, and "No data" when some area lacks a figure in some period."""
    rows = [{"color": c, "label": lab} for c, lab in zip(fig.k.colors, fig.k.labels)]
    if fig.shown.isna().to_numpy().any():
        rows.append({"color": NODATA, "label": "No data", "shape": "nodata"})
    return rows


def _legend_notes(unmatched, periods) -> list[str]:
    """The legend's notes: the rows not mapped ("" when none), then, by period, that the classes are shared.

    The static twin's legend takes only the notes after the first (``legend_note``)."""
    notes = [f"{len(unmatched)} row(s) not mapped (no matching area)" if len(unmatched) else ""]
    if periods:
        notes.append(f"Classes shared by all {len(periods)} periods ({periods.span()}): a colour means the same "
                     "figure in every period.")  # fmt: skip
    return notes


def _area_labels(joined, shown: pd.DataFrame):
    """The areas' names on the map, for areas with data in some period or with a code.

    Areas without data or code (the UNDOF zone) stay unlabelled: their names only crowd their neighbours'.
    """
    from geo.render.basemap import Labels

    ever = shown.notna().any(axis=1).to_numpy()
    named = joined[ever | (joined["pcode"] != "").values]
    return Labels([(p.y, p.x, n, "area") for p, n in zip(named.geometry.representative_point(), named["name"])])


def _period_slider(m, layer, fig: _Figures, heads: list[str], source: str | None) -> list[str]:
    """The slider that recolours ``layer`` period by period, with every period's figures, ranks and texts in the
    page (no code runs from the data); returns the note under each period (empty when it has figures)."""
    from geo.render.choropleth_periods import PeriodAreas, ranks
    from geo.render.timeline import Timeline
    from geo.render.vector import esc

    periods, shown, decimals = fig.periods, fig.shown, fig.decimals
    notes = [_period_note(p, periods, shown[p]) for p in periods]
    r, n = ranks(shown)
    text = [[None if np.isnan(v) else _fmt(v, decimals) for v in shown[p]] for p in periods]
    counts = (
        [[None if np.isnan(v) else _fmt(v, 0) for v in fig.values[p]] for p in periods]
        if fig.people is not None
        else None
    )
    PeriodAreas(layer, {
        "c": fig.classes.T.to_numpy().tolist(), "v": text, "w": counts, "r": r, "n": n, "h": heads,
        "u": f" {esc(fig.unit)}", "uu": f" {esc(fig.units)}", "t": _source_line(source), "pal": fig.k.colors,
        "nd": NODATA, "fo": 0.85,
    }).add_to(m)  # fmt: skip
    Timeline(periods.labels, None, notes, start=fig.start, label="Period shown").add_to(m)
    return notes


def _join(df, value, period, **join):
    """Rows → areas once; with ``period``, the figure of each area in each period (see :mod:`.choropleth_periods`).

    Returns (joined, unmatched, values, periods): ``values`` has one column per period (a single unnamed
    column without periods); ``periods`` is a :class:`geo.periods.Periods` (empty without periods).
    """
    from geo.join import JoinWarning, join_areas
    from geo.periods import Periods

    if not period:
        joined, unmatched = join_areas(df, value, **join)
        _some_data(joined, unmatched, len(df))
        return joined, unmatched, joined[["value"]].astype(float).set_axis([""], axis=1), Periods(())
    from geo.render.choropleth_periods import by_period, joined_warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        joined, unmatched = join_areas(df, value, **join)
    found = by_period(df, value, period, joined, unmatched)
    messages = joined_warnings(caught) + found.warnings
    if len(found.no_period):
        shown = ", ".join(map(str, found.no_period["row"][:10]))
        messages.append(f"{len(found.no_period)} row(s) have no period and are not on the map: rows {shown}")
        unmatched = pd.concat([unmatched, found.no_period], ignore_index=True).sort_values("row", kind="stable")
        unmatched = unmatched.reset_index(drop=True)
        joined.attrs["unmatched_total"] += float(np.nansum(found.no_period["value"]))
    for message in messages:
        warnings.warn(message, JoinWarning, stacklevel=3)
    joined.attrs["warnings"] = messages
    if not found.values.notna().to_numpy().any():
        raise InputError(f"no area has a figure in any period of column {period!r}; "
                         f"{len(unmatched)} of {len(df)} rows unmatched")  # fmt: skip
    return joined, unmatched, found.values, found.periods


def _some_data(joined, unmatched, n: int) -> None:
    if joined["value"].notna().sum() == 0:
        raise InputError(f"none of the {n} rows matched an area; first reasons: "
                         + "; ".join(unmatched["reason"].astype(str).head(3)))  # fmt: skip


def _period_note(label: str, periods, shown: pd.Series) -> str:
    """What the slider says under a period with nothing to show."""
    if label in periods.missing:
        return f"No rows for {label}."
    if shown.isna().all():
        return f"No area has a figure for {label}."
    return ""


def _population(df, joined, column, **join) -> pd.Series:
    """Population per drawn area: from the boundaries' column, else summed from the data's column, its rows
    joined exactly as the figures were (the same gazetteer, with the user's places, and the same min_score)."""
    areas, key = join["areas"], join["key"]
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
        pop, _ = join_areas(df, column, **join)
    return joined["key"].map(dict(zip(pop["key"], pop["value"]))).astype(float)


def to_figure(m, at: str | None = None):
    """The matplotlib twin of a map made by :func:`choropleth` (see :mod:`geo.render.choropleth_static`)."""
    from geo.render.choropleth_static import choropleth_figure

    return choropleth_figure(m, at=at)


def save_static(m, path: str | os.PathLike, at: str | None = None) -> None:
    """Write the matplotlib twin of a choropleth as .png (200 dpi), .svg or .pdf: small multiples by period,
    or the one period ``at``."""
    from geo.render.static import save_figure

    save_figure(to_figure(m, at=at), path)
