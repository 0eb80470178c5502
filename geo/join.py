"""Figures → areas: by P-code, by name, or by where their points fall; nothing dropped.

:func:`join_areas` returns two tables: one row per area (the sum of its
figures, how many rows made it, which names or codes), and every input row
that matched no area, with the reason. The figures always add up:
``joined["value"].sum() + unmatched["value"].sum()`` is the input total.

How rows find their area:

* ``pcode``: the code matches the areas' ``key`` column (``pcode`` for the
  shipped boundaries, e.g. ``ADM1_PCODE`` in an OCHA COD-AB file), ignoring
  case and spaces;
* ``place``: names go through the offline gazetteer, admin areas first
  ("Damascus" is the governorate, "إدلب", "Idlib" and "Idleb" are SY07); a
  town or camp is placed by its coordinates and counted in the area it lies
  in. With user boundaries, a name equal to an area's name (any spelling the
  name folding joins) is taken first;
* ``lat``/``lon`` columns, or a GeoDataFrame of points: a spatial join
  (geopandas ``sjoin``) into the areas.

>>> import pandas as pd
>>> df = pd.DataFrame({"gov": ["Idlib", "Idleb", "Atlantis"], "idps": [100, 50, 7]})
>>> joined, unmatched = join_areas(df, "idps", place="gov", country="SY")  # doctest: +SKIP
>>> joined.set_index("key").loc["SY07", "value"], list(unmatched["gov"])  # doctest: +SKIP
(150.0, ['Atlantis'])
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from geo.errors import InputError

POINT_KINDS = ("place", "community", "camp", "crossing", "coordinates")


class JoinWarning(UserWarning):
    """Rows that matched no area, or several rows summed into one area."""


def shipped_areas(country: str | Sequence[str] | None = None):
    """The shipped admin-1 areas with ``key`` (P-code, or the gazetteer id where there is none) and ``uid``."""
    from geo import boundaries

    areas = boundaries.admin1()
    if country:
        codes = [country] if isinstance(country, str) else list(country)
        codes = [c.strip().upper() for code in codes for c in code.replace(";", ",").split(",") if c.strip()]
        areas = areas[areas["iso_a2"].isin(codes)]
    areas = areas.copy()
    uid = [
        f"admin1:{p}" if p else f"admin1:{iso}.{h or n}"
        for p, iso, h, n in zip(areas["pcode"].fillna(""), areas["iso_a2"], areas["hasc"].fillna(""), areas["name"])
    ]
    areas["uid"] = uid
    areas["key"] = [
        p if p else f"{iso}:{n}" for p, iso, n in zip(areas["pcode"].fillna(""), areas["iso_a2"], areas["name"])
    ]
    return areas.reset_index(drop=True)


def _norm_code(value) -> str:
    return (
        "" if value is None or (isinstance(value, float) and math.isnan(value)) else "".join(str(value).split()).upper()
    )


def _row_numbers(df) -> np.ndarray:
    """Row numbers as the file shows them (header is row 1) when the table came from geo.io.read_table."""
    first = df.attrs.get("first_row", 1)
    return np.arange(len(df)) + first


class _Placing:
    """Where each input row went (an area index, or -1), how, how sure, and why not: one array each."""

    def __init__(self, n: int) -> None:
        self.target = np.full(n, -1, dtype=np.int64)
        self.how = np.array([""] * n, dtype=object)
        self.reason = np.array([""] * n, dtype=object)
        self.score = np.full(n, np.nan)
        self.label = np.array([""] * n, dtype=object)  # the row's name or code, as written
        self.lat = np.full(n, np.nan)  # a point to find the area of (coordinates, or a town named)
        self.lon = np.full(n, np.nan)
        self.where = np.array([""] * n, dtype=object)  # what a name matched, when that was a point

    def put(self, i: int, area: int, how: str, score: float = 100.0) -> None:
        self.target[i], self.how[i], self.score[i] = area, how, score

    @property
    def matched(self) -> np.ndarray:
        return self.target >= 0


def join_areas(
    df,
    value: str | None,
    place: str | None = None,
    pcode: str | None = None,
    lat: str | None = None,
    lon: str | None = None,
    areas=None,
    key: str | None = None,
    country: str | Sequence[str] | None = None,
    min_score: float = 75.0,
    area_name: str | None = None,
    gazetteer=None,
):
    """Sum the ``value`` column per area; returns ``(joined, unmatched)``.

    ``joined`` is a GeoDataFrame with one row per area drawn: ``key``, ``name``,
    ``pcode``, ``value`` (NaN where no row has a figure: no data, not zero),
    ``rows`` (how many input rows), ``queries`` (their names or codes) and the
    geometry; its ``attrs`` hold ``matches`` (one row per input row: where it
    went and how), ``warnings``, ``total`` and ``drawn_countries``.
    ``unmatched`` holds the input rows that matched no area, with ``row`` (as
    numbered in the file) and ``reason``.

    ``value=None`` counts rows (one each). ``areas`` is a GeoDataFrame of
    polygons (default: the shipped admin-1 areas) and ``key`` its column of
    codes; ``area_name`` its column of names for labels (guessed otherwise).
    ``gazetteer`` reads ``place`` names (default: the shipped one; pass one
    extended with the user's places or boundaries).
    """
    rows, figures, points_given = _read_rows(df, value, place, pcode, lat, lon)
    areas, names_col, shipped = _prepare_areas(areas, key, country)
    t = _Placing(len(rows))
    if pcode is not None:
        _by_pcode(rows[pcode], areas, t)
    elif place is not None:
        t.label[:] = ["" if pd.isna(v) else str(v).strip() for v in rows[place]]
        if not shipped:
            _match_area_names(t.label, areas, names_col, t)
        _match_gazetteer(t.label, areas, country, min_score, t, gazetteer)
    else:
        _from_points(rows, lat, lon, t)
    _into_areas(t, areas, label_points=place is None and pcode is None)
    joined, countries = _per_area(t, figures, areas, names_col, shipped, counts_only=points_given)
    unmatched = _unmatched(rows, t, figures, value, df)
    matches = _match_table(t, areas, names_col, df)
    messages = _warnings(joined, unmatched, matches, points_given)
    for message in messages:
        warnings.warn(message, JoinWarning, stacklevel=2)
    total = float(np.nansum(figures.values))
    drawn_sum = float(np.nansum(joined["value"].values))
    lost = float(np.nansum(unmatched["value"].values))
    if not math.isclose(total, drawn_sum + lost, rel_tol=1e-9, abs_tol=1e-6):  # pragma: no cover - a bug if ever
        raise RuntimeError(f"figures do not add up: {total} in, {drawn_sum} drawn + {lost} unmatched")
    joined.attrs.update(
        matches=matches, warnings=messages, total=total, unmatched_total=lost, drawn_countries=countries
    )
    return joined, unmatched


def _read_rows(df, value, place, pcode, lat, lon):
    """The rows, their figures (one each without ``value``), and whether they are points."""
    import geopandas as gpd

    from geo.io import parse_figures

    if sum(x is not None for x in (place, pcode)) > 1:
        raise InputError("give either place= (names) or pcode= (codes), not both")
    rows = df.reset_index(drop=True)
    for col in (value, place, pcode, lat, lon):
        if col is not None and col not in rows.columns:
            raise InputError(f"no column {col!r}; columns are: {', '.join(map(str, rows.columns))}")
    points_given = (lat is not None and lon is not None) or (
        isinstance(rows, gpd.GeoDataFrame) and place is None and pcode is None
    )
    if place is None and pcode is None and not points_given:
        raise InputError("say how rows find their area: place= (names), pcode= (codes) or lat=/lon= (points)")
    figures = pd.Series(1.0, index=rows.index) if value is None else parse_figures(rows[value], value)
    figures = figures.reset_index(drop=True).astype(float)
    figures.index = rows.index
    return rows, figures, points_given


def _prepare_areas(areas, key, country):
    """The areas with a ``key`` column of codes, their column of names, and whether they are the shipped ones."""
    import geopandas as gpd

    if areas is None:
        areas = shipped_areas(country)
        return areas, area_name_column(areas, "key"), True
    if not isinstance(areas, gpd.GeoDataFrame):
        raise InputError("areas must be a GeoDataFrame of polygons")
    areas = areas.to_crs(4326) if areas.crs is not None and areas.crs.to_epsg() != 4326 else areas
    areas = areas.reset_index(drop=True).copy()
    key = key or _guess_key(areas)
    if key not in areas.columns:
        raise InputError(f"boundaries have no column {key!r}; columns are: {', '.join(map(str, areas.columns))}")
    areas["key"] = areas[key].map(lambda v: "" if v is None else str(v).strip())
    return areas, area_name_column(areas, key), False


def _by_pcode(codes, areas, t: _Placing) -> None:
    by_code: dict[str, int] = {}
    for i, k in enumerate(areas["key"]):
        by_code.setdefault(_norm_code(k), i)
    for i, code in enumerate(codes):
        t.label[i] = "" if pd.isna(code) else str(code)
        c = _norm_code(code)
        if not c:
            t.reason[i] = "no P-code"
        elif c in by_code:
            t.put(i, by_code[c], "pcode")
        else:
            t.reason[i] = f"no area with P-code {t.label[i]!r}"


def _from_points(rows, lat, lon, t: _Placing) -> None:
    if lat is not None and lon is not None:
        t.lat[:] = pd.to_numeric(rows[lat], errors="coerce")
        t.lon[:] = pd.to_numeric(rows[lon], errors="coerce")
    else:
        geoms = rows.to_crs(4326).geometry if rows.crs is not None else rows.geometry
        ok = geoms.notna() & ~geoms.is_empty & (geoms.geom_type == "Point")
        t.lon[ok.values] = geoms[ok].x.values
        t.lat[ok.values] = geoms[ok].y.values
    bad = np.isnan(t.lat) | np.isnan(t.lon) | (np.abs(t.lat) > 90) | (np.abs(t.lon) > 180)
    t.reason[bad] = "no usable coordinates"


def _into_areas(t: _Placing, areas, label_points: bool) -> None:
    """Points (coordinates, or towns and camps named) fall into the area that holds them; the rest say why not."""
    need = ~t.matched & ~np.isnan(t.lat) & (t.reason == "")
    if need.any():
        idx = np.flatnonzero(need)
        found = points_in_areas(t.lon[idx], t.lat[idx], areas.geometry.values)
        inside = idx[found >= 0]
        t.target[inside] = found[found >= 0]
        t.how[inside] = np.where(t.how[inside] == "", "point", t.how[inside])
        t.score[inside] = np.where(np.isnan(t.score[inside]), 100.0, t.score[inside])
        outside = idx[found < 0]
        t.reason[outside] = [
            f"matched {w}, outside every area" if w else "outside every area" for w in t.where[outside]
        ]
    t.reason[~t.matched & (t.reason == "")] = "no area"
    if label_points:  # points are many: label only the ones left over (the areas say how many points they got)
        lost = np.flatnonzero(~t.matched)
        t.label[lost] = [f"{t.lat[i]:.5f},{t.lon[i]:.5f}" if not np.isnan(t.lat[i]) else "" for i in lost]


def _per_area(t: _Placing, figures, areas, names_col, shipped: bool, counts_only: bool):
    """One row per area drawn: the shipped countries that have data (their empty areas as no data), or all."""
    import geopandas as gpd

    m = t.matched
    frame = pd.DataFrame({"area": t.target, "value": figures.values})
    per_area = frame[m].groupby("area").agg(value=("value", lambda s: s.sum(min_count=1)), rows=("value", "size"))
    if counts_only:
        queries = pd.Series(t.target[m]).value_counts().map(lambda k: f"{k:,} point{'s' if k > 1 else ''}")
    else:
        queries = pd.Series(t.label[m]).groupby(t.target[m]).agg(_some)
    if shipped:
        countries = sorted(set(areas.loc[per_area.index, "iso_a2"])) if len(per_area) else []
        drawn = areas[areas["iso_a2"].isin(countries)].copy()
    else:
        countries = _countries_of(areas)
        drawn = areas.copy()
    drawn["value"] = per_area["value"].reindex(drawn.index)
    drawn["rows"] = per_area["rows"].reindex(drawn.index).fillna(0).astype(int)
    drawn["queries"] = [queries.get(i, "") for i in drawn.index]
    drawn["name"] = drawn[names_col].astype(str) if names_col else drawn["key"]
    if "pcode" not in drawn.columns or not shipped:
        drawn["pcode"] = drawn["key"]
    drawn["pcode"] = drawn["pcode"].fillna("")
    columns = ["key", "name", "pcode", "value", "rows", "queries"]
    joined = gpd.GeoDataFrame(drawn[columns].reset_index(drop=True), geometry=drawn.geometry.values, crs=4326)
    return joined, countries


def _unmatched(rows, t: _Placing, figures, value, df):
    """The input rows that matched no area, as they came, with their row number, figure and reason."""
    m = t.matched
    unmatched = rows[~m].copy()
    unmatched.insert(0, "row", _row_numbers(df)[~m])
    if value is not None and value != "value":
        unmatched = unmatched.drop(columns=["value"], errors="ignore")  # a column "value" that is not the figures
    unmatched["reason"] = t.reason[~m]
    unmatched["value"] = figures.values[~m]  # the figure as read, after the reason (or in place of a value column)
    return pd.DataFrame(unmatched.drop(columns="geometry", errors="ignore")).reset_index(drop=True)


def _match_table(t: _Placing, areas, names_col, df):
    """One row per input row: where it went and how, for the user to check."""
    m = t.matched
    area_names = (areas[names_col].astype(str) if names_col else areas["key"]).to_numpy(dtype=object)
    area_keys = areas["key"].astype(str).to_numpy(dtype=object)
    safe = np.where(m, t.target, 0)
    return pd.DataFrame({
        "row": _row_numbers(df), "query": t.label, "key": np.where(m, area_keys[safe], ""),
        "area": np.where(m, area_names[safe], ""), "how": t.how, "score": t.score, "reason": t.reason,
    })  # fmt: skip


def points_in_areas(x, y, geoms) -> np.ndarray:
    """Index of the first area holding each point (-1 for none); points on an edge count for one area.

    A bounding-box filter and prepared ``contains_xy`` per area, then ``intersects`` for the few
    points left (those on an edge): several times faster than one ``sjoin`` on a million points.
    """
    import shapely

    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    out = np.full(len(x), -1, dtype=np.int64)
    for i, geom in enumerate(geoms):
        if geom is None or geom.is_empty:
            continue
        west, south, east, north = geom.bounds
        cand = np.flatnonzero((out < 0) & (x >= west) & (x <= east) & (y >= south) & (y <= north))
        if len(cand) == 0:
            continue
        shapely.prepare(geom)
        out[cand[shapely.contains_xy(geom, x[cand], y[cand])]] = i
    left = np.flatnonzero(out < 0)
    if len(left):
        tree = shapely.STRtree(geoms)
        pts, hit = tree.query(shapely.points(x[left], y[left]), predicate="intersects")
        order = np.lexsort((hit, pts))  # the first area for each point
        pts, hit = pts[order], hit[order]
        first = np.unique(pts, return_index=True)[1]
        out[left[pts[first]]] = hit[first]
    return out


def _countries_of(areas) -> list[str]:
    """ISO codes of the shipped countries that hold user areas (so the basemap does not name them over the data)."""
    from geo import boundaries

    countries = boundaries.admin0()
    points = areas.geometry.representative_point().values
    hit = points_in_areas(shapely_x(points), shapely_y(points), countries.geometry.values)
    return sorted({countries["iso_a2"].iat[i] for i in hit if i >= 0})


def shapely_x(points):
    import shapely

    return shapely.get_x(points)


def shapely_y(points):
    import shapely

    return shapely.get_y(points)


def _some(labels, shown: int = 6) -> str:
    """The distinct names or codes that made an area's figure, a few of them for thousands of points."""
    distinct = list(dict.fromkeys(labels))
    more = f" and {len(distinct) - shown} more" if len(distinct) > shown else ""
    return ", ".join(distinct[:shown]) + more


def _guess_key(areas) -> str:
    for col in sorted(map(str, areas.columns), key=lambda c: (-int(c.upper().endswith("PCODE")), -len(c))):
        if col.upper().endswith("PCODE"):
            return col
    for col in ("pcode", "key", "id", "code"):
        if col in areas.columns:
            return col
    raise InputError(
        f"which column of the boundaries holds the area codes? pass key= (--boundary-key); "
        f"columns are: {', '.join(map(str, areas.columns))}"
    )


def area_name_column(areas, key: str | None) -> str | None:
    """The column of the areas' names (ADM3_EN beside ADM3_PCODE, name …), or None."""
    cols = [str(c) for c in areas.columns]
    if key and key.upper().endswith("_PCODE"):
        stem = key[: -len("_PCODE")]
        for suffix in ("_EN", "_NAME", "_REF"):
            if stem + suffix in cols:
                return stem + suffix
    for col in ("name", "NAME", "name_en", "Name"):
        if col in cols:
            return col
    for col in cols:
        if col.upper().endswith("_EN") or "NAME" in col.upper():
            return col
    return None


def _name_columns(areas) -> list[str]:
    return [
        str(c)
        for c in areas.columns
        if c != "geometry"
        and (str(c).upper().endswith(("_EN", "_AR", "_FR", "NAME", "_REF")) or "name" in str(c).lower())
    ]


def _match_area_names(texts, areas, names_col, t: _Placing) -> None:
    """User boundaries: a name spelt like an area's name (after folding) picks that area, if only one has it.

    The areas' own name column is tried first (ADM3_EN for a sub-district file), then its other name
    columns (Arabic, parents' names); a name two areas share is reported, not guessed.
    """
    from geo.names import fold

    columns = _name_columns(areas)
    if names_col in columns:
        columns.remove(names_col)
        columns.insert(0, names_col)
    indexes = []
    for col in columns:
        index: dict[str, set[int]] = {}
        for i, v in enumerate(areas[col]):
            if isinstance(v, str) and v.strip():
                index.setdefault(fold(v), set()).add(i)
        indexes.append(index)
    keys = areas["key"].astype(str).to_numpy()
    for i, text in enumerate(texts):
        if not text:
            continue
        key = fold(text)
        for index in indexes:
            hit = index.get(key)
            if not hit:
                continue
            if len(hit) == 1:
                t.put(i, next(iter(hit)), "name")
            else:
                codes = ", ".join(sorted(keys[j] for j in hit)[:5])
                t.reason[i] = f"ambiguous: {len(hit)} areas are named {text!r} ({codes}); use their P-codes"
            break


def _match_gazetteer(texts, areas, country, min_score, t: _Placing, gazetteer=None) -> None:
    """Names the areas' own names did not place: through the gazetteer, to an area or to a point inside one."""
    from geo.geocode import resolve

    todo = [i for i, text in enumerate(texts) if t.target[i] < 0 and not t.reason[i]]
    if not todo:
        return
    unique = list(dict.fromkeys(texts[i] for i in todo if texts[i]))
    found = dict(zip(unique, resolve(unique, country=country, min_score=min_score, gazetteer=gazetteer)))
    by_uid = {u: i for i, u in enumerate(areas["uid"])} if "uid" in areas.columns else {}
    by_code = {}
    for i, k in enumerate(areas["key"]):
        by_code.setdefault(_norm_code(k), i)
    for i in todo:
        text = texts[i]
        if not text:
            t.reason[i] = "empty name"
            continue
        m = found[text]
        if not m.matched:
            t.reason[i] = m.note or "no match"
            continue
        area = by_uid.get(m.id, -1)
        if area < 0 and m.pcode:
            area = by_code.get(_norm_code(m.pcode), -1)
        # a community or district in one of the areas, by the codes of the areas it lies in
        codes = [c for c in map(_norm_code, (m.admin3_pcode, m.admin2_pcode, m.admin1_pcode)) if c in by_code]
        if area >= 0 and m.kind not in POINT_KINDS:
            # "southern Idlib" is part of Idleb: counted there, and the choice says so
            t.put(i, area, f"{m.how}, part ({m.qualifier})" if m.qualifier else m.how, m.score)
        elif codes:
            t.put(i, by_code[codes[0]], f"{m.kind} inside", m.score)
        elif m.kind in POINT_KINDS:
            t.lat[i], t.lon[i], t.how[i], t.score[i] = m.lat, m.lon, f"{m.kind} inside", m.score
            t.where[i] = f"{m.name} ({m.kind}, {m.country or '?'}, {m.lat:.3f},{m.lon:.3f})"
        else:
            t.reason[i] = f"matched {m.name} ({m.kind}, {m.country}), which is not one of the areas mapped"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(str(text).split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _warnings(joined, unmatched, matches, points: bool) -> list[str]:
    out = []
    if len(unmatched):
        shown = "; ".join(f"row {r}: {_short(q) if q else '(blank)'} ({why})" for r, q, why in zip(
            unmatched["row"][:10], matches.loc[matches["key"] == "", "query"][:10], unmatched["reason"][:10]
        ))  # fmt: skip
        more = f" and {len(unmatched) - 10} more" if len(unmatched) > 10 else ""
        out.append(f"{len(unmatched)} row(s) matched no area and are not on the map: {shown}{more}")
    if not points:
        # towns and camps inside an area add up by design; only rows naming the same area twice are duplicates
        named = matches[(matches["key"] != "") & (matches["how"] != "point") & ~matches["how"].str.endswith("inside")]
        counts = named.groupby("key", sort=False)["row"].agg(list)
        parts = []
        for k, numbers in counts.items():
            if len(numbers) > 1:
                area = named.loc[named["key"] == k, "area"].iloc[0]
                parts.append(f"{area} ({k}): rows {', '.join(map(str, numbers[:8]))}")
        if parts:
            out.append(f"several rows for one area were summed: {'; '.join(parts[:10])}")
    return out


def choices(joined) -> list[str]:
    """One line per distinct name → area decision, for the user to check ("'Damascus' → Damascus (SY01; …)")."""
    matches = joined.attrs.get("matches")
    if matches is None:
        return []
    out = []
    named = matches[(matches["key"] != "") & ~matches["how"].isin(["pcode", "point"])]
    for r in named.drop_duplicates(["query", "key"]).itertuples():
        out.append(f"{r.query!r} → {r.area} ({r.key}; {r.how}, score {r.score:.0f})")
    return out
